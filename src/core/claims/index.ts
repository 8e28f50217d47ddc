// Claims: attributed statements (indirect speech, direct quotes, headlines, بحسب-sources) and
// unattributed sentences with figures, each with its claimant and a check-worthiness score.
//
// The detector works on tokens (arabic.ts) grouped into quote-aware sentences. It needs no entity
// recogniser (titles, organisation heads, documents and time/preposition breaks bound the speaker)
// and uses PER/ORG/LOC entities, when given, to extend a speaker to the whole name. Figures from
// the figure recogniser and its own number-word scan make a sentence quantitative. The score is
// documented at scoreClaim.

import { tokenize } from '../arabic';
import type { Claimant, ClaimDetection, EntityDetection, FigureDetection } from '../types';
import { foldToken, LEXICON, MAX_WORD_LENGTH, VERB_BITS, W } from './lexicon';

export interface ClaimContext {
  entities: readonly EntityDetection[];
  figures: readonly FigureDetection[];
}

interface Tok {
  start: number;
  end: number;
  raw: string;
  /** Folded form for lookup. */
  n: string;
  word: boolean;
  line: number;
  /** Lexicon bits (lexicon.ts W) of the word, and of the word without a و ف ب ل prefix. */
  f: number;
  fp: number;
  vk: VerbKind;
}

const enum VerbKind {
  None,
  Past,
  Present,
  Participle,
  Locative,
}

/** How far after a speech verb the complementiser may be: long title chains plus "في تصريحات لـ… في …". */
const MAX_ZONE = 26;
/** A quote with fewer words than this is a name or a scare quote ("القتالي"), not a statement. */
const MIN_QUOTE_WORDS = 3;
/** A quote with no speech verb near it must be this long to be a statement. */
const MIN_STANDALONE_QUOTE_WORDS = 6;
/** An unattributed sentence must be this long to be a statement (not a dateline or a caption). */
const MIN_FIGURE_SENTENCE_WORDS = 6;
/** A headline is a short line. */
const MAX_HEADLINE_TOKENS = 22;

interface Speaker {
  claimant: Claimant;
  /** How the speaker was found, for scoring. */
  strength: 'named' | 'document' | 'anonymous' | 'inherited';
}

interface Draft {
  /** Token range of the claim, end exclusive. */
  a: number;
  b: number;
  speaker: Speaker | null;
  cue: string;
}

interface Sentence {
  a: number;
  b: number;
}

export function findClaims(text: string, context: ClaimContext): ClaimDetection[] {
  const toks = toTokens(text);
  if (toks.length === 0) return [];
  const closeOf = pairQuotes(toks);
  const sentences = splitSentences(text, toks, closeOf);
  const figureTok = markFigures(toks, context.figures);
  const entities = context.entities
    .filter((e) => e.label === 'PER' || e.label === 'ORG' || e.label === 'LOC')
    .slice()
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const d = new Detector(text, toks, closeOf, entities);

  const drafts: Draft[] = [];
  for (const s of sentences) {
    if (d.footer(s)) continue;
    const found = d.sentence(s);
    if (found.length > 0) {
      drafts.push(...found);
      continue;
    }
    const fig = figureSentence(toks, s, figureTok);
    if (fig) drafts.push(fig);
  }

  const out: ClaimDetection[] = [];
  let lastEnd = -1;
  for (const dr of drafts) {
    const span = trimSpan(toks, closeOf, dr.a, dr.b);
    if (!span) continue;
    const start = toks[span.a]!.start;
    const end = toks[span.b - 1]!.end;
    if (start < lastEnd) continue;
    lastEnd = end;
    out.push({
      kind: 'claim',
      label: 'CLAIM',
      start,
      end,
      text: text.slice(start, end),
      claimant: dr.speaker ? dr.speaker.claimant : null,
      cue: dr.cue,
      checkWorthiness: scoreClaim(toks, span.a, span.b, dr, figureTok),
    });
  }
  return out;
}

const LETTER_FOLD = /[أإآٱىة]/g;
/** The alef forms LETTER_FOLD folds to bare alef (with ى → ي and ة → ه, as foldWord does). */
const ALEFS = /[أإآٱ]/g;
const IGNORABLE = /[\u064B-\u0652\u0670\u0640\u200B-\u200F\u061C]/;

function toTokens(text: string): Tok[] {
  const raw = tokenize(text);
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
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    for (let k = prevEnd; k < t.start; k++) if (text.charCodeAt(k) === 10) line++;
    prevEnd = t.end;
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
    if (vk === VerbKind.None && word && (f | fp) & W.Explain) {
      const prev = i > 0 ? out[i - 1]! : undefined;
      if (!prev || prev.line !== line || (!prev.word && /^[.،,؛:!؟?]$/.test(prev.raw))) {
        vk = (n.endsWith('يبين') ? VerbKind.Present : VerbKind.Past);
      }
    }
    out[i] = { start: t.start, end: t.end, raw: t.text, n, word, line, f, fp, vk };
  }
  return out;
}

function isWordStart(c: number): boolean {
  return (c >= 0x0621 && c <= 0x06ff) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

const OPENERS: Record<string, string> = { '«': '»', '“': '”', '"': '"', '„': '“' };

/** For each opening quote token, the index of its closing token on the same line, else -1. */
function pairQuotes(toks: readonly Tok[]): Int32Array {
  const closeOf = new Int32Array(toks.length).fill(-1);
  let open = -1;
  let want = '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (open >= 0 && t.line !== toks[open]!.line) open = -1;
    if (t.word) continue;
    if (open >= 0 && t.raw === want) {
      closeOf[open] = i;
      open = -1;
    } else if (open < 0 && OPENERS[t.raw] !== undefined) {
      open = i;
      want = OPENERS[t.raw]!;
    }
  }
  return closeOf;
}

function isEndMark(raw: string): boolean {
  return raw === '.' || raw === '!' || raw === '?' || raw === '؟';
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
}

