// src/core runs anywhere: every file of it bundles for the browser (esbuild, platform "browser")
// with no Node built-in and no `vscode` import. Node's share (the model file, the native hasher,
// the user list file) lives in src/platform/node, which the host, the CLI and the tests install.
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import { createHash } from 'crypto';
import { sha256HexPure } from '../../src/core/sha256';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORE = path.join(ROOT, 'src', 'core');

function coreFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? coreFiles(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The forbidden imports of a bundle of `entries`, as "importer → module". */
async function forbiddenImports(entries: string[]): Promise<string[]> {
  const found: string[] = [];
  const result = await esbuild.build({
    entryPoints: entries,
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    outdir: 'out-browser-check',
    logLevel: 'silent',
    plugins: [
      {
        name: 'forbid-node',
        setup(build) {
          build.onResolve({ filter: /.*/ }, (args) => {
            if (NODE.has(args.path) || args.path === 'vscode') {
              found.push(`${path.relative(ROOT, args.importer)} → ${args.path}`);
              return { path: args.path, external: true };
            }
            return undefined;
          });
        },
      },
    ],
  });
  assert.deepStrictEqual(result.errors, []);
  return found;
}

describe('core runs anywhere (bundled for the browser)', function () {
  this.timeout(60000);

  it('no file of src/core imports a Node built-in or vscode, directly or through another file', async () => {
    const files = coreFiles(CORE);
    assert.ok(files.length > 50, `only ${files.length} core files found`);
    assert.deepStrictEqual(await forbiddenImports(files), []);
  });

  it('the check catches a Node built-in two imports away', async () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'out', 'browser-check-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { createHash } from 'crypto';\nexport const b = createHash;\n");
      assert.deepStrictEqual(await forbiddenImports([path.join(dir, 'a.ts')]), [`${path.relative(ROOT, path.join(dir, 'b.ts'))} → crypto`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the core SHA-256 (no crypto module)', () => {
  it('equals Node’s for empty, Arabic, emoji, lone surrogates and every padding boundary', () => {
    const cases = ['', 'abc', 'وقال المتحدث باسم الوزارة 😀', '\ud800x', '\u0000'];
    for (let n = 50; n <= 130; n++) cases.push('ب'.repeat(n >> 1) + 'a'.repeat(n & 1));
    cases.push('خبر '.repeat(50_000));
    for (const s of cases) assert.strictEqual(sha256HexPure(s), createHash('sha256').update(s, 'utf8').digest('hex'), `length ${s.length}`);
  });
});
