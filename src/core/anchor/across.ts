// Reading the old text across an edit: whether the new text between two followed stretches can be
// the old text the far one puts there, and whether a side beside a quote goes on as an old passage
// did (claims.ts asks both before it trusts what the far side of an edit says; issue 15).

import type { Claims } from './claims';
import { ignorable } from './text';

/**
 * The new text between where the near stretch stopped (y) and the far stretch's first character
 * (far, from old offset vf), read back from far toward y (dir 1; forward for dir -1), is known old
 * text other than the old text right before (after) vf, marks aside: the far stretch does not reach
 * back to y, so the edit at y is not the only one between the two and the far stretch cannot tell
 * what stood at the quote's place. Unknown old text there refutes nothing.
 */
export function farRefuted(claims: Claims, text: string, y: number, far: number, vf: number, dir: -1 | 1): boolean {
  const { known, oldChars } = claims;
  let o = vf - dir;
  for (let z = far - dir; dir > 0 ? z >= y : z <= y; z -= dir) {
    const c = text.charCodeAt(z);
    if (ignorable(c)) continue;
    while (o >= 0 && o < known.length && known[o] === 1 && ignorable(oldChars[o]!)) o -= dir;
    if (o < 0 || o >= known.length || known[o] !== 1) return false;
    if (oldChars[o] !== c) return true;
    o -= dir;
  }
  return false;
}

/**
 * The characters of `side` past its `from` nearest to the quote read on in the old text from old
 * offset x (dir 1: forward, the side after the quote; -1: backward), marks skipped: none of them
 * known to differ (the old text running out or unknown ends the comparison). Other words stood
 * beside that side (Claims.besideSide) only if it goes on so: a sentence pasted beside the quote
 * brings its old words with it, while one that merely begins like an old sentence (a year and a
 * verb, then other words) is no such copy.
 */
export function sideGoesOn(claims: Claims, side: string, from: number, x: number, dir: -1 | 1): boolean {
  const { known, oldChars } = claims;
  for (let j = from; j < side.length; j++, x += dir) {
    while (x >= 0 && x < known.length && known[x] === 1 && ignorable(oldChars[x]!)) x += dir;
    if (x < 0 || x >= known.length || known[x] !== 1) return true;
    if (oldChars[x] !== side.charCodeAt(dir > 0 ? j : side.length - 1 - j)) return false;
  }
  return true;
}
