// One activation in a fresh process, what an editor session really pays once: the production
// bundle require()d with the shared stand-in `vscode` module (test/fakes/vscode.ts), activate(),
// and, given an article file, that article opened in a visible editor until its full detection is
// drawn. Built as bench/tmp/activation.js; run by bench/run.ts (measureActivation) several times.
// Usage: node bench/tmp/activation.js <bundle/extension.js> [article.txt]
// Prints JSON (ActivationRun); wall-clock milliseconds.
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { FakeTextDocument, FakeTextEditor, Range, Uri, makeVscodeStub, withStubbedVscode, type StubCounters } from '../test/fakes/vscode';

export interface ActivationRun {
  /** require() of the bundle. */
  loadMs: number;
  activateMs: number;
  registrations: number;
  /** activate() returned a promise: activateMs is then only to its first await. */
  asyncActivate: boolean;
  /** From before the require to the article's quick first paint (figures), when an article is given. */
  firstPaintMs?: number;
  /** From before the require to the article's full detection drawn (and its annotations file read, when it has one). */
  firstArticleMs?: number;
  /** CPU time (user + system) of the process for require + activate(), and to the article drawn: steadier than wall time on a loaded machine. */
  loadActivateCpuMs: number;
  firstArticleCpuMs?: number;
  /** Decorations drawn by the full pass (a check that the article really was decorated). */
  ranges?: number;
  /** Files of the bundle's folder loaded once activate() returned, by name (no lazy part should be). */
  loadedAtActivation: string[];
  /** The same at the end (with an article: the detection part too). */
  loaded: string[];
}

interface Api {
  updateNow(editor: unknown): number;
  drawn(editor: unknown): { partial: boolean; spans: Record<string, unknown[]> } | undefined;
  store: { load(doc: unknown): Promise<{ records: unknown[] }> };
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** The files of the bundle's folder in require's cache, by name. */
function loadedFiles(bundle: string): string[] {
  const dir = path.dirname(path.resolve(bundle));
  return Object.keys(require.cache)
    .filter((f) => path.dirname(f) === dir)
    .map((f) => path.basename(f))
    .sort();
}

/**
 * The drawn article against a direct detect() of its text by the same build's detection part: a
 * broken entity model (figures only) would otherwise pass as a faster first article. Throws, so
 * the bench reports the run failed rather than a speed-up.
 */
function checkDrawn(bundle: string, text: string, spans: Record<string, unknown[]>): void {
  const detection = require(path.join(path.dirname(path.resolve(bundle)), 'detection.js')) as { detect(text: string): Array<{ kind: string; label?: string }> };
  const found = detection.detect(text);
  const entities = new Map<string, number>();
  for (const d of found) if (d.kind === 'entity' && d.label) entities.set(d.label, (entities.get(d.label) ?? 0) + 1);
  const drawnEntities = ['PER', 'LOC', 'ORG', 'MISC'].reduce((n, k) => n + (spans[k]?.length ?? 0), 0);
  const missing = [...entities.keys()].filter((label) => !spans[label]?.length);
  if (missing.length || (entities.size > 0 && drawnEntities === 0)) {
    throw new Error(`the article was drawn without the entities detect() finds (${missing.join(', ')} missing; drawn: ${Object.keys(spans).filter((k) => spans[k]!.length).join(', ')}): is the entity model loading?`);
  }
  if (found.some((d) => d.kind === 'figure') && !spans.figure?.length) throw new Error('the article was drawn without its figures');
}

async function main(): Promise<void> {
  const [bundle, articleFile] = process.argv.slice(2);
  if (!bundle) throw new Error('usage: activation.js <extension.js> [article.txt]');
  const counters: StubCounters = { registrations: 0 };
  const stub = makeVscodeStub(counters);
  const context = (stub.makeContext as () => unknown)();
  const text = articleFile ? fs.readFileSync(articleFile, 'utf8') : undefined;
  let api: Api | undefined;
  let editor: FakeTextEditor | undefined;
  const run = withStubbedVscode(stub, () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const ext = require(bundle) as { activate(c: unknown): Api };
    const t1 = performance.now();
    const returned = ext.activate(context);
    const t2 = performance.now();
    api = returned;
    const r: ActivationRun = { loadMs: t1 - t0, activateMs: t2 - t1, loadActivateCpuMs: cpuSince(c0), registrations: counters.registrations, asyncActivate: (returned as unknown) instanceof Promise, loadedAtActivation: loadedFiles(bundle), loaded: [] };
    if (text !== undefined) {
      const doc = new FakeTextDocument(Uri.file(articleFile!), 'plaintext', text);
      editor = new FakeTextEditor(doc, [new Range(0, 0, doc.lineCount, 0)]);
      stub.fake.visibleTextEditors.push(editor);
      api.updateNow(editor);
      r.firstPaintMs = performance.now() - t0;
    }
    return { r, t0, c0 };
  });
  const { r, t0, c0 } = run;
  if (api && editor) {
    // The full pass follows the quick paint on a timer: wait for it (a minute at most).
    for (let i = 0; i < 60_000 && api.drawn(editor)?.partial !== false; i++) await new Promise((done) => setTimeout(done, 1));
    const drawn = api.drawn(editor);
    if (drawn?.partial !== false) throw new Error('the article was never fully decorated');
    // An article with an annotations file: until the store has read it too (dist/sidecar.js).
    if (fs.existsSync(`${articleFile!}.annotations.yaml`)) {
      const records = (await api.store.load(editor.document)).records.length;
      if (records === 0) throw new Error('the annotations file beside the article gave no records');
    }
    r.firstArticleMs = performance.now() - t0;
    r.firstArticleCpuMs = cpuSince(c0);
    r.ranges = Object.values(drawn.spans).reduce((n, s) => n + s.length, 0);
    checkDrawn(bundle, text!, drawn.spans);
  }
  r.loaded = loadedFiles(bundle);
  process.stdout.write(JSON.stringify(r) + '\n');
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
