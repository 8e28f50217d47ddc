// A word's share of the tagger's emission scores, computed once per distinct word and model: the
// summed rows of its own features and of the features that read it as a neighbour, with the small
// class numbers and hash states the per-token features need.

import { hash1, hash2, hash3, mixStr, seed, T } from './featureHash';
import { phraseStarts, type Gazetteer, type PhraseStarts } from './gazetteer';
import { CLASS_BITS, classId, isRightTrigger, isTrigger, newContextRows, TRIGGER_LETTERS, type ContextRows } from './contextRows';
import { NUM_LABELS } from './tagset';
import { BOS, EOS, hasForeignLetter, Own, vowelBucket, type TokenInfo, type WordInfo } from './words';

/**
 * Where tagging finds a feature's weights: adds row `h` (when the model has it) to
 * out[base … base + NUM_LABELS). One per model; the word scores below are cached per lookup.
 */
export interface RowLookup {
  add(h: number, out: Float64Array, base: number): void;
  /** The label-pair table the same way (rows of (NUM_LABELS + 1) × NUM_LABELS); null when the model has none. */
  pairs: RowLookup | null;
  /**
   * A bit per filterBit(h) of every hash the table has (tagger.ts rowLookup): a clear bit means no
   * row, so a probe that would find nothing is skipped without touching the table. Tagging's
   * word-pair features (bigrams, word with class) mostly have no row, and the table's index is
   * megabytes the per-token probes read at random; this filter is a fraction of it.
   */
  filter: Int32Array;
}

/** Bits of RowLookup.filter: 2^FILTER_BITS. */
export const FILTER_BITS = 20;

/** Where hash h falls in RowLookup.filter: not the bits the table's own index reads first. */
export function filterBit(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> (32 - FILTER_BITS);
}

/** lookup.add(h, out, base), skipping it when the filter says the table has no row h. */
export function addFiltered(lookup: RowLookup, h: number, out: Float64Array, base: number): void {
  const b = filterBit(h);
  if ((lookup.filter[b >>> 5]! & (1 << (b & 31))) !== 0) lookup.add(h, out, base);
}

/**
 * A word's share of the emission scores, the same wherever it occurs: the summed rows of its own
 * features, and of the features that read it as the token one or two places to the left or right
 * of another (NormM1, HandP2, …). Tagging then adds only the few features that combine words.
 * The weights are 16-bit integers times one scale, so sums of them in doubles are exact and the
 * order they are added in cannot change a score by a bit: the cached sums give the very scores
 * the feature buffer gives (a unit test holds every golden sentence to that).
 */
export interface WordScores {
  raw: string;
  w: WordInfo;
  /** Where its 5 × NUM_LABELS summed rows start in the cache's pool: own, as m1, as p1, as m2, as p2. */
  at: number;
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

export const ROLE_OWN = 0;
export const ROLE_M1 = NUM_LABELS;
export const ROLE_P1 = 2 * NUM_LABELS;
export const ROLE_M2 = 3 * NUM_LABELS;
export const ROLE_P2 = 4 * NUM_LABELS;

export interface ScoreCache {
  words: Map<string, WordScores>;
  /**
   * Every cached word's rows, one after another (WordScores.at): tagging reads five words' rows
   * per token, and one typed array read at offsets costs less than five arrays of their own.
   */
  pool: Float64Array;
  used: number;
  bos: WordScores;
  eos: WordScores;
  ctx: ContextRows;
}

const scoreCaches = new WeakMap<RowLookup, WeakMap<Gazetteer, ScoreCache>>();
/** Distinct words kept per model (about 500 bytes each); the cache starts over past this. */
const SCORE_CACHE_MAX = 100000;

function boundaryInfo(t: TokenInfo): WordInfo {
  return { norm: t.norm, core: t.core, shape: t.shape, lex: t.lex, hand: t.hand, article: t.article, forms: t.forms, own: t.own, doc: -1, club: 0 };
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

export function scoreCache(lookup: RowLookup, gaz: Gazetteer): ScoreCache {
  let perGaz = scoreCaches.get(lookup);
  if (!perGaz) scoreCaches.set(lookup, (perGaz = new WeakMap()));
  let c = perGaz.get(gaz);
  if (!c || c.words.size > SCORE_CACHE_MAX) {
    const ctx: ContextRows = c?.ctx ?? newContextRows();
    const fresh: ScoreCache = { words: new Map(), pool: new Float64Array(4096 * ROW_SET), used: 0, bos: undefined!, eos: undefined!, ctx };
    const boundary = (t: TokenInfo): WordScores => {
      const rows = rowTmp.fill(0);
      const w = boundaryInfo(t);
      roleRows(w, lookup, rows);
      return wordScores(t.raw, w, keepRows(fresh), false, null, null);
    };
    fresh.bos = boundary(BOS);
    fresh.eos = boundary(EOS);
    perGaz.set(gaz, (c = fresh));
  }
  return c;
}

/** One word's rows: own and its four roles as a neighbour. */
const ROW_SET = 5 * NUM_LABELS;
/** A word's rows being summed, before keepRows puts them in the pool. */
const rowTmp = new Float64Array(ROW_SET);

/** Appends rowTmp to the cache's pool (grown by doubling when full); returns its offset. */
function keepRows(cache: ScoreCache): number {
  if (cache.used + ROW_SET > cache.pool.length) {
    const p = new Float64Array(cache.pool.length * 2);
    p.set(cache.pool);
    cache.pool = p;
  }
  const at = cache.used;
  // A plain loop: TypedArray.prototype.set costs more than these 45 copies for a row this short.
  const pool = cache.pool;
  for (let k = 0; k < ROW_SET; k++) pool[at + k] = rowTmp[k]!;
  cache.used += ROW_SET;
  return at;
}

function triggerCode(h: string, right: boolean): number {
  if (right ? !isRightTrigger(h) : !isTrigger(h)) return 0;
  return TRIGGER_LETTERS.indexOf(h[0]!) + 1;
}

function wordScores(
  raw: string,
  w: WordInfo,
  at: number,
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
    at,
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

export function scoreWord(raw: string, w: WordInfo, lookup: RowLookup, gaz: Gazetteer, cache: ScoreCache): WordScores {
  const rows = rowTmp.fill(0);
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
  return wordScores(raw, w, keepRows(cache), foreign, phraseStarts(w, gaz.phrases), phraseStarts(w, gaz.handPhrases));
}
