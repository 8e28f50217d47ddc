// Feature extraction for the entity tagger, shared by training (scripts/ner) and tagging so the
// two can never drift apart. Features are 32-bit hashes of (template, strings): no feature
// strings are built in the hot path.

import { handLexicon, type HandLexicon } from './lexicon';
import { cliticForms, foldWord } from './normalize';

/** Entity types in label order; index 0 is "no entity". */
export const TYPES = ['O', 'PER', 'LOC', 'ORG', 'MISC'] as const;
export type TypeIndex = 0 | 1 | 2 | 3 | 4;

/** BIO labels: 0 = O, then B-X = 2t-1, I-X = 2t for type t = 1..4. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export const NUM_LABELS = LABELS.length;

export function labelType(label: number): number {
  return label === 0 ? 0 : (label + 1) >> 1;
}
export function isInside(label: number): boolean {
  return label !== 0 && (label & 1) === 0;
}

/** Counts of how a word was tagged in the training data: [O, PER, LOC, ORG, MISC]. */
export type LexCounts = [number, number, number, number, number];

export interface PhraseEntry {
  /** Folded tokens after the first. */
  rest: string[];
  type: number;
}

/** What the tagger knows beyond its weights: word statistics and name lists. */
export interface Gazetteer {
  /** Folded word → tag counts in the training data. */
  lex: Map<string, LexCounts>;
  /** First folded token → multi-token names starting with it, from the training data. */
  phrases: Map<string, PhraseEntry[]>;
  /** First folded token → multi-token names from the hand lists. */
  handPhrases: Map<string, PhraseEntry[]>;
  hand: HandLexicon;
}

export function emptyGazetteer(): Gazetteer {
  const hand = handLexicon();
  const handPhrases = new Map<string, PhraseEntry[]>();
  for (const p of hand.placePhrases) addPhrase(handPhrases, p.split(' '), 2);
  for (const p of hand.orgPhrases) addPhrase(handPhrases, p.split(' '), 3);
  for (const p of hand.peoplePhrases) addPhrase(handPhrases, p.split(' '), 1);
  return { lex: new Map(), phrases: new Map(), handPhrases, hand };
}

export function addPhrase(map: Map<string, PhraseEntry[]>, tokens: readonly string[], type: number): void {
  if (tokens.length < 2) return;
  const first = tokens[0]!;
  const rest = tokens.slice(1);
  let list = map.get(first);
  if (!list) map.set(first, (list = []));
  if (!list.some((e) => e.type === type && e.rest.join(' ') === rest.join(' '))) list.push({ rest, type });
}

// ---- hashing ----------------------------------------------------------------------------------

const FNV_PRIME = 0x01000193;

function seed(tpl: number): number {
  return (0x811c9dc5 ^ Math.imul(tpl + 1, 0x9e3779b1)) >>> 0;
}
function mixStr(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0xffff, FNV_PRIME);
}
/** hash1(tpl, s.slice(from, to)) without building the substring. */
function hashSub(tpl: number, s: string, from: number, to: number): number {
  let h = seed(tpl);
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0xffff, FNV_PRIME) >>> 0;
}
export function hash1(tpl: number, a: string): number {
  return mixStr(seed(tpl), a) >>> 0;
}
export function hash2(tpl: number, a: string, b: string): number {
  return mixStr(mixStr(seed(tpl), a), b) >>> 0;
}
export function hash3(tpl: number, a: string, b: string, c: string): number {
  return mixStr(mixStr(mixStr(seed(tpl), a), b), c) >>> 0;
}

// ---- per-token analysis ----------------------------------------------------------------------

interface TokenInfo {
  raw: string;
  norm: string;
  core: string;
  shape: string;
  /** Training-data class of the word (or its clitic-stripped form): e.g. PERh, LOCm, O, U. */
  lex: string;
  /** Hand-list class: P (place), G (given name), T (title), V (speech verb), L (place trigger),
   *  H (organisation head), C (name connector), R (organisation), M (MISC word: currency, faith),
   *  E (event or work head), N (well-known person's surname), or '' */
  hand: string;
  /** Phrase-gazetteer tag: B-ORG, I-PER, … or '' */
  phrase: string;
  handPhrase: string;
  /** 'a' when the word carries the article (with or without proclitics), else '-'. */
  article: string;
  /** Proclitic-stripped forms (cliticForms), computed once. */
  forms: string[];
  /** The word's own feature hashes (WordInfo.own); empty for the sentence boundaries. */
  own: Uint32Array;
}

const BUCKET_HIGH = 0.8;
const BUCKET_MID = 0.4;

function lexClass(counts: LexCounts | undefined): string {
  if (!counts) return 'U';
  const total = counts[0] + counts[1] + counts[2] + counts[3] + counts[4];
  let best = 0;
  let bestCount = 0;
  for (let t = 1; t < 5; t++) {
    if (counts[t]! > bestCount) {
      best = t;
      bestCount = counts[t]!;
    }
  }
  if (best === 0) return total >= 3 ? 'O' : 'o';
  const r = bestCount / total;
  const b = r >= BUCKET_HIGH ? 'h' : r >= BUCKET_MID ? 'm' : 'l';
  return TYPES[best] + b + (total >= 3 ? '' : '1');
}

function shapeOf(raw: string, norm: string): string {
  const c = norm.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return 'D';
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'L';
  if (c < 0x0600 || (c > 0x06ff && c < 0xfb50)) return 'P';
  const n = norm.length;
  const len = n <= 2 ? 'A2' : n <= 4 ? 'A4' : n <= 6 ? 'A6' : 'A8';
  return raw.length !== n ? len + 'v' : len; // v: the writer put harakat or marks in it
}

/** One map for all hand lists: the first list a word is in decides its class. */
const handIndex = new WeakMap<HandLexicon, Map<string, string>>();

function handMap(hand: HandLexicon): Map<string, string> {
  let m = handIndex.get(hand);
  if (m) return m;
  m = new Map();
  const lists: Array<[Set<string>, string]> = [
    [hand.titles, 'T'],
    [hand.speech, 'V'],
    [hand.orgHeads, 'H'],
    [hand.placeTriggers, 'L'],
    [hand.connectors, 'C'],
    [hand.places, 'P'],
    [hand.organisations, 'R'],
    [hand.givenNames, 'G'],
    [hand.miscWords, 'M'],
    [hand.eventHeads, 'E'],
    [hand.people, 'N'],
  ];
  for (const [set, cls] of lists) for (const w of set) if (!m.has(w)) m.set(w, cls);
  handIndex.set(hand, m);
  return m;
}

function handClass(norm: string, forms: readonly string[], map: Map<string, string>): string {
  const direct = map.get(norm);
  if (direct) return direct;
  for (const f of forms) {
    const c = map.get(f);
    if (c) return c + 'c';
  }
  return '';
}

/** coreStem (normalize.ts) from forms already computed. */
function coreOf(norm: string, forms: readonly string[]): string {
  let t = forms.length > 0 ? forms[forms.length - 1]! : norm;
  if (t.length >= 5 && t.charCodeAt(0) === 0x0627 && t.charCodeAt(1) === 0x0644) t = t.slice(2);
  return t;
}

