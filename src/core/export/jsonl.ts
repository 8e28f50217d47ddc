// One JSON object per line per article for the annotation tools doccano and Prodigy (Label Studio
// is in labelStudio.ts). doccano counts UTF-16 code units (its editor selects and slices
// JavaScript strings, doccano #2290); Prodigy counts code points (its back end is Python).

import { isSpace, type Token } from '../arabic';
import { graphemeTokens } from './conll';
import { recordMeta } from './recordMeta';
import type { AnnotationRecord } from '../annotationRecord';
import type { PreparedArticle } from './prepare';
import type { FormatWriter } from './types';

function cpSpan(p: PreparedArticle, r: AnnotationRecord): [number, number] {
  return [p.index.toCodePoint(r.target.start), p.index.toCodePoint(r.target.end)];
}

export function doccanoLine(p: PreparedArticle): string {
  // Khabar's own offsets are already UTF-16, the unit doccano's editor uses: no conversion.
  const label = p.records.map((r) => [r.target.start, r.target.end, r.label]);
  // doccano keeps columns it does not know as the example's metadata and exports them again:
  // `khabar[i]` holds the id and fields of `label[i]`, so an import gives the records back whole.
  return JSON.stringify({ text: p.article.text, label, file: p.article.path, khabar: p.records.map(recordMeta) });
}

/**
 * Tokens for Prodigy: the CoNLL tokens (ANERcorp tokenisation, emoji whole), each cut where a
 * span starts or ends inside it, so every span begins and ends on a token boundary as Prodigy's
 * manual recipes require. `و128` with a figure on `128` becomes `و` + `128`.
 */
export function prodigyTokens(text: string, records: readonly AnnotationRecord[]): Token[] {
  const cuts = [...new Set(records.flatMap((r) => [r.target.start, r.target.end]))].sort((a, b) => a - b);
  const out: Token[] = [];
  let k = 0;
  for (const t of graphemeTokens(text)) {
    while (k < cuts.length && cuts[k]! <= t.start) k++;
    let from = t.start;
    for (let j = k; j < cuts.length && cuts[j]! < t.end; j++) {
      out.push({ text: text.slice(from, cuts[j]), start: from, end: cuts[j]! });
      from = cuts[j]!;
    }
    out.push(from === t.start ? t : { text: text.slice(from, t.end), start: from, end: t.end });
  }
  return out;
}

export function prodigyLine(p: PreparedArticle): string {
  const text = p.article.text;
  const toks = prodigyTokens(text, p.records);
  // The token list is most of the output; written by hand it is twice as fast as JSON.stringify.
  let tokens = '';
  for (let id = 0; id < toks.length; id++) {
    const t = toks[id]!;
    const ws = t.end < text.length && isSpace(text.charCodeAt(t.end));
    tokens += `${id === 0 ? '' : ','}{"text":${jsonString(t.text)},"start":${p.index.toCodePoint(t.start)},"end":${p.index.toCodePoint(t.end)},"id":${id},"ws":${ws}}`;
  }
  const spans = p.records.map((r) => {
    const [start, end] = cpSpan(p, r);
    // Prodigy's token_end is inclusive; the tokens were cut so both ends fall on boundaries.
    const tokenStart = firstTokenEndingAfter(toks, r.target.start);
    const tokenEnd = tokensStartingBefore(toks, r.target.end) - 1;
    return { start, end, token_start: tokenStart, token_end: Math.max(tokenStart, tokenEnd), label: r.label, id: r.id };
  });
  return `{"text":${JSON.stringify(text)},"tokens":[${tokens}],"spans":${JSON.stringify(spans)},"meta":${JSON.stringify({ file: p.article.path })},"answer":"accept"}`;
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

export function createJsonlWriter(line: (p: PreparedArticle) => string): FormatWriter {
  return { head: () => '', article: (p) => line(p) + '\n', tail: () => '' };
}
