import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { BLOOM, BLOOM_BITS, DECLARED, ensureLexicon, HASH_SEED, hashStep, IDENT_FINALS, lexiconSize, lookupForm, TRIGGER_BLOOM, type Entry } from '../../src/core/figures/lexicon';
import { expandLexicon, generatedLexiconSource } from '../../src/core/figures/lexiconExpand';

const hashOf = (s: string): number => {
  let h = HASH_SEED;
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
};

// The extension activates for every plain-text and Markdown file; indexing the figure word lists
// (about 10,000 spellings) must wait for the first scan.
describe('figures: word lists indexed on the first scan, not at load', () => {
  it('loading the lexicon builds nothing; the first findFigures fills it and finds the figure', function () {
    this.timeout(30000);
    const dir = path.join(__dirname, '../../src/core/figures');
    const script = `
      const lex = require(${JSON.stringify(path.join(dir, 'lexicon.js'))});
      const before = { size: lex.lexiconSize(), bloom: lex.BLOOM.some((w) => w !== 0), trigger: lex.TRIGGER_BLOOM.some((w) => w !== 0) };
      const { findFigures } = require(${JSON.stringify(path.join(dir, 'index.js'))});
      const found = findFigures('بلغ عدد الزوار ثلاثة آلاف زائر.');
      const after = { size: lex.lexiconSize(), bloom: lex.BLOOM.some((w) => w !== 0), trigger: lex.TRIGGER_BLOOM.some((w) => w !== 0) };
      process.stdout.write(JSON.stringify({ before, after, values: found.map((f) => f.value && f.value.number) }));
    `;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30000 });
    assert.strictEqual(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      before: { size: number; bloom: boolean; trigger: boolean };
      after: { size: number; bloom: boolean; trigger: boolean };
      values: Array<number | undefined>;
    };
    assert.deepStrictEqual(out.before, { size: 0, bloom: false, trigger: false });
    assert.ok(out.after.size > 5000, `lexicon has ${out.after.size} spellings after the first scan`);
    assert.ok(out.after.bloom && out.after.trigger);
    assert.ok(out.values.includes(3000), `ثلاثة آلاف read as ${JSON.stringify(out.values)}`);
  });
});

// The spellings are expanded when the code is built (scripts/figures/genLexicon.ts); the lists in
// lexicon.ts stay the source of truth, and what runs must be exactly what they expand to.
describe('figures: the generated spellings are what the word lists expand to', () => {
  it('lexiconData.generated.ts is the expansion of the lists as they are now (regenerate with scripts/figures/genLexicon.ts)', () => {
    const file = path.join(__dirname, '../../../src/core/figures/lexiconData.generated.ts');
    assert.ok(fs.readFileSync(file, 'utf8') === generatedLexiconSource(), 'lexiconData.generated.ts is stale: run scripts/figures/genLexicon.ts');
  });

  it('every spelling looks up the readings the expansion gives, in its order, and nothing else is known', () => {
    ensureLexicon();
    const expanded = expandLexicon();
    assert.ok(expanded.size > 5000);
    assert.strictEqual(lexiconSize(), expanded.size);
    for (const [form, readings] of expanded) {
      const got = lookupForm(form, hashOf(form));
      assert.ok(got, `${form} is not found`);
      assert.deepStrictEqual(
        got.map((r) => [r.e, r.pre, r.m]),
        readings.map((x) => {
          const e = DECLARED[x.entry]![1];
          return [e, x.pre, { ...e, pre: x.pre }];
        }),
        form,
      );
      // The very entry objects of the lists, not copies of them.
      got.forEach((r, i) => assert.ok(r.e === DECLARED[readings[i]!.entry]![1], form));
      // A form with one more or one fewer letter is another form.
      for (const other of [form + 'ب', form.slice(0, -1)]) {
        if (!expanded.has(other)) assert.strictEqual(lookupForm(other, hashOf(other)), undefined, other);
      }
    }
    assert.strictEqual(lookupForm('ثلاثة', hashOf('ثلاثة'))![0]!.e.t, 'num');
    assert.strictEqual(lookupForm('كتابة', hashOf('كتابة')), undefined);
  });

  it('the Bloom filters and the identifier endings are those of the expanded spellings', () => {
    ensureLexicon();
    const trigger = new Set<Entry['t']>(['weekday', 'rel', 'relHead', 'demonstrative', 'month', 'monthHead', 'hmonth', 'hmonthHead', 'num', 'scale', 'frac', 'ord', 'hourNoun']);
    const bloom = new Uint32Array(BLOOM.length);
    const triggers = new Uint32Array(BLOOM.length);
    const finals = new Set<number>();
    for (const [form, readings] of expandLexicon()) {
      const bit = hashOf(form) >>> (32 - BLOOM_BITS);
      bloom[bit >>> 5]! |= 1 << (bit & 31);
      const entries = readings.map((r) => ({ e: DECLARED[r.entry]![1], pre: r.pre }));
      if (entries.some(({ e, pre }) => trigger.has(e.t) || (e.t === 'tunit' && (!!e.dual || pre.endsWith('ال') || pre.endsWith('لل'))))) {
        triggers[bit >>> 5]! |= 1 << (bit & 31);
      }
      if (entries.some(({ e }) => e.t === 'ident')) finals.add(form.charCodeAt(form.length - 1));
    }
    assert.ok(Buffer.from(BLOOM.buffer).equals(Buffer.from(bloom.buffer)), 'BLOOM differs');
    assert.ok(Buffer.from(TRIGGER_BLOOM.buffer).equals(Buffer.from(triggers.buffer)), 'TRIGGER_BLOOM differs');
    assert.deepStrictEqual([...IDENT_FINALS].sort(), [...finals].sort());
  });
});