/** What a token's features need from the word alone, the same wherever the word occurs. */
interface WordInfo {
  norm: string;
  core: string;
  shape: string;
  lex: string;
  hand: string;
  article: string;
  forms: string[];
  /** Hashes of the features that read this word only, indexed by `Own`. */
  own: Uint32Array;
}

const enum Own {
  Word,
  Norm,
  Core,
  Pre2,
  Pre3,
  Suf1,
  Suf2,
  Suf3,
  NPre1,
  NPre2,
  Shape,
  Lex,
  Hand,
  LexShape,
  Article,
  CoreSuf2Lex,
  PairLex,
  PairHand,
  PairLexHand,
  PairShape,
  Count,
}

/**
 * News repeats its words, so each word is analysed once per gazetteer. The cache trusts that a
 * gazetteer is not changed once features are extracted with it, and is dropped when it grows large.
 */
const wordCaches = new WeakMap<Gazetteer, Map<string, WordInfo>>();
const WORD_CACHE_MAX = 200000;

function wordCache(gaz: Gazetteer): Map<string, WordInfo> {
  let c = wordCaches.get(gaz);
  if (!c || c.size > WORD_CACHE_MAX) wordCaches.set(gaz, (c = new Map()));
  return c;
}

/** Hand classes that stand for a name type, as the lexicon class of a word seen once as that type. */
const HAND_AS_LEX: Record<string, string> = { N: 'PERh1' };

function analyseWord(raw: string, gaz: Gazetteer, hands: Map<string, string>): WordInfo {
  const norm = foldWord(raw);
  const forms = cliticForms(norm);
  let counts = gaz.lex.get(norm);
  let lex = lexClass(counts);
  if (!counts) {
    for (const f of forms) {
      counts = gaz.lex.get(f);
      if (counts) {
        lex = lexClass(counts) + 'c';
        break;
      }
    }
  }
  const core = coreOf(norm, forms);
  const shape = shapeOf(raw, norm);
  const hand = handClass(norm, forms, hands);
  // A public figure the training data never saw (ترامب, زيلينسكي) reads as a word seen once as
  // a person, so the weights learned for that class carry over; the list class alone has none.
  if (!counts && hand !== '') {
    const as = HAND_AS_LEX[hand[0]!];
    if (as) lex = as + (hand.length > 1 ? 'c' : '');
  }
  const article = norm.startsWith('ال') || forms.some((f) => f.startsWith('ال')) ? 'a' : '-';
  const own = new Uint32Array(Own.Count);
  own[Own.Word] = hash1(T.Word, raw);
  own[Own.Norm] = hash1(T.Norm, norm);
  own[Own.Core] = hash1(T.Core, core);
  const c = core;
  if (c.length >= 3) {
    own[Own.Pre2] = hashSub(T.Pre2, c, 0, 2);
    own[Own.Pre3] = hashSub(T.Pre3, c, 0, 3);
    own[Own.Suf1] = hashSub(T.Suf1, c, c.length - 1, c.length);
    own[Own.Suf2] = hashSub(T.Suf2, c, c.length - 2, c.length);
    own[Own.Suf3] = hashSub(T.Suf3, c, c.length - 3, c.length);
    own[Own.CoreSuf2Lex] = hash2(T.CoreSuf2Lex, c.slice(-2), lex);
  }
  if (norm.length >= 3) {
    own[Own.NPre1] = hashSub(T.NPre1, norm, 0, 1);
    own[Own.NPre2] = hashSub(T.NPre2, norm, 0, 2);
  }
  own[Own.Shape] = hash1(T.Shape, shape);
  own[Own.Lex] = hash1(T.Lex, lex);
  own[Own.Hand] = hash1(T.Hand, hand);
  own[Own.LexShape] = hash2(T.LexShape, lex, shape);
  own[Own.Article] = hash2(T.Article, article, lex);
  own[Own.PairLex] = hash1(T.PairLex, lex);
  own[Own.PairHand] = hash1(T.PairHand, hand);
  own[Own.PairLexHand] = hash2(T.PairLexHand, lex, hand);
  own[Own.PairShape] = hash1(T.PairShape, shape);
  return { norm, core, shape, lex, hand, article, forms, own };
}

function analyse(raws: readonly string[], gaz: Gazetteer): TokenInfo[] {
  const infos: TokenInfo[] = new Array(raws.length);
  const hands = handMap(gaz.hand);
  const cache = wordCache(gaz);
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    let w = cache.get(raw);
    if (!w) cache.set(raw, (w = analyseWord(raw, gaz, hands)));
    infos[i] = {
      raw,
      norm: w.norm,
      core: w.core,
      shape: w.shape,
      lex: w.lex,
      hand: w.hand,
      phrase: '',
      handPhrase: '',
      article: w.article,
      forms: w.forms,
      own: w.own,
    };
  }
  markPhrases(infos, gaz.phrases, 'phrase');
  markPhrases(infos, gaz.handPhrases, 'handPhrase');
  return infos;
}

/** Greedy longest match of multi-token names; the first token may carry clitics. */
function markPhrases(infos: TokenInfo[], map: Map<string, PhraseEntry[]>, field: 'phrase' | 'handPhrase'): void {
  if (map.size === 0) return;
  const tags = phraseTags(infos, map);
  for (let i = 0; i < infos.length; i++) infos[i]![field] = tags[i] ?? '';
}

/**
 * The phrase-gazetteer tag of each word (B-ORG, I-PER, … or undefined): greedy longest match, the
 * first token may carry clitics. `words` need only their folded form and clitic forms; `starts`,
 * when given, are each word's candidate lists already looked up (see phraseStarts).
 */
function phraseTags(
  words: ReadonlyArray<{ norm: string; forms: readonly string[] }>,
  map: Map<string, PhraseEntry[]>,
  starts?: ReadonlyArray<PhraseStarts | null>,
): Array<string | undefined> {
  const tags: Array<string | undefined> = new Array(words.length);
  if (map.size === 0) return tags;
  let i = 0;
  while (i < words.length) {
    const st = starts ? starts[i] : phraseStarts(words[i]!, map);
    let best: PhraseEntry | undefined;
    if (st) {
      best = longestAt(words, i, st.own, undefined);
      if (!best) for (const list of st.forms) best = longestAt(words, i, list, best);
    }
    if (best) {
      const t = TYPES[best.type]!;
      tags[i] = 'B-' + t;
      for (let k = 1; k <= best.rest.length; k++) tags[i + k] = 'I-' + t;
      i += best.rest.length + 1;
    } else {
      i++;
    }
  }
  return tags;
}

/** The phrases a word may open: under its folded form, then under each clitic form (in order). */
interface PhraseStarts {
  own: PhraseEntry[] | undefined;
  forms: PhraseEntry[][];
}

function phraseStarts(w: { norm: string; forms: readonly string[] }, map: Map<string, PhraseEntry[]>): PhraseStarts | null {
  const own = map.get(w.norm);
  const forms: PhraseEntry[][] = [];
  for (const f of w.forms) {
    const l = map.get(f);
    if (l) forms.push(l);
  }
  return own || forms.length > 0 ? { own, forms } : null;
}

