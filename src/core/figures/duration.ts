// DURATION: a number followed by a time unit (25 عاما → P25Y, عشرين دقيقة → PT20M, ages included),
// duals of time units on their own (الشهرين المقبلين → P2M), and a plural unit before its number
// (الأشهر الستة الماضية, الساعات الـ48 الماضية). A following الماضية / المقبلة is in the span.

import { fold } from '../arabic';
import type { FigureValue } from '../types';
import { bounded } from './bounds';
import { isDigit, isoDuration } from './chars';
import { get, type Phrase, type ScanContext, type TailContext, type Word } from './scanContext';
import { digitPhrase } from './digitPhrase';
import type { Entry } from './lexicon';
import { parseWordNumber } from './numberWords';

type TimeUnit = Extract<Entry, { t: 'tunit' }>;

const SINGULAR_TIME_UNITS = new Set(['يوم', 'ساعه', 'سنه', 'عام', 'شهر', 'اسبوع', 'دقيقه', 'ثانيه', 'عقد', 'قرن']);

/** DURATION: a time unit (3 أيام, 5 سنوات) with an optional qualifier after it. */
export function durationTail(sc: ScanContext, c: TailContext): number | undefined {
  const { ph, v, scale, w } = c;
  const tu = get(w, 'tunit');
  if (!(w && tu && tu.pre === '' && !tu.dual)) return undefined;
  const e = qualAfter(sc, w.e);
  return sc.emit(ph.s, e, 'DURATION', bounded(sc, ph.s, e, { number: v, duration: isoDuration(v * tu.mult, tu.des, tu.time) }), scale);
}

/** A dual time unit alone: يومين, الشهرين المقبلين. */
export function dualDuration(sc: ScanContext, w: Word, tu: TimeUnit): number | undefined {
  const e = qualAfter(sc, w.e);
  return sc.emit(w.s, e, 'DURATION', bounded(sc, w.s, e, { number: 2, duration: isoDuration(2 * tu.mult, tu.des, tu.time) }));
}

/** The end of a following الماضية / المقبلة / الجاري (part of a duration or date span), or e. */
function qualAfter(sc: ScanContext, e: number): number {
  const w = sc.nextWord(e);
  const qual = get(w, 'qual');
  return w && qual && qual.pre === '' ? w.e : e;
}

/** "الأشهر الستة الماضية", "الساعات الـ48 الماضية", "السنوات الخمس المقبلة". */
export function reversedDuration(sc: ScanContext, w: Word, tu: TimeUnit): number | undefined {
  // Only plurals count this way round: "اليوم الاثنين" is today, Monday.
  if (SINGULAR_TIME_UNITS.has(fold(w.key).replace(/^(?:و|ف)?(?:ب|ك)?(?:ال|لل)/, ''))) return undefined;
  const ph = definiteNumberAfter(sc, w.e);
  if (!ph || ph.scale > 1 || ph.v < 2) return undefined;
  const e = qualAfter(sc, ph.e);
  const value: FigureValue = { number: ph.v, duration: isoDuration(ph.v * tu.mult, tu.des, tu.time) };
  return sc.emit(w.s, e, 'DURATION', bounded(sc, w.s, e, value));
}

/** الـ48 / ال 48 (digits after the article) or a definite number word (الستة) after p. */
function definiteNumberAfter(sc: ScanContext, p: number): Phrase | undefined {
  const t = sc.text;
  let q = sc.skipGap(p);
  if (t.startsWith('ال', q)) {
    let r = q + 2;
    while (t.charCodeAt(r) === 0x640) r++;
    r = sc.skipGap(r);
    if (isDigit(t.charCodeAt(r))) {
      q = r;
      const ph = digitPhrase(sc, r);
      if (ph) return ph;
    }
  }
  const w2 = sc.wordAt(q);
  const num = w2?.r.find((r) => (r.e.t === 'num' || r.e.t === 'scale') && /^(?:ال|لل)$/.test(r.pre));
  if (!w2 || !num) return undefined;
  return parseWordNumber(sc, w2);
}

/**
 * "1/15/8 دقيقة", "1/14/57 دقيقة": a race time written minutes/seconds/fractions before a minute
 * word is one DURATION (PT1M15.8S), its number the seconds in all (75.8), not three counts.
 * The seconds take two digits and stay under 60; the fraction is one to three digits.
 */
export function raceTimeAt(sc: ScanContext, i: number): number | undefined {
  const t = sc.text;
  const a = sc.digitRun(i);
  if (a.e - i > 2 || t[a.e] !== '/') return undefined;
  const min = +a.str;
  const b = sc.digitRun(a.e + 1);
  if (b.e - (a.e + 1) !== 2 || t[b.e] !== '/') return undefined;
  const sec = +b.str;
  if (sec >= 60) return undefined;
  const c = sc.digitRun(b.e + 1);
  const fl = c.e - (b.e + 1);
  if (fl < 1 || fl > 3) return undefined;
  const frac = c.str;
  const w = sc.nextWord(c.e);
  const tu = get(w, 'tunit');
  if (!w || !tu || tu.des !== 'M' || !tu.time || tu.pre !== '' || sc.skipGap(c.e) !== w.s || w.s === c.e) return undefined;
  const seconds = min * 60 + sec + Number('0.' + frac);
  const value: FigureValue = { number: Math.round(seconds * 1000) / 1000, duration: `PT${min}M${sec}.${frac}S` };
  return sc.emit(i, w.e, 'DURATION', value);
}
