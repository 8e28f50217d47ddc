// The tagger's model: hashed feature weights per BIO label, label transitions, and the gazetteer,
// stored as one gzipped JSON file with base64 typed arrays; plus Viterbi decoding under the BIO
// constraint (I-X only after B-X or I-X).

import { gunzipSync, gzipSync } from 'zlib';
import {
  addPhrase,
  emptyGazetteer,
  isInside,
  labelType,
  NUM_LABELS,
  type FeatureBuffer,
  type Gazetteer,
  type LexCounts,
} from './features';

export const MODEL_FORMAT = 'khabar-ner/1';

/** Index of the "before the sentence" state in the transition table. */
export const START = NUM_LABELS;

export interface TaggerModel {
  /** Open-addressing table: feature hash → row; empty slots hold row -1. */
  keys: Uint32Array;
  rows: Int32Array;
  mask: number;
  /** rows × NUM_LABELS emission weights. */
  weights: Float32Array;
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

/** Sum the weights of each token's features: n × NUM_LABELS scores. */
export function emissions(buf: FeatureBuffer, model: TaggerModel): Float64Array {
  const n = buf.length;
  const out = new Float64Array(n * NUM_LABELS);
  const { keys, rows, mask, weights } = model;
  const { feats, offsets } = buf;
  for (let i = 0; i < n; i++) {
    const base = i * NUM_LABELS;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const h = feats[k]!;
      let slot = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
      for (;;) {
        const r = rows[slot]!;
        if (r < 0) break;
        if (keys[slot] === h) {
          const w = r * NUM_LABELS;
          for (let y = 0; y < NUM_LABELS; y++) out[base + y] += weights[w + y]!;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  return out;
}

/** Best label sequence for n tokens given emission scores and a transition table. */
export function viterbi(scores: Float64Array, n: number, trans: ArrayLike<number>): Int8Array {
  const L = NUM_LABELS;
  const out = new Int8Array(n);
  if (n === 0) return out;
  const delta = new Float64Array(n * L);
  const back = new Int8Array(n * L);
  for (let y = 0; y < L; y++) {
    delta[y] = allowed(START, y) ? scores[y]! + trans[START * L + y]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowed(p, y)) continue;
        const v = delta[(i - 1) * L + p]! + trans[p * L + y]!;
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

export function tagFeatures(buf: FeatureBuffer, model: TaggerModel): Int8Array {
  const scores = emissions(buf, model);
  // A margin against "no entity": the perceptron is conservative, and recall is where it loses.
  const bias = typeof model.meta.oBias === 'number' ? model.meta.oBias : 0;
  if (bias !== 0) for (let i = 0; i < buf.length; i++) scores[i * NUM_LABELS] -= bias;
  return viterbi(scores, buf.length, model.trans);
}

// ---- building and serialising -----------------------------------------------------------------

/** Build the lookup table from parallel arrays of hashes and weight rows. */
export function buildModel(
  hashes: Uint32Array,
  weights: Float32Array,
  trans: Float32Array,
  gaz: Gazetteer,
  meta: Record<string, string | number>,
): TaggerModel {
  let size = 1;
  while (size < hashes.length * 2) size <<= 1;
  const keys = new Uint32Array(size);
  const rows = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let r = 0; r < hashes.length; r++) {
    const h = hashes[r]!;
    let slot = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
    while (rows[slot]! >= 0) slot = (slot + 1) & mask;
    keys[slot] = h;
    rows[slot] = r;
  }
  return { keys, rows, mask, weights, trans, gaz, meta };
}

interface ModelFile {
  format: string;
  meta: Record<string, string | number>;
  labels: number;
  /** base64 of Uint32 hashes. */
  hashes: string;
  /** base64 of Int16 weights, scaled by `scale`. */
  weights: string;
  scale: number;
  trans: number[];
  /** word → [O, PER, LOC, ORG, MISC] counts. */
  lex: Record<string, LexCounts>;
  /** [type, "folded tokens"] */
  phrases: Array<[number, string]>;
}

/** Serialise: weights are quantised to 16 bits, which costs nothing measurable in F1. */
export function encodeModel(model: TaggerModel): Buffer {
  const hashes: number[] = [];
  const rowsInOrder: number[] = [];
  for (let s = 0; s < model.rows.length; s++) {
    if (model.rows[s]! >= 0) {
      hashes.push(model.keys[s]!);
      rowsInOrder.push(model.rows[s]!);
    }
  }
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(rowsInOrder.length * NUM_LABELS);
  rowsInOrder.forEach((r, i) => {
    for (let y = 0; y < NUM_LABELS; y++) q[i * NUM_LABELS + y] = Math.round(model.weights[r * NUM_LABELS + y]! / scale);
  });
  const phrases: Array<[number, string]> = [];
  for (const [first, list] of model.gaz.phrases) for (const e of list) phrases.push([e.type, [first, ...e.rest].join(' ')]);
  const lex: Record<string, LexCounts> = {};
  for (const [w, c] of model.gaz.lex) lex[w] = c;
  const file: ModelFile = {
    format: MODEL_FORMAT,
    meta: model.meta,
    labels: NUM_LABELS,
    hashes: Buffer.from(new Uint32Array(hashes).buffer).toString('base64'),
    weights: Buffer.from(q.buffer).toString('base64'),
    scale,
    trans: Array.from(model.trans),
    lex,
    phrases,
  };
  return gzipSync(Buffer.from(JSON.stringify(file), 'utf8'), { level: 9 });
}

export function decodeModel(bytes: Uint8Array): TaggerModel {
  const file = JSON.parse(gunzipSync(bytes).toString('utf8')) as ModelFile;
  if (file.format !== MODEL_FORMAT || file.labels !== NUM_LABELS) {
    throw new Error(`not a ${MODEL_FORMAT} model with ${NUM_LABELS} labels`);
  }
  const hashes = new Uint32Array(copyBytes(Buffer.from(file.hashes, 'base64')));
  const q = new Int16Array(copyBytes(Buffer.from(file.weights, 'base64')));
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * file.scale;
  const gaz = emptyGazetteer();
  for (const [w, c] of Object.entries(file.lex)) gaz.lex.set(w, c);
  for (const [type, text] of file.phrases) addPhrase(gaz.phrases, text.split(' '), type);
  return buildModel(hashes, weights, new Float32Array(file.trans), gaz, file.meta);
}

/** A standalone, aligned copy (a Buffer may be a view into a shared pool at any offset). */
function copyBytes(b: Buffer): ArrayBuffer {
  const ab = new ArrayBuffer(b.length);
  new Uint8Array(ab).set(b);
  return ab;
}
