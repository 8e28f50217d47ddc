// The tagger's model: hashed feature weights per BIO label (weightTable.ts), label transitions, and
// the gazetteer, stored as one file (modelFile.ts); here, summing a token's rows and Viterbi
// decoding under the BIO constraint (I-X only after B-X or I-X). Runs anywhere: the platform
// reads the file, and gunzips a gzipped one (src/platform/node/nerModelFile.ts).

import {
  isInside,
  labelType,
  NUM_LABELS,
  type FeatureBuffer,
  type Gazetteer,
  type RowLookup,
} from './features';
import { filterBit, FILTER_BITS } from './wordScores';
import { fastTable, PAIR_WIDTH, quantTable, tagOf, type WeightTable } from './weightTable';

export { buildTable, PAIR_WIDTH, pruneTable, type WeightTable } from './weightTable';
export { decodeModel, encodeModel, MODEL_FORMAT } from './modelFile';

/** Index of the "before the sentence" state in the transition table. */
export const START = NUM_LABELS;

export interface TaggerModel {
  /** Emission weights: width NUM_LABELS. */
  emit: WeightTable;
  /** Label-pair weights of the token's pair features: width (NUM_LABELS + 1) × NUM_LABELS. */
  pair: WeightTable;
  /** (NUM_LABELS + 1) × NUM_LABELS: previous label (or START) → label. */
  trans: Float32Array;
  gaz: Gazetteer;
  meta: Record<string, string | number>;
}

/** Whether `label` may follow `prev` in BIO. */
export function allowed(prev: number, label: number): boolean {
  if (!isInside(label)) return true;
  return prev !== START && prev !== 0 && labelType(prev) === labelType(label);
}

/** Sum each token's feature rows from a table: n × width scores. */
export function sumRows(buf: FeatureBuffer, table: WeightTable): Float64Array {
  const n = buf.length;
  const out = new Float64Array(n * table.width);
  for (let i = 0; i < n; i++) addRows(buf.feats, buf.offsets[i]!, buf.offsets[i + 1]!, table, out, i * table.width);
  return out;
}

