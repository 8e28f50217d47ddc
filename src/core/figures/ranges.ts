// Ranges and joined amounts, linked after the scan from the last pair of figures to the first:
// "بين 10 و20 في المائة", "من 3 إلى 5 ملايين دولار", "عامي 2014 و2015", "من 10 إلى 20 أغسطس":
// the first number of a range takes the unit, currency, scale or month of the second;
// "ثلاثة آلاف و750" is one amount; "(1940-2010)" and "1436 1437هـ" are years.

import type { FigureDetection, FigureValue } from '../types';
import { hijriToDayNumber, isoDay, isValidGregorian, pad } from './calendar';
import { isDigit, isGap, isLetter, roundValue } from './chars';
import type { Internal, ScanContext } from './scanContext';

/** What may stand between the two ends of a range ("من 2011 وحتى 2013" with its و). */
const RANGE_GAP = /^[\s\u200e\u200f]*(?:-|–|ـ|\/|و|او|أو|و?(?:إلى|الى|حتى))[\s\u200e\u200f]*$/;
const FOUR_DIGITS = /^[0-9٠-٩]{4}$/;

export function linkRanges(sc: ScanContext): void {
  const out = sc.out;
  for (let k = out.length - 2; k >= 0; k--) {
    const a = out[k];
    const b = out[k + 1];
    if (b.fig.start - a.fig.end > 12) continue;
    const gap = sc.text.slice(a.fig.end, b.fig.start);
    if (yearBeforeNextYear(a, b, gap)) continue;
    if (!RANGE_GAP.test(gap)) continue;
    if (joinAmount(sc, a, b, gap)) {
      out.splice(k + 1, 1);
      continue;
    }
    if (yearRange(sc, a, b, gap) || yearBesideYear(a, b)) continue;
    if (!a.plain || a.fig.label !== 'NUMBER' || a.fig.value.number === undefined) continue;
    if (dayBeforeDayMonth(a, b)) continue;
    firstTakesSecond(a, b);
  }
}

/** "العام الجامعي 1436 1437هـ": a year written just before the next one, with only a space. */
function yearBeforeNextYear(a: Internal, b: Internal, gap: string): boolean {
  if (!(a.plain && a.fig.label === 'NUMBER' && b.fig.label === 'DATE' && /^\s+$/.test(gap) && FOUR_DIGITS.test(a.fig.text) &&
    (Number(b.fig.value.hijri ?? b.fig.value.date) === (a.fig.value.number ?? 0) + 1))) return false;
  a.fig.label = 'DATE';
  a.fig.value = b.fig.value.hijri ? { hijri: String(a.fig.value.number) } : { date: String(a.fig.value.number) };
  a.plain = false;
  return true;
}

/** "ثلاثة آلاف و750", "مليونان و500 ألف ريال": the parts of one amount joined by و, merged into a. */
function joinAmount(sc: ScanContext, a: Internal, b: Internal, gap: string): boolean {
  const av = a.fig.value;
  const bv = b.fig.value;
  if (!(a.fig.label === 'NUMBER' && a.scale > 1 && av.number !== undefined && bv.number !== undefined &&
    bv.number < a.scale && b.scale < a.scale && !bv.bound && /^\s*و$/.test(gap) &&
    (b.fig.label === 'NUMBER' || b.fig.label === 'MONEY' || b.fig.label === 'QUANTITY'))) return false;
  const v: FigureValue = { ...bv, number: roundValue(av.number + bv.number) };
  delete v.bound;
  if (av.bound) v.bound = av.bound;
  a.fig.label = b.fig.label;
  a.fig.value = v;
  a.fig.end = b.fig.end;
  a.fig.text = sc.text.slice(a.fig.start, a.fig.end);
  a.plain = false;
  return true;
}

/**
 * "(1940-2010)", "2014/2015": two years joined by a dash or slash, the second later and closing
 * the phrase (a bracket, punctuation, the end), are life dates or a season.
 */
function yearRange(sc: ScanContext, a: Internal, b: Internal, gap: string): boolean {
  if (!(a.plain && b.plain && a.fig.label === 'NUMBER' && b.fig.label === 'NUMBER' && yearPair(sc, a.fig, b.fig, gap))) return false;
  // "1436/1437": years between 1300 and 1500 are Hijri, as after a year word (year.ts).
  const hijri = (a.fig.value.number ?? 0) >= 1300 && (b.fig.value.number ?? 0) <= 1500;
  a.fig.label = 'DATE';
  a.fig.value = hijri ? { hijri: String(a.fig.value.number) } : { date: String(a.fig.value.number) };
  b.fig.label = 'DATE';
  b.fig.value = hijri ? { hijri: String(b.fig.value.number) } : { date: String(b.fig.value.number) };
  a.plain = b.plain = false;
  return true;
}

