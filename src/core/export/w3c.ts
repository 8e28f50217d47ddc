// W3C Web Annotation (JSON-LD): an AnnotationCollection whose first page lists one Annotation per
// record, targeted by quote and by position, the position counted in code points as the model says.
// Every id is an absolute IRI built from the article's URL (front matter, the sidecar's
// document.url, or a base URL plus the article's path); without one the article is refused by name.

import type { AnnotationRecord } from '../annotationRecord';
import type { PreparedArticle } from './prepare';
import { articleUrl, webUrl } from './articleUrl';
import { recordMeta, type RecordMeta } from './recordMeta';
import { ExportError, type ExportOptions, type FormatWriter } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Khabar's own vocabulary, for the extension property that carries what W3C has no slot for. A URN,
 * not an http IRI: Khabar has no web domain, and a vocabulary IRI only has to be unique and stable.
 */
export const KHABAR_NS = 'urn:khabar:vocab#';

/**
 * The target's embedded context (the annotation's own stays the anno.jsonld string, as the model
 * asks when there is one): `khabar:` is Khabar's namespace and `khabar:record` a JSON literal, so
 * a JSON-LD processor keeps it whole instead of reading its keys as terms.
 */
export const KHABAR_CONTEXT = { khabar: KHABAR_NS, 'khabar:record': { '@type': '@json' } } as const;

export const MISSING_URL_MESSAGE =
  "a W3C annotation needs the article's URL for its id and target: add `url:` to the article's front matter or to `document:` in its annotations file, or give a base URL (khabar export --base-url, or the setting khabar.export.baseUrl)";

/**
 * An xsd:dateTime with a time zone (what the Web Annotation schemas check as `date-time`): a bare
 * date becomes midnight UTC, a time without zone is taken as UTC; anything else is left out.
 */
export function w3cDateTime(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const date = /^(\d{4}-\d{2}-\d{2})$/.exec(s);
  if (date) return `${date[1]}T00:00:00Z`;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.exec(s);
  if (!m) return undefined;
  const out = `${m[1]}T${m[2]}${m[3] ?? ':00'}${(m[4] ?? 'Z').toUpperCase()}`;
  return Number.isNaN(Date.parse(out)) ? undefined : out;
}

/** Evidence as the bodies write it: an http(s) link or a plain note; other links are dropped. */
export function writtenEvidence(evidence: string): { url: string } | { text: string } | undefined {
  const url = webUrl(evidence);
  if (url !== undefined) return { url };
  return /^[a-z][a-z0-9+.-]*:/i.test(evidence.trim()) ? undefined : { text: evidence };
}

/**
 * The record's fields W3C has no slot for (id, status, claimant ref, evidence as given, dates as
 * written, …): the note, value, author and verdict have their bodies and creator and are left out;
 * a link that is not written elsewhere (javascript:, data:) stays out here too.
 */
export function w3cRecordMeta(r: AnnotationRecord): Partial<RecordMeta> {
  const { note: _n, value: _v, author: _a, claim, ...rest } = recordMeta(r);
  const out: Partial<RecordMeta> = rest;
  if (claim !== undefined) {
    const { verdict: _verdict, ...c } = claim;
    if (c.evidence !== undefined) c.evidence = c.evidence.filter((e) => writtenEvidence(e) !== undefined);
    if (c.appearance !== undefined && writtenEvidence(c.appearance) === undefined) delete c.appearance;
    if (c.review !== undefined && writtenEvidence(c.review) === undefined) delete c.review;
    if (Object.keys(c).length > 0) out.claim = c;
  }
  return out;
}

