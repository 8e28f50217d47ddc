// DATE of relative words: أمس, غدا, أمس الأول, أول أمس, العام الماضي, هذا الشهر, and weekday names
// (السبت, السبت الماضي, or a weekday opening a full date: الثلاثاء 19 شوال 1436 هـ). Resolved
// against the article date when there is one (dateEmit.ts), else kept in value.relative.

import { WEEKDAY_NAMES } from './calendar';
import { foldWord, isDigit, isGap } from './chars';
import { get, has, type ScanContext, type Word } from './scanContext';
import { emitRelative } from './dateEmit';
import type { Entry } from './lexicon';

/** Words after which غدا is the verb "became", not "tomorrow" (folded). */
const GHADA_VERB_AFTER = new Set(['الذي', 'التي', 'الذين', 'والذي', 'والتي', 'حتي', 'بعدما', 'عندما', 'حينما', 'قد', 'لقد', 'وقد',
  'فقد', 'ما', 'كما', 'ثم', 'بل', 'لذلك', 'ولذلك', 'بذلك', 'وبذلك', 'حيث', 'وهكذا', 'هكذا']);

/** Adjectives of the holy month (folded): هذا الشهر الفضيل is Ramadan. */
const HOLY_MONTH = new Set(['الفضيل', 'الكريم', 'المبارك']);

const DATE_STARTS = new Set<Entry['t']>(['month', 'monthHead', 'hmonth', 'hmonthHead', 'num', 'ord']);

/** Reads the figure at q (a digit, or the word w there): how a weekday reads the date after it. */
export type ReadAt = (q: number, w: Word | undefined) => number;

/** أمس / غدا … (entry rel of w, written after the clitics pre), unless it is the verb غدا or أمسّ الحاجة. */
export function relativeWord(sc: ScanContext, w: Word, rel: Extract<Entry, { t: 'rel' }>, pre: string): number | undefined {
  if (rel.days === 1) return tomorrowWord(sc, w, pre);
  if (rel.days === -1 && superlativeAmass(sc, w)) return undefined;
  if (!(pre === '' || pre === 'و' || pre === 'ف' || pre === 'ب' || pre === 'ال' || pre === 'وال' || pre === 'بال')) return undefined;
  // "أمس الأول" is the day before yesterday.
  const w2 = rel.days === -1 ? sc.nextWord(w.e) : undefined;
  const o = get(w2, 'ord');
  if (w2 && o && o.v === 1 && o.definite && !o.fem && o.pre === '') return emitRelative(sc, w.s, w2.e, 'day-before-yesterday');
  return emitRelative(sc, w.s, w.e, rel.rel);
}

/**
 * غدا / يوم غد / بعد غد (the day after tomorrow). A weekday after it (غدا الثلاثاء, يوم غد (الاثنين))
 * joins the span and gives the day: that weekday from five days before the day غد names to the day
 * after it (dateEmit.ts), since an article is often dated a day or more after it was written. Bare
 * غد needs يوم or بعد before it.
 */
function tomorrowWord(sc: ScanContext, w: Word, pre: string): number | undefined {
  if (becameVerb(sc, w)) return undefined;
  if (!(pre === '' || pre === 'و' || pre === 'ف' || pre === 'ب')) return undefined;
  const prev = sc.prevWord(w.s);
  const pk = prev ? foldWord(sc.text.slice(prev.s, prev.e)) : '';
  const afterBaad = !!prev && (pk === 'بعد' || pk === 'وبعد') && sc.lastEnd <= prev.s;
  if (w.key === 'غد' && !(afterBaad || pk === 'يوم' || pk === 'ويوم')) return undefined;
  const s = afterBaad && prev ? prev.s : w.s;
  const wd = weekdayAfter(sc, w.e);
  if (wd) return emitRelative(sc, s, wd.e, `weekday:${WEEKDAY_NAMES[wd.d]};${afterBaad ? 'day-after-tomorrow' : 'tomorrow'}`);
  return emitRelative(sc, s, w.e, afterBaad ? 'day-after-tomorrow' : 'tomorrow');
}

/** A bare weekday right after p, in brackets or not, that opens no date of its own: its day and end. */
function weekdayAfter(sc: ScanContext, p: number): { d: number; e: number } | undefined {
  const t = sc.text;
  let q = sc.skipGap(p);
  const bracket = t[q] === '(';
  if (bracket) q = sc.skipGap(q + 1);
  const w = sc.wordAt(q);
  const wd = get(w, 'weekday');
  if (!w || !wd || wd.pre !== '') return undefined;
  if (dateStartAfter(sc, w) !== undefined) return undefined;
  let e = w.e;
  if (bracket) {
    const c = sc.skipGap(e);
    if (t[c] !== ')') return undefined;
    e = c + 1;
  }
  return { d: wd.d, e };
}

/**
 * غدا is also the verb "became" (غدا الأمر صعبا، الذي غدا رمزا): after a relative pronoun or a
 * particle that opens a verbal clause, or opening a clause with a definite noun or من after it.
 * Tomorrow keeps a weekday, a day part or punctuation after it, and a verb before it (يصل غدا).
 */
