// Who was told: the addressee after a speech verb (أكد لـ"الاقتصادية" مصدر …، قال للصحفيين إن …)
// or after its speaker (قال المدير لضيفه إن …), never part of the speaker.

import type { ClaimScan } from './claimScan';
import { W } from './lexicon';
import { isComma } from './tokens';

/** Pronoun addressees (folded): أكد لي / له / لها / لنا / لهم أن …. */
const PRONOUN_ADDRESSEES: ReadonlySet<string> = new Set(['لي', 'له', 'لها', 'لهما', 'لنا', 'لهم', 'لهن', 'لك', 'لكم']);

/**
 * Past an addressee right after the verb: لـ"الاقتصادية"، لـ(عكاظ)، لوكالة الأنباء الألمانية،
 * لوزير الخارجية عادل الجبير. Returns where the speaker may start (or `from` when none is there).
 */
export function skipAddressee(cs: ClaimScan, from: number, k: number): number {
  const toks = cs.toks;
  const t = toks[from];
  if (!t || !t.word || t.n[0] !== 'ل' || from >= k) return from;
  // A pronoun addressee: أكد لي / له / لها / لنا / لهم أن ….
  if (PRONOUN_ADDRESSEES.has(t.n)) return from + 1;
  // وأوضح لضيفه أن …، قال للصحفيين إن …: one word with لـ and a possessive or the article, right
  // before the complementiser, is who was told (لجنة، لبنان are no such word: ة, no suffix).
  if (from === k - 1 && toldWord(cs, from)) return k;
  if (from >= k - 1) return from;
  let j = from;
  if (t.raw.startsWith('لـ') && t.raw.length <= 2) {
    j++;
    const close = cs.closeOf[j]!;
    if (close > j && close < k) j = close + 1;
    else if (toks[j]?.raw === '(') {
      let c = j + 1;
      while (c < k && c < j + 6 && toks[c]!.raw !== ')') c++;
      if (c >= k || toks[c]!.raw !== ')') return from;
      j = c + 1;
    } else if (toks[j]?.word) j++;
  } else if (t.raw.startsWith('لـ') || t.f & W.Break || t.fp & (W.Title | W.OrgHead)) {
    j = addresseePhraseEnd(cs, j + 1, k);
  } else return from;
  while (j < k && !toks[j]!.word && isComma(toks[j]!.raw)) j++;
  // الذي أكد لوزير الخارجية عادل الجبير أن …: an addressee up to the complementiser leaves no
  // speaker here (not the one told).
  return j;
}

/** لضيفه، للصحفيين: a word with لـ and a possessive or the article, not a name the recogniser found (not لجنة، لبنان). */
export function toldWord(cs: ClaimScan, j: number): boolean {
  const t = cs.toks[j]!;
  return t.word && t.n[0] === 'ل' && t.n.length >= 4 && (t.n.startsWith('لل') || /(?:ه|ها|هم|هما|هن)$/.test(t.raw)) && !cs.hasEntity(t.start, t.end);
}

/** Media and audiences told (with لل): للصحيفة، للصحفيين، للحضور. */
const TOLD_NOUNS: ReadonlySet<string> = new Set(['للصحيفه', 'للصحف', 'للصحفيين', 'للصحافيين', 'للصحافه', 'للوكاله', 'للقناه',
  'للموقع', 'للاذاعه', 'للشبكه', 'للتلفزيون', 'للمراسلين', 'للحضور', 'للحاضرين', 'للجمهور', 'للمشاركين', 'للصحفي', 'للصحافي']);

/**
 * The last word of a speaker span before the complementiser is who was told: لـ with a possessive
 * (لضيفه، لنظيره، لأنصارهم) or a medium or audience (للصحيفة، للصحفيين). Not لـ + another noun with
 * the article: الأمين العام للمنظمة is the speaker's own title.
 */
export function toldAfterSpeaker(cs: ClaimScan, j: number): boolean {
  if (toldName(cs, j)) return true;
  if (!toldWord(cs, j)) return false;
  const t = cs.toks[j]!;
  return TOLD_NOUNS.has(t.n) || (!t.n.startsWith('لل') && /(?:ه|ها|هم|هما|هن)$/.test(t.raw));
}

/**
 * وأكد روحاني لجنتيلوني أنه …: after a speaker's name, لـ + a name, both found by the recogniser
 * earlier in the article (حسن روحاني، باولو جنتيلوني), is who was told. The walk back runs only
 * for a لـ word right before the complementiser.
 */
function toldName(cs: ClaimScan, j: number): boolean {
  const t = cs.toks[j]!;
  if (!t.word || t.n[0] !== 'ل' || t.n[1] === 'ل' || t.n.length < 5 || j === 0) return false;
  // The speaker right before is a name met earlier too (روحاني); after a common word the لـ is
  // that word's (مصدر عسكري موال لهادي: loyal to Hadi).
  const before = cs.toks[j - 1]!;
  if (!before.word) return false;
  const name = t.n.slice(1);
  let told = false;
  let speaker = false;
  for (let m = j - 2; m >= 0 && !(told && speaker); m--) {
    const z = cs.toks[m]!;
    if (z.n === name && cs.hasEntity(z.start, z.end)) told = true;
    else if (z.n === before.n && cs.hasEntity(z.start, z.end)) speaker = true;
  }
  return told && speaker;
}

/** لـعكاظ، لوكالة «رويترز»، لوزير الخارجية عادل الجبير: to the next break, quote or punctuation. */
function addresseePhraseEnd(cs: ClaimScan, j: number, k: number): number {
  const toks = cs.toks;
  while (j < k) {
    const z = toks[j]!;
    const close = cs.closeOf[j]!;
    if (close > j && close < k) {
      j = close + 1;
      continue;
    }
    if (!z.word || z.f & (W.Anonymous | W.Title | W.Document) || z.fp & W.Anonymous || (z.f & W.OrgHead && !z.n.startsWith('ال')) || z.f & W.Break) break;
    j++;
  }
  return j;
}
