// Edit distances: plain, banded (bounded), and the approximate substring search (Sellers) that
// finds a rewritten quote.

/** Sellers' algorithm: end offsets in [from, to) where some substring is within maxDist edits of pattern. */
export function approximateEnds(pattern: string, text: string, from: number, to: number, maxDist: number): { end: number; dist: number }[] {
  const m = pattern.length;
  const col = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  const out: { end: number; dist: number }[] = [];
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    let diag = 0; // D[i-1][j-1]; the row 0 is always 0 (free start)
    for (let i = 1; i <= m; i++) {
      const up = col[i]!; // D[i][j-1]
      const cost = pattern.charCodeAt(i - 1) === c ? 0 : 1;
      const v = Math.min(diag + cost, up + 1, col[i - 1]! + 1);
      diag = up;
      col[i] = v;
    }
    if (col[m]! <= maxDist) out.push({ end: j + 1, dist: col[m]! });
  }
  return out;
}

/** Where the best match ending at `end` starts: an anchored edit distance run backwards from end. */
export function approximateStart(pattern: string, text: string, end: number, maxDist: number): number | undefined {
  const m = pattern.length;
  const span = Math.min(end, m + maxDist);
  // prev[i]: distance between the last i chars of pattern and the last j chars before end.
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let bestJ = -1;
  let bestD = prev[m]!;
  if (bestD <= maxDist) bestJ = 0;
  for (let j = 1; j <= span; j++) {
    const c = text.charCodeAt(end - j);
    cur[0] = j;
    for (let i = 1; i <= m; i++) {
      const cost = pattern.charCodeAt(m - i) === c ? 0 : 1;
      cur[i] = Math.min(prev[i - 1]! + cost, prev[i]! + 1, cur[i - 1]! + 1);
    }
    if (cur[m]! < bestD || (cur[m]! === bestD && bestJ < 0)) {
      bestD = cur[m]!;
      bestJ = j;
    }
    [prev, cur] = [cur, prev];
  }
  return bestJ < 0 || bestD > maxDist ? undefined : end - bestJ;
}

/** Levenshtein distance if it is at most k, else k + 1 (a band of width 2k + 1 around the diagonal). */
export function boundedDistance(a: string, b: string, k: number): number {
  const n = a.length;
  const m = b.length;
  const out = k + 1;
  if (Math.abs(n - m) > k) return out;
  let prev = new Uint32Array(m + 2);
  let cur = new Uint32Array(m + 2);
  for (let j = 0; j <= m + 1; j++) prev[j] = j <= k ? j : out;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur[0] = i <= k ? i : out;
    cur[lo - 1] = lo === 1 ? cur[0]! : out;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1, out);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    cur[hi + 1] = out;
    if (rowMin > k) return out;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m]!, out);
}

/** 1 − edit distance / longer length; two empty strings are identical. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  return 1 - editDistance(a, b) / n;
}

let rowA = new Uint32Array(66);
let rowB = new Uint32Array(66);

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // (Two rows kept between calls: re-anchoring scores thousands of 32-character sides.)
  if (rowA.length <= b.length) {
    rowA = new Uint32Array(2 * b.length + 2);
    rowB = new Uint32Array(2 * b.length + 2);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
