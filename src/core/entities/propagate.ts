// The document rule that a name found once is found everywhere: untagged repeats of a tagged name
// (a later bare family name included) take its label, with the checks that keep ordinary words,
// adjectives and another story's names from being spread.

import { tokenize, type Token } from '../arabic';
import type { EntityDetection, EntityLabel } from '../types';
import type { TaggerModel } from './tagger';
import type { DocWord } from './document';
import { foldWord } from './normalize';
import { homonymPlace, listedCommonWord } from './commonWords';
import { ARABIC_WORD, LABEL_TYPE, adjectiveAfterNoun, coveredTokens, keyOfTokens, keyTokens, knownName, lineBreakBetween, mostlyCommon, mostlyPerson, homonymContext, knownNameStrongly, ordinaryWord, placeContext, spanOf, withAdded } from './documentWords';

export function propagate(text: string, tokens: readonly Token[], words: readonly DocWord[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  const names = collectNames(text, found, model);
  if (names.votes.size === 0) return found;
  const covered = coveredTokens(tokens, found);
  const repeats = findRepeats(text, tokens, words, covered, model, names);
  const added = keptRepeats(text, tokens, words, covered, repeats, model, names);
  return added.length === 0 ? found : withFirstNames(text, tokens, words, found, added, model, names);
}

/**
 * The repeats added, each surname that completes a tagged first name right before it merged into
 * one span: the tagger found «ديفيد» and the rule «لين» of «ديفيد لين», or «عبدالله بن عبدالعزيز»
 * and «الربيعة». Merged when the two together are a name the document tagged, or the first span is
 * given names and connectors only (a first name waiting for its surname). Two names side by side
 * (اتفق أوباما بوتين) stay apart: neither condition holds.
 */
function withFirstNames(
  text: string,
  tokens: readonly Token[],
  words: readonly DocWord[],
  found: EntityDetection[],
  added: EntityDetection[],
  model: TaggerModel,
  names: Names,
): EntityDetection[] {
  const all = withAdded(found, added);
  const h = model.gaz.hand;
  const out: EntityDetection[] = [];
  let ti = 0;
  for (const e of all) {
    const prev = out[out.length - 1];
    if (e.source === 'document' && e.label === 'PER' && prev && prev.label === 'PER' && prev.source !== 'document') {
      while (ti < tokens.length && tokens[ti]!.end <= e.start) ti++;
      // The first span ends on the token right before, with nothing but spaces between.
      // «بين صالح والثني»: a surname with و on it starts the next person of a list.
      const conjunction = /^[وف]/.test(tokens[ti]?.text ?? '') && keyTokens(e.text)[0] !== words[ti]?.norm;
      if (ti > 0 && !conjunction && tokens[ti]!.start === e.start && tokens[ti - 1]!.end === prev.end && !lineBreakBetween(text, tokens, ti, ti - 1)) {
        const firstToks: string[] = [];
        let k = ti - 1;
        while (k >= 0 && tokens[k]!.start >= prev.start) firstToks.unshift(words[k--]!.norm);
        const votes = names.votes.get([...firstToks, ...keyTokens(e.text)].join(' ')) ?? names.votes.get(keyTokens(text.slice(prev.start, e.end)).join(' '));
        const firstOnly = firstToks.length <= 4 && firstToks.every((w) => h.givenNames.has(w) || h.connectors.has(w));
        if ((votes && (votes.get('PER') ?? 0) > 0) || firstOnly) {
          out[out.length - 1] = { ...prev, end: e.end, text: text.slice(prev.start, e.end), source: 'document' };
          continue;
        }
      }
    }
    out.push(e);
  }
  return out;
}

/** What the tagged spans say: each name's label votes, and where each person's name was seen. */
interface Names {
  /** Folded token sequence → label votes. A person's last name counts on its own. */
  votes: Map<string, Map<EntityLabel, number>>;
  /** Tokens in the longest name. */
  maxLen: number;
  /** How often the tagger itself tagged each name. */
  tagged: Map<string, number>;
  /** Last names voted for on their own (from a tagged full name). */
  aliases: Set<string>;
  /** Lines where each one-word person key was tagged (sorted). */
  perLines: Map<string, number[]>;
  lineOf: (pos: number) => number;
}

function collectNames(text: string, found: EntityDetection[], model: TaggerModel): Names {
  const votes = new Map<string, Map<EntityLabel, number>>();
  const vote = (key: string, label: EntityLabel, n: number): void => {
    let m = votes.get(key);
    if (!m) votes.set(key, (m = new Map()));
    m.set(label, (m.get(label) ?? 0) + n);
  };
  let maxLen = 1;
  const tagged = new Map<string, number>();
  const aliases = new Set<string>();
  const spanTokens = found.map((e) => tokenize(e.text));
  const known = new Set(spanTokens.map((t) => foldWord(t[0]?.text ?? '')));
  // Lines where each one-word person key was tagged: a file may hold many stories, and a bare
  // surname (دين) far from its full name is more often an ordinary word than the same person.
  const lineOf = lineIndex(text);
  const perLines = new Map<string, number[]>();
  const perAt = (key: string, pos: number): void => {
    let l = perLines.get(key);
    if (!l) perLines.set(key, (l = []));
    l.push(lineOf(pos));
  };
  for (let i = 0; i < found.length; i++) {
    const e = found[i]!;
    const toks = keyOfTokens(spanTokens[i]!, known);
    if (e.label === 'PER' && toks.length > 0) perAt(toks[toks.length - 1]!, e.start);
    if (e.label === 'PER' && toks.length === 1) perAt(toks[0]!, e.start);
    if (toks.length === 0) continue;
    maxLen = Math.max(maxLen, toks.length);
    const key = toks.join(' ');
    vote(key, e.label, 2);
    tagged.set(key, (tagged.get(key) ?? 0) + 1);
    if (e.label === 'PER' && toks.length >= 2 && SURNAME_PARTICLES.has(toks[toks.length - 2]!)) {
      if (toks.length === 2) continue; // «دي خيا» is its own key; «خيا» alone is no alias
      // «لويس فان غال», «ديفيد دي خيا»: the surname is the particle and the word after it.
      const alias = toks.slice(-2).join(' ');
      vote(alias, 'PER', 1);
      aliases.add(alias);
      perAt(alias, e.start);
    } else if (e.label === 'PER' && toks.length >= 2) {
      const last = toks[toks.length - 1]!;
      // «ليلى عصا», «فايز جاحد», «توعية الحاج»: a span run on into an ordinary word or a title
      // does not make the word a surname.
      if (last.length >= 3 && !mostlyCommon(last, model, 1) && !ordinaryWord(last, model) && !titleRunOn(toks, model) && !COMPOUND_TAILS.has(last) && !afterConnector(toks, model) && !runOnSpan(toks, model)) {
        vote(last, 'PER', 1);
        aliases.add(last);
      }
    }
  }
  for (const l of perLines.values()) l.sort((a, b) => a - b);
  return { votes, maxLen, tagged, aliases, perLines, lineOf };
}

/** An untagged run of tokens that repeats a tagged name. */
interface Repeat {
  i: number;
  len: number;
  label: EntityLabel;
  key: string;
}

/** Untagged repeats of the names, longest first at each token, never across a line break. */
function findRepeats(text: string, tokens: readonly Token[], words: readonly DocWord[], tagged: Uint8Array, model: TaggerModel, names: Names): Repeat[] {
  // (A copy: the repeats found mark their tokens, and keptRepeats still needs the tagged ones.)
  const covered = tagged.slice();
  const repeats: Repeat[] = [];
  // First word of each name → the lengths (in tokens) of the names it opens, as bits (bit 31: 31
  // or more), so a run is only joined into a key at the lengths some name has.
  const firsts = new Map<string, number>();
  // The last two letters of every first word of two letters or more, as bits: a token's folded form
  // and its clitic readings (cliticForms takes letters off the front only, and leaves three or
  // more) all end in the same two letters, so a token whose two do not open any name is passed by
  // one bit test instead of a lookup per reading.
  const ends = new Uint32Array(ENDS_WORDS);
  for (const k of names.votes.keys()) {
    const space = k.indexOf(' ');
    const first = space < 0 ? k : k.slice(0, space);
    let len = 1;
    for (let c = space; c >= 0; c = k.indexOf(' ', c + 1)) len++;
    firsts.set(first, (firsts.get(first) ?? 0) | lengthBit(len));
    if (first.length >= 2) {
      const e = endPair(first);
      ends[e >>> 5]! |= 1 << (e & 31);
    }
  }
  const folded = words.map((w) => w.norm);
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const first = folded[i]!;
    if (first.length >= 2) {
      const e = endPair(first);
      if (!(ends[e >>> 5]! & (1 << (e & 31)))) continue;
    }
    const forms = words[i]!.forms;
    let lengths = firsts.get(first) ?? 0;
    for (const f of forms) lengths |= firsts.get(f) ?? 0;
    if (lengths === 0) continue;
    const candidates = [first, ...forms].filter((f) => firsts.has(f));
    // The longest run from i of tokens neither tagged nor after a line break, up to the longest
    // name the candidates open: no longer name fits.
    const top = 31 - Math.clz32(lengths);
    let room = 0;
    const most = Math.min(names.maxLen, tokens.length - i, top === 31 ? names.maxLen : top);
    while (room < most && !covered[i + room] && !lineBreakBetween(text, tokens, i + room, i)) room++;
    for (let len = room; len >= 1; len--) {
      // No name of this length opens with any candidate: repeatLabel would find none.
      if (!(lengths & lengthBit(len))) continue;
      const restKey = len > 1 ? folded.slice(i + 1, i + len).join(' ') : '';
      const match = repeatLabel(tokens, folded, i, len, candidates, restKey, model, names);
      if (!match) continue;
      repeats.push({ i, len, label: match.label, key: match.key });
      for (let k = i; k < i + len; k++) covered[k] = 1;
      break;
    }
  }
  return repeats;
}

