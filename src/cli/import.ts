// `khabar import --format brat|doccano|labelstudio|w3c SOURCE...`: existing datasets become articles with
// sidecars, so they can be opened and continued in Khabar.

import * as fs from 'fs';
import * as path from 'path';
import { articleUrl, frontMatterUrl, webUrl } from '../core/export/articleUrl';
import { safeRelativePath } from '../core/export/paths';
import { parseBrat } from '../core/import/brat';
import { sidecarFor, type ImportedDocument } from '../core/import/common';
import { parseDoccanoSource, parseLabelStudioSource } from '../core/import/jsonl';
import { parseW3c } from '../core/import/w3c';
import type { SidecarData } from '../core/annotationRecord';
import { DEFAULT_SIDECAR_SUFFIX, sidecarPathFor } from '../core/sidecar/format';
import { serializeSidecar } from '../core/sidecar/serialize';
import { SidecarLockedError, lockSync, removeLeftovers, replaceFileSync } from '../platform/node/sidecarWrite';
import { exportPath, loadSidecarForExport } from './export';
import { parseArgs, readArticle, SIDECAR_SUFFIX_HELP, sidecarSuffixFlag, UsageError } from './io';

export const IMPORT_HELP = `Usage: khabar import --format brat|doccano|labelstudio|w3c [options] SOURCE...

Turns annotations from other tools into Khabar articles with sidecars (ARTICLE${DEFAULT_SIDECAR_SUFFIX}, or
--sidecar-suffix).

  brat         SOURCE is an .ann file (its .txt beside it) or a folder of them; without --out the
               sidecar is written next to each .txt
  doccano      SOURCE is a JSONL export ({"text", "label": [[start, end, label]]} per line), offsets
               in UTF-16 code units as doccano's editor counts them
  labelstudio  SOURCE is a JSON or JSONL export of tasks (annotations → accepted, predictions → suggested)
  w3c          SOURCE is a W3C Web Annotation collection (khabar export --format w3c); W3C names each
               article by URL, found among the articles under --articles by the URL export gives
               them (document.url in the sidecar, url: in the front matter, else --base-url + path);
               without --out the sidecar is written next to each article

Options:
  --out DIR       where to write article + sidecar pairs (jsonl formats: SOURCE's name without extension)
  --force         overwrite existing files
  --articles DIR  w3c: the folder of the articles (default: the current folder)
  --base-url URL  w3c: the base URL the export was given
${SIDECAR_SUFFIX_HELP}
`;

const FORMATS = ['brat', 'doccano', 'labelstudio', 'w3c'] as const;
type ImportFormat = (typeof FORMATS)[number];

/** The one place the sidecar text is produced, so imports write exactly what the editor writes. */
export function serializeImportedSidecar(data: SidecarData): string {
  return serializeSidecar(data);
}

const ARTICLE_EXT = /\.(txt|md|news|article)$/;

