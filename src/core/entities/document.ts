// Document-level rules over the tagger's spans: listed people and places, list continuations,
// places after their trigger words, context words that are places only in context, then
// propagation (propagate.ts), proclitics off (proclitics.ts) and canonical forms (canonical.ts).

import { tokensOf, type Token } from '../arabic';
import type { EntityDetection } from '../types';
import type { TaggerModel } from './tagger';
import { cliticForms, foldWord } from './normalize';
import { annotate } from './canonical';
import { ARABIC_WORD, PLACE_PREPOSITIONS, coveredTokens, knownName, knownNameStrongly, lineBreakBetween, mostlyCommon, mostlyOrganisation, mostlyPerson, placeContext, spanOf, withAdded } from './documentWords';
import { withoutProclitics } from './proclitics';
import { homonymPlace, listedCommonWord } from './commonWords';
import { headedNames } from './nameHeads';
import { Club, clubBits, clubsBeforeNationality } from './clubAdjectives';
import { clubsWithTownAdjectives, clubsWithTownNames } from './clubNames';
import { propagate } from './propagate';
import type { WordInfo } from './words';

export interface DocumentOptions {
  /** Tag untagged repeats of names found elsewhere in the document. */
  propagate?: boolean;
}

/** A token's folded form (foldWord) and clitic readings (cliticForms of it), as the tagger analysed them. */
export type DocWord = Pick<WordInfo, 'norm' | 'forms' | 'doc' | 'club'>;

/** The text's tokens and each token's word, when the tagger has them already (findEntities). */
export interface DocumentTokens {
  tokens: readonly Token[];
  words: readonly DocWord[];
}

export function applyDocument(
  text: string,
  found: EntityDetection[],
  model: TaggerModel,
  options: DocumentOptions = {},
  shared?: DocumentTokens,
): EntityDetection[] {
  // The rules add spans but never change the text, so one tokenisation serves them all.
  const tokens = shared?.tokens ?? tokensOf(text);
  const words = shared?.words ?? tokens.map((t) => docWord(t.text));
  let out = dropFunctionWords(found, model);
  out = dropOrdinaryWords(text, tokens, out, model);
  out = dropWordsInContext(text, tokens, words, out, model);
  out = listedPeople(text, tokens, words, out, model);
  out = listContinuations(text, tokens, words, out, model);
  out = placesAfterTriggers(text, tokens, words, out, model);
  out = listedPlacesAndBodies(text, tokens, words, out, model);
  // «شركة الجفالي», «حديقة شاند»: the head noun names the kind of name, before the spans vote in
  // propagation and again for the repeats it adds.
  out = headedNames(text, tokens, words, out, model);
  if (options.propagate !== false) {
    const spread = propagate(text, tokens, words, out, model);
    if (spread !== out) out = headedNames(text, tokens, words, spread, model);
  }
  // After propagation: a club found after its head noun is not spread (الشباب is also «youth»).
  out = clubsAfterHeads(text, tokens, words, out, model);
  // «ملبورن الأسترالي»: a town before a masculine nationality adjective is its club.
  out = clubsBeforeNationality(text, tokens, words, out, model);
  // «هيرتا برلين», «سبورتينغ لشبونة»: a club's first word and its town are one club.
  out = clubsWithTownNames(text, tokens, words, out, model);
  // «المغرب التطواني», «الكوكب المراكشي»: a word and its town's adjective are one club.
  out = clubsWithTownAdjectives(text, tokens, words, out, model);
  out = dropWordsInContext(text, tokens, words, out, model);
  out = withoutProclitics(out, model);
  annotate(out, (word, label, listsOnly) => knownName(word, label, model, listsOnly));
  return out;
}

function docWord(raw: string): DocWord {
  const norm = foldWord(raw);
  return { norm, forms: cliticForms(norm), doc: -1, club: 0 };
}

/**
 * What the rules below ask of a word alone, the same wherever it stands: bits computed once per
 * distinct word (the tagger's analysis keeps them) instead of folding and looking up every token
 * in every rule.
 */
