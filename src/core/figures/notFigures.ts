// Numbers that are no figures: list item numbers ("2- تطوير …"), numbers naming a thing (القرار
// 2216, رقم (6), المادة 12), model names (إف 16, EliteBook 1020), a work's title in quotes (فيلم
// "71"), idioms (ألف ليلة وليلة) and وست in transliterated names (وست هام).

import { CLOSER, definiteAt, foldWord, isDigit, isGap, isInWordMark, isLatin, isLetter } from './chars';
import { IDENT_FINALS } from './lexicon';
import { get, has, type ScanContext, type Word } from './scanContext';

/** Latin letters spelled in Arabic that head model names (إف 16, بي 52, ميغ 29, سو 35). */
const LETTER_NAME_STARTS = 'إابسمتجيك';
const LETTER_NAMES = new Set(['إف', 'اف', 'بي', 'سي', 'إم', 'ام', 'ميغ', 'ميج', 'سو', 'تي', 'جي', 'إس', 'اس', 'إتش', 'كيو', 'يو', 'إيه', 'ايه']);

/** Words after "وست" that make it "West" in a transliterated name (وست هام), not "and six" (folded). */
const WEST_NAMES = new Set(['هام', 'بروميتش', 'برومويتش', 'اند', 'منستر', 'مينستر', 'بوينت', 'فرجينيا', 'فيرجينيا', 'بانك',
  'كوست', 'سايد', 'يوركشاير', 'ميدلاندز', 'لندن', 'هارتفورد', 'بالم', 'بيرث', 'وورد']);

/**
 * "2- تطوير …", "1) رفع …", "3. …", "(2) تحسين …": one or two digits opening a line and followed by a list mark
 * number the items of a list; they are skipped whole, not read as counts. So is a number of one or
 * two digits alone on its line (a column's section numbers).
 */
export function listNumberAt(sc: ScanContext, i: number): number | undefined {
  const t = sc.text;
  let j = i - 1;
  // "(2) تحسين …": the number in brackets, the bracket opening the line.
  const bracketed = j >= 0 && t[j] === '(';
  if (bracketed) j--;
  while (j >= 0 && isGap(t.charCodeAt(j))) j--;
  if (j >= 0 && t.charCodeAt(j) !== 0x0a && t.charCodeAt(j) !== 0x0d) return undefined;
  let e = i;
  while (e < sc.n && isDigit(t.charCodeAt(e))) e++;
  if (e - i > 2) return undefined;
  if (bracketed) {
    if (t[e] !== ')') return undefined;
    const k = sc.skipGap(e + 1);
    // "(5) ملايين ريال" opening a paragraph is an amount: a scale, unit or currency word after it counts.
    if (!(k > e + 1 && k < sc.n && isLetter(t.charCodeAt(k)))) return undefined;
    const w = sc.wordAt(k);
    if (!w || w.r.length > 0) return undefined;
    // "(15) مصابا نقلوا …": an accusative counted noun after it makes a count; "(12) حالة وفاة سجلت
    // أمس." opening a paragraph is one too unless the lines around make a list (a line ending with a
    // colon before it, or another bracketed number opening the line before or after).
    if (accusativeNoun(t, w.s, w.e)) return undefined;
    return bracketListAround(sc, i - 1) ? e + 1 : undefined;
  }
  const m = sc.skipGap(e);
  // "1", "2" … alone on their lines: the numbers of a column's sections.
  if (m >= sc.n || t.charCodeAt(m) === 0x0a || t.charCodeAt(m) === 0x0d) return e;
  if (m > e && t[m] !== '-' && t[m] !== '–') return undefined;
  e = m;
  const mark = t[e];
  if (mark !== '-' && mark !== '–' && mark !== ')' && mark !== '.') return undefined;
  const k = sc.skipGap(e + 1);
  if (k === e + 1 && mark !== ')' && mark !== '-' && mark !== '–') return undefined;
  return k < sc.n && (isLetter(t.charCodeAt(k)) || t[k] === '"' || t[k] === '«' || t[k] === '“') ? e + 1 : undefined;
}

