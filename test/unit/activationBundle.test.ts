// The extension's activation path stays small (issue 17: activation ≤ 50 ms): activation loads
// dist/extension.js only; detection (dist/detection.js) loads on the first article, the sidecar's
// YAML (dist/sidecar.js) on the first annotations file and the exporters (dist/exporters.js) on
// the first export (src/host/lazy/load.ts, esbuild.js LAZY_PARTS).
// An ordinary import of detection or export code from an activation-time module would silently
// bundle it back into extension.js: the production build's metafile says so here.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extensionOptions, LAZY_PARTS } = require(path.join(ROOT, 'esbuild.js')) as {
  extensionOptions(o: { production: boolean; outdir: string }): esbuild.BuildOptions;
  LAZY_PARTS: Record<string, string>;
};

/**
 * The detection, export and import modules that activation-time code may use: small, pure helpers
 * (the report marker, the article URL, the figure hover text and its calendar). Anything else from
 * these folders in extension.js is a lazy part's code pulled back in.
 */
const ALLOWED_IN_ACTIVATION = new Set([
  'src/core/export/reportMarker.ts',
  'src/core/export/articleUrl.ts',
  'src/core/figures/describe.ts',
  'src/core/figures/calendar.ts',
]);
const LAZY_FOLDERS =
  /^src\/core\/(entities|claims|figures|export|import)\/|^src\/core\/detect\.ts$|^src\/core\/sidecar\/(parse|serialize|largeInteger)\.ts$|^src\/host\/exportCommand\.ts$|^src\/host\/lazy\/(detection|sidecar|exporters)\.ts$|\/node_modules\/yaml\//;

describe('activation bundle (production build: extension.js and its lazy parts)', function () {
  this.timeout(120_000);
  let outputs: Record<string, { inputs: string[]; text: string; bytes: number }>;

  before(async () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-activation-'));
    try {
      const result = await esbuild.build({ ...extensionOptions({ production: true, outdir }), write: false, metafile: true });
      outputs = {};
      for (const f of result.outputFiles) {
        const meta = Object.entries(result.metafile.outputs).find(([k]) => path.resolve(ROOT, k) === f.path)![1];
        outputs[path.basename(f.path)] = { inputs: Object.keys(meta.inputs), text: f.text, bytes: f.contents.length };
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('builds extension.js and one file per lazy part', () => {
    assert.deepStrictEqual(Object.keys(outputs).sort(), ['extension.js', ...Object.keys(LAZY_PARTS).map((p) => `${p}.js`)].sort());
  });

  it('extension.js holds no detection or export code beyond the allowed helpers', () => {
    const pulled = outputs['extension.js']!.inputs.filter((i) => LAZY_FOLDERS.test(i) && !ALLOWED_IN_ACTIVATION.has(i));
    assert.deepStrictEqual(pulled, [], `extension.js bundles lazy code: ${pulled.join(', ')}`);
    // The big ones by name, whatever the folder rule above says.
    const big = ['src/core/figures/lexiconData.generated.ts', 'src/core/entities/lexicon.ts', 'src/core/claims/lexicon.ts', 'src/core/export/report.ts', 'src/core/sidecar/parse.ts'];
    for (const b of big) {
      assert.ok(!outputs['extension.js']!.inputs.includes(b), b);
      assert.ok(['detection.js', 'sidecar.js', 'exporters.js'].some((part) => outputs[part]!.inputs.includes(b)), `${b} is in no part`);
    }
  });

  it('each part is required at run time by file; detection and the sidecar parser have one copy (exporters use those parts)', () => {
    const ext = outputs['extension.js']!.text;
    for (const part of Object.keys(LAZY_PARTS)) assert.match(ext, new RegExp(`require\\("\\./${part}\\.js"\\)`), part);
    assert.match(outputs['exporters.js']!.text, /require\("\.\/detection\.js"\)/);
    assert.match(outputs['exporters.js']!.text, /require\("\.\/sidecar\.js"\)/);
    assert.ok(!outputs['exporters.js']!.inputs.includes('src/core/detect.ts'), 'exporters.js bundles its own detect()');
    for (const own of ['src/core/sidecar/parse.ts', 'src/core/sidecar/largeInteger.ts']) {
      assert.deepStrictEqual(Object.keys(outputs).filter((o) => outputs[o]!.inputs.includes(own)), ['sidecar.js'], own);
    }
    assert.ok(outputs['detection.js']!.inputs.includes('src/core/detect.ts'));
    assert.ok(outputs['exporters.js']!.inputs.includes('src/host/exportCommand.ts'));
  });

  it('extension.js is under a fifth of the whole', () => {
    const total = Object.values(outputs).reduce((n, o) => n + o.bytes, 0);
    assert.ok(outputs['extension.js']!.bytes * 5 < total, `extension.js ${outputs['extension.js']!.bytes} of ${total} bytes`);
  });

  it('.vscodeignore ships every part', () => {
    const listed = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const name of ['extension', ...Object.keys(LAZY_PARTS)]) assert.ok(listed.includes(`!dist/${name}.js`), `.vscodeignore lacks !dist/${name}.js`);
  });

  it('the built extension activates without loading a part, and the first article loads detection and is decorated', () => {
    // dist/ is the dev build `npm run test:unit` makes first; the same esbuild.js options.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-activation-'));
    const article = path.join(dir, 'article.txt');
    // Written for this test: "The minister said that the government will spend 5 million dollars in 2020."
    fs.writeFileSync(article, 'قال الوزير إن الحكومة ستنفق 5 ملايين دولار في عام 2020.\n');
    try {
      const r = spawnSync(process.execPath, [path.join(__dirname, 'activationChild.js'), path.join(ROOT, 'dist', 'extension.js'), article], { encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { atActivation: string[]; afterArticle: string[]; partial: boolean; spans: Record<string, string[]> };
      assert.deepStrictEqual(out.atActivation, ['extension.js']);
      assert.deepStrictEqual(out.afterArticle, ['detection.js', 'extension.js']);
      assert.strictEqual(out.partial, false);
      assert.ok((out.spans.figure ?? []).some((t) => t.includes('5 ملايين دولار')), JSON.stringify(out.spans));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
