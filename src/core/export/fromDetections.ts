// Detections of an article without a sidecar become 'suggested' records, so they can be exported
// (with --include-suggestions) through the same path as reviewed annotations.

import type { AnnotationRecord } from '../model';
import type { Detection } from '../types';

const CONTEXT = 32;

export function anchorAt(text: string, start: number, end: number): AnnotationRecord['target'] {
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
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