/** Sentences as token ranges: ends at . ! ? ؟ and line breaks, but not at decimal points or inside a closed quote. */
function splitSentences(text: string, toks: readonly Tok[], closeOf: Int32Array): Sentence[] {
  const out: Sentence[] = [];
  let a = 0;
  let quoteUntil = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (i > a && t.line !== toks[i - 1]!.line) {
      out.push({ a, b: i });
      a = i;
      quoteUntil = -1;
    }
    if (closeOf[i]! > i) quoteUntil = Math.max(quoteUntil, closeOf[i]!);
    if (t.word || !isEndMark(t.raw) || i < quoteUntil) continue;
    if (t.raw === '.' && t.start > 0 && t.end < text.length) {
      const prev = text.charCodeAt(t.start - 1);
      const next = text.charCodeAt(t.end);
      if ((isDigit(prev) || prev === 0x200f) && (isDigit(next) || next === 0x200f)) continue;
    }
    out.push({ a, b: i + 1 });
    a = i + 1;
  }
  if (a < toks.length) out.push({ a, b: toks.length });
  return out;
}

/** Tokens that carry a figure worth checking: amounts, percentages, counts; not years, dates or times. */
function markFigures(toks: readonly Tok[], figures: readonly FigureDetection[]): Uint8Array {
  const mark = new Uint8Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.word) {
      if (t.raw === '%' || t.raw === '٪') mark[i] = 1;
      continue;
    }
    if (isDigit(t.n.charCodeAt(0)) || (t.n.length > 1 && 'وبلفك'.includes(t.n[0]!) && isDigit(t.n.charCodeAt(1)))) {
      const prev = toks[i - 1];
      const next = toks[i + 1];
      const inDate = (next && !next.word && (next.raw === '/' || next.raw === ':') && next.start === t.end) ||
        (prev && !prev.word && (prev.raw === '/' || prev.raw === ':') && prev.end === t.start);
      const year = /^[وبلفك]?(1[89]|20)\d\d$/.test(t.n) || /^1[34]\d\d(هـ?)?$/.test(t.n) || (prev !== undefined && (prev.f & W.Year) !== 0);
      if (!inDate && !year) mark[i] = 1;
      continue;
    }
    if ((t.f | t.fp) & W.Number) mark[i] = 1;
  }
  // The figure recogniser knows number words and units this scan does not.
  if (figures.length > 0) {
    let j = 0;
    for (const f of figures) {
      if (!substantive(f)) continue;
      while (j < toks.length && toks[j]!.end <= f.start) j++;
      for (let k = j; k < toks.length && toks[k]!.start < f.end; k++) mark[k] = 1;
    }
  }
  return mark;
}

/** Amounts, percentages, quantities and counts; not years, nor small counts in words (ثلاث جبهات). */
function substantive(f: FigureDetection): boolean {
  if (f.label === 'PERCENT' || f.label === 'MONEY' || f.label === 'QUANTITY') return true;
  if (f.label !== 'NUMBER') return false;
  const v = f.value.number;
  if (v === undefined) return true;
  if (Number.isInteger(v) && v >= 1800 && v <= 2100 && /^\S+$/.test(f.text)) return false;
  return !(v <= 10 && !/[0-9٠-٩۰-۹]/.test(f.text));
}

function figureSentence(toks: readonly Tok[], s: Sentence, figureTok: Uint8Array): Draft | null {
  let words = 0;
  let fig = false;
  for (let i = s.a; i < s.b; i++) {
    if (toks[i]!.word) words++;
    if (figureTok[i]) fig = true;
  }
  if (!fig || words < MIN_FIGURE_SENTENCE_WORDS) return null;
  return { a: s.a, b: s.b, speaker: null, cue: 'figure' };
}

/** Claim boundaries: drop edge punctuation and unbalanced quote marks; a claim has at least two words. */
function trimSpan(toks: readonly Tok[], closeOf: Int32Array, a: number, b: number): { a: number; b: number } | null {
  // An opening mark stays when its closer is inside the claim: "الإرهاب" لن ينتصر.
  while (a < b && !toks[a]!.word && !keepsAtStart(toks[a]!.raw) && !(closeOf[a]! > a && closeOf[a]! < b)) a++;
  while (b > a && !toks[b - 1]!.word && !keepAtEnd(toks, a, b - 1)) b--;
  let words = 0;
  for (let i = a; i < b && words < 2; i++) if (toks[i]!.word) words++;
  return words >= 2 ? { a, b } : null;
}

function keepsAtStart(raw: string): boolean {
  return raw === '(' || raw === '$' || raw === '€' || raw === '£';
}

/** A closing mark stays when the claim holds its opener; % and ٪ always stay. */
function keepAtEnd(toks: readonly Tok[], a: number, i: number): boolean {
  const raw = toks[i]!.raw;
  if (raw === '%' || raw === '٪' || raw === '$') return true;
  const opener = raw === ')' ? '(' : raw === '»' ? '«' : raw === '”' ? '“' : raw === '"' ? '"' : '';
  if (!opener) return false;
  let count = 0;
  for (let k = a; k < i; k++) if (toks[k]!.raw === opener) count++;
  return opener === '"' ? count % 2 === 1 : count > 0;
}

class Detector {
  /** The last explicit speaker, inherited by a verb with no subject (وأضاف أن …). */
  private previous: Speaker | null = null;
  /** The sentence being read, and the speaker of its first statement: a participle continues it. */
  private current: Sentence = { a: 0, b: 0 };
  private sentenceSpeaker: Speaker | null = null;

  /** The longest entity, so a binary search by start can find every entity ending after a point. */
  private readonly longestEntity: number;

  constructor(
    private readonly text: string,
    private readonly toks: readonly Tok[],
    private readonly closeOf: Int32Array,
    private readonly entities: readonly EntityDetection[],
  ) {
    let longest = 0;
    for (const e of entities) longest = Math.max(longest, e.end - e.start);
    this.longestEntity = longest;
  }

