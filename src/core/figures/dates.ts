// DATE of a day, month and year: numeric dates (19/10/1436, 2021-06-05), a day before a month
// name (5 يونيو 2021, 25 شوال 1436هـ, 4 حزيران/يونيو), a month name alone or with a year
// (يونيو 2021, رمضان الماضي), and a day of a relative month (26 الشهر الجاري). Hijri dates get a
// Gregorian date by conversion; without a year, the article's year is taken (its Hijri year for
// Hijri months). Years alone are year.ts; relative words and weekdays are relativeDates.ts.

import { fold } from '../arabic';
import type { FigureValue } from '../types';
import { dayNumber, gregorianToHijri, hijriToDayNumber, isoDay, isValidGregorian, pad, solarHijriToDayNumber } from './calendar';
import { isDigit, isLatin } from './chars';
import { get, has, type Phrase, type ScanContext, type TailContext, type Word } from './scanContext';
import { emitDate, emitRelative } from './dateEmit';
import { monthAfterMin, monthAt, pairedMonth, yearAfter, yearMarkerAt, type MonthRef } from './months';

const MONTH_OK_ALONE_EXCLUDED = new Set(['مارس', 'ماي', 'مايس', 'آب', 'اب']);

/** "19/10/1436", "2021-06-05", "14 / 10 / 1436": three digit groups with one separator. */
export function numericDateAt(sc: ScanContext, i: number): number | undefined {
  const t = sc.text;
  const a = sc.digitRun(i);
  // "19/10/1436", and with spaces around the separators: "14 / 10 / 1436", "21 - 10 - 1436".
  // Reads are kept within the text: one past its end would deopt this function (recompiled at a cost).
  let p = sc.skipGap(a.e);
  if (p >= sc.n - 1) return undefined;
  const sep = t[p];
  if (sep !== '/' && sep !== '-' && sep !== '.') return undefined;
  const spaced = p > a.e;
  p = sc.skipGap(p + 1);
  if (p >= sc.n || !isDigit(t.charCodeAt(p)) || (sep === '.' && (spaced || p > a.e + 1))) return undefined;
  const b = sc.digitRun(p);
  p = sc.skipGap(b.e);
  if (p >= sc.n - 1 || t[p] !== sep) return undefined;
  p = sc.skipGap(p + 1);
  if (p >= sc.n || !isDigit(t.charCodeAt(p))) return undefined;
  const c = sc.digitRun(p);
  if (c.e < sc.n && (isDigit(t.charCodeAt(c.e)) || isLatin(t.charCodeAt(c.e)))) return undefined;
  let y: number;
  let m: number;
  let d: number;
  if (a.str.length === 4 && b.str.length <= 2 && c.str.length <= 2) {
    y = +a.str;
    m = +b.str;
    d = +c.str;
  } else if (c.str.length === 4 && a.str.length <= 2 && b.str.length <= 2) {
    y = +c.str;
    m = +b.str;
    d = +a.str;
  } else return undefined;
  // A date-shaped group that is not a real date (31/02/2015) is skipped whole, not read as three numbers.
  return emitNumericDate(sc, i, c.e, y, m, d, sep === '/' ? c.e : undefined);
}

/** The date of a numeric y-m-d ending at e, in the calendar its marker or its year tells. */
function emitNumericDate(sc: ScanContext, i: number, e: number, y: number, m: number, d: number, skip: number | undefined): number | undefined {
  const marker = yearMarkerAt(sc, e);
  const hijri = marker?.hijri ?? (y >= 1300 && y <= 1500);
  if (marker) e = marker.e;
  if (marker?.solar) {
    const day = solarHijriToDayNumber(y, m, d);
    return day === undefined ? skip : emitDate(sc, i, e, { date: isoDay(day) }, day);
  }
  if (hijri) {
    const day = hijriToDayNumber(y, m, d);
    if (day === undefined) return skip;
    return emitDate(sc, i, e, { date: isoDay(day), hijri: `${y}-${pad(m)}-${pad(d)}` }, day);
  }
  if (y < 1800 || y > 2200) return undefined;
  if (!isValidGregorian(y, m, d)) return skip;
  return emitDate(sc, i, e, { date: `${y}-${pad(m)}-${pad(d)}` }, dayNumber(y, m, d));
}

