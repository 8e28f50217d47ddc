// `npm run bench [CORPUS]`: times every stage of Khabar on one corpus in one process, prints one
// table, and writes bench/results.json, docs/bench-scaling.svg and BENCHMARKS.md.
// Each stage is warmed up first; ratios are taken within the run so machine load cancels out.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fold, tokenize } from '../src/core/arabic';
import { findClaims } from '../src/core/claims/index';
import { detect } from '../src/core/detect';
import { findEntities } from '../src/core/entities/findEntities';
import { findFigures } from '../src/core/figures/index';
import type { EntityDetection, FigureDetection } from '../src/core/types';
import { cpuMs, wallMs } from './clock';
import { loadCorpus } from './corpus';
import { measureReanchoring } from './anchoring';
import { measureAnchorShift, measureDecorations, measureModelLoad, measureExport, measureSidecar } from './pieces';
import { scalingSvg } from './plot';
import { renderMarkdown, tableRows } from './report';
import type { BigFileResult } from './bigFile';
import { measureColdStart } from './coldStart';
import { measureActivation } from './activationBench';
import type { BigFiles, Results, ScalingPoint, StageResult } from './types';
import { installNodePlatform } from '../src/platform/node/install';

installNodePlatform();

const ROOT = path.resolve(__dirname, '..', '..');

interface Args {
  corpus?: string;
  quick: boolean;
  write: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, write: true };
  for (const a of argv) {
    if (a === '--quick') args.quick = true;
    else if (a === '--no-write') args.write = false;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('Usage: npm run bench -- [CORPUS_FILE_OR_FOLDER] [--quick] [--no-write]\n');
      process.exit(0);
    } else if (a.startsWith('-')) {
      process.stderr.write(`bench: unknown option ${a}\n`);
      process.exit(2);
    } else args.corpus = a;
  }
  return args;
}

const now = cpuMs;

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Times fn over every article after a warm-up over the first few: CPU and wall ms. */
function timeStage(articles: readonly string[], fn: (text: string, i: number) => unknown): { cpu: number; wall: number } {
  // A whole pass first: under --single-threaded the optimising compiler runs on this thread, and a
  // short warm-up left its work inside the timed pass (figures read 5.5 M chars/s here, 20+ when warm).
  for (let i = 0; i < articles.length; i++) fn(articles[i]!, i);
  gc();
  const c0 = cpuMs();
  const w0 = wallMs();
  for (let i = 0; i < articles.length; i++) fn(articles[i]!, i);
  return { cpu: cpuMs() - c0, wall: wallMs() - w0 };
}

