// Lines read whole: a headline with its speaker (`الكاظمي يعلن تقليص …`, `الكاظمي: …`,
// `مسؤول عراقي لـ"العرب": …`) and footer lines that link or credit the story (no claim in them).

import type { ClaimScan, Draft } from './claimScan';
import { W } from './lexicon';
import { NEGATED_BEFORE } from './speechVerbs';
import { firstWord, VerbKind, type Sentence, type Tok } from './tokens';

/** A headline is a short line. */
const MAX_HEADLINE_TOKENS = 22;

/**
 * A footer line that links or credits the story (رابط الخبر بصحيفة …: headline again): it opens
 * a line with رابط / اقرأ / شاهد / للمزيد and has a colon within its first words, or it opens with
 * مقالات أخرى (a columnist's other pieces). No claim is read in it.
 */
export function footer(cs: ClaimScan, s: Sentence): boolean {
  const toks = cs.toks;
  const a = firstWord(toks, s);
  if (a >= s.b || (a > 0 && toks[a - 1]!.line === toks[a]!.line)) return false;
  // مقالات أخرى للكاتب …: the list of the columnist's other pieces, titles run together.
  if (toks[a]!.n === 'مقالات' && toks[a + 1]?.n === 'اخري') return true;
  if (!(toks[a]!.f & W.Footer)) return false;
  for (let k = a + 1; k < Math.min(s.b, a + 8); k++) if (toks[k]!.raw === ':') return true;
  return false;
}

/** `الكاظمي يعلن تقليص …` or `الكاظمي: …` on a short line of its own. */
export function headline(cs: ClaimScan, s: Sentence): Draft | null {
  const toks = cs.toks;
  const line = toks[s.a]!.line;
  if (s.a > 0 && toks[s.a - 1]!.line === line) return null;
  let lineEnd = s.b;
  while (lineEnd < toks.length && toks[lineEnd]!.line === line) lineEnd++;
  if (lineEnd !== s.b || s.b - s.a > MAX_HEADLINE_TOKENS || toks[s.a]!.vk !== VerbKind.None) return null;
  // لم تكشف الشركة عن …، ولم تعلن الوزارة …: a negation particle is no headline's subject; the
  // sentence is read as any other (its negated verb reports nothing unless أن follows it).
  if (NEGATED_BEFORE.has(toks[s.a]!.n)) return null;
  // مسؤول عراقي لـ"العرب": …: the speaker ends where its addressee starts.
  let speakerEnd = -1;
  for (let k = s.a + 1; k < Math.min(s.b, s.a + 9); k++) {
    const t = toks[k]!;
    if (t.word && t.raw.startsWith('لـ') && speakerEnd < 0) {
      speakerEnd = k;
      continue;
    }
    if (!t.word) {
      const close = cs.closeOf[k]!;
      if (speakerEnd >= 0 && close > k && close - k <= 5) {
        k = close;
        continue;
      }
      if (t.raw === ':' && k + 2 < s.b && !cs.timeColon(k)) {
        // أولا: …، ثانيا: …: the items of a list, whatever follows, have no speaker.
        // عاجل: …، بالأرقام: …: a kicker flags the story, it says nothing.
        if (k === s.a + 1 && (ORDINALS.has(toks[s.a]!.n) || KICKERS.has(toks[s.a]!.n))) return null;
        // المذيع: هل ستستمر الحملة؟: a question states nothing to check.
        if (asks(toks, k + 1, s.b)) return null;
        // لندن: «الشرق الأوسط»: a dateline and the outlet or reporter, no statement.
        if (speakerEnd < 0 && byline(cs, s.a, k, s.b)) return null;
        // العمر: 35 عاما⏎المهنة: مهندس: a form, a field on each line; a value that is a clause
        // (الجبير: لا مكان …، المذيع: هل …؟) keeps its headline whatever the lines around it are.
        if (speakerEnd < 0 && fieldLine(cs, s.a, k, s.b) && (fieldLineAt(cs, line - 1) || fieldLineAt(cs, line + 1))) return null;
        return colonHeadline(cs, s, k, speakerEnd);
      }
      return null;
    }
    if (speakerEnd >= 0) continue;
    if (k >= s.a + 6) return null;
    // أنصح المجتمعات بأن تحذر …: أن before the verb makes it no headline's subject (فان in يوست فان دام
    // is a name, though it folds like فإن).
    if (t.f & W.Complementiser && (t.n === 'ان' || t.n === 'بان')) return null;
    if (t.vk !== VerbKind.None && !(t.f & W.Present)) return null;
    if (t.f & W.Present) {
      let a = k + 1;
      if (a < s.b && (toks[a]!.f & W.Complementiser || (toks[a]!.n === 'عن' && t.f & W.TakesAn))) a++;
      return { a, b: s.b, speaker: cs.explicit(s.a, k), cue: t.raw };
    }
    if (t.f & W.Break) return null;
  }
  return null;
}

/**
 * Whether line `line` is a field of a form (fieldLine): a colon after its first one to three words
 * and no more than MAX_HEADLINE_TOKENS tokens. Binary search for the line's first token.
 */
