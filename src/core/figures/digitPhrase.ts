// Reading a number written in digits, in any of the three digit systems: thousands groups
// (1,500,000 / ١٬٥٠٠ / 12.000.000), decimals (1.8, ١٫٥, 6,3), the wire-copy ر decimal (3ر5 = 5.3),
// Reuters' visual-order 5.\u200f0 (0.5). Phone numbers and identifiers are not numbers.

import { definiteAt, isDigit, isLatin, isLetter, significantLength } from './chars';
import { has, type Phrase, type ScanContext } from './scanContext';
import type { Reading } from './lexicon';

export function digitPhrase(sc: ScanContext, i: number): Phrase | undefined {
  const t = sc.text;
  const first = sc.digitRun(i);
  // Al-Hayat's visual order with a slash: "94/000ر59" is 59,000.94 (fraction / groups ر head).
  if (t[first.e] === '/' && first.e - i <= 3 && isDigit(t.charCodeAt(first.e + 1))) {
    const g = sc.digitRun(first.e + 1);
    if (g.e - first.e - 1 === 3 && t[g.e] === 'ر' && isDigit(t.charCodeAt(g.e + 1))) {
      const w = wireGroups(sc, [g.str], g.e);
      if (w) return { s: i, e: w.e, v: parseFloat(w.whole + '.' + first.str), scale: 1, isInt: false, digits: true, intLen: w.whole.length };
    }
  }
  const groups = thousandsGroups(sc, first.e, first.str);
  let intStr = groups.intStr;
  const seps = groups.seps;
  let p = groups.e;
  let numStr = intStr;
  let isInt = true;
  // Wire copy (KUNA, Al-Hayat) writes decimals with ر, fraction first: "3ر5" is 5.3, "4ر19" is 19.4.
  if (!seps && t[p] === 'ر' && isDigit(t.charCodeAt(p + 1))) {
    const f = sc.digitRun(p + 1);
    // "540ر999ر45": thousands groups in the same reversed order, 45,999,540.
    if (t[f.e] === 'ر' && isDigit(t.charCodeAt(f.e + 1))) {
      const w = wireGroups(sc, [intStr, f.str], f.e);
      return w ? { s: i, e: w.e, v: parseInt(w.whole, 10), scale: 1, isInt: true, digits: true, intLen: w.whole.length } : undefined;
    }
    if (!isLetter(t.charCodeAt(f.e))) {
      return { s: i, e: f.e, v: parseFloat(f.str + '.' + intStr), scale: 1, isInt: false, digits: true, intLen: significantLength(f.str) };
    }
  }
  // Reads past the end are guarded: optimised code that meets one is thrown away and compiled again.
  const c = p >= sc.n - 1 || (seps && t[p] === '.') ? 0 : t.charCodeAt(p);
  if (c === 0x2e || c === 0x66b || (c === 0x2c && !seps)) {
    if (c !== 0x2c && t.charCodeAt(p + 1) === 0x200f && p + 2 < sc.n && isDigit(t.charCodeAt(p + 2))) {
      // Reuters copy writes "5.\u200f0" for 0.5: the parts are stored in visual order.
      const f = sc.digitRun(p + 2);
      numStr = f.str + '.' + intStr;
      p = f.e;
      isInt = false;
    } else if (isDigit(t.charCodeAt(p + 1))) {
      const f = sc.digitRun(p + 1);
      if (c === 0x2e && dotThousands(sc, i, intStr, f.str, f.e)) {
        // "33.288 زجاجة": a dot grouping thousands before a counted noun.
        numStr = intStr + f.str;
        intStr = numStr;
        p = f.e;
      } else if (c !== 0x2c || f.str.length <= 2) {
        numStr = intStr + '.' + f.str;
        p = f.e;
        isInt = false;
      }
    }
  }
  if (looksLikeIdentifier(sc, p, intStr, seps, isInt)) return undefined;
  return { s: i, e: p, v: parseFloat(numStr), scale: 1, isInt, digits: true, intLen: significantLength(intStr) };
}

/** A slash or another ر and digits right after a ر number: a code (59ر000/94), not an amount. */
function wireTail(sc: ScanContext, q: number): boolean {
  const t = sc.text;
  return (t[q] === '/' || t[q] === 'ر') && isDigit(t.charCodeAt(q + 1));
}

