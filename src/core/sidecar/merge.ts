// Three-way merge of sidecars by annotation id and field: what only one side changed is taken,
// what both changed differently is a conflict kept on our side and reported, never dropped.

import { anchorHolds } from '../anchor/anchor';
import type { AnnotationRecord, SidecarData } from '../annotationRecord';
import { compareRecords } from './format';
import { MAX_ID_NUMBER } from './validate';

/** No new id can be given without repeating one (the id counter reached 2^53 − 1). */
export class IdsExhaustedError extends Error {}

export type ConflictKind = 'both-changed' | 'changed-deleted' | 'deleted-changed';

export interface MergeConflict {
  id: string;
  kind: ConflictKind;
  /** The field both sides changed (both-changed only). */
  field?: string;
  base?: unknown;
  ours?: unknown;
  theirs?: unknown;
}

export interface MergeResult {
  /** Ours wherever a conflict is: nothing of ours is lost until the user chooses. */
  data: SidecarData;
  conflicts: MergeConflict[];
  /** Ids that both sides created for different annotations: theirs got a new id. */
  renamed: { from: string; to: string }[];
}

export interface MergeOptions {
  /** The current article text: when both sides moved an anchor, the one that fits this text wins. */
  text?: string;
}

/** base may be undefined (no common ancestor known): then only identical records are taken as one. */
export function mergeSidecars(base: SidecarData | undefined, ours: SidecarData, theirs: SidecarData, options: MergeOptions = {}): MergeResult {
  const b = byId(base?.annotations ?? []);
  const o = byId(ours.annotations);
  const t = byId(theirs.annotations);
  const conflicts: MergeConflict[] = [];
  const renamed: { from: string; to: string }[] = [];
  const out: AnnotationRecord[] = [];
  const used = new Set<string>([...o.keys(), ...t.keys(), ...b.keys()]);
  let lastId = Math.max(ours.lastId ?? 0, theirs.lastId ?? 0, base?.lastId ?? 0, maxIdNumber(used));
  for (const id of new Set([...o.keys(), ...t.keys()])) {
    const br = b.get(id);
    const or = o.get(id);
    const tr = t.get(id);
    if (or && tr) {
      if (!br) {
        if (deepEqual(or, tr)) out.push(or);
        else {
          out.push(or);
          lastId = nextIdNumber(lastId);
          const fresh = `${idPrefix(id)}${lastId}`;
          used.add(fresh);
          out.push({ ...tr, id: fresh });
          renamed.push({ from: id, to: fresh });
        }
      } else {
        out.push(mergeRecord(br, or, tr, conflicts, options.text));
      }
    } else if (or) {
      if (!br) out.push(or);
      else if (!deepEqual(br, or)) {
        out.push(or);
        conflicts.push({ id, kind: 'changed-deleted', base: br, ours: or });
      }
      // else: theirs deleted an annotation we did not touch.
    } else if (tr) {
      if (!br) out.push(tr);
      else if (!deepEqual(br, tr)) {
        out.push(tr);
        conflicts.push({ id, kind: 'deleted-changed', base: br, theirs: tr });
      }
    }
  }
  out.sort(compareRecords);
  const data: SidecarData = { ...ours, annotations: out };
  if (lastId > 0 && (ours.lastId !== undefined || theirs.lastId !== undefined || renamed.length > 0)) data.lastId = lastId;
  return { data, conflicts, renamed };
}

function mergeRecord(base: AnnotationRecord, ours: AnnotationRecord, theirs: AnnotationRecord, conflicts: MergeConflict[], text: string | undefined): AnnotationRecord {
  const b = base as unknown as Record<string, unknown>;
  const o = ours as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(o), ...Object.keys(t), ...Object.keys(b)])) {
    const bv = b[k];
    const ov = o[k];
    const tv = t[k];
    let v: unknown;
    if (deepEqual(ov, tv) || deepEqual(tv, bv)) v = ov;
    else if (deepEqual(ov, bv)) v = tv;
    else if (k === 'target' && isAnchor(ov) && isAnchor(tv) && ov.start === tv.start && ov.end === tv.end && ov.exact === tv.exact) {
      // Same place, only the stored context differs (one side has not refreshed it yet): not a real conflict.
      v = text !== undefined && tv.prefix === text.slice(Math.max(0, tv.start - tv.prefix.length), tv.start) ? tv : ov;
    } else if (k === 'target' && text !== undefined && fitsOnlyOne(text, ov, tv) !== undefined) v = fitsOnlyOne(text, ov, tv);
    else if (k === 'orphan' || k === 'modified') v = k === 'orphan' ? ov : later(ov, tv);
    else {
      v = ov;
      conflicts.push({ id: ours.id, kind: 'both-changed', field: k, base: bv, ours: ov, theirs: tv });
    }
    if (v !== undefined) out[k] = v;
  }
  return out as unknown as AnnotationRecord;
}

function fitsOnlyOne(text: string, a: unknown, b: unknown): unknown {
  const fa = isAnchor(a) && anchorHolds(text, a);
  const fb = isAnchor(b) && anchorHolds(text, b);
  return fa && !fb ? a : fb && !fa ? b : undefined;
}

function isAnchor(v: unknown): v is AnnotationRecord['target'] {
  return typeof v === 'object' && v !== null && typeof (v as { exact?: unknown }).exact === 'string';
}

function later(a: unknown, b: unknown): unknown {
  return typeof a === 'string' && typeof b === 'string' ? (a >= b ? a : b) : (a ?? b);
}

/** Applies the user's choice for every conflict of a merge. */
export function resolveConflicts(result: MergeResult, side: 'ours' | 'theirs'): SidecarData {
  if (side === 'ours') return result.data;
  const records = new Map(result.data.annotations.map((r) => [r.id, r]));
  for (const c of result.conflicts) {
    const r = records.get(c.id);
    if (!r) continue;
    if (c.kind === 'both-changed' && c.field) {
      const next = { ...r } as unknown as Record<string, unknown>;
      if (c.theirs === undefined) delete next[c.field];
      else next[c.field] = c.theirs;
      records.set(c.id, next as unknown as AnnotationRecord);
    } else if (c.kind === 'changed-deleted') {
      records.delete(c.id);
    }
    // deleted-changed: theirs kept the record changed; taking theirs keeps it as it is.
  }
  return { ...result.data, annotations: [...records.values()].sort(compareRecords) };
}

function byId(records: readonly AnnotationRecord[]): Map<string, AnnotationRecord> {
  return new Map(records.map((r) => [r.id, r]));
}

function idPrefix(id: string): string {
  return /^(.*?)\d*$/.exec(id)![1]!;
}

export function maxIdNumber(ids: Iterable<string>): number {
  let max = 0;
  for (const id of ids) {
    const m = /(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

/**
 * One more than `n`, or a clear refusal: past 2^53 − 1 "one more" is the same number, and the
 * next annotation would get an id already in use (or one written as 1e+21).
 */
export function nextIdNumber(n: number): number {
  if (!(n < MAX_ID_NUMBER)) {
    throw new IdsExhaustedError(
      `no new annotation id can be given: the highest id number in this sidecar (${n > 1e21 ? 'beyond 10^21' : n}, from lastId or an id's digits) is at the limit of ${MAX_ID_NUMBER}; renumber the ids by hand`,
    );
  }
  return n + 1;
}
