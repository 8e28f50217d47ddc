// NUMBER: any other count. A counted noun (3 آلاف عسكري) is NOT part of the span: the noun class is
// open and the value does not depend on it, so the span ends after the scale word.

import { bounded } from './bounds';
import type { ScanContext, TailContext } from './scanContext';

/** NUMBER: what no other rule took. A plain one (no scale word) may still join a range (ranges.ts). */
export function numberTail(sc: ScanContext, c: TailContext): number {
  const { ph, e, v, scale } = c;
  return sc.emit(ph.s, e, 'NUMBER', bounded(sc, ph.s, e, { number: v }), scale, scale === 1);
}
