// CoNLL BIO with ANERcorp's tokenisation (clitics attached, punctuation split): two columns
// `token TAG` separated by one space, a blank line between sentences, and a `-DOCSTART-` line naming
// each article. `conll` tags entities, `conll-figures` figures; claims overlap both, so neither has them.
//
// Why this shape: conlleval splits lines on a single space by default, needs the same number of
// fields on every non-empty line, and reads the last two fields as gold and guessed tag. A third
// column would be read as predictions, and a file with a different column count cannot be pasted
// against another or concatenated with ANERcorp's `word TAG` lines. conlleval has no comment lines
// and does not skip `-DOCSTART-` (only empty lines and `-X-`), so the marker line must itself be a
// two-field line whose tag is O: the article's name rides in the first field after a tab, which
// conlleval does not split on and whitespace-splitting readers see as `-DOCSTART- NAME … O`.

import { sentenceSpans, tokenize, type Token } from '../arabic';
import type { AnnotationRecord } from '../annotationRecord';
import { conllEntityTag } from './exportNames';
import type { PreparedArticle } from './prepare';
import type { FormatWriter } from './types';

export type ConllLayer = 'entities' | 'figures';

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

/** Characters that can glue several code points into one user-perceived character (emoji sequences). */
const CLUSTER_GLUE = /[\ud800-\udfff\u200d\ufe00-\ufe0f\u20e3]/;

let segmenter: Intl.Segmenter | undefined;

/**
 * The shared tokeniser's tokens with every grapheme cluster kept whole: it splits a flag into its
 * two regional indicators and leaves a zero width joiner of an emoji sequence as a token of its
 * own, which a CoNLL reader would count as several words. Tokens that touch inside one cluster are
 * joined. Texts without emoji take the fast path.
 */
export function graphemeTokens(text: string): Token[] {
  const tokens = tokenize(text);
  if (!CLUSTER_GLUE.test(text)) return tokens;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const boundary = new Uint8Array(text.length + 1);
  for (const s of segmenter.segment(text)) boundary[s.index] = 1;
  boundary[text.length] = 1;
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && last.end === t.start && boundary[t.start] === 0) {
      out[out.length - 1] = { text: text.slice(last.start, t.end), start: last.start, end: t.end };
    } else {
      out.push(t);
    }
  }
  return out;
}

/** The article's name as one field: whitespace (and `%`, so it reads back) percent-encoded. */
export function conllDocName(path: string): string {
  return path.replace(/[%\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

export function conllText(p: PreparedArticle, layer: ConllLayer = 'entities'): string {
  const text = p.article.text;
  const tokens = graphemeTokens(text);
  const tags =
    layer === 'entities'
      ? bioTags(tokens, nonOverlapping(p.records.filter((r) => r.kind === 'entity')), (r) => conllEntityTag(r.label))
      : bioTags(tokens, nonOverlapping(p.records.filter((r) => r.kind === 'figure')), (r) => r.label);
  const sentences = sentenceSpans(text);
  // One string grown in place: a million tokens make array-and-join measurably slower.
  let out = `-DOCSTART-\t${conllDocName(p.article.path)} O\n`;
  let s = 0;
  let currentSentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s < sentences.length - 1 && sentences[s]!.end <= t.start) s++;
    if (s !== currentSentence) {
      out += '\n';
      currentSentence = s;
    }
    out += t.text + ' ' + tags[i] + '\n';
  }
  return out + '\n';
}

export function createConllWriter(layer: ConllLayer = 'entities'): FormatWriter {
  return { head: () => '', article: (p) => conllText(p, layer), tail: () => '' };
}