/** DATE of a day and month after a number: 5 يونيو 2021, 25 شوال 1436هـ, 4 حزيران/يونيو, "26 الشهر الجاري". */
export function dayMonthTail(sc: ScanContext, c: TailContext): number | undefined {
  const { ph, v, scale, w } = c;
  if (!(ph.isInt && v >= 1 && v <= 31 && scale === 1)) return undefined;
  if (!w) return c.ch === '-' || c.ch === '–' ? dashedDayMonth(sc, c) : dayOfMonthBefore(sc, ph.s, c.e, v);
  const month = monthAt(sc, w);
  if (month) return dayMonth(sc, ph.s, v, month);
  if (has(w, 'min')) {
    // "في الـ12 من آب", "5 من أغسطس", "17 من شهر شوال"
    const m2 = w.key === 'من' ? monthAfterMin(sc, w) : undefined;
    if (m2) return dayMonth(sc, ph.s, v, m2);
  }
  // "26 الشهر الجاري", "5 من الشهر المقبل"
  const head = has(w, 'min') ? sc.nextWord(w.e) : w;
  const rh = get(head, 'relHead');
  if (head && rh && rh.pre === '' && rh.period === 'month') {
    const wq = sc.nextWord(head.e);
    const q = get(wq, 'qual');
    if (wq && q && q.pre === '') return dayOfRelativeMonth(sc, ph.s, wq.e, v, q.q);
  }
  return dayOfMonthBefore(sc, ph.s, c.e, v);
}

/**
 * "… يوم 23 يوليو، والثانية … يوم 27، والثالثة … يوم 31": after يوم, a day number with no month
 * is a later day of the month of the full date read just before, in the same paragraph (within
 * 300 characters).
 */
function dayOfMonthBefore(sc: ScanContext, s: number, e: number, v: number): number | undefined {
  // The figures read so far are looked at first (most small numbers have no date just before);
  // the word before is read only then.
  const t = sc.text;
  for (let k = sc.out.length - 1; k >= 0 && k >= sc.out.length - 4; k--) {
    const f = sc.out[k]!.fig;
    if (f.end < s - 300) return undefined;
    if (f.label !== 'DATE') continue;
    if (f.value.hijri || t.slice(f.end, s).includes('\n')) return undefined;
    const yawm = sc.prevWord(s);
    if (!yawm || !yawm.r.some((r) => r.e.t === 'yawm' && (r.pre === '' || r.pre === 'و' || r.pre === 'ف'))) return undefined;
    // With no article date the month stays relative: "month:07;day:23".
    const rel = f.value.relative ? /^month:(\d\d);day:(\d\d)$/.exec(f.value.relative) : null;
    if (rel) return v > +rel[2]! && v <= 31 ? sc.emit(s, e, 'DATE', { relative: `month:${rel[1]};day:${pad(v)}` }) : undefined;
    const m = f.value.date ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(f.value.date) : null;
    if (!m || v <= +m[3]! || !isValidGregorian(+m[1]!, +m[2]!, v)) return undefined;
    return sc.emit(s, e, 'DATE', { date: `${m[1]}-${m[2]}-${pad(v)}` });
  }
  return undefined;
}

/**
 * "يوم 27 - يوليو 2015": a day, a dash, then a month name with its year is one date (a range's
 * second end is a number, "20 - 25 يوليو", and is read by the range rules instead).
 */
function dashedDayMonth(sc: ScanContext, c: TailContext): number | undefined {
  const w = sc.nextWord(c.q + 1);
  if (!w || sc.skipGap(c.q + 1) !== w.s) return undefined;
  const month = monthAt(sc, w);
  if (!month || month.hijri || !yearAfter(sc, pairedMonth(sc, month.e, month.m))) return undefined;
  return dayMonth(sc, c.ph.s, c.v, month);
}