function becameVerb(sc: ScanContext, w: Word): boolean {
  const prev = sc.prevWord(w.s);
  if (prev && GHADA_VERB_AFTER.has(foldWord(sc.text.slice(prev.s, prev.e)))) return true;
  const t = sc.text;
  let j = w.s - 1;
  while (j >= 0 && isGap(t.charCodeAt(j))) j--;
  const clauseStart = j < 0 || '\n\r.،,؛:!؟?'.includes(t[j]);
  if (!clauseStart) return false;
  const next = sc.nextWord(w.e);
  if (!next || next.r.some((r) => r.e.t === 'weekday' || r.e.t === 'qual' || r.e.t === 'meridiem' || r.e.t === 'rel')) return false;
  const k = foldWord(sc.text.slice(next.s, next.e));
  return k.startsWith('ال') || k === 'من';
}

/** أمسّ الحاجة ("in the direst need"): the elative of مسّ, written like أمس (yesterday). */
function superlativeAmass(sc: ScanContext, w: Word): boolean {
  const t = sc.text;
  for (let k = w.s; k < w.e; k++) if (t.charCodeAt(k) === 0x651) return true; // shadda
  const next = sc.nextWord(w.e);
  return !!next && /^(?:ال)?حاج[ةه]/.test(t.slice(next.s, next.e));
}

/** العام الماضي, الشهر المقبل, الأسبوع الجاري: a period head and its qualifier. */
export function relativePeriod(sc: ScanContext, w: Word, period: 'year' | 'month' | 'week' | 'day'): number | undefined {
  const w2 = sc.nextWord(w.e);
  const qual = get(w2, 'qual');
  if (!w2 || !qual || qual.pre !== '') return undefined;
  return emitRelative(sc, w.s, w2.e, `${qual.q}-${period}`);
}

/** هذا العام, هذه السنة: a demonstrative and a period head. */
export function thisPeriod(sc: ScanContext, w: Word): number | undefined {
  const w2 = sc.nextWord(w.e);
  const head = get(w2, 'relHead');
  // "هذا الشهر الفضيل / الكريم / المبارك" is Ramadan, not the Gregorian month.
  const w3 = w2 && head?.period === 'month' ? sc.nextWord(w2.e) : undefined;
  if (w3 && HOLY_MONTH.has(foldWord(sc.text.slice(w3.s, w3.e)))) return undefined;
  if (w2 && head && head.pre === '') return emitRelative(sc, w.s, w2.e, `this-${head.period}`);
  return undefined;
}

/** A weekday name: opening the date after it, with الماضي / المقبل, or on its own. */
export function weekday(sc: ScanContext, w: Word, d: number, readAt: ReadAt): number | undefined {
  const t = sc.text;
  const dated = weekdayWithDate(sc, w, d, readAt);
  if (dated !== undefined) return dated;
  const w3 = sc.nextWord(w.e);
  const qual = get(w3, 'qual');
  if (w3 && qual && qual.pre === '' && qual.q !== 'this') {
    return emitRelative(sc, w.s, w3.e, `weekday:${WEEKDAY_NAMES[d]};${qual.q}`);
  }
  // "صلاة الجمعة" names the prayer, not a day.
  if (d === 5) {
    const prev = t.slice(Math.max(0, w.s - 6), w.s);
    if (/(صلاة|خطبة|صلوات|خطيب|ائمة|أئمة) $/.test(prev)) return undefined;
  }
  return emitRelative(sc, w.s, w.e, `weekday:${WEEKDAY_NAMES[d]}`);
}

/** Where a date after the weekday w starts (past a comma, a dash, الموافق or في), or undefined. */
function dateStartAfter(sc: ScanContext, w: Word): number | undefined {
  const t = sc.text;
  let q = sc.skipGap(w.e);
  if (t[q] === '،' || t[q] === ',' || t[q] === '-' || t[q] === '–') q = sc.skipGap(q + 1);
  let w2 = sc.wordAt(q);
  if (w2 && (has(w2, 'muwafiq') || w2.key === 'في')) {
    q = sc.skipGap(w2.e);
    w2 = sc.wordAt(q);
  }
  return isDigit(t.charCodeAt(q)) || (w2 && w2.r.some((r) => DATE_STARTS.has(r.e.t))) ? q : undefined;
}

/**
 * A date right after the weekday: "السبت 2021/06/05", "الثلاثاء 19 شوال 1436 هـ", "الأحد الموافق …".
 * Only a date can follow here; a weekday after a weekday is not tried (no recursion on "السبت السبت …").
 * Returns where the date ends, or undefined (with anything read meanwhile taken back).
 */
function weekdayWithDate(sc: ScanContext, w: Word, d: number, readAt: ReadAt): number | undefined {
  const q = dateStartAfter(sc, w);
  if (q === undefined) return undefined;
  const w2 = sc.wordAt(q);
  sc.pendingWeekday = { s: w.s, d };
  const before = sc.out.length;
  const end = readAt(q, w2);
  sc.pendingWeekday = undefined;
  if (sc.out.length > before) {
    const last = sc.out[sc.out.length - 1].fig;
    if (last.label === 'DATE' && last.start === w.s) return end;
    // Something else followed (a number, an ordinal): emit the weekday on its own first.
    sc.out.pop();
    sc.lastEnd = before > 0 ? sc.out[before - 1].fig.end : 0;
  }
  return undefined;
}