/**
 * The end of a ر-written run that is no number: "59ر000/94" (a slash after it), "59ر000" (a
 * fraction-first decimal whose integer part would be "000"), a chain of groups not of three
 * digits. The whole run is skipped so no piece of it is read as a figure.
 */
export function wireCodeAt(sc: ScanContext, i: number): number | undefined {
  const t = sc.text;
  const end = sc.digitEnd(i);
  if (t[end] !== 'ر' || !isDigit(t.charCodeAt(end + 1))) return undefined;
  const a = sc.digitRun(i);
  const f = sc.digitRun(a.e + 1);
  // "الساعة 32ر06": wire copy's clock, minutes first, is 06:32.
  if (a.e - i === 2 && f.e - a.e - 1 <= 2 && +a.str < 60 && +f.str < 24 && !wireTail(sc, f.e) && !isLetter(t.charCodeAt(f.e)) && has(sc.prevWord(i), 'hourNoun')) {
    return sc.emit(i, f.e, 'TIME', { time: `${f.str.padStart(2, '0')}:${a.str}` });
  }
  const bad = wireTail(sc, f.e) || (f.str.length > 1 && f.str[0] === '0');
  if (!bad || isLetter(t.charCodeAt(f.e))) return undefined;
  if (t[f.e] === 'ر' && digitPhrase(sc, i)) return undefined;
  let q = f.e;
  while ((t[q] === '/' || t[q] === 'ر') && isDigit(t.charCodeAt(q + 1))) q = sc.digitRun(q + 1).e;
  return q;
}

/** Thousands groups after the first digit run: 1,500,000 / ١٬٥٠٠, and "12.000.000" with dots. */
function thousandsGroups(sc: ScanContext, p: number, intStr: string): { e: number; intStr: string; seps: boolean } {
  const t = sc.text;
  let seps = false;
  for (;;) {
    // Guarded reads: one past the end would deopt digitPhrase, which inlines this.
    const c = p < sc.n - 1 ? t.charCodeAt(p) : 0;
    if ((c === 0x2c || c === 0x66c) && isDigit(t.charCodeAt(p + 1))) {
      const g = sc.digitRun(p + 1);
      if (g.str.length === 3) {
        intStr += g.str;
        p = g.e;
        seps = true;
        continue;
      }
    }
    break;
  }
  // "12.000.000": two or more dot groups of three digits are thousands, not a decimal; so is one
  // group of three zeros after a short integer ("10.000 ريال"): no one writes a decimal that way.
  if (!seps && t[p] === '.' && (/^\.\d{3}\.\d{3}(?!\d)/.test(t.slice(p, p + 9)) ||
    (intStr.length <= 3 && intStr[0] !== '0' && /^\.000(?![\d٠-٩]|[.,٫]\d)/.test(t.slice(p, p + 6))))) {
    while (t[p] === '.' && /^\.\d{3}(?!\d)/.test(t.slice(p, p + 5))) {
      intStr += t.slice(p + 1, p + 4);
      p += 4;
    }
    seps = true;
  }
  return { e: p, intStr, seps };
}

/**
 * "33.288 زجاجة", "12.500 زائر": one to three digits, a dot and exactly three more, then an
 * indefinite noun the lexicon does not know (a counted noun, not a unit, currency, scale or per
 * cent word): the dot groups thousands; nobody counts 33.288 bottles.
 */
/** Words after a number that are no counted noun: adverbs, and measures the unit list does not know. */
const NOT_COUNTED: ReadonlySet<string> = new Set(['تقريبا', 'تقريباً', 'فقط', 'أيضا', 'ايضا', 'سنويا', 'شهريا', 'أسبوعيا', 'حاليا', 'ملغ', 'مغ', 'مل',
  'ملل', 'ميكرون', 'نانومتر', 'أوقية', 'اوقية', 'أونصة', 'اونصة', 'قيراط', 'جالون', 'غالون', 'فولت', 'أمبير', 'هرتز', 'بكسل']);

const LEVEL_BEFORE: ReadonlySet<string> = new Set(['إلى', 'الى', 'عند', 'مستوى', 'بمستوى', 'لمستوى']);

