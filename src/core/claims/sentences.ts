// Quote-aware sentences: quote marks paired on their line, sentences split at . ! ? ؟ and line
// breaks (not at decimal points, not inside a closed quote), and a claim's edges trimmed of
// punctuation and unbalanced quote marks.

import { isDigit, type Sentence, type Tok } from './tokens';

const OPENERS: Record<string, string> = { '«': '»', '“': '”', '"': '"', '„': '“' };

/** For each opening quote token, the index of its closing token on the same line, else -1. */
export function pairQuotes(toks: readonly Tok[]): Int32Array {
  const closeOf = new Int32Array(toks.length).fill(-1);
  let open = -1;
  let want = '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (open >= 0 && t.line !== toks[open]!.line) open = -1;
    if (t.word) continue;
    if (open >= 0 && t.raw === want) {
      closeOf[open] = i;
      open = -1;
    } else if (open < 0 && OPENERS[t.raw] !== undefined) {
      open = i;
      want = OPENERS[t.raw]!;
    }
  }
  return closeOf;
}

function isEndMark(raw: string): boolean {
  return raw === '.' || raw === '!' || raw === '?' || raw === '؟';
}

/** Sentences as token ranges: ends at . ! ? ؟ and line breaks, but not at decimal points or inside a closed quote. */
export function splitSentences(text: string, toks: readonly Tok[], closeOf: Int32Array): Sentence[] {
  const out: Sentence[] = [];
  let a = 0;
  let quoteUntil = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (i > a && t.line !== toks[i - 1]!.line) {
      out.push({ a, b: i });
      a = i;
      quoteUntil = -1;
    }
    if (closeOf[i]! > i) quoteUntil = Math.max(quoteUntil, closeOf[i]!);
    if (t.word || !isEndMark(t.raw) || i < quoteUntil) continue;
    if (t.raw === '.' && t.start > 0 && t.end < text.length) {
      const prev = text.charCodeAt(t.start - 1);
      const next = text.charCodeAt(t.end);
      if ((isDigit(prev) || prev === 0x200f) && (isDigit(next) || next === 0x200f)) continue;
    }
    out.push({ a, b: i + 1 });
    a = i + 1;
  }
  if (a < toks.length) out.push({ a, b: toks.length });
  return out;
}

/** Claim boundaries: drop edge punctuation and unbalanced quote marks; a claim has at least two words. */
export function trimSpan(toks: readonly Tok[], closeOf: Int32Array, a: number, b: number): { a: number; b: number } | null {
  // An opening mark stays when its closer is inside the claim: "الإرهاب" لن ينتصر.
  while (a < b && !toks[a]!.word && !keepsAtStart(toks[a]!.raw) && !(closeOf[a]! > a && closeOf[a]! < b)) a++;
  while (b > a && !toks[b - 1]!.word && !keepAtEnd(toks, a, b - 1)) b--;
  let words = 0;
  for (let i = a; i < b && words < 2; i++) if (toks[i]!.word) words++;
  return words >= 2 ? { a, b } : null;
}

function keepsAtStart(raw: string): boolean {
  return raw === '(' || raw === '$' || raw === '€' || raw === '£';
}

/** A closing mark stays when the claim holds its opener; % and ٪ always stay. */
export function keepAtEnd(toks: readonly Tok[], a: number, i: number): boolean {
  const raw = toks[i]!.raw;
  if (raw === '%' || raw === '٪' || raw === '$') return true;
  const opener = raw === ')' ? '(' : raw === '»' ? '«' : raw === '”' ? '“' : raw === '"' ? '"' : '';
  if (!opener) return false;
  let count = 0;
  for (let k = a; k < i; k++) if (toks[k]!.raw === opener) count++;
  return opener === '"' ? count % 2 === 1 : count > 0;
}
