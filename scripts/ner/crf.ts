// Linear-chain CRF training for the entity tagger: the same features, label-pair features,
// transitions and BIO constraints as the perceptron, so the shipped model and the decoder do not
// change; only the weights are learnt differently. The objective is the conditional
// log-likelihood with an L2 penalty (c2 · ‖w‖²), optimised by stochastic gradient descent with the
// decay folded into one scale factor (as CRFsuite's l2sgd does), so a step costs only the features
// of one sentence. Deterministic: the order of sentences comes from a seeded shuffle.

import { NUM_LABELS } from '../../src/core/entities/features';
import { allowed, PAIR_WIDTH, START } from '../../src/core/entities/tagger';

export interface CrfSentence {
  feats: Uint32Array;
  offsets: Uint32Array;
  pairFeats: Uint32Array;
  pairOffsets: Uint32Array;
  labels: Int8Array;
}

export interface CrfOptions {
  epochs: number;
  /** L2 strength: the objective is −Σ log p(y|x) + c2 · ‖w‖². */
  c2: number;
  /** Learning rate at the first step; it then falls as 1 / (1 + t / t0). */
  eta0: number;
  /** Average the weights over the last `averageEpochs` epochs (0: the last iterate). */
  averageEpochs: number;
  rand: () => number;
  log: (s: string) => void;
}

/** Feature hashes and their rows of weights, `weights.length / hashes.length` wide. */
export interface WeightRows {
  hashes: Uint32Array;
  weights: Float32Array;
}

export interface CrfWeights {
  emit: WeightRows;
  pair: WeightRows;
  trans: Float64Array;
}

const L = NUM_LABELS;
const P = PAIR_WIDTH;
const MASK = ((): Uint8Array => {
  const t = new Uint8Array(P);
  for (let p = 0; p <= L; p++) for (let y = 0; y < L; y++) t[p * L + y] = allowed(p, y) ? 1 : 0;
  return t;
})();

/** Feature hashes → dense row numbers, so the inner loops index arrays instead of maps. */
function indexRows(sentences: readonly CrfSentence[], pick: (s: CrfSentence) => Uint32Array): { hashes: Uint32Array; rows: Int32Array[] } {
  const index = new Map<number, number>();
  const hashes: number[] = [];
  const rows = sentences.map((s) => {
    const f = pick(s);
    const out = new Int32Array(f.length);
    for (let k = 0; k < f.length; k++) {
      let r = index.get(f[k]!);
      if (r === undefined) {
        r = hashes.length;
        index.set(f[k]!, r);
        hashes.push(f[k]!);
      }
      out[k] = r;
    }
    return out;
  });
  return { hashes: Uint32Array.from(hashes), rows };
}

function logSumExp(a: Float64Array, from: number, n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (a[from + i]! > m) m = a[from + i]!;
  if (m === -Infinity) return m;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(a[from + i]! - m);
  return m + Math.log(s);
}

