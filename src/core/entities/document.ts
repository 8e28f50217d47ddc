// Document-level rules over the tagger's spans: a name found once is found everywhere (a later
// bare family name included), and every mention learns its canonical form, count and gloss.

import { tokenize, type Token } from '../arabic';
import type { EntityDetection, EntityLabel } from '../types';
import type { TaggerModel } from './model';
import { glossFor } from './glosses';
import { cliticForms, foldWord } from './normalize';

const LABEL_TYPE: Record<EntityLabel, number> = { PER: 1, LOC: 2, ORG: 3, MISC: 4 };

/**
 * Folded tokens of a span, proclitics off its first token when that is safe: the bare form is
 * another mention's first word, or what is left starts with the article (وبالعراق → العراق).
 * A name like فرنسا or وليد keeps its first letter.
 */
function keyTokens(text: string, known?: { has(word: string): boolean }): string[] {
  const toks = tokenize(text).map((t) => foldWord(t.text));
  if (toks.length > 0) {
    const forms = cliticForms(toks[0]!);
    const pick = forms.find((f) => known?.has(f) && f !== toks[0]) ?? forms.find((f) => f.startsWith('ال'));
    if (pick) toks[0] = pick;
  }
  return toks;
}

/** Whether the training data says a word is mostly an ordinary word (never tag it on a hunch). */
function mostlyCommon(word: string, model: TaggerModel, type: number): boolean {
  const c = model.gaz.lex.get(word);
  if (!c) return false;
  const total = c[0] + c[1] + c[2] + c[3] + c[4];
  return c[type]! * 2 < total && c[0] * 2 >= total;
}

export interface DocumentOptions {
  /** Tag untagged repeats of names found elsewhere in the document. */
  propagate?: boolean;
}

export function applyDocument(
  text: string,
  found: EntityDetection[],
  model: TaggerModel,
  options: DocumentOptions = {},
): EntityDetection[] {
  // The rules add spans but never change the text, so one tokenisation serves them all.
  const tokens = tokenize(text);
  let out = dropFunctionWords(found, model);
  out = dropWordsInContext(text, tokens, out, model);
  out = listedPeople(text, tokens, out, model);
  out = listContinuations(text, tokens, out, model);
  out = placesAfterTriggers(text, tokens, out, model);
  out = listedPlacesAndBodies(text, tokens, out, model);
  if (options.propagate !== false) out = propagate(text, tokens, out, model);
  out = dropWordsInContext(text, tokens, out, model);
  out = withoutProclitics(out, model);
  annotate(out, (word, label, listsOnly) => knownName(word, label, model, listsOnly));
  return out;
}

/**
 * Whether the lists or the training data know a folded word as a name of this type (سوريا and
 * إيران as places): then a proclitic may come off a mention that never appears bare
 * (وسوريا → سوريا).
 */
function knownName(word: string, label: EntityLabel, model: TaggerModel, listsOnly = false): boolean {
  const h = model.gaz.hand;
  const listed = label === 'LOC' ? h.places : label === 'ORG' ? h.organisations : label === 'PER' ? h.people : undefined;
  if (listed?.has(word) || (label === 'PER' && h.givenNames.has(word))) return true;
  if (listsOnly) return false;
  const c = model.gaz.lex.get(word);
  return c !== undefined && c[LABEL_TYPE[label]]! * 2 > c[0] + c[1] + c[2] + c[3] + c[4];
}

