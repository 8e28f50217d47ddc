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
/**
 * Source files allowed in more than one of the four files, each a copy of its own: pure helpers
 * whose module state, if any, is a cache (a second copy costs bytes, never correctness). The
 * exporters part shares the anchoring and sidecar-format helpers with extension.js; core/sha256
 * has one more rule (every copy gets the native hash, below). Never a library (node_modules), never
 * a part's own code: the yaml library once was in detection.js and sidecar.js both.
 */
const SHARED_HELPERS = new Set([
  'src/core/vocabulary.ts',
  'src/core/labelNames.ts',
  'src/core/arabic.ts',
  'src/core/decode.ts',
  'src/core/sha256.ts',
  'src/platform/node/nativeSha256.ts',
  'src/core/annotationRecord.ts',
  'src/core/editor/marks.ts',
  'src/core/editor/records.ts',
  'src/core/reader/layout.ts',
  'src/core/export/reportMarker.ts',
  'src/core/export/articleUrl.ts',
  'src/core/figures/calendar.ts',
  'src/core/sidecar/bytes.ts',
  'src/core/sidecar/format.ts',
  'src/core/sidecar/suffix.ts',
  'src/core/sidecar/emit.ts',
  'src/core/sidecar/validate.ts',
  'src/core/sidecar/sync.ts',
  // Settings: the exporters' copy is never watched, so it reads the settings afresh each time.
  'src/host/config.ts',
]);
/**
 * The re-anchoring folder as a whole (pure functions; its only module state is scratch buffers and
 * a one-entry cache in far.ts), so a new anchoring helper file does not need its own line here.
 */
const SHARED_FOLDERS = /^src\/core\/anchor\/[^/]+\.ts$/;
const sharedHelper = (i: string): boolean => SHARED_HELPERS.has(i) || SHARED_FOLDERS.test(i);

const LAZY_FOLDERS =
  /^src\/core\/(entities|claims|figures|export|import)\/|^src\/core\/detect\.ts$|^src\/core\/sidecar\/(parse|serialize|largeInteger)\.ts$|^src\/host\/exportCommand\.ts$|^src\/host\/lazy\/(detection|sidecar|exporters)\.ts$|\/node_modules\/yaml\//;

