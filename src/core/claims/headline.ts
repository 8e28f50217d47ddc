// Lines read whole: a headline with its speaker (`الكاظمي يعلن تقليص …`, `الكاظمي: …`,
// `مسؤول عراقي لـ"العرب": …`) and footer lines that link or credit the story (no claim in them).

import type { ClaimScan, Draft } from './claimScan';
import { W } from './lexicon';
import { NEGATED_BEFORE } from './speechVerbs';
import { firstWord, VerbKind, type Sentence } from './tokens';

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
        // العمر: …⏎المهنة: …: lines of fields, each a label and its value, are no headlines.
        if (fieldLineAt(cs, line - 1) || fieldLineAt(cs, line + 1)) return null;
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
 * Whether line `line` is a short `label: value` line: a colon after its first one to three words
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
    if (t.raw === ':') return !cs.timeColon(k);
    if (!t.word) return false;
  }
  return false;
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
