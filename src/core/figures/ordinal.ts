// ORDINAL: ordinal words (المرحلة الثالثة → "الثالثة", 3; الحادي عشر, الحادي والعشرين), a definite
// tens word after a noun that counts editions (القرن العشرين, الذكرى الخمسين) and الـ + digits with
// nothing after (الـ12). An ordinal after الساعة or with a day part is a TIME, before من + a month a
// DATE (الخامس من أغسطس), and أول أمس is the day before yesterday.

import { fold } from '../arabic';
import { foldWord } from './chars';
import { get, has, type Phrase, type ScanContext, type TailContext, type Word } from './scanContext';
import { emitRelative } from './dateEmit';
import { dayMonth } from './dates';
import { monthAfterMin, monthAt } from './months';
import { clock } from './time';

/** Definite nouns after which a definite tens word is an ordinal: القرن العشرين, الذكرى الخمسين. */
const ORDINAL_HEADS = new Set(['القرن', 'الذكري', 'الدوره', 'النسخه', 'المؤتمر', 'العيد', 'الموسم', 'الجلسه', 'المهرجان', 'الاحتفال', 'الطابق']);

/** ORDINAL: a bare integer in digits after the article (الـ12). */
export function ordinalTail(sc: ScanContext, c: TailContext, definite: boolean): number | undefined {
  const { ph, e, v, scale } = c;
  if (!(definite && ph.digits && scale === 1 && ph.isInt)) return undefined;
  // "في الـ29 من العمر", "في الـ40 من عمره": an age, the years lived, as "29 عاما" is.
  if (ageAfter(sc, e)) return sc.emit(ph.s, e, 'DURATION', { number: v, duration: `P${v}Y` });
  if (!countedBefore(sc, ph.s)) return sc.emit(ph.s, e, 'ORDINAL', { number: v });
  return undefined;
}

/** Whether من العمر / من عمره (عمرها، عمرهم) follows p. */
function ageAfter(sc: ScanContext, p: number): boolean {
  const w = sc.nextWord(p);
  if (!w || sc.text.slice(w.s, w.e) !== 'من') return false;
  const w2 = sc.nextWord(w.e);
  return !!w2 && /^(?:ال)?عمر(?:ه|ها|هم|هما)?$/.test(foldWord(sc.text.slice(w2.s, w2.e)));
}

/** Measures whose الـ + number is an amount: مسافة الـ1200 is a distance of 1200, not the 1200th. */
const MEASURE_HEADS = new Set(['مسافه', 'مساحه', 'مبلغ', 'ارتفاع', 'طول', 'عمق', 'وزن', 'سعه', 'قيمه']);

/**
 * "الدول الأعضاء الـ28", "باشواطها الـ6", "مسافة الـ1200": a plural (sound ـات / ـون / ـين, or the
 * broken أفعال: أعضاء، أشواط) or a measure right before الـ + digits counts them; the number is
 * no ordinal (القرن الـ17، الدورة الـ23 still are).
 */
