// Finding an annotation again after its article changed: same place, the same quote nearby with its
// context, then a bounded fuzzy match. When the evidence is weak or points two ways, it says "orphan"
// rather than jump to a look-alike passage (the classic failure of web annotators).

import type { Anchor, AnnotationRecord } from '../model';

/** Characters of context stored on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export interface ReanchorOptions {
  /** The article's length when the offsets were valid (sidecar `document.length`); gives the shift of a one-place edit. */
  oldLength?: number;
  /** Below this similarity (1 − edits / quote length) a fuzzy match is not taken. */
  minFuzzyScore?: number;
  /** Quotes shorter than this are never matched fuzzily: a near-miss of a short name is another name. */
  minFuzzyLength?: number;
  /** Upper bound on text × quote cells the fuzzy matcher may visit for one annotation. */
  fuzzyBudget?: number;
}

export interface ReanchorResult {
  /** Same order as the input; moved ones carry their new target, lost ones `orphan: true` and their old target. */
  records: AnnotationRecord[];
  moved: string[];
  orphans: string[];
  /** Orphans that found their place again (also listed in `moved`). */
  reattached: string[];
  /** Why each orphan could not be placed: its quote is gone, or it fits more than one place. */
  why: Record<string, 'missing' | 'ambiguous'>;
}

type Placement = { start: number; end: number } | { lost: 'missing' | 'ambiguous' };

/** The anchor of [start, end) in text: the quote and up to CONTEXT_LENGTH characters either side (whole surrogate pairs). */
export function anchorFor(text: string, start: number, end: number): Anchor {
  let ps = Math.max(0, start - CONTEXT_LENGTH);
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps)) && isHighSurrogate(text.charCodeAt(ps - 1))) ps++;
  let se = Math.min(text.length, end + CONTEXT_LENGTH);
  if (se < text.length && isLowSurrogate(text.charCodeAt(se)) && isHighSurrogate(text.charCodeAt(se - 1))) se--;
  return { start, end, exact: text.slice(start, end), prefix: text.slice(ps, start), suffix: text.slice(end, se) };
}

/** True when the record's offsets still select its quote in text. */
export function anchorHolds(text: string, target: Anchor): boolean {
  return (
    target.start >= 0 &&
    target.end <= text.length &&
    target.start <= target.end &&
    text.startsWith(target.exact, target.start) &&
    target.end - target.start === target.exact.length
  );
}

/**
 * Re-anchors every record in the current text. Records are visited in their old order so the shift
 * seen at one annotation is tried first at the next: a single insertion costs one comparison each.
 */
export function reanchor(text: string, records: readonly AnnotationRecord[], options: ReanchorOptions = {}): ReanchorResult {
  const globalDelta = options.oldLength === undefined ? 0 : text.length - options.oldLength;
  const order = records.map((_, i) => i).sort((a, b) => records[a]!.target.start - records[b]!.target.start || a - b);
  const out = records.slice();
  const moved: string[] = [];
  const orphans: string[] = [];
  const reattached: string[] = [];
  const why: Record<string, 'missing' | 'ambiguous'> = {};
  let localDelta = globalDelta;
  for (const i of order) {
    const r = records[i]!;
    const p = place(text, r.target, localDelta, globalDelta, options);
    if ('lost' in p) {
      orphans.push(r.id);
      why[r.id] = p.lost;
      if (!r.orphan) out[i] = { ...r, orphan: true };
      continue;
    }
    localDelta = p.start - r.target.start;
    const fresh = anchorFor(text, p.start, p.end);
    const same = p.start === r.target.start && p.end === r.target.end && fresh.exact === r.target.exact && !r.orphan;
    if (same) {
      if (fresh.prefix !== r.target.prefix || fresh.suffix !== r.target.suffix) out[i] = { ...r, target: fresh };
      continue;
    }
    const next: AnnotationRecord = { ...r, target: fresh };
    delete next.orphan;
    out[i] = next;
    moved.push(r.id);
    if (r.orphan) reattached.push(r.id);
  }
  return { records: out, moved, orphans, reattached, why };
}

