// Reading doccano and Label Studio exports (JSONL, or Label Studio's JSON array of tasks) into
// documents. doccano counts UTF-16 code units (its editor slices JavaScript strings); Label Studio
// counts code points since 1.4, and its quote settles older files.

import { CodePointIndex } from '../export/offsets';
import { readRecordMeta } from '../export/recordMeta';
import { buildRecords, mapLabel, resolveSpan, resolveUtf16Span, type ImportedDocument, type SpanInput } from './common';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Splits JSONL into parsed values; a line that is not JSON is an error naming its line number. */
export function parseJsonLines(source: string): unknown[] {
  const out: unknown[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      throw new Error(`line ${i + 1}: not JSON (${(e as Error).message})`);
    }
  });
  return out;
}

function nameOf(o: Record<string, unknown>): string | undefined {
  for (const k of ['file', 'filename', 'path']) if (typeof o[k] === 'string') return o[k];
  const meta = o.meta;
  if (isObject(meta) && typeof meta.file === 'string') return meta.file;
  return undefined;
}

/** One doccano line: `{text, label: [[start, end, label]]}` or the newer `{text, entities: [{start_offset, end_offset, label}]}`. */
export function parseDoccano(line: unknown, where = 'document'): ImportedDocument {
  if (!isObject(line) || typeof line.text !== 'string') throw new Error(`${where}: a doccano line needs a "text" string`);
  const text = line.text;
  const index = new CodePointIndex(text);
  const warnings: string[] = [];
  const spans: SpanInput[] = [];
  const raw: Array<[unknown, unknown, unknown, unknown]> = [];
  const labels = line.label ?? line.labels;
  // Khabar's export puts each label's record fields at the same index of `khabar` (doccano keeps
  // the column in the example's meta; some doccano versions export meta nested under `meta`).
  const metaList = Array.isArray(line.khabar) ? line.khabar : isObject(line.meta) && Array.isArray(line.meta.khabar) ? line.meta.khabar : [];
  if (Array.isArray(labels)) labels.forEach((l, i) => Array.isArray(l) && raw.push([l[0], l[1], l[2], metaList[i]]));
  if (Array.isArray(line.entities)) {
    for (const e of line.entities) if (isObject(e)) raw.push([e.start_offset, e.end_offset, e.label, undefined]);
  }
  for (const [s, e, l, m] of raw) {
    if (typeof s !== 'number' || typeof e !== 'number' || typeof l !== 'string') {
      warnings.push(`${where}: span ${JSON.stringify([s, e, l])} is not [start, end, label]`);
      continue;
    }
    const mapped = mapLabel(l);
    if (!mapped) {
      warnings.push(`${where}: unknown label ${l} at ${s}..${e}, skipped`);
      continue;
    }
    const span = resolveUtf16Span(index, s, e);
    if (typeof span === 'string') {
      warnings.push(`${where}: ${span}`);
      continue;
    }
    const meta = readRecordMeta(m, { ...mapped, target: { ...span, exact: text.slice(span.start, span.end), prefix: '', suffix: '' } });
    // doccano has no review status: the carried one comes back (a suggestion stays a suggestion).
    spans.push({ ...span, ...mapped, status: meta?.status ?? 'accepted', ...(meta ? { meta } : {}) });
  }
  const doc: ImportedDocument = { text, records: buildRecords(text, spans), warnings };
  const name = nameOf(line);
  if (name !== undefined) doc.name = name;
  return doc;
}

/** One Label Studio task: annotations become accepted records, predictions suggested ones. */
export function parseLabelStudio(task: unknown, where = 'task'): ImportedDocument {
  if (!isObject(task) || !isObject(task.data)) throw new Error(`${where}: a Label Studio task needs a "data" object`);
  const data = task.data;
  const textKey = typeof data.text === 'string' ? 'text' : Object.keys(data).find((k) => typeof data[k] === 'string' && k !== 'file');
  if (textKey === undefined) throw new Error(`${where}: the task's data has no text`);
  const text = data[textKey] as string;
  const index = new CodePointIndex(text);
  const warnings: string[] = [];
  const spans: SpanInput[] = [];
  const taskMeta = isObject(task.meta) && Array.isArray(task.meta.khabar) ? (task.meta.khabar as unknown[]) : [];
  const take = (list: unknown, status: 'accepted' | 'suggested'): void => {
    if (!Array.isArray(list)) return;
    // Only the first (latest) annotation of a task: several annotators' versions would duplicate spans.
    const first = list.find((a) => isObject(a) && a.was_cancelled !== true);
    if (!isObject(first) || !Array.isArray(first.result)) return;
    for (const r of first.result) {
      if (!isObject(r) || !isObject(r.value)) continue;
      const v = r.value;
      const labels = Array.isArray(v.labels) ? v.labels : Array.isArray(v.hypertextlabels) ? v.hypertextlabels : undefined;
      if (typeof v.start !== 'number' || typeof v.end !== 'number' || !labels || typeof labels[0] !== 'string') continue;
      const mapped = mapLabel(labels[0]);
      if (!mapped) {
        warnings.push(`${where}: unknown label ${labels[0]} at ${v.start}..${v.end}, skipped`);
        continue;
      }
      const span = resolveSpan(index, v.start, v.end, typeof v.text === 'string' ? v.text : undefined);
      if (typeof span === 'string') {
        warnings.push(`${where}: ${span}`);
        continue;
      }
      // A region keeps its id in Label Studio; the task's meta has that id's Khabar fields.
      const carried = typeof r.id === 'string' ? taskMeta.find((m) => isObject(m) && m.id === r.id) : undefined;
      const meta = readRecordMeta(carried, { ...mapped, target: { ...span, exact: text.slice(span.start, span.end), prefix: '', suffix: '' } });
      // The status is Label Studio's: a prediction the annotator accepted is now an annotation.
      spans.push({ ...span, ...mapped, status, ...(meta ? { meta } : {}) });
    }
  };
  take(task.annotations ?? task.completions, 'accepted');
  take(task.predictions, 'suggested');
  // A prediction the annotator already accepted is the same span: keep the accepted one.
  const accepted = new Set(spans.filter((s) => s.status === 'accepted').map((s) => `${s.start}:${s.end}:${s.label}`));
  const kept = spans.filter((s) => s.status === 'accepted' || !accepted.has(`${s.start}:${s.end}:${s.label}`));
  const doc: ImportedDocument = { text, records: buildRecords(text, kept), warnings };
  const name = nameOf(data) ?? nameOf(task);
  if (name !== undefined) doc.name = name;
  return doc;
}

/** Label Studio's JSON export is an array of tasks; its JSONL and Khabar's are one task a line. */
export function parseLabelStudioSource(source: string): ImportedDocument[] {
  const trimmed = source.trimStart();
  const tasks = trimmed.startsWith('[') ? (JSON.parse(trimmed) as unknown) : parseJsonLines(source);
  if (!Array.isArray(tasks)) throw new Error('a Label Studio export is a JSON array of tasks or one task a line');
  return tasks.map((t, i) => parseLabelStudio(t, `task ${i + 1}`));
}

export function parseDoccanoSource(source: string): ImportedDocument[] {
  return parseJsonLines(source).map((l, i) => parseDoccano(l, `line ${i + 1}`));
}