function propagate(text: string, tokens: readonly Token[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  // Known names: folded token sequence → label votes. A person's last name counts on its own.
  const votes = new Map<string, Map<EntityLabel, number>>();
  const vote = (key: string, label: EntityLabel, n: number): void => {
    let m = votes.get(key);
    if (!m) votes.set(key, (m = new Map()));
    m.set(label, (m.get(label) ?? 0) + n);
  };
  let maxLen = 1;
  const tagged = new Map<string, number>();
  const aliases = new Set<string>();
  const known = new Set(found.map((e) => foldWord(tokenize(e.text)[0]?.text ?? '')));
  // Lines where each one-word person key was tagged: a file may hold many stories, and a bare
  // surname (دين) far from its full name is more often an ordinary word than the same person.
  const lineOf = lineIndex(text);
  const perLines = new Map<string, number[]>();
  const perAt = (key: string, pos: number): void => {
    let l = perLines.get(key);
    if (!l) perLines.set(key, (l = []));
    l.push(lineOf(pos));
  };
  for (const e of found) {
    const toks = keyTokens(e.text, known);
    if (e.label === 'PER' && toks.length > 0) perAt(toks[toks.length - 1]!, e.start);
    if (e.label === 'PER' && toks.length === 1) perAt(toks[0]!, e.start);
    if (toks.length === 0) continue;
    maxLen = Math.max(maxLen, toks.length);
    const key = toks.join(' ');
    vote(key, e.label, 2);
    tagged.set(key, (tagged.get(key) ?? 0) + 1);
    if (e.label === 'PER' && toks.length >= 2) {
      const last = toks[toks.length - 1]!;
      if (last.length >= 3 && !mostlyCommon(last, model, 1) && !COMPOUND_TAILS.has(last) && !afterConnector(toks, model) && !runOnSpan(toks, model)) {
        vote(last, 'PER', 1);
        aliases.add(last);
      }
    }
  }
  if (votes.size === 0) return found;
  for (const l of perLines.values()) l.sort((a, b) => a - b);
  const covered = coveredTokens(tokens, found);
  const added: EntityDetection[] = [];
  const pending: Array<{ i: number; len: number; label: EntityLabel; key: string }> = [];
  const firsts = new Set<string>();
  for (const k of votes.keys()) firsts.add(k.split(' ')[0]!);
  const folded = tokens.map((t) => foldWord(t.text));
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const first = folded[i]!;
    const candidates = [first, ...cliticForms(first)].filter((f) => firsts.has(f));
    if (candidates.length === 0) continue;
    for (let len = Math.min(maxLen, tokens.length - i); len >= 1; len--) {
      let free = true;
      for (let k = i; k < i + len; k++) if (covered[k] || lineBreakBetween(text, tokens, k, i)) free = false;
      if (!free) continue;
      const restKey = folded.slice(i + 1, i + len).join(' ');
      let label: EntityLabel | undefined;
      let matchedKey = '';
      for (const f of candidates) {
        const key = len > 1 ? f + ' ' + restKey : f;
        const m = votes.get(key);
        if (!m) continue;
        const best = [...m.entries()].sort((a, b) => b[1] - a[1])[0]!;
        if (len === 1 && (mostlyCommon(f, model, LABEL_TYPE[best[0]]) || mostlyCommon(first, model, LABEL_TYPE[best[0]]))) continue;
        // A person's one-word name does not take the article: الدين (debt) is not the Dein of
        // another story in the same file.
        if (len === 1 && best[0] === 'PER' && f !== first && first.endsWith('ال' + f)) continue;
        // الحكومة السعودية, الحدود السعودية: an adjective after a definite noun, not the country.
        if (len === 1 && best[0] === 'LOC' && f === first && adjectiveAfterNoun(tokens, folded, i, model)) continue;
        // بي12 (a vitamin), C4: a word of letters and digits is no name to spread (ويندوز 10 is).
        if (/[^\s0-9][0-9]|[0-9][^\s0-9]/.test(key)) continue;
        if (len === 1 && best[0] === 'PER') {
          const here = lineOf(tokens[i]!.start);
          if (!hasLineNear(perLines.get(key), here)) continue;
        }
        label = best[0];
        matchedKey = key;
        break;
      }
      if (!label) continue;
      pending.push({ i, len, label, key: matchedKey });
      for (let k = i; k < i + len; k++) covered[k] = 1;
      break;
    }
  }
  // A name the tagger left untagged more often than it tagged it was probably a guess.
  const untagged = new Map<string, number>();
  for (const p of pending) untagged.set(p.key, (untagged.get(p.key) ?? 0) + 1);
  for (const p of pending) {
    const { i, len, label } = p;
    const guess = (untagged.get(p.key) ?? 0) > (tagged.get(p.key) ?? 0);
    if (label === 'PER' && len === 1 && !aliases.has(p.key) && guess) continue;
    // The same for a one-word organisation or other name, unless the lists or the training data
    // know the word as one: a common word the tagger took for a name once (التمور, الشيك) is left
    // alone where it did not. (Places keep spreading: a town is often named bare after a first
    // mention the tagger found from its context.)
    if ((label === 'ORG' || label === 'MISC') && len === 1 && guess && !knownName(p.key, label, model)) continue;
    added.push(spanOf(text, tokens, i, i + len - 1, label, 'document'));
  }
  return withAdded(found, added);
}

