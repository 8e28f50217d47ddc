// `khabar detect [--format json|text] FILE...`: one JSON object per file (the public contract
// documented in the README), or a readable listing; with --jsonl, a JSON Lines stream of
// {"id","text"} records in and one {"id","annotations"} line per record out, for archives. Many
// articles are spread over worker threads (--jobs), and their results written in input order.

import * as fs from 'fs';
import * as readline from 'readline';
import { isGeneratedReport } from '../core/export/reportMarker';
import type { AnnotationKind, Detection } from '../core/types';
import { defaultJobs, inlineDetector, workerDetector, type DetectAnswer, type Detector, type DetectSettings } from './detectPool';
import { parseArgs, readArticle, UsageError } from './io';
import { Progress } from './progress';

export const DETECT_HELP = `Usage: khabar detect [options] FILE... (use - for stdin)
       khabar detect --jsonl [options] [FILE.jsonl... | -]

Prints what Khabar finds in each article: entities, figures and claims.

Options:
  --format json|text   json: one JSON object per file per line (default); text: one line per finding,
                       FILE:LINE:COL, kind, label, the text, tab-separated; the text is wrapped in
                       invisible U+2068/U+2069 (bidi isolates) so a terminal keeps the columns in order
  --no-isolate         text: leave the isolates out (for grep, cut or a spreadsheet)
  --jsonl              read JSON Lines, one {"id": ..., "text": "..."} object per line (stdin when
                       no FILE is given), and write one {"id": ..., "annotations": [...]} line per
                       record, in input order; a record without an id is written with its "line"
                       number; a bad record gets {"id" or "line", "error": "..."} and a message on
                       stderr, the others go on, and the exit code is 1
  --jobs N             worker threads (default: every core, ${defaultJobs()} here); 1 runs in-process
  --progress, --no-progress
                       draw a progress bar on stderr (default: only when stderr is a terminal)
  --kinds LIST         comma-separated subset of entity,figure,claim (default: all)
  --article-date DATE  the article's date (YYYY-MM-DD) for relative dates like "أمس"
  --max-size BYTES     refuse articles larger than this (default 10 MB)
  --entities FILE      the user's entity list (default: the nearest .khabar/entities.yaml)
`;

/** Articles in flight per worker: enough to keep each busy, few enough to bound memory. */
const IN_FLIGHT_PER_WORKER = 4;
/** Characters of article text in flight at most (one larger article still goes through alone). */
const IN_FLIGHT_CHARS = 64 * 1024 * 1024;
/** Files from which a batch is spread over worker threads. */
const PARALLEL_FILES = 8;
/** Output waiting in stdout's buffer before reading pauses until it drains. */
const OUT_HIGH_WATER = 8 * 1024 * 1024;

/** One unit of work read from the input, or the reason it could not be read. */
interface Item {
  /** files: the path; JSON Lines: the record's id (undefined when it has none). */
  label: string;
  id?: unknown;
  line?: number;
  text?: string;
  error?: string;
  /** Say this on stderr and write nothing (a Khabar report given as an article). */
  skip?: string;
  listFor: string;
  bytes: number;
}

interface DetectFlags {
  format: 'json' | 'text';
  jsonl: boolean;
  inputs: string[];
  maxSize: number | undefined;
  jobs: number;
  settings: DetectSettings;
  /** --progress / --no-progress, or undefined to decide by the terminal. */
  progress: boolean | undefined;
  isolate: boolean;
}

