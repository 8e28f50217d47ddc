// Entities: people, places, organisations and other names, found by an averaged-perceptron BIO
// tagger (see scripts/ner), made consistent across the document, then overridden by the user's list.

import * as fs from 'fs';
import * as path from 'path';
import { tokenize, type Token } from '../arabic';
import type { EntityDetection, EntityLabel } from '../types';
import { applyDocument, withoutProclitics } from './document';
import { extractFeatures, FeatureBuffer, isInside, labelType } from './features';
import { decodeModel, prepareModel, tagFeatures, type TaggerModel } from './model';
import { applyUserList, type UserList } from './userList';

export { parseUserList, type UserList, type UserEntry } from './userList';
export type { TaggerModel } from './model';

export interface EntityOptions {
  /** Path of the model file; the shipped model by default. */
  modelPath?: string;
  /** An already-loaded model (takes precedence over modelPath). */
  model?: TaggerModel;
  /** The workspace list (.khabar/entities.yaml), parsed with parseUserList. */
  userList?: UserList;
  /** Document-level consistency and canonical forms (default true). */
  document?: boolean;
}

export const MODEL_FILE = 'ner.model.gz';

const TYPE_LABELS: readonly EntityLabel[] = ['PER', 'PER', 'LOC', 'ORG', 'MISC'];

const cache = new Map<string, TaggerModel>();

/** Where the shipped model is: `models/` next to the bundle's folder (dist/ or out/…), found upwards. */
export function defaultModelPath(): string {
  let dir = __dirname;
  for (let k = 0; k < 6; k++) {
    const candidate = path.join(dir, 'models', MODEL_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.join(__dirname, '..', 'models', MODEL_FILE);
}

/** Load (once per path) and cache a model file. */
export function loadModel(modelPath = defaultModelPath()): TaggerModel {
  let m = cache.get(modelPath);
  if (!m) {
    m = prepareModel(decodeModel(fs.readFileSync(modelPath)));
    cache.set(modelPath, m);
  }
  return m;
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
  const out: EntityDetection[] = [];
  const buf = new FeatureBuffer();
  const pairs = new FeatureBuffer();
  for (const sent of sentencesOf(text, tokenize(text))) {
    extractFeatures(
      sent.map((t) => t.text),
      model.gaz,
      buf,
      pairs,
    );
    const labels = tagFeatures(buf, pairs, model);
    let i = 0;
    while (i < sent.length) {
      const y = labels[i]!;
      if (y === 0 || isInside(y)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < sent.length && isInside(labels[j]!) && labelType(labels[j]!) === labelType(y)) j++;
      const start = sent[i]!.start;
      const end = sent[j - 1]!.end;
      out.push({ kind: 'entity', label: TYPE_LABELS[labelType(y)]!, start, end, text: text.slice(start, end), source: 'model' });
      i = j;
    }
  }
  return out;
}

export function findEntities(text: string, options: EntityOptions = {}): EntityDetection[] {
  const model = options.model ?? loadModel(options.modelPath ?? defaultModelPath());
  let found = tagText(text, model);
  // Spans never carry the proclitics of their first word (وبغداد → بغداد); the document rules do
  // this themselves, before they name each mention's canonical form.
  found = options.document !== false ? applyDocument(text, found, model) : withoutProclitics(found, model);
  if (options.userList) found = applyUserList(text, found, options.userList);
  return found;
}
