// The tagger's model: hashed feature weights per BIO label, label transitions, and the gazetteer,
// stored as one gzipped file (a JSON header and raw typed arrays); plus Viterbi decoding under the
// BIO constraint (I-X only after B-X or I-X). The (un)gzipping is the platform's (src/platform/node/model.ts):
// encodeModel and decodeModel work on the file's gunzipped bytes, so this file runs anywhere.

import {
  addPhrase,
  emptyGazetteer,
  isInside,
  labelType,
  NUM_LABELS,
  type FeatureBuffer,
  type Gazetteer,
  type LexCounts,
  type RowLookup,
} from './features';

export const MODEL_FORMAT = 'khabar-ner/3';

/** Index of the "before the sentence" state in the transition table. */
export const START = NUM_LABELS;

/**
 * Feature hash → row of `width` weights, in an open-addressing table. `slots` interleaves
 * [hash, row + 1] so a probe touches one cache line; row + 1 = 0 marks an empty slot.
 */
export interface WeightTable {
  slots: Uint32Array;
  mask: number;
  weights: Float32Array;
  width: number;
  /** Rows in the table. */
  size: number;
}

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

export const PAIR_WIDTH = (NUM_LABELS + 1) * NUM_LABELS;

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
 * The table's slots with each row's weights stored right after its hash, so a lookup costs one
 * cache miss instead of two (slot, then row), and a byte per slot (0 = empty, else 8 bits of the
 * hash) small enough to stay in cache, so most absent features cost no miss at all. Same slots
 * and probe order as `slots`, so the same rows are found. Built once per table; tables are not
 * changed after tagging starts.
 */
interface FastTable {
  tags: Uint8Array;
  /** Per slot: [hash, occupied, weight 0 … weight W-1, padding], as u32 … */
  cells: Uint32Array;
  /** … and the same memory as f32, for the weights. */
  weights: Float32Array;
  mask: number;
  stride: number;
  width: number;
}

/** 1…255 from the hash's top bits (the slot comes from its low bits after mixing). */
function tagOf(h: number): number {
  return 1 + ((h >>> 24) % 255);
}

const fastTables = new WeakMap<WeightTable, FastTable>();

/**
 * Builds what tagging would otherwise build on its first call (the emission table's cache-friendly
 * layout), so loading a model pays it once, up front, instead of the first article.
 */
export function prepareModel(model: TaggerModel): TaggerModel {
  fastTable(model.emit);
  return model;
}