/** Words of the bit set of endPair's values. */
const ENDS_WORDS = 128;

/** A word's last two letters as 12 bits (Arabic letters differ in their low six bits). */
function endPair(w: string): number {
  return ((w.charCodeAt(w.length - 2) & 63) << 6) | (w.charCodeAt(w.length - 1) & 63);
}

/** A name length as one bit of a 32-bit mask; 31 tokens or more share the top bit. */
function lengthBit(len: number): number {
  return 1 << Math.min(len, 31);
}

/** The label a run of `len` tokens at i takes from the names (each clitic reading of its first word tried), if any. */
function repeatLabel(
  tokens: readonly Token[],
  folded: readonly string[],
  i: number,
  len: number,
  candidates: readonly string[],
  restKey: string,
  model: TaggerModel,
  names: Names,
): { label: EntityLabel; key: string } | undefined {
  const first = folded[i]!;
  for (const f of candidates) {
    const key = len > 1 ? f + ' ' + restKey : f;
    const m = names.votes.get(key);
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
    if (len === 1 && best[0] === 'PER' && !hasLineNear(names.perLines.get(key), names.lineOf(tokens[i]!.start))) continue;
    return { label: best[0], key };
  }
  return undefined;
}

/** The repeats kept as spans: a name the tagger left untagged more often than it tagged it was probably a guess. */
function keptRepeats(
  text: string,
  tokens: readonly Token[],
  words: readonly DocWord[],
  covered: Uint8Array,
  repeats: readonly Repeat[],
  model: TaggerModel,
  names: Names,
): EntityDetection[] {
  const untagged = new Map<string, number>();
  for (const p of repeats) untagged.set(p.key, (untagged.get(p.key) ?? 0) + 1);
  const added: EntityDetection[] = [];
  for (const p of repeats) {
    const { i, len, label } = p;
    const guess = (untagged.get(p.key) ?? 0) > (names.tagged.get(p.key) ?? 0);
    if (label === 'PER' && len === 1 && !names.aliases.has(p.key) && guess) continue;
    // The same for a one-word organisation or other name, unless the lists or the training data
    // know the word as one: a common word the tagger took for a name once (التمور, الشيك) is left
    // alone where it did not. (Places keep spreading: a town is often named bare after a first
    // mention the tagger found from its context.)
    // A word with the article that the training data saw only once or twice (المحامين, seen once
    // inside «نقابة المحامين»; الميليشيات, الإنسولين) is an ordinary noun; one without it (صافولا,
    // ويندوز) is a foreign name, and one sighting is enough.
    if ((label === 'ORG' || label === 'MISC') && len === 1 && guess && !(knownNameStrongly(p.key, label, model) || (knownName(p.key, label, model) && !p.key.startsWith('ال')))) continue;
    if (len === 1 && !ordinaryRepeatKept(text, tokens, i, p.key, label, guess, model, names)) continue;
    // «لحم الرأس», «بلاغ آلي», «كلوريد الكالسيوم»: a run of ordinary words the tagger took for a
    // place or a title once, and left untagged more often, is not spread.
    // (A number makes it a name: «القرار 1701», «ويندوز 10».)
    if (len > 1 && guess && (label === 'LOC' || label === 'MISC') && p.key.split(' ').every((w) => ARABIC_WORD.test(w) && ordinaryWord(w, model))) continue;
    // «سياف البيشي» after «محمد البيشي»: a listed given name right before a bare surname is the
    // same person's first name (or another person of the family): the span takes it.
    // (Not when the repeat before, added here, ends on that word.)
    const free = i > 0 && (added.length === 0 || added[added.length - 1]!.end <= tokens[i - 1]!.start);
    const first = label === 'PER' && free && givenNameBefore(text, tokens, words, i, covered, model) ? i - 1 : i;
    added.push(spanOf(text, tokens, first, i + len - 1, label, 'document'));
  }
  return added;
}

