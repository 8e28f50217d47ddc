// Figures in claims: which tokens carry a figure worth checking (amounts, percentages, counts; not
// years, dates or times), from the claim detector's own scan and the figure recogniser's findings,
// and the unattributed sentences that are claims because they hold one.

import type { FigureDetection } from '../types';
import { W } from './lexicon';
import { isDigit, type Sentence, type Tok } from './tokens';
import type { Draft } from './claimScan';

/** An unattributed sentence must be this long to be a statement (not a dateline or a caption). */
const MIN_FIGURE_SENTENCE_WORDS = 6;

/** Tokens that carry a figure worth checking: amounts, percentages, counts; not years, dates or times. */
export function markFigures(toks: readonly Tok[], figures: readonly FigureDetection[]): Uint8Array {
  const mark = new Uint8Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.word) {
      if (t.raw === '%' || t.raw === '٪') mark[i] = 1;
      continue;
    }
    if (isDigit(t.n.charCodeAt(0)) || (t.n.length > 1 && 'وبلفك'.includes(t.n[0]!) && isDigit(t.n.charCodeAt(1)))) {
      const prev = toks[i - 1];
      const next = toks[i + 1];
      const inDate = (next && !next.word && (next.raw === '/' || next.raw === ':') && next.start === t.end) ||
        (prev && !prev.word && (prev.raw === '/' || prev.raw === ':') && prev.end === t.start);
      const year = /^[وبلفك]?(1[89]|20)\d\d$/.test(t.n) || /^1[34]\d\d(هـ?)?$/.test(t.n) || (prev !== undefined && (prev.f & W.Year) !== 0);
      if (!inDate && !year) mark[i] = 1;
      continue;
    }
    if ((t.f | t.fp) & W.Number) mark[i] = 1;
  }
  // The figure recogniser knows number words and units this scan does not.
  if (figures.length > 0) {
    let j = 0;
    for (const f of figures) {
      if (!substantive(f)) continue;
      while (j < toks.length && toks[j]!.end <= f.start) j++;
      for (let k = j; k < toks.length && toks[k]!.start < f.end; k++) mark[k] = 1;
    }
  }
  return mark;
}

/** Amounts, percentages, quantities and counts; not years, nor small counts in words (ثلاث جبهات). */
function substantive(f: FigureDetection): boolean {
  if (f.label === 'PERCENT' || f.label === 'MONEY' || f.label === 'QUANTITY') return true;
  if (f.label !== 'NUMBER') return false;
  const v = f.value.number;
  if (v === undefined) return true;
  if (Number.isInteger(v) && v >= 1800 && v <= 2100 && /^\S+$/.test(f.text)) return false;
  return !(v <= 10 && !/[0-9٠-٩۰-۹]/.test(f.text));
}

/** A sentence with no attribution that holds a figure worth checking and is long enough to state something. */
export function figureSentence(toks: readonly Tok[], s: Sentence, figureTok: Uint8Array): Draft | null {
  let words = 0;
  let fig = false;
  for (let i = s.a; i < s.b; i++) {
    if (toks[i]!.word) words++;
    if (figureTok[i]) fig = true;
  }
  if (!fig || words < MIN_FIGURE_SENTENCE_WORDS) return null;
  return { a: s.a, b: s.b, speaker: null, cue: 'figure' };
}
