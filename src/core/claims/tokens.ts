// Tokens as the claim detector reads them: the words of arabic.ts's tokenizer with their folded
// form, line, lexicon bits (with and without a و ف ب ل clitic) and the kind of speech verb they are.

import { tokensOf } from '../arabic';
import { foldToken, LEXICON, MAX_WORD_LENGTH, VERB_BITS, W } from './lexicon';

/**
 * One token. A class with six fields, not a literal with nine: a big file has a million of them,
 * alive through the whole claims stage, so `end`, `word`, `line` and `vk` are derived (end from the
 * token's length, the other three packed in `info`) and each token costs 72 bytes, not 96.
 */
export class Tok {
  constructor(
    readonly start: number,
    readonly raw: string,
    /** Folded form for lookup. */
    readonly n: string,
    /** Lexicon bits (lexicon.ts W) of the word, and of the word without a و ف ب ل prefix. */
    public f: number,
    readonly fp: number,
    /** line << 4 | vk << 1 | word. */
    private readonly info: number,
  ) {}

  get end(): number {
    return this.start + this.raw.length;
  }

  get word(): boolean {
    return (this.info & 1) !== 0;
  }

  get line(): number {
    return this.info >>> 4;
  }

  get vk(): VerbKind {
    return (this.info >>> 1) & 7;
  }
}

export const enum VerbKind {
  None,
  Past,
  Present,
  Participle,
  Locative,
}

/** A token range, end exclusive: a sentence or a segment of one. */
export interface Sentence {
  a: number;
  b: number;
}

/** Words after which a speech verb's letters are its verbal noun (طالبا عدم ذكر اسمه). Folded. */
const VERBAL_NOUN_BEFORE: ReadonlySet<string> = new Set(['عدم', 'بعدم', 'لعدم', 'وعدم', 'دون', 'بدون', 'ودون']);

const LETTER_FOLD = /[أإآٱىة]/g;
/** The alef forms LETTER_FOLD folds to bare alef (with ى → ي and ة → ه, as foldWord does). */
const ALEFS = /[أإآٱ]/g;
const IGNORABLE = /[\u064B-\u0652\u0670\u0640\u200B-\u200F\u061C]/;

export function toTokens(text: string): Tok[] {
  const raw = tokensOf(text);
  // Fold the whole text at once (letter folding keeps its length, so token offsets still apply);
  // only texts with diacritics or marks need a per-token fold.
  // Positions by an exec loop and the folded text by plain string replacements: V8's replace() with
  // a callback grows faster than the text (13x the time for 10x the text on a 1 MB article).
  const foldAt: number[] = [];
  LETTER_FOLD.lastIndex = 0;
  for (let m = LETTER_FOLD.exec(text); m; m = LETTER_FOLD.exec(text)) foldAt.push(m.index);
  const folded = foldAt.length ? text.replace(ALEFS, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه') : text;
  const marks = IGNORABLE.test(text);
  let nextFold = 0;
  const out: Tok[] = new Array(raw.length);
  let line = 0;
  let prevEnd = 0;
  let i = 0;
  for (let r = 0; r < raw.length; r++) {
    const t = raw[r]!;
    for (let k = prevEnd; k < t.start; k++) if (text.charCodeAt(k) === 10) line++;
    prevEnd = t.end;
    // "د.عبدالعزيز"، "د. أحمد"، "أ.د. خالد": the dot of a title's abbreviation is no token, so it
    // neither ends the sentence nor cuts the speaker's name (the name's text still carries it).
    if (t.text === '.' && i > 0 && titleAbbreviation(text, out[i - 1]!, t.end) && !(i > 1 && counted(out[i - 2]!))) continue;
    const c = t.text.charCodeAt(0);
    const word = t.text.length > 1 || isWordStart(c);
    while (nextFold < foldAt.length && foldAt[nextFold]! < t.start) nextFold++;
    // Most tokens have nothing to fold: they keep their own string and cost no allocation.
    const needsFold = nextFold < foldAt.length && foldAt[nextFold]! < t.end;
    const n = !word ? t.text : marks && IGNORABLE.test(t.text) ? foldToken(t.text) : needsFold ? folded.slice(t.start, t.end) : t.text;
    const known = word && n.length <= MAX_WORD_LENGTH + 1;
    // على is often written علي, but علي as written is first the name Ali: no preposition break then.
    // لـ with a tatweel always addresses someone (لـ"عين اليوم"، لـ«الشرق الأوسط»).
    let f = known ? (LEXICON.get(n) ?? 0) & (t.text === 'علي' ? ~W.Break : ~0) : 0;
    if (word && t.text.startsWith('لـ')) f |= W.Break;
    // The word without its clitic: وقال → قال، لوزارة → وزارة، للأرقام → الأرقام (لـ + الـ is written لل).
    const fp = f === 0 && known && n.length > 3 && 'وفبل'.includes(n[0]!)
      ? LEXICON.get(n[1] === 'ل' && n[0] === 'ل' ? 'ا' + n.slice(1) : n.slice(1)) ?? 0
      : 0;
    let vk = verbKind(n, f, fp);
    // بيّن is a speech verb only opening a clause: after a line break or . ، , ؛ (بين is also "between").
    // Written with its shadda (وبيّن) or hamza (وأبان) it is the verb wherever it stands.
    if (vk === VerbKind.None && word && (f | fp) & W.Explain) {
      const prev = i > 0 ? out[i - 1]! : undefined;
      if (!prev || prev.line !== line || (!prev.word && /^[.،,؛:!؟?]$/.test(prev.raw)) || (markedExplain(t.text) && !n.endsWith('يبين'))) {
        vk = (n.endsWith('يبين') ? VerbKind.Present : VerbKind.Past);
      }
    }
    // عدم ذكر اسمه، دون الكشف عن: after عدم / دون the verb's letters spell its verbal noun.
    if (vk !== VerbKind.None && i > 0 && VERBAL_NOUN_BEFORE.has(out[i - 1]!.n)) vk = VerbKind.None;
    // قال ذات مرة: ذات before مرة is the adverb "once" (elsewhere, ذات العلاقة, it is part of a name).
    if ((n === 'مره' || n === 'مرة') && i > 0 && out[i - 1]!.n === 'ذات') out[i - 1]!.f |= W.Time | W.Break;
    // قال مرة أخرى وزير …: أخرى / ثانية after مرة ("once again") is the adverb's, not the speaker's.
    if ((n === 'اخري' || n === 'ثانيه') && i > 0 && (out[i - 1]!.n === 'مره' || out[i - 1]!.n === 'مرة')) f |= W.Time | W.Break;
    out[i++] = new Tok(t.start, t.text, n, f, fp, (line << 4) | (vk << 1) | (word ? 1 : 0));
  }
  out.length = i;
  return out;
}

/** Single letters that abbreviate a title before a name: د (دكتور), أ (أستاذ). */
const TITLE_LETTERS: ReadonlySet<string> = new Set(['د', 'أ']);

/** Feminine-counted number words the lexicon's W.Number list lacks (عشر دقائق، خمس د.). */
const COUNT_WORDS: ReadonlySet<string> = new Set(['ثلاث', 'اربع', 'خمس', 'ست', 'سبع', 'ثماني', 'ثمان', 'تسع', 'عشر']);

/**
 * A number (digits or a number word) before a one-letter abbreviation: "10 د." is ten minutes (دقائق),
 * not a title before a name, so its dot may end the sentence.
 */
function counted(t: Tok): boolean {
  if (!t.word) return false;
  const c = t.raw.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9)) return true;
  return !!(t.f & W.Number) || COUNT_WORDS.has(t.n);
}

