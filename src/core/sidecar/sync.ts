// Bringing a loaded sidecar up to date with its article's current text: the one step the CLI's
// `check`, the extension's load and its reload after an external change all share.

import { anchorHolds, contextIdentical, reanchor, type Candidate, type ReanchorOptions, type ReanchorResult } from '../anchor/anchor';
import type { Anchor, AnnotationRecord, SidecarData } from '../annotationRecord';
import { KEY_ORDER } from './format';

export interface SyncResult {
  data: SidecarData;
  /** Ids whose anchor moved (including orphans that came back). */
  moved: string[];
  orphans: string[];
  reattached: string[];
  why: Record<string, 'missing' | 'ambiguous'>;
  /** For each orphan, the places considered and not taken (best first), for a person to choose from. */
  candidates: Record<string, Candidate[]>;
  /** True when `data` differs from the input (anchors or the document's path): worth saving. */
  changed: boolean;
}

/**
 * True when every record sits on its quote with exactly its stored context: re-anchoring could not
 * place anything better, so the text counts as the one the sidecar was written against. (Version 1
 * kept the article's hash for this; a hash changes with every keystroke anywhere in the article.)
 */
export function recordsFit(text: string, records: readonly AnnotationRecord[]): boolean {
  for (const a of records) {
    if (a.orphan) continue;
    if (!anchorHolds(text, a.target)) return false;
    if (!contextIdentical(text, a.target, a.target.start, a.target.end)) return false;
  }
  return true;
}

/** Re-anchors `data` in `text` unless every record still fits it. `path` is the article's name. */
export function syncWithArticle(data: SidecarData, text: string, path = data.document.path): SyncResult {
  const samePath = path === data.document.path;
  if (recordsFit(text, data.annotations)) {
    const orphans = data.annotations.filter((a) => a.orphan).map((a) => a.id);
    // Orphans are retried even on an unchanged text: a hand edit of the sidecar may have fixed them.
    if (orphans.length === 0) {
      if (samePath) return { data, moved: [], orphans: [], reattached: [], why: {}, candidates: {}, changed: false };
      return { data: { ...data, document: { ...data.document, path } }, moved: [], orphans: [], reattached: [], why: {}, candidates: {}, changed: true };
    }
  }
  // A version-1 sidecar's length gives the shift of a one-place edit (version 2 does without: the
  // shift seen at the previous annotation serves the rest).
  const r = reanchorKeepingFields(text, data.annotations, data.document.length === undefined ? {} : { oldLength: data.document.length });
  const recordsChanged = r.records.some((rec, i) => rec !== data.annotations[i]);
  // A person's own fields of the block (url, title) are kept; only the path is Khabar's to refresh.
  const changed = recordsChanged || !samePath;
  return {
    data: changed ? { ...data, document: samePath ? data.document : { ...data.document, path }, annotations: r.records } : data,
    moved: r.moved,
    orphans: r.orphans,
    reattached: r.reattached,
    why: r.why,
    candidates: r.candidates,
    changed,
  };
}

/** `reanchor`, with the fields a person added to a target carried over to the target it computes. */
export function reanchorKeepingFields(text: string, records: readonly AnnotationRecord[], options: ReanchorOptions = {}): ReanchorResult {
  const r = reanchor(text, records, options);
  const out = r.records.map((rec, i) => keepTargetFields(records[i]!, rec));
  return { ...r, records: out };
}

const ANCHOR_KEYS = new Set<string>(['start', 'end', 'exact', 'prefix', 'suffix', ...KEY_ORDER.target]);

/**
 * `after` with the fields of `before.target` that Khabar does not compute (`checked_by: sara`)
 * put back, when building a new anchor dropped them. The same record when nothing was lost.
 */
export function keepTargetFields(before: AnnotationRecord, after: AnnotationRecord): AnnotationRecord {
  if (before.target === after.target) return after;
  const old = before.target as unknown as Record<string, unknown>;
  const now = after.target as unknown as Record<string, unknown>;
  let target: Record<string, unknown> | undefined;
  for (const k of Object.keys(old)) {
    if (ANCHOR_KEYS.has(k) || k in now) continue;
    target ??= {};
    target[k] = old[k];
  }
  if (!target) return after;
  // In the order they had, after the anchor's own keys, so the written bytes do not depend on the path taken.
  const merged: Record<string, unknown> = {};
  // (Khabar's own `far` goes when the new anchor has none.)
  for (const k of Object.keys(old)) {
    const v = k in now ? now[k] : target[k];
    if (v !== undefined) merged[k] = v;
  }
  for (const k of Object.keys(now)) if (!(k in merged)) merged[k] = now[k];
  return { ...after, target: merged as unknown as Anchor };
}
