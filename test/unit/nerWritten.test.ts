// The sentences Khabar's authors wrote for training (data/ner/written/): well-formed CoNLL in
// ANERcorp's tag set and tokenisation, so that a slip in a hand edit cannot quietly train the
// shipped model on a broken span; and our own text, none of it copied from ANERcorp.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { sharedFile } from './shared';

const DIR = path.resolve(__dirname, '..', '..', '..', 'data', 'ner', 'written');
const TAGS = new Set(['O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC']);
const PUNCT = /[،.؛:!?؟«»"()\[\]]/;

function files(): string[] {
  return fs.readdirSync(DIR).filter((n) => n.endsWith('.conll')).sort();
}

function sentencesOf(file: string): string[][][] {
  const out: string[][][] = [];
  let cur: string[][] = [];
  for (const line of fs.readFileSync(path.join(DIR, file), 'utf8').split('\n')) {
    if (line === '') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(line.split(' '));
  }
  if (cur.length) out.push(cur);
  return out;
}

describe('NER training: the written sentences', () => {
  it('are there, with a README that says what they are', () => {
    assert.ok(files().length >= 4, `expected the written .conll files in ${DIR}`);
    assert.ok(fs.existsSync(path.join(DIR, 'README.md')));
  });

  it('are CoNLL `token TAG` lines in BIO over ANERcorp tags, tokenised as ANERcorp is', () => {
    for (const f of files()) {
      const text = fs.readFileSync(path.join(DIR, f), 'utf8');
      assert.ok(!text.includes('\r') && !text.startsWith('\ufeff'), `${f}: LF line ends, no BOM`);
      sentencesOf(f).forEach((s, si) => {
        const where = `${f} sentence ${si + 1}`;
        assert.ok(s.length >= 3 && s.length <= 80, `${where}: ${s.length} tokens`);
        let prev = 'O';
        for (const fields of s) {
          assert.strictEqual(fields.length, 2, `${where}: «${fields.join(' ')}» is not TOKEN TAG`);
          const [token, tag] = fields as [string, string];
          assert.ok(TAGS.has(tag), `${where}: unknown tag ${tag}`);
          if (tag.startsWith('I-')) assert.ok(prev.slice(2) === tag.slice(2) && prev !== 'O', `${where}: ${tag} after ${prev} at «${token}»`);
          assert.ok(token.length === 1 || !PUNCT.test(token[0]!) && !PUNCT.test(token[token.length - 1]!) || /^[\d.,%]+$/.test(token), `${where}: punctuation glued to «${token}»`);
          assert.ok(!/[\u064b-\u0652]/.test(token), `${where}: harakat in «${token}»`);
          prev = tag;
        }
      });
    }
  });

  it('share no sentence with the ANERcorp train part', function () {
    const anercorp = sharedFile('data/anercorp-train/train.txt', this);
    if (!anercorp) return;
    const known = new Set<string>();
    let cur: string[] = [];
    for (const line of fs.readFileSync(anercorp, 'utf8').split(/\r?\n/)) {
      const t = line.trim();
      if (!t) {
        if (cur.length) known.add(cur.join(' '));
        cur = [];
      } else cur.push(t.slice(0, t.lastIndexOf(' ')));
    }
    for (const f of files()) for (const s of sentencesOf(f)) assert.ok(!known.has(s.map((x) => x[0]).join(' ')), `${f}: «${s.map((x) => x[0]).join(' ')}» is ANERcorp's`);
  });
});
