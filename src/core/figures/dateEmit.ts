// How a DATE figure is written out: a weekday read just before it is taken into its span, a year
// gets its calendar, and a relative date (أمس, العام الماضي, السبت المقبل) is resolved against the
// article's date, or kept as value.relative when there is none (vocabulary in index.ts).

import type { FigureValue } from '../types';
import { isoDay, isoWeek, pad, solarHijriYearInterval, weekdayOf, WEEKDAY_NAMES } from './calendar';
import type { ArticleDay, ScanContext } from './scanContext';

/** Emits a DATE; day is its day number when known, to check a weekday written before it. */
export function emitDate(sc: ScanContext, s: number, e: number, value: FigureValue, day: number | undefined): number {
  const wd = sc.pendingWeekday;
  if (wd !== undefined && day !== undefined) {
    value.weekday = WEEKDAY_NAMES[wd.d];
    if (weekdayOf(day) !== wd.d) value.weekdayMismatch = true;
    s = wd.s;
  } else if (wd !== undefined) {
    value.weekday = WEEKDAY_NAMES[wd.d];
    s = wd.s;
  }
  return sc.emit(s, e, 'DATE', value);
}

/** A year alone: Gregorian, Hijri (value.hijri), or Solar Hijri (its Gregorian interval). */
export function emitYear(sc: ScanContext, s: number, e: number, y: number, hijri: boolean, solar = false): number {
  if (solar) {
    // A Solar Hijri year runs from one March equinox to the next: its Gregorian days as an interval.
    const span = solarHijriYearInterval(y);
    return emitDate(sc, s, e, span ? { date: span } : {}, undefined);
  }
  if (hijri) return emitDate(sc, s, e, { hijri: String(y) }, undefined);
  return emitDate(sc, s, e, { date: String(y).padStart(4, '0') }, undefined);
}

export function emitRelative(sc: ScanContext, s: number, e: number, rel: string): number {
  const value: FigureValue = {};
  const resolved = sc.article ? resolveRelative(sc.article, rel) : undefined;
  if (resolved) value.date = resolved;
  else value.relative = rel;
  const m = /^weekday:([a-z]+)/.exec(rel);
  if (m) value.weekday = m[1];
  return sc.emit(s, e, 'DATE', value);
}

/** yyyy-mm of a month counted from a year (m may run below 1 or above 12). */
function yearMonth(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m - 1, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** The fixed relative words (yesterday, last-year, this-week …) against the article's day. */
function resolveFixed(a: ArticleDay, rel: string): string | undefined {
  switch (rel) {
    case 'yesterday':
      return isoDay(a.day - 1);
    case 'day-before-yesterday':
      return isoDay(a.day - 2);
    case 'tomorrow':
      return isoDay(a.day + 1);
    case 'day-after-tomorrow':
      return isoDay(a.day + 2);
    case 'last-year':
      return String(a.y - 1);
    case 'this-year':
      return String(a.y);
    case 'next-year':
      return String(a.y + 1);
    case 'last-month':
      return yearMonth(a.y, a.m - 1);
    case 'this-month':
      return yearMonth(a.y, a.m);
    case 'next-month':
      return yearMonth(a.y, a.m + 1);
    case 'last-week':
      return isoWeek(a.day - 7);
    case 'this-week':
      return isoWeek(a.day);
    case 'next-week':
      return isoWeek(a.day + 7);
    default:
      return undefined;
  }
}

/** A relative date as a date string, or undefined when this vocabulary entry is not resolved here. */
export function resolveRelative(a: ArticleDay, rel: string): string | undefined {
  const fixed = resolveFixed(a, rel);
  if (fixed !== undefined) return fixed;
  let m = /^month:(\d\d)(?:;(last|this|next))?$/.exec(rel);
  if (m) {
    const mo = +m[1];
    let y = a.y;
    if (m[2] === 'last' && mo >= a.m) y--;
    if (m[2] === 'next' && mo <= a.m) y++;
    return `${y}-${m[1]}`;
  }
  m = /^weekday:([a-z]+)(?:;(last|next|tomorrow|day-after-tomorrow))?$/.exec(rel);
  if (m) {
    const d = WEEKDAY_NAMES.indexOf(m[1]);
    if (m[2] === 'tomorrow' || m[2] === 'day-after-tomorrow') return isoDay(nearTomorrow(a.day + (m[2] === 'tomorrow' ? 1 : 2), d));
    const wd = weekdayOf(a.day);
    let delta: number;
    if (m[2] === 'next') delta = ((d - wd + 7) % 7) || 7;
    else if (m[2] === 'last') delta = -(((wd - d + 7) % 7) || 7);
    else delta = -((wd - d + 7) % 7);
    return isoDay(a.day + delta);
  }
  return undefined;
}

/**
 * The weekday d that غدا / بعد غد + d names, when غد points at the day `named` from the article's
 * date: the d from five days before it to the day after it. An article is dated on or a few days
 * after the day it was written (a text dated Tuesday that says غدا الجمعة wrote of the Friday
 * before), now and then a day before it (a text dated Friday that says بعد غد الاثنين).
 */
function nearTomorrow(named: number, d: number): number {
  let k = (d - weekdayOf(named) + 7) % 7;
  if (k >= 2) k -= 7;
  return named + k;
}