/** The command line, checked; undefined for --help. */
function detectFlags(argv: string[]): DetectFlags | undefined {
  const { flags, positional } = parseArgs(argv, {
    values: ['format', 'kinds', 'article-date', 'max-size', 'entities', 'jobs'],
    booleans: ['help', 'jsonl', 'progress', 'no-progress', 'no-isolate'],
  });
  if (flags.has('help')) return undefined;
  const format = (flags.get('format') as string | undefined) ?? 'json';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not ${format}`);
  const jsonl = flags.has('jsonl');
  if (positional.length === 0 && !jsonl) throw new UsageError('detect needs at least one FILE (or - for stdin)');
  const kinds = parseKinds(flags.get('kinds') as string | undefined);
  const articleDate = flags.get('article-date') as string | undefined;
  if (articleDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(articleDate)) {
    throw new UsageError('--article-date must be YYYY-MM-DD');
  }
  const maxSize = parseSize(flags.get('max-size') as string | undefined);
  const jobsFlag = flags.get('jobs') as string | undefined;
  if (jobsFlag !== undefined && !/^[1-9]\d{0,3}$/.test(jobsFlag)) throw new UsageError(`--jobs must be a whole number from 1, not ${jobsFlag}`);
  if (flags.has('progress') && flags.has('no-progress')) throw new UsageError('--progress and --no-progress contradict each other');
  return {
    format,
    jsonl,
    inputs: positional.length === 0 ? ['-'] : positional,
    maxSize,
    jobs: jobsFlag !== undefined ? Number(jobsFlag) : defaultJobs(),
    settings: {
      ...(kinds ? { kinds: [...kinds] } : {}),
      ...(articleDate ? { articleDate } : {}),
      ...(flags.get('entities') ? { entities: flags.get('entities') as string } : {}),
    },
    progress: flags.has('progress') ? true : flags.has('no-progress') ? false : undefined,
    isolate: !flags.has('no-isolate'),
  };
}

/** The size of all inputs for the progress line; undefined when one is stdin. */
function totalSize(inputs: readonly string[]): number | undefined {
  let total = 0;
  for (const f of inputs) {
    if (f === '-') return undefined;
    try {
      total += fs.statSync(f).size;
    } catch {
      // Reported when the file is read.
    }
  }
  return total;
}

export async function runDetect(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const f = detectFlags(argv);
  if (!f) {
    out(DETECT_HELP);
    return 0;
  }
  // Each thread loads the model (a fraction of a second): worth it for a stream or a batch of files.
  const parallel = f.jobs > 1 && (f.jsonl || f.inputs.length >= PARALLEL_FILES);
  const detector: Detector = parallel ? workerDetector(f.jobs, f.settings) : inlineDetector(f.settings);
  const progress = Progress.forStderr(totalSize(f.inputs), f.jsonl ? 'records' : 'files', detector.workers, f.progress);
  const say = (s: string): void => {
    progress.clear();
    err(s);
  };
  let failed = 0;
  const finish = (item: Item, answer: DetectAnswer | undefined): void => {
    progress.tick(item.bytes, !item.error && (answer?.ok ?? true));
    if (item.skip) {
      say(`khabar: ${item.label}: ${item.skip}`);
      return;
    }
    const reason = item.error ?? (answer && !answer.ok ? answer.reason : undefined);
    if (reason !== undefined) {
      failed++;
      say(`khabar: ${item.label}: ${reason}`);
      if (f.jsonl) out(`{${keyOf(item)},"error":${JSON.stringify(reason)}}`);
      return;
    }
    const json = (answer as { ok: true; json: string }).json;
    if (f.format === 'text') out(formatText(item.label, item.text!, JSON.parse(json) as Detection[], f.isolate));
    else if (f.jsonl) out(`{${keyOf(item)},"annotations":${json}}`);
    // Byte for byte JSON.stringify({ file, annotations }), without parsing the worker's answer.
    else out(`{"file":${JSON.stringify(item.label)},"annotations":${json}}`);
  };
  try {
    await runInOrder(f.jsonl ? jsonLinesItems(f.inputs, f.maxSize) : fileItems(f.inputs, f.maxSize), detector, finish);
  } finally {
    progress.done();
    await detector.close();
  }
  return failed > 0 ? 1 : 0;
}

/**
 * Detects the items on the detector's workers, several at a time, and hands each result to
 * `finish` in input order; the window of pending items is bounded by count and by characters,
 * and waits for stdout to drain.
 */
async function runInOrder(items: AsyncIterable<Item>, detector: Detector, finish: (item: Item, answer: DetectAnswer | undefined) => void): Promise<void> {
  const window: Array<Promise<void>> = [];
  let charsInFlight = 0;
  const stdout = process.stdout;
  const flushHead = async (): Promise<void> => {
    await window.shift();
    if (stdout.writableLength > OUT_HIGH_WATER) await new Promise<void>((resolve) => stdout.once('drain', () => resolve()));
  };
  for await (const item of items) {
    const chars = item.text?.length ?? 0;
    const answered = item.text !== undefined && !item.skip ? detector.run({ text: item.text, listFor: item.listFor }) : Promise.resolve(undefined);
    charsInFlight += chars;
    // Each result is written once every earlier one is: the window keeps input order.
    const previous = window.length ? window[window.length - 1]! : Promise.resolve();
    window.push(
      Promise.all([answered, previous]).then(([answer]) => {
        charsInFlight -= chars;
        finish(item, answer);
      }),
    );
    while (window.length >= Math.max(2, detector.workers * IN_FLIGHT_PER_WORKER) || (charsInFlight > IN_FLIGHT_CHARS && window.length > 0)) {
      await flushHead();
    }
  }
  while (window.length) await flushHead();
}

function keyOf(item: Item): string {
  return item.id !== undefined ? `"id":${JSON.stringify(item.id)}` : `"line":${item.line}`;
}

async function* fileItems(files: readonly string[], maxSize: number | undefined): AsyncGenerator<Item> {
  for (const file of files) {
    const r = readArticle(file, maxSize);
    const bytes = file === '-' ? 0 : safeSize(file);
    if (!r.ok) {
      yield { label: file, error: r.reason, listFor: file, bytes };
    } else if (isGeneratedReport(r.text)) {
      // Khabar's own report quotes articles and names verdicts: analysing it would tag "Misleading" as a name.
      yield { label: file, skip: 'a report generated by Khabar, not an article: skipped', listFor: file, bytes };
    } else {
      yield { label: file, text: r.text, listFor: file, bytes };
    }
  }
}

function safeSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** JSON Lines records from files or stdin, each with its line number; blank lines are skipped. */
async function* jsonLinesItems(files: readonly string[], maxSize: number | undefined): AsyncGenerator<Item> {
  const limit = maxSize ?? 10 * 1024 * 1024;
  for (const file of files) {
    let stream: NodeJS.ReadableStream;
    if (file === '-') {
      stream = process.stdin;
    } else {
      try {
        const st = fs.statSync(file);
        if (st.isDirectory()) {
          yield { label: file, error: 'is a directory', listFor: '-', bytes: 0 };
          continue;
        }
        stream = fs.createReadStream(file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        yield { label: file, error: code === 'ENOENT' ? 'no such file' : (e as Error).message, listFor: '-', bytes: 0 };
        continue;
      }
    }
    const name = file === '-' ? 'stdin' : file;
    const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
    let n = 0;
    try {
      for await (const raw of lines) {
        n++;
        const bytes = Buffer.byteLength(raw) + 1;
        const line = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
        if (line.trim() === '') continue;
        yield recordItem(name, n, line, bytes, limit);
      }
    } catch (e) {
      yield { label: name, error: `cannot be read after line ${n}: ${(e as Error).message}`, line: n + 1, listFor: '-', bytes: 0 };
    }
  }
}

function recordItem(name: string, n: number, line: string, bytes: number, limit: number): Item {
  const where = `${name}:${n}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { label: where, line: n, error: `not JSON (${(e as Error).message})`, listFor: '-', bytes };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { label: where, line: n, error: 'not a JSON object like {"id": ..., "text": "..."}', listFor: '-', bytes };
  }
  const o = value as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? o.id : undefined;
  const label = id !== undefined ? `${where} (id ${JSON.stringify(id)})` : where;
  if (o.id !== undefined && id === undefined) return { label, line: n, error: '"id" must be a string or a number', listFor: '-', bytes };
  if (typeof o.text !== 'string') {
    return { label, id, line: n, error: o.text === undefined ? 'no "text" field' : '"text" must be a string', listFor: '-', bytes };
  }
  const size = Buffer.byteLength(o.text);
  if (size > limit) return { label, id, line: n, error: `text too large (${size} bytes; the limit is ${limit}, see --max-size)`, listFor: '-', bytes };
  // The text as given, a byte-order mark included: offsets count in the record's own text.
  return { label, id, line: n, text: o.text, listFor: '-', bytes };
}

