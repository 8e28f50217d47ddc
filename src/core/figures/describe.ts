// The hover line for a figure: its normalised value in Arabic-Indic digits and in Arabic words, the
// date in both calendars with its weekday, and a warning when a named weekday does not fit the date.

import { LABEL_AR } from '../labelNames';
import type { Bound, FigureDetection, FigureLabel } from '../types';
import { dayNumber, gregorianToHijri, hijriToDayNumber, parseIso, weekdayOf, WEEKDAY_NAMES } from './calendar';

export function figureLabelName(label: FigureLabel): string {
  return LABEL_AR[label];
}

export const ARABIC_WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
export const HIJRI_MONTHS = ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'];
export const GREGORIAN_MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];

const BOUND_WORDS: Record<Bound, string> = {
  about: 'نحو',
  'more-than': 'أكثر من',
  'less-than': 'أقل من',
  'at-least': 'لا يقل عن',
  'at-most': 'لا يزيد على',
};

const ONES = ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة'];
const TENS = ['', 'عشرة', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];
const HUNDREDS = ['', 'مئة', 'مئتان', 'ثلاثمئة', 'أربعمئة', 'خمسمئة', 'ستمئة', 'سبعمئة', 'ثمانمئة', 'تسعمئة'];
/** Scale words: singular, dual, plural (3–10), accusative singular (11–99). */
const SCALES: Array<[number, string, string, string, string]> = [
  [1e12, 'تريليون', 'تريليونان', 'تريليونات', 'تريليونًا'],
  [1e9, 'مليار', 'ملياران', 'مليارات', 'مليارًا'],
  [1e6, 'مليون', 'مليونان', 'ملايين', 'مليونًا'],
  [1e3, 'ألف', 'ألفان', 'آلاف', 'ألفًا'],
];

/** 0–999 in words (masculine counting form). */
function belowThousand(n: number): string {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h) parts.push(HUNDREDS[h]);
  if (r) {
    if (r <= 10) parts.push(ONES[r]);
    else if (r === 11) parts.push('أحد عشر');
    else if (r === 12) parts.push('اثنا عشر');
    else if (r < 20) parts.push(`${ONES[r - 10]} عشر`);
    else {
      const u = r % 10;
      const t = TENS[Math.floor(r / 10)];
      parts.push(u ? `${ONES[u]} و${t}` : t);
    }
  }
  return parts.join(' و');
}

/** A non-negative integer below 10^15 in Arabic words: 3000 → "ثلاثة آلاف". */
export function integerToArabicWords(n: number): string {
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) throw new RangeError(`not a whole number: ${n}`);
  if (n === 0) return 'صفر';
  if (n >= 1e15) return String(n);
  const parts: string[] = [];
  let rest = n;
  for (const [size, one, two, plural, accusative] of SCALES) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (!count) continue;
    if (count === 1) parts.push(one);
    else if (count === 2) parts.push(two);
    else {
      const tail = count % 100;
      const word = tail >= 3 && tail <= 10 ? plural : tail >= 11 ? accusative : one;
      parts.push(`${belowThousand(count)} ${word}`);
    }
  }
  if (rest) parts.push(belowThousand(rest));
  return parts.join(' و');
}

/** Any finite number in words: negatives with سالب, decimals with فاصل and the digits after it. */
export function numberToArabicWords(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n < 0) return `سالب ${numberToArabicWords(-n)}`;
  if (Number.isInteger(n)) return integerToArabicWords(n);
  const [int, frac] = String(n).split('.');
  if (!frac || /e/i.test(String(n))) return integerToArabicWords(Math.round(n));
  const leadingZeros = /^0*/.exec(frac)?.[0].length ?? 0;
  const zeros = Array.from({ length: leadingZeros }, () => 'صفر').join(' ');
  const fracWords = integerToArabicWords(parseInt(frac, 10));
  return `${integerToArabicWords(parseInt(int, 10))} فاصل ${zeros ? zeros + ' ' : ''}${fracWords}`;
}

// Created on first use: loading ICU's Arabic data costs milliseconds that activation should not pay.
let arabicNumber: Intl.NumberFormat | undefined;
/** 3000 → "٣٬٠٠٠". */
export function arabicDigits(n: number): string {
  arabicNumber ??= new Intl.NumberFormat('ar-u-nu-arab', { maximumFractionDigits: 6 });
  return arabicNumber.format(n);
}

