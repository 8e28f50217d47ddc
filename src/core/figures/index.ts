// Figures: numbers, percentages, money, quantities, dates, times, durations and ordinals in Arabic
// news text, found by one left-to-right pass that only tries the grammar at digits and known words.
//
// Label rules (the same everywhere, so a highlight means one thing):
// - PERCENT: a number with %, ٪ (either side), في المئة / في المائة / بالمئة / بالمائة. unit "percent".
// - MONEY: a number (with its scale words) followed by a currency name, symbol, abbreviation or code,
//   or preceded by a symbol. currency = ISO 4217 (undefined when the name alone does not tell, as
//   for دينار / ليرة without a country). Sub-units are converted: 55 سنتا → 0.55 USD.
// - QUANTITY: a number followed by a unit of measure from a closed list (طن, برميل, كيلومتر, درجة,
//   نقطة …). unit = the singular unit (+ مربع / مكعب / مئوية / يوميا when written).
// - NUMBER: any other count. A counted noun (3 آلاف عسكري) is NOT part of the span: the noun class
//   is open and the value does not depend on it, so the span ends after the scale word.
// - DURATION: a number followed by a time unit (25 عاما → P25Y, عشرين دقيقة → PT20M, including
//   ages), and duals of time units on their own (الشهرين المقبلين → P2M).
// - DATE: day/month/year in any order the text uses (numeric or with month names of the three
//   series, paired months, Hijri with conversion), a year after a year word (عام 2014 → span
//   "2014"), a year with هـ / م, weekday names, and relative dates (أمس, العام الماضي, أبريل الماضي).
// - TIME: hh:mm, or الساعة + hour (digits or ordinal word), with صباحا / مساء … folded into 24 h.
// - ORDINAL: ordinal words (المرحلة الثالثة → "الثالثة", 3) and الـ + digits with nothing after.
// Context words (عام, الساعة, نحو, أكثر من) are not in the span; bound words set value.bound.
// Word-based figures span whole tokens, clitics included (وأمس, لخمسة), as ANERcorp does.
//
// Relative dates are resolved against the article date (options.articleDate, else the dateline found
// by findArticleDate). When there is none, value.relative holds one of:
//   yesterday | day-before-yesterday | tomorrow
//   last-year | this-year | next-year | last-month | this-month | next-month | last-week | this-week | next-week
//   month:MM;last | month:MM;this | month:MM;next   (أبريل الماضي → month:04;last)
//   month:MM                  a bare month name: that month of the article's year
//   month:MM;day:DD           day and month without a year: the article's year
//   hijri-month:MM;day:DD     the same in the Hijri calendar: the article's Hijri year
//   hijri-month:MM;last|this|next  (رمضان الماضي); resolved to value.hijri yyyy-mm, no Gregorian date
//   day:DD;last-month | day:DD;this-month | day:DD;next-month   (26 الشهر الجاري)
//   (a day-month may also end in ;last|;this|;next when a qualifier follows it: 4 تموز المقبل)
//   weekday:NAME;last | weekday:NAME;next  (السبت الماضي)
//   weekday:NAME              a bare weekday: the one on or before the article date

import { fold } from '../arabic';
import type { Bound, FigureDetection, FigureLabel, FigureValue } from '../types';
import {
  dayNumber,
  gregorianToHijri,
  hijriToDayNumber,
  isoDay,
  isoWeek,
  isValidGregorian,
  pad,
  parseIso,
  solarHijriToDayNumber,
  solarHijriYearInterval,
  weekdayOf,
  WEEKDAY_NAMES,
} from './calendar';
import { BLOOM, BLOOM_BITS, HASH_SEED, hashStep, LEXICON, TRIGGER_BLOOM, type Entry, type Reading } from './lexicon';

const NONE: Reading[] = [];

export interface FigureOptions {
  /** The article's own date (ISO yyyy-mm-dd) for resolving relative dates; found from the dateline when absent. */
  articleDate?: string;
  /** Set to false to leave relative dates unresolved even when the text has a dateline. */
  findDateline?: boolean;
}

export function findFigures(text: string, options: FigureOptions = {}): FigureDetection[] {
  let article = options.articleDate;
  if (article === undefined && options.findDateline !== false) article = findArticleDate(text);
  return new Scanner(text, article).run();
}

/**
 * The article's own date: the first full Gregorian date (numeric or with a month name, possibly
 * with a weekday) in the first lines of the text, where datelines sit. ISO yyyy-mm-dd.
 */
export function findArticleDate(text: string): string | undefined {
  let head = text.slice(0, 600);
  const lines = head.split('\n');
  if (lines.length > 8) head = lines.slice(0, 8).join('\n');
  for (const f of new Scanner(head, undefined).run()) {
    if (f.label !== 'DATE' || !f.value.date || f.value.date.length !== 10) continue;
    // A dateline stands on its own line or opens one; a date inside a sentence is news, not the dateline.
    const lineStart = head.lastIndexOf('\n', f.start - 1) + 1;
    let lineEnd = head.indexOf('\n', f.end);
    if (lineEnd < 0) lineEnd = head.length;
    const rest = head.slice(lineStart, lineEnd).length - (f.end - f.start);
    if (rest <= 40 || f.start - lineStart <= 3) return f.value.date;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

interface Word {
  s: number;
  e: number;
  key: string;
  r: Reading[];
}

interface Phrase {
  s: number;
  e: number;
  v: number;
  /** The largest scale word applied (1 when none): used to carry scales across ranges. */
  scale: number;
  isInt: boolean;
  digits: boolean;
  /** Number of integer digits as written (for telling years from counts). */
  intLen: number;
}

/** A label fixed by a sign written before the number (%5, $ 5), with the symbol's currency. */
type Forced = { label: FigureLabel; currency?: string };

/** A number with its scale words read, and where the text after it starts: what each label's rule looks at. */
interface TailContext {
  ph: Phrase;
  forced: Forced | undefined;
  /** End of the number and its scale words. */
  e: number;
  /** The value with the scale words applied. */
  v: number;
  scale: number;
  /** First character after the gap that follows e, that character, and the word starting there. */
  q: number;
  ch: string | undefined;
  w: Word | undefined;
}

interface Internal {
  fig: FigureDetection;
  scale: number;
  plain: boolean;
}

/** Bound phrases ending right before a figure, matched on folded text (ى → ي, أ → ا, ة → ه). */
const BOUND_BEFORE: Array<[RegExp, Bound]> = [
  ['[وفبل]?(?:لا (?:يقل|تقل) (?:عن|على)|على الاقل)', 'at-least'],
  ['[وفبل]?(?:لا (?:يزيد|تزيد|يتجاوز|تتجاوز|يتعدى|تتعدى)(?: عن| على)?|بحد اقصى|كحد اقصى)', 'at-most'],
  ['[وفبل]{0,2}(?:نحو|حوالي|حوالى|قرابة|زهاء|ما يقارب|يقارب|تقارب|ما يناهز|يناهز|تناهز|قراب|تقريبا)', 'about'],
  ['[وفبل]{0,2}(?:اكثر من|ما يزيد (?:عن|على)|يزيد (?:عن|على)|تزيد (?:عن|على)|يفوق|تفوق|يتجاوز|تتجاوز|تجاوز|تجاوزت|ما يربو على|يربو على|تربو على|ازيد من)', 'more-than'],
  ['[وفبل]{0,2}(?:اقل من|ما يقل عن|يقل عن|تقل عن|دون)', 'less-than'],
].map(([src, b]) => [new RegExp(`(?:^|[\\s(])${fold(src)}\\s?$`), b as Bound]);

/** Words after which غدا is the verb "became", not "tomorrow" (folded). */
const GHADA_VERB_AFTER = new Set(['الذي', 'التي', 'الذين', 'والذي', 'والتي', 'حتي', 'بعدما', 'عندما', 'حينما', 'قد', 'لقد', 'وقد',
  'فقد', 'ما', 'كما', 'ثم', 'بل', 'لذلك', 'ولذلك', 'بذلك', 'وبذلك', 'حيث', 'وهكذا', 'هكذا']);

/** Words after "وست" that make it "West" in a transliterated name (وست هام), not "and six" (folded). */
const WEST_NAMES = new Set(['هام', 'بروميتش', 'برومويتش', 'اند', 'منستر', 'مينستر', 'بوينت', 'فرجينيا', 'فيرجينيا', 'بانك',
  'كوست', 'سايد', 'يوركشاير', 'ميدلاندز', 'لندن', 'هارتفورد', 'بالم', 'بيرث', 'وورد']);

/** Definite nouns after which a definite tens word is an ordinal: القرن العشرين, الذكرى الخمسين. */
const ORDINAL_HEADS = new Set(['القرن', 'الذكري', 'الدوره', 'النسخه', 'المؤتمر', 'العيد', 'الموسم', 'الجلسه', 'المهرجان', 'الاحتفال', 'الطابق']);

/** Latin letters spelled in Arabic that head model names (إف 16, بي 52, ميغ 29, سو 35). */
const LETTER_NAME_STARTS = 'إابسمتجيك';
const LETTER_NAMES = new Set(['إف', 'اف', 'بي', 'سي', 'إم', 'ام', 'ميغ', 'ميج', 'سو', 'تي', 'جي', 'إس', 'اس', 'إتش', 'كيو', 'يو', 'إيه', 'ايه']);

const DATE_STARTS = new Set<Entry['t']>(['month', 'monthHead', 'hmonth', 'hmonthHead', 'num', 'ord']);

const SINGULAR_TIME_UNITS = new Set(['يوم', 'ساعه', 'سنه', 'عام', 'شهر', 'اسبوع', 'دقيقه', 'ثانيه', 'عقد', 'قرن']);

const PREPOSITIONS = new Set(['على', 'عن', 'قبل', 'بعد', 'ومن', 'وحتى', 'والى', 'وإلى']);

/** Last words of the bound phrases (folded, without clitics). */
const BOUND_TAIL = new Set(['عن', 'على', 'من', 'نحو', 'حوالي', 'حوالى', 'قرابة', 'زهاء', 'يقارب', 'تقارب', 'يناهز', 'تناهز',
  'قراب', 'تقريبا', 'يفوق', 'تفوق', 'يتجاوز', 'تتجاوز', 'تجاوز', 'تجاوزت', 'دون', 'الاقل', 'اقصى', 'يزيد', 'تزيد', 'يتعدى', 'تتعدى', 'ل'].map(fold));
const MONTH_OK_ALONE_EXCLUDED = new Set(['مارس', 'ماي', 'مايس', 'آب', 'اب']);
const LATIN_CODES: Record<string, string> = {
  USD: 'USD', SAR: 'SAR', EUR: 'EUR', GBP: 'GBP', AED: 'AED', KWD: 'KWD', QAR: 'QAR', EGP: 'EGP',
  IQD: 'IQD', SYP: 'SYP', JOD: 'JOD', BHD: 'BHD', OMR: 'OMR', LBP: 'LBP', TRY: 'TRY', YER: 'YER',
};
const ABBREV: Array<[string, string]> = [
  ['ر.س', 'SAR'], ['ل.س', 'SYP'], ['ل.ل', 'LBP'], ['د.ك', 'KWD'], ['د.إ', 'AED'], ['د.ا', 'AED'],
  ['ج.م', 'EGP'], ['د.أ', 'JOD'], ['د.ع', 'IQD'], ['ر.ق', 'QAR'], ['ر.ع', 'OMR'], ['د.ب', 'BHD'],
];
const SYMBOLS: Record<string, string> = { '$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
/** Brackets and quote marks that may enclose an amount before its scale or currency word. */
const CLOSER: Record<string, string> = { '(': ')', '"': '"', '«': '»', '“': '”', '”': '“' };
const COUNTRY_CURRENCY: Record<string, Record<string, string>> = {
  'ريال': { سعودي: 'SAR', قطري: 'QAR', عماني: 'OMR', يمني: 'YER', ايراني: 'IRR' },
  'دولار': { امريكي: 'USD', اميركي: 'USD', كندي: 'CAD', استرالي: 'AUD' },
  'جنيه': { مصري: 'EGP', سوداني: 'SDG', استرليني: 'GBP' },
  'دينار': { كويتي: 'KWD', اردني: 'JOD', بحريني: 'BHD', عراقي: 'IQD', ليبي: 'LYD', تونسي: 'TND', جزائري: 'DZD' },
  'درهم': { اماراتي: 'AED', مغربي: 'MAD' },
  'ليرة': { سورية: 'SYP', سوري: 'SYP', لبنانية: 'LBP', لبناني: 'LBP', تركية: 'TRY', تركي: 'TRY' },
  'فرنك': { سويسري: 'CHF' },
  'يوان': { صيني: 'CNY' },
  'روبية': { هندي: 'INR' },
  'روبل': { روسي: 'RUB' },
  'ين': { ياباني: 'JPY' },
};

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
}

function digitValue(c: number): number {
  if (c <= 0x39) return c - 0x30;
  if (c <= 0x669) return c - 0x660;
  return c - 0x6f0;
}

function isLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
}

/** Harakat, superscript alef, tatweel, ZWNJ/ZWJ: they sit inside a word without ending it. */
function isInWordMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || c === 0x200c || c === 0x200d;
}