/**
 * A dot at dotEnd - 1 right after a one-letter title written on its own (د. أحمد، د.أحمد، أ.د.
 * خالد), with a letter after it (past one space): an abbreviation, not a sentence's end.
 */
function titleAbbreviation(text: string, before: Tok, dotEnd: number): boolean {
  if (!before.word || before.end !== dotEnd - 1 || !TITLE_LETTERS.has(before.raw)) return false;
  // The letter stands alone: a space, a line start, a bracket or another abbreviation's dot before it.
  const p = before.start > 0 ? text.charCodeAt(before.start - 1) : 0x20;
  if (!(p === 0x20 || p === 0x0a || p === 0x2e || p === 0x28 || p === 0xa0)) return false;
  const q = dotEnd < text.length && text.charCodeAt(dotEnd) === 0x20 ? dotEnd + 1 : dotEnd;
  const c = q < text.length ? text.charCodeAt(q) : 0;
  return c >= 0x0621 && c <= 0x064a;
}

/**
 * بيّن with its shadda or أبان with its hamza above: spelt so, neither can be بين (between) or إبان
 * (during), so the past forms are speech verbs anywhere in a sentence and their أن may stand farther
 * away (a present يبيّن inside a sentence mostly shows, not says: يبيّن لنا حقيقة …).
 */
export function markedExplain(raw: string): boolean {
  if (raw.includes('\u0651')) return true;
  const bare = raw[0] === 'و' || raw[0] === 'ف' ? raw.slice(1) : raw;
  return bare.startsWith('أبان');
}

function isWordStart(c: number): boolean {
  return (c >= 0x0621 && c <= 0x06ff) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function verbKind(n: string, f: number, fp: number): VerbKind {
  const bits = f & VERB_BITS ? f : n[0] === 'و' || n[0] === 'ف' ? fp : 0;
  if (bits & W.Past) return VerbKind.Past;
  if (bits & W.Present) return VerbKind.Present;
  if (bits & W.Participle) return VerbKind.Participle;
  if (bits & W.Locative) return VerbKind.Locative;
  return VerbKind.None;
}

/** Bits of a verb token, from its conjunction-less form when the bare form is the verb. */
export function verbBits(t: Tok): number {
  return t.f & VERB_BITS ? t.f : t.fp;
}

export function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
}

export function isComma(raw: string): boolean {
  return raw === '،' || raw === ',';
}

export function firstWord(toks: readonly Tok[], s: Sentence): number {
  let i = s.a;
  while (i < s.b && !toks[i]!.word) i++;
  return i;
}

export function stripConj(n: string): string {
  return n.length > 3 && (n[0] === 'و' || n[0] === 'ف') ? n.slice(1) : n;
}

/**
 * Verbal nouns of the commonest derived patterns (تفعيل، إفعال، افتعال، استفعال): the object of
 * أعلن/كشف (أعلن الوزير تسجيل …), never a personal name.
 */
export function isMasdar(n: string): boolean {
  const len = n.length;
  if (len === 5) return (n[0] === 'ت' && n[3] === 'ي') || (n[0] === 'ا' && n[3] === 'ا');
  if (len === 6) return n[0] === 'ا' && n[2] === 'ت' && n[4] === 'ا';
  if (len === 7) return n.startsWith('است') && n[5] === 'ا';
  return false;
}

export function isNisba(n: string): boolean {
  return n.startsWith('ال') && n.length > 4 && (n.endsWith('ي') || n.endsWith('يه') || n.endsWith('يين') || n.endsWith('يون'));
}
