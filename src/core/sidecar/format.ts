// The fixed facts of the sidecar format: version, file naming, key order, record order, hashing.
// Everything that decides which bytes a sidecar has lives here so the writer and reader agree.

import { sha256Hex as sha256 } from '../sha256';
import type { AnnotationRecord, SidecarData } from '../annotationRecord';

/**
 * The newest format version, read and written. Version 1 (Khabar 0.1) stored absolute
 * `start`/`end` and the article's `sha256`/`length`, so one line typed near the top rewrote every
 * record; it is still read, and written as version 2 or 3 at the next save. Version 3 is version 2
 * with records whose `far` has a `/` between its sides (FAR_ONCE_VERSION), which a Khabar that
 * reads only version 2 refuses line by line: it says instead that a newer Khabar wrote the file.
 */
export const SIDECAR_VERSION = 3;
/** The version written for a sidecar none of whose records has a `/` far: older Khabars read it. */
export const PLAIN_SIDECAR_VERSION = 2;
/** The version a `/` in a record's `far` needs. */
export const FAR_ONCE_VERSION = 3;
/** The oldest version still read. */
export const OLDEST_SIDECAR_VERSION = 1;
export const DEFAULT_SIDECAR_SUFFIX = '.annotations.yaml';
export { MAX_SIDECAR_BYTES } from './bytes';
/** Deeper nesting than this is refused: the format itself needs 6 levels, and a hostile file must not exhaust the stack. */
export const MAX_SIDECAR_DEPTH = 64;

/** Key order of each mapping; keys not listed (a person's own fields) follow, in the order found. */
export const KEY_ORDER = {
  top: ['khabar', 'document', 'lastId', 'annotations'],
  document: ['path', 'url'],
  record: ['id', 'kind', 'label', 'status', 'orphan', 'target', 'value', 'claim', 'note', 'author', 'created', 'modified'],
  /** On disk; in memory a target has `start` and `end` in place of `step`. */
  target: ['step', 'exact', 'prefix', 'suffix', 'far'],
  value: ['number', 'unit', 'currency', 'bound', 'date', 'hijri', 'weekday', 'weekdayMismatch', 'relative', 'time', 'duration'],
  claim: ['claimant', 'date', 'appearance', 'type', 'checkWorthy', 'checkWorthiness', 'verdict', 'rating', 'evidence', 'review'],
  claimant: ['text', 'ref'],
  rating: ['value', 'best', 'worst'],
} as const;

export type KeyOrderName = keyof typeof KEY_ORDER;

/** Which key order applies to the mapping under `key` inside a mapping of kind `parent`. */
export function childOrder(parent: KeyOrderName | undefined, key: string): KeyOrderName | undefined {
  switch (parent) {
    case 'top':
      return key === 'document' ? 'document' : undefined;
    case 'record':
      return key === 'target' ? 'target' : key === 'value' ? 'value' : key === 'claim' ? 'claim' : undefined;
    case 'claim':
      return key === 'claimant' ? 'claimant' : key === 'rating' ? 'rating' : undefined;
    default:
      return undefined;
  }
}

/** `article.txt` → `article.txt.annotations.yaml` (works on paths and URI paths alike). */
export function sidecarPathFor(articlePath: string, suffix = DEFAULT_SIDECAR_SUFFIX): string {
  return articlePath + suffix;
}

/** The article a sidecar belongs to, or undefined when the name does not end with the suffix. */
export function articlePathFor(sidecarPath: string, suffix = DEFAULT_SIDECAR_SUFFIX): string | undefined {
  return sidecarPath.endsWith(suffix) && sidecarPath.length > suffix.length ? sidecarPath.slice(0, -suffix.length) : undefined;
}

/** Version 1's document fields: read as hints, never written again. */
export const V1_DOCUMENT_KEYS: readonly string[] = ['sha256', 'length'];

export function sha256Hex(text: string): string {
  return sha256(text);
}

/**
 * The `document` block Khabar computes for an article; path is the article's file name relative to
 * the sidecar. Nothing derived from the whole text (no hash, no length): a line that changes on
 * every keystroke would be a merge conflict for everyone editing the article. `_text` stays for callers.
 */
export function documentInfo(_text: string, path: string): SidecarData['document'] {
  return { path };
}

/** Annotations sorted by start, end, then id with numbers compared as numbers (e2 before e10). */
export function compareRecords(a: AnnotationRecord, b: AnnotationRecord): number {
  return a.target.start - b.target.start || a.target.end - b.target.end || compareIds(a.id, b.id);
}

export function compareIds(a: string, b: string): number {
  const ma = /^(.*?)(\d+)$/.exec(a);
  const mb = /^(.*?)(\d+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]) || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The version a save writes: 3 when a record's `far` has a `/` between its sides, else 2. */
export function versionFor(annotations: readonly AnnotationRecord[]): 2 | 3 {
  return annotations.some((a) => a.target.far?.includes('/')) ? FAR_ONCE_VERSION : PLAIN_SIDECAR_VERSION;
}

export function emptySidecar(text: string, path: string): SidecarData {
  return { khabar: PLAIN_SIDECAR_VERSION, document: documentInfo(text, path), annotations: [] };
}