  /** Index of the first entity that may end after `pos`: lookups stay logarithmic in long articles. */
  private entityIndex(pos: number): number {
    const from = pos - this.longestEntity;
    let lo = 0;
    let hi = this.entities.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entities[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  sentence(s: Sentence): Draft[] {
    const head = this.headline(s);
    if (head) return [head];
    this.current = s;
    this.sentenceSpeaker = null;
    const out: Draft[] = [];
    const toks = this.toks;
    // استقبل الوزير خالد العمري الوفد. وأكد أن …: a verb with no subject continues the subject of
    // the sentence before, whatever its verb was.
    const opening = this.openingSubject(s);
    if (opening) this.previous = opening;
    // A participle or a ", و-verb" starts a new statement inside the sentence: قال إن …، مشيرا إلى أن ….
    let segStart = s.a;
    const segments: Sentence[] = [];
    for (let i = s.a + 1; i < s.b; i++) {
      const kind = toks[i]!.vk;
      const afterComma = !toks[i - 1]!.word && (toks[i - 1]!.raw === '،' || toks[i - 1]!.raw === ',');
      const split = kind === VerbKind.Participle || (afterComma && kind === VerbKind.Past && 'وف'.includes(toks[i]!.n[0]!));
      if (split && i > segStart) {
        segments.push({ a: segStart, b: i });
        segStart = i;
      }
    }
    segments.push({ a: segStart, b: s.b });
    for (const seg of segments) this.segment(seg, s, out);
    return out;
  }

  private segment(seg: Sentence, s: Sentence, out: Draft[]): void {
    const toks = this.toks;
    let i = seg.a;
    while (i < seg.b) {
      const t = toks[i]!;
      let d: Draft | null = null;
      if (t.word) {
        const kind = t.vk;
        if (kind !== VerbKind.None) d = this.verb(i, kind, seg);
        else if (t.f & W.SourcePrep) d = this.source(i, seg, s);
      } else if (this.closeOf[i]! > i) {
        d = this.quote(i, seg);
      }
      if (d && this.sacred(d.speaker)) {
        if (d.speaker!.strength !== 'inherited') this.previous = d.speaker;
        i = Math.max(d.b, i + 1);
        continue;
      }
      if (d && d.b > d.a) {
        out.push(d);
        if (d.speaker && d.speaker.strength !== 'inherited') this.previous = d.speaker;
        if (d.speaker && !this.sentenceSpeaker) this.sentenceSpeaker = d.speaker;
        i = Math.max(d.b, i + 1);
      } else {
        i++;
      }
    }
  }

  /**
   * The subject of a sentence that opens with a verb outside the speech lists (التقى وزير الخارجية
   * عادل الجبير نظيره …): a title, body, source or honorific, or a person or organisation the entity
   * recogniser found, right after the verb (time words allowed between).
   */
  private openingSubject(s: Sentence): Speaker | null {
    const toks = this.toks;
    const a = firstWord(toks, s);
    const v = toks[a];
    if (!v || a + 2 >= s.b || v.vk !== VerbKind.None || v.n.length < 3 || isDigit(v.n.charCodeAt(0))) return null;
    if ((v.f | v.fp) & (W.Break | W.Complementiser | W.Title | W.OrgHead | W.Document | W.Anonymous | W.SourcePrep | W.Time | W.Honorific)) return null;
    let from = a + 1;
    while (from < s.b - 1 && toks[from]!.f & W.Time) from++;
    const z = toks[from]!;
    if (!z.word) return null;
    const head = z.f & (W.Title | W.OrgHead | W.Anonymous | W.Honorific);
    const e = head ? null : this.entityAfter(from, s.b);
    if (!head && !(e && e.start === z.start && (e.label === 'PER' || e.label === 'ORG'))) return null;
    // A definite first word is a noun (الاجتماع …) unless a bare title follows it: التقى وزير …، التزمت وزارة ….
    if (v.n.startsWith('ال') && !(head && !z.n.startsWith('ال') && v.n.length <= 6)) return null;
    const found = this.explicit(from, this.phraseEnd(from, s.b));
    return found && found.strength !== 'document' ? found : null;
  }

  /**
   * A footer line that links or credits the story (رابط الخبر بصحيفة …: headline again): it opens
   * a line with رابط / اقرأ / شاهد / للمزيد and has a colon within its first words. No claim is read in it.
   */
  footer(s: Sentence): boolean {
    const toks = this.toks;
    const a = firstWord(toks, s);
    if (a >= s.b || !(toks[a]!.f & W.Footer) || (a > 0 && toks[a - 1]!.line === toks[a]!.line)) return false;
    for (let k = a + 1; k < Math.min(s.b, a + 8); k++) if (toks[k]!.raw === ':') return true;
    return false;
  }

  /** `الكاظمي يعلن تقليص …` or `الكاظمي: …` on a short line of its own. */
  private headline(s: Sentence): Draft | null {
    const toks = this.toks;
    const line = toks[s.a]!.line;
    if (s.a > 0 && toks[s.a - 1]!.line === line) return null;
    let lineEnd = s.b;
    while (lineEnd < toks.length && toks[lineEnd]!.line === line) lineEnd++;
    if (lineEnd !== s.b || s.b - s.a > MAX_HEADLINE_TOKENS || toks[s.a]!.vk !== VerbKind.None) return null;
    // مسؤول عراقي لـ"العرب": …: the speaker ends where its addressee starts.
    let speakerEnd = -1;
    for (let k = s.a + 1; k < Math.min(s.b, s.a + 9); k++) {
      const t = toks[k]!;
      if (t.word && t.raw.startsWith('لـ') && speakerEnd < 0) {
        speakerEnd = k;
        continue;
      }
      if (!t.word) {
        const close = this.closeOf[k]!;
        if (speakerEnd >= 0 && close > k && close - k <= 5) {
          k = close;
          continue;
        }
        if (t.raw === ':' && k + 2 < s.b && !this.timeColon(k)) {
          let a = k + 1;
          let b = s.b;
          if (this.closeOf[a]! > a) {
            b = this.closeOf[a]!;
            a++;
          }
          return { a, b, speaker: this.explicit(s.a, speakerEnd >= 0 ? speakerEnd : k), cue: 'headline' };
        }
        return null;
      }
      if (speakerEnd >= 0) continue;
      if (k >= s.a + 6) return null;
      if (t.vk !== VerbKind.None && !(t.f & W.Present)) return null;
      if (t.f & W.Present) {
        let a = k + 1;
        if (a < s.b && (toks[a]!.f & W.Complementiser || (toks[a]!.n === 'عن' && t.f & W.TakesAn))) a++;
        return { a, b: s.b, speaker: this.explicit(s.a, k), cue: t.raw };
      }
      if (t.f & W.Break) return null;
    }
    return null;
  }

  private verb(i: number, kind: VerbKind, seg: Sentence): Draft | null {
    const toks = this.toks;
    const t = toks[i]!;
    const base = verbBits(t) | ((t.f | t.fp) & W.Explain);
    if (base & W.Accuse) return this.accuse(i, seg);
    if (kind === VerbKind.Locative && toks[i + 1]?.n !== 'في') return null;
    let k = i + 1;
    const limit = Math.min(seg.b, i + 1 + MAX_ZONE);
    for (; k < limit; k++) {
      const z = toks[k]!;
      if (!z.word) {
        const close = this.closeOf[k]!;
        if (close > k) {
          if ((close - k - 1 >= MIN_QUOTE_WORDS && !this.quotedName(k, close, seg.b)) || close >= seg.b) break;
          k = close; // a quoted name inside the speaker: حركة "حماس"، صحيفة «وول ستريت جورنال»
          continue;
        }
        if (z.raw === ':' && !this.timeColon(k)) break;
        continue;
      }
      if (z.f & W.Complementiser) {
        if (toks[k - 1]!.f & W.NotSpeechBeforeAn) return null;
        // إن شاء الله is a blessing, not a complementiser.
        if (toks[k + 1]?.n === 'شاء') continue;
        break;
      }
      if (z.n === 'عن' && base & W.TakesAn) break;
      if (z.vk !== VerbKind.None) return null;
    }
    if (kind === VerbKind.Participle && !this.onlyAddressee(i + 1, k)) return null;
    // بيّن takes its أن close by (وبين الفارس أن …); farther away بين is "between".
    if (base & W.Explain && (k >= limit || k - i > 8)) return null;
    // A verb with no conjunction, inside the sentence, straight before its complementiser has its
    // subject before it: الوزارة تؤكد أن …، لكن المهدي، أكد لـ«الشرق الأوسط» أن ….
    const svo = (kind === VerbKind.Present || kind === VerbKind.Past) && (t.f & VERB_BITS) !== 0 &&
      i > firstWord(toks, this.current) && k < limit && this.onlyAddressee(i + 1, k) && (toks[i - 1]!.word || isComma(toks[i - 1]!.raw));
    if (k >= limit) return base & W.TakesObject ? this.objectClaim(i, seg, t.raw) : null;
    if (kind === VerbKind.Present && base & W.PassiveAside && k === i + 1) return null;

    const speaker = svo ? this.subjectBefore(i) : this.speaker(i, k, kind);
    const z = toks[k]!;
    let a = z.word || z.raw === ':' ? k + 1 : k;
    let b = seg.b;
    const cue = t.raw;
    // Content that is one direct quote is the quote's words: أن "…"، دون تفاصيل.
    if (a < b && this.closeOf[a]! > a) {
      const close = this.closeOf[a]!;
      if (close - a - 1 >= MIN_QUOTE_WORDS && close < seg.b) {
        b = close;
        a++;
      }
    }
    return { a, b, speaker, cue };
  }

  /**
   * A quote inside a speaker zone that names something rather than quoting it: after a body or a
   * title (منظمة «زيمبابوي كونسرفايشن تاسكفورس»، موقع "جي إس إم أرينا"), or short with the
   * complementiser still to come.
   */
  private quotedName(open: number, close: number, limit: number): boolean {
    const toks = this.toks;
    const before = toks[open - 1];
    // Only an indefinite head names what follows (صحيفة «…»); after البيان the quote is its words.
    if (before && before.word && !before.n.startsWith('ال') && (before.f | before.fp) & (W.OrgHead | W.Title)) return true;
    if (close - open - 1 > 5) return false;
    for (let j = close + 1; j < Math.min(limit, close + 7); j++) {
      if (toks[j]!.f & W.Complementiser) return true;
      if (this.closeOf[j]! > j) return false;
    }
    return false;
  }

  /** Between a participle and its complementiser only إلى, an addressee (لـ«الشرق الأوسط») or marks. */
  private onlyAddressee(from: number, k: number): boolean {
    for (let j = from; j < k; j++) {
      const z = this.toks[j]!;
      const close = this.closeOf[j]!;
      if (!z.word && close > j && close < k) j = close;
      else if (z.word && !(z.f & W.Break)) return false;
    }
    return true;
  }

  private timeColon(k: number): boolean {
    const z = this.toks[k]!;
    return z.start > 0 && isDigit(this.text.charCodeAt(z.start - 1)) && isDigit(this.text.charCodeAt(z.end));
  }

  /** The noun phrase just before a subject-first verb, back to punctuation or a break word. */
  private subjectBefore(i: number): Speaker | null {
    const toks = this.toks;
    let j = i;
    // السفير أسامة نقلي الذي أكد أن …: the antecedent of الذي (التي with a feminine verb) speaks.
    const rel = toks[i - 1];
    if (rel && i - 1 > this.current.a && (rel.n === 'الذي' ? !toks[i]!.n.endsWith('ت') : rel.n === 'التي' && toks[i]!.n.endsWith('ت'))) {
      const found = this.subjectBefore(i - 1);
      // Only a speaker-like antecedent (a title, body, source or a name): not الأمر الذي يشير.
      if (found && found.strength !== 'inherited' && this.speakerLike(found)) return found;
      return this.inherit();
    }
    // المهدي رئيس الجمعية، أكد …: one comma may sit between the subject and its verb.
    if (j - 1 > this.current.a && isComma(toks[j - 1]!.raw)) {
      const found = this.subjectBefore(j - 1);
      return found && found.strength !== 'inherited' ? found : this.inherit();
    }
    while (j > this.current.a && i - j < 8) {
      const z = toks[j - 1]!;
      if (!z.word || z.f & (W.Break | W.Complementiser) || z.vk !== VerbKind.None) break;
      j--;
    }
    // Only a phrase that looks like a subject: a title, body, source or document, a known name,
    // or a short name (مهدي المطري); not a fronted topic (أما عن تصنيف وجودها … قالت).
    let subjectLike = i - j <= 2 && j < i;
    for (let k = j; k < i && !subjectLike; k++) {
      if ((toks[k]!.f | toks[k]!.fp) & (W.Title | W.OrgHead | W.Anonymous | W.Document)) subjectLike = true;
    }
    if (!subjectLike && j < i && this.hasEntity(toks[j]!.start, toks[i - 1]!.end)) subjectLike = true;
    return subjectLike ? this.explicit(j, i) : this.inherit();
  }

  /** A title, body, source or document word in the claimant, or a person or organisation in it. */
  private speakerLike(sp: Speaker): boolean {
    const toks = this.toks;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid]!.start < sp.claimant.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < toks.length && toks[k]!.start < sp.claimant.end; k++) {
      if ((toks[k]!.f | toks[k]!.fp) & (W.Title | W.OrgHead | W.Anonymous | W.Document | W.Honorific)) return true;
    }
    return this.hasEntity(sp.claimant.start, sp.claimant.end);
  }

