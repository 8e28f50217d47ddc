// What the old text was, read from the records' own windows, and where each character of the new
// text came from: stretches grown from the seeds (records found intact where the edits put them)
// for as long as the new text agrees with the old.

import type { AnnotationRecord } from '../annotationRecord';
import { CONTEXT_LENGTH, type Context, ignorable, normalize } from './text';
import { farRefuted, sideGoesOn } from './across';
import { carried, tailExplained } from './tails';

/**
 * What the old text was, where the records saw it: each record's stored window (prefix, quote,
 * suffix) is the old text around its old offsets. And where each character of the new text came
 * from: the windows found intact where the edits put them, grown on both sides for as long as the
 * new text goes on agreeing with the old (marks editors add ignored). A character reached from two
 * old places (a passage the edits repeated, or the two sides of a deletion meeting on the same
 * words) is contested: it belongs to neither for sure.
 */
export class Claims {
  private beforeAt: Int32Array | undefined;
  private afterAt: Int32Array | undefined;

  constructor(
    private readonly ctx: Context,
    /** Old offset each new character is known to come from; UNCLAIMED, or CONTESTED. */
    readonly of: Int32Array,
    readonly oldLength: number,
    /** The old text where some record saw it (`known[o] === 1`). */
    readonly oldChars: Uint16Array,
    readonly known: Uint8Array,
  ) {}

  // Most runs place every record before asking any of the questions below; the few records that
  // do ask look near their candidates, so the nearest claims are found by scanning, and the
  // whole-text tables are built only once the scans have cost a pass over the text.
  private scanned = 0;

  /** Nearest claimed character at or before y (-1: none). */
  before(y: number): number {
    if (this.beforeAt) return this.beforeAt[y]!;
    const of = this.of;
    let k = y;
    while (k >= 0 && of[k]! < 0) k--;
    this.scanned += y - k;
    if (this.scanned > of.length) this.beforeAt = nearestClaims(of, 1);
    return k;
  }

  /** Nearest claimed character at or after y (-1: none). */
  after(y: number): number {
    if (this.afterAt) return this.afterAt[y]!;
    const of = this.of;
    let k = y;
    while (k < of.length && of[k]! < 0) k++;
    this.scanned += k - y;
    if (this.scanned > of.length) this.afterAt = nearestClaims(of, -1);
    return k < of.length ? k : -1;
  }

  /**
   * Whether the old text, near where the claimed stretches on either side of the new span [cs, ce)
   * or the edits' `shifts` say it was, held the normalised `quote` at an old offset outside [s, e), followed (dir 1) or
   * preceded (dir -1) by `side`: at least `need` of the side's characters known there and all the
   * known ones the same. Those words with those neighbours were there before, somewhere else than
   * the old span.
   */
  seenElsewhere(cs: number, ce: number, quote: string, side: string, dir: -1 | 1, s: number, e: number, need: number, shifts: readonly number[]): boolean {
    const y1 = cs > 0 ? this.before(cs - 1) : -1;
    const y2 = ce < this.of.length ? this.after(ce) : -1;
    const starts = nearStarts(this, cs, y1, y2, shifts);
    for (const at of starts) {
      for (let o = Math.max(0, at - ELSEWHERE_SLACK); o <= at + ELSEWHERE_SLACK && o < this.known.length; o++) {
        if (o >= s && o < e) continue;
        if (this.holdsAt(o, quote, side, dir, need)) return true;
      }
    }
    return false;
  }

