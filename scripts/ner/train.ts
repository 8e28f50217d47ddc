// Averaged-perceptron training of the entity tagger from ANERcorp-style CoNLL (token TAG, blank
// line between sentences). Deterministic: a seeded shuffle and no other randomness.

import * as fs from 'fs';
import {
  addPhrase,
  emptyGazetteer,
  extractFeatures,
  FeatureBuffer,
  IDENTITY_FEATURES,
  labelType,
  LABELS,
  NUM_LABELS,
  type Gazetteer,
  type LexCounts,
} from '../../src/core/entities/features';
import { buildTable, PAIR_WIDTH, START, viterbi, type TaggerModel } from '../../src/core/entities/tagger';
import { foldWord } from '../../src/core/entities/normalize';
import { trainCrf, type WeightRows } from './crf';

export interface Sentence {
  tokens: string[];
  labels: number[];
}

const TAG_ALIASES: Record<string, string> = { PERS: 'PER', MIS: 'MISC', MIS0: 'MISC', MIS1: 'MISC', MIS2: 'MISC', MIS3: 'MISC' };

/** The label's index, or -1 for a tag outside BIO over PER(S), LOC, ORG, MISC (or AQMAR's MIS*). */
function labelIndex(tag: string): number {
  if (tag === 'O' || tag === '') return 0;
  const m = /^([BI])-(.+)$/.exec(tag);
  if (!m) return -1;
  let type = m[2]!.toUpperCase();
  type = TAG_ALIASES[type] ?? (type.startsWith('MIS') ? 'MISC' : type);
  return (LABELS as readonly string[]).indexOf(`${m[1]}-${type}`);
}

/**
 * Sentences of a CoNLL file (`token … TAG`, blank line between sentences). A tag it cannot read
 * (B-DATE, X) counts as O and is tallied in `unknown`, so callers can say so.
 */
export function readConll(path: string, unknown?: Map<string, number>): Sentence[] {
  const out: Sentence[] = [];
  let cur: Sentence = { tokens: [], labels: [] };
  for (const line of fs.readFileSync(path, 'utf8').split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || parts[0] === '') {
      if (cur.tokens.length) out.push(cur);
      cur = { tokens: [], labels: [] };
      continue;
    }
    cur.tokens.push(parts[0]!);
    const tag = parts[parts.length - 1]!;
    const y = labelIndex(tag);
    if (y < 0) unknown?.set(tag, (unknown.get(tag) ?? 0) + 1);
    cur.labels.push(Math.max(0, y));
  }
  if (cur.tokens.length) out.push(cur);
  return out;
}

/** Word statistics and multi-token names from some sentences. */
export function buildGazetteer(sentences: readonly Sentence[]): Gazetteer & { lex: Map<string, LexCounts> } {
  const gaz = emptyGazetteer();
  for (const s of sentences) {
    let spanStart = -1;
    for (let i = 0; i <= s.tokens.length; i++) {
      const y = i < s.tokens.length ? s.labels[i]! : 0;
      if (i < s.tokens.length) {
        const w = foldWord(s.tokens[i]!);
        let c = gaz.lex.get(w);
        if (!c) gaz.lex.set(w, (c = [0, 0, 0, 0, 0] as LexCounts));
        c[labelType(y)]++;
      }
      const begins = y !== 0 && (y & 1) === 1;
      if (spanStart >= 0 && (y === 0 || begins)) {
        const toks = s.tokens.slice(spanStart, i).map(foldWord);
        addPhrase(gaz.phrases, toks, labelType(s.labels[spanStart]!));
        spanStart = -1;
      }
      if (begins) spanStart = i;
    }
  }
  return gaz;
}

