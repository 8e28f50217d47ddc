// CoNLL BIO with ANERcorp's tokenisation (clitics attached, punctuation split): `token<TAB>entity<TAB>figure`,
// a blank line between sentences, `-DOCSTART-` before each article. Claims overlap entities and
// figures, so they are not tagged here.

import { sentenceSpans, tokenize, type Token } from '../arabic';
import type { AnnotationRecord } from '../model';
import { conllEntityTag } from './labels';
import type { PreparedArticle } from './prepare';
import type { FormatWriter } from './types';

/**
 * BIO tags for tokens from non-overlapping spans (the earliest wins on overlap). A token touched by
 * a span takes its tag: ANERcorp tags the whole token even when a clitic precedes the name.
 */
export function bioTags(tokens: readonly Token[], spans: readonly AnnotationRecord[], tagOf: (r: AnnotationRecord) => string): string[] {
  const tags = new Array<string>(tokens.length).fill('O');
  let k = 0;
  let previous: AnnotationRecord | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (k < spans.length && spans[k]!.target.end <= t.start) k++;
    const r = spans[k];
    if (r && r.target.start < t.end) {
      tags[i] = (previous === r ? 'I-' : 'B-') + tagOf(r);
      previous = r;
    } else {
      previous = undefined;
    }
  }
  return tags;
}

/** Keeps the earliest of overlapping spans so every token belongs to at most one. */
function nonOverlapping(records: readonly AnnotationRecord[]): AnnotationRecord[] {
  const out: AnnotationRecord[] = [];
  let end = -1;
  for (const r of records) {
    if (r.target.start >= end) {
      out.push(r);
      end = r.target.end;
    }
  }
  return out;
}

export function conllText(p: PreparedArticle): string {
  const text = p.article.text;
  const tokens = tokenize(text);
  const entities = nonOverlapping(p.records.filter((r) => r.kind === 'entity'));
  const figures = nonOverlapping(p.records.filter((r) => r.kind === 'figure'));
  const ent = bioTags(tokens, entities, (r) => conllEntityTag(r.label));
  const fig = bioTags(tokens, figures, (r) => r.label);
  const sentences = sentenceSpans(text);
  // One string grown in place: a million tokens make array-and-join measurably slower.
  let out = '-DOCSTART-\tO\tO\n';
  let s = 0;
  let currentSentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s < sentences.length - 1 && sentences[s]!.end <= t.start) s++;
    if (s !== currentSentence) {
      out += '\n';
      currentSentence = s;
    }
    out += t.text + '\t' + ent[i] + '\t' + fig[i] + '\n';
  }
  return out + '\n';
}

export function createConllWriter(): FormatWriter {
  return { head: () => '', article: conllText, tail: () => '' };
}