/**
 * Whether an untagged one-word repeat that is an ordinary word (كومبيوتر, كرفان, الخبر) is still
 * spread: only on strong evidence. A listed place that is also an ordinary word (صور) where a place
 * is meant (في صور, not «رابط الخبر» or «من صور تاريخية»); a word the lists or the training data
 * know as a name of this type; or a name the tagger itself found at least twice and left untagged
 * no more often than that (a club named «الاتفاق» in a sports story).
 */
function ordinaryRepeatKept(text: string, tokens: readonly Token[], i: number, key: string, label: EntityLabel, guess: boolean, model: TaggerModel, names: Names): boolean {
  if (label === 'LOC' && homonymPlace(key)) return homonymContext(text, tokens, i, model);
  if (!ordinaryWord(key, model)) return true;
  // A listed place: only the hand list of ordinary words, never the training data's counts, asks for context (الطائف stays).
  if (label === 'LOC' && model.gaz.hand.places.has(key)) return !listedCommonWord(key) || placeContext(text, tokens, i, model);
  if (knownNameStrongly(key, label, model)) return true;
  return !guess && (names.tagged.get(key) ?? 0) >= 2;
}

/**
 * Whether token i - 1 is a listed given name, untagged, on the same line, and not a title, a speech
 * verb or an ordinary word as well (أمين, a given name and a secretary): the first name of the bare
 * surname at i. With و on it (وسياف البيشي), the proclitic step takes the و off.
 */
