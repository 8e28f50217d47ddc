// A paragraph moved as one block: its own followed text, read against the old text the records'
// windows show, is evidence of where its annotations went, wherever their neighbours are.

import type { Claims } from './claims';
import { CONTEXT_LENGTH, ignorable, normalize } from './text';

/** Letters a moved paragraph must hold besides the quote before its own text is evidence enough. */
export const BLOCK_MIN = CONTEXT_LENGTH;

/**
 * Whether the new span [cs, ce), the quote `exact` (marks ignored), sits in its old place s's
 * paragraph moved as one block: the new text around it reads the old text around the old quote
 * letter by letter (marks ignored), on one side out to a line break (or the text's start or end)
 * that the old text has at exactly that point too, and on the other side out to a line break the
 * same way or, where the old text is no longer known (no record's window reached there), past the
 * quote's own stored context: the records around it in the same paragraph came along with it. At
 * least BLOCK_MIN letters besides the quote. A paragraph moved elsewhere is then its own followed
 * text, wherever its neighbours went; a sentence repeated in another paragraph is not (its
 * neighbouring sentence differs, or the line break is not where the old one was).
 */
export function movedBlock(claims: Claims, text: string, cs: number, ce: number, s: number, exact: string): boolean {
  const quote = normalize(exact);
  if (normalize(text.slice(cs, ce)) !== quote) return false;
  const before = blockSide(claims, text, cs - 1, s - 1, -1);
  if (before.end === 'differs') return false;
  // (Forward from the quote's own first letter: the old quote must be known there too.)
  const after = blockSide(claims, text, cs, s, 1);
  if (after.end === 'differs') return false;
  if (before.end !== 'break' && after.end !== 'break') return false;
  const beyond = (side: { letters: number; end: string }, own: number): boolean => side.end === 'break' || side.letters > own + CONTEXT_LENGTH;
  return beyond(before, 0) && beyond(after, quote.length) && before.letters + after.letters - quote.length >= BLOCK_MIN;
}

/**
 * Letters read from new y and old o in direction dir, the same in both (marks skipped), and how
 * that ends: a line break (or the text's edge) both reach at once, old text no record saw, or a
 * difference (a letter, or a break only one of them has).
 */
function blockSide(claims: Claims, text: string, y: number, o: number, dir: -1 | 1): { letters: number; end: 'break' | 'unknown' | 'differs' } {
  const { known, oldChars, oldLength } = claims;
  const n = text.length;
  const NL = 0x0a;
  let letters = 0;
  for (;;) {
    while (y >= 0 && y < n && ignorable(text.charCodeAt(y))) y += dir;
    while (o >= 0 && o < known.length && known[o] === 1 && ignorable(oldChars[o]!)) o += dir;
    const newEdge = y < 0 || y >= n || text.charCodeAt(y) === NL;
    const oldEnd = o < 0 || o >= oldLength;
    if (!oldEnd && (o >= known.length || known[o] !== 1)) return { letters, end: newEdge ? 'differs' : 'unknown' };
    const oldEdge = oldEnd || oldChars[o] === NL;
    if (newEdge || oldEdge) return { letters, end: newEdge && oldEdge ? 'break' : 'differs' };
    if (text.charCodeAt(y) !== oldChars[o]) return { letters, end: 'differs' };
    letters++;
    y += dir;
    o += dir;
  }
}