  /**
   * What the old text near the shifts had next to the `need` characters of `side` nearest a quote
   * at the new span [cs, ce) (dir 1: the side follows it): 'unsure' if those characters are old
   * text somewhere there that stood next to the quote's words or next to unknown text, 'other' if
   * they are old text only next to other known words, 'absent' if they are not found.
   */
  besideSide(cs: number, ce: number, quote: string, side: string, dir: -1 | 1, need: number, shifts: readonly number[]): 'unsure' | 'other' | 'absent' {
    const piece = dir > 0 ? side.slice(0, need) : side.slice(side.length - need);
    if (piece.length < need) return 'unsure';
    const y1 = cs > 0 ? this.before(cs - 1) : -1;
    const y2 = ce < this.of.length ? this.after(ce) : -1;
    const starts = nearStarts(this, cs, y1, y2, shifts);
    const { known, oldChars } = this;
    let other = false;
    for (const at of starts) {
      for (let o = Math.max(0, at - ELSEWHERE_SLACK); o <= at + ELSEWHERE_SLACK && o < known.length; o++) {
        // The piece read from o on (marks skipped; an unknown letter may be any, half of them known).
        let x = o;
        let j = 0;
        let seen = 0;
        for (; j < piece.length; j++, x++) {
          while (x < known.length && known[x] === 1 && ignorable(oldChars[x]!)) x++;
          if (x >= known.length) break;
          if (known[x] !== 1) continue;
          if (oldChars[x] !== piece.charCodeAt(j)) break;
          seen++;
        }
        if (j < piece.length || 2 * seen < piece.length) continue;
        // And the quote's length of text next to it, on the quote's side.
        let y = dir > 0 ? o - 1 : x;
        let got = '';
        let unknown = false;
        while (got.length < quote.length && y >= 0 && y < known.length) {
          if (known[y] !== 1) {
            unknown = true;
            break;
          }
          const c = oldChars[y]!;
          if (!ignorable(c)) got = dir > 0 ? String.fromCharCode(c) + got : got + String.fromCharCode(c);
          y -= dir;
        }
        if (unknown || got === quote) return 'unsure';
        if (got.length === quote.length && sideGoesOn(this, side, piece.length, dir > 0 ? x : o - 1, dir)) other = true;
      }
    }
    return other ? 'other' : 'absent';
  }

  /** The old text at o reads `quote` (every letter known), then `side` after it or before it (unknown letters skipped, `need` known). */
  private holdsAt(o: number, quote: string, side: string, dir: -1 | 1, need: number): boolean {
    const { known, oldChars } = this;
    const len = known.length;
    let x = o;
    for (let j = 0; j < quote.length; j++, x++) {
      while (x < len && known[x] === 1 && ignorable(oldChars[x]!)) x++;
      if (x >= len || known[x] !== 1 || oldChars[x] !== quote.charCodeAt(j)) return false;
    }
    let same = 0;
    x = dir > 0 ? x : o - 1;
    for (let j = 0; j < side.length; j++, x += dir) {
      while (x >= 0 && x < len && known[x] === 1 && ignorable(oldChars[x]!)) x += dir;
      if (x < 0 || x >= len) return false;
      if (known[x] !== 1) continue;
      if (oldChars[x] !== side.charCodeAt(dir > 0 ? j : side.length - 1 - j)) return false;
      same++;
    }
    return same >= need;
  }

  /** Ignorable characters of the new text in [a, b) (a ≤ b). */
  ign(a: number, b: number): number {
    // (The context's map of the characters it keeps: one pass over the text for both.)
    return this.ctx.ignorableBetween(a, b);
  }
}

/** For each position the nearest claimed one at or before it (dir 1), or at or after it (dir -1); -1: none. */
function nearestClaims(of: Int32Array, dir: 1 | -1): Int32Array {
  const out = new Int32Array(of.length);
  let lastSeen = -1;
  for (let k = 0; k < of.length; k++) {
    const y = dir > 0 ? k : of.length - 1 - k;
    if (of[y]! >= 0) lastSeen = y;
    out[y] = lastSeen;
  }
  return out;
}

export const UNCLAIMED = -1;
/** How far from where the nearest stretches put it the old text is searched for a place's words. */
const ELSEWHERE_SLACK = 2048;
export const CONTESTED = -2;

export function buildClaims(ctx: Context, records: readonly AnnotationRecord[], seed: Int32Array, searched: Uint8Array, oldLength: number | undefined): Claims | undefined {
  let hasSeed = false;
  for (let i = 0; i < seed.length && !hasSeed; i++) hasSeed = seed[i]! >= 0;
  if (!hasSeed) return undefined;
  const text = ctx.text;
  const old = oldText(records, (oldLength ?? text.length) + 2 * CONTEXT_LENGTH);
  const globalDelta = oldLength === undefined ? 0 : text.length - oldLength;
  const of = growStretches(text, records, seed, searched, old, globalDelta);
  return new Claims(ctx, of, oldLength ?? old.chars.length, old.chars, old.state);
}