/** The longest entry of `list` whose rest follows token i, if longer than `best`; else `best`. */
function longestAt(
  infos: ReadonlyArray<{ norm: string }>,
  i: number,
  list: PhraseEntry[] | undefined,
  best: PhraseEntry | undefined,
): PhraseEntry | undefined {
  if (!list) return best;
  for (const e of list) {
    if (best && e.rest.length <= best.rest.length) continue;
    if (i + e.rest.length >= infos.length) continue;
    let ok = true;
    for (let k = 0; k < e.rest.length; k++) {
      if (infos[i + 1 + k]!.norm !== e.rest[k]) {
        ok = false;
        break;
      }
    }
    if (ok) best = e;
  }
  return best;
}

// ---- templates -------------------------------------------------------------------------------

const enum T {
  Bias,
  Word,
  Norm,
  NormM1,
  NormP1,
  NormM2,
  NormP2,
  Core,
  CoreM1,
  CoreP1,
  BigramL,
  BigramR,
  Pre2,
  Pre3,
  Suf1,
  Suf2,
  Suf3,
  NPre1,
  NPre2,
  Shape,
  ShapeCtx,
  Lex,
  LexM1,
  LexP1,
  LexCtx,
  Hand,
  HandM1,
  HandP1,
  HandM2,
  HandP2,
  HandCtx,
  Phrase,
  HandPhrase,
  Article,
  First,
  LexHandM1,
  CoreSuf2Lex,
  PhraseM1,
  PhraseP1,
  TriggerLeft,
  SpeechRight,
  LexShape,
  LexHandP1,
  NormM1Lex,
  NormP1Lex,
  TriggerRight,
  LexM2,
  LexP2,
  NisbaM1,
  Foreign,
  Vowels,
  ListComma,
  ListCommaLex,
  WawAfter,
  NisbaSelf,
  InQuote,
  PairBias,
  PairLex,
  PairHand,
  PairLexHand,
  PairShape,
  PairArticle,
}

/** Persian/Latin-sound letters (پ چ ڤ گ ژ) appear almost only in transliterated names. */
function hasForeignLetter(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 0x067e || ch === 0x0686 || ch === 0x06a4 || ch === 0x06af || ch === 0x0698) return true;
  }
  return false;
}

/** Long-vowel letters after the first, relative to length: '0'…'3'. */
function vowelBucket(c: string): string {
  let v = 0;
  for (let i = 1; i < c.length; i++) {
    const ch = c.charCodeAt(i);
    if (ch === 0x0627 || ch === 0x0648 || ch === 0x064a) v++;
  }
  const r = v / c.length;
  return r === 0 ? '0' : r < 0.3 ? '1' : r < 0.45 ? '2' : '3';
}

const BOS: TokenInfo = { raw: '<s>', norm: '<s>', core: '<s>', shape: 'S', lex: 'S', hand: 'S', phrase: '', handPhrase: '', article: '-', forms: [], own: new Uint32Array(0) };
const EOS: TokenInfo = { raw: '</s>', norm: '</s>', core: '</s>', shape: 'E', lex: 'E', hand: 'E', phrase: '', handPhrase: '', article: '-', forms: [], own: new Uint32Array(0) };

/** Growable buffer of per-token feature hashes: token i owns feats[offsets[i] .. offsets[i+1]). */
export class FeatureBuffer {
  feats = new Uint32Array(4096);
  offsets = new Uint32Array(257);
  length = 0;
  private n = 0;

  reset(): void {
    this.length = 0;
    this.n = 0;
    this.offsets[0] = 0;
  }
  push(h: number): void {
    if (this.n === this.feats.length) {
      const f = new Uint32Array(this.feats.length * 2);
      f.set(this.feats);
      this.feats = f;
    }
    this.feats[this.n++] = h;
  }
  endToken(): void {
    if (this.length + 2 > this.offsets.length) {
      const o = new Uint32Array(this.offsets.length * 2);
      o.set(this.offsets);
      this.offsets = o;
    }
    this.offsets[++this.length] = this.n;
  }
}

/**
 * How many of each token's features (the first ones) read the word itself: its form, folded
 * form, stem, and the bigrams with its neighbours. Training drops them at random (word dropout)
 * so the tagger also learns to find a name from its context, affixes and the lists.
 */
export const IDENTITY_FEATURES = 5;

/**
 * Extract features for one sentence (raw tokens) into `out`, and into `pairs` the few features
 * whose weights depend on the previous label too (they decide where one name ends and the next
 * begins). Both buffers are reset first.
 */