describe('activation bundle (production build: extension.js and its lazy parts)', function () {
  this.timeout(120_000);
  let outputs: Record<string, { inputs: string[]; text: string; bytes: number }>;
  /** Per part, the inputs that put code in it (bytesInOutput > 0). */
  let code: Record<string, string[]>;

  before(async () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-activation-'));
    try {
      const result = await esbuild.build({ ...extensionOptions({ production: true, outdir }), write: false, metafile: true });
      outputs = {};
      code = {};
      for (const f of result.outputFiles) {
        const meta = Object.entries(result.metafile.outputs).find(([k]) => path.resolve(ROOT, k) === f.path)![1];
        outputs[path.basename(f.path)] = { inputs: Object.keys(meta.inputs), text: f.text, bytes: f.contents.length };
        code[path.basename(f.path)] = Object.entries(meta.inputs)
          .filter(([, i]) => i.bytesInOutput > 0)
          .map(([k]) => k);
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

  it('each part is required at run time by file, by extension.js only; detection and the sidecar parser have one copy (exporters get those parts from extension.js)', () => {
    const ext = outputs['extension.js']!.text;
    for (const part of Object.keys(LAZY_PARTS)) assert.match(ext, new RegExp(`require\\("\\./${part}\\.js"\\)`), part);
    for (const part of Object.keys(LAZY_PARTS)) {
      assert.doesNotMatch(outputs[`${part}.js`]!.text, /require\("\.\/(detection|sidecar|exporters)\.js"\)/, `${part}.js loads a part itself`);
    }
    assert.ok(!outputs['exporters.js']!.inputs.includes('src/core/detect.ts'), 'exporters.js bundles its own detect()');
    for (const own of ['src/core/sidecar/parse.ts', 'src/core/sidecar/largeInteger.ts']) {
      assert.deepStrictEqual(Object.keys(outputs).filter((o) => outputs[o]!.inputs.includes(own)), ['sidecar.js'], own);
    }
    assert.ok(outputs['detection.js']!.inputs.includes('src/core/detect.ts'));
    assert.ok(outputs['exporters.js']!.inputs.includes('src/host/exportCommand.ts'));
  });

  it('no source file is in two files but the shared helpers; no library ever (the yaml library is the sidecar part\'s alone)', () => {
    const where = new Map<string, string[]>();
    for (const [file, o] of Object.entries(outputs)) for (const i of o.inputs) where.set(i, [...(where.get(i) ?? []), file]);
    const twice = [...where].filter(([i, files]) => files.length > 1 && (!sharedHelper(i) || i.includes('node_modules/')));
    assert.deepStrictEqual(twice.map(([i, files]) => `${i}: ${files.join(' ')}`), []);
    const yaml = [...where].filter(([i]) => i.includes('node_modules/yaml/'));
    assert.ok(yaml.length > 10 && yaml.every(([, files]) => files.join() === 'sidecar.js'), JSON.stringify(yaml.slice(0, 3)));
    assert.ok(code['sidecar.js']!.includes('src/core/entities/parseUserList.ts'), 'the entity list is read in the sidecar part, beside yaml');
  });

  it('every copy of core/sha256 gets Node\'s native hash (its part installs it)', () => {
    const withSha = Object.keys(outputs).filter((o) => outputs[o]!.inputs.includes('src/core/sha256.ts'));
    assert.ok(withSha.includes('exporters.js'), withSha.join());
    for (const o of withSha) assert.ok(code[o]!.includes('src/platform/node/nativeSha256.ts'), `${o} has core/sha256 but never installs the native hash`);
  });

  it('extension.js is under a fifth of the whole', () => {
    const total = Object.values(outputs).reduce((n, o) => n + o.bytes, 0);
    assert.ok(outputs['extension.js']!.bytes * 5 < total, `extension.js ${outputs['extension.js']!.bytes} of ${total} bytes`);
  });

  it('.vscodeignore ships every part', () => {
    const listed = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const name of ['extension', ...Object.keys(LAZY_PARTS)]) assert.ok(listed.includes(`!dist/${name}.js`), `.vscodeignore lacks !dist/${name}.js`);
  });

  /** Runs activationChild.js on a build's extension.js and a file (see there for the options and the result). */
  function child(bundle: string, file: string, options: Record<string, unknown> = {}): ChildResult {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'activationChild.js'), bundle, file, JSON.stringify(options)], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as ChildResult;
  }

  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-activation-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Written for these tests: "Al-Nakhla Company said that the ministry in Riyadh will spend 5 million
  // dollars in 2020." The model finds Riyadh (LOC); the company is a name only the entity list knows.
  const ARTICLE = 'وقالت شركة النخلة إن الوزارة في الرياض ستنفق 5 ملايين دولار في عام 2020.\n';
  // dist/ is the dev build `npm run test:unit` makes first; the same esbuild.js options.
  const BUILD = path.join(ROOT, 'dist', 'extension.js');

  it('the built extension activates without loading a part, and the first article loads detection alone and is decorated by the model', () => {
    const article = path.join(dir, 'article.txt');
    fs.writeFileSync(article, ARTICLE);
    const out = child(BUILD, article);
    assert.deepStrictEqual(out.atActivation, ['extension.js']);
    assert.deepStrictEqual(out.afterArticle, ['detection.js', 'extension.js']);
    assert.strictEqual(out.partial, false);
    assert.ok((out.spans.figure ?? []).some((t) => t.includes('5 ملايين دولار')), JSON.stringify(out.spans));
    // The entity model ran: a figure alone would also be drawn with the model gone (figures only).
    assert.deepStrictEqual(out.spans.LOC, ['الرياض'], JSON.stringify(out.spans));
    assert.ok(!out.spans.ORG?.includes('شركة النخلة'), 'without the list, the company is not a name');
    assert.deepStrictEqual(out.output.filter((l) => /detection failed|could not load/.test(l)), []);
  });

  it('a workspace entity list loads nothing at activation nor for a non-Arabic file; an article reads it (sidecar part) and applies it', () => {
    fs.mkdirSync(path.join(dir, '.khabar'));
    fs.writeFileSync(path.join(dir, '.khabar', 'entities.yaml'), '- text: شركة النخلة\n  label: ORG\n');
    fs.writeFileSync(path.join(dir, 'README.txt'), 'Notes for the team: nothing here is Arabic.\n');
    fs.writeFileSync(path.join(dir, 'article.txt'), ARTICLE);
    const readme = child(BUILD, path.join(dir, 'README.txt'), { workspace: dir });
    assert.deepStrictEqual(readme.atActivation, ['extension.js']);
    assert.deepStrictEqual(readme.afterArticle, ['extension.js']);
    const article = child(BUILD, path.join(dir, 'article.txt'), { workspace: dir });
    assert.deepStrictEqual(article.afterArticle, ['detection.js', 'extension.js', 'sidecar.js']);
    assert.deepStrictEqual(article.spans.ORG, ['شركة النخلة'], JSON.stringify(article.spans));
    assert.deepStrictEqual(article.output, []);
    // A bad list: said once in the output channel, when first used; detection goes on without it.
    fs.writeFileSync(path.join(dir, '.khabar', 'entities.yaml'), '- text: شركة النخلة\n  label: COMPANY\n');
    const bad = child(BUILD, path.join(dir, 'article.txt'), { workspace: dir });
    assert.deepStrictEqual(bad.output, [`${path.join(dir, '.khabar', 'entities.yaml')}: entities.yaml: entry 1: label must be PER, LOC, ORG or MISC, not COMPANY`]);
    assert.deepStrictEqual(bad.spans.LOC, ['الرياض']);
  });

  describe('a part that cannot be loaded (a dist/ copy without it)', () => {
    function distWithout(part: string): string {
      const copy = path.join(dir, 'ext', 'dist');
      fs.mkdirSync(copy, { recursive: true });
      for (const name of ['extension', ...Object.keys(LAZY_PARTS)]) {
        if (name !== part) fs.copyFileSync(path.join(ROOT, 'dist', `${name}.js`), path.join(copy, `${name}.js`));
      }
      fs.symlinkSync(path.join(ROOT, 'models'), path.join(dir, 'ext', 'models'));
      return path.join(copy, 'extension.js');
    }
    const said = (out: ChildResult, what: string): void => {
      const message = new RegExp(`^Khabar could not load its ${what} \\(dist/\\w+\\.js\\): Cannot find module '\\./\\w+\\.js'; reinstall the extension\\.$`);
      assert.strictEqual(out.output.filter((l) => message.test(l)).length, 1, JSON.stringify(out.output));
      assert.strictEqual(out.shown.filter((l) => message.test(l.replace(/^error: /, ''))).length, 1, JSON.stringify(out.shown));
      assert.ok(!JSON.stringify(out).includes('Require stack'), 'the raw require error reached the user');
    };

    it('detection: the article is drawn (nothing), hover answers, and the failure is said once, not retried', () => {
      const article = path.join(dir, 'article.txt');
      fs.writeFileSync(article, ARTICLE);
      const out = child(distWithout('detection'), article);
      assert.strictEqual(out.updateError, undefined);
      assert.strictEqual(out.partial, false);
      assert.ok(!out.hover.startsWith('threw'), out.hover);
      said(out, 'detection code');
      assert.deepStrictEqual(out.output.filter((l) => l.startsWith('detection failed')), []);
    });

    it('sidecar: loading the annotations fails with the clear message, said once', () => {
      fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'export', 'article.txt'), path.join(dir, 'article.txt'));
      fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'export', 'article.txt.annotations.yaml'), path.join(dir, 'article.txt.annotations.yaml'));
      const out = child(distWithout('sidecar'), path.join(dir, 'article.txt'), { store: true });
      assert.match(out.store ?? '', /^threw: Khabar could not load its annotations-file code \(dist\/sidecar\.js\)/);
      said(out, 'annotations-file code');
    });

    it('exporters: Export… fails with the clear message, said once', () => {
      const article = path.join(dir, 'article.txt');
      fs.writeFileSync(article, ARTICLE);
      const out = child(distWithout('exporters'), article, { export: true });
      assert.strictEqual(out.exported, 'ran', 'the command registry catches the failure');
      said(out, 'export code');
    });
  });
});

interface ChildResult {
  atActivation: string[];
  afterArticle: string[];
  updateError?: string;
  partial: boolean;
  spans: Record<string, string[]>;
  hover: string;
  store?: string;
  exported?: string;
  output: string[];
  shown: string[];
}
