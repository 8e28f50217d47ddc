// TIME: hh:mm (hh:mm:ss), or الساعة + hour (digits or ordinal word), or an hour with a day part
// (11 مساء); صباحا / مساء / عصرا … are folded into 24 h. The span starts at the hour, not at الساعة.

import { pad } from './calendar';
import { foldWord, isDigit } from './chars';
import { get, has, type ScanContext, type TailContext, type Word } from './scanContext';

/** hh:mm and hh:mm:ss at i, with a day part after it. */
export function timeAt(sc: ScanContext, i: number): number | undefined {
  const t = sc.text;
  const h = sc.digitRun(i);
  if (h.str.length > 2 || t[h.e] !== ':') return undefined;
  const m = sc.digitRun(h.e + 1);
  if (m.str.length !== 2 || isDigit(t.charCodeAt(m.e))) return undefined;
  let e = m.e;
  if (t[e] === ':' && isDigit(t.charCodeAt(e + 1))) {
    const sec = sc.digitRun(e + 1);
    if (sec.str.length === 2) e = sec.e;
  }
  let hh = parseInt(h.str, 10);
  const mm = parseInt(m.str, 10);
  if (hh > 24 || mm > 59) return undefined;
  const mer = meridiemAt(sc, e, hh);
  if (mer) {
    hh = mer.h;
    e = mer.e;
  }
  return sc.emit(i, e, 'TIME', { time: `${pad(hh)}:${pad(mm)}` });
}

/** A day part after p (صباحا, مساء, ظهرا …): the hour in 24 h and where the word ends. */
export function meridiemAt(sc: ScanContext, p: number, hh: number): { h: number; e: number } | undefined {
  const w = sc.nextWord(p);
  const mer = get(w, 'meridiem');
  if (!w || !mer) return undefined;
  let h = hh;
  // "الثانية ليلا" is 02:00, "العاشرة ليلا" 22:00, "الثانية عشرة ليلا" midnight: the night runs past 0:00.
  if (mer.add === 12 && NIGHT.has(foldWord(sc.text.slice(w.s, w.e)))) {
    if (h === 12) h = 0;
    else if (h >= 5 && h < 12) h += 12;
  } else if (mer.add === 12 && h < 12) h += 12;
  else if (mer.add === -1 && h < 6) h += 12;
  return { h, e: w.e };
}

/** ليلا (folded, with its tanween): the night's hours after midnight stay small. */
const NIGHT = new Set(['ليلا', 'ليلاً'].map(foldWord));

/** TIME: "11 مساء", "4 عصرا": an hour with a day part (the one-letter ص / م only after hh:mm). */
export function timeTail(sc: ScanContext, c: TailContext): number | undefined {
  const { ph, e, v, scale, w } = c;
  if (!(ph.isInt && scale === 1 && v <= 24 && w && w.e - w.s > 1)) return undefined;
  const mer = meridiemAt(sc, e, v);
  if (mer) return sc.emit(ph.s, mer.e, 'TIME', { time: `${pad(mer.h)}:00` });
  return undefined;
}

/** الساعة 10 صباحا, الساعة الواحدة والنصف: the hour noun w and the hour after it. */
export function hour(sc: ScanContext, w: Word): number | undefined {
  const t = sc.text;
  const q = sc.skipGap(w.e);
  if (isDigit(t.charCodeAt(q))) {
    const r = sc.digitRun(q);
    // Wire copy's "الساعة 1500 بتوقيت جرينتش": four digits hhmm before a time zone.
    if (r.str.length === 4) {
      const hh = +r.str.slice(0, 2);
      const mm = +r.str.slice(2);
      const zone = sc.nextWord(r.e);
      if (hh <= 23 && mm <= 59 && zone && /^(?:ب|و)?(?:ال)?توقيت$/.test(t.slice(zone.s, zone.e))) {
        return sc.emit(q, r.e, 'TIME', { time: `${pad(hh)}:${pad(mm)}` });
      }
    }
    if (r.str.length > 2 || t[r.e] === ':' || t[r.e] === '.' || isDigit(t.charCodeAt(r.e))) return undefined;
    const h = +r.str;
    if (h > 24) return undefined;
    return clock(sc, q, r.e, h);
  }
  const w2 = sc.wordAt(q);
  const one = w2?.r.find((r) => r.e.t === 'num' && r.e.v === 1 && r.pre === 'ال');
  if (w2 && one) return clock(sc, w2.s, w2.e, 1);
  return undefined;
}

/** The hour h written at [s, e), with والنصف / والربع and a day part after it. */
export function clock(sc: ScanContext, s: number, e: number, h: number): number {
  let mm = 0;
  const w = sc.nextWord(e);
  const fr = get(w, 'frac');
  if (w && fr && (fr.pre === 'وال' || fr.pre === 'و')) {
    mm = fr.v === 0.5 ? 30 : fr.v === 0.25 ? 15 : 20;
    e = w.e;
  }
  const mer = meridiemAt(sc, e, h);
  if (mer) {
    h = mer.h;
    e = mer.e;
  } else h = meridiemOfRangeEnd(sc, e, h);
  return sc.emit(s, e, 'TIME', { time: `${pad(h)}:${pad(mm)}` });
}

/** Words that close a span of hours (folded): من الساعة الرابعة حتى العاشرة مساء. */
const UNTIL = new Set(['حتي', 'وحتي', 'الي', 'والي']);

/**
 * The hour h with no day part of its own, opening a span of hours whose end has one: "من الساعة
 * الرابعة حتى العاشرة مساء" is 16:00 to 22:00. The afternoon part is carried back only when the
 * end is a later hour of the same half day (من العاشرة حتى الثانية ليلا keeps 10:00).
 */
function meridiemOfRangeEnd(sc: ScanContext, e: number, h: number): number {
  const w = sc.nextWord(e);
  if (!w || h >= 12 || !UNTIL.has(foldWord(sc.text.slice(w.s, w.e)))) return h;
  let q = sc.skipGap(w.e);
  const noun = sc.wordAt(q);
  if (noun && has(noun, 'hourNoun')) q = sc.skipGap(noun.e);
  let h2: number;
  let e2: number;
  if (isDigit(sc.text.charCodeAt(q))) {
    const r = sc.digitRun(q);
    h2 = +r.str;
    e2 = r.e;
  } else {
    const o = get(sc.wordAt(q), 'ord');
    const w2 = sc.wordAt(q);
    if (!w2 || !o || !o.definite || o.pre !== '') return h;
    h2 = o.v;
    e2 = w2.e;
  }
  if (!(h2 > h && h2 <= 12)) return h;
  const mer = meridiemAt(sc, e2, h2);
  return mer && mer.h === h2 + 12 ? h + 12 : h;
}
