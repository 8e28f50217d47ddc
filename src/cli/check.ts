// `khabar check [--fix] FILE...`: validates sidecars against their articles with the same core the
// extension uses, reports errors, moved anchors and orphans, and with --fix writes the re-anchored file.

import * as fs from 'fs';
import * as path from 'path';
import type { SidecarData } from '../core/annotationRecord';
import { DEFAULT_SIDECAR_SUFFIX, articlePathFor, sidecarPathFor } from '../core/sidecar/format';
import { mergeSidecars, resolveConflicts } from '../core/sidecar/merge';
import { parseSidecar, type SidecarError } from '../core/sidecar/parse';
import { serializeSidecar } from '../core/sidecar/serialize';
import { syncWithArticle } from '../core/sidecar/sync';
import { SidecarLockedError, updateSidecarSync } from '../platform/node/sidecarWrite';
import { parseArgs, readArticle, readSidecarFile, sidecarSuffixFlag, UsageError } from './io';

export const CHECK_HELP = `Usage: khabar check [options] FILE...

Checks annotation sidecars (ARTICLE${DEFAULT_SIDECAR_SUFFIX}) against their articles: the file
must read and follow the format, and every annotation must still sit on its quote. FILE may be an
article, its sidecar, or a folder (searched for sidecars).

Reports, per sidecar: errors (with line:column), anchors that moved because the article changed,
and orphans (annotations whose quote is gone, or fits more than one place), each with the places
that were considered and how well their context matched. An annotation is never moved onto a
place whose own context does not match.

Options:
  --fix              write the re-anchored sidecar (moved anchors updated, lost ones marked orphan);
                     comments and fields you added are kept. A file with errors is never written.
                     Writes take turns with the editor and other commands (ARTICLE${DEFAULT_SIDECAR_SUFFIX}.lock)
                     and merge annotations saved meanwhile, so none is lost.
  --sidecar-suffix S the annotations file suffix, as the extension's khabar.sidecarSuffix setting
                     (default ${DEFAULT_SIDECAR_SUFFIX}; --suffix is the same option's older name)
  --format text|json text (default) or one JSON object per sidecar per line
  --max-size BYTES   refuse articles larger than this (default 10 MB)

Exit codes: 0 all good (or all fixed), 1 some problem remains, 2 usage error.
Without --fix a moved anchor is a problem; with --fix it is repaired and only orphans and errors remain.
`;

interface FileReport {
  sidecar: string;
  article: string;
  ok: boolean;
  annotations?: number;
  errors: (SidecarError & { kind: string })[];
  moved: { id: string; from: [number, number]; to: [number, number] }[];
  orphans: { id: string; exact: string; reason: string; candidates: { start: number; end: number; context: number; quote: number; farDiffers?: true }[] }[];
  fixed: boolean;
  /** What happened on the way to the disk: a merge with a concurrent save, a stale lock taken over. */
  notes?: string[];
  /** The sidecar's format version (1 is read, and written as 2 at the next save). */
  version?: number;
}

