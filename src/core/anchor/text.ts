// The article's text as re-anchoring compares it: marks that editors add or drop (CR before LF,
// tatweel, harakat, a byte-order mark, bidi marks) are ignored, offsets never split a surrogate
// pair, and a record's anchor is its quote with up to CONTEXT_LENGTH characters either side.

import type { Anchor } from '../annotationRecord';

/** Characters of context stored on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** The anchor of [start, end) in text: the quote and up to CONTEXT_LENGTH characters either side (whole surrogate pairs). */
export function anchorFor(text: string, start: number, end: number): Anchor {
  return { start, end, exact: text.slice(start, end), prefix: text.slice(contextStart(text, start), start), suffix: text.slice(end, contextEnd(text, end)) };
}

/** Where the stored prefix of a quote starting at `start` begins: CONTEXT_LENGTH back, off a surrogate pair's middle. */
function contextStart(text: string, start: number): number {
  let ps = Math.max(0, start - CONTEXT_LENGTH);
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps)) && isHighSurrogate(text.charCodeAt(ps - 1))) ps++;
  return ps;
}

/** Where the stored suffix of a quote ending at `end` ends. */
function contextEnd(text: string, end: number): number {
  let se = Math.min(text.length, end + CONTEXT_LENGTH);
  if (se < text.length && isLowSurrogate(text.charCodeAt(se)) && isHighSurrogate(text.charCodeAt(se - 1))) se--;
  return se;
}

/** True when the record's offsets still select its quote in text. */
export function anchorHolds(text: string, target: Anchor): boolean {
  return (
    target.start >= 0 &&
    target.end <= text.length &&
    target.start <= target.end &&
    text.startsWith(target.exact, target.start) &&
    target.end - target.start === target.exact.length
  );
}

/** Characters editors add or drop without changing the words: compared as if absent. */
export function ignorable(c: number): boolean {
  return (
    c === 0x0d || c === 0xfeff || c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x061c || (c >= 0x200b && c <= 0x200f)
  );
}

/** Length of the pieces the fuzzy search's fast reject counts. */
export const GRAM = 3;

export const IGNORABLE = /[\r\ufeff\u0640\u064b-\u065f\u0670\u061c\u200b-\u200f]/g;

export function normalize(s: string): string {
  return s.replace(IGNORABLE, '');
}


/** The text and (built on first use: the common case never needs it) its normalised form, with a map back to raw offsets. */
export class Context {
  private normText: string | undefined;
  /** Raw offset of each normalised character; undefined when nothing was removed (identity). */
  private pos: Int32Array | undefined;

  private gramSet: Set<string> | undefined;
  /** Text × quote cells the fuzzy matcher has visited in this run. */
  fuzzyCells = 0;

  constructor(readonly text: string) {}

  /** How many ignorable characters the text holds in [a, b). */
  ignorableBetween(a: number, b: number): number {
    if (this.normText === undefined) this.build();
    const pos = this.pos;
    if (!pos || b <= a) return 0;
    // The characters kept in [a, b), found in the sorted raw offsets of the kept ones.
    const kept = (y: number): number => {
      let lo = 0;
      let hi = pos.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pos[mid]! < y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return b - a - (kept(b) - kept(a));
  }

  /** Every three-letter piece of the normalised text. */
  get grams(): Set<string> {
    if (!this.gramSet) {
      const nt = this.norm;
      const set = new Set<string>();
      for (let i = 0; i + GRAM <= nt.length; i++) set.add(nt.slice(i, i + GRAM));
      this.gramSet = set;
    }
    return this.gramSet;
  }

  get norm(): string {
    if (this.normText === undefined) this.build();
    return this.normText!;
  }

  private build(): void {
    const text = this.text;
    const norm = text.replace(IGNORABLE, '');
    this.normText = norm;
    if (norm.length === text.length) return;
    const pos = new Int32Array(norm.length + 1);
    let n = 0;
    for (let i = 0; i < text.length; i++) if (!ignorable(text.charCodeAt(i))) pos[n++] = i;
    pos[n] = text.length;
    this.pos = pos;
  }

  raw(n: number): number {
    if (this.normText === undefined) this.build();
    return this.pos ? this.pos[n]! : n;
  }

  /** Raw span of the normalised span [ns, ne): from its first character to its last, plus marks on the last letter. */
  rawSpan(ns: number, ne: number, exact: string): { start: number; end: number } {
    let start = this.raw(ns);
    if (this.text.startsWith(exact, start)) return { start, end: start + exact.length };
    // A quote that begins with marks (a bidi mark, tatweel) begins with them here too, if they are here.
    let lead = 0;
    while (lead < exact.length && ignorable(exact.charCodeAt(lead))) lead++;
    if (lead > 0 && start >= lead && this.text.startsWith(exact, start - lead)) return { start: start - lead, end: start - lead + exact.length };
    if (lead > 0) {
      while (lead > 0 && start > 0 && this.text.charCodeAt(start - 1) === exact.charCodeAt(lead - 1)) {
        start--;
        lead--;
      }
    }
    let end = this.raw(ne - 1) + 1;
    while (end < this.text.length && isMark(this.text.charCodeAt(end))) end++;
    return { start: snapStart(this.text, start), end: snapEnd(this.text, end) };
  }

}

/** The stored prefix and suffix are exactly the text around [s, e), as far as anchorFor would take them. */
export function contextIdentical(text: string, t: Anchor, s: number, e: number): boolean {
  // (Compared in place: this runs for every record, most often on an article that only shifted.)
  const ps = contextStart(text, s);
  const se = contextEnd(text, e);
  return s - ps === t.prefix.length && se - e === t.suffix.length && text.startsWith(t.prefix, ps) && text.startsWith(t.suffix, e);
}

export function isMark(c: number): boolean {
  return c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670;
}

/** Letters and digits: characters that continue a word. */
export function isWordChar(c: number): boolean {
  return c >= 0 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) && !ignorable(c);
}

/** The character of a stored side next to the quote, marks skipped (-1 at the article's edge). */
export function lastWordish(side: string, dir: -1 | 1): number {
  for (let i = dir < 0 ? side.length - 1 : 0; i >= 0 && i < side.length; i += dir) {
    const c = side.charCodeAt(i);
    if (!ignorable(c)) return c;
  }
  return -1;
}

/** The character of text next to offset i (before it when dir is -1), marks skipped; -1 at the edge. */
export function neighbour(text: string, i: number, dir: -1 | 1): number {
  for (let j = dir < 0 ? i - 1 : i; j >= 0 && j < text.length; j += dir) {
    const c = text.charCodeAt(j);
    if (!ignorable(c)) return c;
  }
  return -1;
}

export function snapStart(text: string, i: number): number {
  return i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1)) ? i - 1 : i;
}

export function snapEnd(text: string, i: number): number {
  return i < text.length && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1)) ? i + 1 : i;
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