interface OldText {
  chars: Uint16Array;
  /** 0 unknown, 1 known, 2 records disagree (a hand edit): unknown. */
  state: Uint8Array;
}

/** The old text from the records' windows, up to `bound` (a stale or hand-made record may claim offsets far beyond the article). */
function oldText(records: readonly AnnotationRecord[], bound: number): OldText {
  let len = 0;
  for (const r of records) {
    const t = r.target;
    if (r.orphan || t.end - t.start !== t.exact.length || t.start < 0) continue;
    const end = t.end + t.suffix.length;
    if (end <= bound && end > len) len = end;
  }
  const chars = new Uint16Array(len);
  const state = new Uint8Array(len);
  // (Each part of a window in place: no joined copy of thousands of windows.)
  const put = (part: string, from: number): void => {
    for (let k = 0; k < part.length; k++) {
      const o = from + k;
      const c = part.charCodeAt(k);
      if (state[o] === 0) {
        state[o] = 1;
        chars[o] = c;
      } else if (state[o] === 1 && chars[o] !== c) state[o] = 2;
    }
  };
  for (const r of records) {
    const t = r.target;
    if (r.orphan || t.end - t.start !== t.exact.length || t.start < 0) continue;
    const ws = t.start - t.prefix.length;
    if (ws < 0 || t.end + t.suffix.length > len) continue;
    put(t.prefix, ws);
    put(t.exact, t.start);
    put(t.suffix, t.end);
  }
  return { chars, state };
}

/**
 * The old offset each new character comes from: each seed's window grown both ways for as long as
 * the new text agrees with the old. Seeds found where the edits put them claim first; searched
 * seeds then in order of how near their shift is to the whole text's (of two passages that both
 * fit, the one the length change points to claims first).
 */
function growStretches(text: string, records: readonly AnnotationRecord[], seed: Int32Array, searched: Uint8Array, old: OldText, globalDelta: number): Int32Array {
  const of = new Int32Array(text.length).fill(UNCLAIMED);
  const n = text.length;
  const len = old.chars.length;
  const { chars: oldChars, state } = old;
  // From (y, o) in direction dir while the texts agree; meeting the same claim ends it (that stretch
  // was grown already), meeting another marks the character contested and goes on.
  // A searched seed yields: its stretch stops at any character already claimed, so a passage the
  // article repeats cannot contest the place the edits put the original.
  const grow = (y: number, o: number, dir: 1 | -1, yields: boolean): void => {
    while (y >= 0 && y < n && o >= 0 && o < len && state[o] === 1) {
      const nc = text.charCodeAt(y);
      const oc = oldChars[o]!;
      if (nc === oc) {
        const v = of[y]!;
        if (v === UNCLAIMED) of[y] = o;
        else if (v === o || yields) return;
        else of[y] = CONTESTED;
        y += dir;
        o += dir;
      } else if (ignorable(nc)) y += dir;
      else if (ignorable(oc)) o += dir;
      else return;
    }
  };
  const bySearch = records.map((_, i) => i).filter((i) => seed[i]! >= 0);
  // (Each key once, not in every comparison.)
  const dist = new Float64Array(records.length);
  for (const i of bySearch) dist[i] = (searched[i] ? 1 : 0) * 1e9 + Math.abs(seed[i]! - records[i]!.target.start - globalDelta);
  bySearch.sort((a, b) => dist[a]! - dist[b]! || a - b);
  for (const pass of [0, 1]) {
    bySearch.forEach((i) => {
      const r = records[i]!;
      const p = seed[i]!;
      if (p < 0 || searched[i] !== pass) return;
      // (A searched seed whose quote is already someone's is no seed.)
      if (pass === 1 && of[p] !== UNCLAIMED && of[p] !== r.target.start) {
        seed[i] = -1;
        return;
      }
      grow(p, r.target.start, 1, pass === 1);
      grow(p - 1, r.target.start - 1, -1, pass === 1);
    });
  }
  return of;
}