function countedBefore(sc: ScanContext, s: number): boolean {
  const t = sc.text;
  let j = s - 1;
  while (j >= 0 && (t[j] === ' ' || t.charCodeAt(j) === 0x640)) j--;
  if (j < 1 || t[j] !== 'ل' || t[j - 1] !== 'ا') return false;
  const w = sc.prevWord(j - 1);
  if (!w || w.e - w.s < 4) return false;
  const word = foldWord(t.slice(w.s, w.e));
  if (MEASURE_HEADS.has(word.replace(/^(?:ال|ب|بال|لل)/, ''))) return true;
  const bare = word.replace(/^(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?/, '');
  const stem = bare.replace(/(?:ها|هم|هما|هن)$/, '');
  // ـون / ـين only on longer stems: قانون، صالون are singulars.
  if ((stem.length >= 4 && stem.endsWith('ات')) || (stem.length >= 6 && /(?:ون|ين)$/.test(stem))) return true;
  if (!(stem.length === 5 && stem[0] === 'ا' && stem[3] === 'ا')) return false;
  // The shape أفعال is also the masdar of forms IV (إفعال: إصدار، إنتاج) and VIII of a و-root
  // (افتعال: اتحاد، اتفاق), singulars numbered by الـ (الإصدار الـ5، الاتحاد الـ50). Only the
  // spelling tells them apart: إ opens the masdar, ات the form VIII one.
  const prefix = word.length - bare.length;
  const raw = t.slice(w.s, w.e).replace(/[\u064B-\u065F\u0670\u0640\u200C\u200D]/g, ''); // as long as word
  const masdar = raw[prefix] === 'إ' || stem.startsWith('ات');
  const head = sc.prevWord(w.s);
  const headWord = head ? foldWord(t.slice(head.s, head.e)) : '';
  // "دول الاتحاد الـ28": the union's member states, counted; so a masdar after a plural of members.
  if (masdar) return MEMBERS.has(headWord);
  // "دورة الألعاب الـ31": the games' edition, after دورة / نسخة an ordinal.
  return !EDITION_HEADS.has(headWord.replace(/^(?:و|ف)?(?:ب|ل)?(?:ال)?/, ''));
}

/** Plurals whose members a masdar names: دول الاتحاد الـ28، أعضاء الاتحاد. */
const MEMBERS = new Set(['دول', 'ودول', 'بدول', 'لدول', 'الدول', 'اعضاء', 'واعضاء', 'بلدان', 'وبلدان', 'البلدان']);
/** Nouns of an edition: دورة الألعاب الـ31، نسخة الألعاب. */
const EDITION_HEADS = new Set(['دوره', 'نسخه']);

/** "القرن العشرين": a definite tens number word ph, read at w, after a noun of ORDINAL_HEADS. */
export function tensOrdinal(sc: ScanContext, w: Word, ph: Phrase): number | undefined {
  if (!(ph.e === w.e && ph.v >= 20 && ph.v <= 90 && ph.v % 10 === 0 && w.r.some((r) => r.e.t === 'num' && r.pre === 'ال'))) return undefined;
  const head = sc.prevWord(w.s);
  if (head && ORDINAL_HEADS.has(foldWord(sc.text.slice(head.s, head.e)).replace(/^[وفب]/, ''))) {
    return sc.emit(w.s, w.e, 'ORDINAL', { number: ph.v });
  }
  return undefined;
}

/** An ordinal word at w (الثالث, الحادية عشرة, أول), or the time or date it opens. */
export function ordinalWord(sc: ScanContext, w: Word): number | undefined {
  const o = get(w, 'ord');
  if (!o || !/^(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)?$/.test(o.pre)) return undefined;
  if (!o.definite && o.pre.includes('ل') && o.pre.length > 1) return undefined;
  // أول أمس / أول من أمس
  if (o.v === 1 && !o.definite) {
    let w2 = sc.nextWord(w.e);
    if (w2 && w2.key === 'من') w2 = sc.nextWord(w2.e);
    const rel = get(w2, 'rel');
    if (w2 && rel && rel.rel === 'yesterday' && rel.pre === '') return emitRelative(sc, w.s, w2.e, 'day-before-yesterday');
  }
  if (o.v === 1 && o.definite && firstIdiom(sc, w)) return w.e;
  // "اعتبارا من أول أغسطس": the first day of the month.
  if (o.v === 1 && !o.definite && o.pre.length <= 2) {
    const w2 = sc.nextWord(w.e);
    const month = w2 ? monthAt(sc, w2) : undefined;
    if (month) return dayMonth(sc, w.s + o.pre.length, 1, month);
  }
  const compound = compoundOrdinal(sc, w, o.v);
  if (!compound) return undefined;
  const { v, e } = compound;
  // "ثاني أكسيد الكربون" is a chemical name.
  if (v === 2 && !o.definite && sc.nextWord(e)?.key === '' && /^\s*أكسيد/.test(sc.text.slice(e, e + 8))) return e;
  // الساعة الثالثة → a time.
  const prev = sc.prevWord(w.s);
  if (prev && has(prev, 'hourNoun') && o.definite && v <= 12) return clock(sc, w.s, e, v);
  // (الحادية عشرة is listed with the masculine: its ending tells.)
  if (o.definite && (o.fem || w.key.endsWith('ة')) && v <= 12) {
    // "عند الثامنة والربع مساء": a feminine ordinal with a day part or a fraction is an hour.
    const w3 = sc.nextWord(e);
    const fr = get(w3, 'frac');
    if (has(w3, 'meridiem') || (fr && (fr.pre === 'وال' || fr.pre === 'و'))) return clock(sc, w.s, e, v);
  }
  // "الخامس من أغسطس" → a date.
  if (v <= 31) {
    const w3 = sc.nextWord(e);
    const month = w3 && w3.key === 'من' ? monthAfterMin(sc, w3) : undefined;
    if (month) return dayMonth(sc, w.s, v, month);
  }
  return sc.emit(w.s, e, 'ORDINAL', { number: v });
}

/** The nouns before الأول / الأولى in idioms that rank nothing: بالدرجة الأولى, في المقام الأول, للوهلة الأولى. */
const FIRST_IDIOMS: ReadonlySet<string> = new Set(['بالدرجه', 'وبالدرجه', 'بالمقام', 'وبالمقام', 'للوهله', 'وللوهله']);

/** "بالدرجة الأولى" (primarily), "في المقام الأول", "للوهلة الأولى" (at first sight): no ordinal. */
function firstIdiom(sc: ScanContext, w: Word): boolean {
  const prev = sc.prevWord(w.s);
  if (!prev) return false;
  const key = foldWord(sc.text.slice(prev.s, prev.e));
  if (FIRST_IDIOMS.has(key)) return true;
  if (key !== 'المقام') return false;
  const fi = sc.prevWord(prev.s);
  return !!fi && /^و?في$/.test(foldWord(sc.text.slice(fi.s, fi.e)));
}

/**
 * Compounds: الحادي عشر, الثانية عشرة, الحادي والعشرين. The value and end of the ordinal at w, or
 * undefined for الحادي alone (only ever the first part of a compound).
 */
function compoundOrdinal(sc: ScanContext, w: Word, v: number): { v: number; e: number } | undefined {
  let e = w.e;
  const w2 = sc.nextWord(e);
  if (w2) {
    const ten = w2.r.find((r) => r.e.t === 'num' && r.pre === '' && r.e.teenTen);
    const tens = w2.r.find((r) => r.e.t === 'num' && r.e.ten && (r.pre === 'وال' || r.pre === 'و'));
    if (ten && v <= 9) {
      v += 10;
      e = w2.e;
    } else if (tens && v <= 9) {
      v += tens.e.t === 'num' ? tens.e.v : 0;
      e = w2.e;
    }
  } else if (fold(w.key).endsWith('حادي') || fold(w.key).endsWith('حاديه')) return undefined;
  if (v === 1 && (fold(w.key).endsWith('حادي') || fold(w.key).endsWith('حاديه')) && e === w.e) return undefined;
  return { v, e };
}