/**
 * Second halves of compound given names (نور الدين, عبد الله, عبد الرحمن): not a surname, so a
 * name ending in one does not make the word a person elsewhere (الدين is religion, الله God).
 */
const COMPOUND_TAILS = new Set('الدين الله الرحمن الرحيم الإسلام النبي'.split(' ').map(foldWord));

/**
 * Whether the last word of a person's name is bound to the connector before it (عبد الكريم, أبو
 * مازن, آل سعود): half of a compound, not a surname that names the person alone.
 */
function afterConnector(toks: readonly string[], model: TaggerModel): boolean {
  return toks.length >= 2 && model.gaz.hand.connectors.has(toks[toks.length - 2]!);
}

/**
 * Whether a long person span reads as a name run on into the sentence («متعب بن عبدالله يعايد
 * منسوبي»: visits the staff): five words or more, the one before the last neither a connector, a
 * given name, a compound name's second half (عبد الله), a word after a connector (عبد ربه), a
 * family nisba (العماري) nor a word the training data knows as part of a person's name. Its last word is then
 * no surname to spread.
 */
function runOnSpan(toks: readonly string[], model: TaggerModel): boolean {
  if (toks.length < 5) return false;
  const w = toks[toks.length - 2]!;
  const h = model.gaz.hand;
  // عبد ربه, بن سالم: the word after a connector is a name; العماري: a family nisba.
  if (h.connectors.has(toks[toks.length - 3]!) || /^ال.{2,}ي$/.test(w)) return false;
  return !(h.connectors.has(w) || h.givenNames.has(w) || COMPOUND_TAILS.has(w) || mostlyPerson(w, model));
}

/**
 * Names in a list: right after a person (and an optional comma), «وX Y» where X is a given name
 * is the next person (، وعلي الحجار ، ونيكول سابا); the tagger often stops after the first.
 */
