// The phrase gazetteer of a model file, read when a first token is first looked up. Building all
// 4,986 phrases (an object, an array and their token strings each) cost 20–28 ms of CPU in a
// fresh process before the first article could be tagged; an article looks up a few hundred
// first tokens, so the rest are never built. A /5 file stores its first tokens' directory, so
// loading one builds nothing; a /3 or /4 file's lines are scanned once for it.

import { compareSpans, compareUnits, stringOf } from './codeUnits';
import type { PhraseEntry } from './gazetteer';

/**
 * First folded token → its phrases, as addPhrase would have built them from the file's lines.
 * It is a Map (the tagger's functions take one) filled on demand: get() builds a first token's
 * list from its lines and keeps it; has(), size and iteration (in the file's order, which is the
 * order addPhrase met the first tokens) answer for every phrase without building them. Read only.
 */
export class FilePhrases extends Map<string, PhraseEntry[]> {
  /** First token → [from, to) of its lines in `text` (without the final line break); a /3 or /4 file's. */
  private readonly spans = new Map<string, [number, number]>();
  /** A /5 file's phrases, read in place. */
  private readonly sections: PhraseSections | undefined;
  private readonly text: string;

  /**
   * @param source the model file's phrase lines (/3, /4): type, a tab, the folded tokens separated
   * by spaces; each first token's lines together (as encodeModel writes them), each phrase once;
   * or a /5 file's phrase sections, checked by FilePhrases.inPlace.
   */
  constructor(source: string | PhraseSections) {
    super();
    if (typeof source !== 'string') {
      this.sections = source;
      this.text = '';
      return;
    }
    const text = (this.text = source);
    this.sections = undefined;
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

  /**
   * The phrases of a /5 model file (see PhraseSections), or undefined when the directory or the
   * lines do not fit what lookups rely on (a damaged file): each group's lines end in a line
   * break, each line is digits, a tab, then two tokens or more separated by spaces, its
   * first token the group's (which `firsts` points at in its first line), and `order` lists the
   * groups by strictly increasing first token (the binary search's order). A swapped or repeated
   * entry, or a changed tab or line break, would otherwise leave phrases silently never found.
   */
  static inPlace(sections: PhraseSections): FilePhrases | undefined {
    const { units, lines, firsts, order } = sections;
    const n = lines.length - 1;
    if (n < 0 || firsts.length !== 2 * n || order.length !== n || lines[0] !== 0 || lines[n] !== units.length) return undefined;
    for (let g = 0; g < n; g++) {
      const from = firsts[2 * g]!;
      const to = firsts[2 * g + 1]!;
      const end = lines[g + 1]!;
      if (end <= lines[g]! || from < lines[g]! || to < from || to > end || order[g]! >= n) return undefined;
      if (!linesFit(units, lines[g]!, end, from, to)) return undefined;
    }
    for (let k = 1; k < n; k++) {
      const a = order[k - 1]!;
      const b = order[k]!;
      if (compareSpans(units, firsts[2 * a]!, firsts[2 * a + 1]!, firsts[2 * b]!, firsts[2 * b + 1]!) >= 0) return undefined;
    }
    return new FilePhrases(sections);
  }

  override get(first: string): PhraseEntry[] | undefined {
    const built = super.get(first);
    if (built) return built;
    let lines: string;
    if (this.sections) {
      const g = this.groupOf(first);
      if (g < 0) return undefined;
      const { units, lines: at } = this.sections;
      lines = stringOf(units, at[g]!, at[g + 1]! - 1);
    } else {
      const span = this.spans.get(first);
      if (!span) return undefined;
      lines = this.text.slice(span[0], span[1]);
    }
    const list: PhraseEntry[] = [];
    for (const line of lines.split('\n')) {
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
    return this.sections ? this.groupOf(first) >= 0 : this.spans.has(first);
  }

  /** Read by the tagger on every sentence: counted from the lines, nothing built. */
  override get size(): number {
    return this.sections ? this.sections.order.length : this.spans.size;
  }

  override *entries(): MapIterator<[string, PhraseEntry[]]> {
    if (this.sections) {
      const { units, firsts } = this.sections;
      for (let g = 0; g < this.sections.order.length; g++) {
        const first = stringOf(units, firsts[2 * g]!, firsts[2 * g + 1]!);
        yield [first, this.get(first)!];
      }
    } else for (const first of this.spans.keys()) yield [first, this.get(first)!];
  }

  /** A /5 file's group whose first token is `first`, by binary search over their order, or -1. */
  private groupOf(first: string): number {
    const { units, firsts, order } = this.sections!;
    let lo = 0;
    let hi = order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const g = order[mid]!;
      const c = compareUnits(first, units, firsts[2 * g]!, firsts[2 * g + 1]!);
      if (c === 0) return g;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
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

/**
 * A /5 model file's phrases, read in place: `units` the UTF-16 code units of the phrase lines
 * (type, a tab, the folded tokens separated by spaces, a line break), each first token's lines
 * together (a group); group g's lines are units[lines[g], lines[g + 1]) and its first token
 * units[firsts[2g], firsts[2g + 1]); `order` the groups by first token in UTF-16 code-unit order
 * (as `<` compares), for binary search. Iteration follows the groups' order in the file.
 */
export interface PhraseSections {
  units: Uint16Array;
  lines: Uint32Array;
  firsts: Uint32Array;
  order: Uint32Array;
}

/** Whether text[from, to) is `word`. */
function sameAt(text: string, word: string, from: number, to: number): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(from + k) !== word.charCodeAt(k)) return false;
  return true;
}

const TAB = 9;
const LINE_BREAK = 10;
const SPACE = 32;

/**
 * Whether units[at, end) are phrase lines of the first token units[from, to) (which starts the
 * first line's tokens): each line digits, a tab, the first token, a space, more, and a line
 * break, with no other tab. The tabs and line breaks are found by the typed array's indexOf
 * (native code): a loop over every code unit, run once in a fresh process and so mostly
 * interpreted, cost ~5 ms more of a cold load. (A changed code unit inside the other tokens is
 * not seen here.)
 */
function linesFit(units: Uint16Array, at: number, end: number, from: number, to: number): boolean {
  const length = to - from;
  if (length === 0) return false;
  let line = 0;
  while (at < end) {
    const tab = units.indexOf(TAB, at);
    const lineEnd = units.indexOf(LINE_BREAK, at);
    if (tab <= at || lineEnd < 0 || lineEnd >= end || tab > lineEnd) return false;
    for (let k = at; k < tab; k++) if (units[k]! < 48 || units[k]! > 57) return false;
    const k = tab + 1;
    if (line === 0 && k !== from) return false;
    for (let j = 0; j < length; j++) if (units[k + j] !== units[from + j]) return false;
    if (units[k + length] !== SPACE || k + length + 1 >= lineEnd) return false;
    // No second tab in the line (a line break turned into a space joins two lines).
    const nextTab = units.indexOf(TAB, k);
    if (nextTab >= 0 && nextTab < lineEnd) return false;
    at = lineEnd + 1;
    line++;
  }
  return true;
}
