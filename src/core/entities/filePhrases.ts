// The phrase gazetteer of a model file, read when a first token is first looked up. Building all
// 4,986 phrases (an object, an array and their token strings each) cost 20–28 ms of CPU in a
// fresh process before the first article could be tagged; an article looks up a few hundred
// first tokens, so the rest are never built.

import type { PhraseEntry } from './gazetteer';

/**
 * First folded token → its phrases, as addPhrase would have built them from the file's lines.
 * It is a Map (the tagger's functions take one) filled on demand: get() builds a first token's
 * list from its lines and keeps it; has(), size and iteration (in the file's order, which is the
 * order addPhrase met the first tokens) answer for every phrase without building them. Read only.
 */
export class FilePhrases extends Map<string, PhraseEntry[]> {
  /** First token → [from, to) of its lines in `text` (without the final line break). */
  private readonly spans = new Map<string, [number, number]>();

  /**
   * @param text the model file's phrase lines: type, a tab, the folded tokens separated by
   * spaces; each first token's lines together (as encodeModel writes them), each phrase once.
   */
  constructor(private readonly text: string) {
    super();
    let at = 0;
    let first = '';
    let span: [number, number] | undefined;
    while (at < text.length) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', at);
      const space = text.indexOf(' ', tab + 1);
      // A line of one token is no phrase: addPhrase skips it, and so does this map.
      if (tab >= 0 && tab < end && space >= 0 && space < end) {
        if (span && sameAt(text, first, tab + 1, space)) span[1] = end;
        else {
          first = text.slice(tab + 1, space);
          span = this.spans.get(first);
          if (span) span[1] = end;
          else this.spans.set(first, (span = [at, end]));
        }
      }
      at = end + 1;
    }
  }

  override get(first: string): PhraseEntry[] | undefined {
    const built = super.get(first);
    if (built) return built;
    const span = this.spans.get(first);
    if (!span) return undefined;
    const list: PhraseEntry[] = [];
    for (const line of this.text.slice(span[0], span[1]).split('\n')) {
      const tab = line.indexOf('\t');
      const tokens = line.slice(tab + 1).split(' ');
      // Lines of other first tokens lie between when the file did not keep a token's lines together.
      if (tokens.length < 2 || tokens[0] !== first) continue;
      list.push({ rest: tokens.slice(1), type: Number(line.slice(0, tab)) });
    }
    super.set(first, list);
    return list;
  }

  override has(first: string): boolean {
    return this.spans.has(first);
  }

  /** Read by the tagger on every sentence: counted from the lines, nothing built. */
  override get size(): number {
    return this.spans.size;
  }

  override *entries(): MapIterator<[string, PhraseEntry[]]> {
    for (const first of this.spans.keys()) yield [first, this.get(first)!];
  }

  override *keys(): MapIterator<string> {
    for (const [first] of this.entries()) yield first;
  }

  override *values(): MapIterator<PhraseEntry[]> {
    for (const [, list] of this.entries()) yield list;
  }

  override [Symbol.iterator](): MapIterator<[string, PhraseEntry[]]> {
    return this.entries();
  }

  override forEach(fn: (value: PhraseEntry[], key: string, map: Map<string, PhraseEntry[]>) => void, thisArg?: unknown): void {
    for (const [first, list] of this.entries()) fn.call(thisArg, list, first, this);
  }

  override set(_first: string, _list: PhraseEntry[]): this {
    throw new Error('a model file\'s phrases are read only');
  }

  override delete(_first: string): boolean {
    throw new Error('a model file\'s phrases are read only');
  }

  override clear(): void {
    throw new Error('a model file\'s phrases are read only');
  }
}

/** Whether text[from, to) is `word`. */
function sameAt(text: string, word: string, from: number, to: number): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(from + k) !== word.charCodeAt(k)) return false;
  return true;
}
