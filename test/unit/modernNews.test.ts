// The modern-news yardstick's builder (scripts/ner/modernNews.ts): labels without text are joined
// to a corpus by offsets and checked by hash. The corpus here is a tiny fixture written for these
// tests (no SaudiNewsNet text); the repository's own labels file is checked for form only.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readSpanFile } from '../../scripts/ner/evaluate';
import {
  buildSpanRows,
  parseSets,
  pickSentences,
  readLabels,
  sentenceHash,
  urlHash,
  writeSpanFiles,
  type CorpusArticle,
  type ModernLabel,
} from '../../scripts/ner/modernNews';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const URL_0 = 'http://example.com/news/0';
const URL_1 = 'http://example.com/news/1';
const CONTENT_0 =
  ' خبر اليوم\n وصل الوزير أحمد السالم إلى الرياض أمس. وقال إنه سعيد بالزيارة! شكرا.\n' +
  ' وأعلنت وزارة الصحة عن حملة جديدة في جدة هذا الأسبوع.\n';
const CONTENT_1 = 'فاز فريق النصر على ضيفه بهدفين في مباراة الأمس؟ نعم';
const CORPUS: CorpusArticle[] = [
  { url: URL_0, content: CONTENT_0 },
  { url: URL_1, content: CONTENT_1 },
];

/** A label for the sentence at `sentence` in article `article`, spans given by their words. */
function label(article: number, sentence: string, set: ModernLabel['set'], names: Array<[string, string]>): ModernLabel {
  const content = CORPUS[article]!.content;
  const start = content.indexOf(sentence);
  assert.ok(start >= 0, `fixture: ${sentence}`);
  const spans = names.map(([word, type]): [number, number, string] => {
    const at = sentence.indexOf(word);
    return [at, at + word.length, type];
  });
  return { article, urlHash: urlHash(CORPUS[article]!.url), start, end: start + sentence.length, hash: sentenceHash(sentence), set, spans };
}

const S1 = 'وصل الوزير أحمد السالم إلى الرياض أمس.';
const S2 = 'وأعلنت وزارة الصحة عن حملة جديدة في جدة هذا الأسبوع.';
const S3 = 'فاز فريق النصر على ضيفه بهدفين في مباراة الأمس؟';
const LABELS: ModernLabel[] = [
  label(0, S1, 'A', [['أحمد السالم', 'PER'], ['الرياض', 'LOC']]),
  label(0, S2, 'A', [['وزارة الصحة', 'ORG'], ['جدة', 'LOC']]),
  label(1, S3, 'B', [['النصر', 'ORG']]),
];