/** "في الثلاثين من شهر سبتمبر": a definite number word (ph, read at w) before من and a month is a day. */
export function dayWordOfMonth(sc: ScanContext, w: Word, ph: Phrase): number | undefined {
  if (!(ph.isInt && ph.v <= 31 && ph.scale === 1 && w.r.some((r) => r.e.t === 'num' && r.pre.endsWith('ال')))) return undefined;
  const min = sc.nextWord(ph.e);
  const month = min && min.key === 'من' ? monthAfterMin(sc, min) : undefined;
  return month ? dayMonth(sc, w.s, ph.v, month) : undefined;
}

/** Day d of a month name read at s: with the year written after it, or the article's year. */
export function dayMonth(sc: ScanContext, s: number, d: number, month: Pick<MonthRef, 'm' | 'hijri' | 'e'>): number {
  const e = month.hijri ? month.e : pairedMonth(sc, month.e, month.m);
  const yr = yearAfter(sc, e);
  const m = month.m;
  if (yr) {
    if (month.hijri) {
      // "1 شوال 2015": a Hijri day and month dated with the Gregorian year it falls in.
      const hy = yr.hijri === undefined && yr.y >= 1800 ? hijriYearIn(yr.y, m, d) : yr.y;
      const day = hijriToDayNumber(hy, m, d);
      const value: FigureValue = { hijri: `${hy}-${pad(m)}-${pad(d)}` };
      if (day !== undefined) value.date = isoDay(day);
      return emitDate(sc, s, yr.e, value, day);
    }
    if (!isValidGregorian(yr.y, m, d)) return emitDate(sc, s, yr.e, { date: `${yr.y}-${pad(m)}` }, undefined);
    return emitDate(sc, s, yr.e, { date: `${yr.y}-${pad(m)}-${pad(d)}` }, dayNumber(yr.y, m, d));
  }
  return dayMonthWithoutYear(sc, s, e, d, m, month.hijri);
}

/** No year: the article's year (Hijri year for Hijri months), moved by a following الماضي / المقبل. */
function dayMonthWithoutYear(sc: ScanContext, s: number, e: number, d: number, m: number, hijri: boolean): number {
  const a = sc.article;
  const qw = sc.nextWord(e);
  const qual = get(qw, 'qual');
  const q = qw && qual && qual.pre === '' ? qual.q : undefined;
  if (q && qw) e = qw.e;
  const suffix = q ? `;${q}` : '';
  if (hijri) {
    if (a) {
      const ah = gregorianToHijri(a.day);
      if (ah) {
        let hy = ah.y;
        if (q === 'last' && (m > ah.m || (m === ah.m && d > ah.d))) hy--;
        if (q === 'next' && (m < ah.m || (m === ah.m && d < ah.d))) hy++;
        const day = hijriToDayNumber(hy, m, d);
        if (day !== undefined) return emitDate(sc, s, e, { date: isoDay(day), hijri: `${hy}-${pad(m)}-${pad(d)}` }, day);
      }
    }
    return emitDate(sc, s, e, { relative: `hijri-month:${pad(m)};day:${pad(d)}${suffix}` }, undefined);
  }
  if (a) {
    let y = a.y;
    if (q === 'last' && (m > a.m || (m === a.m && d > a.d))) y--;
    if (q === 'next' && (m < a.m || (m === a.m && d < a.d))) y++;
    if (isValidGregorian(y, m, d)) return emitDate(sc, s, e, { date: `${y}-${pad(m)}-${pad(d)}` }, dayNumber(y, m, d));
  }
  return emitDate(sc, s, e, { relative: `month:${pad(m)};day:${pad(d)}${suffix}` }, undefined);
}