function parseKinds(v: string | undefined): ReadonlySet<AnnotationKind> | undefined {
  if (v === undefined) return undefined;
  const all: AnnotationKind[] = ['entity', 'figure', 'claim'];
  const set = new Set<AnnotationKind>();
  for (const k of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!all.includes(k as AnnotationKind)) throw new UsageError(`--kinds: unknown kind ${k} (use ${all.join(',')})`);
    set.add(k as AnnotationKind);
  }
  return set;
}

export function parseSize(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\s*([kKmMgG]?)[bB]?$/.exec(v);
  if (!m) throw new UsageError(`--max-size must be a size like 5000000, 500K or 20M, not ${v}`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * mult;
}

function formatText(file: string, text: string, annotations: readonly Detection[], isolate = true): string {
  const lines: string[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const position = (offset: number): string => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${lo + 1}:${offset - lineStarts[lo]! + 1}`;
  };
  for (const a of annotations) {
    let extra = '';
    if (a.kind === 'figure') extra = ' ' + JSON.stringify(a.value);
    else if (a.kind === 'claim') extra = a.claimant ? ` claimant=${a.claimant.text}` : '';
    else if (a.canonical && a.canonical !== a.text) extra = ` = ${a.canonical}`;
    // Isolate the Arabic quote so a terminal lays the line out left to right (unless --no-isolate).
    const quote = a.text.replace(/\s+/g, ' ');
    lines.push(`${file}:${position(a.start)}\t${a.kind}\t${a.label}\t${isolate ? `\u2068${quote}\u2069` : quote}${extra}`);
  }
  if (lines.length === 0) lines.push(`${file}: nothing found`);
  return lines.join('\n');
}
