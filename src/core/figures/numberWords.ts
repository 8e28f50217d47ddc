// Numbers written in words: ثلاثة, خمسة وعشرين, ثلاثمائة ألف, مليون ونصف, ألفين, أحد عشر,
// "مليون ونصف المليون". Read word by word into a running total: each word's readings are tried in
// order, and the first that fits what was read so far (a unit, a ten, a teen, a hundred, a scale,
// a fraction) is taken. What the number is a figure of is decided after it (afterNumber.ts).

import { fold } from '../arabic';
import { roundValue } from './chars';
import { get, has, type Phrase, type ScanContext, type Word } from './scanContext';
import type { Entry } from './lexicon';

/** The running state of a number being read. */
interface Reading {
  total: number;
  /** The group being built (ثلاثمائة ألف) before it is added to total. */
  cur: number;
  curScaled: boolean;
  lastScale: number;
  maxScale: number;
  /** The last word was a unit (3–9), so a ten or a hundred word may follow it without و. */
  lastUnit: boolean;
  /** أحد / اثنا read, waiting for عشر. */
  pendingTeen: number;
  /** The first word carried the article: وال joins the next words too (الخمسة والعشرين). */
  definite: boolean;
  first: boolean;
}

/** What a reading of a word did: tried the next reading, stopped the number, or ended at this position. */
const NEXT = -1;
const STOP = -2;

/** Clitics the first number word may carry: و ف, then ب ل ك, then ال / لل. */
const FIRST_CLITICS = /^(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)?$/;

type NumEntry = Extract<Entry, { t: 'num' }>;
type ScaleEntry = Extract<Entry, { t: 'scale' }>;
type FracEntry = Extract<Entry, { t: 'frac' }>;

export function parseWordNumber(sc: ScanContext, w: Word): Phrase | undefined {
  const st: Reading = {
    total: 0, cur: 0, curScaled: false, lastScale: 0, maxScale: 1, lastUnit: false, pendingTeen: 0, definite: false, first: true,
  };
  let e = w.s;
  let any = false;
  let word: Word | undefined = w;
  while (word) {
    const end = matchWord(sc, st, word);
    if (end < 0) break;
    if (st.first) st.definite = /(?:ال|لل)$/.test(word.r.find((r) => r.e.t === 'num' || r.e.t === 'scale' || r.e.t === 'frac')?.pre ?? '');
    if (st.pendingTeen === 0) {
      any = true;
      e = end;
    }
    st.first = false;
    word = nextNumberWord(sc, end);
  }
  if (!any) return undefined;
  const v = roundValue(st.total + st.cur);
  // "واحد" alone is mostly the adjective "one/single" (في وقت واحد), not a figure — unless a
  // percent word follows it ("ارتفع واحدا في المئة").
  if (v === 0 || (v === 1 && e === w.e && st.maxScale === 1 && !percentWordAfter(sc, e))) return undefined;
  return { s: w.s, e, v, scale: st.maxScale, isInt: Number.isInteger(v), digits: false, intLen: String(Math.trunc(v)).length };
}

/** The first reading of word that continues the number: where the word ends, or a negative code. */
function matchWord(sc: ScanContext, st: Reading, word: Word): number {
  for (const r of word.r) {
    const en = r.e;
    const pre = r.pre;
    const wa = !st.first && (pre === 'و' || (st.definite && pre === 'وال'));
    if (!st.first && !wa && pre !== '') continue;
    if (st.first && pre !== '' && !FIRST_CLITICS.test(pre)) continue;
    let end = NEXT;
    if (en.t === 'num') end = readNum(st, en, wa, word);
    else if (en.t === 'scale') end = readScale(st, en, wa, word);
    else if (en.t === 'frac') end = readFrac(sc, st, en, wa, word);
    if (end !== NEXT) return end;
  }
  return STOP;
}