const enum Bit {
  /** A listed public figure (the word or a clitic reading of it). */
  Person = 1,
  /** A listed given name, as written (folded). */
  Given = 2,
  /** A strong place trigger (STRONG_PLACE_TRIGGERS), the word or a clitic reading. */
  Trigger = 4,
  /** A word placesAfterTriggers may make a place after a trigger. */
  AfterTrigger = 8,
  /** A place preposition or place noun before a place (PLACE_PREPOSITIONS, the place triggers). */
  BeforePlace = 16,
  /** listedPlacesAndBodies: a listed place, or body, that the rule tags (with Context: only after BeforePlace). */
  ListedLoc = 32,
  ListedOrg = 64,
  Context = 128,
  /**
   * A listed place that is also an ordinary word of the hand list (صور, المجمعة), without بال/لل on
   * it: listedPlacesAndBodies tags it only where placeContext says a place is meant.
   */
  PlaceContext = 256,
}

/** Which of the lists wordBits reads a folded word is in, as bits: one lookup per form instead of one per list. */
const enum In {
  People = 1,
  Given = 2,
  Strong = 4,
  Preposition = 8,
  PlaceTrigger = 16,
  Function = 32,
  Title = 64,
  Speech = 128,
  OrgHead = 256,
  Place = 512,
  Organisation = 1024,
}

const listIndexes = new WeakMap<TaggerModel['gaz']['hand'], Map<string, number>>();

function listIndex(h: TaggerModel['gaz']['hand']): Map<string, number> {
  let m = listIndexes.get(h);
  if (m) return m;
  m = new Map();
  const lists: Array<[ReadonlySet<string>, number]> = [
    [h.people, In.People],
    [h.givenNames, In.Given],
    [STRONG_PLACE_TRIGGERS, In.Strong],
    [PLACE_PREPOSITIONS, In.Preposition],
    [h.placeTriggers, In.PlaceTrigger],
    [h.functionWords, In.Function],
    [h.titles, In.Title],
    [h.speech, In.Speech],
    [h.orgHeads, In.OrgHead],
    [h.places, In.Place],
    [h.organisations, In.Organisation],
  ];
  for (const [set, bit] of lists) for (const w of set) m.set(w, (m.get(w) ?? 0) | bit);
  listIndexes.set(h, m);
  return m;
}

function wordBits(w: DocWord, model: TaggerModel): number {
  if (w.doc >= 0) return w.doc;
  const lists = listIndex(model.gaz.hand);
  const lex = model.gaz.lex;
  const norm = w.norm;
  const forms = w.forms;
  const own = lists.get(norm) ?? 0;
  let any = own;
  for (const f of forms) any |= lists.get(f) ?? 0;
  let bits = 0;
  if (any & In.People) bits |= Bit.Person;
  if (own & In.Given) bits |= Bit.Given;
  if (any & In.Strong) bits |= Bit.Trigger;
  if (any & (In.Preposition | In.PlaceTrigger)) bits |= Bit.BeforePlace;
  if (ARABIC_WORD.test(norm)) {
    if (placeAfterTrigger(norm, own, forms, model)) bits |= Bit.AfterTrigger;
    const all = [norm, ...forms];
    let verdict = 1; // 0: never, 1: always, 2: after a place word only
    if (all.some((f) => lex.has(f))) verdict = listedPlaceAlone(all, model);
    if (verdict !== 0) {
      const label = any & In.Place ? Bit.ListedLoc : any & In.Organisation ? Bit.ListedOrg : 0;
      if (label !== 0) bits |= label | (verdict === 2 ? Bit.Context : 0);
      if (label === Bit.ListedLoc && all.some((f) => listedCommonWord(f)) && !/^[وف]?(بال|لل)/.test(norm)) bits |= Bit.PlaceContext;
    }
  }
  // Bits never reach the sign bit: -1 stays "not computed yet".
  w.doc = bits;
  return bits;
}

/**
 * Each token's wordBits for one document (the words array of one applyDocument), -1 until a rule
 * first asks. The rules below read every token's bits in turn: on a big file each token's word
 * object is a read from anywhere in the heap (100,000 distinct words), and once read its bits
 * stay in this array, which the next rule reads in order.
 */
const tokenBits = new WeakMap<readonly DocWord[], Int32Array>();

function bitsOfTokens(words: readonly DocWord[]): Int32Array {
  let bits = tokenBits.get(words);
  if (!bits) tokenBits.set(words, (bits = new Int32Array(words.length).fill(-1)));
  return bits;
}

/** wordBits of token i through bitsOfTokens' array. */
function bitsAt(bits: Int32Array, words: readonly DocWord[], i: number, model: TaggerModel): number {
  const b = bits[i]!;
  return b >= 0 ? b : (bits[i] = wordBits(words[i]!, model));
}

