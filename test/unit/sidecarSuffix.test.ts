// One sidecar suffix for everyone: with `khabar.sidecarSuffix` set to a non-default (Arabic) suffix,
// the store writes that file, the workspace view lists it, Export of a closed article reads it, and
// the CLI (--sidecar-suffix) reads and writes it. Before, the view kept looking for the default
// (its check refused Arabic letters) and Export ignored the setting.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as vscode from 'vscode';
import { anchorFor } from '../../src/core/anchor/anchor';
import { DEFAULT_SIDECAR_SUFFIX } from '../../src/core/sidecar/format';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { SIDECAR_SUFFIX_PATTERN, sidecarSuffix } from '../../src/core/sidecar/suffix';
import { runCheck } from '../../src/cli/check';
import { runExport } from '../../src/cli/export';
import { UsageError } from '../../src/cli/io';
import { FakeTextDocument, makeVscodeStub, Uri, type FakeApi } from '../fakes/vscode';
import type * as StoreModule from '../../src/host/store/sidecarStore';
import type * as ViewModule from '../../src/host/annotationsView';
import type * as ExportModule from '../../src/host/exportCommand';
import type * as ConfigModule from '../../src/host/config';
import { withVscode } from './withVscode';

const ROOT = path.join(__dirname, '..', '..', '..');
const ARTICLE = path.join(ROOT, 'test', 'fixtures', 'sidecar', 'article.txt');
const SUFFIX = '.ملاحظات.yaml';

function loadHost(): { F: FakeApi; S: typeof StoreModule; V: typeof ViewModule; E: typeof ExportModule; C: typeof ConfigModule } {
  const stub = makeVscodeStub({ registrations: 0 });
  return withVscode(stub, () => ({
      F: stub.fake,
      S: require('../../src/host/store/sidecarStore') as typeof StoreModule,
      V: require('../../src/host/annotationsView') as typeof ViewModule,
      E: require('../../src/host/exportCommand') as typeof ExportModule,
      C: require('../../src/host/config') as typeof ConfigModule,
  }));
}