/** Keep only words that were ever part of a name, or frequent: the rest tells the tagger little. */
export function pruneLexicon(gaz: Gazetteer & { lex: Map<string, LexCounts> }, minOCount: number): void {
  for (const [w, c] of gaz.lex) {
    const ent = c[1] + c[2] + c[3] + c[4];
    if (ent === 0 && c[0] < minOCount) gaz.lex.delete(w);
  }
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Prepared {
  feats: Uint32Array;
  offsets: Uint32Array;
  pairFeats: Uint32Array;
  pairOffsets: Uint32Array;
  labels: Int8Array;
}

/** Perceptron weights with the running sums that averaging needs, rows created on first update. */
class Weights {
  index = new Map<number, number>();
  hashes: number[] = [];
  w: Float64Array;
  u: Float64Array;
  private cap = 1 << 12;
  constructor(readonly width: number) {
    this.w = new Float64Array(this.cap * width);
    this.u = new Float64Array(this.cap * width);
  }
  row(h: number): number {
    let r = this.index.get(h);
    if (r === undefined) {
      r = this.hashes.length;
      this.index.set(h, r);
      this.hashes.push(h);
      if (r >= this.cap) {
        this.cap *= 2;
        const w2 = new Float64Array(this.cap * this.width);
        w2.set(this.w);
        this.w = w2;
        const u2 = new Float64Array(this.cap * this.width);
        u2.set(this.u);
        this.u = u2;
      }
    }
    return r;
  }
  add(h: number, col: number, d: number, c: number): void {
    const r = this.row(h) * this.width + col;
    this.w[r] += d;
    this.u[r] += c * d;
  }
  /** Sum current weights of features feats[from..to) into out[base..base+width). */
  score(feats: Uint32Array, from: number, to: number, out: Float64Array, base: number): void {
    for (let k = from; k < to; k++) {
      const r = this.index.get(feats[k]!);
      if (r === undefined) continue;
      for (let y = 0; y < this.width; y++) out[base + y] += this.w[r * this.width + y]!;
    }
  }
  /** Averaged weights; rows whose largest weight is under `minWeight` are dropped. */
  averaged(c: number, minWeight: number): WeightRows {
    const W = this.width;
    const keep: number[] = [];
    for (let r = 0; r < this.hashes.length; r++) {
      let mx = 0;
      for (let y = 0; y < W; y++) mx = Math.max(mx, Math.abs(this.w[r * W + y]! - this.u[r * W + y]! / c));
      if (mx >= minWeight) keep.push(r);
    }
    const hashes = new Uint32Array(keep.length);
    const weights = new Float32Array(keep.length * W);
    keep.forEach((r, i) => {
      hashes[i] = this.hashes[r]!;
      for (let y = 0; y < W; y++) weights[i * W + y] = this.w[r * W + y]! - this.u[r * W + y]! / c;
    });
    return { hashes, weights };
  }
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  folds: number;
  minOCount: number;
  /**
   * Emission features whose largest averaged weight is below this are dropped: half the
   * features go, F1 moves by noise (-0.1 on dev), and tagging gets faster and the file smaller.
   */
  minWeight: number;
  /**
   * Word dropout: the chance that a token's identity features (IDENTITY_FEATURES) are hidden for
   * one training pass over it, from a second generator seeded by `seed`, so runs stay identical.
   */
  wordDropout: number;
  /** Perceptron runs with different shuffles whose weights are averaged (seed, seed + 7919, …). */
  runs: number;
  /**
   * 'perceptron' (averaged perceptron), 'crf' (linear-chain CRF, L2-regularised SGD), or
   * 'ensemble' (both, their weights added after matching scales).
   */
  trainer: 'perceptron' | 'crf' | 'ensemble';
  /** CRF: epochs, L2 strength, first learning rate, last epochs whose weights are averaged. */
  crfEpochs: number;
  c2: number;
  eta0: number;
  averageEpochs: number;
  /**
   * CRF and ensemble: emission rows whose largest weight is under this are dropped (0.02 keeps
   * half the rows with the same tune scores; the tagger's table, and its memory, halve).
   */
  crfMinWeight: number;
  /** Ensemble: the CRF's share of the sum (the perceptron has the rest), after matching scales. */
  crfShare: number;
  log?: (s: string) => void;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 10, seed: 1, folds: 10, minOCount: 2, minWeight: 1, wordDropout: 0, runs: 3, trainer: 'ensemble', crfEpochs: 20, c2: 3, eta0: 0.1, averageEpochs: 10, crfMinWeight: 0.02, crfShare: 0.5 };

/**
 * Train on `sentences`. Gazetteer features of each sentence come from the other folds
 * (jackknifing), so the tagger learns how much to trust a list on names it has not seen.
 */
export function train(sentences: readonly Sentence[], opts: TrainOptions): TaggerModel {
  const log = opts.log ?? (() => undefined);
  const prepared: Prepared[] = [];
  const foldSize = Math.ceil(sentences.length / opts.folds);
  const buf = new FeatureBuffer();
  const pairBuf = new FeatureBuffer();
  for (let f = 0; f < opts.folds; f++) {
    const lo = f * foldSize;
    const hi = Math.min(sentences.length, lo + foldSize);
    const gaz = buildGazetteer([...sentences.slice(0, lo), ...sentences.slice(hi)]);
    pruneLexicon(gaz, opts.minOCount);
    for (let i = lo; i < hi; i++) {
      const s = sentences[i]!;
      extractFeatures(s.tokens, gaz, buf, pairBuf);
      prepared.push({
        feats: buf.feats.slice(0, buf.offsets[buf.length]),
        offsets: buf.offsets.slice(0, buf.length + 1),
        pairFeats: pairBuf.feats.slice(0, pairBuf.offsets[pairBuf.length]),
        pairOffsets: pairBuf.offsets.slice(0, pairBuf.length + 1),
        labels: Int8Array.from(s.labels),
      });
    }
  }
  log(`features extracted for ${prepared.length} sentences`);

  // Several runs with different shuffles, their weights averaged: one run's F1 moves by about
  // ±0.8 with the seed alone, and the mean of the runs is steadier than any one of them.
  let e: WeightRows;
  let pr: WeightRows;
  let trans: Float32Array;
  if (opts.trainer === 'crf') {
    const c = crfRun(prepared, opts);
    e = mergeRuns([c.emit], NUM_LABELS, opts.crfMinWeight);
    pr = mergeRuns([c.pair], PAIR_WIDTH, 1e-4);
    trans = Float32Array.from(c.trans);
  } else {
    const runs: Averaged[] = [];
    for (let k = 0; k < opts.runs; k++) runs.push(perceptron(prepared, opts, opts.seed + 7919 * k));
    e = mergeRuns(runs.map((r) => r.emit), NUM_LABELS, opts.minWeight);
    pr = mergeRuns(runs.map((r) => r.pair), PAIR_WIDTH, 1e-3);
    trans = new Float32Array(PAIR_WIDTH);
    for (const r of runs) for (let k = 0; k < PAIR_WIDTH; k++) trans[k] += r.trans[k]! / runs.length;
    if (opts.trainer === 'ensemble') {
      // The CRF and the perceptron make different mistakes; their sum is again one linear model
      // over the same features, so tagging costs the same. The perceptron's weights count
      // updates, so they are first brought to the CRF's scale (equal RMS of the transitions).
      const c = crfRun(prepared, opts);
      const k = rms(c.trans) / rms(trans);
      const wp = 2 * (1 - opts.crfShare) * k;
      const wc = 2 * opts.crfShare;
      e = mergeRuns([scaled(e, wp), scaled(c.emit, wc)], NUM_LABELS, opts.crfMinWeight);
      pr = mergeRuns([scaled(pr, wp), scaled(c.pair, wc)], PAIR_WIDTH, 1e-4);
      trans = Float32Array.from(trans, (x, i) => (wp * x + wc * c.trans[i]!) / 2);
    }
  }
  log(`${e.hashes.length} features kept; ${pr.hashes.length} pair features`);

  const gaz = buildGazetteer(sentences);
  pruneLexicon(gaz, opts.minOCount);
  return {
    emit: buildTable(e.hashes, e.weights, NUM_LABELS),
    pair: buildTable(pr.hashes, pr.weights, PAIR_WIDTH),
    trans,
    gaz,
    meta: {
      sentences: sentences.length,
      epochs: opts.epochs,
      seed: opts.seed,
      folds: opts.folds,
      minWeight: opts.minWeight,
      wordDropout: opts.wordDropout,
      runs: opts.runs,
      trainer: opts.trainer,
      ...(opts.trainer !== 'perceptron' ? { crfEpochs: opts.crfEpochs, c2: opts.c2, eta0: opts.eta0, averageEpochs: opts.averageEpochs, crfMinWeight: opts.crfMinWeight } : {}),
      ...(opts.trainer === 'ensemble' ? { crfShare: opts.crfShare } : {}),
    },
  };
}

function crfRun(prepared: readonly Prepared[], opts: TrainOptions) {
  return trainCrf(prepared, {
    epochs: opts.crfEpochs,
    c2: opts.c2,
    eta0: opts.eta0,
    averageEpochs: opts.averageEpochs,
    rand: mulberry32(opts.seed),
    log: opts.log ?? (() => undefined),
  });
}

/** Root mean square of the finite entries (the transitions BIO forbids are −∞ or 0). */
function rms(a: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i]!) && a[i] !== 0) {
      s += a[i]! * a[i]!;
      n++;
    }
  }
  return n ? Math.sqrt(s / n) : 1;
}

