// DATE of a year alone: a number with a calendar marker (1436هـ, 2014م), a four-digit number after a
// year word or a preposition (عام 2014, منذ 2011, في 2014،), or in an event's name (كأس العالم 2022).
// The span is the year (and its marker), never the year word.

import type { FigureValue } from '../types';
import { definiteAt, foldWord, isGap, isInWordMark, isLetter } from './chars';
import type { Reading } from './lexicon';
import { get, has, type ScanContext, type TailContext, type Word } from './scanContext';
import { emitYear } from './dateEmit';
import { yearMarkerAt } from './months';
import { accusativeNoun } from './notFigures';

const PREPOSITIONS = new Set(['على', 'عن', 'قبل', 'بعد', 'ومن', 'وحتى', 'والى', 'وإلى']);

/** DATE of a year: with a calendar marker, after a year word, or in an event's name. */
export function yearTail(sc: ScanContext, c: TailContext): number | undefined {
  const { ph, e, v, scale } = c;
  if (!(ph.isInt && (scale === 1 || !ph.digits) && v >= 1 && v <= 2200)) return undefined;
  const mk = yearMarkerAt(sc, e);
  // A spaced م after a number may be metres (1200 م): only a plausible year takes it.
  const spacedG = !mk?.hijri && mk !== undefined && sc.skipGap(e) > e;
  if (mk && (ph.intLen === 4 || !ph.digits || (mk.hijri && ph.intLen === 3)) && !(spacedG && v < 1500 && !yearContextBefore(sc, ph.s, e))) {
    return emitYear(sc, ph.s, mk.e, v, mk.hijri, mk.solar);
  }
  if ((ph.intLen === 4 || !ph.digits) && v >= 1000 && yearContextBefore(sc, ph.s, e)) {
    return emitYear(sc, ph.s, e, v, v >= 1300 && v <= 1500);
  }
  // "كأس العالم 2022", "رؤية المملكة 2030", "أولمبياد ريو 2016": the year of an event or a plan.
  // "عام 1400هـ (1980)": the same year in the other calendar, in brackets after a year.
  if (ph.digits && ph.intLen === 4 && v >= 1300 && v <= 2100) {
    const other = dateInBracketsBefore(sc, ph.s);
    if (other && (other.hijri ? v >= 1900 : v >= 1350 && v <= 1460)) return emitYear(sc, ph.s, e, v, !other.hijri);
  }
  // "مهرجان صيف الباحة 1436": a Hijri year in an event's name.
  if (ph.digits && ph.intLen === 4 && ((v >= 1900 && v <= 2100) || (v >= 1400 && v <= 1460)) && eventBefore(sc, ph.s, e)) {
    return emitYear(sc, ph.s, e, v, v < 1900);
  }
  return undefined;
}

/**
 * An event or plan noun (كأس, بطولة, رؤية …) among the three words before a four-digit number,
 * with no punctuation between: the number is the year in its name.
 */
function eventBefore(sc: ScanContext, s: number, e: number): boolean {
  let p = s;
  let plain = true;
  for (let words = 0; words < 5; words++) {
    const w = sc.prevWord(p);
    if (!w) return false;
    const ev = get(w, 'event');
    // An event named with its year has an indefinite head (معرض 2015, رؤية مصر 2030); after a
    // definite one a counted noun tells a count (يضم المعرض 2000 عارض).
    // An indefinite one may govern the number too (أزمة 2000 معلم، هجمات الحوثيين 2015 قتيلا): a
    // noun in the counted position right after it, not a verb or a linking word, tells a count.
    if (ev && words < 3) return /(?:ال|لل)$/.test(ev.pre) ? !countedNounAfter(sc, e) : !singularCountedAfter(sc, w, e);
    // "الملتقى العلمي العالمي بدولة بلجيكا 2015": four or five words back only across words
    // the lexicon does not know (the name and its adjectives), and with nothing counted after.
    if (ev) return plain && !countedNounAfter(sc, e);
    // A noun that only names (للكتاب in معرض الرياض الدولي للكتاب 2015, الدوري, المنتخب) keeps the
    // stretch plain; a word that counts, dates or links (في، عام، ألف) does not.
    if (w.r.length > 0 && !w.r.every(nameOnly)) plain = false;
    p = w.s;
  }
  return false;
}

/** Readings of words that name things and never count or date them: work titles, sports words, events. */
function nameOnly(r: Reading): boolean {
  return r.e.t === 'work' || r.e.t === 'sport' || r.e.t === 'event';
}

/**
 * An indefinite word the lexicon does not know right after the number: what it counts (المعرض
 * يضم 2000 عارض), so the number is no year even after an event noun. A definite word (مهرجان
 * 2015 الثقافي, ملتقى 2014 للاستثمار) or a known word (في, م) is not counted.
 */
function countedNounAfter(sc: ScanContext, e: number): boolean {
  const w = sc.nextWord(e);
  if (!w || w.r.length > 0) return false;
  // A word with a possessive suffix (افتتح معرض … 2015 أبوابه) is no counted noun either.
  if (w.e - w.s >= 4 && possessiveEnd(sc.text, w.e)) return false;
  return !definiteAt(sc.text, w.s, Math.min(w.e, w.s + 4));
}

