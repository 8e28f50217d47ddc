// The parts of a record another tool has no slot for (its id, status, claim fields, value, note,
// author, dates), carried in that tool's metadata slot so export → import → export loses nothing:
// a `khabar` list beside doccano's labels, Label Studio's task `meta`, a KhabarRecord line in brat.

import type { AnnotationRecord } from '../annotationRecord';
import { KEY_ORDER } from '../sidecar/format';
import { validateSidecar } from '../sidecar/validate';

/** Everything but what the tool's own span already says (offsets, quote, label and kind). */
export type RecordMeta = Omit<AnnotationRecord, 'target' | 'label' | 'kind'>;

/** In the sidecar's key order, so the same record always gives the same bytes. */
export function recordMeta(r: AnnotationRecord): RecordMeta {
  const skip = new Set(['target', 'label', 'kind', 'orphan']);
  const src = r as unknown as Record<string, unknown>;
  const known: readonly string[] = KEY_ORDER.record;
  const keys = [...known.filter((k) => k in src), ...Object.keys(src).filter((k) => !known.includes(k)).sort()];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (!skip.has(k) && src[k] !== undefined) out[k] = src[k];
  return out as unknown as RecordMeta;
}

/**
 * Reads metadata back for a span of the given label and kind: undefined when it is not an object
 * with an id, or when the record it would make breaks the sidecar rules (a hand-edited or
 * foreign file must not produce an annotations file Khabar then refuses to open).
 */
export function readRecordMeta(meta: unknown, probe: Pick<AnnotationRecord, 'kind' | 'label' | 'target'>): RecordMeta | undefined {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return undefined;
  const m = meta as Record<string, unknown>;
  if (typeof m.id !== 'string') return undefined;
  const { target: _t, label: _l, kind: _k, orphan: _o, ...rest } = m;
  const record = { status: 'accepted', ...rest, kind: probe.kind, label: probe.label, target: probe.target };
  const issues = validateSidecar({ khabar: 1, document: { path: 'a.txt', sha256: '0'.repeat(64), length: probe.target.end }, annotations: [record] });
  return issues.length === 0 ? (rest as unknown as RecordMeta) : undefined;
}
