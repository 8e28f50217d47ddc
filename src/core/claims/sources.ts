// Claims attributed without a speech verb: a بحسب / وفق / نقلا عن source opening the sentence
// (بحسب البيان، فإن …) or closing it (…، وفق بيان لوزارة الدفاع.), and direct quotes with their
// verb after them («…»، قال الوزير) or long enough to stand alone.

import { type ClaimScan, type Draft, MIN_QUOTE_WORDS } from './claimScan';
import { W } from './lexicon';
import { phraseEnd, withEntities, zoneEnd } from './phrase';
import { stripConj, VerbKind, type Sentence } from './tokens';

/** A quote with no speech verb near it must be this long to be a statement. */
const MIN_STANDALONE_QUOTE_WORDS = 6;

/** `بحسب البيان، فإن …` (source first) or `…، وفق بيان لوزارة الدفاع.` (source last). */
export function source(cs: ClaimScan, i: number, seg: Sentence, s: Sentence): Draft | null {
  const toks = cs.toks;
  let from = i + 1;
  if (stripConj(toks[i]!.n) === 'نقلا' && from < seg.b && toks[from]!.n === 'عن') from++;
  else if (from < seg.b && toks[from]!.n === 'ل') from++;
  // بحسب ما ذكرته الوكالة، وفقا لما أعلنته الوزارة: the source follows the verb.
  if (from + 1 < seg.b && (toks[from]!.n === 'ما' || toks[from]!.n === 'لما')) from += 2;
  if (from >= seg.b || !sourceLike(cs, from)) return null;
  let end = from;
  while (end < seg.b && end < from + 8 && toks[end]!.word && !(toks[end]!.f & W.Complementiser)) {
    if (end > from && toks[end]!.vk !== VerbKind.None) break;
    end++;
  }
  // No comma: the source runs straight into the statement (ووفقا لوزارة الإسكان بلغ عدد …).
  if (end < seg.b && toks[end]!.word && !(toks[end]!.f & W.Complementiser) && end === from + 8) {
    end = phraseEnd(cs, from, seg.b);
  }
  const speakerEnd = withEntities(cs, from, end, seg.b);
  const speaker = cs.explicit(from, speakerEnd);
  if (!speaker) return null;
  const cue = toks[i]!.raw;
  let firstWord = s.a;
  while (firstWord < i && !toks[firstWord]!.word) firstWord++;
  if (i <= firstWord + 1 && (i === firstWord || toks[firstWord]!.n === 'و')) {
    let a = speakerEnd;
    while (a < seg.b && !toks[a]!.word) a++;
    if (a < seg.b && toks[a]!.f & W.Complementiser) a++;
    return { a, b: seg.b, speaker, cue };
  }
  // The source closes the sentence and attributes everything before it.
  if (speakerEnd < seg.b && toks[speakerEnd]!.word) return null;
  return { a: seg.a, b: i, speaker, cue };
}

/**
 * "According to" a plan, a rule or God's will (وفق الرؤية، وفقا للأنظمة، وفق الله) is no source:
 * the phrase must start with a document, a body, a title or a name the entity recogniser knows.
 */
function sourceLike(cs: ClaimScan, from: number): boolean {
  const t = cs.toks[from]!;
  if (!t.word) return false;
  if ((t.f | t.fp) & (W.Document | W.OrgHead | W.Title | W.Anonymous)) return true;
  for (let x = cs.entityIndex(t.start); x < cs.entities.length; x++) {
    const e = cs.entities[x]!;
    if (e.start > t.start) break;
    if (e.end > t.start && (e.label === 'PER' || e.label === 'ORG')) return true;
  }
  return false;
}

/** A direct quote with its verb after it (`«…»، قال الوزير`) or standing alone. */
export function quote(cs: ClaimScan, i: number, seg: Sentence): Draft | null {
  const toks = cs.toks;
  const close = cs.closeOf[i]!;
  let words = 0;
  for (let k = i + 1; k < close; k++) if (toks[k]!.word) words++;
  if (words < MIN_QUOTE_WORDS) return null;
  let k = close + 1;
  while (k < seg.b && !toks[k]!.word) k++;
  const kind = k < seg.b ? toks[k]!.vk : VerbKind.None;
  if (kind === VerbKind.Past || kind === VerbKind.Present) {
    const end = zoneEnd(cs, k + 1, seg.b, false);
    const speaker = end > k + 1 ? cs.explicit(k + 1, end) : cs.inherit();
    return { a: i + 1, b: close, speaker, cue: toks[k]!.raw };
  }
  // A quote with no speaker is a statement only if it is sentence-long, not a slogan or a title.
  return words >= MIN_STANDALONE_QUOTE_WORDS ? { a: i + 1, b: close, speaker: null, cue: 'quote' } : null;
}
