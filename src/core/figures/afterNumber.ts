// What follows a number decides its label: after the scale words are read (60 ألف, 1.8 مليون,
// "مليون ونصف"), each label's rule is tried in turn — per cent, money, quantity, day and month,
// duration, time of day, year, ordinal — and the first that matches emits the figure; a plain
// NUMBER is the fallback. Each rule lives in its own module (percent.ts, money.ts …).

import { roundValue } from './chars';
import { get, type Forced, type Phrase, type ScanContext, type TailContext } from './scanContext';
import { dayMonthTail } from './dates';
import { durationTail } from './duration';
import { moneyTail } from './money';
import { numberTail } from './number';
import { ordinalTail } from './ordinal';
import { percentTail } from './percent';
import { quantityTail } from './quantity';
import { timeTail } from './time';
import { yearTail } from './year';

/** Emits the figure of the number ph (digits or words); returns where it ends. */
export function labelNumber(sc: ScanContext, ph: Phrase, forced: Forced | undefined, definite: boolean): number {
  const c = tailContext(sc, ph, forced);
  return (
    percentTail(sc, c) ??
    moneyTail(sc, c) ??
    quantityTail(sc, c) ??
    dayMonthTail(sc, c) ??
    durationTail(sc, c) ??
    timeTail(sc, c) ??
    yearTail(sc, c) ??
    ordinalTail(sc, c, definite) ??
    numberTail(sc, c)
  );
}

/** Reads the scale words after digits (60 ألف, 1.8 مليون, 3 آلاف, "مليون ونصف") and the word after. */
function tailContext(sc: ScanContext, ph: Phrase, forced: Forced | undefined): TailContext {
  let e = ph.e;
  let v = ph.v;
  let scale = ph.scale;
  // Scale words after digits: 60 ألف, 1.8 مليون, 3 آلاف, "مليون ونصف".
  if (ph.digits) {
    for (;;) {
      const w = sc.nextWord(e);
      const sc1 = get(w, 'scale', true);
      if (!w || !sc1 || sc1.pre !== '') break;
      // "45.750.000 مليون نسمة": whole digits already past a million or more repeat the scale word
      // after them (a thousand million, 1000 مليون, is not past it).
      if (scale === 1 && ph.isInt && sc1.v >= 1e6 && v >= sc1.v) {
        e = w.e;
        break;
      }
      v = roundValue(v * sc1.v);
      scale = Math.max(scale, sc1.v);
      e = w.e;
    }
    if (scale > 1) {
      const w = sc.nextWord(e);
      const fr = get(w, 'frac');
      if (w && fr && fr.pre === 'و') {
        v = roundValue(v + fr.v * scale);
        e = w.e;
      }
    }
  }
  const q = sc.skipGap(e);
  return { ph, forced, e, v, scale, q, ch: sc.text[q], w: sc.wordAt(q) };
}