function withoutFragment(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

export function w3cAnnotation(p: PreparedArticle, r: AnnotationRecord, source: string): Record<string, unknown> {
  const body: Array<Record<string, unknown>> = [{ type: 'TextualBody', value: r.label, purpose: 'classifying' }];
  if (r.value) body.push({ type: 'TextualBody', value: JSON.stringify(r.value), format: 'application/json', purpose: 'describing' });
  if (r.claim?.claimant) body.push({ type: 'TextualBody', value: r.claim.claimant.text, language: 'ar', purpose: 'identifying' });
  if (r.claim?.verdict !== undefined) body.push({ type: 'TextualBody', value: r.claim.verdict, purpose: 'assessing' });
  for (const evidence of r.claim?.evidence ?? []) {
    // A web page is linked; a note of where the evidence is ("the ministry's 2024 report") is text;
    // a link to anything but http(s) (javascript:, data:) is dropped.
    const e = writtenEvidence(evidence);
    if (e && 'url' in e) body.push({ type: 'SpecificResource', source: e.url, purpose: 'linking' });
    else if (e) body.push({ type: 'TextualBody', value: e.text, purpose: 'describing' });
  }
  if (r.note !== undefined) body.push({ type: 'TextualBody', value: r.note, purpose: 'commenting' });
  const motivation = r.claim?.verdict !== undefined ? 'assessing' : r.kind === 'note' ? 'commenting' : 'classifying';
  const a: Record<string, unknown> = {
    '@context': ANNO_CONTEXT,
    id: `${withoutFragment(source)}#khabar-${encodeURIComponent(r.id)}`,
    type: 'Annotation',
    motivation,
    body,
    target: {
      '@context': KHABAR_CONTEXT,
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: r.target.exact, prefix: r.target.prefix, suffix: r.target.suffix },
        { type: 'TextPositionSelector', start: p.index.toCodePoint(r.target.start), end: p.index.toCodePoint(r.target.end) },
      ],
      'khabar:record': w3cRecordMeta(r),
    },
  };
  if (r.author !== undefined) a.creator = { type: 'Person', name: r.author };
  const created = w3cDateTime(r.created);
  if (created !== undefined) a.created = created;
  const modified = w3cDateTime(r.modified);
  if (modified !== undefined) a.modified = modified;
  return a;
}

/**
 * The collection and its page take their ids from the base URL, else from the first article's URL,
 * so the head is written with the first article that has one. An article with annotations and no
 * URL is an ExportError (skipped and named); with no URL anywhere nothing is written at all.
 */
export function createW3cWriter(options: ExportOptions = {}): FormatWriter {
  let collectionId = webUrl(options.baseUrl) === undefined ? undefined : `${withoutFragment(webUrl(options.baseUrl)!)}#khabar-annotations`;
  let started = false;
  let first = true;
  let total = 0;
  const head = (): string => {
    started = true;
    return (
      `{\n  "@context": "${ANNO_CONTEXT}",\n  "id": ${JSON.stringify(collectionId)},\n  "type": "AnnotationCollection",\n  "label": "Khabar annotations",\n` +
      `  "first": {\n    "id": ${JSON.stringify(`${collectionId!}-page1`)},\n    "type": "AnnotationPage",\n    "partOf": ${JSON.stringify(collectionId)},\n    "startIndex": 0,\n    "items": [`
    );
  };
  return {
    head: () => '',
    article(p) {
      const source = articleUrl(p.article, options.baseUrl);
      if (source === undefined) {
        if (p.records.length > 0) throw new ExportError(MISSING_URL_MESSAGE, p.article.path);
        return '';
      }
      collectionId ??= `${withoutFragment(source)}#khabar-annotations`;
      let out = started ? '' : head();
      for (const r of p.records) {
        out += (first ? '\n      ' : ',\n      ') + JSON.stringify(w3cAnnotation(p, r, source));
        first = false;
        total++;
      }
      return out;
    },
    // The total is only known at the end, which JSON key order allows: it follows the page.
    tail: () => {
      if (!started && collectionId === undefined) return '';
      return `${started ? '' : head()}${first ? '' : '\n    '}]\n  },\n  "total": ${total}\n}\n`;
    },
  };
}
