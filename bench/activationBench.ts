// Activation as an editor session pays it: the production bundle required and activated in fresh
// processes (bench/activation.ts, built as bench/tmp/activation.js), a small article opened after.
// One require inside the long-running bench process said little (code already compiled, caches
// warm, 35–55 ms between runs); fresh processes are what a window opening costs.
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type { ActivationRun } from './activation';
import type { Results } from './types';

/** Fresh processes per measurement: an odd number, so the median is one of them. */
const PROCESSES = 9;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** An annotations file for `text` (article.txt): one accepted MISC span over its first ten characters. */
function sidecarFor(text: string): string {
  const q = (s: string): string => JSON.stringify(s);
  return [
    'khabar: 1',
    'document:',
    '  path: article.txt',
    `  sha256: ${createHash('sha256').update(text, 'utf8').digest('hex')}`,
    `  length: ${text.length}`,
    'annotations:',
    '  - id: e1',
    '    kind: entity',
    '    label: MISC',
    '    status: accepted',
    '    target:',
    '      start: 0',
    '      end: 10',
    `      exact: ${q(text.slice(0, 10))}`,
    '      prefix: ""',
    `      suffix: ${q(text.slice(10, 42))}`,
    '',
  ].join('\n');
}

function bytesOf(file: string): { bytes: number; gzip: number } | undefined {
  if (!fs.existsSync(file)) return undefined;
  const b = fs.readFileSync(file);
  return { bytes: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length };
}

/**
 * The production build (bench/tmp/prod, built like `node esbuild.js --production`): its sizes, and
 * PROCESSES fresh processes that require extension.js with the stub vscode API, activate() it and
 * open one small corpus article (1,000–2,000 characters, written to the system's temporary folder)
 * until its full detection is drawn. Median and minimum of each; wall clock.
 */
export function measureActivation(root: string, articles: readonly string[]): Results['activation'] & { bundle: Results['bundle'] } {
  const prodDir = path.join(root, 'bench', 'tmp', 'prod');
  const prod = path.join(prodDir, 'extension.js');
  const main = bytesOf(prod);
  const dev = bytesOf(path.join(root, 'dist', 'extension.js'));
  const lazyParts: Record<string, number> = {};
  for (const f of fs.existsSync(prodDir) ? fs.readdirSync(prodDir).sort() : []) {
    if (f.endsWith('.js') && f !== 'extension.js') lazyParts[f] = fs.statSync(path.join(prodDir, f)).size;
  }
  const bundle: Results['bundle'] = { productionBytes: main?.bytes ?? null, productionGzipBytes: main?.gzip ?? null, devBytes: dev?.bytes ?? null, lazyParts };
  if (!main) return { loadMs: null, activateMs: null, note: 'n/a (production bundle missing: run node bench/build.js)', bundle };
  const article = articles.find((a) => a.length >= 1000 && a.length <= 2000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-bench-'));
  const file = path.join(dir, 'article.txt');
  if (article) fs.writeFileSync(file, article);
  const runs: ActivationRun[] = [];
  // The same article with an annotations file beside it: the first annotated article also loads dist/sidecar.js.
  const annotatedDir = path.join(dir, 'annotated');
  const annotated = path.join(annotatedDir, 'article.txt');
  const sidecarRuns: ActivationRun[] = [];
  try {
    const script = path.join(__dirname, 'activation.js');
    for (let i = 0; i < PROCESSES; i++) {
      const out = execFileSync(process.execPath, [script, prod, ...(article ? [file] : [])], { encoding: 'utf8' });
      runs.push(JSON.parse(out) as ActivationRun);
    }
    if (article) {
      fs.mkdirSync(annotatedDir);
      fs.writeFileSync(annotated, article);
      fs.writeFileSync(`${annotated}.annotations.yaml`, sidecarFor(article));
      for (let i = 0; i < PROCESSES; i++) sidecarRuns.push(JSON.parse(execFileSync(process.execPath, [script, prod, annotated], { encoding: 'utf8' })) as ActivationRun);
      if (!sidecarRuns[0]!.loaded.includes('sidecar.js')) throw new Error(`the annotated article did not load sidecar.js (${sidecarRuns[0]!.loaded.join(', ')})`);
    }
  } catch (e) {
    return { loadMs: null, activateMs: null, note: `n/a (a fresh activation failed: ${(e as Error).message.split('\n')[0]})`, bundle };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const of = (k: 'loadMs' | 'activateMs' | 'firstArticleMs' | 'loadActivateCpuMs' | 'firstArticleCpuMs'): number[] => runs.map((r) => r[k]).filter((x): x is number => x !== undefined);
  const lo = (xs: number[]): number => Math.min(...xs);
  const first = of('firstArticleMs');
  return {
    loadMs: median(of('loadMs')),
    loadMinMs: lo(of('loadMs')),
    activateMs: median(of('activateMs')),
    activateMinMs: lo(of('activateMs')),
    loadActivateCpuMs: median(of('loadActivateCpuMs')),
    registrations: runs[0]!.registrations,
    processes: PROCESSES,
    ...(first.length ? { firstArticleMs: median(first), firstArticleMinMs: lo(first), firstArticleCpuMs: median(of('firstArticleCpuMs')), firstArticleChars: article!.length } : {}),
    ...(sidecarRuns.length
      ? {
          firstAnnotatedArticleMs: median(sidecarRuns.map((r) => r.firstArticleMs!)),
          firstAnnotatedArticleCpuMs: median(sidecarRuns.map((r) => r.firstArticleCpuMs!)),
          loadedAfterAnnotatedArticle: sidecarRuns[0]!.loaded,
        }
      : {}),
    loadedAtActivation: runs[0]!.loadedAtActivation,
    loadedAfterArticle: runs[0]!.loaded,
    // An async activate would be timed only to its first await; none is today, and this says so if it changes.
    note: `production build, stub vscode API; median of ${PROCESSES} fresh processes, wall clock${runs.some((r) => r.asyncActivate) ? ' (activate() is async: timed to its first await)' : ''}`,
    bundle,
  };
}
