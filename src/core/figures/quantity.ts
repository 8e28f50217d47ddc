// QUANTITY: a number followed by a unit of measure from a closed list (طن, برميل, كيلومتر, درجة,
// نقطة …). unit = the singular unit (+ مربع / مكعب / مئوية / يوميا when written).

import { bounded } from './bounds';
import { get, type ScanContext, type TailContext } from './scanContext';

/** QUANTITY: a unit of measure, "كيلو جرام" as two words, a unit qualifier (مربع, مكعب …). */
export function quantityTail(sc: ScanContext, c: TailContext): number | undefined {
  const { ph, e, v, scale, w } = c;
  const unit = get(w, 'unit');
  if (!(w && unit && unit.pre === '')) return undefined;
  let u = unit.unit;
  let end = w.e;
  if (w.key === 'كيلو' || unit.byteOf) {
    // "كيلو جرام", "كيلو متر", "جيجا بايت" written as two words.
    const wk = sc.nextWord(end);
    const uk = get(wk, 'unit');
    if (wk && uk && uk.unit === 'بايت') {
      u = unit.byteOf ?? 'كيلوبايت';
      end = wk.e;
    } else if (unit.byteOf) {
      return undefined;
    } else if (wk && uk && (uk.unit === 'غرام' || uk.unit === 'متر')) {
      u = uk.unit === 'متر' ? 'كيلومتر' : 'كيلوغرام';
      end = wk.e;
    }
  }
  const w2 = sc.nextWord(end);
  const uq = get(w2, 'unitq');
  if (w2 && uq) {
    u += ' ' + uq.word;
    end = w2.e;
  }
  // A speed: "120 كيلومترا في الساعة", "35 كم/ساعة", "35 كم/س".
  const per = perHour(sc, end);
  if (per > end) {
    u += ' في الساعة';
    end = per;
  }
  return sc.emit(ph.s, end, 'QUANTITY', bounded(sc, ph.s, e, { number: v, unit: u }), scale);
}

/** "/ساعة", "/س" or "في الساعة" right after a unit ending at p: where it ends, else p. */
function perHour(sc: ScanContext, p: number): number {
  const t = sc.text;
  if (t[p] === '/') {
    const m = /^\/ ?(?:ساعة|الساعة|س)(?![\u0621-\u064A])/.exec(t.slice(p, p + 8));
    return m ? p + m[0].length : p;
  }
  // Not "في الساعة الأولى" (in the first hour).
  const m = /^ (?:في|فى) الساعة(?![\u0621-\u064A]| ال)/.exec(t.slice(p, p + 15));
  return m ? p + m[0].length : p;
}
