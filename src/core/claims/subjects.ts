// Subjects named apart from their speech verb: the antecedent of الذي / التي read back past a
// clause (ويشكل هذا منعطفا لتيل، الذي قال …), the title chain before a name, and the subject
// between كان and قد that a participle after a talking verb continues (وكان X قد تحدث … قائلا).

import type { ClaimScan, Speaker } from './claimScan';
import { W } from './lexicon';
import { phraseEnd } from './phrase';
import { firstWord, stripConj, VerbKind } from './tokens';

/** Demonstratives that open a clause, not a name (هذا منعطف …، هؤلاء مالك …). Folded. */
const DEMONSTRATIVES: ReadonlySet<string> = new Set(['هذا', 'هذه', 'وهذا', 'وهذه', 'هؤلاء']);

/**
 * Verbs of talking that take no complementiser (تحدث الوزير … قائلا: …): a participle after them
 * continues their subject. Folded, without و / ف.
 */
export const TALK: ReadonlySet<string> = new Set(['تحدث', 'تحدثت', 'يتحدث', 'تتحدث', 'حدث', 'حدثت']);

/**
 * The subject between a كان opening the sentence and a قد before the participle at i (وكان
 * المدرب قد تحدث … قائلا): null when the sentence does not open so or no قد comes before i.
 */
export function kanaQadBefore(cs: ClaimScan, i: number): Speaker | null {
  const toks = cs.toks;
  const a = firstWord(toks, cs.current);
  const n = stripConj(toks[a]!.n);
  if (n !== 'كان' && n !== 'كانت') return null;
  for (let q = a + 2; q < i && q - a <= MAX_KANA_SUBJECT; q++) {
    const z = toks[q]!;
    if (!z.word || z.vk !== VerbKind.None) return null;
    if (z.n === 'قد') return toks[q + 1]?.vk === VerbKind.None && toks[q + 1]!.word ? cs.explicit(a + 1, q) : null;
  }
  return null;
}

/** How many words a subject between كان and قد may have (a long title chain with a name). */
const MAX_KANA_SUBJECT = 24;

/**
 * The antecedent of الذي / التي is the noun phrase right before it. When the words read back to
 * the comma open with no speaker (ويشكل هذا منعطفا لتيل الألماني، الذي قال …: a clause), the
 * antecedent is the last person or organisation the recogniser found there, with at most two
 * definite adjectives after it; else the phrase as read.
 */
export function antecedentName(cs: ClaimScan, sp: Speaker): Speaker {
  const toks = cs.toks;
  const a = cs.tokenAt(sp.claimant.start);
  const b = cs.tokenAt(sp.claimant.end);
  const first = toks[a]!;
  if ((first.f | first.fp) & (W.Title | W.OrgHead | W.Anonymous | W.Document | W.Honorific) || cs.hasEntity(first.start, first.end)) return sp;
  // A clause opens with a conjunction or a demonstrative, or holds a preposition with the article
  // before the name (التقى الوزير بالسفير …); else the words may be the name's own or its role
  // (الملا أختر محمد منصور، مدرب يونايتد الهولندي لويس غال).
  let clause = DEMONSTRATIVES.has(first.n) || (first.n.length > 3 && 'وف'.includes(first.n[0]!));
  let start = -1;
  for (let x = cs.entityIndex(first.end); x < cs.entities.length; x++) {
    const e = cs.entities[x]!;
    if (e.start >= sp.claimant.end) break;
    if (e.start < first.end || (e.label !== 'PER' && e.label !== 'ORG') || e.end > sp.claimant.end) continue;
    let after = 0;
    let plain = true;
    for (let k = cs.tokenAt(e.end); k < b; k++) {
      after++;
      if (!toks[k]!.word || !toks[k]!.n.startsWith('ال') || toks[k]!.f & W.Break || toks[k]!.vk !== VerbKind.None) plain = false;
    }
    if (plain && after <= 2) start = e.start;
  }
  if (start < 0) return sp;
  for (let k = a + 1; k < cs.tokenAt(start) && !clause; k++) if (toks[k]!.n.startsWith('بال') || toks[k]!.n.startsWith('لل')) clause = true;
  if (!clause) return sp;
  const from = titleBefore(cs, a, start, b);
  return { claimant: { start: from, end: sp.claimant.end, text: cs.text.slice(from, sp.claimant.end) }, strength: sp.strength };
}

/**
 * The title chain before a name starting at offset `start` (tokens (a, b)): تصريحات رئيس الحزب
 * سامي العلي → رئيس الحزب سامي العلي; بالسفير خالد العمر → السفير خالد العمر (not the preposition).
 */
function titleBefore(cs: ClaimScan, a: number, start: number, b: number): number {
  const toks = cs.toks;
  const e = cs.tokenAt(start);
  if (e >= toks.length || toks[e]!.start !== start) return start;
  const t = e - 1 > a ? toks[e - 1]! : undefined;
  if (t?.word && !(t.f & W.Title) && t.fp & W.Title && t.n[1] !== 'ل') return t.start + 1;
  let found = start;
  for (let k = e - 1; k > a && k >= e - 3; k--) {
    if (toks[k]!.word && toks[k]!.f & W.Title && phraseEnd(cs, k, b) > e) found = toks[k]!.start;
  }
  return found;
}