/**
 * Names in a list: right after a person (and an optional comma), «وX Y» where X is a given name
 * is the next person (، وعلي الحجار ، ونيكول سابا); the tagger often stops after the first.
 */
function listContinuations(text: string, tokens: readonly Token[], words: readonly DocWord[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  const pers = found.filter((e) => e.label === 'PER');
  if (pers.length === 0) return found;
  const taken = new Uint8Array(tokens.length);
  const endsPer = new Set<number>();
  let ti = 0;
  for (const e of found) {
    while (ti < tokens.length && tokens[ti]!.end <= e.start) ti++;
    let last = -1;
    for (let k = ti; k < tokens.length && tokens[k]!.start < e.end; k++) {
      taken[k] = 1;
      last = k;
    }
    if (e.label === 'PER' && last >= 0) endsPer.add(last);
  }
  const given = model.gaz.hand.givenNames;
  const added: EntityDetection[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!endsPer.has(i)) continue;
    let j = i + 1;
    if (tokens[j]!.text === '،' || tokens[j]!.text === ',') j++;
    if (j >= tokens.length || taken[j] || lineBreakBetween(text, tokens, j, i)) continue;
    const w = words[j]!.norm;
    // «وعلى» (and on) folds to «وعلي» (and Ali): the preposition as written is no name.
    if (tokens[j]!.text.endsWith('على')) continue;
    if (w.length < 4 || w.charCodeAt(0) !== 0x0648 || !(given.has(w.slice(1)) || mostlyPerson(w.slice(1), model))) continue;
    let end = j;
    const next = j + 1 < tokens.length ? tokens[j + 1]! : undefined;
    if (next && !taken[j + 1] && !lineBreakBetween(text, tokens, j + 1, j) && ARABIC_WORD.test(words[j + 1]!.norm)) {
      const nw = words[j + 1]!.norm;
      if (!mostlyCommon(nw, model, 1) && !model.gaz.hand.titles.has(nw) && !model.gaz.hand.speech.has(nw)) end = j + 1;
    }
    added.push(spanOf(text, tokens, j, end, 'PER', 'context'));
    for (let k = j; k <= end; k++) taken[k] = 1;
    endsPer.add(end);
  }
  return withAdded(found, added);
}

/**
 * Public figures of the hand list (ترامب, هنية) are people wherever they stand untagged: the
 * training data is older than most of them, so the tagger knows them only through the list and
 * can miss one after an unusual run of words (الرئيس الأميركي السابق ترامب). A listed given name
 * right before joins the span (دونالد ترامب).
 */