  /** The speaker of a verb whose complementiser is at token k. */
  private speaker(i: number, k: number, kind: VerbKind): Speaker | null {
    const toks = this.toks;
    if (kind === VerbKind.Participle) return this.participleSpeaker(i);
    if (kind === VerbKind.Locative) {
      // وجاء في بيان الوزارة أن …
      if (i + 2 < k && toks[i + 1]!.n === 'في') return this.explicit(i + 2, this.zoneEnd(i + 2, k, true));
      return null;
    }
    if (verbBits(toks[i]!) & W.Relay) {
      for (let r = i + 1; r < k - 1; r++) {
        if (toks[r]!.n === 'عن') return this.explicit(r + 1, this.zoneEnd(r + 1, k, false));
      }
    }
    // أعلن أمس الأربعاء وزير الخارجية …: time words may come before the speaker.
    let from = i + 1;
    while (from < k - 1 && toks[from]!.f & W.Time) from++;
    if (from > i + 1 && toks[from]!.f & W.Break) from = i + 1;
    // أكد لـ"الاقتصادية" مصدر …، الذي أكد لوزير الخارجية أن …: the addressee is not the speaker.
    from = this.skipAddressee(from, k);
    const end = this.zoneEnd(from, k, false);
    if (end > from) return this.explicit(from, end);
    // … الذي أكد لوزير الخارجية أن …: the relative clause's antecedent, when gender agrees.
    const rel = toks[i - 1];
    if (rel && (rel.n === 'الذي' ? !toks[i]!.n.endsWith('ت') : rel.n === 'التي' && toks[i]!.n.endsWith('ت'))) {
      const found = this.subjectBefore(i);
      if (found && found.strength !== 'inherited') return found;
    }
    // وكان وزير الدفاع قد أعلن أن …
    if (i >= 2 && toks[i - 1]!.n === 'قد') {
      for (let j = i - 2; j >= Math.max(0, i - 10); j--) {
        const n = stripConj(toks[j]!.n);
        if (n === 'كان' || n === 'كانت') {
          if (j + 1 < i - 1) return this.explicit(j + 1, i - 1);
          break;
        }
        if (!toks[j]!.word) break;
      }
    }
    return this.inherit();
  }

