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