/** Prefix of `source` of exactly n code units, repeating it if short, never ending inside a surrogate pair. */
export function textOfSize(source: string, n: number): string {
  let s = source;
  while (s.length < n) s += '\n' + source;
  let end = n;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

/** Median time of fn(text), repeated until ~budget ms or maxReps runs (at least minReps). */
function timeRepeated(fn: () => unknown, budgetMs: number, minReps: number, maxReps: number): { ms: number; reps: number } {
  fn();
  const samples: number[] = [];
  const t0 = now();
  while (samples.length < minReps || (samples.length < maxReps && now() - t0 < budgetMs)) {
    const t = now();
    fn();
    samples.push(now() - t);
  }
  return { ms: median(samples), reps: samples.length };
}

/** Least-squares slope of log(ms) against log(chars): 1 is linear, 2 quadratic. */
function logLogSlope(points: ReadonlyArray<{ chars: number; ms: number }>): number {
  const xs = points.map((p) => Math.log(p.chars));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

/**
 * Whole files of 1, 2, 4 and 8 MB (a quarter of that with --quick), with their paragraphs and as
 * one line, and the whole corpus as one file: each `detect()`d in a fresh process (bench/bigFile.ts)
 * for its own CPU time and peak memory. The text goes to the system's temporary folder, never
 * into the repository, and is deleted after.
 */
function measureBigFiles(articles: readonly string[], joined: string, quick: boolean): BigFiles {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-bench-'));
  const script = path.join(ROOT, 'bench', 'tmp', 'bigfile.js');
  const run = (name: string, text: string, again = false): BigFileResult => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    try {
      const flags = ['--expose-gc', '--single-threaded', '--max-old-space-size=8192', script, file, ...(again ? ['--again'] : [])];
      const out = execFileSync(process.execPath, flags, { encoding: 'utf8', maxBuffer: 1 << 20 });
      return JSON.parse(out) as BigFileResult;
    } finally {
      fs.rmSync(file, { force: true });
    }
  };
  try {
    const mb = 1 << 20;
    const sizes = (quick ? [0.25, 0.5, 1, 2] : [1, 2, 4, 8]).map((x) => Math.round(x * mb));
    const oneLineSource = articles.map((a) => a.replace(/\s+/g, ' ')).join(' ');
    const paragraphs = sizes.map((n) => run(`paragraphs-${n}.txt`, textOfSize(joined, n)));
    process.stderr.write('bench: big files with paragraphs done\n');
    const oneLine = sizes.map((n) => run(`one-line-${n}.txt`, textOfSize(oneLineSource, n).replace(/\n/g, ' ')));
    process.stderr.write('bench: one-line files done\n');
    const corpus = run('corpus.txt', quick ? textOfSize(joined, 3 * mb) : joined, true);
    const last = (xs: BigFileResult[]): number => xs.at(-1)!.detectMs / xs.at(-2)!.detectMs;
    return { paragraphs, oneLine, corpus, quick, lastRatio: last(paragraphs), lastRatioOneLine: last(oneLine) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = wallMs();
  const loadAverage = os.loadavg()[0]!;
  const corpus = loadCorpus(args.corpus, ROOT);
  if (corpus.generated) process.stderr.write(`bench: ${corpus.note}\n`);
  const articles = args.quick ? corpus.articles.slice(0, 300) : corpus.articles;
  const totalChars = articles.reduce((a, s) => a + s.length, 0);
  process.stderr.write(`bench: ${articles.length} articles, ${totalChars.toLocaleString('en')} characters from ${corpus.source}\n`);

  // Every later number depends on detect(); if it cannot run (a model missing, a module mid-edit),
  // say why and stop rather than publish a table of partial figures.
  try {
    detect(articles[0] ?? '');
  } catch (e) {
    process.stderr.write(`bench: detect() fails, nothing measured: ${(e as Error).message}\n`);
    process.exit(1);
  }
  const stage = (name: string, t: { cpu: number; wall: number }): StageResult => ({
    name,
    chars: totalChars,
    ms: t.cpu,
    wallMs: t.wall,
    charsPerSecond: totalChars / (t.cpu / 1000),
  });
  const stages: StageResult[] = [];
  const tokenizeTime = timeStage(articles, (t) => tokenize(t));
  stages.push(stage('tokenisation (baseline)', tokenizeTime));
  stages.push(stage('normalisation (fold)', timeStage(articles, (t) => fold(t))));
  const figures: FigureDetection[][] = [];
  stages.push(stage('figures', timeStage(articles, (t, i) => (figures[i] = findFigures(t)))));
  const entities: EntityDetection[][] = [];
  stages.push(stage('entities', timeStage(articles, (t, i) => (entities[i] = findEntities(t)))));
  stages.push(stage('claims (given figures and entities)', timeStage(articles, (t, i) => findClaims(t, { entities: entities[i]!, figures: figures[i]! }))));
  figures.length = 0;
  entities.length = 0;
  const pipelineTime = timeStage(articles, (t) => detect(t));
  stages.push(stage('whole detect pipeline', pipelineTime));
  const peakByPhase: Record<string, number> = {};
  const phase = (name: string): void => {
    peakByPhase[name] = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stderr.write(`bench: ${name} done\n`);
  };
  phase('stages');

  // 5,000-character articles cut from the running text, as an editor would see a typical article.
  const joined = articles.join('\n\n');
  const size = 5000;
  const pieceTimes: number[] = [];
  const maxPieces = args.quick ? 200 : 2000;
  for (let i = 0; i + size <= joined.length && pieceTimes.length < maxPieces; i += size) {
    const piece = textOfSize(joined.slice(i, i + size), size);
    const t0 = now();
    detect(piece);
    pieceTimes.push(now() - t0);
  }
  const sortedPieces = [...pieceTimes].sort((a, b) => a - b);
  const perArticle = {
    size,
    count: pieceTimes.length,
    medianMs: median(pieceTimes),
    p95Ms: percentile(sortedPieces, 95),
    maxMs: sortedPieces.at(-1) ?? 0,
  };
  phase('per-article');

  const sizes = args.quick ? [1e3, 1e4, 1e5] : [1e3, 3e3, 1e4, 3e4, 1e5, 3e5, 1e6];
  const points: ScalingPoint[] = [];
  for (const n of sizes) {
    const text = textOfSize(joined, n);
    gc();
    const d = timeRepeated(() => detect(text), args.quick ? 100 : 600, 3, 200);
    const t = timeRepeated(() => tokenize(text), args.quick ? 50 : 200, 3, 200);
    points.push({ chars: text.length, detectMs: d.ms, tokenizeMs: t.ms, reps: d.reps });
  }
  // Each recogniser alone at the two largest sizes: which one (if any) bends the pipeline's curve.
  const [smallN, largeN] = args.quick ? [1e4, 1e5] : [1e5, 1e6];
  const stageScaling = (['figures', 'entities', 'claims'] as const).map((name) => {
    const at = (n: number): number => {
      const text = textOfSize(joined, n);
      const f = findFigures(text);
      const e = findEntities(text);
      const run = (): unknown => (name === 'figures' ? findFigures(text) : name === 'entities' ? findEntities(text) : findClaims(text, { figures: f, entities: e }));
      gc();
      return timeRepeated(run, args.quick ? 50 : 300, 2, 20).ms;
    };
    const smallMs = at(smallN);
    const largeMs = at(largeN);
    return { name, smallChars: smallN, largeChars: largeN, smallMs, largeMs, ratio: largeMs / smallMs };
  });
  const large = points.filter((p) => p.chars >= 1e4);
  const scaling = {
    points,
    slope: logLogSlope(large.map((p) => ({ chars: p.chars, ms: p.detectMs }))),
    nsPerCharSmall: (large[0]!.detectMs * 1e6) / large[0]!.chars,
    nsPerCharLarge: (large.at(-1)!.detectMs * 1e6) / large.at(-1)!.chars,
    stages: stageScaling,
  };
  phase('scaling');

  const bigFiles = measureBigFiles(articles, joined, args.quick);
  phase('big files');

  const sidecar = measureSidecar(joined, args.quick ? [100, 1000] : [100, 1000, 10000], path.join(ROOT, 'bench', 'tmp', 'sidecar'));
  phase('sidecar');
  const megabyte = textOfSize(joined, 1 << 20);
  const decorationPerKeystroke = measureDecorations(megabyte);
  const modelLoad = measureModelLoad();
  const modelLoadCold = measureColdStart(articles);
  const anchorShiftPerKeystroke = measureAnchorShift(megabyte);
  phase('editor');
  // 10,000 random edit scripts over 60 real articles, every annotation judged by its characters.
  const reanchoring = measureReanchoring(articles, args.quick ? 1000 : 10_000, 60);
  phase('reanchoring');
  const exportRows = await measureExport(articles.slice(0, args.quick ? 50 : 500));
  phase('export');
  const { bundle, ...activation } = measureActivation(ROOT, articles);
  phase('activation');

  const results: Results = {
    schema: 1,
    date: new Date().toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      nproc: os.availableParallelism(),
      memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
      loadAverage,
    },
    corpus: { source: corpus.source, generated: corpus.generated, ...(corpus.note ? { note: corpus.note } : {}), articles: articles.length, chars: totalChars },
    stages,
    pipelineOverTokenize: pipelineTime.cpu / tokenizeTime.cpu,
    bigFiles,
    perArticle,
    scaling,
    sidecar,
    export: exportRows,
    decorationPerKeystroke,
    modelLoad,
    modelLoadCold,
    anchorShiftPerKeystroke,
    reanchoring,
    activation,
    bundle,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    peakRssByPhaseMB: peakByPhase,
    totalSeconds: (wallMs() - started) / 1000,
  };

  process.stdout.write(printTable(results));
  if (!args.write) return;
  fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'docs', 'bench-scaling.svg'),
    scalingSvg(`Khabar: time against article size (${corpus.generated ? 'generated text' : 'SaudiNewsNet text'})`, [
      { name: 'detect() pipeline', color: '#c0392b', points: points.map((p) => ({ chars: p.chars, ms: p.detectMs })) },
      { name: 'tokenize() alone', color: '#2c7fb8', points: points.map((p) => ({ chars: p.chars, ms: p.tokenizeMs })) },
    ]),
  );
  fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), renderMarkdown(results));
  process.stderr.write('bench: wrote bench/results.json, docs/bench-scaling.svg, BENCHMARKS.md\n');
}

function printTable(r: Results): string {
  const rows = tableRows(r);
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  const line = (a: string, b: string, c: string): string => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`.trimEnd() + '\n';
  let out = line('measure', 'value', 'notes');
  out += line('-'.repeat(w0), '-'.repeat(w1), '-----');
  for (const [a, b, c] of rows) out += line(a, b, c);
  return out;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
