// `khabar export --format F [--out PATH] FILE_OR_DIR...`: articles (with their sidecars, or their
// detections as suggestions) streamed one at a time into any export format, in bounded memory.

import * as fs from 'fs';
import * as path from 'path';
import { detect } from '../core/detect';
import { frontMatterUrl, webUrl } from '../core/export/articleUrl';
import { isGeneratedReport } from '../core/export/reportMarker';
import { detectionsToRecords } from '../core/export/fromDetections';
import { exportStream, FORMAT_INFO, type ExportSink } from '../core/export/exportStream';
import { safeRelativePath, UnsafePathError } from '../core/export/paths';
import { EXPORT_FORMATS, isExportFormat, type ExportArticle, type ExportFormat, type ExportOptions } from '../core/export/types';
import type { AnnotationRecord } from '../core/annotationRecord';
import { DEFAULT_SIDECAR_SUFFIX, sidecarPathFor } from '../core/sidecar/format';
import { isSidecarPath } from '../core/sidecar/suffix';
import { parseSidecar } from '../core/sidecar/parse';
import { syncWithArticle } from '../core/sidecar/sync';
import { parseSize } from './detect';
import { parseArgs, readArticle, readSidecarFile, SIDECAR_SUFFIX_HELP, sidecarSuffixFlag, UsageError } from './io';

export const EXPORT_HELP = `Usage: khabar export --format FORMAT [options] FILE_OR_DIR...

Exports articles and their annotations (from each article's sidecar, ARTICLE${DEFAULT_SIDECAR_SUFFIX} unless
--sidecar-suffix says otherwise).
Folders are walked for *.txt, *.md, *.news and *.article files, one article at a time; a report
Khabar wrote (report-md, marked on its first line) is skipped, never read as an article.

Formats:
${EXPORT_FORMATS.map((f) => `  ${f.padEnd(15)}${FORMAT_INFO[f].description}`).join('\n')}

Folders give one stream: a JSON array (json, claimreview, labelstudio), one collection (w3c),
one line per article (doccano, prodigy), rows (csv), documents each starting with a
-DOCSTART- line that names the article (conll, conll-figures),
one report (report-md, report-html); brat writes NAME.txt + NAME.ann per article under --out.
Offsets are UTF-16 code units in json, csv and doccano (doccano's editor counts them), code
points in every other position-based format.

Options:
  --format FORMAT          required; see above
  --out PATH               output file (a folder for brat); standard output by default
  --include-suggestions    also export detected-but-unreviewed suggestions; articles without a
                           sidecar are exported with their detections as suggestions
  --bom                    csv: start with a UTF-8 BOM (for Excel)
  --reviewer NAME          claimreview: the reviewing organisation when an annotation has no author
  --review-date DATE       claimreview: publication date (YYYY-MM-DD) when an annotation has none
  --base-url URL           where the articles are published: an article without its own URL
                           (url: in its front matter or in document: of its annotations file)
                           is at URL + its path. w3c needs one or the other for absolute ids
  --max-size BYTES         skip articles larger than this (default 10 MB)
${SIDECAR_SUFFIX_HELP}
`;

const ARTICLE_EXTENSIONS = ['.txt', '.md', '.news', '.article'];

/** Article files under a folder, depth first in name order, skipping hidden folders and node_modules. */
export function* walkArticles(dir: string, suffix = DEFAULT_SIDECAR_SUFFIX): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') yield* walkArticles(p, suffix);
    } else if (e.isFile() && ARTICLE_EXTENSIONS.some((x) => e.name.endsWith(x)) && !isSidecarPath(e.name, suffix)) {
      yield p;
    }
  }
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The path with symlinks resolved as far as it exists, so two names of one file compare equal. */
function realTarget(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/**
 * Why writing the export to `outPath` would destroy or feed back into an input: the output file is
 * an input article, an input article's sidecar, or an article or sidecar name inside an input folder
 * (which the folder walk would also read). Undefined when it is safe.
 */
export function outputClash(outPath: string, inputs: readonly string[], suffix = DEFAULT_SIDECAR_SUFFIX): string | undefined {
  const target = realTarget(outPath);
  const isArticleName = ARTICLE_EXTENSIONS.some((x) => target.endsWith(x));
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      continue;
    }
    const real = realTarget(input);
    if (stat.isDirectory()) {
      if (!target.startsWith(real + path.sep)) continue;
      if (isSidecarPath(target, suffix)) return `an annotations file inside the input folder ${input}`;
      if (isArticleName) return `an article name inside the input folder ${input} (the export would read its own output)`;
    } else {
      if (target === real) return `the input article ${input}`;
      if (target === realTarget(sidecarPathFor(input, suffix))) return `the annotations file of the input article ${input}`;
    }
  }
  return undefined;
}

