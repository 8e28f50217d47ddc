// The state of one claim detection and what every rule shares: the tokens and quote pairs, the
// entities found by the recogniser (searched by position), the speakers read so far (inherited by
// a verb with no subject), and turning a token range into a claimant.

import type { Claimant, EntityDetection } from '../types';
import { W } from './lexicon';
import { keepAtEnd } from './sentences';
import { isDigit, type Sentence, type Tok } from './tokens';

/** A quote with fewer words than this is a name or a scare quote ("القتالي"), not a statement. */
export const MIN_QUOTE_WORDS = 3;

export interface Speaker {
  claimant: Claimant;
  /** How the speaker was found, for scoring. */
  strength: 'named' | 'document' | 'anonymous' | 'inherited';
}

/** A claim found, before its span is trimmed and scored. */
export interface Draft {
  /** Token range of the claim, end exclusive. */
  a: number;
  b: number;
  speaker: Speaker | null;
  cue: string;
}

export class ClaimScan {
  /** The last explicit speaker, inherited by a verb with no subject (وأضاف أن …). */
  previous: Speaker | null = null;
  /** The sentence being read, and the speaker of its first statement: a participle continues it. */
  current: Sentence = { a: 0, b: 0 };
  sentenceSpeaker: Speaker | null = null;

  /** The longest entity, so a binary search by start can find every entity ending after a point. */
  private readonly longestEntity: number;

  constructor(
    readonly text: string,
    readonly toks: readonly Tok[],
    readonly closeOf: Int32Array,
    readonly entities: readonly EntityDetection[],
  ) {
    let longest = 0;
    for (const e of entities) longest = Math.max(longest, e.end - e.start);
    this.longestEntity = longest;
  }

  /** Index of the first entity that may end after `pos`: lookups stay logarithmic in long articles. */
  entityIndex(pos: number): number {
    const from = pos - this.longestEntity;
    let lo = 0;
    let hi = this.entities.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entities[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A person or organisation the recogniser found overlapping [start, end). */
  hasEntity(start: number, end: number): boolean {
    for (let x = this.entityIndex(start); x < this.entities.length; x++) {
      const e = this.entities[x]!;
      if (e.start >= end) break;
      if (e.end > start && (e.label === 'PER' || e.label === 'ORG')) return true;
    }
    return false;
  }

  /** The claimant written at tokens [a, b), edge punctuation dropped, with how it was found. */
  explicit(a: number, b: number): Speaker | null {
    const toks = this.toks;
    while (b > a && !toks[b - 1]!.word && !keepAtEnd(toks, a, b - 1)) b--;
    while (a < b && !toks[a]!.word) a++;
    if (b <= a) return null;
    const start = toks[a]!.start;
    const end = toks[b - 1]!.end;
    const first = toks[a]!.f | toks[a]!.fp;
    const strength: Speaker['strength'] = first & W.Document && b - a <= 3
      ? 'document'
      : first & W.Anonymous && !this.hasEntity(start, end)
        ? 'anonymous'
        : 'named';
    return { claimant: { start, end, text: this.text.slice(start, end) }, strength };
  }

  /** The previous explicit speaker, inherited. */
  inherit(): Speaker | null {
    return this.previous ? { claimant: this.previous.claimant, strength: 'inherited' } : null;
  }

  /** A colon between digits (10:30) is a time, not a quote's colon. */
  timeColon(k: number): boolean {
    const z = this.toks[k]!;
    return z.start > 0 && isDigit(this.text.charCodeAt(z.start - 1)) && isDigit(this.text.charCodeAt(z.end));
  }

  /** The first token starting at or after pos (binary search). */
  tokenAt(pos: number): number {
    const toks = this.toks;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Scripture and prophetic sayings are quoted, not claimed: no candidate for them. */
  sacred(sp: Speaker | null): boolean {
    if (!sp) return false;
    const lo = this.tokenAt(sp.claimant.start);
    return lo < this.toks.length && (this.toks[lo]!.f & W.Sacred) !== 0;
  }
}
