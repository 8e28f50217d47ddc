// What the tagger's features read from one word, the same wherever it occurs: folded form, stem,
// shape, lexicon and hand-list classes, article, clitic forms and the hashes of its own features,
// analysed once per word and cached per gazetteer.

import { hash1, hash2, hashSub, T } from './featureHash';
import type { Gazetteer, LexCounts } from './gazetteer';
import { cliticForms, foldWord } from './normalize';
import type { HandLexicon } from './lexicon';
import { TYPES } from './tagset';

export interface TokenInfo {
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

export function handMap(hand: HandLexicon): Map<string, string> {
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
export interface WordInfo {
  norm: string;
  core: string;
  shape: string;
  lex: string;
  hand: string;
  article: string;
  forms: string[];
  /** Hashes of the features that read this word only, indexed by `Own`. */
  own: Uint32Array;
  /** What the document rules ask of the word alone (documentWords.ts wordBits), or -1 before they first ask. */
  doc: number;
  /** What the club rules ask of the word alone (clubAdjectives.ts clubBits, clubNames.ts nameBits), or 0 before they first ask. */
  club: number;
}

export const enum Own {
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

export function wordCache(gaz: Gazetteer): Map<string, WordInfo> {
  let c = wordCaches.get(gaz);
  if (!c || c.size > WORD_CACHE_MAX) wordCaches.set(gaz, (c = new Map()));
  return c;
}

/** Hand classes that stand for a name type, as the lexicon class of a word seen once as that type. */
const HAND_AS_LEX: Record<string, string> = { N: 'PERh1' };

export function analyseWord(raw: string, gaz: Gazetteer, hands: Map<string, string>): WordInfo {
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
  return { norm, core, shape, lex, hand, article, forms, own, doc: -1, club: 0 };
}

/** Persian/Latin-sound letters (پ چ ڤ گ ژ) appear almost only in transliterated names. */
export function hasForeignLetter(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 0x067e || ch === 0x0686 || ch === 0x06a4 || ch === 0x06af || ch === 0x0698) return true;
  }
  return false;
}

/** Long-vowel letters after the first, relative to length: '0'…'3'. */
export function vowelBucket(c: string): string {
  let v = 0;
  for (let i = 1; i < c.length; i++) {
    const ch = c.charCodeAt(i);
    if (ch === 0x0627 || ch === 0x0648 || ch === 0x064a) v++;
  }
  const r = v / c.length;
  return r === 0 ? '0' : r < 0.3 ? '1' : r < 0.45 ? '2' : '3';
}

export const BOS: TokenInfo = { raw: '<s>', norm: '<s>', core: '<s>', shape: 'S', lex: 'S', hand: 'S', phrase: '', handPhrase: '', article: '-', forms: [], own: new Uint32Array(0) };
export const EOS: TokenInfo = { raw: '</s>', norm: '</s>', core: '</s>', shape: 'E', lex: 'E', hand: 'E', phrase: '', handPhrase: '', article: '-', forms: [], own: new Uint32Array(0) };