/** 1 for an Arabic letter, 2 for a mark inside a word, 0 otherwise: one load in the hot loop. */
const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) CHAR_CLASS[c] = isLetter(c) ? 1 : isInWordMark(c) ? 2 : 0;

function isLatin(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Gaps a figure may span: horizontal space and bidi marks, never a line break. */
function isGap(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x200e || c === 0x200f || c === 0x061c ||
    c === 0x200b || (c >= 0x2066 && c <= 0x2069) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f;
}

function roundValue(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(15));
}

/** fold() for one short word without regexes: the bound check runs once per figure. */
function foldWord(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isInWordMark(c)) continue;
    if (c === 0x623 || c === 0x625 || c === 0x622 || c === 0x671) out += 'ا';
    else if (c === 0x649) out += 'ي';
    else if (c === 0x629) out += 'ه';
    else out += s[i];
  }
  return out;
}

function has(w: Word | undefined, t: Entry['t']): boolean {
  return !!w && w.r.some((r) => r.e.t === t);
}

function get<T extends Entry['t']>(w: Word | undefined, t: T, barePrefixOnly = false): (Extract<Entry, { t: T }> & { pre: string }) | undefined {
  if (!w) return undefined;
  for (const r of w.r) {
    if (r.e.t === t && (!barePrefixOnly || r.pre === '' || r.pre === 'ال')) {
      return r.m as Extract<Entry, { t: T }> & { pre: string };
    }
  }
  return undefined;
}

function isoDuration(n: number, des: string, time: boolean): string {
  return (time ? 'PT' : 'P') + String(roundValue(n)) + des;
}

class Scanner {
  private readonly n: number;
  private readonly out: Internal[] = [];
  private lastEnd = 0;
  private readonly article: { day: number; y: number; m: number; d: number } | undefined;

  constructor(
    private readonly text: string,
    articleDate: string | undefined,
  ) {
    this.n = text.length;
    const p = articleDate ? parseIso(articleDate) : undefined;
    if (p && p.m && p.d && isValidGregorian(p.y, p.m, p.d)) {
      this.article = { day: dayNumber(p.y, p.m, p.d), y: p.y, m: p.m, d: p.d };
    }
  }