/** Whether the old text at the starts in [lo, hi] is known to be the words of [cs, ce) there (marks ignored). */
export function otherText(claims: Claims, lo: number, hi: number, text: string, cs: number, ce: number): 'differs' | 'same' | 'unknown' {
  const want = normalize(text.slice(cs, ce));
  if (hi - lo > 8) return 'unknown';
  let unknown = false;
  for (let x = lo; x <= hi; x++) {
    let o = x;
    let got = '';
    while (got.length < want.length && o >= 0 && o < claims.known.length && claims.known[o] === 1) {
      const c = claims.oldChars[o++]!;
      if (!ignorable(c)) got += String.fromCharCode(c);
    }
    if (got === want) return 'same';
    if (got.length < want.length && want.startsWith(got)) unknown = true;
  }
  return unknown ? 'unknown' : 'differs';
}

/**
 * A gap between claimed stretches counts as unchanged only this short (a longer one can hold a
 * paragraph moved within it), and a place there is foreign to a quote only this far from where the
 * quote would be (two edits of a number can cancel out in length).
 */
export const GAP_MAX = 160;
export const GAP_SLACK = CONTEXT_LENGTH;

/** Letters of agreement a side needs when nothing is known of what lay past the edit that ends it. */
export const MARGIN_UNKNOWN = 16;

/** Characters on each side of a quote that must come from the quote's own surroundings before its place is certain. */
export const MARGIN = 8;

/**
 * What the claims say of [cs, ce) as the place of the old span [s, e): 'foreign' when some character
 * there is known to come from elsewhere (or is contested), 'certain' when every character and
 * MARGIN characters on both sides come from the old span and its surroundings (a stretch that ends
 * right at the quote could be the other side of a deletion that began with the same words), else
 * 'open'. An orphan's old offsets mean nothing: any claimed character is foreign to it.
 */
export function claimStatus(claims: Claims | undefined, text: string, cs: number, ce: number, s: number, e: number, orphan: boolean, slack = 0): 'certain' | 'foreign' | 'open' | 'doubtful' {
  if (!claims) return 'open';
  const of = claims.of;
  let own = 0;
  let letters = 0;
  for (let y = cs; y < ce; y++) {
    if (ignorable(text.charCodeAt(y))) continue;
    letters++;
    const v = of[y]!;
    if (v === UNCLAIMED) continue;
    if (orphan || v === CONTESTED || v < s - slack || v >= e + slack) return 'foreign';
    own++;
  }
  if (own === 0 && letters > 0) {
    // Between two claimed stretches whose distance did not change, the text is where it was: a
    // place there is the image of the old text at the same distance, which is this quote or not.
    const y1 = claims.before(cs);
    const y2 = ce < text.length ? claims.after(ce) : -1;
    if (y1 >= 0 && y2 >= 0) {
      const v1 = of[y1]!;
      const v2 = of[y2]!;
      const marks = claims.ign(y1, y2);
      const newLen = y2 - y1;
      const oldLen = v2 - v1;
      if (oldLen > 0 && newLen <= GAP_MAX && oldLen <= newLen && oldLen >= newLen - marks) {
        const lo = v1 + (cs - y1) - claims.ign(y1, cs);
        const hi = v1 + (cs - y1);
        if (orphan || s < lo - slack - GAP_SLACK || s > hi + slack + GAP_SLACK) return 'foreign';
        if (marks === 0 && slack === 0 && lo === s) return 'certain';
      }
    }
  }
  if (orphan || slack > 0 || own === 0 || own < letters) return 'open';
  // The surroundings, MARGIN letters each way, must come from right around the old span; and a
  // stretch that stops within the context length may stop at an edit. Then the stretch on the far
  // side of that edit, had it run on, might have brought these same words (a deletion that began
  // with them): the place is certain only if its old text there is known and differs, or would be
  // characters the near stretch already holds (an insertion), or — with MARGIN letters to spare —
  // is at least not known to be the same words.
  // When the far stretch would have brought these very words, the place is doubtful: it is this
  // quote only if its own surroundings say so on both sides.
  const before = sideHolds(claims, text, cs, ce, s, e, -1);
  const after = sideHolds(claims, text, cs, ce, s, e, 1);
  // And the stretch through the quote must run on MARGIN letters past it on each side, without a
  // jump: a stretch that crosses an edit can run a few letters into the new text there when it
  // happens to begin as the old text went on (words inserted that begin with the quote's own word,
  // a copied sentence that begins with the same punctuation), and those letters are not the old
  // ones, which may stand just past the new text.
  const held = before === 'holds' && after === 'holds';
  if (held) for (const dir of [-1, 1] as const) {
    const k = carried(claims, text, cs, ce, dir);
    if (k < MARGIN && tailExplained(claims, text, cs, ce, s, e, dir, k)) return 'doubtful';
  }
  return held ? 'certain' : before === 'same' || after === 'same' ? 'doubtful' : 'open';
}