function dotThousands(sc: ScanContext, s: number, intStr: string, frac: string, e: number): boolean {
  if (frac.length !== 3 || intStr.length > 3 || intStr[0] === '0') return false;
  const t = sc.text;
  // "انخفض المؤشر إلى 96.599 مسجلا": a level reached is a value, read as written.
  const before = sc.prevWord(s);
  if (before && LEVEL_BEFORE.has(t.slice(before.s, before.e))) return false;
  if (e >= sc.n || t[e] !== ' ') return false;
  const w = sc.wordAt(e + 1);
  if (!w) return false;
  // "منذ 2.500 عام", "على ارتفاع 1.760 متر": years and days, metres, feet and miles are not
  // measured to a thousandth in the news; the dot groups thousands there too.
  if (w.r.length > 0) return w.r.some(coarseMeasure) && !(+intStr < 3 && w.r.some(metre) && ownLengthBefore(sc, s));
  if (w.e - w.s < 3 || NOT_COUNTED.has(t.slice(w.s, w.e))) return false;
  return !definiteAt(t, w.s, w.s + 4);
}

/** A reading of metres. */
function metre(r: Reading): boolean {
  return r.e.t === 'unit' && r.e.unit === 'متر';
}

/**
 * "يبلغ طوله 1.524 متر": a length or stature with a possessive (طوله، طولها، قامته) within three
 * words before: a person's or a thing's own size, read to the millimetre. With a whole part under 3
 * the dot stays a decimal point. (ارتفاعه stays thousands: the height of a mountain, 1.760 متر.)
 */
function ownLengthBefore(sc: ScanContext, s: number): boolean {
  let p = s;
  for (let k = 0; k < 3; k++) {
    const w = sc.prevWord(p);
    if (!w) return false;
    if (/^(?:[وف]?(?:ب)?)(?:طول|قامت)(?:ه|ها|هم|هما|هن)$/.test(sc.text.slice(w.s, w.e))) return true;
    p = w.s;
  }
  return false;
}

/** A reading of a measure never given to three decimals: a calendar time unit or a length of metres, feet or miles (no clitic). */
function coarseMeasure(r: Reading): boolean {
  if (r.pre !== '') return false;
  const e = r.e;
  if (e.t === 'tunit') return !e.time && !e.dual;
  return e.t === 'unit' && (e.unit === 'متر' || e.unit === 'قدم' || e.unit === 'ميل');
}

/** Phone numbers and identifiers: long runs without separators, a leading zero, hyphen chains, Latin after. */
function looksLikeIdentifier(sc: ScanContext, p: number, intStr: string, seps: boolean, isInt: boolean): boolean {
  const t = sc.text;
  if (!seps && isInt && (intStr.length >= 10 || (intStr.length >= 5 && intStr[0] === '0'))) return true;
  if (!seps && isInt && intStr.length >= 5) {
    // "050-123-4567", "1-800-555": digit groups chained with hyphens.
    if (t[p] === '-' && isDigit(t.charCodeAt(p + 1))) return true;
  }
  if (t[p] === '-' && isDigit(t.charCodeAt(p + 1)) && intStr.length <= 4) {
    const g = sc.digitRun(p + 1);
    if (t[g.e] === '-' && isDigit(t.charCodeAt(g.e + 1))) return true;
  }
  return p < sc.n && isLatin(t.charCodeAt(p));
}

/**
 * Wire copy's reversed ر groups ("540ر999ر45", the groups of "94/000ر59"): the runs read so far
 * (`parts`, lowest first) and every further «ر digits» from q. A number when all but the last run
 * are three-digit groups and the last, its head, has one to three digits, no leading zero, and
 * ends the word; then its digits in reading order and where it ends.
 */
function wireGroups(sc: ScanContext, parts: string[], q: number): { whole: string; e: number } | undefined {
  const t = sc.text;
  while (t[q] === 'ر' && isDigit(t.charCodeAt(q + 1))) {
    const g = sc.digitRun(q + 1);
    parts.push(g.str);
    q = g.e;
  }
  const head = parts[parts.length - 1]!;
  if (!parts.slice(0, -1).every((x) => x.length === 3) || head.length > 3 || head[0] === '0' || isLetter(t.charCodeAt(q)) || wireTail(sc, q)) return undefined;
  return { whole: parts.reverse().join(''), e: q };
}
