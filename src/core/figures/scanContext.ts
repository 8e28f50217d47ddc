// The state of one figure scan and the low-level reading every rule shares: the word at a point
// (with its lexicon readings), the word before or after, digit runs, and emitting a figure.
// The label rules (percent.ts, money.ts, dates.ts …) are functions of this context.

import type { FigureDetection, FigureLabel, FigureValue } from '../types';
import { dayNumber, isValidGregorian, parseIso } from './calendar';
import { CHAR_CLASS, digitValue, isDigit, isGap, isInWordMark, isLatin, isLetter } from './chars';
import { BLOOM, BLOOM_BITS, HASH_SEED, ensureLexicon, hashStep, lookupForm, type Entry, type Reading } from './lexicon';

const NONE: readonly Reading[] = [];

/** An Arabic word of the text: its span, its key (marks removed) and its lexicon readings. */
export interface Word {
  s: number;
  e: number;
  key: string;
  /** Shared with every word spelled the same: read it, never change it. */
  r: readonly Reading[];
}

/** A number read from digits or number words, before the words after it decide its label. */
export interface Phrase {
  s: number;
  e: number;
  v: number;
  /** The largest scale word applied (1 when none): used to carry scales across ranges. */
  scale: number;
  isInt: boolean;
  digits: boolean;
  /** Number of integer digits as written (for telling years from counts). */
  intLen: number;
}

/** A run of digits: where it ends, and its digits in ASCII (٣٠ → "30"). */
export interface DigitRun {
  readonly e: number;
  readonly str: string;
}

/** A label fixed by a sign written before the number (%5, $ 5), with the symbol's currency. */
export type Forced = { label: FigureLabel; currency?: string };

/** A number with its scale words read, and where the text after it starts: what each label's rule looks at. */
export interface TailContext {
  ph: Phrase;
  forced: Forced | undefined;
  /** End of the number and its scale words. */
  e: number;
  /** The value with the scale words applied. */
  v: number;
  scale: number;
  /** First character after the gap that follows e, that character, and the word starting there. */
  q: number;
  ch: string | undefined;
  w: Word | undefined;
}

/** A found figure with what range linking needs: its scale, and whether it is a bare NUMBER. */
export interface Internal {
  fig: FigureDetection;
  scale: number;
  plain: boolean;
}

/** The article's own date, as a day number and its parts. */
export interface ArticleDay {
  day: number;
  y: number;
  m: number;
  d: number;
}

function articleDayOf(articleDate: string | undefined): ArticleDay | undefined {
  const p = articleDate ? parseIso(articleDate) : undefined;
  return p && p.m && p.d && isValidGregorian(p.y, p.m, p.d) ? { day: dayNumber(p.y, p.m, p.d), y: p.y, m: p.m, d: p.d } : undefined;
}

export function has(w: Word | undefined, t: Entry['t']): boolean {
  return !!w && w.r.some((r) => r.e.t === t);
}

/** The first reading of w with entry type t (with a bare or article-only prefix when asked). */
export function get<T extends Entry['t']>(w: Word | undefined, t: T, barePrefixOnly = false): (Extract<Entry, { t: T }> & { pre: string }) | undefined {
  if (!w) return undefined;
  for (const r of w.r) {
    if (r.e.t === t && (!barePrefixOnly || r.pre === '' || r.pre === 'ال')) {
      return r.m as Extract<Entry, { t: T }> & { pre: string };
    }
  }
  return undefined;
}

export class ScanContext {
  readonly n: number;
  readonly out: Internal[] = [];
  /** End of the last figure emitted: signs and brackets before a number are not looked for before it. */
  lastEnd = 0;
  /** Set while a date after a weekday name is being read, so the date span takes the weekday in. */
  pendingWeekday: { s: number; d: number } | undefined;
  private articleDay: ArticleDay | undefined;
  /** The article date still to be found (findFigures's dateline search), until a rule first asks. */
  private articleSource: (() => string | undefined) | undefined;

  /**
   * `articleDate` may be a function that finds it (the dateline search): it is then called only
   * when a rule first reads `article`, so an article without a relative date never pays it.
   */
  constructor(
    readonly text: string,
    articleDate: string | undefined | (() => string | undefined),
  ) {
    ensureLexicon();
    this.n = text.length;
    if (typeof articleDate === 'function') this.articleSource = articleDate;
    else this.articleDay = articleDayOf(articleDate);
  }

