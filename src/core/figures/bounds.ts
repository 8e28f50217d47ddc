// Bounds: أكثر من، نحو، لا يقل عن … before a figure, تقريبا / على الأقل after it, set value.bound.
// Context words are never part of the span.

import { fold } from '../arabic';
import type { Bound, FigureValue } from '../types';
import { CHAR_CLASS, foldWord, isGap, isInWordMark, isLetter } from './chars';
import type { ScanContext } from './scanContext';

/** Bound phrases ending right before a figure, matched on folded text (ى → ي, أ → ا, ة → ه). */
const BOUND_BEFORE: Array<[RegExp, Bound]> = [
  ['[وفبل]?(?:لا (?:يقل|تقل) (?:عن|على)|على الاقل)', 'at-least'],
  ['[وفبل]?(?:لا (?:يزيد|تزيد|يتجاوز|تتجاوز|يتعدى|تتعدى)(?: عن| على)?|بحد اقصى|كحد اقصى)', 'at-most'],
  ['[وفبل]{0,2}(?:نحو|حوالي|حوالى|قرابة|زهاء|(?:ما )?(?:يقارب|تقارب|قاربت)(?: من)?|ما قارب(?: من)?|ما يناهز|يناهز|تناهز|قراب|تقريبا)', 'about'],
  ['[وفبل]{0,2}(?:اكثر من|ما يزيد (?:عن|على)|يزيد (?:عن|على)|تزيد (?:عن|على)|يفوق|تفوق|يتجاوز|تتجاوز|تجاوز|تجاوزت|فاق|فاقت|تخطى|تخطت|يتخطى|تتخطى|ما يربو على|يربو على|تربو على|ازيد من)', 'more-than'],
  ['[وفبل]{0,2}(?:اقل من|ما يقل عن|يقل عن|تقل عن|دون)', 'less-than'],
  // A quote may open before the bound word: «نحو 5000 جندي».
].map(([src, b]) => [new RegExp(`(?:^|[\\s("«“'])${fold(src)}\\s?$`), b as Bound]);

/** Last words of the bound phrases (folded, without clitics). */
const BOUND_TAIL = new Set(['عن', 'على', 'من', 'نحو', 'حوالي', 'حوالى', 'قرابة', 'زهاء', 'يقارب', 'تقارب', 'قارب', 'قاربت', 'يناهز', 'تناهز',
  'قراب', 'تقريبا', 'يفوق', 'تفوق', 'يتجاوز', 'تتجاوز', 'تجاوز', 'تجاوزت', 'فاق', 'فاقت', 'تخطى', 'تخطت', 'يتخطى', 'تتخطى', 'دون', 'الاقل', 'اقصى', 'يزيد', 'تزيد', 'يتعدى', 'تتعدى', 'ل'].map(fold));

/** Sets value.bound from the words before s (or after e) when there is one; returns value. */
export function bounded(sc: ScanContext, s: number, e: number, value: FigureValue): FigureValue {
  const b = boundBefore(sc, s, e);
  if (b) value.bound = b;
  return value;
}

export function boundBefore(sc: ScanContext, s: number, e: number): Bound | undefined {
  const t = sc.text;
  // Most figures have no bound: look at the regexes only when the word before can end one.
  let j = s - 1;
  while (j >= 0 && isGap(t.charCodeAt(j))) j--;
  let k = j;
  while (k >= 0 && (isLetter(t.charCodeAt(k)) || isInWordMark(t.charCodeAt(k)))) k--;
  let last = foldWord(t.slice(k + 1, j + 1));
  if (!BOUND_TAIL.has(last) && last.length > 3) last = last.replace(/^[وفبل]{1,2}(?=.{3})/, '');
  if (!BOUND_TAIL.has(last) && !exceedVerbBefore(sc, s)) return boundAfter(sc, e);
  const before = fold(t.slice(Math.max(0, s - 28), s)).replace(/\s+/g, ' ');
  for (const [re, b] of BOUND_BEFORE) {
    const m = re.exec(before);
    // «بعنوان «نحو 2030»»: a quote opened after a title's word names a title, not a bound figure.
    if (m) return OPEN_QUOTES.includes(m[0][0]!) && titleBeforeQuote(t, s) ? undefined : b;
  }
  // "تجاوز عدد المستفيدين 16 ألف": an exceed verb a few words before, no punctuation between.
  const exceed = /(?:^|\s)([وف]?(?:لا|لن|الا|الن|لم) )?[وف]?(?:تجاوز|تجاوزت|يتجاوز|تتجاوز|تخطي|تخطت|يتخطي|فاق|فاقت|يفوق|تفوق)(?: [^\s،,.؛:]+){1,3} $/.exec(before);
  // "على ألا يتجاوز مبلغ التعويض 9000 ريال": a negated exceed verb sets the most, not the least.
  if (exceed) return exceed[1] ? 'at-most' : 'more-than';
  return boundAfter(sc, e);
}

