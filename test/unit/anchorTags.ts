// Shared by the re-anchoring tests that tag the n-th occurrence of a quote and look it up again.
import * as assert from 'assert';
import { anchorFor, reanchor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord } from '../../src/core/annotationRecord';

/** Offset of the n-th (from 0) occurrence of quote in text, -1 when there are fewer. */
export function nth(text: string, quote: string, n: number): number {
  let p = -1;
  for (let i = 0; i <= n; i++) p = text.indexOf(quote, p + 1);
  return p;
}

/** An accepted MISC record on the n-th occurrence of quote. */
export function tag(text: string, id: string, quote: string, n = 0): AnnotationRecord {
  const p = nth(text, quote, n);
  assert.ok(p >= 0, `no ${quote}`);
  return { id, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, p, p + quote.length) };
}

/** Re-anchoring the result again decides the same (what `check --fix` run twice must give). */
export function idempotent(after: string, records: readonly AnnotationRecord[]): void {
  assert.deepStrictEqual(reanchor(after, records, { oldLength: after.length }).records, records);
}