  /** The article's own date, which relative dates are resolved against (undefined: none). */
  get article(): ArticleDay | undefined {
    const source = this.articleSource;
    if (source !== undefined) {
      this.articleSource = undefined;
      this.articleDay = articleDayOf(source());
    }
    return this.articleDay;
  }

  skipAlnum(i: number): number {
    let j = i;
    while (j < this.n) {
      const c = this.text.charCodeAt(j);
      if (isDigit(c) || isLatin(c) || ((c === 0x2d || c === 0x2e) && j + 1 < this.n && isDigit(this.text.charCodeAt(j + 1)))) j++;
      else break;
    }
    return j > i ? j : i + 1;
  }

  skipGap(p: number): number {
    while (p < this.n && isGap(this.text.charCodeAt(p))) p++;
    return p;
  }

  /** The Arabic word starting at p (letters and in-word marks), with its lexicon readings. */
  wordAt(p: number): Word | undefined {
    const t = this.text;
    if (p >= this.n || !isLetter(t.charCodeAt(p))) return undefined;
    let j = p + 1;
    let marks = false;
    let h = hashStep(HASH_SEED, t.charCodeAt(p));
    while (j < this.n) {
      const c = t.charCodeAt(j);
      const k = CHAR_CLASS[c];
      if (k === 1) {
        h = hashStep(h, c);
        j++;
      } else if (k === 2) {
        marks = true;
        j++;
      } else break;
    }
    // A tatweel closing a word of two letters or more is a dash (المرتبة الخامسةـ رئيسا), not part
    // of it; هـ keeps its own.
    if (marks && t.charCodeAt(j - 1) === 0x640 && isLetter(t.charCodeAt(j - 2)) && t.charCodeAt(j - 2) !== 0x640 && j - 2 > p) {
      while (t.charCodeAt(j - 1) === 0x640) j--;
    }
    const bit = h >>> (32 - BLOOM_BITS);
    if ((BLOOM[bit >>> 5] & (1 << (bit & 31))) === 0) return { s: p, e: j, key: '', r: NONE };
    let key = t.slice(p, j);
    if (marks) key = key.replace(/[\u064B-\u065F\u0670\u0640\u200C\u200D]/g, '');
    return { s: p, e: j, key, r: lookupForm(key, h) ?? NONE };
  }

  nextWord(p: number): Word | undefined {
    return this.wordAt(this.skipGap(p));
  }

  prevWord(s: number): Word | undefined {
    const t = this.text;
    let j = s - 1;
    while (j >= 0 && isGap(t.charCodeAt(j))) j--;
    if (j < 0 || !(isLetter(t.charCodeAt(j)) || isInWordMark(t.charCodeAt(j)))) return undefined;
    let k = j;
    while (k > 0 && (isLetter(t.charCodeAt(k - 1)) || isInWordMark(t.charCodeAt(k - 1)))) k--;
    return this.wordAt(k);
  }

  /** Where the digit run at p ends: digitRun(p).e without building its string (for checks on every number). */
  digitEnd(p: number): number {
    let j = p;
    while (j < this.n && isDigit(this.text.charCodeAt(j))) j++;
    return j;
  }

  /** The last digit run read: every check at a number asks for the same one, so it is built once. */
  private runAt = -1;
  private run: DigitRun = { e: 0, str: '' };

  /**
   * Read a run of digits of any of the three digit systems: where it ends and its digits in ASCII.
   * The result is shared with the next caller at the same p: read it, never change it.
   */
  digitRun(p: number): DigitRun {
    if (p === this.runAt) return this.run;
    const t = this.text;
    let j = p;
    let ascii = true;
    while (j < this.n) {
      const c = t.charCodeAt(j);
      if (c >= 0x30 && c <= 0x39) j++;
      else if (isDigit(c)) {
        ascii = false;
        j++;
      } else break;
    }
    let str: string;
    if (ascii) str = t.slice(p, j);
    else {
      str = '';
      for (let k = p; k < j; k++) str += String.fromCharCode(0x30 + digitValue(t.charCodeAt(k)));
    }
    this.runAt = p;
    this.run = { e: j, str };
    return this.run;
  }

  emit(s: number, e: number, label: FigureLabel, value: FigureValue, scale = 1, plain = false): number {
    const fig: FigureDetection = { kind: 'figure', label, start: s, end: e, text: this.text.slice(s, e), value };
    this.out.push({ fig, scale, plain });
    this.lastEnd = e;
    return e;
  }
}
