// A figure starting at a digit: list numbers, times (hh:mm) and numeric dates are tried first, then
// the number is read (digitPhrase.ts) with the sign, % or currency symbol written before it and
// the brackets or quotes around it, and what follows decides its label (afterNumber.ts).

import { labelNumber } from './afterNumber';
import { CLOSER, isDigit, isGap, isLatin, isLetter } from './chars';
import type { Forced, Phrase, ScanContext } from './scanContext';
import { numericDateAt } from './dates';
import { digitPhrase, wireCodeAt } from './digitPhrase';
import { SYMBOLS } from './money';
import { percentWordAfter } from './numberWords';
import { identifierAcross, identifierBefore, identifierEnd, listNumberAt, scoreAt, shortCodeNear, timelineYearAt, modelNameBefore, namingNumber, quotedNameNumber, quotedTitle } from './notFigures';
import { timeAt } from './time';
import { raceTimeAt } from './duration';
import { emitYear } from './dateEmit';

/** The figure at the digit at i; returns where scanning goes on (i when nothing was read). */
export function atDigits(sc: ScanContext, i: number): number {
  const t = sc.text;
  const prev = i > 0 ? t.charCodeAt(i - 1) : 0;
  if (isLatin(prev) || prev === 0x40 || prev === 0x23 || prev === 0x5f) return i;
  // "+966…" is a telephone number; "+1.5 في المئة" a signed percentage.
  if (prev === 0x2b /* + */ && !signedPercentAt(sc, i)) return i;
  if (prev === 0x2d && i > 1 && (isLatin(t.charCodeAt(i - 2)) || isDigit(t.charCodeAt(i - 2)))) {
    // "COVID-19"; a digit before the hyphen is a range handled where the first number ended.
    if (isLatin(t.charCodeAt(i - 2))) return i;
  }
  // List numbers, timeline years, times, scores, numeric dates and wire codes all need the digits to
  // open a line or to be followed (after spaces) by one of - – / . : ر; most numbers are neither,
  // and skip those checks without a call (they are out of line in shapedAt to keep this function small).
  const end = sc.digitEnd(i);
  const gap = sc.skipGap(end);
  // Reads stay within the text: one past its end would deopt this function.
  const after = gap < sc.n ? t.charCodeAt(gap) : 0;
  let j = i - 1;
  while (j >= 0 && isGap(t.charCodeAt(j))) j--;
  if (j < 0 || t.charCodeAt(j) === 0x0a || t.charCodeAt(j) === 0x0d || (t.charCodeAt(j) === 0x28 && after === 0x29) || after === 0x2d || after === 0x2013 || after === 0x2f ||
    after === 0x2e || after === 0x3a || (end < sc.n && t.charCodeAt(end) === 0x631)) {
    const shaped = shapedAt(sc, i);
    if (shaped >= 0) return shaped;
  }
  const ph = digitPhrase(sc, i);
  if (!ph) return i;
  // فيلم "71": a number alone in quotes after the noun of a work is its title.
  if (quotedTitle(sc, ph.s, ph.e)) return ph.e;
  // "القرار 2216", "عقد رقم (6)", "المادة 12": a number naming a thing is no figure; nor is a
  // model number after a Latin name or a spelled-out letter ("EliteBook 1020", "إف 16", "بي-52").
  if (identifierBefore(sc, i)) return identifierEnd(sc, ph.e);
  if (modelNameBefore(sc, i)) return ph.e;
  // "قرار مجلس الأمن الدولي 2216": the identifier noun a few words before, across a name.
  if (ph.isInt && ph.intLen >= 2 && identifierAcross(sc, ph.s, ph.e)) return ph.e;
  // "أرسل sms إلى 88548", "Stc 635031": an SMS short code.
  if (ph.isInt && ph.intLen >= 5 && shortCodeNear(sc, ph.s, ph.e)) return ph.e;
  // "منتخب تحت 19 سنة", "العدد 17167 بتاريخ": an age group or an issue number names, it does not count.
  // “ويندوز 10″, ”الصمصام 5″, "5 + 1", الهاتف (19988): a name or a telephone number.
  if (namingNumber(sc, ph.s, ph.e) || quotedNameNumber(sc, ph.s, ph.e)) return ph.e;
  const forced = signBefore(sc, ph);
  // "(18) ألف ريال", "(6,3) مليارات": digits in brackets before their scale or currency word.
  if (!forced) enclose(sc, ph);
  return labelNumber(sc, ph, forced, definiteBefore(sc, i));
}