function place(text: string, t: Anchor, localDelta: number, globalDelta: number, o: ReanchorOptions): Placement {
  const len = t.exact.length;
  if (len === 0) return { lost: 'missing' };
  if (anchorHolds(text, t)) return { start: t.start, end: t.end };
  // The quote where the edits around it say it should be, with either side's context intact.
  for (const d of localDelta === globalDelta ? [localDelta] : [localDelta, globalDelta]) {
    const p = t.start + d;
    if (p >= 0 && text.startsWith(t.exact, p) && contextIntact(text, t, p, p + len)) return { start: p, end: p + len };
  }
  const near = placeNear(text, t, t.start + localDelta);
  if (near) return near;
  const nearFuzzy = placeFuzzyNear(text, t, t.start + localDelta, o);
  if (nearFuzzy) return nearFuzzy;
  const exact = placeExact(text, t, [t.start + localDelta, t.start + globalDelta]);
  if (exact) return exact;
  return placeFuzzy(text, t, t.start + localDelta, o);
}

function contextIntact(text: string, t: Anchor, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - t.prefix.length), start);
  const after = text.slice(end, end + t.suffix.length);
  return (t.prefix.length > 0 && before === t.prefix) || (t.suffix.length > 0 && after === t.suffix) || (before === t.prefix && after === t.suffix);
}

/**
 * The quote close to where it should be, with both sides of its context matching well: the usual
 * case after scattered edits (or a CRLF conversion) and far cheaper than searching the whole text.
 * Undefined when that is not clear-cut; the whole-text search then decides.
 */
function placeNear(text: string, t: Anchor, hint: number): Placement | undefined {
  const len = t.exact.length;
  const w = Math.max(2048, len * 8);
  const from = Math.max(0, hint - w);
  const to = Math.min(text.length, hint + len + w);
  let best: { start: number; score: number } | undefined;
  let second = -Infinity;
  // Searching a slice keeps a miss from scanning the rest of a long text.
  const hay = text.slice(from, to);
  for (let q = hay.indexOf(t.exact); q >= 0; q = hay.indexOf(t.exact, q + 1)) {
    const p = from + q;
    const { prefix, suffix } = contextScores(text, t, p, p + len);
    if (Math.min(prefix, suffix) < 0.75) continue;
    const score = prefix + suffix;
    if (!best || score > best.score) {
      second = best?.score ?? second;
      best = { start: p, score };
    } else second = Math.max(second, score);
  }
  if (!best || best.score - second < 0.15) return undefined;
  return { start: best.start, end: best.start + len };
}

/** Every occurrence of the quote, judged by how well its surroundings match the stored context. */
function placeExact(text: string, t: Anchor, hints: number[]): Placement | undefined {
  const len = t.exact.length;
  const found: { start: number; score: number; best: number }[] = [];
  let count = 0;
  for (let p = text.indexOf(t.exact); p >= 0; p = text.indexOf(t.exact, p + 1)) {
    // Hundreds of copies of the same words: no context can single one out reliably.
    if (++count > 200) return { lost: 'ambiguous' };
    const { prefix, suffix } = contextScores(text, t, p, p + len);
    found.push({ start: p, score: prefix + suffix, best: Math.max(prefix, suffix) });
  }
  if (found.length === 0) return undefined;
  // A long sentence that occurs once is its own evidence; anything shorter needs its context.
  const good = found.filter((c) => c.best >= 0.7 || (found.length === 1 && len >= 40));
  if (good.length === 0) return { lost: 'missing' };
  good.sort((a, b) => b.score - a.score);
  const top = good[0]!;
  if (good.length === 1 || top.score - good[1]!.score >= 0.15) return { start: top.start, end: top.start + len };
  const atHint = good.filter((c) => hints.includes(c.start) && c.score >= good[1]!.score - 1e-9);
  if (atHint.length === 1) return { start: atHint[0]!.start, end: atHint[0]!.start + len };
  return { lost: 'ambiguous' };
}

/**
 * The quote was rewritten: the closest approximate match, first near where it was, then (within a
 * budget) anywhere. Candidates are ranked by quote similarity and context; a tie is an orphan.
 */
