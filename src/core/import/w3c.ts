// Reading W3C Web Annotation (what `khabar export --format w3c` writes, or any AnnotationCollection,
// AnnotationPage, Annotation or array of them) back into documents. W3C names the article by URL
// and carries no text, so the caller gives the text for each target source. The span comes from the
// TextPositionSelector (code points) checked against the TextQuoteSelector's `exact`; the label, note,
// verdict, claimant, value and author from the bodies and creator; the rest of Khabar's record from
// the target's `khabar:record` extension property.

import { CodePointIndex } from '../export/offsets';
import { readRecordMeta, type RecordMeta } from '../export/recordMeta';
import { buildRecords, mapLabel, resolveSpan, type ImportedDocument, type SpanInput } from './common';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The annotations of a collection (its first page and the pages after it when embedded), a page, one annotation or an array. */
export function w3cAnnotations(json: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!isObject(v)) return;
    const type = list(v.type);
    if (type.includes('Annotation')) out.push(v);
    else if (type.includes('AnnotationPage')) {
      list(v.items).forEach(visit);
      if (isObject(v.next)) visit(v.next);
    } else if (type.includes('AnnotationCollection') && isObject(v.first)) visit(v.first);
  };
  visit(json);
  return out;
}

/** The target's source IRI (a target may be given as a bare IRI string or an object). */
export function w3cTargetSource(a: Record<string, unknown>): string | undefined {
  const t = list(a.target)[0];
  if (typeof t === 'string') return t;
  if (isObject(t) && typeof t.source === 'string') return t.source;
  return undefined;
}

export interface W3cArticle {
  text: string;
  /** The article's file name, when known. */
  name?: string;
}

/**
 * One document per target source that `articleFor` knows; the annotations of a source it does not
 * know are reported in the returned `unknown` list (source and how many), never placed.
 */
export function parseW3c(
  source: string,
  articleFor: (url: string) => W3cArticle | undefined,
): { documents: Array<ImportedDocument & { source: string }>; unknown: Array<{ source: string; count: number }>; warnings: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (e) {
    throw new Error(`not JSON (${(e as Error).message})`);
  }
  const annotations = w3cAnnotations(json);
  if (annotations.length === 0 && !(isObject(json) && list(json.type).some((t) => t === 'AnnotationCollection' || t === 'AnnotationPage'))) {
    throw new Error('not a W3C Web Annotation collection, page or annotation');
  }
  const warnings: string[] = [];
  const bySource = new Map<string, Array<[Record<string, unknown>, number]>>();
  annotations.forEach((a, i) => {
    const src = w3cTargetSource(a);
    if (src === undefined) {
      warnings.push(`annotation ${i + 1}: no target source, skipped`);
      return;
    }
    const group = bySource.get(src) ?? [];
    group.push([a, i]);
    bySource.set(src, group);
  });
  const documents: Array<ImportedDocument & { source: string }> = [];
  const unknown: Array<{ source: string; count: number }> = [];
  for (const [src, group] of bySource) {
    const article = articleFor(src);
    if (article === undefined) {
      unknown.push({ source: src, count: group.length });
      continue;
    }
    const doc = w3cDocument(article.text, group);
    if (article.name !== undefined) doc.name = article.name;
    documents.push({ ...doc, source: src });
  }
  return { documents, unknown, warnings };
}