  run(): FigureDetection[] {
    const t = this.text;
    const n = this.n;
    let i = 0;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c < 0x30) {
        i++;
        continue;
      }
      if (isDigit(c)) {
        const end = this.atDigits(i);
        i = end > i ? end : this.skipAlnum(i);
        continue;
      }
      if (isLetter(c)) {
        // Hash the word in place; only words the Bloom filter may know are sliced and looked up.
        let j = i + 1;
        let h = hashStep(HASH_SEED, c);
        for (; j < n; j++) {
          const d = t.charCodeAt(j);
          const k = CHAR_CLASS[d];
          if (k === 1) h = hashStep(h, d);
          else if (k !== 2) break;
        }
        const bit = h >>> (32 - BLOOM_BITS);
        if ((TRIGGER_BLOOM[bit >>> 5] & (1 << (bit & 31))) !== 0) {
          const w = this.wordAt(i);
          if (w && w.r.length > 0) {
            const end = this.atWord(w);
            if (end > i) {
              i = end;
              continue;
            }
          }
        }
        i = j;
        continue;
      }
      if (isLatin(c)) {
        // Digits glued to Latin letters are model names and codes (A320, F16, 5G), not figures.
        i = this.skipAlnum(i);
        continue;
      }
      i++;
    }
    this.linkRanges();
    return this.out.map((x) => x.fig);
  }

  // --- low-level reading -----------------------------------------------------------------------

  private skipAlnum(i: number): number {
    let j = i;
    while (j < this.n) {
      const c = this.text.charCodeAt(j);
      if (isDigit(c) || isLatin(c) || ((c === 0x2d || c === 0x2e) && j + 1 < this.n && isDigit(this.text.charCodeAt(j + 1)))) j++;
      else break;
    }
    return j > i ? j : i + 1;
  }

  private skipGap(p: number): number {
    while (p < this.n && isGap(this.text.charCodeAt(p))) p++;
    return p;
  }

  /** The Arabic word starting at p (letters and in-word marks), with its lexicon readings. */
  private wordAt(p: number): Word | undefined {
    const t = this.text;
    if (p >= this.n || !isLetter(t.charCodeAt(p))) return undefined;
    let j = p + 1;
    let marks = false;
    let h = hashStep(HASH_SEED, t.charCodeAt(p));
    while (j < this.n) {
      const c = t.charCodeAt(j);
      if (isLetter(c)) {
        h = hashStep(h, c);
        j++;
      } else if (isInWordMark(c)) {
        marks = true;
        j++;
      } else break;
    }
    const bit = h >>> (32 - BLOOM_BITS);
    if ((BLOOM[bit >>> 5] & (1 << (bit & 31))) === 0) return { s: p, e: j, key: '', r: NONE };
    let key = t.slice(p, j);
    if (marks) key = key.replace(/[\u064B-\u065F\u0670\u0640\u200C\u200D]/g, '');
    return { s: p, e: j, key, r: LEXICON.get(key) ?? NONE };
  }

  private nextWord(p: number): Word | undefined {
    return this.wordAt(this.skipGap(p));
  }

  /** Read a run of digits of any of the three digit systems. */
  private digitRun(p: number): { e: number; str: string } {
    let str = '';
    let j = p;
    while (j < this.n) {
      const c = this.text.charCodeAt(j);
      if (!isDigit(c)) break;
      str += String(digitValue(c));
      j++;
    }
    return { e: j, str };
  }

  private emit(s: number, e: number, label: FigureLabel, value: FigureValue, scale = 1, plain = false): number {
    const fig: FigureDetection = { kind: 'figure', label, start: s, end: e, text: this.text.slice(s, e), value };
    this.out.push({ fig, scale, plain });
    this.lastEnd = e;
    return e;
  }

  // --- digits ----------------------------------------------------------------------------------

  private atDigits(i: number): number {
    const t = this.text;
    const prev = i > 0 ? t.charCodeAt(i - 1) : 0;
    if (isLatin(prev) || prev === 0x2b /* + */ || prev === 0x40 || prev === 0x23 || prev === 0x5f) return i;
    if (prev === 0x2d && i > 1 && (isLatin(t.charCodeAt(i - 2)) || isDigit(t.charCodeAt(i - 2)))) {
      // "COVID-19"; a digit before the hyphen is a range handled where the first number ended.
      if (isLatin(t.charCodeAt(i - 2))) return i;
    }
    const item = this.listNumberAt(i);
    if (item) return item;
    const time = this.timeAt(i);
    if (time) return time;
    const date = this.numericDateAt(i);
    if (date) return date;
    const ph = this.digitPhrase(i);
    if (!ph) return i;
    // فيلم "71": a number alone in quotes after the noun of a work is its title.
    if (this.quotedTitle(ph.s, ph.e)) return ph.e;
    // "القرار 2216", "عقد رقم (6)", "المادة 12": a number naming a thing is no figure; nor is a
    // model number after a Latin name or a spelled-out letter ("EliteBook 1020", "إف 16", "بي-52").
    if (this.identifierBefore(i) || this.modelNameBefore(i)) return ph.e;
    // Prefixes: sign, per-cent sign or currency symbol written before the number.
    let s = ph.s;
    let forced: Forced | undefined;
    if (s >= 1 && s - 1 >= this.lastEnd) {
      const c = t[s - 1];
      const before = s >= 2 ? t.charCodeAt(s - 2) : 0x20;
      if ((c === '%' || c === '٪') && !isDigit(before)) {
        forced = { label: 'PERCENT' };
        s--;
      } else if ((c === '-' || c === '−') && !isDigit(before) && !isLetter(before) && !isLatin(before)) {
        ph.v = -ph.v;
        s--;
        ph.s = s;
      } else {
        let j = s - 1;
        while (j >= this.lastEnd && j >= s - 2 && t[j] === ' ') j--;
        if (j >= this.lastEnd && SYMBOLS[t[j]]) {
          forced = { label: 'MONEY', currency: SYMBOLS[t[j]] };
          s = j;
        }
      }
    }
    ph.s = s;
    // "(18) ألف ريال", "(6,3) مليارات": digits in brackets before their scale or currency word.
    if (!forced) {
      let open = s - 1;
      while (open >= this.lastEnd && t[open] === ' ') open--;
      const close = this.skipGap(ph.e);
      // The same in quotes: "10,000" ريال, «500» ألف ريال.
      if (open >= this.lastEnd && CLOSER[t[open]] !== undefined && t[close] === CLOSER[t[open]]) {
        const w = this.nextWord(close + 1);
        if (w && w.r.some((r) => r.pre === '' && (r.e.t === 'scale' || r.e.t === 'cur' || r.e.t === 'unit' || (r.e.t === 'tunit' && !r.e.dual)))) {
          ph.s = open;
          ph.e = close + 1;
        }
      }
    }
    return this.tail(ph, forced, this.definiteBefore(i));
  }

  /**
   * "2- تطوير …", "1) رفع …", "3. …": one or two digits opening a line and followed by a list mark
   * number the items of a list; they are skipped whole, not read as counts.
   */
  private listNumberAt(i: number): number | undefined {
    const t = this.text;
    let j = i - 1;
    while (j >= 0 && isGap(t.charCodeAt(j))) j--;
    if (j >= 0 && t.charCodeAt(j) !== 0x0a && t.charCodeAt(j) !== 0x0d) return undefined;
    let e = i;
    while (e < this.n && isDigit(t.charCodeAt(e))) e++;
    if (e - i > 2) return undefined;
    const m = this.skipGap(e);
    if (m > e && t[m] !== '-' && t[m] !== '–') return undefined;
    e = m;
    const mark = t[e];
    if (mark !== '-' && mark !== '–' && mark !== ')' && mark !== '.') return undefined;
    const k = this.skipGap(e + 1);
    if (k === e + 1 && mark !== ')' && mark !== '-' && mark !== '–') return undefined;
    return k < this.n && (isLetter(t.charCodeAt(k)) || t[k] === '"' || t[k] === '«' || t[k] === '“') ? e + 1 : undefined;
  }

  private modelNameBefore(i: number): boolean {
    const t = this.text;
    let j = i - 1;
    if (j >= 0 && (t[j] === '-' || t[j] === ' ')) j--;
    if (j < 1) return false;
    if (isLatin(t.charCodeAt(j)) && isLatin(t.charCodeAt(j - 1))) return true;
    if (!isLetter(t.charCodeAt(j))) return false;
    let k = j;
    while (k > 0 && j - k < 4 && isLetter(t.charCodeAt(k - 1))) k--;
    // Spelled letters start with إ ا ب س م ت ج ي ك: most words before a number are not sliced.
    if (!LETTER_NAME_STARTS.includes(t[k])) return false;
    if (k > 0 && isLetter(t.charCodeAt(k - 1))) return false;
    if (k > 0 && !isGap(t.charCodeAt(k - 1)) && t[k - 1] !== '(' && t[k - 1] !== '«' && t[k - 1] !== '"') return false;
    return LETTER_NAMES.has(t.slice(k, j + 1));
  }

  private quotedTitle(s: number, e: number): boolean {
    const t = this.text;
    const open = t[s - 1];
    if ((open !== '"' && open !== '«' && open !== '“') || CLOSER[open] !== t[e]) return false;
    return has(this.prevWord(s - 1), 'work');
  }

  /** A noun that numbers what it names (رقم, القرار, المادة …) right before the digits, brackets allowed. */
  private identifierBefore(i: number, onlyRaqm = false): boolean {
    const t = this.text;
    let j = i;
    while (j > 0 && (isGap(t.charCodeAt(j - 1)) || t[j - 1] === '(')) j--;
    // Every identifier noun ends in م ر د ة ه ز (رقم, قرار, بند, مادة, رمز): other words are not looked up.
    const last = t.charCodeAt(j - 1);
    if (last !== 0x645 && last !== 0x631 && last !== 0x62f && last !== 0x629 && last !== 0x647 && last !== 0x632) return false;
    const w = this.prevWord(j);
    const id = get(w, 'ident');
    // Before a number word only رقم names (رقم تسعة); "الرحلة عشرين دقيقة" is a duration.
    return !!id && (id.raqm || !onlyRaqm);
  }

  /** الـ60 / ال60 / الـ 60: the article written in front of digits. */
  private definiteBefore(i: number): boolean {
    const t = this.text;
    let j = i - 1;
    if (j >= 0 && t[j] === ' ') j--;
    while (j >= 0 && t.charCodeAt(j) === 0x640) j--;
    return j >= 1 && t[j] === 'ل' && (t[j - 1] === 'ا' || t[j - 1] === 'ل') && (j < 2 || !isLetter(t.charCodeAt(j - 2)) || t[j - 2] === 'و' || t[j - 2] === 'ب');
  }

  private digitPhrase(i: number): Phrase | undefined {
    const t = this.text;
    const first = this.digitRun(i);
    let intStr = first.str;
    let p = first.e;
    let seps = false;
    // Thousands groups: 1,500,000 / ١٬٥٠٠
    for (;;) {
      const c = t.charCodeAt(p);
      if ((c === 0x2c || c === 0x66c) && isDigit(t.charCodeAt(p + 1))) {
        const g = this.digitRun(p + 1);
        if (g.str.length === 3) {
          intStr += g.str;
          p = g.e;
          seps = true;
          continue;
        }
      }
      break;
    }
    // "12.000.000": two or more dot groups of three digits are thousands, not a decimal.
    if (!seps && t[p] === '.' && /^\.\d{3}\.\d{3}(?!\d)/.test(t.slice(p, p + 9))) {
      while (t[p] === '.' && /^\.\d{3}(?!\d)/.test(t.slice(p, p + 5))) {
        intStr += t.slice(p + 1, p + 4);
        p += 4;
      }
      seps = true;
    }
    let numStr = intStr;
    let isInt = true;
    // Wire copy (KUNA, Al-Hayat) writes decimals with ر, fraction first: "3ر5" is 5.3, "4ر19" is 19.4.
    if (!seps && t[p] === 'ر' && isDigit(t.charCodeAt(p + 1))) {
      const f = this.digitRun(p + 1);
      if (!isLetter(t.charCodeAt(f.e))) {
        return { s: i, e: f.e, v: parseFloat(f.str + '.' + intStr), scale: 1, isInt: false, digits: true, intLen: f.str.replace(/^0+(?=\d)/, '').length };
      }
    }
    const c = seps && t[p] === '.' ? 0 : t.charCodeAt(p);
    if (c === 0x2e || c === 0x66b || (c === 0x2c && !seps)) {
      if (c !== 0x2c && t.charCodeAt(p + 1) === 0x200f && isDigit(t.charCodeAt(p + 2))) {
        // Reuters copy writes "5.\u200f0" for 0.5: the parts are stored in visual order.
        const f = this.digitRun(p + 2);
        numStr = f.str + '.' + intStr;
        p = f.e;
        isInt = false;
      } else if (isDigit(t.charCodeAt(p + 1))) {
        const f = this.digitRun(p + 1);
        if (c !== 0x2c || f.str.length <= 2) {
          numStr = intStr + '.' + f.str;
          p = f.e;
          isInt = false;
        }
      }
    }
    // Phone numbers and identifiers: long runs without separators, or a leading zero.
    if (!seps && isInt && (intStr.length >= 10 || (intStr.length >= 5 && intStr[0] === '0'))) return undefined;
    if (!seps && isInt && intStr.length >= 5) {
      // "050-123-4567", "1-800-555": digit groups chained with hyphens.
      if (t[p] === '-' && isDigit(t.charCodeAt(p + 1))) return undefined;
    }
    if (t[p] === '-' && isDigit(t.charCodeAt(p + 1)) && intStr.length <= 4) {
      const g = this.digitRun(p + 1);
      if (t[g.e] === '-' && isDigit(t.charCodeAt(g.e + 1))) return undefined;
    }
    if (p < this.n && isLatin(t.charCodeAt(p))) return undefined;
    return { s: i, e: p, v: parseFloat(numStr), scale: 1, isInt, digits: true, intLen: intStr.replace(/^0+(?=\d)/, '').length };
  }

  private timeAt(i: number): number | undefined {
    const t = this.text;
    const h = this.digitRun(i);
    if (h.str.length > 2 || t[h.e] !== ':') return undefined;
    const m = this.digitRun(h.e + 1);
    if (m.str.length !== 2 || isDigit(t.charCodeAt(m.e))) return undefined;
    let e = m.e;
    if (t[e] === ':' && isDigit(t.charCodeAt(e + 1))) {
      const sec = this.digitRun(e + 1);
      if (sec.str.length === 2) e = sec.e;
    }
    let hh = parseInt(h.str, 10);
    const mm = parseInt(m.str, 10);
    if (hh > 24 || mm > 59) return undefined;
    const mer = this.meridiemAt(e, hh);
    if (mer) {
      hh = mer.h;
      e = mer.e;
    }
    return this.emit(i, e, 'TIME', { time: `${pad(hh)}:${pad(mm)}` });
  }

  private meridiemAt(p: number, hh: number): { h: number; e: number } | undefined {
    const w = this.nextWord(p);
    const mer = get(w, 'meridiem');
    if (!w || !mer) return undefined;
    let h = hh;
    if (mer.add === 12 && h < 12) h += 12;
    else if (mer.add === -1 && h < 6) h += 12;
    return { h, e: w.e };
  }

  private numericDateAt(i: number): number | undefined {
    const t = this.text;
    const a = this.digitRun(i);
    // "19/10/1436", and with spaces around the separators: "14 / 10 / 1436", "21 - 10 - 1436".
    let p = this.skipGap(a.e);
    const sep = t[p];
    if (sep !== '/' && sep !== '-' && sep !== '.') return undefined;
    const spaced = p > a.e;
    p = this.skipGap(p + 1);
    if (!isDigit(t.charCodeAt(p)) || (sep === '.' && (spaced || p > a.e + 1))) return undefined;
    const b = this.digitRun(p);
    p = this.skipGap(b.e);
    if (t[p] !== sep) return undefined;
    p = this.skipGap(p + 1);
    if (!isDigit(t.charCodeAt(p))) return undefined;
    const c = this.digitRun(p);
    if (isDigit(t.charCodeAt(c.e)) || isLatin(t.charCodeAt(c.e))) return undefined;
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
    let e = c.e;
    // A date-shaped group that is not a real date (31/02/2015) is skipped whole, not read as three numbers.
    const skip = sep === '/' ? c.e : undefined;
    const marker = this.yearMarkerAt(e);
    const hijri = marker?.hijri ?? (y >= 1300 && y <= 1500);
    if (marker) e = marker.e;
    if (marker?.solar) {
      const day = solarHijriToDayNumber(y, m, d);
      return day === undefined ? skip : this.emitDate(i, e, { date: isoDay(day) }, day);
    }
    if (hijri) {
      const day = hijriToDayNumber(y, m, d);
      if (day === undefined) return skip;
      return this.emitDate(i, e, { date: isoDay(day), hijri: `${y}-${pad(m)}-${pad(d)}` }, day);
    }
    if (y < 1800 || y > 2200) return undefined;
    if (!isValidGregorian(y, m, d)) return skip;
    return this.emitDate(i, e, { date: `${y}-${pad(m)}-${pad(d)}` }, dayNumber(y, m, d));
  }

  /** هـ / ه / م (glued or after a space) after a year; هجري / ميلادي as words too. */
  private yearMarkerAt(p: number): { e: number; hijri: boolean; solar?: boolean } | undefined {
    const w = this.nextWord(p);
    if (!w) return undefined;
    if (has(w, 'markerH')) {
      // هجري شمسي / هـ.ش: the Solar Hijri calendar of Iran and Afghanistan, not the lunar one.
      const t = this.text;
      let q = w.e;
      if (t[q] === '.' || t[q] === ' ' || t[q] === '\u00a0') q++;
      const w2 = this.wordAt(q);
      if (w2 && has(w2, 'markerSolar')) return { e: w2.e, hijri: true, solar: true };
      return { e: w.e, hijri: true };
    }
    if (has(w, 'markerG')) return { e: w.e, hijri: false };
    return undefined;
  }

  private emitDate(s: number, e: number, value: FigureValue, day: number | undefined): number {
    const wd = this.pendingWeekday;
    if (wd !== undefined && day !== undefined) {
      value.weekday = WEEKDAY_NAMES[wd.d];
      if (weekdayOf(day) !== wd.d) value.weekdayMismatch = true;
      s = wd.s;
    } else if (wd !== undefined) {
      value.weekday = WEEKDAY_NAMES[wd.d];
      s = wd.s;
    }
    return this.emit(s, e, 'DATE', value);
  }

  /** Set while a date after a weekday name is being read, so the date span takes the weekday in. */
  private pendingWeekday: { s: number; d: number } | undefined;

  // --- what follows a number -------------------------------------------------------------------

  /**
   * What follows a number decides its label: after the scale words are read, each label's rule is
   * tried in turn (per cent, money, quantity, day and month, duration, time of day, year, ordinal)
   * and the first that matches emits the figure; a plain NUMBER is the fallback.
   */
  private tail(ph: Phrase, forced: Forced | undefined, definite: boolean): number {
    const c = this.tailContext(ph, forced);
    return (
      this.percentTail(c) ??
      this.moneyTail(c) ??
      this.quantityTail(c) ??
      this.dayMonthTail(c) ??
      this.durationTail(c) ??
      this.timeTail(c) ??
      this.yearTail(c) ??
      this.ordinalTail(c, definite) ??
      this.numberTail(c)
    );
  }

  /** Reads the scale words after digits (60 ألف, 1.8 مليون, 3 آلاف, "مليون ونصف") and the word after. */
  private tailContext(ph: Phrase, forced: Forced | undefined): TailContext {
    let e = ph.e;
    let v = ph.v;
    let scale = ph.scale;
    // Scale words after digits: 60 ألف, 1.8 مليون, 3 آلاف, "مليون ونصف".
    if (ph.digits) {
      for (;;) {
        const w = this.nextWord(e);
        const sc = get(w, 'scale', true);
        if (!w || !sc || sc.pre !== '') break;
        v = roundValue(v * sc.v);
        scale = Math.max(scale, sc.v);
        e = w.e;
      }
      if (scale > 1) {
        const w = this.nextWord(e);
        const fr = get(w, 'frac');
        if (w && fr && fr.pre === 'و') {
          v = roundValue(v + fr.v * scale);
          e = w.e;
        }
      }
    }
    const q = this.skipGap(e);
    return { ph, forced, e, v, scale, q, ch: this.text[q], w: this.wordAt(q) };
  }

  /** Puts a bound word before the number (أكثر من, نحو …) into the value. */
  private bound(c: TailContext, value: FigureValue): FigureValue {
    const b = this.boundBefore(c.ph.s, c.e);
    if (b) value.bound = b;
    return value;
  }

  /** PERCENT: a % sign before or after, "في المئة", "بالمئة". */
  private percentTail(c: TailContext): number | undefined {
    const { ph, forced, e, v, scale, q, ch, w } = c;
    if (forced?.label === 'PERCENT') return this.emit(ph.s, e, 'PERCENT', this.bound(c, { number: v, unit: 'percent' }), scale);
    if (!forced && (ch === '%' || ch === '٪')) return this.emit(ph.s, q + 1, 'PERCENT', this.bound(c, { number: v, unit: 'percent' }), scale);
    if (!forced && w) {
      if (has(w, 'fi')) {
        const w2 = this.nextWord(w.e);
        const pw = get(w2, 'pctWord');
        if (w2 && pw && pw.pre === '') return this.emit(ph.s, w2.e, 'PERCENT', this.bound(c, { number: v, unit: 'percent' }), scale);
      }
      const pw = get(w, 'pctWord');
      if (pw && pw.pre === 'ب') return this.emit(ph.s, w.e, 'PERCENT', this.bound(c, { number: v, unit: 'percent' }), scale);
    }
    return undefined;
  }

  /** MONEY: symbol after, abbreviation, Latin code, currency word, or a currency symbol before. */
  private moneyTail(c: TailContext): number | undefined {
    const { ph, forced, e, v, scale, q, ch, w } = c;
    const t = this.text;
    if (ch && SYMBOLS[ch] && !forced) return this.emit(ph.s, q + 1, 'MONEY', this.bound(c, { number: v, currency: SYMBOLS[ch] }), scale);
    for (const [ab, iso] of ABBREV) {
      if (t.startsWith(ab, q) && !isLetter(t.charCodeAt(q + ab.length))) {
        return this.emit(ph.s, q + ab.length, 'MONEY', this.bound(c, { number: v, currency: iso }), scale);
      }
    }
    if (ch && isLatin(t.charCodeAt(q)) && !forced) {
      const code = t.slice(q, q + 3).toUpperCase();
      if (LATIN_CODES[code] && !isLatin(t.charCodeAt(q + 3))) {
        return this.emit(ph.s, q + 3, 'MONEY', this.bound(c, { number: v, currency: LATIN_CODES[code] }), scale);
      }
    }
    const cur = get(w, 'cur');
    if (w && cur && cur.pre === '') {
      let iso = cur.iso;
      let end = w.e;
      const w2 = this.nextWord(end);
      const adj = get(w2, 'curq');
      const table = COUNTRY_CURRENCY[cur.name];
      if (w2 && adj && table && table[adj.word]) {
        iso = table[adj.word];
        end = w2.e;
      }
      const value: FigureValue = { number: roundValue(v * cur.factor) };
      if (iso) value.currency = iso;
      else value.unit = cur.name;
      return this.emit(ph.s, end, 'MONEY', this.bound(c, value), scale);
    }
    if (forced?.label === 'MONEY') {
      return this.emit(ph.s, e, 'MONEY', this.bound(c, { number: v, currency: forced.currency }), scale);
    }
    return undefined;
  }

  /** QUANTITY: a unit of measure, "كيلو جرام" as two words, a unit qualifier (مربع, مكعب …). */
  private quantityTail(c: TailContext): number | undefined {
    const { ph, v, scale, w } = c;
    const unit = get(w, 'unit');
    if (!(w && unit && unit.pre === '')) return undefined;
    let u = unit.unit;
    let end = w.e;
    if (w.key === 'كيلو') {
      // "كيلو جرام", "كيلو متر" written as two words.
      const wk = this.nextWord(end);
      const uk = get(wk, 'unit');
      if (wk && uk && (uk.unit === 'غرام' || uk.unit === 'متر')) {
        u = uk.unit === 'متر' ? 'كيلومتر' : 'كيلوغرام';
        end = wk.e;
      }
    }
    const w2 = this.nextWord(end);
    const uq = get(w2, 'unitq');
    if (w2 && uq) {
      u += ' ' + uq.word;
      end = w2.e;
    }
    return this.emit(ph.s, end, 'QUANTITY', this.bound(c, { number: v, unit: u }), scale);
  }

  /** DATE of a day and month: 5 يونيو 2021, 25 شوال 1436هـ, 4 حزيران/يونيو, "26 الشهر الجاري". */
  private dayMonthTail(c: TailContext): number | undefined {
    const { ph, v, scale, w } = c;
    if (!(ph.isInt && v >= 1 && v <= 31 && scale === 1 && w)) return undefined;
    const month = this.monthAt(w);
    if (month) return this.dayMonth(ph.s, v, month);
    if (has(w, 'min')) {
      // "في الـ12 من آب", "5 من أغسطس"
      const w2 = this.nextWord(w.e);
      const m2 = w2 ? this.monthAt(w2) : undefined;
      if (m2 && w.key === 'من') return this.dayMonth(ph.s, v, m2);
    }
    // "26 الشهر الجاري", "5 من الشهر المقبل"
    const head = has(w, 'min') ? this.nextWord(w.e) : w;
    const rh = get(head, 'relHead');
    if (head && rh && rh.pre === '' && rh.period === 'month') {
      const wq = this.nextWord(head.e);
      const q = get(wq, 'qual');
      if (wq && q && q.pre === '') return this.dayOfRelativeMonth(ph.s, wq.e, v, q.q);
    }
    return undefined;
  }

  /** DURATION: a time unit (3 أيام, 5 سنوات) with an optional qualifier after it. */
  private durationTail(c: TailContext): number | undefined {
    const { ph, v, scale, w } = c;
    const tu = get(w, 'tunit');
    if (!(w && tu && tu.pre === '' && !tu.dual)) return undefined;
    const e = this.qualAfter(w.e);
    return this.emit(ph.s, e, 'DURATION', this.bound({ ...c, e }, { number: v, duration: isoDuration(v * tu.mult, tu.des, tu.time) }), scale);
  }

  /** TIME: "11 مساء", "4 عصرا": an hour with a day part (the one-letter ص / م only after hh:mm). */
  private timeTail(c: TailContext): number | undefined {
    const { ph, e, v, scale, w } = c;
    if (!(ph.isInt && scale === 1 && v <= 24 && w && w.e - w.s > 1)) return undefined;
    const mer = this.meridiemAt(e, v);
    if (mer) return this.emit(ph.s, mer.e, 'TIME', { time: `${pad(mer.h)}:00` });
    return undefined;
  }

  /** DATE of a year: with a calendar marker, after a year word, or in an event's name. */
  private yearTail(c: TailContext): number | undefined {
    const { ph, e, v, scale } = c;
    if (!(ph.isInt && (scale === 1 || !ph.digits) && v >= 1 && v <= 2200)) return undefined;
    const mk = this.yearMarkerAt(e);
    // A spaced م after a number may be metres (1200 م): only a plausible year takes it.
    const spacedG = !mk?.hijri && mk !== undefined && this.skipGap(e) > e;
    if (mk && (ph.intLen === 4 || !ph.digits || (mk.hijri && ph.intLen === 3)) && !(spacedG && v < 1500 && !this.yearContextBefore(ph.s, e))) {
      return this.emitYear(ph.s, mk.e, v, mk.hijri, mk.solar);
    }
    if ((ph.intLen === 4 || !ph.digits) && v >= 1000 && this.yearContextBefore(ph.s, e)) {
      return this.emitYear(ph.s, e, v, v >= 1300 && v <= 1500);
    }
    // "كأس العالم 2022", "رؤية المملكة 2030", "أولمبياد ريو 2016": the year of an event or a plan.
    if (ph.digits && ph.intLen === 4 && v >= 1900 && v <= 2100 && this.eventBefore(ph.s)) {
      return this.emitYear(ph.s, e, v, false);
    }
    return undefined;
  }

  /** ORDINAL: a bare integer in digits after the article (الـ12). */
  private ordinalTail(c: TailContext, definite: boolean): number | undefined {
    const { ph, e, v, scale } = c;
    if (definite && ph.digits && scale === 1 && ph.isInt) return this.emit(ph.s, e, 'ORDINAL', { number: v });
    return undefined;
  }

  /** NUMBER: what no other rule took. */
  private numberTail(c: TailContext): number {
    const { ph, e, v, scale } = c;
    return this.emit(ph.s, e, 'NUMBER', this.bound(c, { number: v }), scale, scale === 1);
  }

  private emitYear(s: number, e: number, y: number, hijri: boolean, solar = false): number {
    if (solar) {
      // A Solar Hijri year runs from one March equinox to the next: its Gregorian days as an interval.
      const span = solarHijriYearInterval(y);
      return this.emitDate(s, e, span ? { date: span } : {}, undefined);
    }
    if (hijri) return this.emitDate(s, e, { hijri: String(y) }, undefined);
    return this.emitDate(s, e, { date: String(y).padStart(4, '0') }, undefined);
  }

  /**
   * An event or plan noun (كأس, بطولة, رؤية …) among the three words before a four-digit number,
   * with no punctuation between: the number is the year in its name.
   */
  private eventBefore(s: number): boolean {
    let p = s;
    for (let words = 0; words < 3; words++) {
      const w = this.prevWord(p);
      if (!w) return false;
      if (has(w, 'event')) return true;
      p = w.s;
    }
    return false;
  }

  /** A year word just before the number (عام 2014, العام 2013م, منذ 2011, في 2014،). */
  private yearContextBefore(s: number, e: number): boolean {
    const t = this.text;
    let j = s - 1;
    while (j >= 0 && (isGap(t.charCodeAt(j)) || t.charCodeAt(j) === 0x640)) j--;
    if (j < 0 || !isLetter(t.charCodeAt(j))) return false;
    let k = j;
    while (k > 0 && (isLetter(t.charCodeAt(k - 1)) || isInWordMark(t.charCodeAt(k - 1)))) k--;
    const w = this.wordAt(k);
    if (!w) return false;
    if (has(w, 'yearNoun')) return true;
    // "العام الماضي 2014": a year after a relative year.
    if (has(w, 'qual')) {
      const head = this.prevWord(k);
      const rh = get(head, 'relHead');
      if (rh && rh.period === 'year') return true;
    }
    const y = parseInt(t.slice(s, e).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)), 10);
    if (y < 1950 || y > 2040) return false;
    // After "في" a recent year is a date (في 2011 بعد …); units and currencies were tried before.
    if (w.key === 'في' || w.key === 'وفي' || w.key === 'فى') return true;
    // After other prepositions only when no counted noun follows (من 2015، — not من 2000 شخص).
    if (has(w, 'min') || has(w, 'ila') || PREPOSITIONS.has(w.key)) {
      const after = this.skipGap(e);
      if (after >= this.n || !isLetter(t.charCodeAt(after))) return true;
      // A function word after it (قبل 2017 لكن …، من 2015 أمام …) is no counted noun either.
      const next = this.wordAt(after);
      return has(next, 'wa') || has(next, 'fn');
    }
    return false;
  }

  private boundBefore(s: number, e: number): Bound | undefined {
    const t = this.text;
    // Most figures have no bound: look at the regexes only when the word before can end one.
    let j = s - 1;
    while (j >= 0 && isGap(t.charCodeAt(j))) j--;
    let k = j;
    while (k >= 0 && (isLetter(t.charCodeAt(k)) || isInWordMark(t.charCodeAt(k)))) k--;
    let last = foldWord(t.slice(k + 1, j + 1));
    if (!BOUND_TAIL.has(last) && last.length > 3) last = last.replace(/^[وفبل]{1,2}(?=.{3})/, '');
    if (!BOUND_TAIL.has(last) && !this.exceedVerbBefore(s)) return this.boundAfter(e);
    const before = fold(t.slice(Math.max(0, s - 28), s)).replace(/\s+/g, ' ');
    for (const [re, b] of BOUND_BEFORE) if (re.test(before)) return b;
    // "تجاوز عدد المستفيدين 16 ألف": an exceed verb a few words before, no punctuation between.
    if (/(?:^|\s)[وف]?(?:تجاوز|تجاوزت|يتجاوز|تتجاوز|تخطي|تخطت|يتخطي|فاق|فاقت|يفوق|تفوق)(?: [^\s،,.؛:]+){1,3} $/.test(before)) return 'more-than';
    return this.boundAfter(e);
  }

  /** Cheap pre-check for the exceed-verb rule: تجاوز / تخطى / فاق in the 40 characters before. */
  private exceedVerbBefore(s: number): boolean {
    const head = this.text.slice(Math.max(0, s - 40), s);
    return head.includes('تجاوز') || head.includes('تخط') || head.includes('فاق') || head.includes('يفوق') || head.includes('تفوق');
  }

  private boundAfter(e: number): Bound | undefined {
    const t = this.text;
    const q = this.skipGap(e);
    const c = t.charCodeAt(q);
    if (c !== 0x62a && c !== 0x639 && c !== 0x643 && c !== 0x628) {
      // "100 شخص على الأقل": the bound may follow the counted noun (read only when على comes next).
      if (!isLetter(c)) return undefined;
      let we = q + 1;
      while (we < this.n && CHAR_CLASS[t.charCodeAt(we)] !== 0) we++;
      const r = this.skipGap(we);
      if (r === we || t.charCodeAt(r) !== 0x639 || !t.startsWith('على', r)) return undefined;
      if (!/^على\s+(?:الأقل|الاقل)(?![\u0621-\u064a])/.test(t.slice(r, r + 14))) return undefined;
      const w = this.wordAt(q);
      return w && w.r.length === 0 ? 'at-least' : undefined;
    }
    const after = fold(t.slice(e, Math.min(this.n, e + 16)));
    if (/^\s(?:تقريبا)/.test(after)) return 'about';
    if (/^\s(?:على الاقل)/.test(after)) return 'at-least';
    if (/^\s(?:على الاكثر|كحد اقصى|بحد اقصى)/.test(after)) return 'at-most';
    return undefined;
  }

  // --- months and dates ------------------------------------------------------------------------

  /** A month name at w (one or two words): Gregorian of either series, or Hijri. */
  private monthAt(w: Word, allowPrefix = false): { m: number; hijri: boolean; s: number; e: number; series: string } | undefined {
    const ok = (pre: string) => allowPrefix || pre === '';
    const g = get(w, 'month');
    if (g && ok(g.pre)) return { m: g.m, hijri: false, s: w.s, e: w.e, series: g.series };
    const h = get(w, 'hmonth');
    if (h && ok(h.pre)) return { m: h.m, hijri: true, s: w.s, e: w.e, series: 'h' };
    const head = get(w, 'monthHead');
    if (head && ok(head.pre)) {
      const w2 = this.nextWord(w.e);
      const o = get(w2, 'ord');
      if (w2 && o && o.definite && (o.pre === '' || o.pre === 'ال') && (o.v === 1 || o.v === 2)) {
        const m = head.word === 'kanun' ? (o.v === 1 ? 12 : 1) : o.v === 1 ? 10 : 11;
        return { m, hijri: false, s: w.s, e: w2.e, series: 'l' };
      }
      return undefined;
    }
    const hh = get(w, 'hmonthHead');
    if (hh && ok(hh.pre)) {
      const w2 = this.nextWord(w.e);
      if (!w2) return undefined;
      const k = w2.key.replace(/[أإآ]/g, 'ا').replace(/ة$/, 'ه');
      if (hh.word === 'dhu') {
        if (k === 'القعده') return { m: 11, hijri: true, s: w.s, e: w2.e, series: 'h' };
        if (k === 'الحجه') return { m: 12, hijri: true, s: w.s, e: w2.e, series: 'h' };
        return undefined;
      }
      const first = k === 'الاول' || k === 'الاولى';
      const second = k === 'الثاني' || k === 'الثانيه' || k === 'الاخر' || k === 'الاخره';
      if (!first && !second) return undefined;
      const base = hh.word === 'rabi' ? 3 : 5;
      return { m: base + (first ? 0 : 1), hijri: true, s: w.s, e: w2.e, series: 'h' };
    }
    return undefined;
  }

  /** After a month name: "(شباط)", "/يونيو", "-يونيو" naming the same month in the other series. */
  private pairedMonth(e: number, m: number): number {
    const t = this.text;
    const q = this.skipGap(e);
    const c = t[q];
    const bare = this.wordAt(q);
    if (bare) {
      const mo = this.monthAt(bare);
      if (mo && !mo.hijri && mo.m === m) return mo.e;
    }
    if (c === '(' || c === '/' || c === '-' || c === '–') {
      const w = this.nextWord(q + 1);
      if (!w) return e;
      const mo = this.monthAt(w);
      if (!mo || mo.hijri || mo.m !== m) return e;
      if (c === '(') {
        const r = this.skipGap(mo.e);
        return t[r] === ')' ? r + 1 : e;
      }
      return mo.e;
    }
    return e;
  }

  /** A year after a month: digits (with marker) or nothing. */
  private yearAfter(e: number): { y: number; e: number; hijri?: boolean } | undefined {
    const t = this.text;
    let q = this.skipGap(e);
    if (t[q] === '،' || t[q] === ',') q = this.skipGap(q + 1);
    // "5 يونيو من عام 2021", "يونيو عام 2021"
    const w = this.wordAt(q);
    if (w && (w.key === 'من' || has(w, 'yearNoun'))) {
      let q2 = this.skipGap(w.e);
      const w2 = this.wordAt(q2);
      if (w.key === 'من' && w2 && (w2.key === 'عام' || w2.key === 'العام' || w2.key === 'سنة' || w2.key === 'السنة')) q2 = this.skipGap(w2.e);
      if (isDigit(t.charCodeAt(q2))) q = q2;
    }
    if (!isDigit(t.charCodeAt(q))) return undefined;
    const r = this.digitRun(q);
    // "2018:" ends a phrase; "2018:30" is no year.
    if (r.str.length !== 4 || isDigit(t.charCodeAt(r.e)) || t[r.e] === '/' || (t[r.e] === ':' && isDigit(t.charCodeAt(r.e + 1)))) return undefined;
    const mk = this.yearMarkerAt(r.e);
    if (mk) return { y: +r.str, e: mk.e, hijri: mk.hijri };
    return { y: +r.str, e: r.e };
  }

  private dayMonth(s: number, d: number, month: { m: number; hijri: boolean; e: number }): number {
    let e = month.hijri ? month.e : this.pairedMonth(month.e, month.m);
    const yr = this.yearAfter(e);
    const m = month.m;
    if (yr) {
      e = yr.e;
      if (month.hijri) {
        const day = hijriToDayNumber(yr.y, m, d);
        const value: FigureValue = { hijri: `${yr.y}-${pad(m)}-${pad(d)}` };
        if (day !== undefined) value.date = isoDay(day);
        return this.emitDate(s, e, value, day);
      }
      if (!isValidGregorian(yr.y, m, d)) return this.emitDate(s, e, { date: `${yr.y}-${pad(m)}` }, undefined);
      return this.emitDate(s, e, { date: `${yr.y}-${pad(m)}-${pad(d)}` }, dayNumber(yr.y, m, d));
    }
    // No year: the article's year (Hijri year for Hijri months), moved by a following الماضي / المقبل.
    const a = this.article;
    const qw = this.nextWord(e);
    const qual = get(qw, 'qual');
    const q = qw && qual && qual.pre === '' ? qual.q : undefined;
    if (q && qw) e = qw.e;
    const suffix = q ? `;${q}` : '';
    if (month.hijri) {
      if (a) {
        const ah = gregorianToHijri(a.day);
        if (ah) {
          let hy = ah.y;
          if (q === 'last' && (m > ah.m || (m === ah.m && d > ah.d))) hy--;
          if (q === 'next' && (m < ah.m || (m === ah.m && d < ah.d))) hy++;
          const day = hijriToDayNumber(hy, m, d);
          if (day !== undefined) return this.emitDate(s, e, { date: isoDay(day), hijri: `${hy}-${pad(m)}-${pad(d)}` }, day);
        }
      }
      return this.emitDate(s, e, { relative: `hijri-month:${pad(m)};day:${pad(d)}${suffix}` }, undefined);
    }
    if (a) {
      let y = a.y;
      if (q === 'last' && (m > a.m || (m === a.m && d > a.d))) y--;
      if (q === 'next' && (m < a.m || (m === a.m && d < a.d))) y++;
      if (isValidGregorian(y, m, d)) return this.emitDate(s, e, { date: `${y}-${pad(m)}-${pad(d)}` }, dayNumber(y, m, d));
    }
    return this.emitDate(s, e, { relative: `month:${pad(m)};day:${pad(d)}${suffix}` }, undefined);
  }

  private dayOfRelativeMonth(s: number, e: number, d: number, q: 'last' | 'this' | 'next'): number {
    const a = this.article;
    if (a) {
      const first = new Date(Date.UTC(a.y, a.m - 1 + (q === 'last' ? -1 : q === 'next' ? 1 : 0), 1));
      const y = first.getUTCFullYear();
      const m = first.getUTCMonth() + 1;
      if (isValidGregorian(y, m, d)) return this.emitDate(s, e, { date: `${y}-${pad(m)}-${pad(d)}` }, dayNumber(y, m, d));
    }
    return this.emitDate(s, e, { relative: `day:${pad(d)};${q}-month` }, undefined);
  }

  // --- words -----------------------------------------------------------------------------------

  private atWord(w: Word): number {
    for (const r of w.r) {
      let end: number | undefined;
      switch (r.e.t) {
        case 'weekday':
          end = this.weekday(w, r.e.d);
          break;
        case 'rel':
          if (r.e.days === 1 && this.becameVerb(w)) break;
          if (r.e.days === -1 && this.superlativeAmass(w)) break;
          if (r.pre === '' || r.pre === 'و' || r.pre === 'ف' || r.pre === 'ب' || r.pre === 'ال' || r.pre === 'وال' || r.pre === 'بال') {
            // "أمس الأول" is the day before yesterday.
            const w2 = r.e.days === -1 ? this.nextWord(w.e) : undefined;
            const o = get(w2, 'ord');
            if (w2 && o && o.v === 1 && o.definite && !o.fem && o.pre === '') end = this.emitRelative(w.s, w2.e, 'day-before-yesterday');
            else end = this.emitRelative(w.s, w.e, r.e.rel);
          }
          break;
        case 'relHead':
          end = this.relHead(w, r.e.period);
          break;
        case 'demonstrative': {
          const w2 = this.nextWord(w.e);
          const head = get(w2, 'relHead');
          if (w2 && head && head.pre === '') end = this.emitRelative(w.s, w2.e, `this-${head.period}`);
          break;
        }
        case 'month':
        case 'monthHead':
        case 'hmonth':
        case 'hmonthHead':
          end = this.monthWord(w);
          break;
        case 'num':
        case 'scale':
        case 'frac':
          end = this.wordNumber(w);
          break;
        case 'ord':
          end = this.ordinal(w);
          break;
        case 'hourNoun':
          end = this.hour(w);
          break;
        case 'tunit':
          if (r.e.dual) end = this.dualDuration(w, r.e);
          else if (/(?:ال|لل)$/.test(r.pre)) end = this.reversedDuration(w, r.e);
          break;
        default:
          break;
      }
      if (end !== undefined && end > w.s) return end;
    }
    return w.s;
  }

  /**
   * غدا is also the verb "became" (غدا الأمر صعبا، الذي غدا رمزا): after a relative pronoun or a
   * particle that opens a verbal clause, or opening a clause with a definite noun or من after it.
   * Tomorrow keeps a weekday, a day part or punctuation after it, and a verb before it (يصل غدا).
   */
  private becameVerb(w: Word): boolean {
    const prev = this.prevWord(w.s);
    if (prev && GHADA_VERB_AFTER.has(foldWord(this.text.slice(prev.s, prev.e)))) return true;
    const t = this.text;
    let j = w.s - 1;
    while (j >= 0 && isGap(t.charCodeAt(j))) j--;
    const clauseStart = j < 0 || '\n\r.،,؛:!؟?'.includes(t[j]);
    if (!clauseStart) return false;
    const next = this.nextWord(w.e);
    if (!next || next.r.some((r) => r.e.t === 'weekday' || r.e.t === 'qual' || r.e.t === 'meridiem' || r.e.t === 'rel')) return false;
    const k = foldWord(this.text.slice(next.s, next.e));
    return k.startsWith('ال') || k === 'من';
  }

  /** أمسّ الحاجة ("in the direst need"): the elative of مسّ, written like أمس (yesterday). */
  private superlativeAmass(w: Word): boolean {
    const t = this.text;
    for (let k = w.s; k < w.e; k++) if (t.charCodeAt(k) === 0x651) return true; // shadda
    const next = this.nextWord(w.e);
    return !!next && /^(?:ال)?حاج[ةه]/.test(t.slice(next.s, next.e));
  }

  private weekday(w: Word, d: number): number | undefined {
    const t = this.text;
    let q = this.skipGap(w.e);
    if (t[q] === '،' || t[q] === ',' || t[q] === '-' || t[q] === '–') q = this.skipGap(q + 1);
    let w2 = this.wordAt(q);
    if (w2 && (has(w2, 'muwafiq') || w2.key === 'في')) {
      q = this.skipGap(w2.e);
      w2 = this.wordAt(q);
    }
    // A date right after the weekday: "السبت 2021/06/05", "الثلاثاء 19 شوال 1436 هـ".
    // Only a date can follow here; a weekday after a weekday is not tried (no recursion on "السبت السبت …").
    if (isDigit(t.charCodeAt(q)) || (w2 && w2.r.some((r) => DATE_STARTS.has(r.e.t)))) {
      this.pendingWeekday = { s: w.s, d };
      const before = this.out.length;
      const end = isDigit(t.charCodeAt(q)) ? this.atDigits(q) : this.atWord(w2 as Word);
      this.pendingWeekday = undefined;
      if (this.out.length > before) {
        const last = this.out[this.out.length - 1].fig;
        if (last.label === 'DATE' && last.start === w.s) return end;
        // Something else followed (a number, an ordinal): emit the weekday on its own first.
        this.out.pop();
        this.lastEnd = before > 0 ? this.out[before - 1].fig.end : 0;
      }
    }
    const w3 = this.nextWord(w.e);
    const qual = get(w3, 'qual');
    if (w3 && qual && qual.pre === '' && qual.q !== 'this') {
      return this.emitRelative(w.s, w3.e, `weekday:${WEEKDAY_NAMES[d]};${qual.q}`);
    }
    // "صلاة الجمعة" names the prayer, not a day.
    if (d === 5) {
      const prev = t.slice(Math.max(0, w.s - 6), w.s);
      if (/(صلاة|خطبة|صلوات|خطيب|ائمة|أئمة) $/.test(prev)) return undefined;
    }
    return this.emitRelative(w.s, w.e, `weekday:${WEEKDAY_NAMES[d]}`);
  }

  private relHead(w: Word, period: 'year' | 'month' | 'week' | 'day'): number | undefined {
    const w2 = this.nextWord(w.e);
    const qual = get(w2, 'qual');
    if (!w2 || !qual || qual.pre !== '') return undefined;
    return this.emitRelative(w.s, w2.e, `${qual.q}-${period}`);
  }

  private monthWord(w: Word): number | undefined {
    const month = this.monthAt(w, true);
    if (!month) return undefined;
    const e = month.hijri ? month.e : this.pairedMonth(month.e, month.m);
    const yr = this.yearAfter(e);
    if (yr) {
      if (month.hijri || yr.hijri) return this.emitDate(w.s, yr.e, { hijri: `${yr.y}-${pad(month.m)}` }, undefined);
      return this.emitDate(w.s, yr.e, { date: `${yr.y}-${pad(month.m)}` }, undefined);
    }
    // A Hijri month without a year (شهر رمضان, ربيع الأول) names a season, not a date; its second
    // word is skipped so "الأول" is not read as an ordinal.
    if (month.hijri) {
      // "رمضان الماضي": the month of the article's Hijri year (or the one before / after).
      const wq = this.nextWord(month.e);
      const hq = get(wq, 'qual');
      if (wq && hq && hq.pre === '') {
        const ah = this.article ? gregorianToHijri(this.article.day) : undefined;
        if (!ah) return this.emitDate(w.s, wq.e, { relative: `hijri-month:${pad(month.m)};${hq.q}` }, undefined);
        let hy = ah.y;
        if (hq.q === 'last' && month.m >= ah.m) hy--;
        if (hq.q === 'next' && month.m <= ah.m) hy++;
        return this.emitDate(w.s, wq.e, { hijri: `${hy}-${pad(month.m)}` }, undefined);
      }
      return month.e > w.e ? month.e : undefined;
    }
    const w2 = this.nextWord(e);
    const qual = get(w2, 'qual');
    if (w2 && qual && qual.pre === '') return this.emitRelative(w.s, w2.e, `month:${pad(month.m)};${qual.q}`);
    const bare = fold(w.key).replace(/^(?:و|ف)?(?:ب|ل|ك)?/, '');
    if (MONTH_OK_ALONE_EXCLUDED.has(w.key) || MONTH_OK_ALONE_EXCLUDED.has(bare)) {
      // مارس is also the verb "practised": only after a word that introduces a month.
      const prev = fold(this.text.slice(Math.max(0, w.s - 6), w.s));
      if (!/(?:في|شهر|منذ|حتى|مطلع|نهايه|منتصف|اواخر|اوائل|خلال) $/.test(prev)) return undefined;
    }
    return this.emitRelative(w.s, e, `month:${pad(month.m)}`);
  }

  /** Number words: ثلاثة, خمسة وعشرين, ثلاثمائة ألف, مليون ونصف, ألفين, أحد عشر. */
  private wordNumber(w: Word): number | undefined {
    if (w.key === 'وست') {
      const name = this.nextWord(w.e);
      if (name && WEST_NAMES.has(foldWord(this.text.slice(name.s, name.e)))) return undefined;
    }
    const ph = this.parseWordNumber(w);
    if (!ph) return undefined;
    if (this.identifierBefore(w.s, true)) return ph.e;
    // "في الثلاثين من شهر سبتمبر": a definite number word before من and a month is a day.
    if (ph.isInt && ph.v <= 31 && ph.scale === 1 && w.r.some((r) => r.e.t === 'num' && r.pre.endsWith('ال'))) {
      const min = this.nextWord(ph.e);
      const month = min && min.key === 'من' ? this.monthAfterMin(min) : undefined;
      if (month) return this.dayMonth(w.s, ph.v, month);
    }
    if (ph.e === w.e && ph.v >= 20 && ph.v <= 90 && ph.v % 10 === 0 && w.r.some((r) => r.e.t === 'num' && r.pre === 'ال')) {
      const head = this.prevWord(w.s);
      if (head && ORDINAL_HEADS.has(foldWord(this.text.slice(head.s, head.e)).replace(/^[وفب]/, ''))) {
        return this.emit(w.s, w.e, 'ORDINAL', { number: ph.v });
      }
    }
    // "ألف ليلة وليلة", "ألف سنة وسنة": a noun repeated with و after a number word is an idiom or a title.
    if (this.repeatedNounAfter(ph.e)) return undefined;
    return this.tail(ph, undefined, false);
  }

  private parseWordNumber(w: Word): Phrase | undefined {
    let total = 0;
    let cur = 0;
    let curScaled = false;
    let lastScale = 0;
    let maxScale = 1;
    let lastUnit = false;
    let e = w.s;
    let any = false;
    let first = true;
    let word: Word | undefined = w;
    let pendingTeen = 0;
    let definite = false;
    while (word) {
      let matched = false;
      for (const r of word.r) {
        const en = r.e;
        const pre = r.pre;
        const wa = !first && (pre === 'و' || (definite && pre === 'وال'));
        if (!first && !wa && pre !== '') continue;
        if (first && pre !== '' && !/^(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)?$/.test(pre)) continue;
        if (en.t === 'num') {
          if (en.onlyTeen) {
            if (!(first || wa)) continue;
            if (curScaled) {
              total += cur;
              cur = 0;
              curScaled = false;
            }
            pendingTeen = /^(?:اثن|إثن)/.test(fold(word.key).replace(/^(?:و|ف)?(?:ب|ل|ك)?/, '')) ? 2 : 1;
            matched = true;
            break;
          }
          if (pendingTeen) {
            if (!en.teenTen || wa) break;
            cur += pendingTeen + 10;
            pendingTeen = 0;
            lastUnit = false;
            matched = true;
            break;
          }
          if (en.teenTen && !first && !wa && lastUnit) {
            cur += 10;
            lastUnit = false;
            matched = true;
            break;
          }
          if (en.hundred && !first && !wa && lastUnit && cur >= 3 && cur <= 9) {
            cur *= 100;
            lastUnit = false;
            matched = true;
            break;
          }
          if (first || wa) {
            if (curScaled) {
              total += cur;
              cur = 0;
              curScaled = false;
            }
            cur += en.v;
            lastUnit = !!en.unit;
            matched = true;
            break;
          }
          continue;
        }
        if (en.t === 'scale') {
          if (wa) continue;
          if (en.plural && (first || cur === 0)) continue;
          if (en.count === 2) {
            if (!first && cur !== 0) continue;
            cur = 2 * en.v;
          } else if (curScaled && en.v > lastScale) {
            cur *= en.v;
          } else if (!curScaled) {
            cur = (cur || 1) * en.v;
          } else continue;
          curScaled = true;
          lastScale = en.v;
          maxScale = Math.max(maxScale, en.v);
          lastUnit = false;
          matched = true;
          break;
        }
        if (en.t === 'frac') {
          if (first) {
            const nw = this.nextWord(word.e);
            const sc = get(nw, 'scale');
            if (!nw || !sc || sc.pre !== '' || sc.plural || sc.count !== 1) continue;
            cur = en.v;
            matched = true;
            break;
          }
          if (wa && curScaled) {
            cur += en.v * lastScale;
            matched = true;
            // "مليون ونصف المليون": the scale repeated with the article belongs to the figure.
            const again = this.nextWord(word.e);
            if (again && /^ال(?:ألف|الف|مليون|مليار)$/.test(again.key)) {
              word = { ...word, e: again.e };
            }
            break;
          }
          continue;
        }
      }
      if (!matched) break;
      if (first) definite = /(?:ال|لل)$/.test(word.r.find((r) => r.e.t === 'num' || r.e.t === 'scale' || r.e.t === 'frac')?.pre ?? '');
      if (pendingTeen === 0) {
        any = true;
        e = word.e;
      }
      first = false;
      // A separate "و" before the next number word: "خمسة و عشرين".
      let nxt = this.nextWord(word.e);
      if (nxt && nxt.key === 'و') {
        const after = this.nextWord(nxt.e);
        if (after && after.r.some((r) => r.e.t === 'num' && r.pre === '')) {
          nxt = {
            ...after,
            r: after.r.map((r) => (r.pre === '' ? { e: r.e, pre: 'و', m: { ...r.e, pre: 'و' } } : r)),
          };
        }
      }
      word = nxt;
    }
    if (!any) return undefined;
    const v = roundValue(total + cur);
    // "واحد" alone is mostly the adjective "one/single" (في وقت واحد), not a figure.
    if (v === 0 || (v === 1 && e === w.e && maxScale === 1)) return undefined;
    return { s: w.s, e, v, scale: maxScale, isInt: Number.isInteger(v), digits: false, intLen: String(Math.trunc(v)).length };
  }

  private ordinal(w: Word): number | undefined {
    const o = get(w, 'ord');
    if (!o || !/^(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)?$/.test(o.pre)) return undefined;
    if (!o.definite && o.pre.includes('ل') && o.pre.length > 1) return undefined;
    let v = o.v;
    let e = w.e;
    // أول أمس / أول من أمس
    if (v === 1 && !o.definite) {
      let w2 = this.nextWord(e);
      if (w2 && w2.key === 'من') w2 = this.nextWord(w2.e);
      const rel = get(w2, 'rel');
      if (w2 && rel && rel.rel === 'yesterday' && rel.pre === '') return this.emitRelative(w.s, w2.e, 'day-before-yesterday');
    }
    // Compounds: الحادي عشر, الثانية عشرة, الحادي والعشرين.
    const w2 = this.nextWord(e);
    if (w2) {
      const ten = w2.r.find((r) => r.e.t === 'num' && r.pre === '' && r.e.teenTen);
      const tens = w2.r.find((r) => r.e.t === 'num' && r.e.ten && (r.pre === 'وال' || r.pre === 'و'));
      if (ten && v <= 9) {
        v += 10;
        e = w2.e;
      } else if (tens && v <= 9) {
        v += tens.e.t === 'num' ? tens.e.v : 0;
        e = w2.e;
      }
    } else if (fold(w.key).endsWith('حادي') || fold(w.key).endsWith('حاديه')) return undefined;
    if (v === 1 && (fold(w.key).endsWith('حادي') || fold(w.key).endsWith('حاديه')) && e === w.e) return undefined;
    // "ثاني أكسيد الكربون" is a chemical name.
    if (v === 2 && !o.definite && this.nextWord(e)?.key === '' && /^\s*أكسيد/.test(this.text.slice(e, e + 8))) return e;
    // الساعة الثالثة → a time.
    const prev = this.prevWord(w.s);
    if (prev && has(prev, 'hourNoun') && o.definite && v <= 12) return this.clock(w.s, e, v);
    // (الحادية عشرة is listed with the masculine: its ending tells.)
    if (o.definite && (o.fem || w.key.endsWith('ة')) && v <= 12) {
      // "عند الثامنة والربع مساء": a feminine ordinal with a day part or a fraction is an hour.
      const w3 = this.nextWord(e);
      const fr = get(w3, 'frac');
      if (has(w3, 'meridiem') || (fr && (fr.pre === 'وال' || fr.pre === 'و'))) return this.clock(w.s, e, v);
    }
    // "الخامس من أغسطس" → a date.
    if (v <= 31) {
      const w3 = this.nextWord(e);
      const month = w3 && w3.key === 'من' ? this.monthAfterMin(w3) : undefined;
      if (month) return this.dayMonth(w.s, v, month);
    }
    return this.emit(w.s, e, 'ORDINAL', { number: v });
  }

  /** The month after من, with شهر allowed between: "من أغسطس", "من شهر سبتمبر". */
  private monthAfterMin(min: Word): ReturnType<Scanner['monthAt']> {
    let w4 = this.nextWord(min.e);
    if (w4 && (w4.key === 'شهر' || w4.key === 'شهري')) w4 = this.nextWord(w4.e);
    return w4 ? this.monthAt(w4) : undefined;
  }

  /** "X وX" right after p: a noun repeated with و (ليلة وليلة). Compared in place, nothing sliced. */
  private repeatedNounAfter(p: number): boolean {
    const t = this.text;
    const xs = this.skipGap(p);
    let xe = xs;
    while (xe < this.n && isLetter(t.charCodeAt(xe))) xe++;
    if (xe - xs < 2) return false;
    const ys = this.skipGap(xe);
    if (ys === xe || t.charCodeAt(ys) !== 0x648) return false;
    const len = xe - xs;
    if (isLetter(t.charCodeAt(ys + 1 + len))) return false;
    for (let k = 0; k < len; k++) if (t.charCodeAt(xs + k) !== t.charCodeAt(ys + 1 + k)) return false;
    return true;
  }

  private prevWord(s: number): Word | undefined {
    const t = this.text;
    let j = s - 1;
    while (j >= 0 && isGap(t.charCodeAt(j))) j--;
    if (j < 0 || !(isLetter(t.charCodeAt(j)) || isInWordMark(t.charCodeAt(j)))) return undefined;
    let k = j;
    while (k > 0 && (isLetter(t.charCodeAt(k - 1)) || isInWordMark(t.charCodeAt(k - 1)))) k--;
    return this.wordAt(k);
  }

  /** الساعة 10 صباحا, الساعة الثالثة عصرا, الساعة الواحدة والنصف. The span starts at the hour. */
  private hour(w: Word): number | undefined {
    const t = this.text;
    const q = this.skipGap(w.e);
    if (isDigit(t.charCodeAt(q))) {
      const r = this.digitRun(q);
      if (r.str.length > 2 || t[r.e] === ':' || t[r.e] === '.' || isDigit(t.charCodeAt(r.e))) return undefined;
      const h = +r.str;
      if (h > 24) return undefined;
      return this.clock(q, r.e, h);
    }
    const w2 = this.wordAt(q);
    const one = w2?.r.find((r) => r.e.t === 'num' && r.e.v === 1 && r.pre === 'ال');
    if (w2 && one) return this.clock(w2.s, w2.e, 1);
    return undefined;
  }

  private clock(s: number, e: number, h: number): number {
    let mm = 0;
    const w = this.nextWord(e);
    const fr = get(w, 'frac');
    if (w && fr && (fr.pre === 'وال' || fr.pre === 'و')) {
      mm = fr.v === 0.5 ? 30 : 15;
      e = w.e;
    }
    const mer = this.meridiemAt(e, h);
    if (mer) {
      h = mer.h;
      e = mer.e;
    }
    return this.emit(s, e, 'TIME', { time: `${pad(h)}:${pad(mm)}` });
  }

  private dualDuration(w: Word, tu: Extract<Entry, { t: 'tunit' }>): number | undefined {
    const e = this.qualAfter(w.e);
    const value: FigureValue = { number: 2, duration: isoDuration(2 * tu.mult, tu.des, tu.time) };
    const b = this.boundBefore(w.s, e);
    if (b) value.bound = b;
    return this.emit(w.s, e, 'DURATION', value);
  }

  /** The end of a following الماضية / المقبلة / الجاري (part of a duration or date span), or e. */
  private qualAfter(e: number): number {
    const w = this.nextWord(e);
    const qual = get(w, 'qual');
    return w && qual && qual.pre === '' ? w.e : e;
  }

  /** "الأشهر الستة الماضية", "الساعات الـ48 الماضية", "السنوات الخمس المقبلة". */
  private reversedDuration(w: Word, tu: Extract<Entry, { t: 'tunit' }>): number | undefined {
    const t = this.text;
    // Only plurals count this way round: "اليوم الاثنين" is today, Monday.
    if (SINGULAR_TIME_UNITS.has(fold(w.key).replace(/^(?:و|ف)?(?:ب|ك)?(?:ال|لل)/, ''))) return undefined;
    let q = this.skipGap(w.e);
    let ph: Phrase | undefined;
    if (t.startsWith('ال', q)) {
      let p = q + 2;
      while (t.charCodeAt(p) === 0x640) p++;
      p = this.skipGap(p);
      if (isDigit(t.charCodeAt(p))) {
        q = p;
        ph = this.digitPhrase(p);
      }
    }
    if (!ph) {
      const w2 = this.wordAt(q);
      const num = w2?.r.find((r) => (r.e.t === 'num' || r.e.t === 'scale') && /^(?:ال|لل)$/.test(r.pre));
      if (!w2 || !num) return undefined;
      ph = this.parseWordNumber(w2);
    }
    if (!ph || ph.scale > 1 || ph.v < 2) return undefined;
    const e = this.qualAfter(ph.e);
    const value: FigureValue = { number: ph.v, duration: isoDuration(ph.v * tu.mult, tu.des, tu.time) };
    const b = this.boundBefore(w.s, e);
    if (b) value.bound = b;
    return this.emit(w.s, e, 'DURATION', value);
  }

  // --- relative dates --------------------------------------------------------------------------

  private emitRelative(s: number, e: number, rel: string): number {
    const value: FigureValue = {};
    const resolved = this.article ? this.resolve(rel) : undefined;
    if (resolved) value.date = resolved;
    else value.relative = rel;
    const m = /^weekday:([a-z]+)/.exec(rel);
    if (m) value.weekday = m[1];
    return this.emit(s, e, 'DATE', value);
  }

  private resolve(rel: string): string | undefined {
    const a = this.article;
    if (!a) return undefined;
    const ym = (y: number, m: number): string => {
      const d = new Date(Date.UTC(y, m - 1, 1));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    };
    switch (rel) {
      case 'yesterday':
        return isoDay(a.day - 1);
      case 'day-before-yesterday':
        return isoDay(a.day - 2);
      case 'tomorrow':
        return isoDay(a.day + 1);
      case 'last-year':
        return String(a.y - 1);
      case 'this-year':
        return String(a.y);
      case 'next-year':
        return String(a.y + 1);
      case 'last-month':
        return ym(a.y, a.m - 1);
      case 'this-month':
        return ym(a.y, a.m);
      case 'next-month':
        return ym(a.y, a.m + 1);
      case 'last-week':
        return isoWeek(a.day - 7);
      case 'this-week':
        return isoWeek(a.day);
      case 'next-week':
        return isoWeek(a.day + 7);
      default:
        break;
    }
    let m = /^month:(\d\d)(?:;(last|this|next))?$/.exec(rel);
    if (m) {
      const mo = +m[1];
      let y = a.y;
      if (m[2] === 'last' && mo >= a.m) y--;
      if (m[2] === 'next' && mo <= a.m) y++;
      return `${y}-${m[1]}`;
    }
    m = /^weekday:([a-z]+)(?:;(last|next))?$/.exec(rel);
    if (m) {
      const d = WEEKDAY_NAMES.indexOf(m[1]);
      const wd = weekdayOf(a.day);
      let delta: number;
      if (m[2] === 'next') delta = ((d - wd + 7) % 7) || 7;
      else if (m[2] === 'last') delta = -(((wd - d + 7) % 7) || 7);
      else delta = -((wd - d + 7) % 7);
      return isoDay(a.day + delta);
    }
    return undefined;
  }

  // --- ranges ----------------------------------------------------------------------------------

  private yearPair(a: FigureDetection, b: FigureDetection, gap: string): boolean {
    if (!/^[0-9٠-٩]{4}$/.test(a.text) || !/^[0-9٠-٩]{4}$/.test(b.text)) return false;
    if (!/^[\s\u200e\u200f]*[-–/][\s\u200e\u200f]*$/.test(gap)) return false;
    const x = a.value.number ?? 0;
    const y = b.value.number ?? 0;
    if (x < 1000 || y > 2100 || y <= x || y - x > 130) return false;
    const t = this.text;
    let q = b.end;
    while (q < this.n && isGap(t.charCodeAt(q))) q++;
    // "1500-2000 شخص" is a range of counts: a word after the pair keeps them numbers.
    return !(q < this.n && (isLetter(t.charCodeAt(q)) || isDigit(t.charCodeAt(q))));
  }

  /**
   * "بين 10 و20 في المائة", "من 3 إلى 5 ملايين دولار", "عامي 2014 و2015": the first number of a
   * range takes the unit, currency and scale of the second.
   */
  private linkRanges(): void {
    const out = this.out;
    for (let k = out.length - 2; k >= 0; k--) {
      const a = out[k];
      const b = out[k + 1];
      if (b.fig.start - a.fig.end > 12) continue;
      const gap = this.text.slice(a.fig.end, b.fig.start);
      // "العام الجامعي 1436 1437هـ": a year written just before the next one, with only a space.
      if (a.plain && a.fig.label === 'NUMBER' && b.fig.label === 'DATE' && /^\s+$/.test(gap) && /^[0-9٠-٩]{4}$/.test(a.fig.text) &&
        (Number(b.fig.value.hijri ?? b.fig.value.date) === (a.fig.value.number ?? 0) + 1)) {
        a.fig.label = 'DATE';
        a.fig.value = b.fig.value.hijri ? { hijri: String(a.fig.value.number) } : { date: String(a.fig.value.number) };
        a.plain = false;
        continue;
      }
      if (!/^[\s\u200e\u200f]*(?:-|–|ـ|\/|و|او|أو|إلى|الى|حتى)[\s\u200e\u200f]*$/.test(gap)) continue;
      const av = a.fig.value;
      const bv = b.fig.value;
      // "ثلاثة آلاف و750", "مليونان و500 ألف ريال": the parts of one amount joined by و.
      if (a.fig.label === 'NUMBER' && a.scale > 1 && av.number !== undefined && bv.number !== undefined &&
        bv.number < a.scale && b.scale < a.scale && !bv.bound && /^\s*و$/.test(gap) &&
        (b.fig.label === 'NUMBER' || b.fig.label === 'MONEY' || b.fig.label === 'QUANTITY')) {
        const v: FigureValue = { ...bv, number: roundValue(av.number + bv.number) };
        delete v.bound;
        if (av.bound) v.bound = av.bound;
        a.fig.label = b.fig.label;
        a.fig.value = v;
        a.fig.end = b.fig.end;
        a.fig.text = this.text.slice(a.fig.start, a.fig.end);
        a.plain = false;
        out.splice(k + 1, 1);
        continue;
      }
      // "(1940-2010)", "2014/2015": two years joined by a dash or slash, the second later and
      // closing the phrase (a bracket, punctuation, the end), are life dates or a season.
      if (a.plain && b.plain && a.fig.label === 'NUMBER' && b.fig.label === 'NUMBER' && this.yearPair(a.fig, b.fig, gap)) {
        a.fig.label = 'DATE';
        a.fig.value = { date: String(av.number) };
        b.fig.label = 'DATE';
        b.fig.value = { date: String(bv.number) };
        a.plain = b.plain = false;
        continue;
      }
      if (a.fig.label === 'DATE' && av.date && av.date.length === 4 && b.fig.label === 'NUMBER' && b.plain) {
        const y = bv.number ?? 0;
        if (Number.isInteger(y) && y >= 1000 && y <= 2200 && b.fig.text.length === 4) {
          b.fig.label = 'DATE';
          b.fig.value = { date: String(y) };
          b.plain = false;
        }
        continue;
      }
      if (a.plain && a.fig.label === 'NUMBER' && b.fig.label === 'DATE' && (bv.hijri?.length === 4 || bv.date?.length === 4) && /^[0-9٠-٩]{4}$/.test(a.fig.text)) {
        const y = av.number ?? 0;
        a.fig.label = 'DATE';
        a.fig.value = bv.hijri ? { hijri: String(y) } : { date: String(y) };
        a.plain = false;
        continue;
      }
      if (!a.plain || a.fig.label !== 'NUMBER' || av.number === undefined) continue;
      // "من 10 إلى 20 أغسطس": a day number before a day-month takes its month and year.
      const day = av.number;
      if (b.fig.label === 'DATE' && Number.isInteger(day) && day >= 1 && day <= 31 && !bv.weekday) {
        const full = bv.date && /^(\d{4})-(\d\d)-\d\d$/.exec(bv.date);
        if (full && isValidGregorian(+full[1], +full[2], day) && !bv.hijri) {
          a.fig.label = 'DATE';
          a.fig.value = { date: `${full[1]}-${full[2]}-${pad(day)}` };
          a.plain = false;
          continue;
        }
        // "من 2 ـ 4 / 6 / 1436هـ": the same for a Hijri day-month-year.
        const hfull = bv.hijri && /^(\d{4})-(\d\d)-\d\d$/.exec(bv.hijri);
        const hday = hfull ? hijriToDayNumber(+hfull[1], +hfull[2], day) : undefined;
        if (hfull && hday !== undefined) {
          a.fig.label = 'DATE';
          a.fig.value = { date: isoDay(hday), hijri: `${hfull[1]}-${hfull[2]}-${pad(day)}` };
          a.plain = false;
          continue;
        }
        const rel = bv.relative && /^month:(\d\d);day:\d\d(;.*)?$/.exec(bv.relative);
        if (rel) {
          a.fig.label = 'DATE';
          a.fig.value = { relative: `month:${rel[1]};day:${pad(day)}${rel[2] ?? ''}` };
          a.plain = false;
          continue;
        }
      }
      if (b.fig.label === 'NUMBER' && b.scale > 1 && av.number < b.scale && b.fig.value.number !== undefined) {
        av.number = roundValue(av.number * b.scale);
        continue;
      }
      if (b.fig.label !== 'PERCENT' && b.fig.label !== 'MONEY' && b.fig.label !== 'QUANTITY' && b.fig.label !== 'DURATION') continue;
      let n = av.number;
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
  }
}

export { describeFigure, figureLabelName } from './describe';