function listedPeople(text: string, tokens: readonly Token[], words: readonly DocWord[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  const taken = coveredTokens(tokens, found);
  const bits = bitsOfTokens(words);
  const added: EntityDetection[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    if (!(bitsAt(bits, words, i, model) & Bit.Person)) continue;
    let first = i;
    if (i > 0 && !taken[i - 1] && !lineBreakBetween(text, tokens, i, i - 1) && bitsAt(bits, words, i - 1, model) & Bit.Given) first = i - 1;
    added.push(spanOf(text, tokens, first, i, 'PER', 'gazetteer'));
  }
  return withAdded(found, added);
}

/**
 * Nouns after which ANERcorp's next word is mostly a place (محافظة ديالى 13 of 17, مدينة 106 of
 * 123, حي الخضراء, مخيم جنين; منطقة 45 of 82, the rest ordinary words the training data knows).
 * The tagger knows places by name, so a town the training data never saw (محافظة ينبع) stays
 * untagged; after one of these it is a place unless it reads as an ordinary word.
 */
const STRONG_PLACE_TRIGGERS = new Set(
  'محافظة مدينة حي بلدة قرية ولاية إقليم مقاطعة مخيم شارع منطقة'.split(' ').map(foldWord),
);

function placesAfterTriggers(text: string, tokens: readonly Token[], words: readonly DocWord[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  const taken = coveredTokens(tokens, found);
  const bits = bitsOfTokens(words);
  const added: EntityDetection[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (taken[i] || taken[i + 1]) continue;
    if (!(bitsAt(bits, words, i, model) & Bit.Trigger) || !(bitsAt(bits, words, i + 1, model) & Bit.AfterTrigger)) continue;
    if (lineBreakBetween(text, tokens, i + 1, i)) continue;
    added.push(spanOf(text, tokens, i + 1, i + 1, 'LOC', 'context'));
    taken[i + 1] = 1;
  }
  return withAdded(found, added);
}

/**
 * A bare «نادي» or «فريق» (not «الفريق», also a military rank) before a definite word: the word is
 * a club (ANERcorp's train part: the word after a bare نادي or فريق is B-ORG about 50 times, a place
 * once; its O words are mostly indefinite: فريق عمل، فريق كبير). The tagger misses clubs named
 * with an ordinary word (فريق الشباب، نادي التعاون). The word is a club when the lists know it as
 * an organisation, or the training data has seen it as one at least twice, as no other kind of
 * name more often, and as an ordinary word no more than five times as often (التعاون 16 ORG / 44
 * O; not العاصمة 2 / 74: «فريق العاصمة» is the capital's team). A word neither has seen is left:
 * on news, as many are teams of a project as clubs (فريق الإبداع، فريق الكشافة، نادي الفلكلور);
 * so is a listed ordinary word the lists do not name as a club (فريق العمل، فريق البحث).
 */

function clubsAfterHeads(text: string, tokens: readonly Token[], words: readonly DocWord[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  let taken: Uint8Array | undefined;
  let added: EntityDetection[] | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const h = words[i]!;
    if (!(clubBits(h) & Club.Head)) continue;
    taken ??= coveredTokens(tokens, found);
    if (taken[i] || taken[i + 1] || lineBreakBetween(text, tokens, i + 1, i)) continue;
    if (!clubAfterHead(words[i + 1]!.norm, model)) continue;
    (added ??= []).push(spanOf(text, tokens, i + 1, i + 1, 'ORG', 'context'));
    taken[i + 1] = 1;
  }
  return added ? withAdded(found, added) : found;
}

function clubAfterHead(w: string, model: TaggerModel): boolean {
  if (!w.startsWith('ال') || w.length < 5 || !ARABIC_WORD.test(w)) return false;
  if (model.gaz.hand.organisations.has(w)) return true;
  if (listedCommonWord(w)) return false;
  return mostlyOrganisation(w, model);
}

/** Whether a folded Arabic word (in `lists`: listIndex) may be a place right after a strong place trigger (placesAfterTriggers). */
function placeAfterTrigger(w: string, lists: number, forms: readonly string[], model: TaggerModel): boolean {
  if (lists & (In.Function | In.Title | In.Speech | In.OrgHead | In.PlaceTrigger)) return false;
  // إسرائيلية, تاريخية, آمنة: an adjective, not a name, unless the lists know the town (بريدة).
  if (!w.startsWith('ال') && w.endsWith('ه') && !(lists & In.Place)) return false;
  // «منطقة ارتداد», «حي سكني»: an ordinary word without the article is the noun's complement.
  if (!w.startsWith('ال') && listedCommonWord(w) && !(lists & In.Place)) return false;
  if (mostlyCommon(w, model, 2) || forms.some((f) => mostlyCommon(f, model, 2))) return false;
  const c = model.gaz.lex.get(w);
  if (c && c[2] * 2 < c[1] + c[3] + c[4]) return false; // mostly another kind of name
  return true;
}

/**
 * A place or organisation from the hand lists that the training data never saw (الزلفي, ثادق)
 * and the tagger left untagged: the model knows such a word only through its list
 * class, which modern names outweigh less often than they should. Words the training data has
 * seen keep the tagger's verdict: it learnt from them in context.
 */
function listedPlacesAndBodies(text: string, tokens: readonly Token[], words: readonly DocWord[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  const taken = coveredTokens(tokens, found);
  const tokBits = bitsOfTokens(words);
  const added: EntityDetection[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const bits = bitsAt(tokBits, words, i, model);
    if (!(bits & (Bit.ListedLoc | Bit.ListedOrg))) continue;
    // A word the training data knows, in context only: after a preposition or a place noun.
    if (bits & Bit.Context && (i === 0 || lineBreakBetween(text, tokens, i, i - 1) || !(bitsAt(tokBits, words, i - 1, model) & Bit.BeforePlace))) continue;
    // المجمعة (a town, and «bulk»: الأرباح المجمعة), صور (Tyre, and pictures): a listed place that is
    // an ordinary word needs a place context, or ب or ل on it (بالمجمعة, للمجمعة).
    if (bits & Bit.PlaceContext && !placeContext(text, tokens, i, model)) continue;
    added.push(spanOf(text, tokens, i, i, bits & Bit.ListedLoc ? 'LOC' : 'ORG', 'gazetteer'));
  }
  return withAdded(found, added);
}

/**
 * Words that are places only in some contexts: «مسقط رأسه» (birthplace), «سرت أنباء» (news
 * spread), «باليمن والبركات» (with blessings), «مشهد» (scene). Each needs a sign that a place is
 * meant: a preposition or a place noun before it (في سرت, مدينة مشهد), and for مسقط no رأس after.
 */
const CONTEXT_PLACES = new Map<string, { before: boolean; notNext?: RegExp }>([
  ['مسقط', { before: false, notNext: /^[وفبل]?راس/ }],
  ['سرت', { before: true }],
  ['مشهد', { before: true }],
  ['اليمن', { before: false, notNext: /^وال?برك/ }],
]);


function dropWordsInContext(text: string, tokens: readonly Token[], words: readonly DocWord[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  if (found.length === 0) return found;
  let ti = 0;
  const kept = found.filter((e) => {
    while (ti < tokens.length && tokens[ti]!.end <= e.start) ti++;
    if (e.label !== 'LOC' || ti >= tokens.length || tokens[ti]!.end < e.end) return true; // several tokens
    const w = words[ti]!.norm;
    const forms = [w, ...words[ti]!.forms];
    const stem = forms.find((f) => CONTEXT_PLACES.has(f));
    if (stem === undefined) return true;
    const rule = CONTEXT_PLACES.get(stem)!;
    const next = ti + 1 < tokens.length && !lineBreakBetween(text, tokens, ti + 1, ti) ? words[ti + 1]!.norm : '';
    if (rule.notNext && rule.notNext.test(next)) return false;
    if (!rule.before || stem !== w) return true; // بسرت, لمشهد: the preposition is on the word
    if (ti === 0 || lineBreakBetween(text, tokens, ti, ti - 1)) return false;
    const prev = words[ti - 1]!;
    const h = model.gaz.hand;
    return [prev.norm, ...prev.forms].some((f) => PLACE_PREPOSITIONS.has(f) || h.placeTriggers.has(f));
  });
  return kept.length === found.length ? found : kept;
}

/**
 * A listed place the training data knows only as an ordinary word (الطائف: «اتفاق الطائف», 13
 * times O in ANERcorp), where a place is meant: after a preposition or a place noun (في الطائف,
 * محافظة الطائف), or with ب/ل on it (بالطائف). What the word alone says (its forms: the folded
 * word, then its clitic readings): 0 never a place, 1 always (the ب is on it), 2 after a
 * preposition or place noun only (listedPlacesAndBodies looks at the word before).
 */
function listedPlaceAlone(forms: readonly string[], model: TaggerModel): number {
  const h = model.gaz.hand;
  const stem = forms.find((f) => h.places.has(f));
  if (stem === undefined) return 0;
  const c = model.gaz.lex.get(stem);
  if (c && c[1] + c[3] + c[4] > c[2]) return 0; // mostly another kind of name
  // المدينة (the city, hundreds of times O) is a common noun first: only rarer words.
  if (c && c[0] + c[1] + c[2] + c[3] + c[4] >= 30) return 0;
  // صور (Tyre, and pictures): an ordinary word too, so «بصور» is «with pictures». Its place context
  // (a preposition or place noun before it, no adjective after it) is asked by wordBits's
  // PlaceContext bit, not by the word before alone.
  // (The hand list only: the training data's counts never overrule a listed place, الطائف.)
  if (listedCommonWord(stem)) return 1;
  // بالطائف: the preposition is on the word
  const prefix = forms[0]!.slice(0, Math.max(0, forms[0]!.length - stem.length));
  // (ب only: «للنيل من» is «to harm».)
  if (prefix.includes('ب')) return 1;
  return 2;
}

/** A one-word name that is a pronoun or a preposition with a pronoun (قال لي) is no name. */
function dropFunctionWords(found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  const words = model.gaz.hand.functionWords;
  const kept = found.filter((e) => {
    // A span of several tokens folds to words with a space between: never in the list.
    return !words.has(foldWord(e.text));
  });
  return kept.length === found.length ? found : kept;
}

/**
 * A one-word place, person or other name that is an ordinary word of the hand list (كومبيوتر,
 * كرفان, المطار, ارتداد) is no name: the tagger read it as one from its shape or its neighbours,
 * and the rules would spread it. Kept when the lists or the training data know the word as a name
 * of that type, and a place where a place is meant (في صور, منطقة العلم) or in a list of places
 * (الإسكندرية والبحيرة). Organisations keep the tagger's verdict: clubs and markets are named with ordinary
 * words (الاتفاق, الوحدة, تداول).
 */
const forms0 = (w: string): string[] => [w, ...cliticForms(w)];

/** Festival nouns: what follows is what the festival celebrates (التمور, العسل, الكليجا), not a name. */
const FESTIVALS = new Set('مهرجان لمهرجان بمهرجان ومهرجان'.split(' ').map(foldWord));

/**
 * Whether a person of several words is a run of ordinary words only («جيجا بايت», «جيجا هيرتز»):
 * every token in the hand list, none a name to the lists or the training data. Places (بيت لحم),
 * organisations and titles of ordinary words (عاصفة الصحراء, «طريق النار») are left to the tagger.
 */
function ordinaryRun(tokens: readonly Token[], first: number, e: EntityDetection, model: TaggerModel): boolean {
  if (e.label !== 'PER') return false;
  const h = model.gaz.hand;
  for (let k = first; k < tokens.length && tokens[k]!.start < e.end; k++) {
    const w = foldWord(tokens[k]!.text);
    if (!listedCommonWord(w)) return false;
    // (Clitic readings only of four letters or more: بايت is no ب + ايت.)
    if ([w, ...cliticForms(w).filter((f) => f.length >= 4)].some((f) => knownName(f, e.label, model) || h.givenNames.has(f) || h.people.has(f) || h.places.has(f))) return false;
  }
  return true;
}

const QUOTE_OPEN = /^[«"“”'‘]$/;
const QUOTE_CLOSE = /^[»"“”'’]$/;

function dropOrdinaryWords(text: string, tokens: readonly Token[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  if (found.length === 0) return found;
  const h = model.gaz.hand;
  const places = coveredTokens(tokens, found.filter((e) => e.label === 'LOC'));
  // «الإسكندرية والبحيرة ومطروح», «صلالة وطاقة ومرباط»: a place joined by و to a place.
  const inPlaceList = (k: number): boolean =>
    (k > 0 && places[k - 1] === 1 && tokens[k]!.text.startsWith('و')) || (k + 1 < tokens.length && places[k + 1] === 1 && tokens[k + 1]!.text.startsWith('و'));
  let ti = 0;
  const kept = found.filter((e) => {
    while (ti < tokens.length && tokens[ti]!.end <= e.start) ti++;
    if (e.label === 'ORG' || ti >= tokens.length) return true;
    if (tokens[ti]!.end < e.end) return !ordinaryRun(tokens, ti, e, model);
    const w = foldWord(tokens[ti]!.text);
    // مهرجان التمور, مهرجان الكليجا: the festival noun stays outside and what it celebrates is no
    // name (a word of the list, or one the training data never saw).
    if (e.label === 'MISC' && ti > 0 && FESTIVALS.has(foldWord(tokens[ti - 1]!.text)) && !forms0(w).some((f) => knownName(f, 'MISC', model) || h.places.has(f) || h.miscWords.has(f) || h.organisations.has(f))) {
      if (listedCommonWord(w) || !model.gaz.lex.has(w)) return false;
    }
    if (!listedCommonWord(w)) return true;
    // «المسافر», "الطلاق": a one-word title in quotes is a work's name (a film, a book).
    if (e.label === 'MISC' && QUOTE_OPEN.test(text.slice(Math.max(0, e.start - 1), e.start)) && QUOTE_CLOSE.test(text.slice(e.end, e.end + 1))) return true;
    const forms = [w, ...cliticForms(w)];
    if (forms.some((f) => knownNameStrongly(f, e.label, model) || h.givenNames.has(f) || h.people.has(f) || h.organisations.has(f) || homonymPlace(f))) return true;
    // منطقة العلم, بلدة الحديد, في صور: a place where a place is meant; «منطقة ارتداد مستمرة» is not.
    return e.label === 'LOC' && (placeContext(text, tokens, ti, model) || inPlaceList(ti));
  });
  return kept.length === found.length ? found : kept;
}