export function extractFeatures(raws: readonly string[], gaz: Gazetteer, out: FeatureBuffer, pairs: FeatureBuffer): void {
  out.reset();
  pairs.reset();
  const infos = analyse(raws, gaz);
  const n = infos.length;
  const at = (i: number): TokenInfo => (i < 0 ? BOS : i >= n ? EOS : infos[i]!);
  let quoteOpen = -1;
  for (let i = 0; i < n; i++) {
    const t = infos[i]!;
    const own = t.own;
    const m1 = at(i - 1);
    const p1 = at(i + 1);
    const m2 = at(i - 2);
    const p2 = at(i + 2);
    // The features that read the word's identity come first (IDENTITY_FEATURES of them), so
    // training can drop them together.
    out.push(own[Own.Word]!);
    out.push(own[Own.Norm]!);
    out.push(own[Own.Core]!);
    out.push(hash2(T.BigramL, m1.norm, t.norm));
    out.push(hash2(T.BigramR, t.norm, p1.norm));
    out.push(hash1(T.Bias, ''));
    out.push(hash1(T.NormM1, m1.norm));
    out.push(hash1(T.NormP1, p1.norm));
    out.push(hash1(T.NormM2, m2.norm));
    out.push(hash1(T.NormP2, p2.norm));
    out.push(hash1(T.CoreM1, m1.core));
    out.push(hash1(T.CoreP1, p1.core));
    const c = t.core;
    if (c.length >= 3) {
      out.push(own[Own.Pre2]!);
      out.push(own[Own.Pre3]!);
      out.push(own[Own.Suf1]!);
      out.push(own[Own.Suf2]!);
      out.push(own[Own.Suf3]!);
    }
    if (t.norm.length >= 3) {
      out.push(own[Own.NPre1]!);
      out.push(own[Own.NPre2]!);
    }
    out.push(own[Own.Shape]!);
    out.push(hash3(T.ShapeCtx, m1.shape, t.shape, p1.shape));
    out.push(own[Own.Lex]!);
    out.push(hash1(T.LexM1, m1.lex));
    out.push(hash1(T.LexP1, p1.lex));
    out.push(hash3(T.LexCtx, m1.lex, t.lex, p1.lex));
    out.push(own[Own.Hand]!);
    out.push(hash1(T.HandM1, m1.hand));
    out.push(hash1(T.HandP1, p1.hand));
    out.push(hash1(T.HandM2, m2.hand));
    out.push(hash1(T.HandP2, p2.hand));
    out.push(hash3(T.HandCtx, m1.hand, t.hand, p1.hand));
    out.push(hash2(T.LexHandM1, t.lex, m1.hand));
    out.push(own[Own.LexShape]!);
    if (t.phrase) out.push(hash1(T.Phrase, t.phrase));
    if (t.handPhrase) out.push(hash1(T.HandPhrase, t.handPhrase));
    out.push(hash2(T.PhraseM1, m1.phrase, t.phrase));
    out.push(hash2(T.PhraseP1, t.phrase, p1.phrase));
    out.push(own[Own.Article]!);
    if (i === 0) out.push(hash1(T.First, ''));
    if (c.length >= 3) out.push(own[Own.CoreSuf2Lex]!);
    // A title or place noun up to three tokens left, a speech verb up to two right.
    let trig = '';
    for (let k = 1; k <= 3 && !trig; k++) {
      const h = at(i - k).hand;
      if (h === 'T' || h === 'Tc' || h === 'L' || h === 'Lc' || h === 'H' || h === 'Hc' || h === 'V' || h === 'Vc') trig = h[0]! + k;
    }
    out.push(hash1(T.TriggerLeft, trig));
    let sp = '';
    for (let k = 1; k <= 3 && !sp; k++) {
      const h = at(i + k).hand;
      if (h === 'V' || h === 'Vc') sp = 'V' + k;
    }
    out.push(hash1(T.SpeechRight, sp));
    let right = '';
    for (let k = 1; k <= 3 && !right; k++) {
      const h = at(i + k).hand;
      if (h === 'T' || h === 'Tc' || h === 'H' || h === 'Hc' || h === 'L' || h === 'Lc') right = h[0]! + k;
    }
    out.push(hash2(T.TriggerRight, right, t.lex));
    out.push(hash2(T.LexHandP1, t.lex, p1.hand));
    out.push(hash2(T.NormM1Lex, m1.norm, t.lex));
    out.push(hash2(T.NormP1Lex, p1.norm, t.lex));
    // A nationality adjective just before (البرازيلي أندرسون, الفرنسي وليام غالاس).
    const m1n = m1.norm;
    if (m1n.length >= 5 && m1n.startsWith('ال') && m1n.charCodeAt(m1n.length - 1) === 0x064a) {
      out.push(hash2(T.NisbaM1, t.lex, t.hand));
    }
    out.push(hash1(T.LexM2, m2.lex));
    out.push(hash1(T.LexP2, p2.lex));
    if (hasForeignLetter(t.raw)) out.push(hash2(T.Foreign, t.lex, t.shape));
    // Transliterated names spell their vowels out (كوندوليزا, ستيفن); Arabic words mostly don't.
    if (c.length >= 4) out.push(hash3(T.Vowels, vowelBucket(c), t.shape, t.lex));
    // Names in a list (، وعلي الحجار ، ونيكول سابا): what stood before the comma or the و.
    if (m1.norm === '،' || m1.norm === ',') {
      const waw = t.norm.charCodeAt(0) === 0x0648 && t.norm.length >= 4 ? 'w' : '-';
      out.push(hash3(T.ListComma, m2.lex, m2.hand, waw));
      out.push(hash3(T.ListCommaLex, m2.lex, t.lex, waw));
    } else if (t.norm.charCodeAt(0) === 0x0648 && t.norm.length >= 4) {
      out.push(hash3(T.WawAfter, m1.lex, m1.hand, t.lex));
    }
    // Titles of works, events and currencies-in-quotes are MISC or ORG in ANERcorp: how far inside
    // a quotation the token is ("…" has no direction, so quotes toggle).
    const q = t.norm;
    if (q === '"' || q === '«' || q === '»' || q === '“' || q === '”') {
      quoteOpen = q === '»' || q === '”' || (q === '"' && quoteOpen >= 0) ? -1 : i;
    } else if (quoteOpen >= 0 && i - quoteOpen <= 6) {
      const d = i - quoteOpen;
      out.push(hash2(T.InQuote, d === 1 ? '1' : d === 2 ? '2' : 'n', t.lex));
    }
    if (c.length >= 4 && t.article === 'a' && c.charCodeAt(c.length - 1) === 0x064a) {
      out.push(hash3(T.NisbaSelf, m1.hand, m1.lex, p1.hand));
    }
    out.endToken();
    pairs.push(hash1(T.PairBias, ''));
    pairs.push(own[Own.PairLex]!);
    pairs.push(own[Own.PairHand]!);
    pairs.push(own[Own.PairLexHand]!);
    pairs.push(own[Own.PairShape]!);
    pairs.push(hash2(T.PairArticle, t.article, m1.hand));
    pairs.endToken();
  }
}

// ---- scoring for tagging ---------------------------------------------------------------------

/**
 * Where tagging finds a feature's weights: adds row `h` (when the model has it) to
 * out[base … base + NUM_LABELS). One per model; the word scores below are cached per lookup.
 */
export interface RowLookup {
  add(h: number, out: Float64Array, base: number): void;
  /** The label-pair table the same way (rows of (NUM_LABELS + 1) × NUM_LABELS); null when the model has none. */
  pairs: RowLookup | null;
}

/**
 * The small class strings features combine (shapes, lexicon and hand classes, articles) as small
 * numbers, so that a feature made only of such classes is keyed by a number and its row found in
 * a small cache, instead of hashing its strings and probing the model's big table per token.
 */
const classIds = new Map<string, number>();
const classNames: string[] = [];
const CLASS_BITS = 10;

function classId(s: string): number {
  let id = classIds.get(s);
  if (id === undefined) {
    id = classNames.length;
    // Classes come from short fixed lists (about a hundred in all); keys pack three in 30 bits.
    if (id >= 1 << CLASS_BITS) throw new Error(`more than ${1 << CLASS_BITS} feature classes`);
    classIds.set(s, id);
    classNames.push(s);
  }
  return id;
}

/** Trigger letters: code 1 … 4 in a word's trigL / trigR; the feature string is the letter and a distance. */
const TRIGGER_LETTERS = 'TLHV';

/**
 * A word's share of the emission scores, the same wherever it occurs: the summed rows of its own
 * features, and of the features that read it as the token one or two places to the left or right
 * of another (NormM1, HandP2, …). Tagging then adds only the few features that combine words.
 * The weights are 16-bit integers times one scale, so sums of them in doubles are exact and the
 * order they are added in cannot change a score by a bit: the cached sums give the very scores
 * the feature buffer gives (a unit test holds every golden sentence to that).
 */
