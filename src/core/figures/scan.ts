// The figure scanner's entry points: one left-to-right pass over the text that only tries the
// grammar at digits (digits.ts) and at words the lexicon may know (words.ts), then links ranges
// (ranges.ts). The label rules and the relative-date vocabulary are described in index.ts.

import type { FigureDetection } from '../types';
import { CHAR_CLASS, isDigit, isLatin, isLetter } from './chars';
import { ScanContext } from './scanContext';
import { atDigits } from './digits';
import { BLOOM_BITS, HASH_SEED, hashStep, TRIGGER_BLOOM } from './lexicon';
import { linkRanges } from './ranges';
import { atWord } from './words';

export interface FigureOptions {
  /** The article's own date (ISO yyyy-mm-dd) for resolving relative dates; found from the dateline when absent. */
  articleDate?: string;
  /** Set to false to leave relative dates unresolved even when the text has a dateline. */
  findDateline?: boolean;
}

export function findFigures(text: string, options: FigureOptions = {}): FigureDetection[] {
  const article = options.articleDate;
  // The dateline is looked for only when a relative date first needs it: a second scan of the
  // text's head that about half of all articles (none of أمس, a weekday, a month without its
  // year …) never need. Its result is the same whenever it is asked (it reads only the text).
  if (article === undefined && options.findDateline !== false) return scan(text, () => findArticleDate(text));
  return scan(text, article);
}

/**
 * The article's own date: the first full Gregorian date (numeric or with a month name, possibly
 * with a weekday) in the first lines of the text, where datelines sit. ISO yyyy-mm-dd.
 */
export function findArticleDate(text: string): string | undefined {
  let head = text.slice(0, 600);
  const lines = head.split('\n');
  if (lines.length > 8) head = lines.slice(0, 8).join('\n');
  for (const f of scan(head, undefined)) {
    if (f.label !== 'DATE' || !f.value.date || f.value.date.length !== 10) continue;
    // A dateline stands on its own line or opens one; a date inside a sentence is news, not the dateline.
    const lineStart = head.lastIndexOf('\n', f.start - 1) + 1;
    let lineEnd = head.indexOf('\n', f.end);
    if (lineEnd < 0) lineEnd = head.length;
    const rest = head.slice(lineStart, lineEnd).length - (f.end - f.start);
    if (rest <= 40 || f.start - lineStart <= 3) return f.value.date;
  }
  return undefined;
}

/** Every figure of text, relative dates resolved against articleDate when given. */
function scan(text: string, articleDate: string | undefined | (() => string | undefined)): FigureDetection[] {
  const sc = new ScanContext(text, articleDate);
  scanText(sc);
  linkRanges(sc);
  return sc.out.map((x) => x.fig);
}

/**
 * The left-to-right pass, apart from the context's making and the range linking so that the
 * compiler's inlining budget for this hot loop goes to the checks it runs on every word and number.
 */
function scanText(sc: ScanContext): void {
  const t = sc.text;
  const n = sc.n;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c < 0x30) {
      i++;
      continue;
    }
    if (isDigit(c)) {
      const end = atDigits(sc, i);
      i = end > i ? end : sc.skipAlnum(i);
      continue;
    }
    if (isLetter(c)) {
      // Hash the word in place; only words the Bloom filter may know are sliced and looked up.
      let j = i + 1;
      let h = hashStep(HASH_SEED, c);
      for (; j < n; j++) {
        const d = t.charCodeAt(j);
        const k = CHAR_CLASS[d];
        if (k === 1) h = hashStep(h, d);
        else if (k !== 2) break;
      }
      const bit = h >>> (32 - BLOOM_BITS);
      if ((TRIGGER_BLOOM[bit >>> 5] & (1 << (bit & 31))) !== 0) {
        const w = sc.wordAt(i);
        if (w && w.r.length > 0) {
          const end = atWord(sc, w);
          if (end > i) {
            i = end;
            continue;
          }
        }
      }
      i = j;
      continue;
    }
    if (isLatin(c)) {
      // Digits glued to Latin letters are model names and codes (A320, F16, 5G), not figures.
      i = sc.skipAlnum(i);
      continue;
    }
    i++;
  }
}