  /**
   * Past an addressee right after the verb: لـ"الاقتصادية"، لـ(عكاظ)، لوكالة الأنباء الألمانية،
   * لوزير الخارجية عادل الجبير. Returns where the speaker may start (or `from` when none is there).
   */
  private skipAddressee(from: number, k: number): number {
    const toks = this.toks;
    const t = toks[from];
    if (!t || !t.word || t.n[0] !== 'ل' || from >= k) return from;
    // A pronoun addressee: أكد لي / له / لها / لنا / لهم أن ….
    if (PRONOUN_ADDRESSEES.has(t.n)) return from + 1;
    if (from >= k - 1) return from;
    let j = from;
    if (t.raw.startsWith('لـ') && t.raw.length <= 2) {
      j++;
      const close = this.closeOf[j]!;
      if (close > j && close < k) j = close + 1;
      else if (toks[j]?.raw === '(') {
        let c = j + 1;
        while (c < k && c < j + 6 && toks[c]!.raw !== ')') c++;
        if (c >= k || toks[c]!.raw !== ')') return from;
        j = c + 1;
      } else if (toks[j]?.word) j++;
    } else if (t.raw.startsWith('لـ') || t.f & W.Break || t.fp & (W.Title | W.OrgHead)) {
      // لـعكاظ، لوكالة «رويترز»، لوزير الخارجية عادل الجبير: to the next break, quote or punctuation.
      j++;
      while (j < k) {
        const z = toks[j]!;
        const close = this.closeOf[j]!;
        if (close > j && close < k) {
          j = close + 1;
          continue;
        }
        if (!z.word || z.f & (W.Anonymous | W.Title | W.Document) || z.fp & W.Anonymous || (z.f & W.OrgHead && !z.n.startsWith('ال')) || z.f & W.Break) break;
        j++;
      }
    } else return from;
    while (j < k && !toks[j]!.word && isComma(toks[j]!.raw)) j++;
    return j < k ? j : from;
  }

  /** First token after `from` that ends a speaker (a break word or punctuation), not beyond `k`. */
  private zoneEnd(from: number, k: number, punctuationOnly: boolean): number {
    const toks = this.toks;
    let j = from;
    while (j < k) {
      const z = toks[j]!;
      if (!z.word) {
        const close = this.closeOf[j]!;
        if (close > j && close < k) {
          j = close + 1;
          continue;
        }
        break;
      }
      if (!punctuationOnly && z.f & W.Break) {
        if (!this.unitContinues(from, j, k)) break;
        j += 2;
        continue;
      }
      j++;
    }
    return this.withEntities(from, j, k);
  }

  /**
   * `مصدر في دائرة الصحة`، `النائب في البرلمان`، `مدير الدائرة في الوزارة رياض …`: a person or
   * source named by the body they belong to. Only after a title or source head, and only when an
   * organisation head follows, so `الوزير في بيان` and `الوزير في بغداد` still end at في.
   */
  private unitContinues(from: number, j: number, k: number): boolean {
    const toks = this.toks;
    const z = toks[j]!;
    if (j === from || (z.n !== 'في' && z.n !== 'عن') || j + 1 >= k) return false;
    const head = toks[from]!.f | toks[from]!.fp;
    if (!(head & (W.Title | W.Anonymous | W.OrgHead))) return false;
    return (toks[j + 1]!.f & W.OrgHead) !== 0;
  }