export function runImport(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const { flags, positional } = parseArgs(argv, { values: ['format', 'out', 'articles', 'base-url', 'sidecar-suffix'], booleans: ['help', 'force'] });
  if (flags.has('help')) {
    out(IMPORT_HELP);
    return 0;
  }
  const format = flags.get('format') as string | undefined;
  if (format === undefined) throw new UsageError('--format is required');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format ${format} (use ${FORMATS.join(', ')})`);
  if (positional.length === 0) throw new UsageError('import needs a SOURCE');
  const baseUrl = flags.get('base-url') as string | undefined;
  if (baseUrl !== undefined && webUrl(baseUrl) === undefined) throw new UsageError('--base-url must be an absolute http:// or https:// URL');
  const importer = new Importer(err, {
    suffix: sidecarSuffixFlag(flags),
    outDir: flags.get('out') as string | undefined,
    force: flags.has('force'),
    baseUrl,
    articlesDir: (flags.get('articles') as string | undefined) ?? '.',
  });
  for (const source of positional) {
    if (format === 'brat') importer.brat(source);
    else if (format === 'w3c') importer.w3c(source);
    else importer.documentSet(source, format as ImportFormat);
  }
  const { documents, annotations, failed } = importer;
  out(`imported ${documents} documents, ${annotations} annotations${failed ? `; ${failed} failed` : ''}`);
  return failed > 0 ? 1 : 0;
}

interface ImportOptions {
  suffix: string;
  outDir: string | undefined;
  force: boolean;
  baseUrl: string | undefined;
  articlesDir: string;
}

/** One `khabar import` run: reads each source, writes articles and sidecars, counts what it did. */
class Importer {
  failed = 0;
  documents = 0;
  annotations = 0;
  private byUrl: Map<string, ArticleByUrl> | undefined;

  constructor(
    private readonly err: (s: string) => void,
    private readonly o: ImportOptions,
  ) {}

  /** brat: each .ann beside its .txt (a file, or every one under a folder). */
  brat(source: string): void {
    const anns = bratSources(source);
    if (anns === undefined) {
      this.fail(`${source}: no such file or folder`);
      return;
    }
    const base = fs.statSync(source).isDirectory() ? source : path.dirname(source);
    for (const ann of anns) {
      const txt = ann.slice(0, -4) + '.txt';
      const r = readArticle(txt);
      if (!r.ok) {
        this.fail(`${txt}: ${r.reason}`);
        continue;
      }
      const doc = parseBrat(fs.readFileSync(ann, 'utf8'), r.text);
      const target = this.o.outDir === undefined ? txt : path.join(this.o.outDir, path.relative(base, txt));
      this.save(doc, target, this.o.outDir !== undefined, ann);
    }
  }

  /** W3C Web Annotations: each annotation's source URL names an article under --articles. */
  w3c(source: string): void {
    const { articlesDir, baseUrl, suffix, outDir } = this.o;
    const byUrl = (this.byUrl ??= articlesByUrl(articlesDir, baseUrl, suffix, (m) => this.err(`khabar: ${m}`)));
    let parsed: ReturnType<typeof parseW3c>;
    try {
      parsed = parseW3c(fs.readFileSync(source, 'utf8'), (url) => byUrl.get(url));
    } catch (e) {
      this.fail(`${source}: ${(e as Error).message}`);
      return;
    }
    for (const w of parsed.warnings) this.err(`khabar: ${source}: ${w}`);
    for (const u of parsed.unknown) {
      this.fail(`${source}: ${u.count} annotation${u.count === 1 ? '' : 's'} on ${u.source}: no article with that URL under ${articlesDir} (give --articles, or the --base-url of the export)`);
    }
    for (const doc of parsed.documents) {
      const a = byUrl.get(doc.source)!;
      // The URL stays in the sidecar when that is where it came from, so the next export names it the same.
      if (a.sidecarUrl !== undefined) doc.url = a.sidecarUrl;
      const target = outDir === undefined ? a.file : path.join(outDir, a.path);
      this.save(doc, target, outDir !== undefined, `${source}: ${doc.source}`);
    }
  }

  /** doccano / Label Studio: one file of documents, each written as a new article in a folder. */
  documentSet(source: string, format: ImportFormat): void {
    let docs: ImportedDocument[];
    try {
      const text = fs.readFileSync(source, 'utf8');
      docs = format === 'doccano' ? parseDoccanoSource(text) : parseLabelStudioSource(text);
    } catch (e) {
      this.fail(`${source}: ${(e as Error).message}`);
      return;
    }
    const dir = this.o.outDir ?? path.join(path.dirname(source), path.basename(source).replace(/\.[^.]*$/, ''));
    const used = new Set<string>();
    docs.forEach((doc, i) => {
      const name = uniqueName(articleName(doc.name, i, (m) => this.err(`khabar: ${source}: ${m}`)), used);
      this.save(doc, path.join(dir, name), true, `${source}: ${name}`);
    });
  }

  private fail(message: string): void {
    this.err(`khabar: ${message}`);
    this.failed++;
  }

  /** Writes the article (unless it is already that file) and its sidecar. */
  private save(doc: ImportedDocument, articleFile: string, writeText: boolean, label: string): void {
    for (const w of doc.warnings) this.err(`khabar: ${label}: ${w}`);
    if (writeText && !this.write(articleFile, doc.text)) return;
    if (!this.writeSidecar(sidecarPathFor(articleFile, this.o.suffix), serializeImportedSidecar(sidecarFor(doc, path.basename(articleFile))))) return;
    this.documents++;
    this.annotations += doc.records.length;
  }

  private write(file: string, content: string): boolean {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content, { flag: this.o.force ? 'w' : 'wx' });
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      this.fail(`${file}: ${code === 'EEXIST' ? 'already exists (use --force to overwrite)' : (e as Error).message}`);
      return false;
    }
  }

  /**
   * Writes a sidecar through the one write path of every sidecar writer: under its lock (so an open
   * editor's save is not interleaved), atomically, through a symlink; without --force never over an
   * existing file.
   */
  private writeSidecar(file: string, content: string): boolean {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const log = (m: string): void => this.err(`khabar: ${m}`);
      const held = lockSync(file, { log });
      try {
        removeLeftovers(file, { log });
        replaceFileSync(file, content, { exclusive: !this.o.force });
      } finally {
        held.release();
      }
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      this.fail(e instanceof SidecarLockedError ? e.message : `${file}: ${code === 'EEXIST' ? 'already exists (use --force to overwrite)' : (e as Error).message}`);
      return false;
    }
  }
}

interface ArticleByUrl {
  file: string;
  /** The path the export gives the article, the one a base URL is joined with. */
  path: string;
  text: string;
  /** The sidecar's document.url, when that is where the URL came from. */
  sidecarUrl?: string;
}

/** Every article under the folder by the URL `khabar export --format w3c` gives it. */
function articlesByUrl(dir: string, baseUrl: string | undefined, suffix: string, warn: (m: string) => void): Map<string, ArticleByUrl> {
  const out = new Map<string, ArticleByUrl>();
  const walk = (d: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e) {
      warn(`${d}: ${(e as Error).message}`);
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const file = path.join(d, e.name);
      if (e.isDirectory()) walk(file);
      else if (ARTICLE_EXT.test(e.name)) {
        const r = readArticle(file);
        if (!r.ok) continue;
        const sidecar = loadSidecarForExport(file, undefined, suffix);
        const own = sidecar?.ok ? sidecar.url : undefined;
        const rel = exportPath(file, dir);
        const url = articleUrl({ path: rel, text: r.text, records: [], url: own ?? frontMatterUrl(r.text) }, baseUrl);
        if (url === undefined || out.has(url)) continue;
        out.set(url, { file, path: rel, text: r.text, ...(own !== undefined && webUrl(own) === url ? { sidecarUrl: own } : {}) });
      }
    }
  };
  walk(dir);
  return out;
}

/** The .ann files of a source, or undefined when it does not exist. */
function bratSources(source: string): string[] | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(source);
  } catch {
    return undefined;
  }
  if (!st.isDirectory()) return [source];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ann')) out.push(p);
    }
  };
  walk(source);
  return out;
}

/** A safe relative article name from the source's own name for a document, else a numbered one. */
function articleName(given: string | undefined, i: number, warn: (m: string) => void): string {
  const fallback = `doc-${String(i + 1).padStart(4, '0')}.txt`;
  if (given === undefined) return fallback;
  try {
    const safe = safeRelativePath(given);
    return ARTICLE_EXT.test(safe) ? safe : safe + '.txt';
  } catch (e) {
    warn(`document ${i + 1}: ${(e as Error).message}; written as ${fallback}`);
    return fallback;
  }
}

function uniqueName(name: string, used: Set<string>): string {
  let n = name;
  for (let k = 2; used.has(n); k++) n = name.replace(/(\.[^./]+)$/, `-${k}$1`);
  used.add(n);
  return n;
}