/** An indefinite accusative noun s..e after a number: قتيلا، مصابا، شخصا (not ـوا، ـها، ـنا). */
export function accusativeNoun(t: string, s: number, e: number): boolean {
  if (e - s < 3 || t.startsWith('ال', s)) return false;
  let z = e;
  while (z > s && (t.charCodeAt(z - 1) === 0x64b || t.charCodeAt(z - 1) === 0x64e)) z--; // ـاً
  if (t[z - 1] !== 'ا') return false;
  const b = t[z - 2];
  return b !== 'و' && b !== 'ه' && b !== 'ن' && b !== 'ا';
}

/** Whether the bracket opening the line at b stands in a list: the line before ends with a colon or opens with "(N)", or the line after does. */
function bracketListAround(sc: ScanContext, b: number): boolean {
  const t = sc.text;
  const opensWithNumber = (p: number): boolean => /^[ \t]*\(?[0-9٠-٩]{1,2}[)\-–.]/.test(t.slice(p, p + 12));
  let j = b - 1;
  while (j >= 0 && (t[j] === '\n' || t[j] === '\r' || isGap(t.charCodeAt(j)))) j--;
  if (j >= 0) {
    if (t[j] === ':') return true;
    let ls = j;
    while (ls > 0 && t[ls - 1] !== '\n' && t[ls - 1] !== '\r') ls--;
    if (opensWithNumber(ls)) return true;
  }
  let k = t.indexOf('\n', b);
  if (k < 0) return false;
  while (k < sc.n && (t[k] === '\n' || t[k] === '\r')) k++;
  return k < sc.n && opensWithNumber(k);
}

/**
 * "1990- استقالة …", "2011: …": a four-digit year opening a line and followed by a dash or a
 * colon and words is the entry of a timeline. The end of the year digits, or undefined.
 */
export function timelineYearAt(sc: ScanContext, i: number): number | undefined {
  const t = sc.text;
  let j = i - 1;
  while (j >= 0 && isGap(t.charCodeAt(j))) j--;
  if (j >= 0 && t.charCodeAt(j) !== 0x0a && t.charCodeAt(j) !== 0x0d) return undefined;
  const r = sc.digitRun(i);
  if (r.e - i !== 4 || +r.str < 1000 || +r.str > 2100) return undefined;
  const m = sc.skipGap(r.e);
  if (t[m] !== '-' && t[m] !== '–' && t[m] !== ':') return undefined;
  const k = sc.skipGap(m + 1);
  return k < sc.n && isLetter(t.charCodeAt(k)) ? r.e : undefined;
}

