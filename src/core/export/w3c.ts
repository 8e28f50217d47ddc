// W3C Web Annotation (JSON-LD): an AnnotationCollection whose first page lists one Annotation per
// record, targeted by quote and by position, the position counted in code points as the model says.

import type { AnnotationRecord } from '../model';
import type { PreparedArticle } from './prepare';
import type { FormatWriter } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The IRI of the article: its URL when known, else its path as a relative IRI. */
export function articleIri(p: PreparedArticle): string {
  return p.article.url ?? p.article.path.split('/').map(encodeURIComponent).join('/');
}

export function w3cAnnotation(p: PreparedArticle, r: AnnotationRecord): Record<string, unknown> {
  const source = articleIri(p);
  const body: Array<Record<string, unknown>> = [{ type: 'TextualBody', value: r.label, purpose: 'classifying' }];
  if (r.value) body.push({ type: 'TextualBody', value: JSON.stringify(r.value), format: 'application/json', purpose: 'describing' });
  if (r.claim?.claimant) body.push({ type: 'TextualBody', value: r.claim.claimant.text, language: 'ar', purpose: 'identifying' });
  if (r.claim?.verdict !== undefined) body.push({ type: 'TextualBody', value: r.claim.verdict, purpose: 'assessing' });
  for (const url of r.claim?.evidence ?? []) body.push({ type: 'SpecificResource', source: url, purpose: 'linking' });
  if (r.note !== undefined) body.push({ type: 'TextualBody', value: r.note, purpose: 'commenting' });
  const motivation = r.claim?.verdict !== undefined ? 'assessing' : r.kind === 'note' ? 'commenting' : 'classifying';
  const a: Record<string, unknown> = {
    '@context': ANNO_CONTEXT,
    id: `${source.split('#')[0]}#khabar-${encodeURIComponent(r.id)}`,
    type: 'Annotation',
    motivation,
    body,
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: r.target.exact, prefix: r.target.prefix, suffix: r.target.suffix },
        { type: 'TextPositionSelector', start: p.index.toCodePoint(r.target.start), end: p.index.toCodePoint(r.target.end) },
      ],
    },
  };
  if (r.author !== undefined) a.creator = { type: 'Person', name: r.author };
  if (r.created !== undefined) a.created = r.created;
  if (r.modified !== undefined) a.modified = r.modified;
  return a;
}

export function createW3cWriter(): FormatWriter {
  let first = true;
  let total = 0;
  return {
    head: () => `{\n  "@context": "${ANNO_CONTEXT}",\n  "type": "AnnotationCollection",\n  "label": "Khabar annotations",\n  "first": {\n    "type": "AnnotationPage",\n    "items": [`,
    article(p) {
      let out = '';
      for (const r of p.records) {
        out += (first ? '\n      ' : ',\n      ') + JSON.stringify(w3cAnnotation(p, r));
        first = false;
        total++;
      }
      return out;
    },
    // The total is only known at the end, which JSON key order allows: it follows the page.
    tail: () => `${first ? '' : '\n    '}]\n  },\n  "total": ${total}\n}\n`,
  };
}