function fastTable(t: WeightTable): FastTable {
  let f = fastTables.get(t);
  if (f) return f;
  // Rows are not padded to a power of two: 11 words a slot instead of 16 for nine labels, a third
  // less memory to allocate and fill at load, and the same lookups (a multiply, not a shift).
  const stride = t.width + 2;
  const buffer = new ArrayBuffer((t.mask + 1) * stride * 4);
  const cells = new Uint32Array(buffer);
  const weights = new Float32Array(buffer);
  const tags = new Uint8Array(t.mask + 1);
  for (let s = 0; s <= t.mask; s++) {
    const r = t.slots[2 * s + 1]!;
    if (r === 0) continue;
    tags[s] = tagOf(t.slots[2 * s]!);
    cells[s * stride] = t.slots[2 * s]!;
    cells[s * stride + 1] = 1;
    weights.set(t.weights.subarray((r - 1) * t.width, r * t.width), s * stride + 2);
  }
  f = { tags, cells, weights, mask: t.mask, stride, width: t.width };
  fastTables.set(t, f);
  return f;
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
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!ALLOWED[p * L + y]) continue;
        let v = delta[(i - 1) * L + p]! + trans[p * L + y]!;
        if (row) v += row[p * L + y]!;
        if (v > best) {
          best = v;
          arg = p;
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
  const f = fastTable(table);
  const { tags, cells, weights, mask, stride } = f;
  const W = f.width;
  return {
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

// ---- building and serialising -----------------------------------------------------------------

/** Build a lookup table from parallel arrays of hashes and weight rows. */
export function buildTable(hashes: Uint32Array, weights: Float32Array, width: number): WeightTable {
  let size = 1;
  while (size < hashes.length * 2) size <<= 1;
  const slots = new Uint32Array(size * 2);
  const mask = size - 1;
  for (let r = 0; r < hashes.length; r++) {
    const h = hashes[r]!;
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (slots[2 * slot + 1]! !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = h;
    slots[2 * slot + 1] = r + 1;
  }
  return { slots, mask, weights, width, size: hashes.length };
}

/** Drop rows whose largest weight is below `tau` (rare features that barely move a decision). */
export function pruneTable(t: WeightTable, tau: number): WeightTable {
  const hashes: number[] = [];
  const kept: number[] = [];
  for (let s = 0; s <= t.mask; s++) {
    const r = t.slots[2 * s + 1]!;
    if (r === 0) continue;
    let mx = 0;
    for (let y = 0; y < t.width; y++) mx = Math.max(mx, Math.abs(t.weights[(r - 1) * t.width + y]!));
    if (mx >= tau) {
      hashes.push(t.slots[2 * s]!);
      kept.push(r - 1);
    }
  }
  const weights = new Float32Array(kept.length * t.width);
  kept.forEach((r, i) => weights.set(t.weights.subarray(r * t.width, (r + 1) * t.width), i * t.width));
  return buildTable(Uint32Array.from(hashes), weights, t.width);
}

/**
 * The model file, gzipped: a little-endian u32 header length, the header (JSON), padding to 4
 * bytes, then the typed arrays the header sizes — emission hashes (u32), pair hashes (u32), lexicon
 * counts (u32, five per word), emission weights (i16), pair weights (i16). Loading is a gunzip and
 * array views; the earlier JSON-with-base64 file took three times as long to load.
 */
interface ModelHeader {
  format: string;
  meta: Record<string, string | number>;
  labels: number;
  trans: number[];
  emit: { rows: number; scale: number };
  pair: { rows: number; scale: number };
  /** Lexicon words, one per line; their [O, PER, LOC, ORG, MISC] counts are in the binary part. */
  words: string;
  /** Phrases, one per line: type, a tab, the folded tokens separated by spaces. */
  phrases: string;
}

interface StoredTable {
  hashes: Uint32Array;
  /** Weights quantised to 16 bits (costs nothing measurable in F1), scaled by `scale`. */
  q: Int16Array;
  scale: number;
}

function storeTable(t: WeightTable): StoredTable {
  const hashes: number[] = [];
  const rowsInOrder: number[] = [];
  for (let s = 0; s <= t.mask; s++) {
    if (t.slots[2 * s + 1]! !== 0) {
      hashes.push(t.slots[2 * s]!);
      rowsInOrder.push(t.slots[2 * s + 1]! - 1);
    }
  }
  let max = 0;
  for (const w of t.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(rowsInOrder.length * t.width);
  rowsInOrder.forEach((r, i) => {
    for (let y = 0; y < t.width; y++) q[i * t.width + y] = Math.round(t.weights[r * t.width + y]! / scale);
  });
  return { hashes: Uint32Array.from(hashes), q, scale };
}

function loadTable(hashes: Uint32Array, q: Int16Array, scale: number, width: number): WeightTable {
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * scale;
  return buildTable(hashes, weights, width);
}

/**
 * The emission table as tagging reads it, built straight from the file's hashes and 16-bit
 * weights: the same slots (same insertion order and probes as buildTable) and the same f32
 * weights as fastTable(loadTable(…)), without building the plain table first. Its `slots` and
 * `weights`, which only training, pruning and the tests read, are built when first read.
 */
function loadFastTable(hashes: Uint32Array, q: Int16Array, scale: number, width: number): WeightTable {
  let size = 1;
  while (size < hashes.length * 2) size <<= 1;
  const mask = size - 1;
  const stride = width + 2;
  const buffer = new ArrayBuffer(size * stride * 4);
  const cells = new Uint32Array(buffer);
  const weights = new Float32Array(buffer);
  const tags = new Uint8Array(size);
  for (let r = 0; r < hashes.length; r++) {
    const h = hashes[r]!;
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (tags[slot] !== 0) slot = (slot + 1) & mask;
    tags[slot] = tagOf(h);
    const at = slot * stride;
    cells[at] = h;
    cells[at + 1] = 1;
    const from = r * width;
    for (let y = 0; y < width; y++) weights[at + 2 + y] = q[from + y]! * scale;
  }
  let plain: WeightTable | undefined;
  const table: WeightTable = {
    get slots(): Uint32Array {
      return (plain ??= loadTable(hashes, q, scale, width)).slots;
    },
    get weights(): Float32Array {
      return (plain ??= loadTable(hashes, q, scale, width)).weights;
    },
    mask,
    width,
    size: hashes.length,
  };
  fastTables.set(table, { tags, cells, weights, mask, stride, width });
  return table;
}

const align4 = (n: number): number => (n + 3) & ~3;

/** The lexicon of a model file: its words with their five counts each, in file order. */
function lexicon(words: readonly string[], counts: Uint32Array): Map<string, LexCounts> {
  const lex = new Map<string, LexCounts>();
  for (let i = 0; i < words.length; i++) {
    const c = 5 * i;
    lex.set(words[i]!, [counts[c]!, counts[c + 1]!, counts[c + 2]!, counts[c + 3]!, counts[c + 4]!]);
  }
  return lex;
}

/** The model file's bytes before gzip (src/platform/node/model.ts writeModelFile gzips them). */
export function encodeModel(model: TaggerModel): Buffer {
  const emit = storeTable(model.emit);
  const pair = storeTable(model.pair);
  const words: string[] = [];
  const counts: number[] = [];
  for (const [w, c] of model.gaz.lex) {
    if (w.includes('\n')) throw new Error(`a lexicon word holds a line break: ${JSON.stringify(w)}`);
    words.push(w);
    counts.push(...c);
  }
  const phrases: string[] = [];
  for (const [first, list] of model.gaz.phrases) for (const e of list) phrases.push(`${e.type}\t${[first, ...e.rest].join(' ')}`);
  const header: ModelHeader = {
    format: MODEL_FORMAT,
    meta: model.meta,
    labels: NUM_LABELS,
    trans: Array.from(model.trans),
    emit: { rows: emit.hashes.length, scale: emit.scale },
    pair: { rows: pair.hashes.length, scale: pair.scale },
    words: words.join('\n'),
    phrases: phrases.join('\n'),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const parts: Buffer[] = [length, json, Buffer.alloc(align4(4 + json.length) - 4 - json.length)];
  for (const a of [emit.hashes, pair.hashes, Uint32Array.from(counts), emit.q, pair.q]) parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return Buffer.concat(parts);
}

/**
 * A model from the model file's gunzipped bytes (src/platform/node/model.ts readModelFile gunzips).
 * When the bytes are 4-byte aligned the model keeps views of them instead of a copy: do not change
 * them afterwards. The lexicon is built when first read (most of a load's cost otherwise).
 */
export function decodeModel(bytes: Uint8Array): TaggerModel {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw new Error(`not a ${MODEL_FORMAT} model yet: the bytes are still gzipped (gunzip the model file first, as platform/node readModelFile does)`);
  const raw = bytes;
  // Typed-array views need aligned offsets; the bytes may sit anywhere in a pool, and are copied then.
  let ab: ArrayBufferLike = raw.buffer;
  let start = raw.byteOffset;
  if (start % 4 !== 0) {
    ab = new ArrayBuffer(raw.length);
    new Uint8Array(ab).set(raw);
    start = 0;
  }
  const headerLength = raw.length >= 4 ? new DataView(ab, start, raw.length).getUint32(0, true) : 0;
  let header: ModelHeader | undefined;
  try {
    header = headerLength > 0 && 4 + headerLength <= raw.length ? (JSON.parse(new TextDecoder().decode(raw.subarray(4, 4 + headerLength))) as ModelHeader) : undefined;
  } catch {
    header = undefined;
  }
  if (!header || header.format !== MODEL_FORMAT || header.labels !== NUM_LABELS) {
    throw new Error(`not a ${MODEL_FORMAT} model with ${NUM_LABELS} labels (an older model file? rebuild it with npm run train)`);
  }
  const wordText = header.words;
  let wordCount = 0;
  if (wordText) for (let at = 0; at >= 0; at = wordText.indexOf('\n', at) + 1 || -1) wordCount++;
  const sizes = [header.emit.rows * 4, header.pair.rows * 4, wordCount * 20, header.emit.rows * NUM_LABELS * 2, header.pair.rows * PAIR_WIDTH * 2];
  let offset = align4(4 + headerLength);
  if (offset + sizes.reduce((a, b) => a + b, 0) !== raw.length) throw new Error(`${MODEL_FORMAT} model file is truncated or padded`);
  const take = <T>(make: (buffer: ArrayBufferLike, at: number, n: number) => T, bytesEach: number, n: number): T => {
    const view = make(ab, start + offset, n);
    offset += n * bytesEach;
    return view;
  };
  const u32 = (b: ArrayBufferLike, at: number, n: number): Uint32Array => new Uint32Array(b, at, n);
  const i16 = (b: ArrayBufferLike, at: number, n: number): Int16Array => new Int16Array(b, at, n);
  const emitHashes = take(u32, 4, header.emit.rows);
  const pairHashes = take(u32, 4, header.pair.rows);
  const counts = take(u32, 4, wordCount * 5);
  const emitQ = take(i16, 2, header.emit.rows * NUM_LABELS);
  const pairQ = take(i16, 2, header.pair.rows * PAIR_WIDTH);
  const gaz = emptyGazetteer();
  let lex: Map<string, LexCounts> | undefined;
  Object.defineProperty(gaz, 'lex', {
    get: (): Map<string, LexCounts> => (lex ??= lexicon(wordText ? wordText.split('\n') : [], counts)),
    enumerable: true,
  });
  for (const line of header.phrases ? header.phrases.split('\n') : []) {
    const tab = line.indexOf('\t');
    addPhrase(gaz.phrases, line.slice(tab + 1).split(' '), Number(line.slice(0, tab)));
  }
  return {
    emit: loadFastTable(emitHashes, emitQ, header.emit.scale, NUM_LABELS),
    pair: loadTable(pairHashes, pairQ, header.pair.scale, PAIR_WIDTH),
    trans: new Float32Array(header.trans),
    gaz,
    meta: header.meta,
  };
}