interface WordScores {
  raw: string;
  w: WordInfo;
  /** 5 × NUM_LABELS: own, as m1, as p1, as m2, as p2. */
  rows: Float64Array;
  foreign: boolean;
  /** The training-data and hand-list phrases the word may open (null: none). */
  phrases: PhraseStarts | null;
  handPhrases: PhraseStarts | null;
  shapeId: number;
  lexId: number;
  handId: number;
  articleId: number;
  /** As a left trigger (T, L, H, V, with or without the clitic mark): 1 … 4 in TRIGGER_LETTERS, else 0. */
  trigL: number;
  /** As a right trigger (T, L, H only), else 0. */
  trigR: number;
  /** A speech verb (V or Vc). */
  speech: boolean;
  /** The hash states after this word's folded form: as the left word of BigramL, the first of BigramR, … */
  bigL: number;
  bigR: number;
  normM1: number;
  normP1: number;
  /** As the token before: a nationality adjective (ال…ي, five letters or more). */
  nisbaM1: boolean;
  comma: boolean;
  /** Starts with و and has four letters or more. */
  waw: boolean;
  /** 0: not a quotation mark; 1: "; 2: « or “; 3: » or ”. */
  quote: number;
  /** The token itself reads as a nisba with the article (NisbaSelf). */
  nisbaSelf: boolean;
  /** Shape, lexicon and hand class packed (CLASS_BITS each): the word as the token after. */
  cls: number;
  /** cls with nisbaM1 and comma: the word as the token before. */
  clsM1: number;
  /** cls with waw and nisbaSelf: the word as the token itself. */
  clsT: number;
}

const ROLE_OWN = 0;
const ROLE_M1 = NUM_LABELS;
const ROLE_P1 = 2 * NUM_LABELS;
const ROLE_M2 = 3 * NUM_LABELS;
const ROLE_P2 = 4 * NUM_LABELS;

/**
 * The features that combine only small classes of neighbouring words, in groups each read as one
 * summed row (one probe of a small cache per group instead of one per feature):
 * - Triple: ShapeCtx, LexCtx, HandCtx, LexHandM1, LexHandP1, NisbaM1, WawAfter, NisbaSelf —
 *   all read from the classes of the token before, the token and the token after;
 * - Around: Phrase, HandPhrase, PhraseM1, PhraseP1, First, TriggerLeft, SpeechRight,
 *   TriggerRight, InQuote — phrase codes, distances, and the token's lexicon class;
 * - List: ListComma and ListCommaLex, after a comma.
 * Summed in doubles these rows are exact (see WordScores), so grouping cannot change a score.
 */
const enum G {
  Hands = 1,
  Shapes,
  Lexes,
  Around,
  List,
  WawAfter,
  NisbaSelf,
}

/**
 * Rows of the feature groups (G), per group and packed class keys: the row's offset in `pool`, or
 * -1 when the model has no (or only all-zero) rows for it. A row copied from the f32 weights into
 * doubles and added gives the very sum the table lookups give.
 */
interface ContextRows {
  /** Open addressing: per slot [group, a, b, c] (group 0 = empty), and the row's offset. */
  keys: Int32Array;
  rows: Int32Array;
  pool: Float64Array;
  used: number;
  entries: number;
  /** Pair rows (PAIR_SLOTS, open addressing): per slot [1, cls, article and hand before] (0 = empty)… */
  pairKeys: Int32Array;
  /** … and the summed pair row, (NUM_LABELS + 1) × NUM_LABELS, shared by every token with those keys. */
  pairRows: Float64Array[];
  pairEntries: number;
}

/** Slots of the pair-row cache (a few thousand distinct keys in a corpus); it starts over when half full. */
const PAIR_SLOTS = 1 << 14;

/** Slots of the context cache; it starts over when half full. */
const CONTEXT_SLOTS = 1 << 17;
const CONTEXT_MASK = CONTEXT_SLOTS - 1;

function newContextRows(): ContextRows {
  return { keys: new Int32Array(4 * CONTEXT_SLOTS), rows: new Int32Array(CONTEXT_SLOTS), pool: new Float64Array(1024 * NUM_LABELS), used: 0, entries: 0, pairKeys: new Int32Array(3 * PAIR_SLOTS), pairRows: new Array<Float64Array>(PAIR_SLOTS), pairEntries: 0 };
}

function contextSlot(g: number, a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + g, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & CONTEXT_MASK;
}

interface ScoreCache {
  words: Map<string, WordScores>;
  bos: WordScores;
  eos: WordScores;
  ctx: ContextRows;
}

const scoreCaches = new WeakMap<RowLookup, WeakMap<Gazetteer, ScoreCache>>();
/** Distinct words kept per model (about 500 bytes each); the cache starts over past this. */
const SCORE_CACHE_MAX = 100000;

function boundaryInfo(t: TokenInfo): WordInfo {
  return { norm: t.norm, core: t.core, shape: t.shape, lex: t.lex, hand: t.hand, article: t.article, forms: t.forms, own: t.own };
}

function roleRows(w: WordInfo, lookup: RowLookup, rows: Float64Array): void {
  lookup.add(hash1(T.NormM1, w.norm), rows, ROLE_M1);
  lookup.add(hash1(T.CoreM1, w.core), rows, ROLE_M1);
  lookup.add(hash1(T.LexM1, w.lex), rows, ROLE_M1);
  lookup.add(hash1(T.HandM1, w.hand), rows, ROLE_M1);
  lookup.add(hash1(T.NormP1, w.norm), rows, ROLE_P1);
  lookup.add(hash1(T.CoreP1, w.core), rows, ROLE_P1);
  lookup.add(hash1(T.LexP1, w.lex), rows, ROLE_P1);
  lookup.add(hash1(T.HandP1, w.hand), rows, ROLE_P1);
  lookup.add(hash1(T.NormM2, w.norm), rows, ROLE_M2);
  lookup.add(hash1(T.HandM2, w.hand), rows, ROLE_M2);
  lookup.add(hash1(T.LexM2, w.lex), rows, ROLE_M2);
  lookup.add(hash1(T.NormP2, w.norm), rows, ROLE_P2);
  lookup.add(hash1(T.HandP2, w.hand), rows, ROLE_P2);
  lookup.add(hash1(T.LexP2, w.lex), rows, ROLE_P2);
}

function scoreCache(lookup: RowLookup, gaz: Gazetteer): ScoreCache {
  let perGaz = scoreCaches.get(lookup);
  if (!perGaz) scoreCaches.set(lookup, (perGaz = new WeakMap()));
  let c = perGaz.get(gaz);
  if (!c || c.words.size > SCORE_CACHE_MAX) {
    const boundary = (t: TokenInfo): WordScores => {
      const rows = new Float64Array(5 * NUM_LABELS);
      const w = boundaryInfo(t);
      roleRows(w, lookup, rows);
      return wordScores(t.raw, w, rows, false, null, null);
    };
    const ctx: ContextRows = c?.ctx ?? newContextRows();
    perGaz.set(gaz, (c = { words: new Map(), bos: boundary(BOS), eos: boundary(EOS), ctx }));
  }
  return c;
}

function triggerCode(h: string, right: boolean): number {
  if (right ? !isRightTrigger(h) : !isTrigger(h)) return 0;
  return TRIGGER_LETTERS.indexOf(h[0]!) + 1;
}