const OPEN_QUOTES = '"«“\'';

/**
 * Words that name what a quote after them is the title of (folded stems; with و ف ب ل, ال, and ه
 * or ها after): بعنوان، تحت شعار، باسم، حملة، كتابه، مبادرة …
 */
const TITLE_WORDS = new Set(
  `عنوان شعار اسم مسمي تسميه وسم هاشتاق كتاب روايه فيلم مسلسل برنامج حمله مبادره مشروع مسرحيه قصيده اغنيه
  ديوان مقال مقاله معرض مؤتمر ندوه مهرجان ملتقي وثيقه خطه استراتيجيه رؤيه`.split(/\s+/).filter(Boolean),
);

/** Whether the last opening quote before s follows a title's word (past a colon): «تحت شعار: "أكثر من …"». */
function titleBeforeQuote(t: string, s: number): boolean {
  let q = s - 1;
  while (q >= 0 && s - q < 40 && !OPEN_QUOTES.includes(t[q]!)) q--;
  if (q < 0 || !OPEN_QUOTES.includes(t[q]!)) return false;
  let j = q - 1;
  while (j >= 0 && (isGap(t.charCodeAt(j)) || t[j] === ':')) j--;
  let k = j;
  while (k >= 0 && (isLetter(t.charCodeAt(k)) || isInWordMark(t.charCodeAt(k)))) k--;
  const w = foldWord(t.slice(k + 1, j + 1));
  // Every reading: up to two of و ف ب ل before, ال, and a pronoun ه / ها after (حملته, فيلمها).
  for (let p = 0; p <= 2 && p < w.length; p++) {
    if (p > 0 && !'وفبل'.includes(w[p - 1]!)) break;
    for (const x of [w.slice(p), w.startsWith('ال', p) ? w.slice(p + 2) : '']) {
      if (TITLE_WORDS.has(x) || TITLE_WORDS.has(x.replace(/(?:ها|ه)$/, '')) || TITLE_WORDS.has(x.replace(/(?:تها|ته)$/, 'ه'))) return true;
    }
  }
  return false;
}

/** Cheap pre-check for the exceed-verb rule: تجاوز / تخطى / فاق in the 40 characters before. */
function exceedVerbBefore(sc: ScanContext, s: number): boolean {
  const head = sc.text.slice(Math.max(0, s - 40), s);
  return head.includes('تجاوز') || head.includes('تخط') || head.includes('فاق') || head.includes('يفوق') || head.includes('تفوق');
}

function boundAfter(sc: ScanContext, e: number): Bound | undefined {
  const t = sc.text;
  const q = sc.skipGap(e);
  const c = t.charCodeAt(q);
  if (c !== 0x62a && c !== 0x639 && c !== 0x643 && c !== 0x628) {
    // "100 شخص على الأقل": the bound may follow the counted noun (read only when على comes next).
    if (!isLetter(c)) return undefined;
    let we = q + 1;
    while (we < sc.n && CHAR_CLASS[t.charCodeAt(we)] !== 0) we++;
    let r = sc.skipGap(we);
    // "12 مدنيا، على الأقل،": the bound set off by a comma after the counted noun.
    if (r === we && (t[r] === '،' || t[r] === ',')) {
      const r2 = sc.skipGap(r + 1);
      if (r2 > r + 1) r = r2;
    }
    if (r === we || t.charCodeAt(r) !== 0x639 || !t.startsWith('على', r)) return undefined;
    const m = /^على\s+(?:الأقل|الاقل)(?![\u0621-\u064a])/.exec(t.slice(r, r + 14));
    if (!m) return undefined;
    // After the comma the bound is this number's only when set off (closed by a comma or the end of
    // the sentence): in "12 شخصا، على الأقل ثلاثة منهم" it opens the next clause and bounds ثلاثة.
    if (t[we] === '،' || t[we] === ',') {
      const z = sc.skipGap(r + m[0].length);
      if (z < sc.n && !/[،,.؛;:!?؟\n\r)]/.test(t[z])) return undefined;
    }
    const w = sc.wordAt(q);
    return w && w.r.length === 0 ? 'at-least' : undefined;
  }
  const after = fold(t.slice(e, Math.min(sc.n, e + 16)));
  if (/^\s(?:تقريبا)/.test(after)) return 'about';
  if (/^\s(?:على الاقل)/.test(after)) return 'at-least';
  if (/^\s(?:على الاكثر|كحد اقصى|بحد اقصى)/.test(after)) return 'at-most';
  return undefined;
}
