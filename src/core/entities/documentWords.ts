// What the hand lists and the training data say about a folded word, and the span helpers the
// document rules share (document.ts, propagate.ts, proclitics.ts, canonical.ts).

import { tokenize, type Token } from '../arabic';
import type { EntityDetection, EntityLabel } from '../types';
import type { TaggerModel } from './tagger';
import { cliticForms, foldWord } from './normalize';
import { listedCommonWord } from './commonWords';

export const LABEL_TYPE: Record<EntityLabel, number> = { PER: 1, LOC: 2, ORG: 3, MISC: 4 };

/**
 * Folded tokens of a span, proclitics off its first token when that is safe: the bare form is
 * another mention's first word, or what is left starts with the article (وبالعراق → العراق).
 * A name like فرنسا or وليد keeps its first letter.
 */
export function keyTokens(text: string, known?: { has(word: string): boolean }): string[] {
  return keyOfTokens(tokenize(text), known);
}

/** keyTokens of a span already tokenised. */
export function keyOfTokens(tokens: readonly Token[], known?: { has(word: string): boolean }): string[] {
  const toks = tokens.map((t) => foldWord(t.text));
  if (toks.length > 0) {
    const forms = cliticForms(toks[0]!);
    const pick = forms.find((f) => known?.has(f) && f !== toks[0]) ?? forms.find((f) => f.startsWith('ال'));
    if (pick) toks[0] = pick;
  }
  return toks;
}

/** Whether the training data says a word is mostly an ordinary word (never tag it on a hunch). */
export function mostlyCommon(word: string, model: TaggerModel, type: number): boolean {
  const c = model.gaz.lex.get(word);
  if (!c) return false;
  const total = c[0] + c[1] + c[2] + c[3] + c[4];
  return c[type]! * 2 < total && c[0] * 2 >= total;
}

/**
 * Whether the lists or the training data know a folded word as a name of this type (سوريا and
 * إيران as places): then a proclitic may come off a mention that never appears bare
 * (وسوريا → سوريا).
 */
export function knownName(word: string, label: EntityLabel, model: TaggerModel, listsOnly = false): boolean {
  const h = model.gaz.hand;
  const listed = label === 'LOC' ? h.places : label === 'ORG' ? h.organisations : label === 'PER' ? h.people : undefined;
  if (listed?.has(word) || (label === 'PER' && h.givenNames.has(word))) return true;
  if (listsOnly) return false;
  const c = model.gaz.lex.get(word);
  return c !== undefined && c[LABEL_TYPE[label]]! * 2 > c[0] + c[1] + c[2] + c[3] + c[4];
}

/**
 * Whether the training data reads a folded word as an organisation: at least twice, in a sixth or
 * more of its sightings, and no less often than as anything else (الكوكب, المولودية; not a word
 * mostly ordinary nor one seen once as ORG). The club and body rules' evidence.
 */
export function mostlyOrganisation(word: string, model: TaggerModel): boolean {
  const c = model.gaz.lex.get(word);
  return c !== undefined && c[3]! >= 2 && c[3]! * 5 >= c[0]! && c[3]! >= c[1]! && c[3]! >= c[2]! && c[3]! >= c[4]!;
}

/**
 * knownName, on evidence strong enough to keep an ordinary word as a name: the lists, or the
 * training data tagging it so in most of three or more sightings (بايت, seen once as ORG, is not).
 */
export function knownNameStrongly(word: string, label: EntityLabel, model: TaggerModel): boolean {
  if (knownName(word, label, model, true)) return true;
  const c = model.gaz.lex.get(word);
  return c !== undefined && c[0] + c[1] + c[2] + c[3] + c[4] >= 3 && knownName(word, label, model);
}

/** Whether the hand lists know a folded word as a place, body, public figure or given name. */
export function listedName(word: string, model: TaggerModel): boolean {
  const h = model.gaz.hand;
  return h.places.has(word) || h.organisations.has(word) || h.people.has(word) || h.givenNames.has(word);
}

/** Whether the training data tagged a folded word (clitics and all, as ANERcorp has it) as a name more often than not. */
export function lexName(word: string, model: TaggerModel): boolean {
  const c = model.gaz.lex.get(word);
  return c !== undefined && (c[1] + c[2] + c[3] + c[4]) * 2 > c[0] + c[1] + c[2] + c[3] + c[4];
}

/**
 * Whether a folded word is an ordinary word that a single reading as a name should not spread: a
 * word of the hand list of common words (commonWords.ts: رابط, صور, بنات, التيتانيوم) or one the
 * training data saw at least three times and mostly untagged. The lists' given names and public
 * figures never count, nor a word the training data tagged as a name in most of three or more
 * sightings (بيت لحم's لحم, الدين as a person's name half the time is not enough).
 */
export function ordinaryWord(word: string, model: TaggerModel): boolean {
  const h = model.gaz.hand;
  if (h.givenNames.has(word) || h.people.has(word)) return false;
  const c = model.gaz.lex.get(word);
  const total = c ? c[0] + c[1] + c[2] + c[3] + c[4] : 0;
  if (c && total >= 3 && (c[1] + c[2] + c[3] + c[4]) * 2 > total) return false;
  if (listedCommonWord(word)) return true;
  return c !== undefined && total >= 3 && c[0] * 4 >= total * 3;
}

/** Whether the training data tagged a word as part of a person's name more often than not. */
export function mostlyPerson(word: string, model: TaggerModel): boolean {
  const c = model.gaz.lex.get(word);
  return c !== undefined && c[1] * 2 > c[0] + c[1] + c[2] + c[3] + c[4];
}