function givenNameBefore(text: string, tokens: readonly Token[], words: readonly DocWord[], i: number, covered: Uint8Array, model: TaggerModel): boolean {
  if (i === 0 || covered[i - 1] || lineBreakBetween(text, tokens, i, i - 1)) return false;
  const h = model.gaz.hand;
  const w = words[i - 1]!;
  const name = h.givenNames.has(w.norm) ? w.norm : w.forms.find((f) => h.givenNames.has(f));
  if (name === undefined) return false;
  return !(h.titles.has(name) || h.speech.has(name) || listedCommonWord(name) || mostlyCommon(name, model, 1));
}

/**
 * Second halves of compound given names (نور الدين, عبد الله, عبد الرحمن): not a surname, so a
 * name ending in one does not make the word a person elsewhere (الدين is religion, الله God).
 */
const COMPOUND_TAILS = new Set('الدين الله الرحمن الرحيم الإسلام النبي'.split(' ').map(foldWord));

/** Particles of Western surnames (دي خيا, فان غال, دا سيلفا, فون دير لاين). */
const SURNAME_PARTICLES = new Set('دي فان دا دو ديل ديلا دوس فون لا لو'.split(' ').map(foldWord));

/**
 * Whether a person span ends in a title run on from the sentence («توعية الحاج», «أحمد مبعوث»): a
 * title word last, without the article, or after a word that is no given name and no part of a
 * person's name. With the article after a given name it is a family name (عبدالله الملا, علي الفارس).
 */
function titleRunOn(toks: readonly string[], model: TaggerModel): boolean {
  const last = toks[toks.length - 1]!;
  const h = model.gaz.hand;
  if (!h.titles.has(last)) return false;
  // «أحمد مبعوث» (envoy): a title without the article is never a family name.
  if (!last.startsWith('ال')) return true;
  const prev = toks[toks.length - 2]!;
  return !(h.givenNames.has(prev) || mostlyPerson(prev, model) || h.connectors.has(prev));
}

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