/** A model name before the digits at i: two Latin letters (EliteBook 1020) or a spelled letter (إف 16, بي-52). */
export function modelNameBefore(sc: ScanContext, i: number): boolean {
  const t = sc.text;
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

/** فيلم "71": a number alone in quotes after the noun of a work is its title. */
export function quotedTitle(sc: ScanContext, s: number, e: number): boolean {
  const t = sc.text;
  const open = t[s - 1];
  if ((open !== '"' && open !== '«' && open !== '“') || CLOSER[open] !== t[e]) return false;
  return has(sc.prevWord(s - 1), 'work');
}

/** A noun that numbers what it names (رقم, القرار, المادة …) right before the digits, brackets allowed. */
export function identifierBefore(sc: ScanContext, i: number, onlyRaqm = false): boolean {
  const t = sc.text;
  let j = i;
  while (j > 0 && (isGap(t.charCodeAt(j - 1)) || t[j - 1] === '(')) j--;
  // Every identifier noun ends in م ر د ة ه ز ن ي ع (رقم, قرار, بند, مادة, رمز, آيفون, جالاكسي, نوع): other words are not looked up.
  const last = t.charCodeAt(j - 1);
  if (last !== 0x645 && last !== 0x631 && last !== 0x62f && last !== 0x629 && last !== 0x647 && last !== 0x632 && last !== 0x646 && last !== 0x64a &&
    last !== 0x639) return false;
  const w = sc.prevWord(j);
  const id = get(w, 'ident');
  // Before a number word only رقم names (رقم تسعة); "الرحلة عشرين دقيقة" is a duration.
  return !!id && (id.raqm || !onlyRaqm);
}

/**
 * A match score: one or two digits, "-" or "/", one or two digits (2-0, (0/ 2)), not part of a
 * date or a longer chain, with a match word (مباراة, فاز, هدف …) among the words of the 60
 * characters before or the 30 after. Returns the end of the score, which is no figure.
 */
export function scoreAt(sc: ScanContext, i: number): number | undefined {
  const t = sc.text;
  const end = sc.digitEnd(i);
  if (end - i > 2) return undefined;
  let p = sc.skipGap(end);
  if (t[p] !== '-' && t[p] !== '–' && t[p] !== '/') return undefined;
  const a = sc.digitRun(i);
  // The same separator again before or after is a date (2/5/2015, 28 /02 /1437); tennis sets
  // written "(4/6 - 3/6)" join their pairs with another one.
  const kind = (ch: string | undefined): string => (ch === '–' ? '-' : ch ?? '');
  const mid = kind(t[p]);
  let pb = i - 1;
  while (pb >= 0 && isGap(t.charCodeAt(pb))) pb--;
  if (pb >= 0 && (isDigit(t.charCodeAt(pb)) || kind(t[pb]) === mid || t[pb] === '.' || t[pb] === ',')) return undefined;
  p = sc.skipGap(p + 1);
  if (!isDigit(t.charCodeAt(p))) return undefined;
  const b = sc.digitRun(p);
  // Up to 20 goals a side; a bracketed pair may be a basketball or handball score ("(30-20)").
  const close = sc.skipGap(b.e);
  const most = pb >= 0 && t[pb] === '(' && close < sc.n && t[close] === ')' ? 99 : 20;
  if (b.e - p > 2 || +a.str > most || +b.str > most) return undefined;
  // Not a date (2/5/2015), a decimal (2-0.5) or digits glued to a word.
  // Reads stay within the text: one past its end would deopt this function.
  const c = b.e < sc.n ? t.charCodeAt(b.e) : 0;
  if (isDigit(c) || isLetter(c) || isLatin(c)) return undefined;
  const sep = sc.skipGap(b.e);
  if (sep < sc.n - 1 && (kind(t[sep]) === mid || '.,٫'.includes(t[sep] ?? ' ')) && isDigit(t.charCodeAt(sc.skipGap(sep + 1)))) return undefined;
  // "من 3-5 ساعات", "بين 2-3 أهداف": a range of counts with its unit or after من / بين.
  const next = sc.nextWord(b.e);
  if (next && next.r.some((r) => FIGURE_WORD.has(r.e.t) || r.e.t === 'sport')) return undefined;
  const before = sc.prevWord(i);
  if (before && (has(before, 'min') || before.key === 'بين' || before.key === 'وبين')) return undefined;
  return sportWordIn(sc, Math.max(0, i - 60), i) || sportWordIn(sc, b.e, Math.min(sc.n, b.e + 30)) ? b.e : undefined;
}

/** Whether a word of [from, to) is a match word. */
function sportWordIn(sc: ScanContext, from: number, to: number): boolean {
  const t = sc.text;
  let k = from;
  while (k > 0 && k < to && isLetter(t.charCodeAt(k - 1))) k++;
  while (k < to) {
    if (!isLetter(t.charCodeAt(k))) {
      k++;
      continue;
    }
    const w = sc.wordAt(k);
    if (!w) break;
    if (has(w, 'sport')) return true;
    k = w.e;
  }
  return false;
}

/** Telecom operators and SMS words near a short code. */
const SHORT_CODE_NEAR = /(?:^|[^A-Za-z\u0621-\u064A])(?:sms|SMS|Sms|stc|Stc|STC|Mobily|mobily|MOBILY|Zain|zain|ZAIN|موبايلي|زين|الاتصالات|رسالة نصية)(?![A-Za-z\u0621-\u064A])/;

/**
 * "أرسل sms إلى 88548", "الاتصالات 636250 موبايلي 738303 زين": a bare five- or six-digit number
 * beside an operator's name or an SMS word is a short code to text, not a count.
 */
export function shortCodeNear(sc: ScanContext, s: number, e: number): boolean {
  if (e - s < 5 || e - s > 6) return false;
  const t = sc.text;
  for (let k = s; k < e; k++) if (!isDigit(t.charCodeAt(k))) return false;
  // Not an amount or a count of something (125000 مشترك, 50000 ريال).
  const next = sc.nextWord(e);
  if (next && next.r.some((r) => FIGURE_WORD.has(r.e.t))) return false;
  if (next && next.r.length === 0 && !definiteAt(t, next.s, next.s + 4) &&
    !SHORT_CODE_NEAR.test(' ' + t.slice(next.s, next.e))) return false;
  return SHORT_CODE_NEAR.test(t.slice(Math.max(0, s - 20), s)) || SHORT_CODE_NEAR.test(t.slice(e, e + 20));
}

/** Readings of a word after a number that make it a figure's own word (a unit, a currency, a scale …). */
const FIGURE_WORD = new Set(['scale', 'cur', 'unit', 'tunit', 'pctWord', 'markerH', 'markerG', 'month', 'hmonth', 'num', 'frac']);

/**
 * "قرار مجلس الأمن الدولي 2216": an identifier noun (not رقم) two to four words before a bare
 * integer, the words between unknown to the lexicon and joined by spaces only (a name in
 * construct), and nothing counted after the number: the number names the decision.
 */
export function identifierAcross(sc: ScanContext, s: number, e: number): boolean {
  const t = sc.text;
  if (!isGap(t.charCodeAt(s - 1))) return false;
  // After the number: the end, punctuation, a definite word or a function word, never a counted noun or a unit.
  const next = sc.nextWord(e);
  if (next) {
    if (next.r.some((r) => FIGURE_WORD.has(r.e.t))) return false;
    // A definite word or ذلك / تلك, compared in place within the word's first four characters.
    const end = Math.min(next.e, next.s + 4);
    if (next.r.length === 0 && !definiteAt(t, next.s, end) && !(end - next.s >= 3 && (t.startsWith('ذلك', next.s) || t.startsWith('تلك', next.s)))) return false;
  } else if (isDigit(t.charCodeAt(sc.skipGap(e)))) return false;
  if (!identifierMayPrecede(t, s)) return false;
  let p = s;
  for (let words = 0; words < 4; words++) {
    const w = sc.prevWord(p);
    if (!w) return false;
    // Only spaces between the words: a comma or a bracket ends the name.
    for (let k = w.e; k < p; k++) if (!isGap(t.charCodeAt(k))) return false;
    if (words > 0) {
      const id = get(w, 'ident');
      if (id) return !id.raqm;
    }
    if (w.r.length > 0) return false;
    p = w.s;
  }
  return false;
}

/**
 * Whether one of the second to fourth words before s (walked as identifierAcross walks them, with
 * prevWord) ends in a letter some identifier noun ends in: most numbers have none, and are let go
 * without a word looked up.
 */
function identifierMayPrecede(t: string, s: number): boolean {
  let p = s;
  for (let words = 0; words < 4; words++) {
    let j = p - 1;
    while (j >= 0 && isGap(t.charCodeAt(j))) j--;
    if (j < 0 || !isWordChar(t.charCodeAt(j))) return false;
    let k = j;
    while (k > 0 && isWordChar(t.charCodeAt(k - 1))) k--;
    if (words > 0) {
      // The word's key drops its marks: its last letter is the last character that is no mark.
      let last = j;
      while (last > k && isInWordMark(t.charCodeAt(last))) last--;
      if (IDENT_FINALS.has(t.charCodeAt(last))) return true;
    }
    p = k;
  }
  return false;
}

function isWordChar(c: number): boolean {
  return isLetter(c) || isInWordMark(c);
}

/** "X وX" right after p: a noun repeated with و (ليلة وليلة). Compared in place, nothing sliced. */
export function repeatedNounAfter(sc: ScanContext, p: number): boolean {
  const t = sc.text;
  const xs = sc.skipGap(p);
  let xe = xs;
  while (xe < sc.n && isLetter(t.charCodeAt(xe))) xe++;
  if (xe - xs < 2) return false;
  const ys = sc.skipGap(xe);
  if (ys === xe || t.charCodeAt(ys) !== 0x648) return false;
  const len = xe - xs;
  if (isLetter(t.charCodeAt(ys + 1 + len))) return false;
  for (let k = 0; k < len; k++) if (t.charCodeAt(xs + k) !== t.charCodeAt(ys + 1 + k)) return false;
  return true;
}

/** أبو / أم (and their spellings) that open a name: أم سبعة, أبو ستة are places and people. */
const KUNYA: ReadonlySet<string> = new Set(['أبو', 'ابو', 'أبي', 'ابي', 'أبا', 'ابا', 'أم', 'ام', 'وأبو', 'وابو', 'وأم', 'وام']);

/**
 * A number word right after أبو or أم is part of a name (عين أم سبعة, أبو خمسة); not أم "or"
 * between two numbers (ستة أم سبعة).
 */
export function kunyaBefore(sc: ScanContext, w: Word): boolean {
  const t = sc.text;
  const k = w.s - 1;
  if (k < 2 || t[k] !== ' ' || !isLetter(t.charCodeAt(k - 1))) return false;
  let j = k - 1;
  while (j > 0 && isLetter(t.charCodeAt(j - 1))) j--;
  if (k - j > 4 || !KUNYA.has(t.slice(j, k))) return false;
  // "أم لخمسة أطفال", "أم خمسة أطفال": a mother of five; the name has no clitic and counts nothing.
  if (!w.r.some((r) => r.e.t === 'num' && r.pre === '')) return false;
  const after = sc.nextWord(w.e);
  if (after && after.r.length === 0 && !definiteAt(t, after.s, after.s + 4)) return false;
  if (t[k - 1] !== 'م') return true;
  const before = sc.prevWord(j);
  if (before && before.r.some((r) => r.e.t === 'num' || r.e.t === 'scale')) return false;
  let p = j - 1;
  while (p >= 0 && isGap(t.charCodeAt(p))) p--;
  return !(p >= 0 && isDigit(t.charCodeAt(p)));
}

/** وست before a name of WEST_NAMES is "West" (وست هام), not "and six". */
export function westName(sc: ScanContext, w: Word): boolean {
  if (w.key !== 'وست') return false;
  const name = sc.nextWord(w.e);
  return !!name && WEST_NAMES.has(foldWord(sc.text.slice(name.s, name.e)));
}

/**
 * A telephone noun, alone or with an adjective that makes it a line (الهاتف المجاني، الرقم الموحد), right
 * before a number (brackets or a colon allowed); not الهاتف + another adjective (ذاكرة الهاتف الداخلية 4).
 */
/** The words PHONE_BEFORE may end with (with its clitics), checked before the regular expression runs. */
const PHONE_WORDS: ReadonlySet<string> = new Set(['هاتف', 'الهاتف', 'وهاتف', 'والهاتف', 'بهاتف', 'بالهاتف', 'جوال', 'الجوال', 'بالجوال', 'واتساب', 'اب', 'رقم', 'الرقم', 'بالرقم']);
const PHONE_ADJECTIVES: ReadonlySet<string> = new Set(['المجاني', 'الموحد', 'المختصر', 'المباشر', 'المحمول', 'الجوال', 'النقال']);
const PHONE_BEFORE = /(?:^|[^\u0621-\u064A])[وب]?(?:ال)?(?:هاتف|جوال|واتساب|واتس اب|رقم)(?: (?:المجاني|الموحد|المختصر|المباشر|المحمول|الجوال|النقال))? ?[(:]? ?$/;

/** The noun of a named thing (and perhaps one adjective), then a quote opening one to three words. */
const NAMED_THING_QUOTE = new RegExp(
  '(?:^|[^\\u0621-\\u064A])[وبلف]?(?:ال|لل)?(?:نظام|تمرين|مناورات|مناورة|عملية|برنامج|لعبة|جهاز|هاتف|فيلم|مسلسل|مشروع|إصدار|اصدار|' +
    'نسخة|طراز|منظومة|صاروخ|طائرة|طائرات|قمر|مسابقة|حملة|مبادرة|تطبيق|سيارة|تقنية)(?: [\\u0621-\\u064A]+)? ?' +
    '["«“”″\'] ?(?:[\\u0621-\\u064A\\u0640A-Za-z]+ ){1,3}$',
);

/**
 * A name that ends in a number, in quotes: “ويندوز 10″, ”الصمصام 5″, «درع الجزيرة 10». The
 * quote opens before a word and closes right after the number [s, e).
 */
export function quotedNameNumber(sc: ScanContext, s: number, e: number): boolean {
  const t = sc.text;
  const q = t[e] === ' ' ? t[e + 1] : t[e];
  if (q !== '"' && q !== '»' && q !== '”' && q !== '″' && q !== '“' && q !== "'") return false;
  // Back over one to three words to the opening quote, after the noun of a named thing.
  const before = t.slice(Math.max(0, s - 60), s);
  return NAMED_THING_QUOTE.test(before);
}

/**
 * Numbers that name rather than count, by the words around them: an age group (منتخب تحت 19 سنة)
 * and a newspaper's issue (العدد 17167 بتاريخ …). Only raw text around [s, e) is compared.
 */
export function namingNumber(sc: ScanContext, s: number, e: number): boolean {
  const t = sc.text;
  // "/ 5 + 1 /", "6+1": a group or a plan named by a sum with one, not a count.
  if (e - s === 1 && (t[sc.skipGap(e)] === '+' || (t[s] === '1' || t[s] === '١'))) {
    if (/^ ?\+ ?[1١](?![0-9٠-٩])/.test(t.slice(e, e + 4)) || (/[1١]/.test(t[s]) && /(?:^|[^0-9٠-٩])[0-9٠-٩] ?\+ ?$/.test(t.slice(Math.max(0, s - 4), s)))) return true;
  }
  // The word before, past a space, a bracket or a colon: most numbers have none of the few words
  // looked for, and are let go after one slice.
  let j = s - 1;
  while (j >= 0 && (isGap(t.charCodeAt(j)) || t[j] === '(' || t[j] === ':')) j--;
  if (j < 0 || !isLetter(t.charCodeAt(j))) return false;
  let k = j;
  while (k > 0 && isLetter(t.charCodeAt(k - 1))) k--;
  const before = t.slice(k, j + 1);
  // "الهاتف المجاني (19988)", "جوال 0555…", "الرقم الموحد: 9200…": a telephone number.
  if (PHONE_WORDS.has(before) || PHONE_ADJECTIVES.has(before)) return PHONE_BEFORE.test(t.slice(Math.max(0, s - 24), s));
  const spaced = j === s - 2 && t[s - 1] === ' ';
  if (!spaced || !(before === 'تحت' || before === 'لتحت' || before === 'العدد' || before === 'عددها' || before === 'بالعدد')) return false;
  const after = /^ (\S+)/.exec(t.slice(e, e + 14))?.[1]?.replace(/[\u064B-\u065F\u0640،,.]/g, '');
  if (!after) return false;
  // "تحت 19 سنة", "تحت 23 عاما": a team of players under that age, not a span of time.
  if (before === 'تحت' || before === 'لتحت') return /^(?:سنة|عاما|عام)$/.test(after);
  // "العدد 17167 بتاريخ", "في عددها 5123 الصادر": the number of an issue.
  return /^(?:بتاريخ|الصادر|الصادرة)$/.test(after);
}

/**
 * "رقم ( 104 / 47 )", "القرار 12/3": the parts after a slash or a dash that go on an identifier
 * ending at e are the identifier's too. Where the identifier ends.
 */
export function identifierEnd(sc: ScanContext, e: number): number {
  const t = sc.text;
  for (;;) {
    const p = sc.skipGap(e);
    if (t[p] !== '/' && t[p] !== '-') return e;
    const q = sc.skipGap(p + 1);
    if (q >= sc.n || !isDigit(t.charCodeAt(q))) return e;
    e = sc.digitEnd(q);
  }
}
