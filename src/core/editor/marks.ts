// What the editor draws: detections and sidecar records merged into one list of marks. A record
// overrides the detection at the same span (accepted → drawn with the record's label, rejected →
// hidden), so a rejected suggestion never comes back.

import type { AnnotationRecord } from '../annotationRecord';
import type { Detection, EntityLabel } from '../types';
import { ENTITY_LABELS } from '../vocabulary';

export type DecorationKey =
  | 'PER'
  | 'LOC'
  | 'ORG'
  | 'MISC'
  | 'figure'
  | 'claimSuggestion'
  | 'claimTagged'
  | 'note'
  | 'orphan';

export const DECORATION_KEYS: readonly DecorationKey[] = [
  'PER',
  'LOC',
  'ORG',
  'MISC',
  'figure',
  'claimSuggestion',
  'claimTagged',
  'note',
  'orphan',
];

export interface Mark {
  key: DecorationKey;
  start: number;
  end: number;
  detection?: Detection;
  record?: AnnotationRecord;
}

const ENTITY_LABEL_SET = new Set<string>(ENTITY_LABELS);

function spanKey(start: number, end: number): string {
  return `${start}:${end}`;
}

/** The kind a record overrides: an entity record can retype a detection to any entity label. */
function sameKind(record: AnnotationRecord, d: Detection): boolean {
  return record.kind === d.kind;
}

export function keyForRecord(r: AnnotationRecord): DecorationKey | undefined {
  if (r.orphan) return 'orphan';
  if (r.status === 'rejected') return undefined;
  switch (r.kind) {
    case 'entity':
      return ENTITY_LABEL_SET.has(r.label) ? (r.label as EntityLabel) : 'MISC';
    case 'figure':
      return 'figure';
    case 'claim':
      return r.status === 'suggested' ? 'claimSuggestion' : 'claimTagged';
    case 'note':
      return 'note';
  }
}

export function keyForDetection(d: Detection): DecorationKey {
  if (d.kind === 'entity') return d.label;
  if (d.kind === 'figure') return 'figure';
  return 'claimSuggestion';
}

/**
 * Merges detections with placed records and orphans into marks sorted by start, end. `hidden` keys
 * are left out (settings, the toggle). Orphans are marked as an empty span at their last known start,
 * clamped to the text, so the editor can show where they were without pretending they still fit.
 */
export function mergeMarks(
  detections: readonly Detection[],
  records: readonly AnnotationRecord[],
  orphans: readonly AnnotationRecord[],
  textLength: number,
  hidden: ReadonlySet<DecorationKey> = new Set(),
): Mark[] {
  const bySpan = new Map<string, AnnotationRecord[]>();
  for (const r of records) {
    const k = spanKey(r.target.start, r.target.end);
    const list = bySpan.get(k);
    if (list) list.push(r);
    else bySpan.set(k, [r]);
  }
  const out: Mark[] = [];
  for (const d of detections) {
    const overriding = bySpan.get(spanKey(d.start, d.end))?.some((r) => sameKind(r, d));
    if (overriding) continue;
    const key = keyForDetection(d);
    if (!hidden.has(key)) out.push({ key, start: d.start, end: d.end, detection: d });
  }
  for (const r of records) {
    const key = r.orphan ? 'orphan' : keyForRecord(r);
    if (!key || hidden.has(key)) continue;
    if (key === 'orphan') {
      const at = Math.min(Math.max(0, r.target.start), textLength);
      out.push({ key, start: at, end: at, record: r });
    } else out.push({ key, start: r.target.start, end: r.target.end, record: r });
  }
  if (!hidden.has('orphan')) {
    for (const r of orphans) {
      const at = Math.min(Math.max(0, r.target.start), textLength);
      out.push({ key: 'orphan', start: at, end: at, record: r });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Which claim suggestions are drawn: the most check-worthy (the default: about one in five in real
 * news), those worth checking (the records' `checkWorthy`: about seven in ten), or every one.
 */
export type SuggestionMode = 'top' | 'checkWorthy' | 'all';

/** Check-worthiness at or above which a suggestion is worth checking (records' `checkWorthy`). */
export const CHECK_WORTHY = 0.5;
/** Check-worthiness of the most check-worthy suggestions, drawn by default. */
export const TOP_CHECK_WORTHY = 0.7;

/**
 * True for a detected claim suggestion that is left undrawn in this mode: most sentences of a news
 * article report speech or a figure, and underlining all of them buries the ones worth checking.
 * Saved suggestions (records) are always drawn; navigation and the annotations view list them all.
 */
export function quietSuggestion(m: Mark, mode: SuggestionMode): boolean {
  if (mode === 'all' || m.key !== 'claimSuggestion' || m.record) return false;
  const d = m.detection;
  return d?.kind === 'claim' && d.checkWorthiness < (mode === 'top' ? TOP_CHECK_WORTHY : CHECK_WORTHY);
}

/**
 * Marks whose span contains the offset, innermost first. A hover asks about the character after
 * the offset (end exclusive); a command at the cursor also accepts a cursor just after a word
 * (`cursor`, end inclusive).
 */
export function marksAt(marks: readonly Mark[], offset: number, cursor = false): Mark[] {
  return marks
    .filter((m) => (m.key === 'orphan' ? m.start === offset : m.start <= offset && (cursor ? offset <= m.end : offset < m.end)))
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** Marks overlapping [start, end). */
export function marksIn(marks: readonly Mark[], start: number, end: number): Mark[] {
  return marks.filter((m) => m.start < end && m.end > start);
}