export function sideHolds(claims: Claims, text: string, cs: number, ce: number, s: number, e: number, dir: -1 | 1): 'holds' | 'open' | 'same' {
  const of = claims.of;
  let k = 0;
  let last = dir < 0 ? s : e - 1;
  for (let y = dir < 0 ? cs - 1 : ce; k < CONTEXT_LENGTH; y += dir) {
    if (y < 0) return last <= MARGIN || k >= MARGIN ? 'holds' : 'open';
    if (y >= text.length) return last >= claims.oldLength - 1 - MARGIN || k >= MARGIN ? 'holds' : 'open';
    if (ignorable(text.charCodeAt(y))) continue;
    const v = of[y]!;
    const next = dir < 0 ? v >= 0 && v < last && v >= s - 4 * CONTEXT_LENGTH : v > last && v < e + 4 * CONTEXT_LENGTH;
    if (next) {
      // A jump is the far side of a deletion: had the deleted text begun with these same words,
      // this stretch would have brought them here just the same.
      if (v !== last + dir && jumped(claims, last, v) && otherText(claims, dir < 0 ? v + (cs - y) - claims.ign(y, cs) : v - (y - cs), dir < 0 ? v + (cs - y) : v - (y - cs) + claims.ign(cs, y), text, cs, ce) === 'same') return 'same';
      last = v;
      k++;
      continue;
    }
    // The near stretch ends here: what the far one says of the quote's place.
    const far = dir < 0 ? claims.before(y) : claims.after(y);
    const vf = far >= 0 ? of[far]! : -1;
    if (far < 0 || vf < 0 || (dir < 0 ? vf >= last : vf <= last)) return k >= MARGIN_UNKNOWN ? 'holds' : 'open';
    const lo = dir < 0 ? vf + (cs - far) - claims.ign(far, cs) : vf - (far - cs);
    const hi = dir < 0 ? vf + (cs - far) : lo + claims.ign(cs, far);
    if (dir < 0 ? lo >= last : hi + (e - s) <= last + 1) return 'holds';
    // (Only if the text between the stretches can be the old text the far one puts there.)
    if (farRefuted(claims, text, y, far, vf, dir)) return k >= MARGIN_UNKNOWN ? 'holds' : 'open';
    const other = otherText(claims, lo, hi, text, cs, ce);
    if (other === 'same') return 'same';
    return other === 'differs' || (k >= MARGIN_UNKNOWN && other === 'unknown') ? 'holds' : 'open';
  }
  return 'holds';
}

/** Old text between two old offsets a stretch reached one after the other that is not marks: a deletion between them. */
export function jumped(claims: Claims, a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  for (let o = lo + 1; o < hi; o++) if (claims.known[o] !== 1 || !ignorable(claims.oldChars[o]!)) return true;
  return false;
}

/** Old offsets where the new offset cs was, by the edits' shifts and the nearest claimed characters y1, y2 (-1: none); each once. */
function nearStarts(claims: Claims, cs: number, y1: number, y2: number, shifts: readonly number[]): number[] {
  const out: number[] = [];
  const add = (o: number): void => {
    if (!out.some((x) => Math.abs(x - o) <= CONTEXT_LENGTH)) out.push(o);
  };
  for (const d of shifts) add(cs - d);
  for (const y of [y1, y2]) if (y >= 0) add(claims.of[y]! + (cs - y));
  return out;
}