/**
 * The counted noun of a number right after it, told from what follows a year (أحداث 2011 أثرت،
 * حرب 1967 كانت، كأس 2022 لكرة القدم، رؤية 2030 وأهدافها): an accusative noun (قتيلا، شخصا), or a
 * bare indefinite word the lexicon does not know, with no conjunction or preposition on it, not a
 * verb by its look (ـت of a past verb, يـ of a present one), no plural (ـات، ـون، ـين) and no possessive.
 */
function singularCountedAfter(sc: ScanContext, head: Word, e: number): boolean {
  const t = sc.text;
  const w = sc.nextWord(e);
  if (!w || w.r.length > 0 || w.s !== e + 1) return false;
  if (accusativeNoun(t, w.s, w.e)) return true;
  // The bare (genitive) form only after a noun of hardship, which heads a count as often as a year
  // (أزمة 2000 معلم); after a plan or a contest a bare word is the sentence going on (رؤية مصر 2030 عبر).
  if (!HARDSHIP.has(foldWord(t.slice(head.s, head.e)).replace(/^(?:و|ف)?(?:ب|ل|ك)?/, ''))) return false;
  if (!countedNounAfter(sc, e) || w.e - w.s < 3) return false;
  const first = t[w.s];
  if (first === 'و' || first === 'ف' || first === 'ل' || first === 'ب' || first === 'ك' || first === 'ي') return false;
  // A plural (تحولات، مصالحون) is never the counted noun of a number over ten: شهدت أحداث 2011 تحولات.
  return t[w.e - 1] !== 'ت' && t[w.e - 1] !== 'ا' && !/(?:ون|ين)$/.test(t.slice(w.s, w.e));
}

/** Nouns of hardship among the event nouns (folded): أزمة، هجمات … */
const HARDSHIP = new Set(['ازمه', 'هجمات', 'زلزال', 'حرب', 'نكبه', 'نكسه', 'احداث']);

/** A word ending e with a third-person possessive (ـه، ـها، ـهم، ـهما، ـهن). */
function possessiveEnd(t: string, e: number): boolean {
  const c = t.charCodeAt(e - 1);
  if (c === 0x647) return true; // ـه
  const b = t.charCodeAt(e - 2);
  if (b === 0x647 && (c === 0x627 || c === 0x645 || c === 0x646)) return true; // ـها، ـهم، ـهن
  return b === 0x645 && c === 0x627 && t.charCodeAt(e - 3) === 0x647; // ـهما
}

/** A year word just before the number (عام 2014, العام 2013م, منذ 2011, في 2014،). */
function yearContextBefore(sc: ScanContext, s: number, e: number): boolean {
  const t = sc.text;
  let j = s - 1;
  // "في العام (1442 أو 1443)": the year word may stand before an opening bracket.
  while (j >= 0 && (isGap(t.charCodeAt(j)) || t.charCodeAt(j) === 0x640)) j--;
  if (t[j] === '(') j--;
  // "بحلول العام .2017" at the end of a line: the sentence's full stop, moved before the number
  // when right-to-left text was copied, stands between the year word and the year.
  else if (t[j] === '.' && j > 0 && isGap(t.charCodeAt(j - 1)) && lineEndsAt(sc, e)) j--;
  while (j >= 0 && isGap(t.charCodeAt(j))) j--;
  if (j < 0 || !isLetter(t.charCodeAt(j))) return false;
  let k = j;
  while (k > 0 && (isLetter(t.charCodeAt(k - 1)) || isInWordMark(t.charCodeAt(k - 1)))) k--;
  const w = sc.wordAt(k);
  if (!w) return false;
  if (has(w, 'yearNoun')) return true;
  // "العام الماضي 2014": a year after a relative year.
  if (has(w, 'qual')) {
    const head = sc.prevWord(k);
    const rh = get(head, 'relHead');
    if (rh && rh.period === 'year') return true;
  }
  const y = parseInt(t.slice(s, e).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)), 10);
  if (y < 1950 || y > 2040) return false;
  // After "في" a recent year is a date (في 2011 بعد …); units and currencies were tried before.
  if (w.key === 'في' || w.key === 'وفي' || w.key === 'فى') return true;
  // After other prepositions only when no counted noun follows (من 2015، — not من 2000 شخص).
  if (has(w, 'min') || has(w, 'ila') || PREPOSITIONS.has(w.key)) {
    const after = sc.skipGap(e);
    if (after >= sc.n || !isLetter(t.charCodeAt(after))) return true;
    // A function word after it (قبل 2017 لكن …، من 2015 أمام …) is no counted noun either.
    const next = sc.wordAt(after);
    return has(next, 'wa') || has(next, 'fn');
  }
  return false;
}

/** An opening bracket right before s, and a DATE figure right before the bracket: that figure's value. */
function dateInBracketsBefore(sc: ScanContext, s: number): FigureValue | undefined {
  const t = sc.text;
  let j = s - 1;
  while (j >= 0 && isGap(t.charCodeAt(j))) j--;
  if (t[j] !== '(') return undefined;
  j--;
  while (j >= 0 && isGap(t.charCodeAt(j))) j--;
  const last = sc.out[sc.out.length - 1];
  return last && last.fig.label === 'DATE' && last.fig.end === j + 1 ? last.fig.value : undefined;
}

/** Whether only spaces stand between e and the end of its line (or of the text). */
function lineEndsAt(sc: ScanContext, e: number): boolean {
  const t = sc.text;
  for (let k = e; k < sc.n; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x0a || c === 0x0d) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0) return false;
  }
  return true;
}