function placeFuzzy(text: string, t: Anchor, hint: number, o: ReanchorOptions): Placement {
  const m = t.exact.length;
  const minScore = o.minFuzzyScore ?? 0.75;
  if (m < (o.minFuzzyLength ?? 12)) return { lost: 'missing' };
  const maxDist = Math.floor(m * (1 - minScore));
  const budget = o.fuzzyBudget ?? 4_000_000;
  const w = Math.max(2048, m * 8);
  const near = fuzzyIn(text, t, Math.max(0, hint - w), Math.min(text.length, hint + m + w), maxDist);
  if (near && !('lost' in near)) return near;
  let from = 0;
  let to = text.length;
  if (text.length * m > budget) {
    const half = Math.max(m * 2, Math.floor(budget / m / 2));
    from = Math.max(0, hint - half);
    to = Math.min(text.length, hint + m + half);
  }
  return fuzzyIn(text, t, from, to, maxDist) ?? { lost: 'missing' };
}

/** A slightly changed quote (a line ending, a letter) right where it should be, both contexts intact. */
function placeFuzzyNear(text: string, t: Anchor, hint: number, o: ReanchorOptions): Placement | undefined {
  const m = t.exact.length;
  if (m < (o.minFuzzyLength ?? 12)) return undefined;
  const maxDist = Math.floor(m * 0.1);
  if (maxDist === 0) return undefined;
  const w = Math.max(2048, m * 8);
  const r = fuzzyIn(text, t, Math.max(0, hint - w), Math.min(text.length, hint + m + w), maxDist, 0.75);
  return r && !('lost' in r) ? r : undefined;
}

function fuzzyIn(text: string, t: Anchor, from: number, to: number, maxDist: number, minContext = 0): Placement | undefined {
  const m = t.exact.length;
  const ends = approximateEnds(t.exact, text, from, to, maxDist);
  if (ends.length === 0) return undefined;
  // One candidate per run of adjacent end positions: its best end.
  const runs: { end: number; dist: number }[] = [];
  let prevEnd = -2;
  for (const e of ends) {
    const last = runs[runs.length - 1];
    if (last && e.end === prevEnd + 1) {
      if (e.dist < last.dist) runs[runs.length - 1] = e;
    } else runs.push(e);
    prevEnd = e.end;
  }
  const bestDist = Math.min(...runs.map((r) => r.dist));
  const scored: { start: number; end: number; total: number; ok: boolean }[] = [];
  for (const r of runs) {
    if (r.dist > bestDist + 1) continue;
    const start = approximateStart(t.exact, text, r.end, maxDist);
    if (start === undefined || start >= r.end) continue;
    const s = snapStart(text, start);
    const en = snapEnd(text, r.end);
    const quote = 1 - r.dist / m;
    const ctx = contextScores(text, t, s, en);
    const ok = (quote >= 0.9 || Math.max(ctx.prefix, ctx.suffix) >= 0.5) && Math.min(ctx.prefix, ctx.suffix) >= minContext;
    scored.push({ start: s, end: en, total: 2 * quote + ctx.prefix + ctx.suffix, ok });
  }
  if (scored.length === 0) return undefined;
  scored.sort((a, b) => b.total - a.total);
  const top = scored[0]!;
  if (!top.ok) return { lost: 'missing' };
  if (scored.length > 1 && top.total - scored[1]!.total < 0.3) return { lost: 'ambiguous' };
  return { start: top.start, end: top.end };
}

/** Sellers' algorithm: end offsets in [from, to) where some substring is within maxDist edits of pattern. */
function approximateEnds(pattern: string, text: string, from: number, to: number, maxDist: number): { end: number; dist: number }[] {
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
function approximateStart(pattern: string, text: string, end: number, maxDist: number): number | undefined {
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

function contextScores(text: string, t: Anchor, start: number, end: number): { prefix: number; suffix: number } {
  const before = text.slice(Math.max(0, start - t.prefix.length), start);
  const after = text.slice(end, end + t.suffix.length);
  return { prefix: before === t.prefix ? 1 : roughSimilarity(t.prefix, before), suffix: after === t.suffix ? 1 : roughSimilarity(t.suffix, after) };
}

/** Like similarity, but every value below about 0.5 comes out as about 0.5: no decision looks lower, and it is much cheaper. */
function roughSimilarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  const k = Math.ceil(n / 2);
  return 1 - Math.min(boundedDistance(a, b, k), k) / n;
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

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
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

function snapStart(text: string, i: number): number {
  return i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1)) ? i - 1 : i;
}

function snapEnd(text: string, i: number): number {
  return i < text.length && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1)) ? i + 1 : i;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
