// The tagger's features that combine only small classes of neighbouring words (shapes, lexicon
// and hand classes, phrase codes, distances), read per token from a small cache of summed rows
// keyed by numbers, and each token's summed label-pair row, cached the same way.

import { hash1, hash2, hash3, T } from './featureHash';
import { LABELS, NUM_LABELS } from './tagset';
import type { RowLookup, WordScores } from './wordScores';
import { Own, type WordInfo } from './words';

/**
 * The small class strings features combine (shapes, lexicon and hand classes, articles) as small
 * numbers, so that a feature made only of such classes is keyed by a number and its row found in
 * a small cache, instead of hashing its strings and probing the model's big table per token.
 */
const classIds = new Map<string, number>();
const classNames: string[] = [];
export const CLASS_BITS = 10;

export function classId(s: string): number {
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
export const TRIGGER_LETTERS = 'TLHV';

const B = CLASS_BITS;

export function isTrigger(h: string): boolean {
  return h === 'T' || h === 'Tc' || h === 'L' || h === 'Lc' || h === 'H' || h === 'Hc' || h === 'V' || h === 'Vc';
}
export function isRightTrigger(h: string): boolean {
  return h === 'T' || h === 'Tc' || h === 'H' || h === 'Hc' || h === 'L' || h === 'Lc';
}

/**
 * The features that combine only small classes of neighbouring words, in groups each read as one
 * summed row (one probe of the small cache per group instead of one per feature):
 * - Hands: HandCtx, LexHandM1, LexHandP1, NisbaM1 (hand classes of the three tokens, the token's
 *   lexicon class, whether the token before is a nationality adjective);
 * - Shapes: ShapeCtx; Lexes: LexCtx (the three tokens' shapes, lexicon classes);
 * - Around: Phrase, HandPhrase, PhraseM1, PhraseP1, First, TriggerLeft, SpeechRight,
 *   TriggerRight, InQuote (phrase codes, distances, and the token's lexicon class);
 * - List: ListComma and ListCommaLex, after a comma; WawAfter and NisbaSelf, when they apply.
 * Summed in doubles these rows are exact (see WordScores), so grouping cannot change a score. One
 * group for the whole class triple of the three tokens had 100,000 distinct keys in 1,000
 * articles and was slower; these have about 19,000 in all.
 */
export const enum G {
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
export interface ContextRows {
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

export function newContextRows(): ContextRows {
  return { keys: new Int32Array(4 * CONTEXT_SLOTS), rows: new Int32Array(CONTEXT_SLOTS), pool: new Float64Array(1024 * NUM_LABELS), used: 0, entries: 0, pairKeys: new Int32Array(3 * PAIR_SLOTS), pairRows: new Array<Float64Array>(PAIR_SLOTS), pairEntries: 0 };
}

function contextSlot(g: number, a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + g, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & CONTEXT_MASK;
}

/** Adds the cached row of group g under keys (a, b, c) to scores; false when not cached yet. */
export function addCached(ctx: ContextRows, g: number, a: number, b: number, c: number, scores: Float64Array, base: number): boolean {
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
export function addStored(ctx: ContextRows, g: number, a: number, b: number, c: number, scores: Float64Array, base: number): void {
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
      for (let k = 0; k < NUM_LABELS; k++) ctx.pool[at + k] = rowTmp[k]!;
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
export function aroundRow(lookup: RowLookup, phrases: number, around: number, lex: string): void {
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

const PAIR_BIAS = hash1(T.PairBias, '');
const PAIR_WIDTH = (NUM_LABELS + 1) * NUM_LABELS;

/**
 * The summed pair row of token ts after ms: its pair features (PairBias, PairLex, PairHand,
 * PairLexHand, PairShape, PairArticle) read only the token's classes and article and the hand
 * class of the token before, so the row is cached under those.
 */
export function pairRow(ctx: ContextRows, pairs: RowLookup, ms: WordScores, ts: WordScores): Float64Array {
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

/** A phrase code (phraseCodes) as the tag string extractFeatures uses: '', B-PER, I-PER, … */
export function phraseName(code: number): string {
  return code === 0 ? '' : LABELS[code]!;
}

/**
 * Adds token ts's class groups (see G) but Around: Hands, Shapes, Lexes, and List, WawAfter or
 * NisbaSelf when they apply; m2s, ms, ps are the tokens two before, before and after.
 */
export function addClassGroups(ctx: ContextRows, lookup: RowLookup, m2s: WordScores, ms: WordScores, ts: WordScores, ps: WordScores, scores: Float64Array, base: number): void {
  const m1 = ms.w;
  const t = ts.w;
  const p1 = ps.w;
  const tLex = ts.lexId;
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
}