export function trainCrf(sentences: readonly CrfSentence[], opts: CrfOptions): CrfWeights {
  const E = indexRows(sentences, (s) => s.feats);
  const PR = indexRows(sentences, (s) => s.pairFeats);
  // Weights are scale · v: the L2 decay of every weight at each step is one multiplication of
  // `scale` instead of a pass over millions of numbers.
  const ve = new Float64Array(E.hashes.length * L);
  const vp = new Float64Array(PR.hashes.length * P);
  const vt = new Float64Array(P);
  // The weights at the end of each of the last `averageEpochs` epochs are averaged: cheaper than
  // averaging every step, and it steadies the last iterate (seed spread 1.1 → 0.2 F1 here).
  const ae = new Float64Array(ve.length);
  const ap = new Float64Array(vp.length);
  const at = new Float64Array(P);
  let averaged = 0;
  let scale = 1;
  const N = sentences.length;
  const lambda = (2 * opts.c2) / N;
  const t0 = 1 / (lambda * opts.eta0);
  let step = 0;

  const order = sentences.map((_, i) => i);
  let maxN = 1;
  for (const s of sentences) maxN = Math.max(maxN, s.labels.length);
  const unary = new Float64Array(maxN * L);
  const pairS = new Float64Array(maxN * P);
  const alpha = new Float64Array(maxN * L);
  const beta = new Float64Array(maxN * L);
  const tmp = new Float64Array(L + 1);
  const gU = new Float64Array(maxN * L);
  const gP = new Float64Array(maxN * P);

  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(opts.rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    for (const idx of order) {
      const s = sentences[idx]!;
      const n = s.labels.length;
      if (n === 0) continue;
      const er = E.rows[idx]!;
      const pr = PR.rows[idx]!;
      // Scores under the current weights.
      for (let t = 0; t < n; t++) {
        for (let y = 0; y < L; y++) unary[t * L + y] = 0;
        for (let k = s.offsets[t]!; k < s.offsets[t + 1]!; k++) {
          const base = er[k]! * L;
          for (let y = 0; y < L; y++) unary[t * L + y] += ve[base + y]!;
        }
        for (let y = 0; y < L; y++) unary[t * L + y] *= scale;
        for (let c = 0; c < P; c++) pairS[t * P + c] = vt[c]!;
        for (let k = s.pairOffsets[t]!; k < s.pairOffsets[t + 1]!; k++) {
          const base = pr[k]! * P;
          for (let c = 0; c < P; c++) pairS[t * P + c] += vp[base + c]!;
        }
        for (let c = 0; c < P; c++) pairS[t * P + c] = MASK[c] ? pairS[t * P + c]! * scale : -Infinity;
      }
      // Forward.
      for (let y = 0; y < L; y++) alpha[y] = unary[y]! + pairS[START * L + y]!;
      for (let t = 1; t < n; t++) {
        for (let y = 0; y < L; y++) {
          for (let p = 0; p < L; p++) tmp[p] = alpha[(t - 1) * L + p]! + pairS[t * P + p * L + y]!;
          alpha[t * L + y] = unary[t * L + y]! + logSumExp(tmp, 0, L);
        }
      }
      const logZ = logSumExp(alpha, (n - 1) * L, L);
      // Backward.
      for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 0;
      for (let t = n - 2; t >= 0; t--) {
        for (let p = 0; p < L; p++) {
          for (let y = 0; y < L; y++) tmp[y] = pairS[(t + 1) * P + p * L + y]! + unary[(t + 1) * L + y]! + beta[(t + 1) * L + y]!;
          beta[t * L + p] = logSumExp(tmp, 0, L);
        }
      }
      // Gold score, for the loss.
      let gold = 0;
      let prev: number = START;
      for (let t = 0; t < n; t++) {
        const y = s.labels[t]!;
        gold += unary[t * L + y]! + pairS[t * P + prev * L + y]!;
        prev = y;
      }
      // ANERcorp has a few I- labels after O: such a gold path is outside the BIO constraints and
      // has no probability; its gradient still pulls towards the gold labels, the loss skips it.
      if (gold > -Infinity) loss += logZ - gold;
      // Gradient of log p(gold): observed minus expected, per token label and per label pair.
      for (let t = 0; t < n; t++) {
        for (let y = 0; y < L; y++) gU[t * L + y] = -Math.exp(alpha[t * L + y]! + beta[t * L + y]! - logZ);
        gU[t * L + s.labels[t]!] += 1;
        for (let c = 0; c < P; c++) gP[t * P + c] = 0;
        if (t === 0) {
          for (let y = 0; y < L; y++) gP[START * L + y] = gU[y]!;
        } else {
          for (let p = 0; p < L; p++) {
            const a = alpha[(t - 1) * L + p]!;
            if (a === -Infinity) continue;
            for (let y = 0; y < L; y++) {
              const c = p * L + y;
              if (!MASK[c]) continue;
              gP[t * P + c] = -Math.exp(a + pairS[t * P + c]! + unary[t * L + y]! + beta[t * L + y]! - logZ);
            }
          }
          gP[t * P + s.labels[t - 1]! * L + s.labels[t]!] += 1;
        }
      }
      // Step: decay all weights (the scale), then add the gradient of this sentence.
      const eta = 1 / (lambda * (t0 + step));
      step++;
      scale *= 1 - eta * lambda;
      const g = eta / scale;
      for (let t = 0; t < n; t++) {
        for (let k = s.offsets[t]!; k < s.offsets[t + 1]!; k++) {
          const base = er[k]! * L;
          for (let y = 0; y < L; y++) ve[base + y] += g * gU[t * L + y]!;
        }
        for (let c = 0; c < P; c++) vt[c] += g * gP[t * P + c]!;
        for (let k = s.pairOffsets[t]!; k < s.pairOffsets[t + 1]!; k++) {
          const base = pr[k]! * P;
          for (let c = 0; c < P; c++) vp[base + c] += g * gP[t * P + c]!;
        }
      }
      if (scale < 1e-9) {
        for (let i = 0; i < ve.length; i++) ve[i] *= scale;
        for (let i = 0; i < vp.length; i++) vp[i] *= scale;
        for (let i = 0; i < P; i++) vt[i] *= scale;
        scale = 1;
      }
    }
    let norm = 0;
    for (let i = 0; i < ve.length; i++) norm += ve[i]! * ve[i]!;
    for (let i = 0; i < vp.length; i++) norm += vp[i]! * vp[i]!;
    norm *= scale * scale;
    opts.log(`crf epoch ${epoch + 1}: loss ${(loss + opts.c2 * norm).toFixed(1)}, eta ${(1 / (lambda * (t0 + step))).toFixed(4)}`);
    if (epoch >= opts.epochs - Math.max(1, opts.averageEpochs)) {
      for (let i = 0; i < ve.length; i++) ae[i] += ve[i]! * scale;
      for (let i = 0; i < vp.length; i++) ap[i] += vp[i]! * scale;
      for (let i = 0; i < P; i++) at[i] += vt[i]! * scale;
      averaged++;
    }
  }
  const inv = 1 / averaged;
  return {
    emit: { hashes: E.hashes, weights: Float32Array.from(ae, (x) => x * inv) },
    pair: { hashes: PR.hashes, weights: Float32Array.from(ap, (x) => x * inv) },
    trans: Float64Array.from(at, (x) => x * inv),
  };
}