/** "26 الشهر الجاري": day d of the month before, of or after the article's. */
function dayOfRelativeMonth(sc: ScanContext, s: number, e: number, d: number, q: 'last' | 'this' | 'next'): number {
  const a = sc.article;
  if (a) {
    const first = new Date(Date.UTC(a.y, a.m - 1 + (q === 'last' ? -1 : q === 'next' ? 1 : 0), 1));
    const y = first.getUTCFullYear();
    const m = first.getUTCMonth() + 1;
    if (isValidGregorian(y, m, d)) return emitDate(sc, s, e, { date: `${y}-${pad(m)}-${pad(d)}` }, dayNumber(y, m, d));
  }
  return emitDate(sc, s, e, { relative: `day:${pad(d)};${q}-month` }, undefined);
}

/** A month name not after a day: يونيو 2021, رمضان الماضي, أبريل الماضي, or a bare month. */
export function monthWord(sc: ScanContext, w: Word): number | undefined {
  const month = monthAt(sc, w, true);
  if (!month) return undefined;
  const e = month.hijri ? month.e : pairedMonth(sc, month.e, month.m);
  const yr = yearAfter(sc, e);
  if (yr) {
    if (month.hijri && yr.hijri === undefined && yr.y >= 1800) {
      // "رمضان 2015": the Hijri month that begins in that Gregorian year.
      return emitDate(sc, w.s, yr.e, { hijri: `${hijriYearIn(yr.y, month.m, 1)}-${pad(month.m)}` }, undefined);
    }
    if (month.hijri || yr.hijri) return emitDate(sc, w.s, yr.e, { hijri: `${yr.y}-${pad(month.m)}` }, undefined);
    return emitDate(sc, w.s, yr.e, { date: `${yr.y}-${pad(month.m)}` }, undefined);
  }
  if (month.hijri) return hijriMonthWithoutYear(sc, w, month);
  const w2 = sc.nextWord(e);
  const qual = get(w2, 'qual');
  if (w2 && qual && qual.pre === '') return emitRelative(sc, w.s, w2.e, `month:${pad(month.m)};${qual.q}`);
  const bare = fold(w.key).replace(/^(?:و|ف)?(?:ب|ل|ك)?/, '');
  if (MONTH_OK_ALONE_EXCLUDED.has(w.key) || MONTH_OK_ALONE_EXCLUDED.has(bare)) {
    // مارس is also the verb "practised": only after a word that introduces a month.
    const prev = fold(sc.text.slice(Math.max(0, w.s - 6), w.s));
    if (!/(?:في|شهر|منذ|حتى|مطلع|نهايه|منتصف|اواخر|اوائل|خلال) $/.test(prev)) return undefined;
  }
  return emitRelative(sc, w.s, e, `month:${pad(month.m)}`);
}

/**
 * A Hijri month without a year (شهر رمضان, ربيع الأول) names a season, not a date; its second
 * word is skipped so "الأول" is not read as an ordinal. "رمضان الماضي" is the month of the
 * article's Hijri year (or the one before / after).
 */
function hijriMonthWithoutYear(sc: ScanContext, w: Word, month: MonthRef): number | undefined {
  const wq = sc.nextWord(month.e);
  const hq = get(wq, 'qual');
  if (wq && hq && hq.pre === '') {
    const ah = sc.article ? gregorianToHijri(sc.article.day) : undefined;
    if (!ah) return emitDate(sc, w.s, wq.e, { relative: `hijri-month:${pad(month.m)};${hq.q}` }, undefined);
    let hy = ah.y;
    if (hq.q === 'last' && month.m >= ah.m) hy--;
    if (hq.q === 'next' && month.m <= ah.m) hy++;
    return emitDate(sc, w.s, wq.e, { hijri: `${hy}-${pad(month.m)}` }, undefined);
  }
  return month.e > w.e ? month.e : undefined;
}

/** The Hijri year whose day d of month m falls in Gregorian year gy (the first, when two do). */
function hijriYearIn(gy: number, m: number, d: number): number {
  const guess = Math.round(((gy - 622) * 33) / 32);
  for (const hy of [guess - 1, guess, guess + 1]) {
    const day = hijriToDayNumber(hy, m, d);
    if (day !== undefined && isoDay(day).startsWith(String(gy))) return hy;
  }
  return guess;
}