function wordScores(
  raw: string,
  w: WordInfo,
  rows: Float64Array,
  foreign: boolean,
  phrases: PhraseStarts | null,
  handPhrases: PhraseStarts | null,
): WordScores {
  const n = w.norm;
  const c = w.core;
  const q = n === '"' ? 1 : n === '«' || n === '“' ? 2 : n === '»' || n === '”' ? 3 : 0;
  const nisbaM1 = n.length >= 5 && n.startsWith('ال') && n.charCodeAt(n.length - 1) === 0x064a;
  const comma = n === '،' || n === ',';
  const waw = n.charCodeAt(0) === 0x0648 && n.length >= 4;
  const nisbaSelf = c.length >= 4 && w.article === 'a' && c.charCodeAt(c.length - 1) === 0x064a;
  const cls = classId(w.shape) | (classId(w.lex) << CLASS_BITS) | (classId(w.hand) << (2 * CLASS_BITS));
  return {
    raw,
    w,
    rows,
    foreign,
    phrases,
    handPhrases,
    shapeId: classId(w.shape),
    lexId: classId(w.lex),
    handId: classId(w.hand),
    articleId: classId(w.article),
    trigL: triggerCode(w.hand, false),
    trigR: triggerCode(w.hand, true),
    speech: w.hand === 'V' || w.hand === 'Vc',
    bigL: mixStr(seed(T.BigramL), n),
    bigR: mixStr(seed(T.BigramR), n),
    normM1: mixStr(seed(T.NormM1Lex), n),
    normP1: mixStr(seed(T.NormP1Lex), n),
    nisbaM1,
    comma,
    waw,
    quote: q,
    nisbaSelf,
    cls,
    clsM1: cls | (nisbaM1 ? 1 << 30 : 0) | (comma ? 1 << 31 : 0),
    clsT: cls | (waw ? 1 << 30 : 0) | (nisbaSelf ? 1 << 31 : 0),
  };
}

function scoreWord(raw: string, w: WordInfo, lookup: RowLookup, gaz: Gazetteer): WordScores {
  const rows = new Float64Array(5 * NUM_LABELS);
  const own = w.own;
  const c = w.core;
  // The order of extractFeatures, though any order gives the same sums.
  lookup.add(own[Own.Word]!, rows, ROLE_OWN);
  lookup.add(own[Own.Norm]!, rows, ROLE_OWN);
  lookup.add(own[Own.Core]!, rows, ROLE_OWN);
  lookup.add(hash1(T.Bias, ''), rows, ROLE_OWN);
  if (c.length >= 3) {
    lookup.add(own[Own.Pre2]!, rows, ROLE_OWN);
    lookup.add(own[Own.Pre3]!, rows, ROLE_OWN);
    lookup.add(own[Own.Suf1]!, rows, ROLE_OWN);
    lookup.add(own[Own.Suf2]!, rows, ROLE_OWN);
    lookup.add(own[Own.Suf3]!, rows, ROLE_OWN);
  }
  if (w.norm.length >= 3) {
    lookup.add(own[Own.NPre1]!, rows, ROLE_OWN);
    lookup.add(own[Own.NPre2]!, rows, ROLE_OWN);
  }
  lookup.add(own[Own.Shape]!, rows, ROLE_OWN);
  lookup.add(own[Own.Lex]!, rows, ROLE_OWN);
  lookup.add(own[Own.Hand]!, rows, ROLE_OWN);
  lookup.add(own[Own.LexShape]!, rows, ROLE_OWN);
  lookup.add(own[Own.Article]!, rows, ROLE_OWN);
  if (c.length >= 3) lookup.add(own[Own.CoreSuf2Lex]!, rows, ROLE_OWN);
  const foreign = hasForeignLetter(raw);
  if (foreign) lookup.add(hash2(T.Foreign, w.lex, w.shape), rows, ROLE_OWN);
  if (c.length >= 4) lookup.add(hash3(T.Vowels, vowelBucket(c), w.shape, w.lex), rows, ROLE_OWN);
  roleRows(w, lookup, rows);
  return wordScores(raw, w, rows, foreign, phraseStarts(w, gaz.phrases), phraseStarts(w, gaz.handPhrases));
}

/** Adds the cached row of group g under keys (a, b, c) to scores; false when not cached yet. */
function addCached(ctx: ContextRows, g: number, a: number, b: number, c: number, scores: Float64Array, base: number): boolean {
  const keys = ctx.keys;
  let slot = contextSlot(g, a, b, c);
  for (;;) {
    const k = 4 * slot;
    const kg = keys[k]!;
    if (kg === 0) return false;
    if (kg === g && keys[k + 1] === a && keys[k + 2] === b && keys[k + 3] === c) break;
    slot = (slot + 1) & CONTEXT_MASK;
  }
  const at = ctx.rows[slot]!;
  if (at >= 0) {
    const p = ctx.pool;
    for (let y = 0; y < NUM_LABELS; y++) scores[base + y] += p[at + y]!;
  }
  return true;
}

/** A group's row being summed from the model's table (rowTmp), before addStored keeps it. */
const rowTmp = new Float64Array(NUM_LABELS);

/** Caches rowTmp as the row of group g under keys (a, b, c), and adds it to scores. */
function addStored(ctx: ContextRows, g: number, a: number, b: number, c: number, scores: Float64Array, base: number): void {
  if (ctx.entries >= CONTEXT_SLOTS >> 1) {
    ctx.keys.fill(0);
    ctx.used = 0;
    ctx.entries = 0;
  }
  let at = -1;
  for (let y = 0; y < NUM_LABELS; y++) {
    if (rowTmp[y] !== 0) {
      if (ctx.used + NUM_LABELS > ctx.pool.length) {
        const p = new Float64Array(ctx.pool.length * 2);
        p.set(ctx.pool);
        ctx.pool = p;
      }
      at = ctx.used;
      ctx.pool.set(rowTmp, at);
      ctx.used += NUM_LABELS;
      break;
    }
  }
  let slot = contextSlot(g, a, b, c);
  while (ctx.keys[4 * slot] !== 0) slot = (slot + 1) & CONTEXT_MASK;
  const k = 4 * slot;
  ctx.keys[k] = g;
  ctx.keys[k + 1] = a;
  ctx.keys[k + 2] = b;
  ctx.keys[k + 3] = c;
  ctx.rows[slot] = at;
  ctx.entries++;
  if (at >= 0) for (let y = 0; y < NUM_LABELS; y++) scores[base + y] += rowTmp[y]!;
}

/** rowTmp = the Hands group's features of token t between m1 and p1 (see G). */
function handsRow(lookup: RowLookup, ms: WordScores, t: WordInfo, p1: WordInfo): void {
  const m1 = ms.w;
  rowTmp.fill(0);
  lookup.add(hash3(T.HandCtx, m1.hand, t.hand, p1.hand), rowTmp, 0);
  lookup.add(hash2(T.LexHandM1, t.lex, m1.hand), rowTmp, 0);
  lookup.add(hash2(T.LexHandP1, t.lex, p1.hand), rowTmp, 0);
  if (ms.nisbaM1) lookup.add(hash2(T.NisbaM1, t.lex, t.hand), rowTmp, 0);
}

/** rowTmp = the row of one feature hash. */
function oneRow(lookup: RowLookup, h: number): void {
  rowTmp.fill(0);
  lookup.add(h, rowTmp, 0);
}