export type SidecarLoad =
  | {
      ok: true;
      records: AnnotationRecord[];
      url?: string;
      /** Ids re-anchored in memory because the article changed since the sidecar was saved. */
      moved: string[];
      /** Ids of orphans (their words are gone or ambiguous): never exported. */
      orphans: string[];
    }
  | { ok: false; reason: string }
  | undefined;

/**
 * The article's sidecar records (the sidecar named by `suffix`), undefined when it has none, or why
 * it cannot be used. Given the article's current `text`, the records are re-anchored to it in memory
 * (as the editor does on opening): an edit since the last save moves annotations or makes orphans,
 * and never stops the export. Nothing is written.
 */
export function loadSidecarForExport(articleFile: string, text?: string, suffix = DEFAULT_SIDECAR_SUFFIX): SidecarLoad {
  const sidecarFile = sidecarPathFor(articleFile, suffix);
  const read = readSidecarFile(sidecarFile);
  if (!read.ok) {
    if (read.kind === 'missing') return undefined;
    if ('errors' in read) return { ok: false, reason: `${sidecarFile}:${read.errors[0]!.line}:${read.errors[0]!.col}: ${read.errors[0]!.message}` };
    return { ok: false, reason: `${sidecarFile}: ${read.message}` };
  }
  const r = parseSidecar(read.text);
  if (!r.ok) {
    const first = r.errors[0];
    return { ok: false, reason: `${sidecarFile}:${first?.line ?? 1}:${first?.col ?? 1}: ${first?.message ?? r.kind}` };
  }
  try {
    safeRelativePath(r.data.document.path);
  } catch (e) {
    if (e instanceof UnsafePathError) return { ok: false, reason: `${sidecarFile}: document.path refused: ${e.message}` };
    throw e;
  }
  const url = r.data.document.url === undefined ? {} : { url: r.data.document.url };
  if (text === undefined) return { ok: true, records: r.data.annotations, moved: [], orphans: r.data.annotations.filter((a) => a.orphan).map((a) => a.id), ...url };
  const sync = syncWithArticle(r.data, text, path.basename(articleFile));
  const records = sync.data.annotations;
  return { ok: true, records, moved: sync.moved.filter((id) => !sync.orphans.includes(id)), orphans: records.filter((a) => a.orphan).map((a) => a.id), ...url };
}

/** What re-anchoring in memory did to an article's annotations, for stderr; undefined when nothing. */
export function reanchorNote(file: string, moved: readonly string[], orphans: readonly string[]): string | undefined {
  if (moved.length === 0 && orphans.length === 0) return undefined;
  const parts: string[] = [];
  if (moved.length > 0) parts.push(`${plural(moved.length, 'annotation')} not at ${moved.length === 1 ? 'its' : 'their'} saved offsets, re-anchored in memory (khabar check --fix writes that)`);
  if (orphans.length > 0) parts.push(`${plural(orphans.length, 'orphaned annotation')} left out: ${orphans.join(', ')}`);
  return `${file}: ${parts.join('; ')}`;
}

/** The article's path in the export: relative to the working folder when inside it, else to its root argument. */
export function exportPath(file: string, root: string | undefined): string {
  const rel = path.relative(process.cwd(), file);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  const p = inside ? rel : root !== undefined ? path.relative(root, file) : path.basename(file);
  return p.split(path.sep).join('/');
}