export function runCheck(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const { flags, positional } = parseArgs(argv, { values: ['sidecar-suffix', 'suffix', 'format', 'max-size'], booleans: ['fix', 'help'] });
  if (flags.has('help')) {
    out(CHECK_HELP);
    return 0;
  }
  const format = (flags.get('format') as string | undefined) ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not ${format}`);
  const suffix = sidecarSuffixFlag(flags, flags.has('suffix') ? 'suffix' : 'sidecar-suffix');
  const maxSize = flags.has('max-size') ? Number(flags.get('max-size')) : undefined;
  if (maxSize !== undefined && !(maxSize > 0)) throw new UsageError('--max-size must be a number of bytes');
  if (positional.length === 0) throw new UsageError('check needs at least one FILE');
  const fix = flags.has('fix');
  let problems = 0;
  for (const target of expand(positional, suffix, err)) {
    if (target === undefined) {
      problems++;
      continue;
    }
    const report = checkOne(target.sidecar, target.article, fix, maxSize, (m) => err(`khabar: ${m}`));
    if (!report.ok) problems++;
    if (format === 'json') out(JSON.stringify(report));
    else out(formatReport(report, fix));
  }
  return problems > 0 ? 1 : 0;
}

/** Each FILE as a (sidecar, article) pair; undefined (after a message) for a FILE that cannot be checked. */
function expand(files: string[], suffix: string, err: (s: string) => void): ({ sidecar: string; article: string } | undefined)[] {
  const out: ({ sidecar: string; article: string } | undefined)[] = [];
  for (const f of files) {
    let st: fs.Stats;
    try {
      st = fs.statSync(f);
    } catch {
      err(`khabar: ${f}: no such file`);
      out.push(undefined);
      continue;
    }
    if (st.isDirectory()) {
      const found = walk(f, suffix);
      if (found.length === 0) err(`khabar: ${f}: no *${suffix} files in this folder`);
      for (const s of found) out.push({ sidecar: s, article: articlePathFor(s, suffix)! });
      continue;
    }
    const article = articlePathFor(f, suffix);
    if (article !== undefined) out.push({ sidecar: f, article });
    else {
      const sidecar = sidecarPathFor(f, suffix);
      if (!fs.existsSync(sidecar)) {
        err(`khabar: ${f}: no sidecar (${path.basename(sidecar)}); nothing to check`);
        continue;
      }
      out.push({ sidecar, article: f });
    }
  }
  return out;
}

function walk(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, suffix));
    else if (e.name.endsWith(suffix) && e.name.length > suffix.length) out.push(p);
  }
  return out;
}

export function checkOne(sidecarFile: string, articleFile: string, fix: boolean, maxSize?: number, log?: (message: string) => void): FileReport {
  const report: FileReport = { sidecar: sidecarFile, article: articleFile, ok: false, errors: [], moved: [], orphans: [], fixed: false };
  const read = readSidecarFile(sidecarFile);
  if (!read.ok) {
    // Too large, not UTF-8, unreadable: reported, and never written (a rewrite would lose its bytes).
    report.errors = 'errors' in read ? read.errors.map((e) => ({ ...e, kind: read.kind })) : [{ kind: 'io', message: read.message, line: 1, col: 1 }];
    return report;
  }
  const text = read.text;
  const parsed = parseSidecar(text);
  if (!parsed.ok) {
    report.errors = parsed.errors.map((e) => ({ ...e, kind: parsed.kind }));
    return report;
  }
  report.annotations = parsed.data.annotations.length;
  report.version = parsed.data.khabar;
  const article = readArticle(articleFile, maxSize);
  if (!article.ok) {
    report.errors.push({ kind: 'article', message: `${articleFile}: ${article.reason}`, line: 1, col: 1 });
    return report;
  }
  const sync = syncWithArticle(parsed.data, article.text, path.basename(articleFile));
  const before = new Map(parsed.data.annotations.map((a) => [a.id, a]));
  for (const r of sync.data.annotations) {
    const old = before.get(r.id)!;
    if (sync.moved.includes(r.id)) report.moved.push({ id: r.id, from: [old.target.start, old.target.end], to: [r.target.start, r.target.end] });
    if (r.orphan) report.orphans.push({ id: r.id, exact: r.target.exact, reason: sync.why[r.id] ?? 'missing', candidates: sync.candidates[r.id] ?? [] });
  }
  if (fix && sync.changed) {
    const next = serializeSidecar(sync.data, parsed.doc ?? text);
    if (next !== text) {
      const notes: string[] = [];
      const note = (m: string): void => {
        notes.push(m);
        log?.(m);
      };
      try {
        // Under the lock, the file as it is now: another writer (the editor) may have saved since it was read.
        const r = updateSidecarSync(
          sidecarFile,
          (disk) => (disk === text ? next : mergeWithDisk(sidecarFile, disk, parsed.data, sync.data, article.text, path.basename(articleFile), note)),
          { log: note },
        );
        report.fixed = r.written;
      } catch (e) {
        const locked = e instanceof SidecarLockedError;
        report.errors.push({ kind: locked ? 'locked' : 'io', message: locked ? e.message : `not written: ${(e as Error).message}`, line: 1, col: 1 });
      }
      if (notes.length > 0) report.notes = notes;
    }
  }
  report.ok = report.errors.length === 0 && report.orphans.length === 0 && (fix || report.moved.length === 0);
  return report;
}

/**
 * The sidecar changed on disk while it was being checked (the editor saved): the re-anchoring is
 * merged into what is there now, by annotation id, and where both changed a record the disk's side
 * (a person's edit) wins. Undefined (nothing written) when the file was deleted or no longer reads.
 */
function mergeWithDisk(
  sidecarFile: string,
  disk: string | undefined,
  base: SidecarData,
  ours: SidecarData,
  articleText: string,
  articleName: string,
  note: (m: string) => void,
): string | undefined {
  if (disk === undefined) {
    note(`${sidecarFile}: deleted while being checked; not written`);
    return undefined;
  }
  const now = parseSidecar(disk);
  if (!now.ok) {
    note(`${sidecarFile}: changed while being checked and no longer reads (${now.kind}); not written`);
    return undefined;
  }
  const theirs = syncWithArticle(now.data, articleText, articleName).data;
  const merged = mergeSidecars(base, ours, theirs, { text: articleText });
  const data = resolveConflicts(merged, 'theirs');
  note(
    `${sidecarFile}: changed on disk while being checked; merged (${theirs.annotations.length} annotations there, ${data.annotations.length} after the merge` +
      `${merged.conflicts.length > 0 ? `, ${merged.conflicts.length} changed on both sides: the saved version kept` : ''})`,
  );
  return serializeSidecar({ ...data, document: theirs.document }, now.doc ?? disk);
}

function formatReport(r: FileReport, fix: boolean): string {
  const lines: string[] = [];
  for (const e of r.errors) lines.push(`${r.sidecar}:${e.line}:${e.col}: ${e.kind === 'conflict' ? 'conflict' : 'error'}: ${e.message}`);
  for (const m of r.moved) {
    lines.push(`${r.sidecar}: ${m.id} ${fix ? 'moved (fixed)' : 'moved'}: ${m.from[0]}–${m.from[1]} → ${m.to[0]}–${m.to[1]}`);
  }
  for (const o of r.orphans) {
    // (Its quote with its stored context, but other words past them: a passage the article repeats,
    // and the record's own copy may be gone; "not found" would be untrue.)
    const why = o.reason === 'ambiguous' ? 'fits more than one place' : o.candidates.some((c) => c.farDiffers && c.quote === 1) ? 'found with its context, but not the words past it,' : 'not found';
    lines.push(`${r.sidecar}: ${o.id} orphan (${why} in ${path.basename(r.article)}): "${shorten(o.exact)}"`);
    // The places weighed and not taken, so a person can re-attach it: offsets and how well the surroundings match.
    const near = o.candidates.map((c) => `${c.start}–${c.end} (context ${Math.round(c.context * 100)}%${c.quote < 1 ? `, quote ${Math.round(c.quote * 100)}%` : ''}${c.farDiffers ? ', other words past it' : ''})`);
    if (near.length > 0) lines.push(`${r.sidecar}: ${o.id}   candidates: ${near.join(', ')}`);
  }
  if (r.version === 1 && !r.fixed) lines.push(`${r.sidecar}: format version 1: read as it is, written as version 2 at the next save`);
  if (r.errors.length === 0) {
    const summary = `${r.annotations ?? 0} annotations, ${r.moved.length} moved, ${r.orphans.length} orphans${r.fixed ? '; written' : ''}`;
    lines.push(`${r.sidecar}: ${r.ok ? 'ok' : 'problems'} (${summary})`);
  }
  return lines.join('\n');
}

function shorten(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? one.slice(0, 57) + '…' : one;
}
