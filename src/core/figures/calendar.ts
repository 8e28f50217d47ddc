// Gregorian ↔ Hijri (Umm al-Qura, the Saudi civil calendar) conversion built on ICU through Intl,
// plus the small date arithmetic relative dates need. Dates are UTC day numbers (days since 1970-01-01).

const DAY_MS = 86400000;

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

let umalqura: Intl.DateTimeFormat | undefined;
function formatter(): Intl.DateTimeFormat {
  umalqura ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  return umalqura;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(n: number): number {
  return new Date(n * DAY_MS).getUTCDay();
}

export function isValidGregorian(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const f = fromDayNumber(dayNumber(y, m, d));
  return f.y === y && f.m === m && f.d === d;
}

export function gregorianToHijri(n: number): Ymd | undefined {
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of formatter().formatToParts(new Date(n * DAY_MS))) {
    if (p.type === 'year') y = parseInt(p.value, 10);
    else if (p.type === 'month') m = parseInt(p.value, 10);
    else if (p.type === 'day') d = parseInt(p.value, 10);
  }
  return y > 0 && m > 0 && d > 0 ? { y, m, d } : undefined;
}

const hijriCache = new Map<number, number | null>();

/**
 * The Gregorian day number of a Hijri date, or undefined when the date does not exist (day 30 of a
 * 29-day month). The tabular (civil) calendar gives a first guess within two days of Umm al-Qura;
 * ICU then confirms the exact day by formatting the days around it.
 */
export function hijriToDayNumber(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 30 || y < 1) return undefined;
  const key = (y * 13 + m) * 31 + d;
  const cached = hijriCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const jd = Math.floor((11 * y + 3) / 30) + 354 * y + 30 * m - Math.floor((m - 1) / 2) + d + 1948440 - 385;
  const guess = jd - 2440588; // Julian day → days since 1970-01-01
  let found: number | null = null;
  for (const delta of [0, -1, 1, -2, 2, -3, 3]) {
    const h = gregorianToHijri(guess + delta);
    if (h && h.y === y && h.m === m && h.d === d) {
      found = guess + delta;
      break;
    }
  }
  hijriCache.set(key, found);
  return found ?? undefined;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isoDay(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Parse yyyy[-mm[-dd]] into its parts; undefined fields for coarser precision. */
export function parseIso(s: string): { y: number; m?: number; d?: number } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return undefined;
  return {
    y: parseInt(m[1], 10),
    m: m[2] ? parseInt(m[2], 10) : undefined,
    d: m[3] ? parseInt(m[3], 10) : undefined,
  };
}

/** ISO 8601 week (yyyy-Www) of a day number. */
export function isoWeek(n: number): string {
  const wd = (weekdayOf(n) + 6) % 7; // Monday = 0
  const thursday = n - wd + 3;
  const { y } = fromDayNumber(thursday);
  const week = Math.floor((thursday - dayNumber(y, 1, 1)) / 7) + 1;
  return `${y}-W${pad(week)}`;
}

let persian: Intl.DateTimeFormat | undefined;

/** A Gregorian day number as a Solar Hijri (Iranian / Afghan civil calendar) date, through ICU. */
export function gregorianToSolarHijri(n: number): Ymd | undefined {
  persian ??= new Intl.DateTimeFormat('en-u-ca-persian', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of persian.formatToParts(new Date(n * DAY_MS))) {
    if (p.type === 'year') y = parseInt(p.value, 10);
    else if (p.type === 'month') m = parseInt(p.value, 10);
    else if (p.type === 'day') d = parseInt(p.value, 10);
  }
  return y > 0 && m > 0 && d > 0 ? { y, m, d } : undefined;
}

/**
 * The Gregorian day number of a Solar Hijri date (the year starts at the March equinox, about
 * 21 March of year + 621; months 1–6 have 31 days, 7–11 have 30, the 12th 29 or 30), or undefined
 * when the date does not exist. The first guess is checked against ICU's Persian calendar.
 */
export function solarHijriToDayNumber(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1) return undefined;
  const offset = (m <= 7 ? (m - 1) * 31 : 6 * 31 + (m - 7) * 30) + d - 1;
  const guess = dayNumber(y + 621, 3, 21) + offset;
  for (const delta of [0, -1, 1, -2, 2]) {
    const h = gregorianToSolarHijri(guess + delta);
    if (h && h.y === y && h.m === m && h.d === d) return guess + delta;
  }
  return undefined;
}

/** A whole Solar Hijri year as an ISO 8601 interval of Gregorian days: 1388 → 2009-03-21/2010-03-20. */
export function solarHijriYearInterval(y: number): string | undefined {
  const first = solarHijriToDayNumber(y, 1, 1);
  const next = solarHijriToDayNumber(y + 1, 1, 1);
  if (first === undefined || next === undefined) return undefined;
  return `${isoDay(first)}/${isoDay(next - 1)}`;
}
