// What every importer produces (a text and its records) and the pieces they share: label mapping,
// offset conversion with a check against the quote, and building the sidecar data.

import { sha256Hex } from '../sha256';
import { anchorFor } from '../anchor/anchor';
import { CodePointIndex } from '../export/offsets';
import type { RecordMeta } from '../export/recordMeta';
import type { AnnotationRecord, RecordKind, RecordLabel, RecordStatus, SidecarData } from '../annotationRecord';
import { LABELS as VOCABULARY, RECORD_LABELS } from '../vocabulary';

export interface ImportedDocument {
  /** A relative file name for the article when the source gives one (not yet checked safe). */
  name?: string;
  text: string;
  records: AnnotationRecord[];
  /** Where the article is published, kept in the sidecar's document (W3C names articles by URL). */
  url?: string;
  /** Spans that could not be imported, with why; the rest of the document is still imported. */
  warnings: string[];
}

const LABELS: Readonly<Record<string, { kind: RecordKind; label: RecordLabel }>> = (() => {
  const m: Record<string, { kind: RecordKind; label: RecordLabel }> = {};
  const add = (kind: RecordKind, label: RecordLabel, ...names: string[]): void => {
    for (const n of [label, ...names]) m[n.toUpperCase()] = { kind, label };
  };
  for (const label of RECORD_LABELS) add(VOCABULARY[label].kind, label);
  // Other tools' spellings of the same labels.
  add('entity', 'PER', 'PERS', 'PERSON');
  add('entity', 'LOC', 'LOCATION', 'GPE');
  add('entity', 'ORG', 'ORGANIZATION', 'ORGANISATION');
  add('entity', 'MISC', 'MIS', 'MIS0', 'MIS1', 'MIS2', 'MIS3', 'MIS-1', 'MIS-2', 'MIS-3');
  add('figure', 'NUMBER', 'CARDINAL', 'NUM');
  return m;
})();

/** Maps a label from another tool (ANERcorp's PERS, spaCy's GPE, AQMAR's MIS1, …) to Khabar's. */
export function mapLabel(external: string): { kind: RecordKind; label: RecordLabel } | undefined {
  return LABELS[external.trim().toUpperCase()];
}

/**
 * Converts code point offsets to UTF-16 and checks the span against the quote when the source has
 * one. Some tools (Label Studio before 1.4) wrote UTF-16 offsets: when only that reading matches
 * the quote, it is used.
 */
export function resolveSpan(
  index: CodePointIndex,
  start: number,
  end: number,
  quote: string | undefined,
): { start: number; end: number } | string {
  const text = index.text;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return `bad offsets ${start}..${end}`;
  if (end <= index.codePointLength) {
    const s = index.toUtf16(start);
    const e = index.toUtf16(end);
    if (quote === undefined || text.slice(s, e) === quote) return { start: s, end: e };
  }
  if (quote !== undefined && end <= text.length && text.slice(start, end) === quote && !index.splitsPair(start) && !index.splitsPair(end)) {
    return { start, end };
  }
  if (end > index.codePointLength) return `offsets ${start}..${end} are past the end of the text (${index.codePointLength} characters)`;
  return `the text at ${start}..${end} is not ${JSON.stringify(quote)}`;
}

/**
 * Checks UTF-16 offsets (doccano's unit): inside the text and not between the halves of a
 * surrogate pair, which would mean the file counted something else and every span is misplaced.
 */
export function resolveUtf16Span(index: CodePointIndex, start: number, end: number): { start: number; end: number } | string {
  const text = index.text;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return `bad offsets ${start}..${end}`;
  if (end > text.length) return `offsets ${start}..${end} are past the end of the text (${text.length} UTF-16 code units)`;
  if (index.splitsPair(start) || index.splitsPair(end)) {
    return `offsets ${start}..${end} cut an emoji or other astral character in two: they are not UTF-16 code units, the unit doccano uses`;
  }
  return { start, end };
}

export interface SpanInput {
  start: number;
  end: number;
  label: RecordLabel;
  kind: RecordKind;
  status: RecordStatus;
  note?: string;
  verdict?: string;
  /** Index into the same list of the claimant's span. */
  claimantOf?: number;
  /** Khabar's own fields carried in the tool's metadata (id, claim, value, dates…), already checked. */
  meta?: RecordMeta;
}

/**
 * Turns resolved spans into records, anchored with context. A span that carries Khabar's metadata
 * gets its id and fields back; the others get fresh ids numbered in text order (e1, f2, c3, …)
 * that no carried id uses. Duplicate spans (same offsets, label and status) are kept once.
 */
export function buildRecords(text: string, spans: readonly SpanInput[]): AnnotationRecord[] {
  const order = spans.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i);
  const prefix: Record<RecordKind, string> = { entity: 'e', figure: 'f', claim: 'c', note: 'n' };
  const carried = new Set(spans.map((s) => s.meta?.id).filter((id): id is string => id !== undefined));
  const used = new Set<string>();
  let fresh = 0;
  const freshId = (kind: RecordKind): string => {
    let id: string;
    do id = `${prefix[kind]}${++fresh}`;
    while (carried.has(id) || used.has(id));
    return id;
  };
  const ids = new Map<number, string>();
  const seen = new Map<string, string>();
  const out: AnnotationRecord[] = [];
  for (const { s, i } of order) {
    const key = `${s.start}:${s.end}:${s.label}:${s.status}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      ids.set(i, dup);
      continue;
    }
    const metaId = s.meta?.id;
    const id = metaId !== undefined && !used.has(metaId) ? metaId : freshId(s.kind);
    used.add(id);
    ids.set(i, id);
    seen.set(key, id);
    const { id: _id, status: _status, ...fields } = s.meta ?? { id };
    const r: AnnotationRecord = { id, kind: s.kind, label: s.label, status: s.status, target: anchorFor(text, s.start, s.end), ...fields };
    if (s.note !== undefined) r.note = s.note;
    if (s.verdict !== undefined) r.claim = { ...r.claim, verdict: s.verdict };
    out.push(r);
  }
  // Claimants are linked once every span has its id.
  spans.forEach((s, i) => {
    if (s.claimantOf === undefined) return;
    const claim = out.find((r) => r.id === ids.get(s.claimantOf!));
    if (!claim) return;
    claim.claim = { ...claim.claim, claimant: { text: text.slice(s.start, s.end), ref: ids.get(i)! } };
  });
  return out;
}

export function sidecarFor(doc: ImportedDocument, articleFileName: string): SidecarData {
  return {
    khabar: 1,
    document: {
      path: articleFileName,
      sha256: sha256Hex(doc.text),
      length: doc.text.length,
      ...(doc.url === undefined ? {} : { url: doc.url }),
    },
    annotations: doc.records,
  };
}
