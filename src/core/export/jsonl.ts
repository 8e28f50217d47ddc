// One JSON object per line per article for the annotation tools: doccano, Prodigy, Label Studio.
// All three count offsets in code points (their back ends are Python; Label Studio since 1.4).

import { tokenize } from '../arabic';
import type { AnnotationRecord } from '../model';
import type { PreparedArticle } from './prepare';
import type { FormatWriter } from './types';

function cpSpan(p: PreparedArticle, r: AnnotationRecord): [number, number] {
  return [p.index.toCodePoint(r.target.start), p.index.toCodePoint(r.target.end)];
}

export function doccanoLine(p: PreparedArticle): string {
  const label = p.records.map((r) => [...cpSpan(p, r), r.label]);
  return JSON.stringify({ text: p.article.text, label, file: p.article.path });
}

export function prodigyLine(p: PreparedArticle): string {
  const toks = tokenize(p.article.text);
  // The token list is most of the output; written by hand it is twice as fast as JSON.stringify.
  let tokens = '';
  for (let id = 0; id < toks.length; id++) {
    const t = toks[id]!;
    tokens += `${id === 0 ? '' : ','}{"text":${jsonString(t.text)},"start":${p.index.toCodePoint(t.start)},"end":${p.index.toCodePoint(t.end)},"id":${id}}`;
  }
  const spans = p.records.map((r) => {
    const [start, end] = cpSpan(p, r);
    // Prodigy's token_end is inclusive; a span inside one token (a clitic-attached name) maps to that token.
    const tokenStart = firstTokenEndingAfter(toks, r.target.start);
    const tokenEnd = tokensStartingBefore(toks, r.target.end) - 1;
    return { start, end, token_start: tokenStart, token_end: Math.max(tokenStart, tokenEnd), label: r.label, id: r.id };
  });
  return `{"text":${JSON.stringify(p.article.text)},"tokens":[${tokens}],"spans":${JSON.stringify(spans)},"meta":${JSON.stringify({ file: p.article.path })},"answer":"accept"}`;
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal; the common case (no quote, backslash, control or surrogate) skips the escaper. */
function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** Index of the first token whose end is after `offset` (binary search; tokens are sorted). */
function firstTokenEndingAfter(toks: ReadonlyArray<{ start: number; end: number }>, offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of tokens starting before `offset`. */
function tokensStartingBefore(toks: ReadonlyArray<{ start: number; end: number }>, offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function labelStudioLine(p: PreparedArticle): string {
  const result = (r: AnnotationRecord): object => {
    const [start, end] = cpSpan(p, r);
    return {
      id: r.id,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start, end, text: r.target.exact, labels: [r.label] },
    };
  };
  const accepted = p.records.filter((r) => r.status === 'accepted').map(result);
  const suggested = p.records.filter((r) => r.status === 'suggested').map(result);
  // Unreviewed suggestions are what Label Studio calls predictions: shown, not counted as labelled.
  const task: { data: object; annotations?: object[]; predictions?: object[] } = {
    data: { text: p.article.text, file: p.article.path },
  };
  if (accepted.length > 0) task.annotations = [{ result: accepted }];
  if (suggested.length > 0) task.predictions = [{ model_version: 'khabar', result: suggested }];
  return JSON.stringify(task);
}

export function createJsonlWriter(line: (p: PreparedArticle) => string): FormatWriter {
  return { head: () => '', article: (p) => line(p) + '\n', tail: () => '' };
}