/** The feature string of a trigger code (letter × 4 + distance), '' for none. */
function triggerName(code: number): string {
  return code === 0 ? '' : TRIGGER_LETTERS[(code >> 2) - 1]! + (code & 3);
}

/**
 * rowTmp = the Around group's features (see G) from its packed key: phrases = first token (1 bit),
 * phrase, hand phrase, phrase before, phrase after (4 bits each); around = left trigger (5 bits),
 * speech verb distance (2), right trigger (5), quote bucket + 1 or 0 (2).
 */
function aroundRow(lookup: RowLookup, phrases: number, around: number, lex: string): void {
  rowTmp.fill(0);
  const ph = (phrases >> 1) & 15;
  const hp = (phrases >> 5) & 15;
  const phm = (phrases >> 9) & 15;
  const php = (phrases >> 13) & 15;
  if (ph !== 0) lookup.add(hash1(T.Phrase, phraseName(ph)), rowTmp, 0);
  if (hp !== 0) lookup.add(hash1(T.HandPhrase, phraseName(hp)), rowTmp, 0);
  lookup.add(hash2(T.PhraseM1, phraseName(phm), phraseName(ph)), rowTmp, 0);
  lookup.add(hash2(T.PhraseP1, phraseName(ph), phraseName(php)), rowTmp, 0);
  if (phrases & 1) lookup.add(hash1(T.First, ''), rowTmp, 0);
  const sp = (around >> 5) & 3;
  lookup.add(hash1(T.TriggerLeft, triggerName(around & 31)), rowTmp, 0);
  lookup.add(hash1(T.SpeechRight, sp === 0 ? '' : 'V' + sp), rowTmp, 0);
  lookup.add(hash2(T.TriggerRight, triggerName((around >> 7) & 31), lex), rowTmp, 0);
  const inq = (around >> 12) & 3;
  if (inq !== 0) lookup.add(hash2(T.InQuote, inq === 1 ? '1' : inq === 2 ? '2' : 'n', lex), rowTmp, 0);
}

/** rowTmp = the List group's features of token t two places after m2 (after a comma). */
function listRow(lookup: RowLookup, m2: WordInfo, t: WordInfo, waw: boolean): void {
  rowTmp.fill(0);
  const w = waw ? 'w' : '-';
  lookup.add(hash3(T.ListComma, m2.lex, m2.hand, w), rowTmp, 0);
  lookup.add(hash3(T.ListCommaLex, m2.lex, t.lex, w), rowTmp, 0);
}

const PAD = 2;
let sentWords: WordScores[] = [];
let phraseBuf = new Uint8Array(256);
let handPhraseBuf = new Uint8Array(256);
const PAIR_BIAS = hash1(T.PairBias, '');
const PAIR_WIDTH = (NUM_LABELS + 1) * NUM_LABELS;

/**
 * The summed pair row of token ts after ms: its pair features (PairBias, PairLex, PairHand,
 * PairLexHand, PairShape, PairArticle) read only the token's classes and article and the hand
 * class of the token before, so the row is cached under those.
 */
function pairRow(ctx: ContextRows, pairs: RowLookup, ms: WordScores, ts: WordScores): Float64Array {
  const a = ts.cls;
  const b = (ts.articleId << B) | ms.handId;
  const keys = ctx.pairKeys;
  let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) >>> 0;
  slot = (slot ^ (slot >>> 15)) & (PAIR_SLOTS - 1);
  for (;;) {
    const k = 3 * slot;
    if (keys[k] === 0) break;
    if (keys[k + 1] === a && keys[k + 2] === b) return ctx.pairRows[slot]!;
    slot = (slot + 1) & (PAIR_SLOTS - 1);
  }
  const own = ts.w.own;
  const row = new Float64Array(PAIR_WIDTH);
  // The order of extractFeatures, though any order gives the same sums.
  pairs.add(PAIR_BIAS, row, 0);
  pairs.add(own[Own.PairLex]!, row, 0);
  pairs.add(own[Own.PairHand]!, row, 0);
  pairs.add(own[Own.PairLexHand]!, row, 0);
  pairs.add(own[Own.PairShape]!, row, 0);
  pairs.add(hash2(T.PairArticle, ts.w.article, ms.w.hand), row, 0);
  if (ctx.pairEntries >= PAIR_SLOTS >> 1) {
    keys.fill(0);
    ctx.pairRows.fill(undefined as unknown as Float64Array);
    ctx.pairEntries = 0;
    return row;
  }
  const k = 3 * slot;
  keys[k] = 1;
  keys[k + 1] = a;
  keys[k + 2] = b;
  ctx.pairRows[slot] = row;
  ctx.pairEntries++;
  return row;
}

function isTrigger(h: string): boolean {
  return h === 'T' || h === 'Tc' || h === 'L' || h === 'Lc' || h === 'H' || h === 'Hc' || h === 'V' || h === 'Vc';
}
function isRightTrigger(h: string): boolean {
  return h === 'T' || h === 'Tc' || h === 'H' || h === 'Hc' || h === 'L' || h === 'Lc';
}

/** A phrase code (phraseCodes) as the tag string extractFeatures uses: '', B-PER, I-PER, … */
function phraseName(code: number): string {
  return code === 0 ? '' : LABELS[code]!;
}

/**
 * phraseTags over the sentence in `ws` (words at PAD … PAD + n - 1), as label codes into `out`:
 * 0 none, B-X = 2t - 1, I-X = 2t (the numbering of LABELS). The same greedy longest match.
 */
function phraseCodes(ws: readonly WordScores[], n: number, hand: boolean, out: Uint8Array): void {
  out.fill(0, 0, n + 1);
  let i = 0;
  while (i < n) {
    const s = ws[i + PAD]!;
    const st = hand ? s.handPhrases : s.phrases;
    let best: PhraseEntry | undefined;
    if (st) {
      best = longestAtWords(ws, n, i, st.own, undefined);
      if (!best) for (const list of st.forms) best = longestAtWords(ws, n, i, list, best);
    }
    if (best) {
      out[i] = 2 * best.type - 1;
      for (let k = 1; k <= best.rest.length; k++) out[i + k] = 2 * best.type;
      i += best.rest.length + 1;
    } else {
      i++;
    }
  }
}

/** longestAt over the sentence in `ws`. */
function longestAtWords(ws: readonly WordScores[], n: number, i: number, list: PhraseEntry[] | undefined, best: PhraseEntry | undefined): PhraseEntry | undefined {
  if (!list) return best;
  for (const e of list) {
    if (best && e.rest.length <= best.rest.length) continue;
    if (i + e.rest.length >= n) continue;
    let ok = true;
    for (let k = 0; k < e.rest.length; k++) {
      if (ws[i + PAD + 1 + k]!.w.norm !== e.rest[k]) {
        ok = false;
        break;
      }
    }
    if (ok) best = e;
  }
  return best;
}

const B = CLASS_BITS;

/**
 * The emission scores of one sentence (n × NUM_LABELS into `scores`, which must hold them; zeroed
 * here) and each token's summed pair row into `pairRows[i]` (rows are shared between tokens and
 * must not be changed; left alone when the model has no pair table): exactly what extractFeatures
 * followed by summing every token's rows gives, with each distinct word's features looked up once
 * and the features that combine only classes of neighbouring words read from a small cache by number.
 */
