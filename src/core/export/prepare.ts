// Choosing which records an export carries and checking every span against the text before any
// format is written: a mismatch is an ExportError naming the annotation, never a wrong file.

import type { AnnotationRecord } from '../annotationRecord';
import { CodePointIndex, codePointLength } from './offsets';
import { ExportError, type ExportArticle, type ExportOptions } from './types';

export interface PreparedArticle {
  article: ExportArticle;
  /** Exported records, sorted by start, end, id. */
  records: AnnotationRecord[];
  index: CodePointIndex;
}

/**
 * Rejected records are never exported; suggestions only when asked; orphans (anchor lost when
 * the text changed) are left out because their offsets no longer point at their quote.
 */
export function selectRecords(records: readonly AnnotationRecord[], options: ExportOptions): AnnotationRecord[] {
  return records
    .filter((r) => !r.orphan && (r.status === 'accepted' || (r.status === 'suggested' && options.includeSuggestions === true)))
    .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function prepareArticle(article: ExportArticle, options: ExportOptions): PreparedArticle {
  const records = selectRecords(article.records, options);
  const index = new CodePointIndex(article.text);
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) throw new ExportError('duplicate id', article.path, r.id);
    seen.add(r.id);
    verifySpan(article, index, r);
  }
  return { article, records, index };
}

/** Checks the span in UTF-16 and again in code points, the unit of the position-based formats. */
export function verifySpan(article: ExportArticle, index: CodePointIndex, r: AnnotationRecord): void {
  const { start, end, exact } = r.target;
  const text = article.text;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new ExportError(`offsets ${start}..${end} are outside the text (length ${text.length})`, article.path, r.id);
  }
  const actual = text.slice(start, end);
  if (actual !== exact) {
    throw new ExportError(
      `the text at ${start}..${end} is ${JSON.stringify(clip(actual))}, not the annotated ${JSON.stringify(clip(exact))}`,
      article.path,
      r.id,
    );
  }
  if (index.splitsPair(start) || index.splitsPair(end)) {
    throw new ExportError(`offsets ${start}..${end} cut a character (surrogate pair) in two`, article.path, r.id);
  }
  const cs = index.toCodePoint(start);
  const ce = index.toCodePoint(end);
  if (ce - cs !== codePointLength(exact) || index.sliceCodePoints(cs, ce) !== exact) {
    throw new ExportError(`code point offsets ${cs}..${ce} do not give the annotated text`, article.path, r.id);
  }
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}