describe('modern-news yardstick builder (issue 16)', () => {
  it('picks sentences of 5 to 50 words, cut at line breaks and . ! ? ؟, with offsets into content', () => {
    const picked = pickSentences(CONTENT_0, 6).map((s) => CONTENT_0.slice(s.start, s.end));
    // the two-word headline, the four-word sentence and «شكرا.» are too short
    assert.deepStrictEqual(picked, [S1, S2]);
    assert.deepStrictEqual(pickSentences(CONTENT_0, 1).map((s) => CONTENT_0.slice(s.start, s.end)), [S1]);
    assert.deepStrictEqual(pickSentences(CONTENT_1, 6).map((s) => CONTENT_1.slice(s.start, s.end)), [S3]);
    const long = Array.from({ length: 51 }, () => 'كلمة').join(' ');
    assert.deepStrictEqual(pickSentences(long, 6), []);
  });

  it('hashes a sentence to 12 hex digits that change with one letter', () => {
    assert.match(sentenceHash(S1), /^[0-9a-f]{12}$/);
    assert.strictEqual(sentenceHash(S1), sentenceHash(S1));
    assert.notStrictEqual(sentenceHash(S1), sentenceHash(S1.replace('الرياض', 'الرياظ')));
  });

  it('joins labels to the corpus by offsets, per set, spans on the right words', () => {
    const rows = buildSpanRows(LABELS, CORPUS, ['A']);
    assert.deepStrictEqual(rows.map((r) => r.text), [S1, S2]);
    const words = rows.flatMap((r) => r.spans.map((s) => `${s.label} ${r.text.slice(s.start, s.end)}`));
    assert.deepStrictEqual(words, ['PER أحمد السالم', 'LOC الرياض', 'ORG وزارة الصحة', 'LOC جدة']);
    assert.deepStrictEqual(buildSpanRows(LABELS, CORPUS, ['B']).map((r) => r.article), [1]);
  });

  it('stops with a clear error when the text at the offsets no longer has the hash', () => {
    const changed: CorpusArticle[] = [{ url: URL_0, content: CONTENT_0.replace('الرياض', 'الدمام') }, CORPUS[1]!];
    assert.throws(() => buildSpanRows(LABELS, changed, ['A']), /article 0 \[\d+, \d+\): text hash [0-9a-f]{12} does not match the label's [0-9a-f]{12} \(has the corpus changed\?\)/);
    // a shifted article (one character inserted before the sentence) fails the same way
    const shifted: CorpusArticle[] = [{ url: URL_0, content: ' ' + CONTENT_0 }, CORPUS[1]!];
    assert.throws(() => buildSpanRows(LABELS, shifted, ['A']), /does not match/);
  });

  it('names a missing article, another url, and offsets past the content', () => {
    assert.throws(() => buildSpanRows(LABELS, CORPUS.slice(0, 1), ['B']), /article 1 .*the corpus has only 1 articles/);
    const otherUrl: CorpusArticle[] = [CORPUS[0]!, { url: 'http://example.com/other', content: CONTENT_1 }];
    assert.throws(() => buildSpanRows(LABELS, otherUrl, ['B']), /another article there \(url http:\/\/example\.com\/other/);
    const cut: CorpusArticle[] = [CORPUS[0]!, { url: URL_1, content: CONTENT_1.slice(0, 10) }];
    assert.throws(() => buildSpanRows(LABELS, cut, ['B']), /content is 10 characters long/);
  });

  describe('files', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-modern-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('writes span files that --spans reads, gold spans on the labelled words', () => {
      const labelsFile = path.join(dir, 'labels.jsonl');
      const corpusFile = path.join(dir, 'corpus.jsonl');
      fs.writeFileSync(labelsFile, LABELS.map((l) => JSON.stringify(l)).join('\n') + '\n');
      fs.writeFileSync(corpusFile, CORPUS.map((a) => JSON.stringify({ source: 'fixture', ...a })).join('\n') + '\n');
      const [a, b] = writeSpanFiles(labelsFile, corpusFile, ['A', 'B'], path.join(dir, 'out'));
      const doc = readSpanFile(a!);
      assert.strictEqual(doc.lines, 2);
      assert.deepStrictEqual(doc.gold.map((g) => doc.text.slice(g.start, g.end)), ['أحمد السالم', 'الرياض', 'وزارة الصحة', 'جدة']);
      assert.deepStrictEqual(readSpanFile(b!).gold.map((g) => g.label), ['ORG']);
      assert.throws(() => writeSpanFiles(labelsFile, corpusFile, ['C'], path.join(dir, 'out')), /no sentences in set C/);
      assert.throws(() => writeSpanFiles(labelsFile, path.join(dir, 'none.jsonl'), ['A'], dir), /no corpus at/);
    });

    it('rejects a labels line with a span outside its sentence or an unknown set, naming the line', () => {
      const bad = path.join(dir, 'bad.jsonl');
      const outside = { ...LABELS[0]!, spans: [[0, 500, 'PER']] };
      fs.writeFileSync(bad, `${JSON.stringify(LABELS[1])}\n${JSON.stringify(outside)}\n`);
      assert.throws(() => readLabels(bad), /bad\.jsonl:2: span \[0,500,"PER"\] is not/);
      fs.writeFileSync(bad, JSON.stringify({ ...LABELS[0]!, set: 'D' }) + '\n');
      assert.throws(() => readLabels(bad), /bad\.jsonl:1: "set" is A, B or C/);
      fs.writeFileSync(bad, JSON.stringify({ ...LABELS[0]!, spans: [[0, 3, 'DATE']] }) + '\n');
      assert.throws(() => readLabels(bad), /is not \[start, end, PER\|LOC\|ORG\|MISC\]/);
    });
  });

  it('reads --modern sets and refuses others', () => {
    assert.deepStrictEqual(parseSets('a,B'), ['A', 'B']);
    assert.throws(() => parseSets('A,D'), /sets are A, B or C, not "D"/);
    assert.throws(() => parseSets(''), /needs a set/);
  });

  it("the repository's labels file: well formed, no text, spans apart, one line per sentence", () => {
    const file = path.join(ROOT, 'data', 'modern-news', 'labels.jsonl');
    const labels = readLabels(file);
    const count = (set: string): number => labels.filter((l) => l.set === set).length;
    assert.deepStrictEqual([count('A'), count('B'), count('C')], [80, 67, 160]);
    const keys = new Set(labels.map((l) => `${l.article}:${l.start}`));
    assert.strictEqual(keys.size, labels.length, 'a sentence labelled twice');
    for (const l of labels) {
      assert.deepStrictEqual(Object.keys(l).sort(), ['article', 'end', 'hash', 'set', 'spans', 'start', 'urlHash']);
      const sorted = [...l.spans].sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]![0] >= sorted[i - 1]![1], `overlapping spans in article ${l.article}`);
      // A and B come from articles 2500–2985, C from 2000–2499 (the sets must not share articles)
      assert.ok(l.set === 'C' ? l.article >= 2000 && l.article < 2500 : l.article >= 2500 && l.article <= 2985);
    }
    // no words: not one Arabic letter, and no url (some carry the headline as a slug)
    for (const l of labels) assert.doesNotMatch(JSON.stringify(l), /[\u0600-\u06ff]|%D8|%D9|http/i);
  });
});