export function scoreSentence(raws: readonly string[], gaz: Gazetteer, lookup: RowLookup, scores: Float64Array, pairRows: Float64Array[]): void {
  const pairs = lookup.pairs;
  const n = raws.length;
  const cache = scoreCache(lookup, gaz);
  const ctx = cache.ctx;
  const hands = handMap(gaz.hand);
  const infos = wordCache(gaz);
  if (sentWords.length < n + 2 * PAD) sentWords = new Array(2 * (n + 2 * PAD));
  const ws = sentWords;
  ws[0] = ws[1] = cache.bos;
  ws[n + PAD] = ws[n + PAD + 1] = cache.eos;
  for (let i = 0; i < n; i++) {
    const raw = raws[i]!;
    let s = cache.words.get(raw);
    if (!s) {
      let w = infos.get(raw);
      if (!w) infos.set(raw, (w = analyseWord(raw, gaz, hands)));
      cache.words.set(raw, (s = scoreWord(raw, w, lookup, gaz)));
    }
    ws[i + PAD] = s;
  }
  if (phraseBuf.length < n + 1) {
    phraseBuf = new Uint8Array(2 * (n + 1));
    handPhraseBuf = new Uint8Array(2 * (n + 1));
  }
  const phrase = phraseBuf;
  const handPhrase = handPhraseBuf;
  phraseCodes(ws, n, false, phrase);
  phraseCodes(ws, n, true, handPhrase);
  scores.fill(0, 0, n * NUM_LABELS);
  let quoteOpen = -1;
  for (let i = 0; i < n; i++) {
    const base = i * NUM_LABELS;
    const ts = ws[i + PAD]!;
    const ms = ws[i + PAD - 1]!;
    const ps = ws[i + PAD + 1]!;
    const m2s = ws[i + PAD - 2]!;
    const t = ts.w;
    const m1 = ms.w;
    const p1 = ps.w;
    const rows = ts.rows;
    const r1 = ms.rows;
    const r2 = ps.rows;
    const r3 = m2s.rows;
    const r4 = ws[i + PAD + 2]!.rows;
    for (let y = 0; y < NUM_LABELS; y++) {
      scores[base + y] = rows[ROLE_OWN + y]! + r1[ROLE_M1 + y]! + r2[ROLE_P1 + y]! + r3[ROLE_M2 + y]! + r4[ROLE_P2 + y]!;
    }
    const tLex = ts.lexId;
    lookup.add(mixStr(ms.bigL, t.norm) >>> 0, scores, base);
    lookup.add(mixStr(ts.bigR, p1.norm) >>> 0, scores, base);
    // The Hands group (see G), then the two class triples.
    let a = ms.handId | (ms.nisbaM1 ? 1 << B : 0);
    let b = (ts.handId << B) | tLex;
    if (!addCached(ctx, G.Hands, a, b, ps.handId, scores, base)) {
      handsRow(lookup, ms, t, p1);
      addStored(ctx, G.Hands, a, b, ps.handId, scores, base);
    }
    if (!addCached(ctx, G.Shapes, ms.shapeId, ts.shapeId, ps.shapeId, scores, base)) {
      oneRow(lookup, hash3(T.ShapeCtx, m1.shape, t.shape, p1.shape));
      addStored(ctx, G.Shapes, ms.shapeId, ts.shapeId, ps.shapeId, scores, base);
    }
    if (!addCached(ctx, G.Lexes, ms.lexId, tLex, ps.lexId, scores, base)) {
      oneRow(lookup, hash3(T.LexCtx, m1.lex, t.lex, p1.lex));
      addStored(ctx, G.Lexes, ms.lexId, tLex, ps.lexId, scores, base);
    }
    // The Around group: phrase codes, then a title or place noun up to three tokens left (the
    // first found, as letter × 4 + distance), a speech verb up to three right, a title, place or
    // organisation noun up to three right, and how far inside a quotation the token is.
    const ph = phrase[i]!;
    const phrases = (i === 0 ? 1 : 0) | (ph << 1) | (handPhrase[i]! << 5) | ((i > 0 ? phrase[i - 1]! : 0) << 9) | (phrase[i + 1]! << 13); // phraseCodes leaves out[n] = 0
    let trig = 0;
    for (let d = 1; d <= 3 && i - d >= 0; d++) {
      const c = ws[i + PAD - d]!.trigL;
      if (c !== 0) {
        trig = c * 4 + d;
        break;
      }
    }
    let sp = 0;
    for (let d = 1; d <= 3 && i + d < n; d++) {
      if (ws[i + PAD + d]!.speech) {
        sp = d;
        break;
      }
    }
    let right = 0;
    for (let d = 1; d <= 3 && i + d < n; d++) {
      const c = ws[i + PAD + d]!.trigR;
      if (c !== 0) {
        right = c * 4 + d;
        break;
      }
    }
    let inq = 0;
    const q = ts.quote;
    if (q !== 0) {
      quoteOpen = q === 3 || (q === 1 && quoteOpen >= 0) ? -1 : i;
    } else if (quoteOpen >= 0 && i - quoteOpen <= 6) {
      const d = i - quoteOpen;
      inq = d === 1 ? 1 : d === 2 ? 2 : 3;
    }
    const around = trig | (sp << 5) | (right << 7) | (inq << 12);
    if (!addCached(ctx, G.Around, phrases, around, tLex, scores, base)) {
      aroundRow(lookup, phrases, around, t.lex);
      addStored(ctx, G.Around, phrases, around, tLex, scores, base);
    }
    lookup.add(mixStr(ms.normM1, t.lex) >>> 0, scores, base);
    lookup.add(mixStr(ps.normP1, t.lex) >>> 0, scores, base);
    if (ms.comma) {
      a = (m2s.lexId << B) | m2s.handId;
      b = ts.waw ? 1 : 0;
      if (!addCached(ctx, G.List, a, tLex, b, scores, base)) {
        listRow(lookup, m2s.w, t, ts.waw);
        addStored(ctx, G.List, a, tLex, b, scores, base);
      }
    } else if (ts.waw) {
      a = (ms.lexId << B) | ms.handId;
      if (!addCached(ctx, G.WawAfter, a, tLex, 0, scores, base)) {
        oneRow(lookup, hash3(T.WawAfter, m1.lex, m1.hand, t.lex));
        addStored(ctx, G.WawAfter, a, tLex, 0, scores, base);
      }
    }
    if (ts.nisbaSelf) {
      a = (ms.handId << B) | ms.lexId;
      if (!addCached(ctx, G.NisbaSelf, a, ps.handId, 0, scores, base)) {
        oneRow(lookup, hash3(T.NisbaSelf, m1.hand, m1.lex, p1.hand));
        addStored(ctx, G.NisbaSelf, a, ps.handId, 0, scores, base);
      }
    }
    if (pairs) pairRows[i] = pairRow(ctx, pairs, ms, ts);
  }
}