/** A unit, ten, teen part or hundred word. */
function readNum(st: Reading, en: NumEntry, wa: boolean, word: Word): number {
  if (en.onlyTeen) {
    if (!(st.first || wa)) return NEXT;
    closeScaledGroup(st);
    st.pendingTeen = /^(?:اثن|إثن)/.test(fold(word.key).replace(/^(?:و|ف)?(?:ب|ل|ك)?/, '')) ? 2 : 1;
    return word.e;
  }
  if (st.pendingTeen) {
    if (!en.teenTen || wa) return STOP;
    st.cur += st.pendingTeen + 10;
    st.pendingTeen = 0;
    st.lastUnit = false;
    return word.e;
  }
  if (en.teenTen && !st.first && !wa && st.lastUnit) {
    st.cur += 10;
    st.lastUnit = false;
    return word.e;
  }
  if (en.hundred && !st.first && !wa && st.lastUnit && st.cur >= 3 && st.cur <= 9) {
    st.cur *= 100;
    st.lastUnit = false;
    return word.e;
  }
  if (st.first || wa) {
    closeScaledGroup(st);
    st.cur += en.v;
    st.lastUnit = !!en.unit;
    return word.e;
  }
  return NEXT;
}

/** After a scaled group (ثلاثة آلاف), a new group starts: the old one is added to the total. */
function closeScaledGroup(st: Reading): void {
  if (st.curScaled) {
    st.total += st.cur;
    st.cur = 0;
    st.curScaled = false;
  }
}

/** ألف, مليون, آلاف, ألفين: multiplies the group read so far (or starts it). */
function readScale(st: Reading, en: ScaleEntry, wa: boolean, word: Word): number {
  if (wa) return NEXT;
  if (en.plural && (st.first || st.cur === 0)) return NEXT;
  if (en.count === 2) {
    if (!st.first && st.cur !== 0) return NEXT;
    st.cur = 2 * en.v;
  } else if (st.curScaled && en.v > st.lastScale) {
    st.cur *= en.v;
  } else if (!st.curScaled) {
    st.cur = (st.cur || 1) * en.v;
  } else return NEXT;
  st.curScaled = true;
  st.lastScale = en.v;
  st.maxScale = Math.max(st.maxScale, en.v);
  st.lastUnit = false;
  return word.e;
}

/** نصف / ربع: before a scale (نصف مليون) or after one with و (مليون ونصف). */
function readFrac(sc: ScanContext, st: Reading, en: FracEntry, wa: boolean, word: Word): number {
  if (st.first) {
    const nw = sc.nextWord(word.e);
    const scl = get(nw, 'scale');
    if (!nw || !scl || scl.pre !== '' || scl.plural || scl.count !== 1) return NEXT;
    st.cur = en.v;
    return word.e;
  }
  if (wa && st.curScaled) {
    st.cur += en.v * st.lastScale;
    // "مليون ونصف المليون": the scale repeated with the article belongs to the figure.
    const again = sc.nextWord(word.e);
    if (again && /^ال(?:ألف|الف|مليون|مليار)$/.test(again.key)) return again.e;
    return word.e;
  }
  return NEXT;
}

/** The word after p, with a separate "و" before a number word read as its prefix: "خمسة و عشرين". */
function nextNumberWord(sc: ScanContext, p: number): Word | undefined {
  const nxt = sc.nextWord(p);
  if (nxt && nxt.key === 'و') {
    const after = sc.nextWord(nxt.e);
    if (after && after.r.some((r) => r.e.t === 'num' && r.pre === '')) {
      return {
        ...after,
        r: after.r.map((r) => (r.pre === '' ? { e: r.e, pre: 'و', m: { ...r.e, pre: 'و' } } : r)),
      };
    }
  }
  return nxt;
}

/** "في المئة" / "بالمئة" right after p: the number before it is a percentage. */
export function percentWordAfter(sc: ScanContext, p: number): boolean {
  const w = sc.nextWord(p);
  if (!w) return false;
  const pw = get(w, 'pctWord');
  if (pw) return pw.pre === 'ب';
  if (!has(w, 'fi')) return false;
  const w2 = sc.nextWord(w.e);
  return get(w2, 'pctWord')?.pre === '';
}
