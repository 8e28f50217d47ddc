// Check-worthiness of a claim: a deterministic score in [0, 1] from what the claim holds.

import { foldToken, LEXICON, W } from './lexicon';
import type { Draft } from './claimScan';
import { stripConj, type Tok } from './tokens';

/**
 * Check-worthiness, deterministic, in [0, 1]. Start at 0.35, then:
 *   +0.25 a figure worth checking inside the claim (amount, percentage, count; not a year or date)
 *   +0.15 a named claimant (person, organisation, title chain), +0.10 a document or an inherited
 *         speaker, +0.05 an anonymous source (مصدر، مسؤول)
 *   +0.10 a comparison or change (أكثر من، ارتفاع، تقليص)     +0.10 a causal link (بسبب، أدى إلى)
 *   −0.15 opinion (أعتقد، يجب، نأمل)                          −0.15 a future or prediction (سوف، سيتم، توقع)
 *   −0.10 a claim of fewer than five words
 * Rounded to two decimals. Candidates are suggestions; the order matters more than the value.
 */
export function scoreClaim(
  toks: readonly Tok[],
  a: number,
  b: number,
  d: Draft,
  figureTok: Uint8Array,
): number {
  let fig = false;
  let flags = 0;
  let words = 0;
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    if (figureTok[i]) fig = true;
    if (!t.word) continue;
    words++;
    flags |= t.f | t.fp;
    if (isFutureVerb(stripConj(t.n))) flags |= W.Future;
  }
  const comparative = (flags & W.Comparative) !== 0;
  const causal = (flags & W.Causal) !== 0;
  const opinion = (flags & W.Opinion) !== 0;
  let future = (flags & W.Future) !== 0;
  const cue = foldToken(d.cue);
  if (/^[وف]?(?:توقع|يتوقع|تتوقع|رجح)/.test(cue)) future = true;
  let s = 0.35;
  if (fig) s += 0.25;
  if (d.speaker) {
    s += d.speaker.strength === 'named' ? 0.15 : d.speaker.strength === 'anonymous' ? 0.05 : 0.1;
  }
  if (comparative) s += 0.1;
  if (causal) s += 0.1;
  if (opinion) s -= 0.15;
  if (future) s -= 0.15;
  if (words < 5) s -= 0.1;
  return Math.round(Math.min(1, Math.max(0, s)) * 100) / 100;
}

/** سـ + a present-tense prefix: سيعمل، ستكون، سننسحب. */
function isFutureVerb(n: string): boolean {
  return n.length >= 5 && n[0] === 'س' && 'يتنا'.includes(n[1]!) && !((LEXICON.get(n) ?? 0) & W.NotFuture);
}
