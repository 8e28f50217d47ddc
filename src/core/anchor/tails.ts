// A stretch that ends a few letters past a quote: how far it carries on past the quote, and whether
// another reading explains its last letters (claims.ts asks before it calls a place certain).

import { type Claims, jumped, MARGIN } from './claims';
import { CONTEXT_LENGTH, ignorable, isWordChar, neighbour, normalize } from './text';

/**
 * A stretch that stops k < MARGIN letters past the quote (dir 1: after it) has another reading: the
 * quote's own old letters with the k letters and MARGIN more of the old text beside them stand
 * again a little further on, from just inside the quote, as a place the record could take (words
 * inserted beside the quote that begin with the quote's own word; not a copy inside a longer word
 * when the quote was a whole word); or the quote's letters with the text now beside
 * them were old text elsewhere (a copied or surviving sentence that begins or ends as the old one
 * did). Either way the stretch's letters are not evidence that these are the quote's.
 */
export function tailExplained(claims: Claims, text: string, cs: number, ce: number, s: number, e: number, dir: -1 | 1, k: number): boolean {
  const { known, oldChars } = claims;
  // The old letters from the quote's far end through the quote and k + MARGIN letters past it.
  let want = '';
  const need = k + MARGIN;
  let past = 0;
  for (let o = dir > 0 ? s : e - 1; o >= 0 && o < known.length && known[o] === 1; o += dir) {
    const c = oldChars[o]!;
    if (ignorable(c)) continue;
    const inQuote = dir > 0 ? o < e : o >= s;
    if (!inQuote && past++ >= need) break;
    want = dir > 0 ? want + String.fromCharCode(c) : String.fromCharCode(c) + want;
  }
  if (past >= need) {
    const from = dir > 0 ? cs + 1 : Math.max(0, cs - TAIL_REACH);
    const to = dir > 0 ? ce + TAIL_REACH : ce - 1;
    const near = normalize(text.slice(from, to));
    // Only a place the record could itself take explains the tail: when the stored quote was a
    // whole word at its far end, a copy inside a longer word («والحديقة» after «الحديقة») is not one
    // (place.ts's wholeWords, on this side). Searched from just inside the quote, so a match that
    // begins (ends) at the search's edge has the quote's own letter beside it.
    const whole = isWordChar(dir > 0 ? want.charCodeAt(0) : want.charCodeAt(want.length - 1)) && !isWordChar(oldBeside(claims, text, cs, ce, s, e, dir));
    for (let i = near.indexOf(want); i >= 0; i = near.indexOf(want, i + 1)) {
      if (!whole) return true;
      const j = dir > 0 ? i - 1 : i + want.length;
      const c = j >= 0 && j < near.length ? near.charCodeAt(j) : neighbour(text, dir > 0 ? from : to, dir > 0 ? -1 : 1);
      if (!isWordChar(c)) return true;
    }
  }
  const quote = normalize(text.slice(cs, ce));
  const side = dir > 0 ? normalize(text.slice(ce, ce + 2 * CONTEXT_LENGTH)).slice(0, CONTEXT_LENGTH) : normalize(text.slice(Math.max(0, cs - 2 * CONTEXT_LENGTH), cs)).slice(-CONTEXT_LENGTH);
  return quote.length > 0 && side.length >= TAIL_SIDE && claims.seenElsewhere(cs, ce, quote, side, dir, s, e, TAIL_SIDE, []);
}

/**
 * The old character just outside the quote's far end (dir 1: before its start), marks skipped; where
 * the old text there is not known, the new text's beside the span (the stretch holds its sides).
 */
function oldBeside(claims: Claims, text: string, cs: number, ce: number, s: number, e: number, dir: -1 | 1): number {
  const { known, oldChars } = claims;
  for (let o = dir > 0 ? s - 1 : e; o >= 0 && o < known.length; o -= dir) {
    if (known[o] !== 1) break;
    const c = oldChars[o]!;
    if (!ignorable(c)) return c;
  }
  if (dir > 0 ? s === 0 : e >= known.length) return -1;
  return neighbour(text, dir > 0 ? cs : ce, dir > 0 ? -1 : 1);
}

/** How far past a stretch's end its quote's old letters are looked for; letters of the side that must have been old text elsewhere. */
const TAIL_REACH = 8 * CONTEXT_LENGTH;
const TAIL_SIDE = 16;

/**
 * Letters past the new span [cs, ce) on one side (dir 1: after it) that the stretch through it
 * carries on without a jump (marks aside), up to MARGIN; MARGIN when it
 * reaches the article's edge.
 */
export function carried(claims: Claims, text: string, cs: number, ce: number, dir: -1 | 1): number {
  const of = claims.of;
  let last = -1;
  for (let y = dir < 0 ? cs : ce - 1; y >= cs && y < ce; y -= dir) {
    if (ignorable(text.charCodeAt(y))) continue;
    last = of[y]!;
    break;
  }
  if (last < 0) return 0;
  let k = 0;
  for (let y = dir < 0 ? cs - 1 : ce; k < MARGIN; y += dir) {
    if (y < 0 || y >= text.length) return MARGIN;
    if (ignorable(text.charCodeAt(y))) continue;
    const v = of[y]!;
    if (v < 0 || (dir > 0 ? v <= last : v >= last) || jumped(claims, last, v)) return k;
    last = v;
    k++;
  }
  return k;
}