let currencyNames: Intl.DisplayNames | undefined;
function currencyName(code: string): string {
  try {
    currencyNames ??= new Intl.DisplayNames('ar', { type: 'currency' });
    return currencyNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const ORDINAL_UNITS = ['', 'الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر'];

/** 1–99 as a masculine ordinal: الخامس عشر, الحادي والعشرون; undefined beyond. */
export function ordinalWords(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 99) return undefined;
  if (n <= 10) return ORDINAL_UNITS[n];
  const u = n % 10;
  const unit = u === 1 ? 'الحادي' : ORDINAL_UNITS[u];
  if (n < 20) return `${unit} عشر`;
  const tens = `ال${TENS[Math.floor(n / 10)]}`;
  return u ? `${unit} و${tens}` : tens;
}

/** Time units: singular, dual, plural (3–10). */
const DURATION_UNITS: Record<string, [string, string, string]> = {
  Y: ['سنة', 'سنتان', 'سنوات'],
  M: ['شهر', 'شهران', 'أشهر'],
  W: ['أسبوع', 'أسبوعان', 'أسابيع'],
  D: ['يوم', 'يومان', 'أيام'],
  H: ['ساعة', 'ساعتان', 'ساعات'],
  TM: ['دقيقة', 'دقيقتان', 'دقائق'],
  S: ['ثانية', 'ثانيتان', 'ثوانٍ'],
};

/** "P25Y" → "٢٥ سنة — خمس وعشرون سنة" kept simple: digits, the counted unit, the number in words. */
function durationWords(iso: string): string {
  const m = /^P(T?)([\d.]+)([YMWDHS])$/.exec(iso);
  if (!m) return iso;
  const [one, two, plural] = DURATION_UNITS[m[1] && m[3] === 'M' ? 'TM' : m[3]];
  const n = parseFloat(m[2]);
  if (n === 1) return one;
  if (n === 2) return two;
  const unit = Number.isInteger(n) && n % 100 >= 3 && n % 100 <= 10 ? plural : one;
  return `${arabicDigits(n)} ${unit} (${numberToArabicWords(n)})`;
}

/** "الثلاثاء 19 شوال 1436 هـ" for a Gregorian day number. */
function hijriLine(day: number): string {
  const h = gregorianToHijri(day);
  const wd = ARABIC_WEEKDAYS[weekdayOf(day)];
  return h ? `${wd} ${h.d} ${HIJRI_MONTHS[h.m - 1]} ${h.y} هـ` : wd;
}

function describeDate(fig: FigureDetection): string {
  const v = fig.value;
  const parts: string[] = [];
  const iso = v.date ? parseIso(v.date) : undefined;
  const span = v.date ? /^(\d{4})-(\d\d)-(\d\d)\/(\d{4})-(\d\d)-(\d\d)$/.exec(v.date) : null;
  if (span) {
    // A Solar Hijri year: the Gregorian days it covers.
    const day = (y: string, m: string, d: string) => `${+d} ${GREGORIAN_MONTHS[+m - 1]} ${y}`;
    parts.push(`${v.date} — من ${day(span[1], span[2], span[3])} إلى ${day(span[4], span[5], span[6])} (سنة هجرية شمسية)`);
  } else if (v.date && iso && iso.m && iso.d) {
    const day = dayNumber(iso.y, iso.m, iso.d);
    parts.push(`${v.date} — ${hijriLine(day)}`);
    parts.push(`${iso.d} ${GREGORIAN_MONTHS[iso.m - 1]} ${iso.y} م`);
  } else if (v.date && iso && iso.m) {
    parts.push(`${v.date} — ${GREGORIAN_MONTHS[iso.m - 1]} ${iso.y}`);
  } else if (v.date) {
    const week = /^(\d{4})-W(\d\d)$/.exec(v.date);
    parts.push(week ? `${v.date} — الأسبوع ${+week[2]} من عام ${week[1]}` : `${v.date} — عام ${v.date}`);
  } else if (v.hijri) {
    const [y, m, d] = v.hijri.split('-').map((x) => parseInt(x, 10));
    const day = d ? hijriToDayNumber(y, m, d) : undefined;
    if (day === undefined && d) parts.push(`${v.hijri} هـ — تاريخ هجري غير موجود في تقويم أم القرى`);
    else parts.push(`${v.hijri} هـ${m ? ` — ${HIJRI_MONTHS[m - 1]} ${y} هـ` : ''}`);
  }
  if (v.relative) parts.push(`تاريخ نسبي (${v.relative}) — لم يُعرف تاريخ المقال لتحديده`);
  if (v.weekday && v.weekdayMismatch && iso && iso.m && iso.d) {
    const named = ARABIC_WEEKDAYS[WEEKDAY_NAMES.indexOf(v.weekday)];
    const actual = ARABIC_WEEKDAYS[weekdayOf(dayNumber(iso.y, iso.m, iso.d))];
    parts.push(`⚠ اليوم المذكور (${named}) لا يوافق التاريخ: كان يوم ${actual}`);
  }
  return parts.join('\n');
}

/** The hover text of a figure: value as a reader trusts it, in Arabic. */
export function describeFigure(fig: FigureDetection): string {
  const v = fig.value;
  const bound = v.bound ? `${BOUND_WORDS[v.bound]} ` : '';
  const label = figureLabelName(fig.label);
  switch (fig.label) {
    case 'DATE':
      return `${label}: ${describeDate(fig)}`;
    case 'TIME':
      return `${label}: ${v.time ?? fig.text}${v.time ? ` — الساعة ${arabicDigits(parseInt(v.time, 10))}:${v.time.slice(3).replace(/\d/g, (d) => String.fromCharCode(0x660 + +d))}` : ''}`;
    case 'DURATION':
      return `${label}: ${bound}${v.duration ? `${v.duration} — ${durationWords(v.duration)}` : fig.text}`;
    default:
      break;
  }
  if (v.number === undefined) return `${label}: ${fig.text}`;
  if (fig.label === 'ORDINAL') {
    const word = ordinalWords(v.number);
    return `${label}: ${arabicDigits(v.number)} — ${word ?? `رقم ${numberToArabicWords(v.number)}`}`;
  }
  const n = v.number;
  let unit = '';
  if (fig.label === 'PERCENT') unit = '٪';
  else if (fig.label === 'MONEY') unit = v.currency ? ` ${currencyName(v.currency)} (${v.currency})` : v.unit ? ` ${v.unit}` : '';
  else if (v.unit) unit = ` ${v.unit}`;
  const words = numberToArabicWords(n) + (fig.label === 'PERCENT' ? ' في المئة' : '');
  return `${label}: ${bound}${arabicDigits(n)}${unit} — ${words}`;
}
