// Changes to a sidecar's records as pure functions, each returning the inverse information an undo
// needs. The extension's store is a thin layer of I/O and events around these.

import { anchorFor, anchorHolds } from '../anchor/anchor';
import type { AnnotationRecord, RecordKind, SidecarData } from '../annotationRecord';
import { maxIdNumber, nextIdNumber } from './merge';
import { keepTargetFields, reanchorKeepingFields } from './sync';

export { IdsExhaustedError } from './merge';

/** One record's state before and after a change; undefined means absent. */
export interface RecordOp {
  id: string;
  before: AnnotationRecord | undefined;
  after: AnnotationRecord | undefined;
}

export interface Edit {
  data: SidecarData;
  ops: RecordOp[];
}

export const ID_PREFIX: Record<RecordKind, string> = { claim: 'c', entity: 'e', figure: 'f', note: 'n' };

/** A new id: kind prefix + one more than any number ever handed out in this file (lastId), never a reused one. */
export function nextId(data: SidecarData, kind: RecordKind): { id: string; lastId: number } {
  const n = nextIdNumber(Math.max(data.lastId ?? 0, maxIdNumber(data.annotations.map((a) => a.id))));
  return { id: `${ID_PREFIX[kind] ?? 'a'}${n}`, lastId: n };
}

export function addRecord(data: SidecarData, record: Omit<AnnotationRecord, 'id'>): Edit & { record: AnnotationRecord } {
  const { id, lastId } = nextId(data, record.kind);
  const stored = { id, ...record } as AnnotationRecord;
  return { data: { ...data, lastId, annotations: [...data.annotations, stored] }, ops: [{ id, before: undefined, after: stored }], record: stored };
}

export function updateRecord(data: SidecarData, id: string, patch: Partial<Omit<AnnotationRecord, 'id'>>): (Edit & { record: AnnotationRecord }) | undefined {
  const i = data.annotations.findIndex((a) => a.id === id);
  if (i < 0) return undefined;
  const before = data.annotations[i]!;
  const after = { ...before, ...patch, id } as AnnotationRecord;
  // A patch value of undefined removes the field, so the sidecar does not keep `note: null` and the like.
  for (const k of Object.keys(patch) as (keyof AnnotationRecord)[]) if (patch[k as keyof typeof patch] === undefined) delete after[k];
  const annotations = data.annotations.slice();
  annotations[i] = after;
  return { data: { ...data, annotations }, ops: [{ id, before, after }], record: after };
}

export function removeRecord(data: SidecarData, id: string): Edit | undefined {
  const before = data.annotations.find((a) => a.id === id);
  if (!before) return undefined;
  return { data: { ...data, annotations: data.annotations.filter((a) => a.id !== id) }, ops: [{ id, before, after: undefined }] };
}

export function reattachRecord(data: SidecarData, id: string, text: string, start: number, end: number): Edit | undefined {
  if (start < 0 || end > text.length || start >= end) return undefined;
  const i = data.annotations.findIndex((a) => a.id === id);
  if (i < 0) return undefined;
  const before = data.annotations[i]!;
  const after: AnnotationRecord = keepTargetFields(before, { ...before, target: anchorFor(text, start, end) });
  delete after.orphan;
  const annotations = data.annotations.slice();
  annotations[i] = after;
  return { data: { ...data, annotations }, ops: [{ id, before, after }] };
}

/**
 * Undoes (`'before'`) or redoes (`'after'`) a group of ops. Records keep the anchors they have now
 * unless the change being undone was itself a move; a restored record whose old anchor no longer
 * fits the text is re-anchored (or becomes an orphan), never placed on the wrong words.
 */
export function applyOps(data: SidecarData, ops: readonly RecordOp[], side: 'before' | 'after', text?: string): SidecarData {
  let annotations = data.annotations.slice();
  const list = side === 'before' ? ops.slice().reverse() : ops;
  const restored: string[] = [];
  for (const op of list) {
    const want = op[side];
    const other = side === 'before' ? op.after : op.before;
    const i = annotations.findIndex((a) => a.id === op.id);
    if (!want) {
      if (i >= 0) annotations.splice(i, 1);
      continue;
    }
    const current = i >= 0 ? annotations[i] : undefined;
    let next = want;
    const moved = other !== undefined && !sameAnchor(other.target, want.target);
    if (current && !moved) {
      next = { ...want, target: current.target };
      if (current.orphan) next.orphan = true;
      else delete next.orphan;
    } else restored.push(op.id);
    if (i >= 0) annotations[i] = next;
    else annotations.push(next);
  }
  if (text !== undefined && restored.length > 0) {
    const idx = annotations.map((a, i) => (restored.includes(a.id) && !a.orphan && !anchorHolds(text, a.target) ? i : -1)).filter((i) => i >= 0);
    if (idx.length > 0) {
      const r = reanchorKeepingFields(text, idx.map((i) => annotations[i]!));
      annotations = annotations.slice();
      idx.forEach((i, k) => (annotations[i] = r.records[k]!));
    }
  }
  return { ...data, annotations };
}

function sameAnchor(a: AnnotationRecord['target'], b: AnnotationRecord['target']): boolean {
  return a.start === b.start && a.end === b.end && a.exact === b.exact;
}