function scaled(t: WeightRows, k: number): WeightRows {
  return { hashes: t.hashes, weights: Float32Array.from(t.weights, (x) => x * k) };
}

interface Averaged {
  emit: WeightRows;
  pair: WeightRows;
  trans: Float64Array;
}

/** One averaged-perceptron run over the prepared sentences, shuffled by `seed`. */
function perceptron(prepared: readonly Prepared[], opts: TrainOptions, seed: number): Averaged {
  const log = opts.log ?? (() => undefined);
  const L = NUM_LABELS;
  const P = PAIR_WIDTH;
  const emit = new Weights(L);
  const pair = new Weights(P);
  const tw = new Float64Array(P);
  const tu = new Float64Array(P);
  let c = 1;

  const order = prepared.map((_, i) => i);
  const rand = mulberry32(seed);
  const dropRand = mulberry32(seed ^ 0x5bd1e995);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const idx of order) {
      const p = prepared[idx]!;
      const n = p.labels.length;
      const scores = new Float64Array(n * L);
      const pairScores = new Float64Array(n * P);
      const from = new Uint32Array(n);
      for (let t = 0; t < n; t++) {
        from[t] = p.offsets[t]! + (opts.wordDropout > 0 && dropRand() < opts.wordDropout ? IDENTITY_FEATURES : 0);
        emit.score(p.feats, from[t]!, p.offsets[t + 1]!, scores, t * L);
        pair.score(p.pairFeats, p.pairOffsets[t]!, p.pairOffsets[t + 1]!, pairScores, t * P);
      }
      const pred = viterbi(scores, n, tw, pairScores);
      tokens += n;
      let prevG: number = START;
      let prevP: number = START;
      for (let t = 0; t < n; t++) {
        const g = p.labels[t]!;
        const q = pred[t]!;
        if (g !== q) {
          errors++;
          for (let k = from[t]!; k < p.offsets[t + 1]!; k++) {
            emit.add(p.feats[k]!, g, 1, c);
            emit.add(p.feats[k]!, q, -1, c);
          }
        }
        if (g !== q || prevG !== prevP) {
          const gi = prevG * L + g;
          const qi = prevP * L + q;
          tw[gi] += 1;
          tu[gi] += c;
          tw[qi] -= 1;
          tu[qi] -= c;
          for (let k = p.pairOffsets[t]!; k < p.pairOffsets[t + 1]!; k++) {
            pair.add(p.pairFeats[k]!, gi, 1, c);
            pair.add(p.pairFeats[k]!, qi, -1, c);
          }
        }
        prevG = g;
        prevP = q;
      }
      c++;
    }
    log(`epoch ${epoch + 1}: ${((100 * errors) / tokens).toFixed(2)}% token errors`);
  }

  const trans = new Float64Array(P);
  for (let k = 0; k < P; k++) trans[k] = tw[k]! - tu[k]! / c;
  return { emit: emit.averaged(c, 0), pair: pair.averaged(c, 0), trans };
}