function yearPair(sc: ScanContext, a: FigureDetection, b: FigureDetection, gap: string): boolean {
  if (!FOUR_DIGITS.test(a.text) || !FOUR_DIGITS.test(b.text)) return false;
  if (!/^[\s\u200e\u200f]*[-–/][\s\u200e\u200f]*$/.test(gap)) return false;
  const x = a.value.number ?? 0;
  const y = b.value.number ?? 0;
  if (x < 1000 || y > 2100 || y <= x || y - x > 130) return false;
  const t = sc.text;
  let q = b.end;
  while (q < sc.n && isGap(t.charCodeAt(q))) q++;
  // "1500-2000 شخص" is a range of counts: a word after the pair keeps them numbers.
  return !(q < sc.n && (isLetter(t.charCodeAt(q)) || isDigit(t.charCodeAt(q))));
}

/**
 * A year and a four-digit number beside it (عامي 2014 و2015, 2014 و2015م): the number is a year
 * too. True when a is a year and b a plain number, whether or not b could be a year.
 */
function yearBesideYear(a: Internal, b: Internal): boolean {
  const av = a.fig.value;
  const bv = b.fig.value;
  // "عام 1442 أو 1443", "1435/1436هـ": a Hijri year and the number beside it, in the same calendar.
  const ay = av.date ?? av.hijri;
  if (a.fig.label === 'DATE' && ay && ay.length === 4 && b.fig.label === 'NUMBER' && b.plain) {
    const y = bv.number ?? 0;
    if (Number.isInteger(y) && y >= 1000 && y <= 2200 && b.fig.text.length === 4 && (av.date || Math.abs(y - Number(ay)) <= 10)) {
      b.fig.label = 'DATE';
      b.fig.value = av.date ? { date: String(y) } : { hijri: String(y) };
      b.plain = false;
    }
    return true;
  }
  if (a.plain && a.fig.label === 'NUMBER' && b.fig.label === 'DATE' && (bv.hijri?.length === 4 || bv.date?.length === 4) && FOUR_DIGITS.test(a.fig.text)) {
    const y = av.number ?? 0;
    a.fig.label = 'DATE';
    a.fig.value = bv.hijri ? { hijri: String(y) } : { date: String(y) };
    a.plain = false;
    return true;
  }
  return false;
}

/** "من 10 إلى 20 أغسطس", "من 2 ـ 4 / 6 / 1436هـ": a day number before a day-month takes its month and year. */
function dayBeforeDayMonth(a: Internal, b: Internal): boolean {
  const day = a.fig.value.number as number;
  const bv = b.fig.value;
  if (!(b.fig.label === 'DATE' && Number.isInteger(day) && day >= 1 && day <= 31 && !bv.weekday)) return false;
  let value: FigureValue | undefined;
  const full = bv.date && /^(\d{4})-(\d\d)-\d\d$/.exec(bv.date);
  if (full && isValidGregorian(+full[1], +full[2], day) && !bv.hijri) {
    value = { date: `${full[1]}-${full[2]}-${pad(day)}` };
  } else {
    // The same for a Hijri day-month-year.
    const hfull = bv.hijri && /^(\d{4})-(\d\d)-\d\d$/.exec(bv.hijri);
    const hday = hfull ? hijriToDayNumber(+hfull[1], +hfull[2], day) : undefined;
    if (hfull && hday !== undefined) {
      value = { date: isoDay(hday), hijri: `${hfull[1]}-${hfull[2]}-${pad(day)}` };
    } else {
      const rel = bv.relative && /^month:(\d\d);day:\d\d(;.*)?$/.exec(bv.relative);
      if (rel) value = { relative: `month:${rel[1]};day:${pad(day)}${rel[2] ?? ''}` };
    }
  }
  if (!value) return false;
  a.fig.label = 'DATE';
  a.fig.value = value;
  a.plain = false;
  return true;
}

/** "بين 10 و20 في المائة", "من 3 إلى 5 ملايين دولار": a plain number takes the scale, unit and currency of b. */
function firstTakesSecond(a: Internal, b: Internal): void {
  const av = a.fig.value;
  const bv = b.fig.value;
  let n = av.number as number;
  if (b.fig.label === 'NUMBER' && b.scale > 1 && n < b.scale && bv.number !== undefined) {
    av.number = roundValue(n * b.scale);
    return;
  }
  if (b.fig.label !== 'PERCENT' && b.fig.label !== 'MONEY' && b.fig.label !== 'QUANTITY' && b.fig.label !== 'DURATION') return;
  if (b.scale > 1 && n < b.scale) n = roundValue(n * b.scale);
  const v: FigureValue = { number: n };
  if (bv.unit) v.unit = bv.unit;
  if (bv.currency) v.currency = bv.currency;
  if (av.bound) v.bound = av.bound;
  if (bv.duration && bv.number) {
    const m = /^(PT?)([\d.]+)([A-Z])$/.exec(bv.duration);
    if (m) v.duration = m[1] + String(roundValue((n * +m[2]) / bv.number)) + m[3];
  }
  a.fig.label = b.fig.label;
  a.fig.value = v;
  a.plain = false;
}