/**
 * The figures and non-figures read from the shape of the digits at i: a list number, a timeline
 * year, a time, a score, a numeric date or a wire code, in that order. Where scanning goes on, or
 * -1 when none of them is there.
 */
function shapedAt(sc: ScanContext, i: number): number {
  const t = sc.text;
  const item = listNumberAt(sc, i);
  if (item) return item;
  // "1990- استقالة …": a year heading a timeline entry.
  const entry = timelineYearAt(sc, i);
  if (entry) {
    const y = sc.digitRun(i);
    return emitYear(sc, i, entry, +y.str, +y.str >= 1300 && +y.str <= 1500);
  }
  const time = timeAt(sc, i);
  if (time) return time;
  // "فاز 2-0", "(0/ 2)" in a match report: a score, no figure.
  const score = scoreAt(sc, i);
  if (score) return score;
  // "1/15/8 دقيقة": a race time, one duration.
  if (t[sc.digitEnd(i)] === '/') {
    const race = raceTimeAt(sc, i);
    if (race) return race;
  }
  const date = numericDateAt(sc, i);
  if (date) return date;
  // "59ر000/94": a wire-copy run that reads as no number is skipped whole.
  const code = wireCodeAt(sc, i);
  if (code) return code;
  return -1;
}

/**
 * Prefixes: a minus sign (negates ph), a per-cent sign or a currency symbol written before the
 * number; ph.s moves back over it. Returns the label such a sign forces.
 */
function signBefore(sc: ScanContext, ph: Phrase): Forced | undefined {
  const t = sc.text;
  let s = ph.s;
  let forced: Forced | undefined;
  if (s >= 1 && s - 1 >= sc.lastEnd) {
    const c = t[s - 1];
    const before = s >= 2 ? t.charCodeAt(s - 2) : 0x20;
    if ((c === '%' || c === '٪') && !isDigit(before)) {
      forced = { label: 'PERCENT' };
      s--;
    } else if ((c === '-' || c === '−') && !isDigit(before) && !isLetter(before) && !isLatin(before)) {
      ph.v = -ph.v;
      s--;
    } else {
      let j = s - 1;
      while (j >= sc.lastEnd && j >= s - 2 && t[j] === ' ') j--;
      if (j >= sc.lastEnd && SYMBOLS[t[j]]) {
        forced = { label: 'MONEY', currency: SYMBOLS[t[j]] };
        s = j;
      }
    }
  }
  ph.s = s;
  return forced;
}

/** "(18) ألف ريال", «500» ألف ريال: the brackets or quotes join the span when a scale, currency or unit follows. */
function enclose(sc: ScanContext, ph: Phrase): void {
  const t = sc.text;
  let open = ph.s - 1;
  while (open >= sc.lastEnd && t[open] === ' ') open--;
  const close = sc.skipGap(ph.e);
  if (open >= sc.lastEnd && CLOSER[t[open]] !== undefined && t[close] === CLOSER[t[open]]) {
    const w = sc.nextWord(close + 1);
    // "(4.8) في المائة" as "(4.4) مليار ريال": the percent words after the bracket too.
    if (w && (w.r.some((r) => r.pre === '' && (r.e.t === 'scale' || r.e.t === 'cur' || r.e.t === 'unit' || (r.e.t === 'tunit' && !r.e.dual))) ||
      percentWordAfter(sc, close + 1))) {
      ph.s = open;
      ph.e = close + 1;
    }
  }
}

/** الـ60 / ال60 / الـ 60: the article written in front of digits. */
function definiteBefore(sc: ScanContext, i: number): boolean {
  const t = sc.text;
  let j = i - 1;
  if (j >= 0 && t[j] === ' ') j--;
  while (j >= 0 && t.charCodeAt(j) === 0x640) j--;
  return j >= 1 && t[j] === 'ل' && (t[j - 1] === 'ا' || t[j - 1] === 'ل') && (j < 2 || !isLetter(t.charCodeAt(j - 2)) || t[j - 2] === 'و' || t[j - 2] === 'ب');
}

/** "+1.5 في المئة", "+2%": digits (with a decimal part) right after a plus sign, then a percent. */
function signedPercentAt(sc: ScanContext, i: number): boolean {
  const t = sc.text;
  if (i > 1 && isDigit(t.charCodeAt(i - 2))) return false;
  let e = sc.digitEnd(i);
  if (e - i > 3) return false;
  if (e + 1 < sc.n && (t[e] === '.' || t[e] === '٫' || t[e] === ',') && isDigit(t.charCodeAt(e + 1))) e = sc.digitEnd(e + 1);
  return (e < sc.n && (t[e] === '%' || t[e] === '٪')) || percentWordAfter(sc, e);
}