export async function runExport(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const parsed = exportFlags(argv);
  if (!parsed) {
    out(EXPORT_HELP);
    return 0;
  }
  const { format, suffix, outPath, maxSize, options, positional } = parsed;
  // Inputs that do not exist are reported before anything is written: with none left there is no
  // output at all (not an empty `[]` that looks like a result).
  const present = positional.filter((arg) => fs.existsSync(arg));
  for (const arg of positional) if (!present.includes(arg)) err(`khabar: ${arg}: no such file or folder`);
  if (present.length === 0) return 1;
  // A report on a folder (or several files) is titled by what was given; one article's by its headline.
  if (present.length > 1 || present.some((arg) => isFolder(arg))) {
    options.reportTitle = `تقرير خبر: ${present.map((arg) => path.basename(path.resolve(arg))).join('، ')}`;
  }
  const inputs = new ExportInputs(present, suffix, maxSize, options, err);
  inputs.failed = positional.length - present.length;
  const fileStream = outPath !== undefined && !FORMAT_INFO[format].folder ? fs.createWriteStream(outPath) : undefined;
  const stream = outPath === undefined ? streamSink(process.stdout) : fileStream ? streamSink(fileStream) : undefined;
  const sink = stream ?? folderSink(outPath!, inputs.files);
  const result = await exportStream(format, inputs.articles(), sink, { ...options, isCancelled: () => stream?.broken() === true });
  if (fileStream) {
    await new Promise<void>((resolve) => fileStream.end(() => resolve()));
    if (stream?.broken()) {
      err(`khabar: ${outPath}: could not be written`);
      return 1;
    }
  }
  return exportOutcome(result, inputs, options, outPath, err);
}

interface ExportFlags {
  format: ExportFormat;
  suffix: string;
  outPath: string | undefined;
  maxSize: number | undefined;
  options: ExportOptions;
  positional: string[];
}

/** The command line, checked; undefined for --help. */
function exportFlags(argv: string[]): ExportFlags | undefined {
  const { flags, positional } = parseArgs(argv, {
    values: ['format', 'out', 'reviewer', 'review-date', 'max-size', 'base-url', 'sidecar-suffix'],
    booleans: ['help', 'include-suggestions', 'bom'],
  });
  if (flags.has('help')) return undefined;
  const format = flags.get('format') as string | undefined;
  if (format === undefined) throw new UsageError('--format is required');
  if (!isExportFormat(format)) throw new UsageError(`unknown format ${format} (use one of ${EXPORT_FORMATS.join(', ')})`);
  if (positional.length === 0) throw new UsageError('export needs at least one FILE or folder');
  const suffix = sidecarSuffixFlag(flags);
  const outPath = flags.get('out') as string | undefined;
  if (FORMAT_INFO[format].folder && outPath === undefined) throw new UsageError(`${format} writes a folder of files: give --out FOLDER`);
  if (outPath !== undefined && !FORMAT_INFO[format].folder) {
    const clash = outputClash(outPath, positional, suffix);
    if (clash) throw new UsageError(`--out ${outPath} is ${clash}: refusing to overwrite it; choose another file`);
  }
  const reviewDate = flags.get('review-date') as string | undefined;
  if (reviewDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(reviewDate)) throw new UsageError('--review-date must be YYYY-MM-DD');
  const maxSize = parseSize(flags.get('max-size') as string | undefined);
  const options: ExportOptions = { includeSuggestions: flags.has('include-suggestions'), bom: flags.has('bom') };
  const reviewer = flags.get('reviewer') as string | undefined;
  if (reviewer !== undefined) options.reviewer = reviewer;
  if (reviewDate !== undefined) options.reviewDate = reviewDate;
  const baseUrl = flags.get('base-url') as string | undefined;
  if (baseUrl !== undefined) {
    if (webUrl(baseUrl) === undefined) throw new UsageError('--base-url must be an absolute http:// or https:// URL');
    options.baseUrl = baseUrl;
  }
  return { format, suffix, outPath, maxSize, options, positional };
}

/** The articles named on the command line, read one at a time with their records; counts what failed. */
class ExportInputs {
  failed = 0;
  /** Articles without a sidecar that were left out (no --include-suggestions). */
  noSidecar = 0;
  /** Every input file, so a folder export never writes over one. */
  readonly files = new Set<string>();

  constructor(
    private readonly present: readonly string[],
    private readonly suffix: string,
    private readonly maxSize: number | undefined,
    private readonly options: ExportOptions,
    private readonly err: (s: string) => void,
  ) {}

