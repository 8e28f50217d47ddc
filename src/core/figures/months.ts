// Reading month names and the years after them, for the date rules: a Gregorian month of either
// series (يونيو / حزيران, كانون الثاني), a Hijri month (شوال, ربيع الأول, ذو الحجة), a paired month
// naming the same one in the other series, a year with its calendar marker (هـ / م / هـ.ش).

import { isDigit } from './chars';
import { get, has, type ScanContext, type Word } from './scanContext';

/** A month name found in the text (one or two words), with its number and calendar. */
export interface MonthRef {
  m: number;
  hijri: boolean;
  s: number;
  e: number;
  series: string;
}

/** A month name at w (one or two words): Gregorian of either series, or Hijri. */
export function monthAt(sc: ScanContext, w: Word, allowPrefix = false): MonthRef | undefined {
  const ok = (pre: string) => allowPrefix || pre === '';
  const g = get(w, 'month');
  if (g && ok(g.pre)) return { m: g.m, hijri: false, s: w.s, e: w.e, series: g.series };
  const h = get(w, 'hmonth');
  if (h && ok(h.pre)) return { m: h.m, hijri: true, s: w.s, e: w.e, series: 'h' };
  const head = get(w, 'monthHead');
  if (head && ok(head.pre)) return levantMonth(sc, w, head.word);
  const hh = get(w, 'hmonthHead');
  if (hh && ok(hh.pre)) return twoWordHijriMonth(sc, w, hh.word);
  return undefined;
}

/** كانون الأول / الثاني, تشرين الأول / الثاني: the head and an ordinal. */
function levantMonth(sc: ScanContext, w: Word, head: 'kanun' | 'tishrin'): MonthRef | undefined {
  const w2 = sc.nextWord(w.e);
  const o = get(w2, 'ord');
  if (w2 && o && o.definite && (o.pre === '' || o.pre === 'ال') && (o.v === 1 || o.v === 2)) {
    const m = head === 'kanun' ? (o.v === 1 ? 12 : 1) : o.v === 1 ? 10 : 11;
    return { m, hijri: false, s: w.s, e: w2.e, series: 'l' };
  }
  return undefined;
}

/** ذو القعدة / ذو الحجة, ربيع الأول / الآخر, جمادى الأولى / الآخرة. */
function twoWordHijriMonth(sc: ScanContext, w: Word, head: 'rabi' | 'jumada' | 'dhu'): MonthRef | undefined {
  const w2 = sc.nextWord(w.e);
  if (!w2) return undefined;
  const k = w2.key.replace(/[أإآ]/g, 'ا').replace(/ة$/, 'ه');
  if (head === 'dhu') {
    if (k === 'القعده') return { m: 11, hijri: true, s: w.s, e: w2.e, series: 'h' };
    if (k === 'الحجه') return { m: 12, hijri: true, s: w.s, e: w2.e, series: 'h' };
    return undefined;
  }
  const first = k === 'الاول' || k === 'الاولى';
  const second = k === 'الثاني' || k === 'الثانيه' || k === 'الاخر' || k === 'الاخره';
  if (!first && !second) return undefined;
  const base = head === 'rabi' ? 3 : 5;
  return { m: base + (first ? 0 : 1), hijri: true, s: w.s, e: w2.e, series: 'h' };
}

/** After a month name: "(شباط)", "/يونيو", "-يونيو" naming the same month in the other series. */
export function pairedMonth(sc: ScanContext, e: number, m: number): number {
  const t = sc.text;
  const q = sc.skipGap(e);
  const c = t[q];
  const bare = sc.wordAt(q);
  if (bare) {
    const mo = monthAt(sc, bare);
    if (mo && !mo.hijri && mo.m === m) return mo.e;
  }
  if (c === '(' || c === '/' || c === '-' || c === '–') {
    const w = sc.nextWord(q + 1);
    if (!w) return e;
    const mo = monthAt(sc, w);
    if (!mo || mo.hijri || mo.m !== m) return e;
    if (c === '(') {
      const r = sc.skipGap(mo.e);
      return t[r] === ')' ? r + 1 : e;
    }
    return mo.e;
  }
  return e;
}

/** A year after a month: digits (with marker) or nothing. */
export function yearAfter(sc: ScanContext, e: number): { y: number; e: number; hijri?: boolean } | undefined {
  const t = sc.text;
  let q = sc.skipGap(e);
  if (t[q] === '،' || t[q] === ',') q = sc.skipGap(q + 1);
  // "5 يونيو من عام 2021", "يونيو عام 2021"
  const w = sc.wordAt(q);
  if (w && (w.key === 'من' || has(w, 'yearNoun'))) {
    let q2 = sc.skipGap(w.e);
    const w2 = sc.wordAt(q2);
    if (w.key === 'من' && w2 && (w2.key === 'عام' || w2.key === 'العام' || w2.key === 'سنة' || w2.key === 'السنة')) q2 = sc.skipGap(w2.e);
    if (isDigit(t.charCodeAt(q2))) q = q2;
  }
  if (!isDigit(t.charCodeAt(q))) return undefined;
  const r = sc.digitRun(q);
  // "2018:" ends a phrase; "2018:30" is no year.
  if (r.str.length !== 4 || isDigit(t.charCodeAt(r.e)) || t[r.e] === '/' || (t[r.e] === ':' && isDigit(t.charCodeAt(r.e + 1)))) return undefined;
  const mk = yearMarkerAt(sc, r.e);
  if (mk) return { y: +r.str, e: mk.e, hijri: mk.hijri };
  return { y: +r.str, e: r.e };
}

/** هـ / ه / م (glued or after a space) after a year; هجري / ميلادي as words too. */
export function yearMarkerAt(sc: ScanContext, p: number): { e: number; hijri: boolean; solar?: boolean } | undefined {
  const w = sc.nextWord(p);
  if (!w) return undefined;
  if (has(w, 'markerH')) {
    // هجري شمسي / هـ.ش: the Solar Hijri calendar of Iran and Afghanistan, not the lunar one.
    const t = sc.text;
    let q = w.e;
    if (t[q] === '.' || t[q] === ' ' || t[q] === '\u00a0') q++;
    const w2 = sc.wordAt(q);
    if (w2 && has(w2, 'markerSolar')) return { e: w2.e, hijri: true, solar: true };
    return { e: w.e, hijri: true };
  }
  if (has(w, 'markerG')) return { e: w.e, hijri: false };
  return undefined;
}

/** The month after من, with شهر allowed between: "من أغسطس", "من شهر سبتمبر". */
export function monthAfterMin(sc: ScanContext, min: Word): MonthRef | undefined {
  let w4 = sc.nextWord(min.e);
  if (w4 && (w4.key === 'شهر' || w4.key === 'شهري')) w4 = sc.nextWord(w4.e);
  return w4 ? monthAt(sc, w4) : undefined;
}
