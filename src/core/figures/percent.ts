// PERCENT: a number with %, ٪ (either side), في المئة / في المائة, بالمئة / بالمائة. unit "percent".

import { bounded } from './bounds';
import { get, has, type ScanContext, type TailContext } from './scanContext';

/** PERCENT: a % sign before or after, "في المئة", "بالمئة". */
export function percentTail(sc: ScanContext, c: TailContext): number | undefined {
  const { ph, forced, e, v, scale, q, ch, w } = c;
  if (forced?.label === 'PERCENT') return sc.emit(ph.s, e, 'PERCENT', bounded(sc, ph.s, e, { number: v, unit: 'percent' }), scale);
  if (forced) return undefined;
  if (ch === '%' || ch === '٪') return sc.emit(ph.s, q + 1, 'PERCENT', bounded(sc, ph.s, e, { number: v, unit: 'percent' }), scale);
  if (!w) return undefined;
  if (has(w, 'fi')) {
    const w2 = sc.nextWord(w.e);
    const pw = get(w2, 'pctWord');
    if (w2 && pw && pw.pre === '') return sc.emit(ph.s, w2.e, 'PERCENT', bounded(sc, ph.s, e, { number: v, unit: 'percent' }), scale);
  }
  const pw = get(w, 'pctWord');
  if (pw && pw.pre === 'ب') return sc.emit(ph.s, w.e, 'PERCENT', bounded(sc, ph.s, e, { number: v, unit: 'percent' }), scale);
  return undefined;
}