  async *articles(): AsyncGenerator<ExportArticle> {
    for (const arg of this.present) {
      let isDir = false;
      try {
        isDir = fs.statSync(arg).isDirectory();
      } catch {
        this.fail(`${arg}: no such file or folder`);
        continue;
      }
      for (const file of isDir ? walkArticles(arg, this.suffix) : [arg]) {
        this.files.add(path.resolve(file));
        const article = this.article(file, isDir ? arg : undefined);
        if (!article) continue;
        yield article;
        // Let the output drain between articles so memory stays flat on big folders.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }

  private article(file: string, root: string | undefined): ExportArticle | undefined {
    const r = readArticle(file, this.maxSize);
    if (!r.ok) return this.fail(`${file}: ${r.reason}`);
    if (isGeneratedReport(r.text)) {
      // A report-md written into the folder earlier: Khabar's output, not an article.
      this.err(`khabar: ${file}: a report generated by Khabar, not an article: skipped`);
      return undefined;
    }
    const sidecar = loadSidecarForExport(file, r.text, this.suffix);
    if (sidecar && !sidecar.ok) return this.fail(sidecar.reason);
    const note = sidecar ? reanchorNote(file, sidecar.moved, sidecar.orphans) : undefined;
    if (note !== undefined) this.err(`khabar: ${note}`);
    // Without a sidecar only detections exist, and they are suggestions: skip the work unless wanted.
    let records: AnnotationRecord[] = [];
    if (sidecar) records = sidecar.records;
    else if (!this.options.includeSuggestions) this.noSidecar++;
    else {
      try {
        records = detectionsToRecords(r.text, detect(r.text));
      } catch (e) {
        return this.fail(`${file}: detection failed: ${(e as Error).message}`);
      }
    }
    const article: ExportArticle = { path: exportPath(file, root), text: r.text, records };
    const url = (sidecar?.ok ? sidecar.url : undefined) ?? frontMatterUrl(r.text);
    if (url !== undefined) article.url = url;
    return article;
  }

  private fail(message: string): undefined {
    this.err(`khabar: ${message}`);
    this.failed++;
    return undefined;
  }
}

/** What is said at the end, and the exit code: 1 when something failed, 3 when nothing was exported. */
function exportOutcome(result: Awaited<ReturnType<typeof exportStream>>, inputs: ExportInputs, options: ExportOptions, outPath: string | undefined, err: (s: string) => void): number {
  for (const f of result.failures) err(`khabar: ${f.message}`);
  for (const f of result.skipped) err(`khabar: ${f.message} (skipped; the article's other annotations were exported)`);
  const failed = inputs.failed + result.failures.length + result.skipped.length;
  if (outPath !== undefined) err(`khabar export: ${plural(result.articles, 'article')}, ${plural(result.records, 'annotation')} → ${outPath}${failed ? ` (${failed} failed)` : ''}`);
  if (failed > 0) return 1;
  if (result.records === 0 && !result.cancelled) {
    const why =
      result.articles === 0
        ? 'no article was found'
        : inputs.noSidecar > 0
          ? `${plural(inputs.noSidecar, 'article')} without an annotations file (add --include-suggestions to export their detections)`
          : options.includeSuggestions
            ? 'no accepted or suggested annotation'
            : 'no accepted annotation (add --include-suggestions to export unreviewed suggestions too)';
    err(`khabar export: warning: nothing exported: ${why}`);
    return 3;
  }
  return 0;
}

interface StreamSink extends ExportSink {
  /** Set when the reader went away (`| head`): the export stops instead of crashing on EPIPE. */
  broken: () => boolean;
}

function streamSink(stream: NodeJS.WritableStream): StreamSink {
  let broken = false;
  stream.on('error', () => {
    broken = true;
  });
  return {
    broken: () => broken,
    write: (chunk) => {
      if (broken || stream.write(chunk)) return undefined;
      return new Promise<void>((resolve) => {
        const done = (): void => {
          stream.off('drain', done);
          stream.off('error', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
      });
    },
    writeFile: () => {
      throw new Error('this format writes one stream');
    },
  };
}

/** Files under the output folder; never over an input article (brat's .txt copy of an article exported in place). */
function folderSink(root: string, inputs: ReadonlySet<string>): ExportSink {
  return {
    write: () => undefined,
    writeFile: (rel, content) => {
      const target = path.resolve(root, safeRelativePath(rel));
      if (inputs.has(target)) return;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
