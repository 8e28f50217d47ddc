// A figure starting at a word the lexicon knows: each reading of the word is tried in order
// (weekday, relative date, month, number word, ordinal, الساعة, time unit) and the first that
// yields a figure wins.

import { labelNumber } from './afterNumber';
import { isDigit } from './chars';
import { get, has, type ScanContext, type Word } from './scanContext';
import { dayWordOfMonth, monthWord } from './dates';
import { atDigits } from './digits';
import { dualDuration, reversedDuration } from './duration';
import { identifierBefore, kunyaBefore, repeatedNounAfter, westName } from './notFigures';
import { parseWordNumber } from './numberWords';
import { ordinalWord, tensOrdinal } from './ordinal';
import { relativePeriod, relativeWord, thisPeriod, weekday } from './relativeDates';
import { hour } from './time';

/** The figure at the known word w; returns where scanning goes on (w.s when nothing was read). */
export function atWord(sc: ScanContext, w: Word): number {
  for (const r of w.r) {
    let end: number | undefined;
    switch (r.e.t) {
      case 'weekday':
        end = weekday(sc, w, r.e.d, (q, w2) => (isDigit(sc.text.charCodeAt(q)) ? atDigits(sc, q) : atWord(sc, w2 as Word)));
        break;
      case 'rel':
        end = relativeWord(sc, w, r.e, r.pre);
        break;
      case 'relHead':
        end = relativePeriod(sc, w, r.e.period);
        break;
      case 'demonstrative':
        end = thisPeriod(sc, w);
        break;
      case 'month':
      case 'monthHead':
      case 'hmonth':
      case 'hmonthHead':
        end = monthWord(sc, w);
        break;
      case 'num':
      case 'scale':
      case 'frac':
        end = wordNumber(sc, w);
        break;
      case 'ord':
        end = ordinalWord(sc, w);
        break;
      case 'hourNoun':
        end = hour(sc, w);
        break;
      case 'tunit':
        if (r.e.dual) end = dualDuration(sc, w, r.e);
        else if (/(?:ال|لل)$/.test(r.pre)) end = reversedDuration(sc, w, r.e);
        break;
      default:
        break;
    }
    if (end !== undefined && end > w.s) return end;
  }
  return w.s;
}

/** Number words: ثلاثة, خمسة وعشرين, ثلاثمائة ألف, مليون ونصف, ألفين, أحد عشر. */
function wordNumber(sc: ScanContext, w: Word): number | undefined {
  if (westName(sc, w) || kunyaBefore(sc, w)) return undefined;
  // "ألّف كتابا" (he wrote): no scale word has a shadda, so one written with it is the verb.
  if (get(w, 'scale') && sc.text.slice(w.s, w.e).includes('\u0651')) return undefined;
  const ph = parseWordNumber(sc, w);
  if (!ph) return undefined;
  // "في المئة" / "بالمئة" with no number before it (its number was not read) is the percent word, not 100
  // — unless years follow it (في المئة عام الماضية، في المئة سنة الأخيرة): then it counts them (the
  // hundred years). Shorter units keep the percent reading (ارتفعت الأسعار في المئة يوم الأخيرة).
  if (ph.e === w.e && get(w, 'pctWord') && (get(w, 'pctWord')?.pre === 'ب' || has(sc.prevWord(w.s), 'fi')) && !unitsCounted(sc, w)) return w.e;
  if (identifierBefore(sc, w.s, true)) return ph.e;
  // "دول «خمسة + واحد»": a group named by a sum, as "5 + 1" is (notFigures.namingNumber).
  if (sc.text.charCodeAt(sc.skipGap(ph.e)) === 0x2b) return ph.e;
  const day = dayWordOfMonth(sc, w, ph);
  if (day !== undefined) return day;
  const ordinal = tensOrdinal(sc, w, ph);
  if (ordinal !== undefined) return ordinal;
  // "ألف ليلة وليلة", "ألف سنة وسنة": a noun repeated with و after a number word is an idiom or a title.
  if (repeatedNounAfter(sc, ph.e)) return undefined;
  return labelNumber(sc, ph, undefined, false);
}

/** "في المئة عام" (no year number after it): the bare article number counts the years after it. */
function unitsCounted(sc: ScanContext, w: Word): boolean {
  if (get(w, 'pctWord')?.pre !== '') return false;
  const u = sc.nextWord(w.e);
  const unit = get(u, 'tunit');
  if (!u || !unit || unit.pre !== '' || unit.des !== 'Y' || unit.dual) return false;
  const p = sc.skipGap(u.e);
  return !(p < sc.text.length && isDigit(sc.text.charCodeAt(p)));
}
