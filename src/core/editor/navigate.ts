// Next/previous over sorted spans with wrap-around: the commands that walk annotations, claims,
// suggestions and unverified claims all reduce to this.

import type { Span } from '../types';

export type Direction = 'next' | 'previous';

/**
 * The span after (or before) `offset`. "After" means starting strictly after the offset, so
 * repeating the command from a span's start moves on; it wraps at the ends. Undefined when empty.
 */
export function step<T extends Span>(sorted: readonly T[], offset: number, direction: Direction): T | undefined {
  if (sorted.length === 0) return undefined;
  if (direction === 'next') {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return sorted[lo] ?? sorted[0];
  }
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : sorted[sorted.length - 1];
}

/** Sorts by start then end and drops exact duplicates (an entity also inside a claim stays, a twin does not). */
export function uniqueSpans<T extends Span>(spans: readonly T[]): T[] {
  const sorted = spans.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.filter((s, i) => i === 0 || s.start !== sorted[i - 1]!.start || s.end !== sorted[i - 1]!.end);
}

/**
 * `step` over a long text without listing every span: `chunk(from, to)` returns the sorted spans of
 * lines [from, to], and chunks are visited from the cursor's line outwards (then wrapping), so the
 * cost is that of the distance to the answer, not of the whole text.
 */
export function stepByChunks<T extends Span>(
  lineCount: number,
  line: number,
  offset: number,
  direction: Direction,
  chunkLines: number,
  chunk: (fromLine: number, toLine: number) => readonly T[],
): T | undefined {
  const n = lineCount;
  if (direction === 'next') {
    for (let from = line; from < n; from += chunkLines) {
      const hit = chunk(from, Math.min(n - 1, from + chunkLines - 1)).find((m) => m.start > offset);
      if (hit) return hit;
    }
    for (let from = 0; from <= line; from += chunkLines) {
      const hit = chunk(from, Math.min(line, from + chunkLines - 1))[0];
      if (hit) return hit;
    }
    return undefined;
  }
  for (let to = line; to >= 0; to -= chunkLines) {
    const hits = chunk(Math.max(0, to - chunkLines + 1), to).filter((m) => m.start < offset);
    if (hits.length) return hits[hits.length - 1];
  }
  for (let to = n - 1; to >= line; to -= chunkLines) {
    const hits = chunk(Math.max(line, to - chunkLines + 1), to);
    if (hits.length) return hits[hits.length - 1];
  }
  return undefined;
}