/** A folded token of three or more Arabic letters, nothing else: a candidate name word. */
export const ARABIC_WORD = /^[\u0621-\u064a]{3,}$/;

/**
 * Whether token i is a nisba adjective (السعودية, العربية: the article, then …ية or …ي) right after
 * a definite noun that is not itself part of a name: «الحكومة السعودية», «السوق السعودية». The
 * country after a preposition or a verb (إلى السعودية, زار السعودية) is not affected.
 */
export function adjectiveAfterNoun(tokens: readonly Token[], folded: readonly string[], i: number, model: TaggerModel): boolean {
  const w = folded[i]!;
  if (i === 0 || !w.startsWith('ال') || !(w.endsWith('يه') || w.endsWith('ي'))) return false;
  const prev = folded[i - 1]!;
  if (!ARABIC_WORD.test(prev) || tokens[i - 1]!.end === tokens[i]!.start) return false;
  const forms = [prev, ...cliticForms(prev)];
  if (!forms.some((f) => f.startsWith('ال'))) return false;
  // «المملكة العربية السعودية», «الإمارات العربية»: the noun before is a name or a place word.
  const h = model.gaz.hand;
  if (forms.some((f) => h.places.has(f) || h.placeTriggers.has(f) || lexName(f, model))) return false;
  return true;
}

/** 1 for each token inside one of the spans (sorted by start, as the tagger returns them). */
export function coveredTokens(tokens: readonly Token[], found: readonly EntityDetection[]): Uint8Array {
  const covered = new Uint8Array(tokens.length);
  let ti = 0;
  for (const e of found) {
    while (ti < tokens.length && tokens[ti]!.end <= e.start) ti++;
    for (let k = ti; k < tokens.length && tokens[k]!.start < e.end; k++) covered[k] = 1;
  }
  return covered;
}

/** A rule's added spans merged into the found ones, in text order (`found` itself when none). */
export function withAdded(found: EntityDetection[], added: EntityDetection[]): EntityDetection[] {
  return added.length === 0 ? found : [...found, ...added].sort((a, b) => a.start - b.start);
}

/** The entity spanning tokens first…last. */
export function spanOf(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  label: EntityLabel,
  source: NonNullable<EntityDetection['source']>,
): EntityDetection {
  const start = tokens[first]!.start;
  const end = tokens[last]!.end;
  return { kind: 'entity', label, start, end, text: text.slice(start, end), source };
}

export function lineBreakBetween(text: string, tokens: readonly Token[], k: number, first: number): boolean {
  if (k <= first) return false;
  for (let c = tokens[k - 1]!.end; c < tokens[k]!.start; c++) if (text.charCodeAt(c) === 10) return true;
  return false;
}

/** Words before a place: prepositions, and the place nouns of the hand lists (مدينة, محافظة). */
export const PLACE_PREPOSITIONS = new Set('في إلى الى من عن حتى نحو قرب داخل خارج أنحاء'.split(' ').map(foldWord));

/** Nouns before a square, street or town besides the hand list's place nouns (ساحة الشهداء, بلديات بورصة). */
const STREET_NOUNS = new Set('ساحة ميدان شارع طريق بلدية بلديات أحياء'.split(' ').map(foldWord));

/**
 * Whether token i stands where a place is meant, for a listed place that is also an ordinary word
 * (صور: Tyre, and pictures): a preposition or a place noun right before it (مدينة صور, في صور), and
 * no indefinite adjective in ة right after it («من صور تاريخية», «في صور مختلفة»: pictures).
 */
export function placeContext(text: string, tokens: readonly Token[], i: number, model: TaggerModel): boolean {
  if (i === 0 || lineBreakBetween(text, tokens, i, i - 1)) return false;
  const prev = foldWord(tokens[i - 1]!.text);
  const h = model.gaz.hand;
  if (![prev, ...cliticForms(prev)].some((f) => PLACE_PREPOSITIONS.has(f) || h.placeTriggers.has(f) || STREET_NOUNS.has(f))) return false;
  if (i + 1 < tokens.length && !lineBreakBetween(text, tokens, i + 1, i)) {
    const next = foldWord(tokens[i + 1]!.text);
    // An adjective follows bare: «بالطائرة», «والمدينة» start something else.
    if (ARABIC_WORD.test(next) && next.endsWith('ه') && !/^(ال|[وفبلك])/.test(next) && !h.places.has(next)) return false;
  }
  return true;
}

/**
 * Whether token i, a town named with an ordinary word (الخبر), stands where the town is meant:
 * a place context (في الخبر, محافظة الخبر, أحياء الخبر), ب on the word (بالخبر), a comma before it
 * (a list of towns), or after a word that is not
 * itself an ordinary word or a pronoun (واجهة الخبر, عليا الخبر). «رابط الخبر», «نص الخبر»,
 * «هذا الخبر» are the news.
 */
export function homonymContext(text: string, tokens: readonly Token[], i: number, model: TaggerModel): boolean {
  const w = foldWord(tokens[i]!.text);
  if (/^[وف]?بال/.test(w) || placeContext(text, tokens, i, model)) return true;
  if (i === 0 || lineBreakBetween(text, tokens, i, i - 1)) return false;
  const prev = foldWord(tokens[i - 1]!.text);
  // «الرياض، جدة، الدمام، الخبر»: a list of names.
  if (prev === '،' || prev === ',') return true;
  return ARABIC_WORD.test(prev) && !listedCommonWord(prev) && !model.gaz.hand.functionWords.has(prev) && !/^[وفبل]?ه(ذا|ذه|ذ)/.test(prev);
}