function addRows(feats: Uint32Array, from: number, to: number, table: WeightTable, out: Float64Array, base: number): void {
  const quant = quantTable(table);
  if (quant) {
    for (let k = from; k < to; k++) quant.add(feats[k]!, out, base);
    return;
  }
  const { tags, cells, weights, mask, stride, width: W } = fastTable(table);
  for (let k = from; k < to; k++) {
    const h = feats[k]!;
    const tag = tagOf(h);
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const g = tags[slot]!;
      if (g === 0) break;
      if (g === tag && cells[slot * stride] === h) {
        const at = slot * stride + 2;
        for (let y = 0; y < W; y++) out[base + y] += weights[at + y]!;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
}


/**
 * Builds what tagging would otherwise build on its first call (a trained emission table's
 * cache-friendly layout), so loading a model pays it once, up front, instead of the first
 * article. A model file's tables are read in place with their index built at load: nothing to do.
 */
export function prepareModel(model: TaggerModel): TaggerModel {
  if (!quantTable(model.emit)) fastTable(model.emit);
  return model;
}


/**
 * Pair scores per token. Tokens share few distinct pair-feature sets, so each set's sum is
 * cached on the model instead of adding (L+1)×L weights per feature per token. The cache is keyed
 * by a hash of the set and each entry keeps the set itself, so a collision is never a wrong hit.
 */
function pairScores(buf: FeatureBuffer, model: TaggerModel): Float64Array[] {
  const n = buf.length;
  const W = PAIR_WIDTH;
  const out: Float64Array[] = new Array(n);
  const cache = pairCache(model);
  const feats = buf.feats;
  for (let i = 0; i < n; i++) {
    const from = buf.offsets[i]!;
    const to = buf.offsets[i + 1]!;
    let key = to - from;
    for (let k = from; k < to; k++) key = Math.imul(key ^ feats[k]!, 0x01000193) + 0x9e3779b1;
    key >>>= 0;
    let list = cache.map.get(key);
    let vec: Float64Array | undefined;
    if (list) {
      for (const e of list) {
        if (sameSet(e.set, feats, from, to)) {
          vec = e.vec;
          break;
        }
      }
    }
    if (!vec) {
      vec = new Float64Array(W);
      addRows(feats, from, to, model.pair, vec, 0);
      if (cache.size < 50000) {
        if (!list) cache.map.set(key, (list = []));
        list.push({ set: feats.slice(from, to), vec });
        cache.size++;
      }
    }
    out[i] = vec;
  }
  return out;
}

function sameSet(set: Uint32Array, feats: Uint32Array, from: number, to: number): boolean {
  if (set.length !== to - from) return false;
  for (let k = 0; k < set.length; k++) if (set[k] !== feats[from + k]) return false;
  return true;
}

interface PairCache {
  map: Map<number, Array<{ set: Uint32Array; vec: Float64Array }>>;
  size: number;
}

const pairCaches = new WeakMap<TaggerModel, PairCache>();
function pairCache(model: TaggerModel): PairCache {
  let c = pairCaches.get(model);
  if (!c) pairCaches.set(model, (c = { map: new Map(), size: 0 }));
  return c;
}

/**
 * Best label sequence for n tokens: emission scores (n × L), a transition table ((L+1) × L),
 * and optionally per-token transition scores (n × (L+1) × L) from the pair features.
 */
export function viterbi(scores: Float64Array, n: number, trans: ArrayLike<number>, pairs?: Float64Array): Int8Array {
  const P = PAIR_WIDTH;
  const rows = pairs ? Array.from({ length: n }, (_, i) => pairs.subarray(i * P, (i + 1) * P)) : undefined;
  return viterbiRows(scores, n, trans, rows);
}

/** allowed(p, y) for p in 0 … START, as a table the inner loop can read. */
const ALLOWED = ((): Uint8Array => {
  const t = new Uint8Array((NUM_LABELS + 1) * NUM_LABELS);
  for (let p = 0; p <= NUM_LABELS; p++) for (let y = 0; y < NUM_LABELS; y++) t[p * NUM_LABELS + y] = allowed(p, y) ? 1 : 0;
  return t;
})();

let deltaBuf = new Float64Array(256 * NUM_LABELS);
let backBuf = new Int8Array(256 * NUM_LABELS);

/** viterbi with each token's (L+1) × L pair scores as its own row (rows shared between tokens). */
function viterbiRows(scores: Float64Array, n: number, trans: ArrayLike<number>, pairs?: readonly Float64Array[]): Int8Array {
  const L = NUM_LABELS;
  const out = new Int8Array(n);
  if (n === 0) return out;
  if (deltaBuf.length < n * L) {
    deltaBuf = new Float64Array(2 * n * L);
    backBuf = new Int8Array(2 * n * L);
  }
  const delta = deltaBuf;
  const back = backBuf;
  const first = pairs ? pairs[0]! : undefined;
  for (let y = 0; y < L; y++) {
    const t = trans[START * L + y]! + (first ? first[START * L + y]! : 0);
    delta[y] = ALLOWED[START * L + y] ? scores[y]! + t : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const row = pairs ? pairs[i]! : undefined;
    const prev = (i - 1) * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      // The labels allowed before y (ALLOWED), in the same ascending order: I-X only after B-X
      // (y - 1) or I-X (y); O and B-X after anything.
      const inside = y !== 0 && (y & 1) === 0;
      const p1 = inside ? y + 1 : L;
      if (row) {
        for (let p = inside ? y - 1 : 0; p < p1; p++) {
          const v = delta[prev + p]! + trans[p * L + y]! + row[p * L + y]!;
          if (v > best) {
            best = v;
            arg = p;
          }
        }
      } else {
        for (let p = inside ? y - 1 : 0; p < p1; p++) {
          const v = delta[prev + p]! + trans[p * L + y]!;
          if (v > best) {
            best = v;
            arg = p;
          }
        }
      }
      delta[i * L + y] = best + scores[i * L + y]!;
      back[i * L + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    if (delta[(n - 1) * L + y]! > best) {
      best = delta[(n - 1) * L + y]!;
      arg = y;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * L + arg]!;
  }
  return out;
}

export function tagFeatures(buf: FeatureBuffer, pairBuf: FeatureBuffer, model: TaggerModel): Int8Array {
  return tagScores(sumRows(buf, model.emit), buf.length, pairBuf, model);
}

/** The labels of n tokens from their summed emission rows (n × NUM_LABELS) and pair features. */
export function tagScores(scores: Float64Array, n: number, pairBuf: FeatureBuffer, model: TaggerModel): Int8Array {
  // A margin against "no entity", should the perceptron prove too conservative (0 = none).
  const bias = typeof model.meta.oBias === 'number' ? model.meta.oBias : 0;
  if (bias !== 0) for (let i = 0; i < n; i++) scores[i * NUM_LABELS] -= bias;
  const pairs = model.pair.size > 0 ? pairScores(pairBuf, model) : undefined;
  return viterbiRows(scores, n, model.trans, pairs);
}

const lookups = new WeakMap<WeightTable, RowLookup>();

/** A table as features.ts's scoreSentence reads it: adds row h, when the table has it, to out[base …]. */
function rowLookup(table: WeightTable, pairs: RowLookup | null): RowLookup {
  const filter = new Int32Array(1 << (FILTER_BITS - 5));
  const mark = (h: number): void => {
    const b = filterBit(h);
    filter[b >>> 5]! |= 1 << (b & 31);
  };
  const quant = quantTable(table);
  if (quant) {
    for (let r = 0; r < quant.hashes.length; r++) mark(quant.hashes[r]!);
    return { add: quant.add, pairs, filter };
  }
  const f = fastTable(table);
  const { tags, cells, weights, mask, stride } = f;
  const W = f.width;
  for (let s = 0; s <= mask; s++) if (tags[s] !== 0) mark(cells[s * stride]!);
  return {
    filter,
    add(h: number, out: Float64Array, base: number): void {
      const tag = tagOf(h);
      let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
      for (;;) {
        const g = tags[slot]!;
        if (g === 0) return;
        if (g === tag && cells[slot * stride] === h) {
          const at = slot * stride + 2;
          for (let y = 0; y < W; y++) out[base + y] += weights[at + y]!;
          return;
        }
        slot = (slot + 1) & mask;
      }
    },
    pairs,
  };
}

/**
 * The emission table as features.ts's scoreSentence reads it, with the pair table beside it (null
 * when the model has no pair rows): one lookup (and word cache) per table.
 */
export function emissionLookup(model: TaggerModel): RowLookup {
  let l = lookups.get(model.emit);
  if (!l) {
    l = rowLookup(model.emit, model.pair.size > 0 ? rowLookup(model.pair, null) : null);
    lookups.set(model.emit, l);
  }
  return l;
}

/** The labels of n tokens from their summed emission rows (n × NUM_LABELS) and pair rows (scoreSentence's). */
export function tagScoreRows(scores: Float64Array, n: number, pairRows: readonly Float64Array[], model: TaggerModel): Int8Array {
  const bias = typeof model.meta.oBias === 'number' ? model.meta.oBias : 0;
  if (bias !== 0) for (let i = 0; i < n; i++) scores[i * NUM_LABELS] -= bias;
  return viterbiRows(scores, n, model.trans, model.pair.size > 0 ? pairRows : undefined);
}
