import * as assert from 'assert';
import * as path from 'path';
import { spawnSync } from 'child_process';

// The extension activates for every plain-text and Markdown file; expanding the figure word lists
// (about 9,000 spellings, most of what loading the bundle cost) must wait for the first scan.
describe('figures: word lists expanded on the first scan, not at load', () => {
  it('loading the lexicon builds nothing; the first findFigures fills it and finds the figure', function () {
    this.timeout(30000);
    const dir = path.join(__dirname, '../../src/core/figures');
    const script = `
      const lex = require(${JSON.stringify(path.join(dir, 'lexicon.js'))});
      const before = { size: lex.LEXICON.size, bloom: lex.BLOOM.some((w) => w !== 0), trigger: lex.TRIGGER_BLOOM.some((w) => w !== 0) };
      const { findFigures } = require(${JSON.stringify(path.join(dir, 'index.js'))});
      const found = findFigures('بلغ عدد الزوار ثلاثة آلاف زائر.');
      const after = { size: lex.LEXICON.size, bloom: lex.BLOOM.some((w) => w !== 0), trigger: lex.TRIGGER_BLOOM.some((w) => w !== 0) };
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