  /** Extend a heuristic speaker [from, end) to the end of a name the entity recogniser found in it. */
  private withEntities(from: number, end: number, limit: number): number {
    if (this.entities.length === 0 || end <= from) return end;
    const toks = this.toks;
    const zs = toks[from]!.start;
    const ze = toks[end - 1]!.end;
    const lim = toks[limit - 1] ? toks[limit - 1]!.end : ze;
    let stop = ze;
    for (let x = this.entityIndex(zs); x < this.entities.length; x++) {
      const e = this.entities[x]!;
      if (e.start >= ze) break;
      if (e.end > zs && e.end > stop && e.end <= lim) stop = e.end;
    }
    while (end < limit && toks[end]!.end <= stop) end++;
    return end;
  }

  /** Scripture and prophetic sayings are quoted, not claimed: no candidate for them. */
  private sacred(sp: Speaker | null): boolean {
    if (!sp) return false;
    const t = this.toks;
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid]!.start < sp.claimant.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < t.length && (t[lo]!.f & W.Sacred) !== 0;
  }

  private explicit(a: number, b: number): Speaker | null {
    const toks = this.toks;
    while (b > a && !toks[b - 1]!.word && !keepAtEnd(toks, a, b - 1)) b--;
    while (a < b && !toks[a]!.word) a++;
    if (b <= a) return null;
    const start = toks[a]!.start;
    const end = toks[b - 1]!.end;
    const first = toks[a]!.f | toks[a]!.fp;
    const strength: Speaker['strength'] = first & W.Document && b - a <= 3
      ? 'document'
      : first & W.Anonymous && !this.hasEntity(start, end)
        ? 'anonymous'
        : 'named';
    return { claimant: { start, end, text: this.text.slice(start, end) }, strength };
  }

  private hasEntity(start: number, end: number): boolean {
    for (let x = this.entityIndex(start); x < this.entities.length; x++) {
      const e = this.entities[x]!;
      if (e.start >= end) break;
      if (e.end > start && (e.label === 'PER' || e.label === 'ORG')) return true;
    }
    return false;
  }

  /**
   * A participle's subject is the sentence's subject: the speaker of its first statement, or the
   * subject of a non-speech verb that opens it (`ودعت الوزارة …، مؤكدة أن`), else the previous speaker.
   */
  private participleSpeaker(i: number): Speaker | null {
    if (this.sentenceSpeaker) return { claimant: this.sentenceSpeaker.claimant, strength: 'inherited' };
    const toks = this.toks;
    const a = this.current.a;
    const subject = a + 1;
    if (subject < i && toks[a]!.word && toks[a]!.n.length > 2 && 'وف'.includes(toks[a]!.n[0]!)) {
      const head = toks[subject]!.f;
      if (head & (W.Title | W.OrgHead | W.Anonymous | W.Document)) {
        const found = this.explicit(subject, this.phraseEnd(subject, i));
        if (found) {
          this.previous = found;
          return found;
        }
      }
    }
    return this.inherit();
  }

  private inherit(): Speaker | null {
    return this.previous ? { claimant: this.previous.claimant, strength: 'inherited' } : null;
  }

  /**
   * No complementiser: `أعلنت واشنطن وبغداد، الاتفاق على …` (speaker up to the comma) or
   * `أعلنت الوزارة تسجيل …` (speaker from the title/name heuristic or an entity).
   */
  private objectClaim(i: number, seg: Sentence, cue: string): Draft | null {
    const toks = this.toks;
    for (let k = i + 1; k < Math.min(seg.b, i + 9); k++) {
      const z = toks[k]!;
      if (z.word) {
        if (z.f & W.Break) break;
        continue;
      }
      if ((z.raw === '،' || z.raw === ',') && k > i + 1) {
        // أعلن الجيش، الثلاثاء، مقتل …: the day between commas is not part of the statement.
        let a = k + 1;
        while (a < seg.b && (toks[a]!.f & W.Time || isComma(toks[a]!.raw))) a++;
        return { a, b: seg.b, speaker: this.explicit(i + 1, k), cue };
      }
      break;
    }
    const end = this.phraseEnd(i + 1, seg.b);
    if (end <= i + 1 || seg.b - end < 3) return null;
    return { a: end, b: seg.b, speaker: this.explicit(i + 1, end), cue };
  }

  /** `اتهم X Y بـ…`: the accuser is the phrase after the verb, the claim the accusation. */
  private accuse(i: number, seg: Sentence): Draft | null {
    const next = this.toks[i + 1];
    // اتُّهم بـ…: the passive names no accuser.
    if (!next || (next.n[0] === 'ب' && next.n.length > 3)) return null;
    const end = this.phraseEnd(i + 1, seg.b);
    if (end <= i + 1 || seg.b - end < 2) return null;
    const kind = this.toks[i]!.vk;
    const speaker = kind === VerbKind.Participle ? this.participleSpeaker(i) : this.explicit(i + 1, end);
    return { a: kind === VerbKind.Participle ? i + 1 : end, b: seg.b, speaker, cue: this.toks[i]!.raw };
  }

  /**
   * Where a subject noun phrase starting at `from` ends, without a parser: an entity if one starts
   * there; else a title or organisation chain (رئيس الوزراء العراقي، وزارة الدفاع) followed by name words.
   */
  private phraseEnd(from: number, limit: number): number {
    const toks = this.toks;
    if (from >= limit || !toks[from]!.word) return from;
    let j = from;
    let chain = false;
    let person = false;
    const titleChain = (): void => {
      while (j < limit && toks[j]!.f & (W.Title | W.OrgHead | W.Document | W.Anonymous)) {
        const definite = toks[j]!.n.startsWith('ال');
        // A second definite body is a new noun phrase (the object): اتهمت منظمة … الشركة بـ.
        if (chain && definite && !(toks[j]!.f & W.Title)) break;
        if (toks[j]!.f & (W.Title | W.Anonymous)) person = true;
        const title = (toks[j]!.f & W.Title) !== 0;
        j++;
        chain = true;
        // A definite title takes one adjective and one لـ-complement: الأمين العام للجائزة، المتحدث الرسمي للوزارة.
        if (definite && title) {
          const adj = toks[j];
          if (adj && j < limit && adj.word && adj.n.startsWith('ال') && !(adj.f & (W.OrgHead | W.Title | W.Document | W.Break)) &&
            !isMasdar(adj.n.slice(2)) && adj.vk === VerbKind.None) j++;
          const comp = toks[j];
          if (comp && j < limit && comp.word && comp.n.startsWith('لل') && !(comp.f & W.Break)) j++;
        }
        // An indefinite head takes a genitive (وزارة الدفاع، رئيس الوزراء) or a quoted name (منظمة "…").
        if (!definite && j < limit && toks[j]!.word && !(toks[j]!.f & W.Break)) j++;
        else if (!definite && j < limit && this.closeOf[j]! > j && this.closeOf[j]! - j <= 5) j = this.closeOf[j]! + 1;
        while (j < limit && toks[j]!.word && isNisba(toks[j]!.n)) j++;
      }
    };
    // A name the entity recogniser found, right at the start (a place only there: أعلنت روسيا) or
    // after a title chain (وزير المالية جواكيم ليفي), then perhaps an appositive title.
    if (toks[from]!.f & W.Honorific) return from + 1;
    const e = this.entityAfter(from, limit);
    // A bare head noun tagged alone (منظمة) is a partial name: the heuristics see further.
    const bareHead = e !== null && e.start === toks[from]!.start && e.end <= toks[from]!.end &&
      (toks[from]!.f & (W.OrgHead | W.Title | W.Document | W.Anonymous)) !== 0;
    if (e && !bareHead) {
      while (j < limit && toks[j]!.end <= e.end) j++;
      if (j < limit && toks[j]!.f & W.Title) titleChain();
      return j;
    }
    titleChain();
    if (chain && j < limit && this.unitContinues(from, j, limit)) {
      j += 2;
      while (j < limit && toks[j]!.word && isNisba(toks[j]!.n)) j++;
      titleChain();
    }
    // Organisations and documents are not followed by a personal name; people may be.
    if (chain && !person) return j;
    let names = 0;
    while (j < limit && names < 3) {
      const z = toks[j]!;
      if (!z.word || z.f & W.Break || z.vk !== VerbKind.None || isDigit(z.n.charCodeAt(0)) || isMasdar(z.n)) break;
      // Kinship links do not count against the name's length: محمد بن عبدالله المشوح.
      if (z.f & W.NameLink && names > 0) {
        j++;
        continue;
      }
      if (z.n.startsWith('ال')) {
        // A family name closes a personal name (مصطفى الكاظمي); a bare الـ-word may be the subject
        // itself; a definite body after a name is the object (اتهم … ديمبسي الحكومة).
        if ((names > 0 || !chain) && !(z.f & (W.OrgHead | W.Document | W.Title | W.Anonymous))) j++;
        break;
      }
      if (chain && names === 0 && z.n.length <= 2) break;
      j++;
      names++;
      if (!chain && names === 1 && !this.looksLikeNameContinuation(j, limit)) break;
    }
    // An appositive title after the name: عبدالله البرقان رئيس لجنة الاحتراف.
    if (names > 0 && j < limit && toks[j]!.f & W.Title) titleChain();
    return j;
  }

  /** The entity that starts a subject at `from`, directly or after title words only. */
  private entityAfter(from: number, limit: number): EntityDetection | null {
    const toks = this.toks;
    const first = toks[from]!;
    for (let x = this.entityIndex(first.start); x < this.entities.length; x++) {
      const e = this.entities[x]!;
      if (e.end <= first.start) continue;
      if (e.start < first.start) return null;
      if (e.start === first.start) return e;
      if (e.label === 'LOC' || !(first.f & (W.Title | W.OrgHead))) return null;
      for (let k = from; k < limit && toks[k]!.start < e.start; k++) {
        const z = toks[k]!;
        if (!z.word || z.f & W.Break || z.vk !== VerbKind.None || k - from > 6) return null;
      }
      return e;
    }
    return null;
  }

  private looksLikeNameContinuation(j: number, limit: number): boolean {
    const z = this.toks[j];
    return j < limit && z !== undefined && z.word && !z.n.startsWith('و') && !(z.f & W.Break) && !(z.f & W.Title);
  }

  /** `بحسب البيان، فإن …` (source first) or `…، وفق بيان لوزارة الدفاع.` (source last). */
  private source(i: number, seg: Sentence, s: Sentence): Draft | null {
    const toks = this.toks;
    let from = i + 1;
    if (stripConj(toks[i]!.n) === 'نقلا' && from < seg.b && toks[from]!.n === 'عن') from++;
    else if (from < seg.b && toks[from]!.n === 'ل') from++;
    // بحسب ما ذكرته الوكالة، وفقا لما أعلنته الوزارة: the source follows the verb.
    if (from + 1 < seg.b && (toks[from]!.n === 'ما' || toks[from]!.n === 'لما')) from += 2;
    if (from >= seg.b || !this.sourceLike(from)) return null;
    let end = from;
    while (end < seg.b && end < from + 8 && toks[end]!.word && !(toks[end]!.f & W.Complementiser)) {
      if (end > from && toks[end]!.vk !== VerbKind.None) break;
      end++;
    }
    // No comma: the source runs straight into the statement (ووفقا لوزارة الإسكان بلغ عدد …).
    if (end < seg.b && toks[end]!.word && !(toks[end]!.f & W.Complementiser) && end === from + 8) {
      end = this.phraseEnd(from, seg.b);
    }
    const speakerEnd = this.withEntities(from, end, seg.b);
    const speaker = this.explicit(from, speakerEnd);
    if (!speaker) return null;
    const cue = toks[i]!.raw;
    let firstWord = s.a;
    while (firstWord < i && !toks[firstWord]!.word) firstWord++;
    if (i <= firstWord + 1 && (i === firstWord || toks[firstWord]!.n === 'و')) {
      let a = speakerEnd;
      while (a < seg.b && !toks[a]!.word) a++;
      if (a < seg.b && toks[a]!.f & W.Complementiser) a++;
      return { a, b: seg.b, speaker, cue };
    }
    // The source closes the sentence and attributes everything before it.
    if (speakerEnd < seg.b && toks[speakerEnd]!.word) return null;
    return { a: seg.a, b: i, speaker, cue };
  }

  /**
   * "According to" a plan, a rule or God's will (وفق الرؤية، وفقا للأنظمة، وفق الله) is no source:
   * the phrase must start with a document, a body, a title or a name the entity recogniser knows.
   */
  private sourceLike(from: number): boolean {
    const t = this.toks[from]!;
    if (!t.word) return false;
    if ((t.f | t.fp) & (W.Document | W.OrgHead | W.Title | W.Anonymous)) return true;
    for (let x = this.entityIndex(t.start); x < this.entities.length; x++) {
      const e = this.entities[x]!;
      if (e.start > t.start) break;
      if (e.end > t.start && (e.label === 'PER' || e.label === 'ORG')) return true;
    }
    return false;
  }

  /** A direct quote with its verb after it (`«…»، قال الوزير`) or standing alone. */
  private quote(i: number, seg: Sentence): Draft | null {
    const toks = this.toks;
    const close = this.closeOf[i]!;
    let words = 0;
    for (let k = i + 1; k < close; k++) if (toks[k]!.word) words++;
    if (words < MIN_QUOTE_WORDS) return null;
    let k = close + 1;
    while (k < seg.b && !toks[k]!.word) k++;
    const kind = k < seg.b ? toks[k]!.vk : VerbKind.None;
    if (kind === VerbKind.Past || kind === VerbKind.Present) {
      const end = this.zoneEnd(k + 1, seg.b, false);
      const speaker = end > k + 1 ? this.explicit(k + 1, end) : this.inherit();
      return { a: i + 1, b: close, speaker, cue: toks[k]!.raw };
    }
    // A quote with no speaker is a statement only if it is sentence-long, not a slogan or a title.
    return words >= MIN_STANDALONE_QUOTE_WORDS ? { a: i + 1, b: close, speaker: null, cue: 'quote' } : null;
  }
}

