// Issue #19's house rules, enforced: no source file over 500 lines and no function over 80 lines
// unless a comment at its top says why ("long because …"). The measuring is scripts/sizes.js's
// (one checker for people and for the tests); this test runs it on src/ and shows it can fail.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SIZES = path.join(ROOT, 'scripts', 'sizes.js');

function sizes(...targets: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [SIZES, ...targets], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('house rules (issue 19): small files, short functions', () => {
  it('src/ has no file over 500 lines and no function over 80 without a reason at its top', () => {
    const r = sizes('src');
    assert.strictEqual(r.status, 0, r.out);
  });

  describe('the checker', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-sizes-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const body = Array.from({ length: 85 }, (_, i) => `  x += ${i};`).join('\n');

    it('fails on a function of 88 lines and names it', () => {
      const f = path.join(dir, 'long.ts');
      fs.writeFileSync(f, `export function tally(): number {\n  let x = 0;\n${body}\n  return x;\n}\n`);
      const r = sizes(f);
      assert.strictEqual(r.status, 1, r.out);
      assert.match(r.out, /long\.ts:1 +tally/);
    });

    it('accepts one whose comment says why it is long', () => {
      const f = path.join(dir, 'reasoned.ts');
      fs.writeFileSync(f, `/** Long because one flat loop measured faster than helpers here. */\nexport function tally(): number {\n  let x = 0;\n${body}\n  return x;\n}\n`);
      const r = sizes(f);
      assert.strictEqual(r.status, 0, r.out);
    });

    it('fails on a file of 501 lines', () => {
      const f = path.join(dir, 'big.ts');
      fs.writeFileSync(f, Array.from({ length: 501 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n');
      const r = sizes(f);
      assert.strictEqual(r.status, 1, r.out);
      assert.match(r.out, /501 +\S*big\.ts +file/);
    });
  });
});
