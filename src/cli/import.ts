// `khabar import --format brat|doccano|labelstudio SOURCE...`: existing datasets become articles with
// sidecars, so they can be opened and continued in Khabar.

import * as fs from 'fs';
import * as path from 'path';
import { safeRelativePath } from '../core/export/paths';
import { parseBrat } from '../core/import/brat';
import { sidecarFor, type ImportedDocument } from '../core/import/common';
import { parseDoccanoSource, parseLabelStudioSource } from '../core/import/jsonl';
import type { SidecarData } from '../core/model';
import { sidecarPathFor } from '../core/sidecar/format';
import { serializeSidecar } from '../core/sidecar/serialize';
import { parseArgs, readArticle, UsageError } from './io';

export const IMPORT_HELP = `Usage: khabar import --format brat|doccano|labelstudio [options] SOURCE...

Turns annotations from other tools into Khabar articles with .annotations.yaml sidecars.

  brat         SOURCE is an .ann file (its .txt beside it) or a folder of them; without --out the
               sidecar is written next to each .txt
  doccano      SOURCE is a JSONL export ({"text", "label": [[start, end, label]]} per line), offsets
               in UTF-16 code units as doccano's editor counts them
  labelstudio  SOURCE is a JSON or JSONL export of tasks (annotations → accepted, predictions → suggested)

Options:
  --out DIR    where to write article + sidecar pairs (jsonl formats: SOURCE's name without extension)
  --force      overwrite existing files
`;

const FORMATS = ['brat', 'doccano', 'labelstudio'] as const;
type ImportFormat = (typeof FORMATS)[number];

/** The one place the sidecar text is produced, so imports write exactly what the editor writes. */
export function serializeImportedSidecar(data: SidecarData): string {
  return serializeSidecar(data);
}

const ARTICLE_EXT = /\.(txt|md|news|article)$/;

export function runImport(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const { flags, positional } = parseArgs(argv, { values: ['format', 'out'], booleans: ['help', 'force'] });
  if (flags.has('help')) {
    out(IMPORT_HELP);
    return 0;
  }
  const format = flags.get('format') as string | undefined;
  if (format === undefined) throw new UsageError('--format is required');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format ${format} (use ${FORMATS.join(', ')})`);
  if (positional.length === 0) throw new UsageError('import needs a SOURCE');
  const outDir = flags.get('out') as string | undefined;
  const force = flags.has('force');
  let failed = 0;
  let documents = 0;
  let annotations = 0;

  const write = (file: string, content: string): boolean => {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content, { flag: force ? 'w' : 'wx' });
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      err(`khabar: ${file}: ${code === 'EEXIST' ? 'already exists (use --force to overwrite)' : (e as Error).message}`);
      failed++;
      return false;
    }
  };
  /** Writes the article (unless it is already that file) and its sidecar. */
  const save = (doc: ImportedDocument, articleFile: string, writeText: boolean, label: string): void => {
    for (const w of doc.warnings) err(`khabar: ${label}: ${w}`);
    if (writeText && !write(articleFile, doc.text)) return;
    if (!write(sidecarPathFor(articleFile), serializeImportedSidecar(sidecarFor(doc, path.basename(articleFile))))) return;
    documents++;
    annotations += doc.records.length;
  };

  for (const source of positional) {
    if (format === 'brat') {
      const anns = bratSources(source);
      if (anns === undefined) {
        err(`khabar: ${source}: no such file or folder`);
        failed++;
        continue;
      }
      const base = fs.statSync(source).isDirectory() ? source : path.dirname(source);
      for (const ann of anns) {
        const txt = ann.slice(0, -4) + '.txt';
        const r = readArticle(txt);
        if (!r.ok) {
          err(`khabar: ${txt}: ${r.reason}`);
          failed++;
          continue;
        }
        const doc = parseBrat(fs.readFileSync(ann, 'utf8'), r.text);
        const target = outDir === undefined ? txt : path.join(outDir, path.relative(base, txt));
        save(doc, target, outDir !== undefined, ann);
      }
      continue;
    }
    let docs: ImportedDocument[];
    try {
      const text = fs.readFileSync(source, 'utf8');
      docs = (format as ImportFormat) === 'doccano' ? parseDoccanoSource(text) : parseLabelStudioSource(text);
    } catch (e) {
      err(`khabar: ${source}: ${(e as Error).message}`);
      failed++;
      continue;
    }
    const dir = outDir ?? path.join(path.dirname(source), path.basename(source).replace(/\.[^.]*$/, ''));
    const used = new Set<string>();
    docs.forEach((doc, i) => {
      const name = uniqueName(articleName(doc.name, i, (m) => err(`khabar: ${source}: ${m}`)), used);
      save(doc, path.join(dir, name), true, `${source}: ${name}`);
    });
  }
  out(`imported ${documents} documents, ${annotations} annotations${failed ? `; ${failed} failed` : ''}`);
  return failed > 0 ? 1 : 0;
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