const PRONOUN_ADDRESSEES: ReadonlySet<string> = new Set(['لي', 'له', 'لها', 'لنا', 'لهم', 'لهن', 'لك', 'لكم']);

function isComma(raw: string): boolean {
  return raw === '،' || raw === ',';
}

function firstWord(toks: readonly Tok[], s: Sentence): number {
  let i = s.a;
  while (i < s.b && !toks[i]!.word) i++;
  return i;
}

function stripConj(n: string): string {
  return n.length > 3 && (n[0] === 'و' || n[0] === 'ف') ? n.slice(1) : n;
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
function verbBits(t: Tok): number {
  return t.f & VERB_BITS ? t.f : t.fp;
}

/**
 * Verbal nouns of the commonest derived patterns (تفعيل، إفعال، افتعال، استفعال): the object of
 * أعلن/كشف (أعلن الوزير تسجيل …), never a personal name.
 */
function isMasdar(n: string): boolean {
  const len = n.length;
  if (len === 5) return (n[0] === 'ت' && n[3] === 'ي') || (n[0] === 'ا' && n[3] === 'ا');
  if (len === 6) return n[0] === 'ا' && n[2] === 'ت' && n[4] === 'ا';
  if (len === 7) return n.startsWith('است') && n[5] === 'ا';
  return false;
}

function isNisba(n: string): boolean {
  return n.startsWith('ال') && n.length > 4 && (n.endsWith('ي') || n.endsWith('يه') || n.endsWith('يين') || n.endsWith('يون'));
}

/**
 * Check-worthiness, deterministic, in [0, 1]. Start at 0.35, then:
 *   +0.25 a figure worth checking inside the claim (amount, percentage, count; not a year or date)
 *   +0.15 a named claimant (person, organisation, title chain), +0.10 a document or an inherited
 *         speaker, +0.05 an anonymous source (مصدر، مسؤول)
 *   +0.10 a comparison or change (أكثر من، ارتفاع، تقليص)     +0.10 a causal link (بسبب، أدى إلى)
 *   −0.15 opinion (أعتقد، يجب، نأمل)                          −0.15 a future or prediction (سوف، سيتم، توقع)
 *   −0.10 a claim of fewer than five words
 * Rounded to two decimals. Candidates are suggestions; the order matters more than the value.
 */
function scoreClaim(
  toks: readonly Tok[],
  a: number,
  b: number,
  d: Draft,
  figureTok: Uint8Array,
): number {
  let fig = false;
  let flags = 0;
  let words = 0;
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    if (figureTok[i]) fig = true;
    if (!t.word) continue;
    words++;
    flags |= t.f | t.fp;
    if (isFutureVerb(stripConj(t.n))) flags |= W.Future;
  }
  const comparative = (flags & W.Comparative) !== 0;
  const causal = (flags & W.Causal) !== 0;
  const opinion = (flags & W.Opinion) !== 0;
  let future = (flags & W.Future) !== 0;
  const cue = foldToken(d.cue);
  if (/^[وف]?(?:توقع|يتوقع|تتوقع|رجح)/.test(cue)) future = true;
  let s = 0.35;
  if (fig) s += 0.25;
  if (d.speaker) {
    s += d.speaker.strength === 'named' ? 0.15 : d.speaker.strength === 'anonymous' ? 0.05 : 0.1;
  }
  if (comparative) s += 0.1;
  if (causal) s += 0.1;
  if (opinion) s -= 0.15;
  if (future) s -= 0.15;
  if (words < 5) s -= 0.1;
  return Math.round(Math.min(1, Math.max(0, s)) * 100) / 100;
}

/** سـ + a present-tense prefix: سيعمل، ستكون، سننسحب. */
function isFutureVerb(n: string): boolean {
  return n.length >= 5 && n[0] === 'س' && 'يتنا'.includes(n[1]!) && !((LEXICON.get(n) ?? 0) & W.NotFuture);
}
