// The lexicon of a model file read in place: its words, sorted, stay one run of UTF-16 code units
// (a /5 file's, with where each starts stored beside them, so loading builds nothing; a /3 or /4
// file's copied from its header's string), and a word is found by binary search over them. A Map
// of the 20,000 words cost 11–21 ms of CPU in a fresh process (the first article waited for it)
// and ~2 MB of heap.

import { compareUnits, stringOf } from './codeUnits';
import type { LexCounts, Lexicon } from './gazetteer';

export class SortedLexicon implements Lexicon {
  /** Each word's counts, made when first read and kept, so a word always gets the same array. */
  private readonly made: Array<LexCounts | undefined>;

  /**
   * @param units the words' UTF-16 code units, in increasing code-unit order (as `<` compares)
   * @param starts where each word starts in `units`, and where the one after the last would
   * @param gap code units between two words (a line break in a /3 or /4 file's text; none in /5)
   * @param counts five counts per word, in the words' order
   */
  private constructor(
    private readonly units: Uint16Array,
    private readonly starts: Uint32Array,
    private readonly gap: number,
    private readonly counts: Uint32Array,
  ) {
    this.made = new Array<LexCounts | undefined>(starts.length - 1);
  }

  /**
   * The lexicon as a /5 model file stores it, read in place: `units` the words' code units one
   * after the other, sorted, `starts` where each starts and units.length last. Undefined when
   * they do not fit (a damaged file): starts not increasing from 0 to units.length, not one per
   * word, or the words not in strictly increasing code-unit order, which the binary search relies
   * on (a start moved by one, a swapped or repeated word, most changed code units: a word would be
   * silently never found). One pass, 1–2 ms of a cold load.
   */
  static inPlace(units: Uint16Array, starts: Uint32Array, counts: Uint32Array): SortedLexicon | undefined {
    const n = starts.length - 1;
    if (n < 0 || counts.length !== 5 * n || starts[0] !== 0 || starts[n] !== units.length) return undefined;
    // One flat loop, the comparison inlined: run once in a fresh process, it is mostly interpreted,
    // and a call per word cost several times more.
    let from = 0;
    let at = starts[0]!;
    for (let i = 0; i < n; i++) {
      const end = starts[i + 1]!;
      if (end < at) return undefined;
      if (i > 0) {
        // Word i - 1 is units[from, at), word i units[at, end): the first must be less.
        let k = 0;
        for (;;) {
          if (at + k === end) return undefined;
          if (from + k === at) break;
          const d = units[from + k]! - units[at + k]!;
          if (d < 0) break;
          if (d > 0) return undefined;
          k++;
        }
      }
      from = at;
      at = end;
    }
    return new SortedLexicon(units, starts, 0, counts);
  }

  /**
   * The lexicon over `text` (words one per line) and their counts, or undefined when the words
   * are not in strictly increasing order (a file written before encodeModel sorted them).
   */
  static over(text: string, counts: Uint32Array): SortedLexicon | undefined {
    let n = 0;
    if (text) for (let at = 0; at >= 0; at = text.indexOf('\n', at) + 1 || -1) n++;
    const starts = new Uint32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = at;
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length + 1 : end + 1;
      if (i > 0 && compareAt(text, starts[i - 1]!, starts[i]! - 1, starts[i]!, at - 1) >= 0) return undefined;
    }
    starts[n] = at;
    return new SortedLexicon(unitsOf(text), starts, 1, counts);
  }

  /**
   * The lexicon over `text` with the word lengths a /4 model file stores, trusted to be sorted
   * (encodeModel sorts them; checking the order would cost the pass this saves), or undefined
   * when the lengths do not fit the text (a damaged file): a line break after each word but the last.
   */
  static at(text: string, lengths: Uint8Array, counts: Uint32Array): SortedLexicon | undefined {
    const n = lengths.length;
    if (counts.length !== 5 * n) return undefined;
    const starts = new Uint32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = at;
      at += lengths[i]! + 1;
      if (at - 1 > text.length || (at - 1 < text.length && text.charCodeAt(at - 1) !== 10)) return undefined;
    }
    starts[n] = at;
    if (at !== (n === 0 ? 0 : text.length + 1)) return undefined;
    return new SortedLexicon(unitsOf(text), starts, 1, counts);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  get(word: string): LexCounts | undefined {
    const i = this.find(word);
    return i < 0 ? undefined : this.countsOf(i);
  }

  has(word: string): boolean {
    return this.find(word) >= 0;
  }

  *[Symbol.iterator](): IterableIterator<[string, LexCounts]> {
    const { units, starts, gap } = this;
    for (let i = 0; i < this.size; i++) yield [stringOf(units, starts[i]!, starts[i + 1]! - gap), this.countsOf(i)];
  }

  private countsOf(i: number): LexCounts {
    let c = this.made[i];
    if (!c) {
      const k = 5 * i;
      const n = this.counts;
      c = this.made[i] = [n[k]!, n[k + 1]!, n[k + 2]!, n[k + 3]!, n[k + 4]!];
    }
    return c;
  }

  /** The word's index, or -1. */
  private find(word: string): number {
    let lo = 0;
    let hi = this.starts.length - 2;
    const { units, starts, gap } = this;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareUnits(word, units, starts[mid]!, starts[mid + 1]! - gap);
      if (c === 0) return mid;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }
}

/** A string's UTF-16 code units. */
function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** The sign of text[a, aEnd) against text[b, bEnd), in the same order. */
function compareAt(text: string, a: number, aEnd: number, b: number, bEnd: number): number {
  for (let k = 0; ; k++) {
    if (b + k === bEnd) return a + k === aEnd ? 0 : 1;
    if (a + k === aEnd) return -1;
    const d = text.charCodeAt(a + k) - text.charCodeAt(b + k);
    if (d !== 0) return d;
  }
}
