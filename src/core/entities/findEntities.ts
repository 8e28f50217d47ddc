// Entities: people, places, organisations and other names, found by an averaged-perceptron BIO
// tagger (see scripts/ner), made consistent across the document, then overridden by the user's list.

import { tokensOf, type Token } from '../arabic';
import type { EntityDetection, EntityLabel } from '../types';
import { applyDocument } from './document';
import { withoutProclitics } from './proclitics';
import { isInside, labelType, NUM_LABELS, scoreSentence } from './features';
import { decodeModel, emissionLookup, prepareModel, tagScoreRows, type TaggerModel } from './tagger';
import { applyUserList, type UserList } from './userList';
import type { RowLookup } from './wordScores';
import type { WordInfo } from './words';

export type { UserList, UserEntry } from './userList';
export type { TaggerModel } from './tagger';

export interface EntityOptions {
  /** A model to use instead of the shipped one. */
  model?: TaggerModel;
  /** The workspace list (.khabar/entities.yaml), parsed with parseUserList. */
  userList?: UserList;
  /** Document-level consistency and canonical forms (default true). */
  document?: boolean;
}

/**
 * The shipped model's file name. Stored as decodeModel reads it, not gzipped: the bytes are used in
 * place, and a gunzip was ~20 ms of a cold load (the .vsix deflates it anyway: ~1.9 MB).
 */
export const MODEL_FILE = 'ner.model';

const TYPE_LABELS: readonly EntityLabel[] = ['PER', 'PER', 'LOC', 'ORG', 'MISC'];

/** Where the shipped model's bytes come from (as decodeModel reads them): the platform layer says (src/platform/node). */
let modelSource: (() => Uint8Array) | undefined;
let modelName: () => string = () => 'the entity model';
let shipped: TaggerModel | undefined;

/**
 * Tells the core how to get the shipped model's bytes (the model file, gunzipped if it was gzipped). Read once, on
 * the first article that needs names; the host, the CLI and the tests install Node's reader.
 * `name` gives the file's path, which starts the message when its bytes are not a model file.
 */
export function provideModel(source: () => Uint8Array, name: () => string = () => 'the entity model'): void {
  modelSource = source;
  modelName = name;
  shipped = undefined;
}

/** The shipped model, decoded once. */
export function loadModel(): TaggerModel {
  if (!shipped) {
    if (!modelSource) throw new Error('no entity model: the platform layer has not provided one (call installNodePlatform() from src/platform/node)');
    const bytes = modelSource();
    try {
      shipped = prepareModel(decodeModel(bytes));
    } catch (e) {
      throw new Error(`${modelName()}: ${(e as Error).message}`);
    }
  }
  return shipped;
}

const SENTENCE_END = new Set(['.', '!', '?', '؟']);

/** Group tokens into sentences: after . ! ? ؟ and at line breaks. */
export function sentencesOf(text: string, tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (cur.length > 0 && hasNewline(text, cur[cur.length - 1]!.end, t.start)) {
      out.push(cur);
      cur = [];
    }
    cur.push(t);
    if (SENTENCE_END.has(t.text)) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** The tagger alone: spans straight from the model, before document rules and the user's list. */
export function tagText(text: string, model: TaggerModel): EntityDetection[] {
  return tagTokens(text, tokensOf(text), model);
}

/** Sentence texts handed to scoreSentence, reused between sentences. */
const raws: string[] = [];

/**
 * tagText over the text's tokens, the sentences of sentencesOf walked by index; when `words` is
 * given, each token's word analysis (the tagger's, cached per word) is stored at its index, for
 * the document rules.
 */
function tagTokens(text: string, tokens: readonly Token[], model: TaggerModel, words?: WordInfo[]): EntityDetection[] {
  const out: EntityDetection[] = [];
  const pairs: Float64Array[] = [];
  const lookup = emissionLookup(model);
  let scores: Float64Array = new Float64Array(256 * NUM_LABELS);
  let from = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    // The sentences of sentencesOf: a line break before a token ends one, and so does . ! ? ؟
    if (k > from && hasNewline(text, tokens[k - 1]!.end, t.start)) {
      scores = tagSentence(text, tokens, from, k, model, lookup, scores, pairs, out, words);
      from = k;
    }
    if (SENTENCE_END.has(t.text)) {
      scores = tagSentence(text, tokens, from, k + 1, model, lookup, scores, pairs, out, words);
      from = k + 1;
    }
  }
  if (from < tokens.length) tagSentence(text, tokens, from, tokens.length, model, lookup, scores, pairs, out, words);
  return out;
}

/** Tags tokens from … to - 1 as one sentence, pushing its spans to `out`; returns the (maybe grown) score buffer. */
function tagSentence(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  model: TaggerModel,
  lookup: RowLookup,
  scores: Float64Array,
  pairs: Float64Array[],
  out: EntityDetection[],
  words: WordInfo[] | undefined,
): Float64Array {
  const n = to - from;
  if (scores.length < n * NUM_LABELS) scores = new Float64Array(2 * n * NUM_LABELS);
  raws.length = n;
  for (let k = 0; k < n; k++) raws[k] = tokens[from + k]!.text;
  scoreSentence(raws, model.gaz, lookup, scores, pairs, words, from);
  const labels = tagScoreRows(scores, n, pairs, model);
  let i = 0;
  while (i < n) {
    const y = labels[i]!;
    if (y === 0 || isInside(y)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isInside(labels[j]!) && labelType(labels[j]!) === labelType(y)) j++;
    const start = tokens[from + i]!.start;
    const end = tokens[from + j - 1]!.end;
    out.push({ kind: 'entity', label: TYPE_LABELS[labelType(y)]!, start, end, text: text.slice(start, end), source: 'model' });
    i = j;
  }
  return scores;
}

export function findEntities(text: string, options: EntityOptions = {}): EntityDetection[] {
  const model = options.model ?? loadModel();
  const tokens = tokensOf(text);
  const document = options.document !== false;
  // The document rules read each token's folded form and clitic readings: the tagger's own.
  const words: WordInfo[] | undefined = document ? new Array(tokens.length) : undefined;
  let found = tagTokens(text, tokens, model, words);
  // Spans never carry the proclitics of their first word (وبغداد → بغداد); the document rules do
  // this themselves, before they name each mention's canonical form.
  found = document ? applyDocument(text, found, model, {}, { tokens, words: words! }) : withoutProclitics(found, model);
  if (options.userList) found = applyUserList(text, found, options.userList);
  return found;
}