function w3cDocument(text: string, annotations: ReadonlyArray<[Record<string, unknown>, number]>): ImportedDocument {
  const index = new CodePointIndex(text);
  const warnings: string[] = [];
  const spans: SpanInput[] = [];
  for (const [a, i] of annotations) {
    const where = `annotation ${i + 1}${typeof a.id === 'string' ? ` (${a.id})` : ''}`;
    const span = spanOf(a, index);
    if (typeof span === 'string') {
      warnings.push(`${where}: ${span}`);
      continue;
    }
    const bodies = list(a.body).filter(isObject);
    const textOf = (purpose: string): string | undefined => {
      const b = bodies.find((x) => list(x.purpose).includes(purpose) && list(x.type).includes('TextualBody') && typeof x.value === 'string');
      return b?.value as string | undefined;
    };
    const labelText = textOf('classifying') ?? textOf('tagging');
    const mapped = labelText === undefined ? undefined : mapLabel(labelText);
    if (!mapped) {
      warnings.push(`${where}: ${labelText === undefined ? 'no classifying body with a label' : `unknown label ${labelText}`}, skipped`);
      continue;
    }
    // What the bodies and creator say, over the carried record's fields W3C has no slot for.
    const t = list(a.target)[0];
    const carried = isObject(t) ? t['khabar:record'] : undefined;
    const fields: Record<string, unknown> = isObject(carried) ? { ...carried } : {};
    const note = textOf('commenting');
    if (note !== undefined) fields.note = note;
    const value = bodies.find((x) => list(x.purpose).includes('describing') && x.format === 'application/json' && typeof x.value === 'string');
    if (value !== undefined) {
      try {
        fields.value = JSON.parse(value.value as string) as unknown;
      } catch {
        warnings.push(`${where}: the figure's value is not JSON, ignored`);
      }
    }
    const creator = list(a.creator)[0];
    const author = typeof creator === 'string' ? undefined : isObject(creator) && typeof creator.name === 'string' ? creator.name : undefined;
    if (author !== undefined) fields.author = author;
    const verdict = textOf('assessing');
    const claimant = textOf('identifying');
    if (mapped.kind === 'claim' && (verdict !== undefined || claimant !== undefined)) {
      const claim: Record<string, unknown> = isObject(fields.claim) ? { ...fields.claim } : {};
      if (verdict !== undefined) claim.verdict = verdict;
      // A claimant named in the tool without Khabar's link to its span is kept as text.
      if (claimant !== undefined && !(isObject(claim.claimant) && claim.claimant.text === claimant)) claim.claimant = { text: claimant };
      fields.claim = claim;
    }
    if (!isObject(carried)) {
      for (const k of ['created', 'modified'] as const) if (typeof a[k] === 'string') fields[k] = a[k];
    }
    const target = { ...span, exact: text.slice(span.start, span.end), prefix: '', suffix: '' };
    let meta: RecordMeta | undefined;
    if (isObject(carried)) {
      meta = readRecordMeta(fields, { ...mapped, target });
      if (!meta) warnings.push(`${where}: khabar:record does not describe a valid annotation, ignored`);
    }
    if (meta) {
      spans.push({ ...span, ...mapped, status: meta.status ?? 'accepted', meta });
      continue;
    }
    // A foreign annotation (or an invalid record): what its bodies say, under a fresh id.
    const s: SpanInput = { ...span, ...mapped, status: 'accepted' };
    if (note !== undefined) s.note = note;
    if (verdict !== undefined && mapped.kind === 'claim') s.verdict = verdict;
    spans.push(s);
  }
  return { text, records: buildRecords(text, spans), warnings };
}

/** The span in UTF-16 units from the position selector (code points), checked against the quote. */
function spanOf(a: Record<string, unknown>, index: CodePointIndex): { start: number; end: number } | string {
  const t = list(a.target)[0];
  const selectors = isObject(t) ? list(t.selector).filter(isObject) : [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector' && typeof s.exact === 'string');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const exact = quote?.exact as string | undefined;
  if (position !== undefined) {
    if (typeof position.start !== 'number' || typeof position.end !== 'number') return 'a TextPositionSelector without numeric start and end';
    return resolveSpan(index, position.start, position.end, exact);
  }
  if (exact === undefined || exact === '') return 'no TextPositionSelector or TextQuoteSelector to place it';
  // Only a quote: placed where it occurs once, with the prefix and suffix settling repeats.
  const text = index.text;
  const prefix = typeof quote!.prefix === 'string' ? quote!.prefix : '';
  const suffix = typeof quote!.suffix === 'string' ? quote!.suffix : '';
  const hits: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (text.slice(0, at).endsWith(prefix) && text.slice(at + exact.length).startsWith(suffix)) hits.push(at);
  }
  if (hits.length !== 1) return `the quote ${JSON.stringify(exact)} ${hits.length === 0 ? 'is not in the text' : 'occurs more than once'}`;
  return { start: hits[0]!, end: hits[0]! + exact.length };
}