async function until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) assert.fail(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('sidecar suffix: one setting, one rule, every reader', function () {
  this.timeout(20000);
  const { F, S, V, E, C } = loadHost();
  let dir: string;
  let article: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-suffix-'));
    article = path.join(dir, 'article.txt');
    fs.copyFileSync(ARTICLE, article);
    F.settings['khabar.sidecarSuffix'] = SUFFIX;
    F.workspaceFolders = [{ uri: Uri.file(dir), name: 'suffix', index: 0 }];
  });
  after(() => {
    delete F.settings['khabar.sidecarSuffix'];
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the rule accepts Arabic suffixes, refuses folders and glob characters, and is the package.json pattern', () => {
    for (const ok of [DEFAULT_SIDECAR_SUFFIX, SUFFIX, '.notes.yml', '.k-v_1.yaml']) assert.deepStrictEqual(sidecarSuffix(ok), { suffix: ok }, ok);
    for (const bad of ['annotations.yaml', '.a/b.yaml', '.a\\b', '.x*.yaml', '.{a,b}', '. x', '.']) {
      const r = sidecarSuffix(bad);
      assert.strictEqual(r.suffix, DEFAULT_SIDECAR_SUFFIX, bad);
      assert.ok(r.problem && /sidecar suffix/.test(r.problem), `${bad}: ${r.problem}`);
    }
    assert.deepStrictEqual(sidecarSuffix(undefined), { suffix: DEFAULT_SIDECAR_SUFFIX });
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { pattern?: string; default?: string }> } };
    };
    const setting = pkg.contributes.configuration.properties['khabar.sidecarSuffix']!;
    assert.strictEqual(setting.pattern, SIDECAR_SUFFIX_PATTERN.source, 'package.json validates the setting with the same rule');
    assert.strictEqual(setting.default, DEFAULT_SIDECAR_SUFFIX);
  });

  it('the settings object reports an unusable suffix and falls back to the default', () => {
    F.settings['khabar.sidecarSuffix'] = '../elsewhere.yaml';
    try {
      const c = C.readConfig();
      assert.strictEqual(c.sidecarSuffix, DEFAULT_SIDECAR_SUFFIX);
      assert.match(c.sidecarSuffixProblem ?? '', /must name no folder/);
    } finally {
      F.settings['khabar.sidecarSuffix'] = SUFFIX;
    }
    assert.strictEqual(C.readConfig().sidecarSuffix, SUFFIX);
  });

  it('the store writes ARTICLE + the configured suffix', async () => {
    const doc = new FakeTextDocument(Uri.file(article), 'plaintext', fs.readFileSync(article, 'utf8'));
    F.documents.push(doc);
    const store = new S.SidecarStore({ debounceMs: 10 });
    try {
      const d = doc as unknown as vscode.TextDocument;
      await store.load(d);
      const s = doc.getText().indexOf('أحمد السالم');
      await store.add(d, { kind: 'entity', label: 'PER', status: 'accepted', target: anchorFor(doc.getText(), s, s + 'أحمد السالم'.length) });
      await store.flush();
      await until(() => fs.existsSync(article + SUFFIX), 'the sidecar with the configured suffix');
      assert.ok(!fs.existsSync(article + DEFAULT_SIDECAR_SUFFIX), 'nothing is written under the default suffix');
      const r = parseSidecar(fs.readFileSync(article + SUFFIX, 'utf8'));
      assert.ok(r.ok);
      assert.deepStrictEqual(r.data.annotations.map((a) => a.target.exact), ['أحمد السالم']);
    } finally {
      store.dispose();
      F.documents.splice(F.documents.indexOf(doc), 1);
    }
  });

  it('the workspace view lists the article through that sidecar', async () => {
    const listed = await V.annotatedArticles();
    assert.deepStrictEqual(
      listed.map((a) => [a.article.path, a.sidecar.path, a.summary?.total]),
      [[article, article + SUFFIX, 1]],
    );
  });

  it('Export of a closed article reads that sidecar', async () => {
    const loaded = await E.readSidecar({ sidecar: () => ({ parseSidecar }) as never }, Uri.file(article) as unknown as vscode.Uri);
    assert.ok(loaded !== undefined && typeof loaded === 'object', `the export found no sidecar: ${String(loaded)}`);
    assert.deepStrictEqual(loaded.records.map((r) => r.target.exact), ['أحمد السالم']);
  });

  it('the CLI reads it with --sidecar-suffix (export, check) and refuses a bad one', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-suffix-out-'));
    try {
      const run = async (extra: string[]): Promise<{ code: number; json: string; err: string }> => {
        const out = path.join(outDir, 'out.json');
        const err: string[] = [];
        const code = await runExport(['--format', 'json', '--out', out, ...extra, dir], () => undefined, (s) => err.push(s));
        return { code, json: fs.readFileSync(out, 'utf8'), err: err.join('\n') };
      };
      const withFlag = await run(['--sidecar-suffix', SUFFIX]);
      assert.strictEqual(withFlag.code, 0, withFlag.err);
      assert.ok(withFlag.json.includes('أحمد السالم'), withFlag.json);
      assert.ok(!withFlag.err.includes(SUFFIX), 'the sidecar is not read as an article');
      const without = await run([]);
      assert.ok(!without.json.includes('أحمد السالم'), 'without the flag the default suffix is used');
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
    assert.strictEqual(runCheck(['--sidecar-suffix', SUFFIX, dir], () => undefined, () => undefined), 0);
    assert.strictEqual(runCheck(['--suffix', SUFFIX, article], () => undefined, () => undefined), 0, '--suffix still works');
    await assert.rejects(
      Promise.resolve().then(() => runExport(['--format', 'json', '--sidecar-suffix', '*.yaml', dir], () => undefined, () => undefined)),
      (e: unknown) => e instanceof UsageError && /--sidecar-suffix: the sidecar suffix must start with a dot/.test(e.message),
    );
  });
});
