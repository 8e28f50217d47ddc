// What the tagger knows beyond its weights (word statistics from the training data, hand-made
// name lists), and the greedy longest match of multi-token names against a sentence.

import { handLexicon, type HandLexicon } from './lexicon';
import { TYPES } from './tagset';

/** Counts of how a word was tagged in the training data: [O, PER, LOC, ORG, MISC]. */
export type LexCounts = [number, number, number, number, number];

/**
 * Folded word → its counts, read only: a Map while training builds it, a SortedLexicon
 * (sortedLexicon.ts) over a model file's words once loaded. Iterates as [word, counts].
 */
export interface Lexicon {
  get(word: string): LexCounts | undefined;
  has(word: string): boolean;
  readonly size: number;
  [Symbol.iterator](): Iterator<[string, LexCounts]>;
}

export interface PhraseEntry {
  /** Folded tokens after the first. */
  rest: string[];
  type: number;
}

/** What the tagger knows beyond its weights: word statistics and name lists. */
export interface Gazetteer {
  /** Folded word → tag counts in the training data. */
  lex: Lexicon;
  /** First folded token → multi-token names starting with it, from the training data. */
  phrases: Map<string, PhraseEntry[]>;
  /** First folded token → multi-token names from the hand lists. */
  handPhrases: Map<string, PhraseEntry[]>;
  hand: HandLexicon;
}

/** A gazetteer with nothing learnt yet; its lexicon a Map, for training to fill. */
export function emptyGazetteer(): Gazetteer & { lex: Map<string, LexCounts> } {
  const hand = handLexicon();
  const handPhrases = new Map<string, PhraseEntry[]>();
  for (const p of hand.placePhrases) addPhrase(handPhrases, p.split(' '), 2);
  for (const p of hand.orgPhrases) addPhrase(handPhrases, p.split(' '), 3);
  for (const p of hand.peoplePhrases) addPhrase(handPhrases, p.split(' '), 1);
  return { lex: new Map(), phrases: new Map(), handPhrases, hand };
}

export function addPhrase(map: Map<string, PhraseEntry[]>, tokens: readonly string[], type: number): void {
  if (tokens.length < 2) return;
  const first = tokens[0]!;
  const rest = tokens.slice(1);
  let list = map.get(first);
  if (!list) map.set(first, (list = []));
  const key = rest.join(' ');
  if (!list.some((e) => e.type === type && e.rest.join(' ') === key)) list.push({ rest, type });
}

/**
 * The phrase-gazetteer tag of each word (B-ORG, I-PER, … or undefined): greedy longest match, the
 * first token may carry clitics. `words` need only their folded form and clitic forms; `starts`,
 * when given, are each word's candidate lists already looked up (see phraseStarts).
 */
export function phraseTags(
  words: ReadonlyArray<{ norm: string; forms: readonly string[] }>,
  map: Map<string, PhraseEntry[]>,
  starts?: ReadonlyArray<PhraseStarts | null>,
): Array<string | undefined> {
  const tags: Array<string | undefined> = new Array(words.length);
  if (map.size === 0) return tags;
  let i = 0;
  while (i < words.length) {
    const st = starts ? starts[i] : phraseStarts(words[i]!, map);
    let best: PhraseEntry | undefined;
    if (st) {
      best = longestAt(words, i, st.own, undefined);
      if (!best) for (const list of st.forms) best = longestAt(words, i, list, best);
    }
    if (best) {
      const t = TYPES[best.type]!;
      tags[i] = 'B-' + t;
      for (let k = 1; k <= best.rest.length; k++) tags[i + k] = 'I-' + t;
      i += best.rest.length + 1;
    } else {
      i++;
    }
  }
  return tags;
}

/** The phrases a word may open: under its folded form, then under each clitic form (in order). */
export interface PhraseStarts {
  own: PhraseEntry[] | undefined;
  forms: PhraseEntry[][];
}

export function phraseStarts(w: { norm: string; forms: readonly string[] }, map: Map<string, PhraseEntry[]>): PhraseStarts | null {
  const own = map.get(w.norm);
  const forms: PhraseEntry[][] = [];
  for (const f of w.forms) {
    const l = map.get(f);
    if (l) forms.push(l);
  }
  return own || forms.length > 0 ? { own, forms } : null;
}

/** The longest entry of `list` whose rest follows token i, if longer than `best`; else `best`. */
export function longestAt(
  infos: ReadonlyArray<{ norm: string }>,
  i: number,
  list: PhraseEntry[] | undefined,
  best: PhraseEntry | undefined,
): PhraseEntry | undefined {
  if (!list) return best;
  for (const e of list) {
    if (best && e.rest.length <= best.rest.length) continue;
    if (i + e.rest.length >= infos.length) continue;
    let ok = true;
    for (let k = 0; k < e.rest.length; k++) {
      if (infos[i + 1 + k]!.norm !== e.rest[k]) {
        ok = false;
        break;
      }
    }
    if (ok) best = e;
  }
  return best;
}
