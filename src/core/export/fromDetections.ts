// Detections of an article without a sidecar become 'suggested' records, so they can be exported
// (with --include-suggestions) through the same path as reviewed annotations.

import type { AnnotationRecord } from '../annotationRecord';
import type { Detection } from '../types';

const CONTEXT = 32;

/** The anchor of a span with up to 32 code units of context each side, never cutting an emoji in half. */
export function anchorAt(text: string, start: number, end: number): AnnotationRecord['target'] {
  let from = Math.max(0, start - CONTEXT);
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
  let to = Math.min(text.length, end + CONTEXT);
  if (to < text.length && isLow(text.charCodeAt(to)) && isHigh(text.charCodeAt(to - 1))) to--;
  return { start, end, exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export function detectionsToRecords(text: string, detections: readonly Detection[]): AnnotationRecord[] {
  const counters = { entity: 0, figure: 0, claim: 0 };
  const prefixes = { entity: 'e', figure: 'f', claim: 'c' } as const;
  const ids = detections.map((d) => `s${prefixes[d.kind]}${++counters[d.kind]}`);
  // A claim can start before its claimant's mention, so ids are all assigned before refs are resolved.
  const entityIds = new Map<string, string>();
  detections.forEach((d, i) => {
    if (d.kind === 'entity') entityIds.set(`${d.start}:${d.end}`, ids[i]!);
  });
  return detections.map((d, i) => {
    const record: AnnotationRecord = { id: ids[i]!, kind: d.kind, label: d.label, status: 'suggested', target: anchorAt(text, d.start, d.end) };
    if (d.kind === 'figure') record.value = d.value;
    if (d.kind === 'claim') {
      record.claim = { checkWorthiness: d.checkWorthiness };
      if (d.claimant) {
        const ref = entityIds.get(`${d.claimant.start}:${d.claimant.end}`);
        record.claim.claimant = ref === undefined ? { text: d.claimant.text } : { text: d.claimant.text, ref };
      }
    }
    return record;
  });
}