/**
 * Which side of the new span [cs, ce) one followed stretch vouches for, from its own surroundings
 * through the quote: every letter of the span is the old span's own letter, in order, the first
 * and the last exactly the old span's ends, and MARGIN_UNKNOWN letters or more on that side come on
 * from right beside it in the old text, with nothing on that side saying the far side of an edit
 * had these same words there (sideHolds). 1: the side after, -1: the side before, 0: neither.
 */
export function ownThrough(claims: Claims, text: string, cs: number, ce: number, s: number, e: number): -1 | 0 | 1 {
  const of = claims.of;
  let first = -1;
  let last = -1;
  for (let y = cs; y < ce; y++) {
    if (ignorable(text.charCodeAt(y))) continue;
    const v = of[y]!;
    if (v < s || v >= e || (last >= 0 && v <= last)) return 0;
    if (first < 0) first = v;
    last = v;
  }
  if (first < 0 || !endsAt(claims, s, first, 1) || !endsAt(claims, e - 1, last, -1)) return 0;
  for (const dir of [1, -1] as const) {
    let k = 0;
    let at = dir > 0 ? last : first;
    for (let y = dir > 0 ? ce : cs - 1; y >= 0 && y < text.length && k < MARGIN_UNKNOWN; y += dir) {
      if (ignorable(text.charCodeAt(y))) continue;
      const v = of[y]!;
      if (v < 0 || (dir > 0 ? v <= at : v >= at) || jumped(claims, at, v)) break;
      at = v;
      k++;
    }
    if (k >= MARGIN_UNKNOWN && sideHolds(claims, text, cs, ce, s, e, dir) === 'holds') return dir;
  }
  return 0;
}

/** The old offset v is the old span's end a (marks between them aside), seen from inside (dir 1: a is the start). */
function endsAt(claims: Claims, a: number, v: number, dir: 1 | -1): boolean {
  if (v === a) return true;
  return dir > 0 ? v > a && !jumped(claims, a - 1, v) : v < a && !jumped(claims, v, a + 1);
}

/**
 * The letters at one edge of the new span [cs, ce) that a neighbouring stretch reached past its
 * own end (a deletion whose text began, or ended, with the quote's first or last letters: the
 * stretch before it runs on for as long as the deleted text agrees, one or two letters into the
 * quote), or that two stretches contest there. Returns the span without them, when that is all
 * that is foreign at that edge: at most SPILL letters and fewer than the letters left, claimed
 * (or contested) in one run from the edge, and the stretch before (after) the span running into
 * them without a break; undefined otherwise. The rest is then judged like any other place.
 */
export function edgeSpill(claims: Claims, text: string, cs: number, ce: number, s: number, e: number): { cs: number; ce: number } | undefined {
  const of = claims.of;
  const own = (v: number): boolean => v >= s && v < e;
  for (const dir of [1, -1] as const) {
    // From the edge inward: the spilled letters.
    let y = dir > 0 ? cs : ce - 1;
    let k = 0;
    let prev = dir > 0 ? (cs > 0 ? of[cs - 1]! : UNCLAIMED) : ce < of.length ? of[ce]! : UNCLAIMED;
    // (A spill continues a stretch from outside the span, or is contested.)
    if (prev === UNCLAIMED) continue;
    while (y >= cs && y < ce) {
      if (ignorable(text.charCodeAt(y))) return undefined;
      const v = of[y]!;
      if (v === CONTESTED || (v >= 0 && !own(v) && (prev === CONTESTED || v === prev + dir))) {
        prev = v;
        k++;
        y += dir;
      } else break;
    }
    if (k === 0 || k > SPILL) continue;
    const left = ce - cs - k;
    if (left <= k) return undefined;
    return dir > 0 ? { cs: cs + k, ce } : { cs, ce: ce - k };
  }
  return undefined;
}

/** At most this many letters at a quote's edge may be a neighbouring stretch's spill. */
export const SPILL = 3;