function fieldLineAt(cs: ClaimScan, line: number): boolean {
  const toks = cs.toks;
  if (line < 0) return false;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (toks[mid]!.line < line) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= toks.length || toks[lo]!.line !== line) return false;
  let end = lo;
  while (end < toks.length && toks[end]!.line === line) end++;
  if (end - lo > MAX_HEADLINE_TOKENS) return false;
  for (let k = lo + 1; k < Math.min(end - 1, lo + 4); k++) {
    const t = toks[k]!;
    if (t.raw === ':') return !cs.timeColon(k) && fieldLine(cs, lo, k, end);
    if (!t.word) return false;
  }
  return false;
}

/** Ordinal list markers (أولا: …، ثانيا: …). Folded, tanween dropped. */
const ORDINALS: ReadonlySet<string> = new Set(['اولا', 'ثانيا', 'ثالثا', 'رابعا', 'خامسا', 'سادسا', 'سابعا', 'ثامنا', 'تاسعا', 'عاشرا', 'اخيرا']);
/** Kickers that flag a story on its headline line (عاجل: …، بالصور: …). Folded. */
const KICKERS: ReadonlySet<string> = new Set(['عاجل', 'بالارقام', 'بالصور', 'بالفيديو', 'حصري', 'خاص']);

/** Whether tokens [a, b) hold a question mark. */
function asks(toks: readonly Tok[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (toks[k]!.raw === '؟' || toks[k]!.raw === '?') return true;
  return false;
}

/** A form's value is a few words: العمر: 35 عاما، وصف الحالة: عدوى، مع خلل وقصور في التربية. */
const MAX_FIELD_WORDS = 8;
/** Words that label a speaker, never a form's field: الوزير، المتحدث، مصدر، الوزارة. */
const SPEAKER_BITS = W.Title | W.Anonymous | W.OrgHead | W.Honorific;
const PLACE: readonly string[] = ['LOC'];
const PEOPLE: readonly string[] = ['PER', 'ORG'];

/**
 * Whether tokens [a, b) with the colon at `colon` read as a form's field: a label that names no
 * one (no person or organisation the recogniser found, no title or body, no place: الرياض: … is a
 * dateline or a headline) and a value that is a few words and no clause. A clause opens with a
 * negation (لا مكان …، لن …), asks (؟), holds a speech verb, a future or a complementiser, or is a
 * definite subject with its predicate (الحملة مستمرة حتى …); a name the recogniser found is a value.
 */
function fieldLine(cs: ClaimScan, a: number, colon: number, b: number): boolean {
  const toks = cs.toks;
  for (let k = a; k < colon; k++) if ((toks[k]!.f | toks[k]!.fp) & SPEAKER_BITS) return false;
  if (cs.hasEntity(toks[a]!.start, toks[colon - 1]!.end, true)) return false;
  const [v, e] = valueWords(toks, colon, b);
  if (v >= e) return false;
  if (asks(toks, v, b)) return false;
  let words = 0;
  for (let k = v; k < e; k++) {
    const t = toks[k]!;
    if (!t.word) continue;
    words++;
    if (t.vk !== VerbKind.None || (t.f | t.fp) & (W.Future | W.Complementiser)) return false;
  }
  if (words > MAX_FIELD_WORDS || NEGATED_BEFORE.has(toks[v]!.n)) return false;
  if (cs.entityCovers(toks[v]!.start, toks[e - 1]!.end)) return true;
  return !(toks[v]!.n.startsWith('ال') && words >= 3);
}

/** The value after the colon at `colon`, up to b: the tokens from its first word to its last, [v, e) (empty: v ≥ e). */
function valueWords(toks: readonly Tok[], colon: number, b: number): [number, number] {
  let v = colon + 1;
  let e = b;
  while (v < e && !toks[v]!.word) v++;
  while (e > v && !toks[e - 1]!.word) e--;
  return [v, e];
}

/**
 * لندن: «الشرق الأوسط»، الرياض: محمد العبدالله: a place the recogniser found, then only the
 * outlet's or reporter's name (a person or organisation it found, quotes allowed, a few words).
 */
function byline(cs: ClaimScan, a: number, colon: number, b: number): boolean {
  const toks = cs.toks;
  if (!cs.entityCovers(toks[a]!.start, toks[colon - 1]!.end, PLACE)) return false;
  const [v, e] = valueWords(toks, colon, b);
  if (v >= e || e - v > 4) return false;
  for (let k = v; k < e; k++) if (toks[k]!.word && !cs.entityCovers(toks[k]!.start, toks[k]!.end, PEOPLE)) return false;
  return true;
}

/** `الكاظمي: …`: the speaker before the colon at k (or before its addressee), the claim after it, quotes dropped. */
function colonHeadline(cs: ClaimScan, s: Sentence, k: number, speakerEnd: number): Draft {
  let a = k + 1;
  let b = s.b;
  if (cs.closeOf[a]! > a) {
    b = cs.closeOf[a]!;
    a++;
  }
  return { a, b, speaker: cs.explicit(s.a, speakerEnd >= 0 ? speakerEnd : k), cue: 'headline' };
}