function listContinuations(text: string, tokens: readonly Token[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
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
    const w = foldWord(tokens[j]!.text);
    // «وعلى» (and on) folds to «وعلي» (and Ali): the preposition as written is no name.
    if (tokens[j]!.text.endsWith('على')) continue;
    if (w.length < 4 || w.charCodeAt(0) !== 0x0648 || !(given.has(w.slice(1)) || mostlyPerson(w.slice(1), model))) continue;
    let end = j;
    const next = j + 1 < tokens.length ? tokens[j + 1]! : undefined;
    if (next && !taken[j + 1] && !lineBreakBetween(text, tokens, j + 1, j) && ARABIC_WORD.test(foldWord(next.text))) {
      const nw = foldWord(next.text);
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
function listedPeople(text: string, tokens: readonly Token[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  const people = model.gaz.hand.people;
  const taken = coveredTokens(tokens, found);
  const added: EntityDetection[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const w = foldWord(tokens[i]!.text);
    if (!people.has(w) && !cliticForms(w).some((f) => people.has(f))) continue;
    let first = i;
    if (i > 0 && !taken[i - 1] && !lineBreakBetween(text, tokens, i, i - 1) && model.gaz.hand.givenNames.has(foldWord(tokens[i - 1]!.text))) first = i - 1;
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

function placesAfterTriggers(text: string, tokens: readonly Token[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  const taken = coveredTokens(tokens, found);
  const h = model.gaz.hand;
  const added: EntityDetection[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (taken[i] || taken[i + 1] || lineBreakBetween(text, tokens, i + 1, i)) continue;
    const t = foldWord(tokens[i]!.text);
    if (!STRONG_PLACE_TRIGGERS.has(t) && !cliticForms(t).some((f) => STRONG_PLACE_TRIGGERS.has(f))) continue;
    const w = foldWord(tokens[i + 1]!.text);
    if (!ARABIC_WORD.test(w)) continue;
    if (h.functionWords.has(w) || h.titles.has(w) || h.speech.has(w) || h.orgHeads.has(w) || h.placeTriggers.has(w)) continue;
    // إسرائيلية, تاريخية, آمنة: an adjective, not a name, unless the lists know the town (بريدة).
    if (!w.startsWith('ال') && w.endsWith('ه') && !h.places.has(w)) continue;
    if (mostlyCommon(w, model, 2) || cliticForms(w).some((f) => mostlyCommon(f, model, 2))) continue;
    const c = model.gaz.lex.get(w);
    if (c && c[2] * 2 < c[1] + c[3] + c[4]) continue; // mostly another kind of name
    added.push(spanOf(text, tokens, i + 1, i + 1, 'LOC', 'context'));
    taken[i + 1] = 1;
  }
  return withAdded(found, added);
}

/**
 * A place or organisation from the hand lists that the training data never saw (الزلفي, ثادق)
 * and the tagger left untagged: the model knows such a word only through its list
 * class, which modern names outweigh less often than they should. Words the training data has
 * seen keep the tagger's verdict: it learnt from them in context.
 */
function listedPlacesAndBodies(text: string, tokens: readonly Token[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  const taken = coveredTokens(tokens, found);
  const h = model.gaz.hand;
  const added: EntityDetection[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const w = foldWord(tokens[i]!.text);
    if (!ARABIC_WORD.test(w)) continue;
    const forms = [w, ...cliticForms(w)];
    if (forms.some((f) => model.gaz.lex.has(f)) && !listedPlaceInContext(text, tokens, i, forms, model)) continue;
    const label: EntityLabel | undefined = forms.some((f) => h.places.has(f))
      ? 'LOC'
      : forms.some((f) => h.organisations.has(f))
        ? 'ORG'
        : undefined;
    if (!label) continue;
    added.push(spanOf(text, tokens, i, i, label, 'gazetteer'));
  }
  return withAdded(found, added);
}

/** Whether the hand lists know a folded word as a place, body, public figure or given name. */
function listedName(word: string, model: TaggerModel): boolean {
  const h = model.gaz.hand;
  return h.places.has(word) || h.organisations.has(word) || h.people.has(word) || h.givenNames.has(word);
}

/** Whether the training data tagged a folded word (clitics and all, as ANERcorp has it) as a name more often than not. */
function lexName(word: string, model: TaggerModel): boolean {
  const c = model.gaz.lex.get(word);
  return c !== undefined && (c[1] + c[2] + c[3] + c[4]) * 2 > c[0] + c[1] + c[2] + c[3] + c[4];
}

/**
 * Spans without the proclitics attached to their first word (وبغداد → بغداد, بمكة → مكة,
 * والسعودية → السعودية), as Khabar's spans are defined: the quote, the hover and the exports name
 * the entity itself. A proclitic comes off only when what is left is a name the lists or the
 * training data know, or starts with the article while the whole word is unknown (والعرضيات), and
 * never when the whole word is itself a listed name (بغداد, لبنان, كندا, فرنسا keep their first
 * letter). ل + ال (للأمم) keeps its ل: the article's alef is not in the text. Token-level scoring
 * (ANERcorp, the CoNLL export) is unchanged: a span that starts inside a token still tags it.
 */
export function withoutProclitics(found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  // Words of the document's mentions, folded: a bare form the document itself names
  // (جوزيب بارتوميو … وبارتوميو) is known too, whatever the lists say.
  const firsts = new Set<string>();
  for (const e of found) {
    for (const m of e.text.matchAll(/[\u0621-\u065f\u0670-\u06d3\u0640]+/g)) firsts.add(foldWord(m[0]));
  }
  // Whole mentions of several words, folded: «ودير الزغب» is «دير الزغب» when the document also
  // names it bare, though a stem of three letters (دير) is not enough on its own.
  const phrases = new Set<string>();
  for (const e of found) if (/\s/.test(e.text)) phrases.add(foldPhrase(e.text));
  let changed = false;
  const out = found.map((e) => {
    const cut = procliticLength(e.text, model, firsts) || phraseProclitic(e.text, phrases);
    if (cut === 0) return e;
    changed = true;
    return { ...e, start: e.start + cut, text: e.text.slice(cut) };
  });
  return changed ? out : found;
}

/** A text's words folded and joined by one space. */
function foldPhrase(text: string): string {
  return text.trim().split(/\s+/).map(foldWord).join(' ');
}

/**
 * Proclitics (one or two of و ف ب ك ل) before a mention of several words that the document also
 * names without them (ودير الزغب … دير الزغب): their length, or 0.
 */
function phraseProclitic(spanText: string, phrases: ReadonlySet<string>): number {
  if (!/\s/.test(spanText)) return 0;
  for (let k = 1; k <= 2; k++) {
    if (!'وفبكل'.includes(spanText[k - 1]!)) return 0;
    if (phrases.has(foldPhrase(spanText.slice(k)))) return k;
  }
  return 0;
}

/** How many characters of proclitics to take off the start of a span's text (0: none). */
function procliticLength(spanText: string, model: TaggerModel, firsts: ReadonlySet<string>): number {
  const c0 = spanText.charCodeAt(0);
  // و ف ب ك ل: anything else starts no proclitic.
  if (c0 !== 0x0648 && c0 !== 0x0641 && c0 !== 0x0628 && c0 !== 0x0643 && c0 !== 0x0644) return 0;
  let end = 0;
  while (end < spanText.length && ARABIC_LETTER_OR_MARK.test(spanText[end]!)) end++;
  const raw = spanText.slice(0, end);
  const word = foldWord(raw);
  // The lists hold bare names: بغداد, لبنان, كندا are names as written.
  if (listedName(word, model)) return 0;
  // ANERcorp tags whole tokens, so its statistics know بالعراق as a place just as they know
  // بلير as a person: a stem they also know overrules the whole word only with the article
  // (بالعراق → العراق), or when the lists know it (وسوريا → سوريا).
  const wordIsName = lexName(word, model);
  const lex = model.gaz.lex;
  for (const form of cliticForms(word)) {
    const article = form.startsWith('ال');
    const known =
      listedName(form, model) ||
      (form.length >= 4 && firsts.has(form)) ||
      // A stem of three letters the lists do not hold is too often a different word (باغا, a
      // town, is not ب + آغا).
      (form.length >= 4 && lexName(form, model) && (article || !wordIsName)) ||
      (article && form.length >= 5 && !lex.has(word));
    if (!known) continue;
    for (let k = 1; k <= 3 && k < raw.length; k++) {
      if (foldWord(raw.slice(k)) === form) return k;
    }
  }
  return 0;
}

/** Arabic letters and the marks that may sit on them (harakat, tatweel): one word's characters. */
const ARABIC_LETTER_OR_MARK = /[\u0621-\u065f\u0670-\u06d3\u0640]/;

/**
 * Whether token i is a nisba adjective (السعودية, العربية: the article, then …ية or …ي) right after
 * a definite noun that is not itself part of a name: «الحكومة السعودية», «السوق السعودية». The
 * country after a preposition or a verb (إلى السعودية, زار السعودية) is not affected.
 */
function adjectiveAfterNoun(tokens: readonly Token[], folded: readonly string[], i: number, model: TaggerModel): boolean {
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

/** Words before a place: prepositions, and the place nouns of the hand lists (مدينة, محافظة). */
const PLACE_PREPOSITIONS = new Set('في إلى الى من عن حتى نحو قرب داخل خارج أنحاء'.split(' ').map(foldWord));

function dropWordsInContext(text: string, tokens: readonly Token[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  if (found.length === 0) return found;
  let ti = 0;
  const kept = found.filter((e) => {
    while (ti < tokens.length && tokens[ti]!.end <= e.start) ti++;
    if (e.label !== 'LOC' || ti >= tokens.length || tokens[ti]!.end < e.end) return true; // several tokens
    const w = foldWord(tokens[ti]!.text);
    const forms = [w, ...cliticForms(w)];
    const stem = forms.find((f) => CONTEXT_PLACES.has(f));
    if (stem === undefined) return true;
    const rule = CONTEXT_PLACES.get(stem)!;
    const next = ti + 1 < tokens.length && !lineBreakBetween(text, tokens, ti + 1, ti) ? foldWord(tokens[ti + 1]!.text) : '';
    if (rule.notNext && rule.notNext.test(next)) return false;
    if (!rule.before || stem !== w) return true; // بسرت, لمشهد: the preposition is on the word
    if (ti === 0 || lineBreakBetween(text, tokens, ti, ti - 1)) return false;
    const prev = foldWord(tokens[ti - 1]!.text);
    const h = model.gaz.hand;
    return [prev, ...cliticForms(prev)].some((f) => PLACE_PREPOSITIONS.has(f) || h.placeTriggers.has(f));
  });
  return kept.length === found.length ? found : kept;
}


/**
 * A listed place the training data knows only as an ordinary word (الطائف: «اتفاق الطائف», 13
 * times O in ANERcorp), where a place is meant: after a preposition or a place noun (في الطائف,
 * محافظة الطائف), or with ب/ل on it (بالطائف).
 */
function listedPlaceInContext(text: string, tokens: readonly Token[], i: number, forms: readonly string[], model: TaggerModel): boolean {
  const h = model.gaz.hand;
  const stem = forms.find((f) => h.places.has(f));
  if (stem === undefined) return false;
  const c = model.gaz.lex.get(stem);
  if (c && c[1] + c[3] + c[4] > c[2]) return false; // mostly another kind of name
  // المدينة (the city, hundreds of times O) is a common noun first: only rarer words.
  if (c && c[0] + c[1] + c[2] + c[3] + c[4] >= 30) return false;
  // بالطائف: the preposition is on the word
  const prefix = forms[0]!.slice(0, Math.max(0, forms[0]!.length - stem.length));
  // (ب only: «للنيل من» is «to harm».)
  if (prefix.includes('ب')) return true;
  if (i === 0 || lineBreakBetween(text, tokens, i, i - 1)) return false;
  const prev = foldWord(tokens[i - 1]!.text);
  return [prev, ...cliticForms(prev)].some((f) => PLACE_PREPOSITIONS.has(f) || h.placeTriggers.has(f));
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

/** 1 for each token inside one of the spans (sorted by start, as the tagger returns them). */
function coveredTokens(tokens: readonly Token[], found: readonly EntityDetection[]): Uint8Array {
  const covered = new Uint8Array(tokens.length);
  let ti = 0;
  for (const e of found) {
    while (ti < tokens.length && tokens[ti]!.end <= e.start) ti++;
    for (let k = ti; k < tokens.length && tokens[k]!.start < e.end; k++) covered[k] = 1;
  }
  return covered;
}

/** A folded token of three or more Arabic letters, nothing else: a candidate name word. */
const ARABIC_WORD = /^[\u0621-\u064a]{3,}$/;

/** A rule's added spans merged into the found ones, in text order (`found` itself when none). */
function withAdded(found: EntityDetection[], added: EntityDetection[]): EntityDetection[] {
  return added.length === 0 ? found : [...found, ...added].sort((a, b) => a.start - b.start);
}

/** The entity spanning tokens first…last. */
function spanOf(
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

/** Whether the training data tagged a word as part of a person's name more often than not. */
function mostlyPerson(word: string, model: TaggerModel): boolean {
  const c = model.gaz.lex.get(word);
  return c !== undefined && c[1] * 2 > c[0] + c[1] + c[2] + c[3] + c[4];
}

/** How many lines away a bare person name may still be propagated. */
const PER_LINES = 20;

/**
 * Whether a sorted list of line numbers holds one within PER_LINES of `here`: a binary search, as
 * a name tagged on thousands of lines of one big file made a scan of them all per token quadratic.
 */
function hasLineNear(lines: readonly number[] | undefined, here: number): boolean {
  if (!lines) return false;
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]! < here - PER_LINES) lo = mid + 1;
    else hi = mid;
  }
  return lo < lines.length && lines[lo]! <= here + PER_LINES;
}

/** Line number of a text offset, for offsets asked in any order. */
function lineIndex(text: string): (pos: number) => number {
  const starts: number[] = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) starts.push(k + 1);
  return (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

function lineBreakBetween(text: string, tokens: readonly Token[], k: number, first: number): boolean {
  if (k <= first) return false;
  for (let c = tokens[k - 1]!.end; c < tokens[k]!.start; c++) if (text.charCodeAt(c) === 10) return true;
  return false;
}

/** Canonical form (the fullest mention containing this one), mention count and gloss. */
function annotate(
  found: EntityDetection[],
  isName: (folded: string, label: EntityLabel, listsOnly?: boolean) => boolean = () => false,
): void {
  // Raw first words of all mentions, folded: a bare form is used only if the document has it, or
  // the lists or the training data know it as a name of the mention's type while the lists do not
  // know the written word itself (بكين stays بكين; كين is no place anyway).
  const rawFirsts = new Set(found.map((e) => foldWord(tokenize(e.text)[0]?.text ?? '')));
  const knownFor = (e: EntityDetection): { has(w: string): boolean } => {
    const first = foldWord(tokenize(e.text)[0]?.text ?? '');
    const written = isName(first, e.label, true);
    return { has: (w) => rawFirsts.has(w) || (!written && isName(w, e.label)) };
  };
  const knowns = found.map(knownFor);
  const keys = found.map((e, i) => keyTokens(e.text, knowns[i]));
  // The canonical mention of i is the longest mention of its type whose key contains i's key as a
  // run of words (the earliest of equals), or i itself when none is longer. Every run of every key is
  // indexed once, so this is linear in the mentions (keys are a few words) where comparing every
  // pair made long documents quadratic.
  const longestContaining = new Map<string, number>();
  for (let j = 0; j < found.length; j++) {
    const key = keys[j]!;
    for (let a = 0; a < key.length; a++) {
      for (let b = a + 1; b <= key.length; b++) {
        const run = found[j]!.label + RUN_SEP + key.slice(a, b).join(RUN_SEP);
        const held = longestContaining.get(run);
        if (held === undefined || keys[held]!.length < key.length) longestContaining.set(run, j);
      }
    }
  }
  const canonicalOf = found.map((e, i) => {
    const key = keys[i]!;
    if (key.length === 0) return i;
    const j = longestContaining.get(e.label + RUN_SEP + key.join(RUN_SEP))!;
    return keys[j]!.length > key.length ? j : i;
  });
  const canonicalText = (i: number): string => {
    const e = found[canonicalOf[i]!]!;
    const first = tokenize(e.text)[0];
    if (!first) return e.text;
    const raw = first.text;
    const folded = foldWord(raw);
    const bare = keys[canonicalOf[i]!]![0]!;
    const cut = folded.length - bare.length;
    if (cut > 0 && raw.length === folded.length && knowns[canonicalOf[i]!]!.has(bare) && foldWord(raw.slice(cut)) === bare) {
      return raw.slice(cut) + e.text.slice(first.end);
    }
    return e.text;
  };
  const counts = new Map<string, number>();
  const texts = found.map((_, i) => canonicalText(i));
  found.forEach((e, i) => counts.set(e.label + '\u0000' + texts[i], (counts.get(e.label + '\u0000' + texts[i]) ?? 0) + 1));
  found.forEach((e, i) => {
    e.canonical = texts[i]!;
    e.mentions = counts.get(e.label + '\u0000' + texts[i])!;
    const gloss = glossFor(texts[i]!, e.label) ?? glossFor(e.text, e.label);
    if (gloss) e.gloss = gloss;
  });
}

/** Joins a label and key words into one map key; never part of a word. */
const RUN_SEP = '\u0001';
