// Subjects named apart from their speech verb: the antecedent of الذي / التي read back past a
// clause (ويشكل هذا منعطفا لتيل، الذي قال …), the title chain before a name, and the subject
// between كان and قد that a participle after a talking verb continues (وكان X قد تحدث … قائلا).

import type { ClaimScan, Speaker } from './claimScan';
import { VERB_BITS, W } from './lexicon';
import { phraseEnd } from './phrase';
import { firstWord, stripConj, VerbKind } from './tokens';

/**
 * Adverbs written right after a speech verb, before its speaker or its complementiser (أعلن مسبقا أن),
 * and النقاب of كشف النقاب عن (unveiled), which is no speaker either. Folded.
 */
export const ADVERBS: ReadonlySet<string> = new Set(['مسبقا', 'سابقا', 'مؤخرا', 'مجددا', 'رسميا', 'علنا', 'صراحه', 'ايضا', 'النقاب']);
/** Complementisers with no pronoun on them (folded): the clause after them writes its own subject. */
const BARE_COMPLEMENTISERS: ReadonlySet<string> = new Set(['ان', 'بان', 'فان']);
/** Between a subject and its verb: كان، قد and negations (الخطيب كان صرح، الوزارة لم تعلن). Folded. */
const AUXILIARIES: ReadonlySet<string> = new Set(['كان', 'كانت', 'قد', 'لقد', 'لم', 'لن', 'لا']);
/** Quotes and brackets a subject may hold (أن حركة «حماس» أعلنت). */
const NAME_MARKS: ReadonlySet<string> = new Set(['«', '»', '"', '“', '”', '(', ')']);
/** How many tokens a subject written between a complementiser and its verb may have. */
const MAX_CLAUSE_SUBJECT = 8;

/**
 * The verb at i (with no و / ف: it continues a clause) follows a bare complementiser and the
 * subject written between them, which opens with a title, body, source, name or definite noun
 * (يذكر أن الرئيس السابق أعلن …، أن الخطيب كان صرح …): that subject speaks, never the speaker
 * of an earlier sentence.
 */
export function subjectFirstClause(cs: ClaimScan, i: number): boolean {
  const toks = cs.toks;
  if (!(toks[i]!.f & VERB_BITS)) return false;
  let j = i - 1;
  while (j > cs.current.a && AUXILIARIES.has(toks[j]!.n)) j--;
  const last = j;
  for (; j >= cs.current.a && last - j < MAX_CLAUSE_SUBJECT; j--) {
    const z = toks[j]!;
    if (z.word && z.f & W.Complementiser) {
      return j < last && BARE_COMPLEMENTISERS.has(z.n) && !cs.hasEntity(z.start, z.end, true) && namedAt(cs, toks[j + 1]!.word ? j + 1 : j + 2);
    }
    if (z.word ? z.f & W.Break || z.vk !== VerbKind.None : !NAME_MARKS.has(z.raw)) return false;
  }
  return false;
}

/**
 * Token c is a quote or bracket around a short name that a body or title word heads, at the start
 * of the sentence or of an أن clause, inside a subject before the verb at i (يذكر أن صحيفة «الأفق»
 * اليومية، كشفت …، أن شركة “النخبة” كانت أعلنت): an opener closed before i, or a closer opened
 * at most MAX_QUOTED_NAME tokens before it.
 */
export function quotedNameMark(cs: ClaimScan, c: number, i: number): boolean {
  const toks = cs.toks;
  if (!NAME_MARKS.has(toks[c]!.raw)) return false;
  let o = -1;
  if (cs.closeOf[c]! > c) o = cs.closeOf[c]! < i && cs.closeOf[c]! - c <= MAX_QUOTED_NAME ? c : -1;
  else for (let x = c - 1; x >= Math.max(cs.current.a, c - MAX_QUOTED_NAME) && o < 0; x--) if (cs.closeOf[x] === c) o = x;
  const head = toks[o - 1];
  if (o < 0 || !head?.word || head.n.startsWith('ال') || !(head.f & (W.OrgHead | W.Title))) return false;
  const before = toks[o - 2];
  return o - 2 < firstWord(toks, cs.current) || (!!before?.word && BARE_COMPLEMENTISERS.has(before.n));
}

/** How many tokens a quoted name inside a subject may span, with its marks. */
const MAX_QUOTED_NAME = 6;

/** Token j opens a subject: a title, body, source or document word, a definite noun, or a found name. */
function namedAt(cs: ClaimScan, j: number): boolean {
  const z = cs.toks[j];
  if (!z?.word) return false;
  return ((z.f | z.fp) & (W.Title | W.OrgHead | W.Anonymous | W.Document | W.Honorific)) !== 0 || z.n.startsWith('ال') || cs.hasEntity(z.start, z.end);
}

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
    if (z.n !== 'قد') continue;
    const verb = toks[q + 1];
    if (!verb?.word || verb.vk !== VerbKind.None) return null;
    return sameClause(cs, q + 2, i, TALK.has(stripConj(verb.n)) ? MAX_TALK_REACH : MAX_KANA_REACH) ? cs.explicit(a + 1, q) : null;
  }
  return null;
}

/** How many words a subject between كان and قد may have (a long title chain with a name). */
const MAX_KANA_SUBJECT = 24;
/** How far after the verb after قد its participle may come (وكان X قد أعلن في مؤتمر صحفي … مؤكدا). */
const MAX_KANA_REACH = 12;
/** After a talking verb, farther (وكان X قد تحدث من خلال بيان أصدرته اللجنة بعد إعلان … قائلا). */
const MAX_TALK_REACH = 30;
/** Words that open another clause, whose participle is not that of كان X قد (… فيما قضت المحكمة بسجن …). Folded. */
const CLAUSE_WORDS: ReadonlySet<string> = new Set(['فيما', 'وفيما', 'بينما', 'وبينما', 'حيث', 'حين', 'عندما', 'كما', 'ثم', 'الذي', 'التي', 'الذين']);

/** Tokens [from, to) stay in one clause: short, with no word that opens another and no sentence mark. */
function sameClause(cs: ClaimScan, from: number, to: number, reach: number): boolean {
  if (to - from > reach) return false;
  for (let j = from; j < to; j++) {
    const z = cs.toks[j]!;
    if (z.word ? CLAUSE_WORDS.has(z.n) : z.raw === '؛' || z.raw === ';' || z.raw === ':') return false;
  }
  return true;
}

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
  let found = start;
  for (let k = e - 1; k > a && k >= e - 3; k--) {
    const t = toks[k]!;
    if (!t.word) continue;
    if (t.f & W.Title) {
      if (phraseEnd(cs, k, b) > e) found = t.start;
      // بالسفير X، لنائب الرئيس X: the title with a preposition on it (not لل), without the preposition.
    } else if (t.fp & W.Title && t.n[1] !== 'ل') return t.start + 1;
  }
  return found;
}