/** Mean of the runs' rows (a row missing from a run counts as zeros); rows under `minWeight` go. */
function mergeRuns(
  tables: ReadonlyArray<WeightRows>,
  width: number,
  minWeight: number,
): WeightRows {
  const rows = new Map<number, Float64Array>();
  for (const t of tables) {
    for (let r = 0; r < t.hashes.length; r++) {
      let row = rows.get(t.hashes[r]!);
      if (!row) rows.set(t.hashes[r]!, (row = new Float64Array(width)));
      for (let y = 0; y < width; y++) row[y] += t.weights[r * width + y]! / tables.length;
    }
  }
  const hashes: number[] = [];
  const kept: Float64Array[] = [];
  for (const [h, row] of rows) {
    let mx = 0;
    for (let y = 0; y < width; y++) mx = Math.max(mx, Math.abs(row[y]!));
    if (mx >= minWeight) {
      hashes.push(h);
      kept.push(row);
    }
  }
  const weights = new Float32Array(kept.length * width);
  kept.forEach((row, i) => weights.set(row, i * width));
  return { hashes: Uint32Array.from(hashes), weights };
}

/** "ORG=1.5,MISC=1" → { ORG: 1.5, MISC: 1 }. */
export function parseTypeBias(spec: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of spec.split(',')) {
    const [type, value] = part.split('=');
    if (!type || value === undefined || Number.isNaN(Number(value))) throw new Error(`bad --type-bias entry: ${part}`);
    out[type.trim().toUpperCase()] = Number(value);
  }
  return out;
}

/**
 * Shift the decision towards starting a name of a type: `bias[type]` is added to every
 * transition into its B- label, from any previous label and from the sentence start.
 */
export function addTypeBias(model: TaggerModel, bias: Record<string, number>): void {
  for (const [type, value] of Object.entries(bias)) {
    const b = LABELS.indexOf(`B-${type}` as (typeof LABELS)[number]);
    if (b < 0) throw new Error(`unknown entity type ${type}`);
    for (let prev = 0; prev <= NUM_LABELS; prev++) model.trans[prev * NUM_LABELS + b] += value;
  }
}
