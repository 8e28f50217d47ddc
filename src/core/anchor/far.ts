// The text beyond a record's stored context, as a compact fingerprint (the sidecar's `target.far`):
// one character per word of the FAR_LENGTH characters past the 32 of `prefix` and `suffix` on each
// side. An article that repeats a formula (a greeting, a title, a byline) longer than the stored
// context gives two places whose `prefix` or `suffix` is the same; the words past it tell them
// apart (issue 15). Every record Khabar makes carries it, marked by its separator as repeated or
// not; it is written again only with the record's own quote or context, so an edit changes no
// other record's bytes. For a quote found once, the words past a whole side vouch for the place.

import type { Anchor } from '../annotationRecord';
import type { Placement, Scored } from './evidence';
import { CONTEXT_MATCH, wholeSidesInSentence } from './evidence';
import { anchorFor as contextAnchor, CONTEXT_LENGTH, ignorable } from './text';

/** Characters past the stored context, on each side, that the fingerprint covers. */
export const FAR_LENGTH = 96;

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Stands for the start (end) of the article reached within the covered characters. */
const EDGE = '.';

function isLetter(c: number): boolean {
  // Letters and digits of any script; marks editors add or drop are skipped, not separators.
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0x600 && c <= 0x6ff) return (c >= 0x621 && c <= 0x64a) || (c >= 0x660 && c <= 0x669) || (c >= 0x671 && c <= 0x6d3) || (c >= 0x6f0 && c <= 0x6f9);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/**
 * The words wholly inside text[from, to), nearest the quote first (dir -1: the quote is after `to`),
 * each as one character (a hash of its letters, marks ignored), then EDGE when the range reached
 * the article's start (end).
 */
function words(text: string, from: number, to: number, dir: -1 | 1): string {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  const out: string[] = [];
  let h = 0;
  let inWord = false;
  let started = lo;
  // A word cut by the range's outer edge is not whole; one cut by the inner edge (next to the
  // stored context) is not either.
  const flush = (end: number): void => {
    if (!inWord) return;
    inWord = false;
    const cutLeft = started === lo && lo > 0 && isLetter(text.charCodeAt(lo - 1));
    const cutRight = end === hi && hi < text.length && isLetter(text.charCodeAt(hi));
    if (!cutLeft && !cutRight) out.push(DIGITS[(h >>> 0) % 64]!);
  };
  for (let i = lo; i < hi; i++) {
    const c = text.charCodeAt(i);
    if (ignorable(c)) continue;
    if (isLetter(c)) {
      if (!inWord) {
        inWord = true;
        started = i;
        h = 0x811c9dc5;
      }
      h = Math.imul(h ^ c, 0x01000193);
    } else flush(i);
  }
  flush(hi);
  if (dir < 0) {
    out.reverse();
    if (from <= 0) out.push(EDGE);
  } else if (to >= text.length) out.push(EDGE);
  return out.join('');
}

/** The fingerprint of the text past the stored context of [start, end): the words before, a space, the words after. */
export function farPrint(text: string, start: number, end: number, sep: string = REPEATED): string {
  const b = start - CONTEXT_LENGTH;
  const a = end + CONTEXT_LENGTH;
  const before = b <= 0 ? '' : words(text, b - FAR_LENGTH, b, -1);
  const after = a >= text.length ? '' : words(text, a, a + FAR_LENGTH, 1);
  return before + sep + after;
}

/** Separates a fingerprint's sides for a record whose quote sat in words the article repeats (inRepeat)... */
const REPEATED = ' ';
/** ...and for one whose quote with its nearest context the article had once when the record was written. */
const ONCE = '/';

/** The fingerprint says the article repeated the record's words when it was written: farDiscount weighs it. */
export function farRepeated(far: string): boolean {
  return far.includes(REPEATED);
}

function farCut(far: string): number {
  const k = far.indexOf(REPEATED);
  return k >= 0 ? k : far.indexOf(ONCE);
}

/**
 * The quote's nearest characters with the text next to them — REPEAT_WINDOW characters, at least
 * REPEAT_SIDE of them context, on either side — occur elsewhere in the text too: the stored
 * context alone may not tell the two apart.
 */
export function inRepeat(text: string, start: number, end: number): boolean {
  if (text.length <= REPEAT_WINDOW) return false;
  const before = Math.max(0, Math.min(start - REPEAT_SIDE, end - REPEAT_WINDOW));
  const after = Math.max(0, Math.min(text.length - REPEAT_WINDOW, Math.max(start, end - (REPEAT_WINDOW - REPEAT_SIDE))));
  // A few records of a run look the text up directly; past that, one index of the whole text.
  if (lastText !== text) {
    lastText = text;
    lastCalls = 0;
    lastWindows = undefined;
  }
  if (++lastCalls <= DIRECT_LOOKUPS) {
    const twice = (from: number): boolean => {
      const w = text.slice(from, from + REPEAT_WINDOW);
      return text.indexOf(w) !== from || text.indexOf(w, from + 1) >= 0;
    };
    return twice(before) || twice(after);
  }
  lastWindows ??= windowsOf(text);
  return lastWindows.count(windowHash(text, before)) > 1 || lastWindows.count(windowHash(text, after)) > 1;
}

/** Characters of context that, repeated with the quote's nearest characters, make a record carry a fingerprint. */
export const REPEAT_SIDE = 16;
const REPEAT_WINDOW = 24;

/** A hash of every REPEAT_WINDOW characters of the text, sorted: built once per text (a run anchors many records in one text). */
class Windows {
  constructor(readonly sorted: Int32Array) {}
  count(h: number): number {
    const lower = (x: number, strict: boolean): number => {
      let lo = 0;
      let hi = this.sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.sorted[mid]! < x || (strict && this.sorted[mid] === x)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return lower(h, true) - lower(h, false);
  }
}

let lastText: string | undefined;
let lastCalls = 0;
let lastWindows: Windows | undefined;
const DIRECT_LOOKUPS = 16;

function windowsOf(text: string): Windows {
  const n = text.length - REPEAT_WINDOW + 1;
  const out = new Int32Array(n);
  // A polynomial hash rolled along the text (arithmetic modulo 2^32): a collision only adds a fingerprint.
  let top = 1;
  for (let k = 1; k < REPEAT_WINDOW; k++) top = Math.imul(top, HASH_BASE);
  let h = windowHash(text, 0);
  out[0] = h;
  for (let i = 1; i < n; i++) {
    h = (Math.imul(h - Math.imul(text.charCodeAt(i - 1), top), HASH_BASE) + text.charCodeAt(i + REPEAT_WINDOW - 1)) | 0;
    out[i] = h;
  }
  out.sort();
  return new Windows(out);
}

const HASH_BASE = 131;

function windowHash(text: string, from: number): number {
  let h = 0;
  for (let k = 0; k < REPEAT_WINDOW; k++) h = (Math.imul(h, HASH_BASE) + text.charCodeAt(from + k)) | 0;
  return h;
}

/**
 * The anchor of [start, end) in text (quote, prefix, suffix), with `far`: its sides separated by
 * a space when the quote and the text next to it repeat elsewhere in the article, else by `/`.
 */
export function anchorFor(text: string, start: number, end: number): Anchor {
  const a = contextAnchor(text, start, end);
  a.far = farPrint(text, start, end, inRepeat(text, start, end) ? REPEATED : ONCE);
  return a;
}

/**
 * A quote the article has once (count: its occurrences), one stored side whole beside it within
 * its sentence (wholeSidesInSentence), and two thirds of the words past that side agreeing with
 * the record's `far`: its own place, wherever the edits put it (a deleted sentence before a
 * sentence's first words took their prefix). Only for a record that carries `far`; one without it
 * (an older Khabar's, or its line deleted) keeps the other rules.
 */
export function vouchedOnce(text: string, t: Anchor, all: readonly Scored[], c: Scored): boolean {
  if (t.far === undefined || farRepeated(t.far) || !vouched(text, t, c)) return false;
  return all.every((o) => o === c || o.start === c.start || !vouched(text, t, o));
}

function vouched(text: string, t: Anchor, c: Scored): boolean {
  const whole = wholeSidesInSentence(c, t);
  if (!whole.before && !whole.after) return false;
  const f = farAgreement(t.far!, text, c.start, c.end);
  return (whole.before && (f.before ?? 0) >= FAR_AGREE) || (whole.after && (f.after ?? 0) >= FAR_AGREE);
}

/**
 * The anchor of a record placed again at [start, end) by re-anchoring. It has a `far` if it had
 * one, with the same separator: whether the article repeats its words is decided when the record is made (or re-attached,
 * or its context refreshed by the editor), not by re-anchoring, which would have to search the
 * whole article for every record an edit touched. The fingerprint itself is written again only
 * when the quote or its 32 characters of context changed, never on account of an edit elsewhere.
 */
export function replacedAnchor(text: string, old: Anchor, start: number, end: number): Anchor {
  const a = contextAnchor(text, start, end);
  if (old.far === undefined) return a;
  a.far = a.prefix !== old.prefix || a.suffix !== old.suffix || a.exact !== old.exact ? farPrint(text, start, end, farRepeated(old.far) ? REPEATED : ONCE) : old.far;
  return a;
}

/** Sides of a stored fingerprint with this many words or more say something. */
const FAR_MIN_WORDS = 3;

/**
 * How well the text past the context of [start, end) agrees with a stored fingerprint, for each
 * side: the longest run of words in common (in order, gaps allowed) over the stored side's words;
 * undefined for a side too short to say anything.
 */
export function farAgreement(far: string, text: string, start: number, end: number): { before?: number; after?: number } {
  const f = farSides(far, text, start, end);
  if (!f) return {};
  // (The article's edge is no word: a side that reached it says as much as its words.)
  const side = (stored: string, here: string): number | undefined => {
    const s = stored.replace(EDGE, '');
    return s.length < FAR_MIN_WORDS ? undefined : common(s, here.replace(EDGE, '')) / s.length;
  };
  return { before: side(f.stored[0], f.now[0]), after: side(f.stored[1], f.now[1]) };
}

/** A stored fingerprint's two sides and those of the place [start, end) now; undefined for one with no separator. */
function farSides(far: string, text: string, start: number, end: number): { stored: [string, string]; now: [string, string] } | undefined {
  const cut = farCut(far);
  if (cut < 0) return undefined;
  const now = farPrint(text, start, end);
  const nowCut = now.indexOf(REPEATED);
  return { stored: [far.slice(0, cut), far.slice(cut + 1)], now: [now.slice(0, nowCut), now.slice(nowCut + 1)] };
}

/** Length of the longest common subsequence of two short strings. */
function common(a: string, b: string): number {
  let prev = new Uint8Array(b.length + 1);
  let cur = new Uint8Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * How much of a side's fingerprint must agree for the words past its context to be the same. Two
 * sentences of one article often share a lead-in («بعث الرئيس برقية إلى ...»): four words of seven
 * in common, more than half, is no more than that. An edit past the context that changes a word or
 * two of a side leaves at least this much.
 */
export const FAR_AGREE = 2 / 3;

/**
 * Weighs a candidate's sides against the record's fingerprint. A side whose 32 characters match
 * here while the words past them differ is a formula the article repeats, not evidence of this
 * place — unless the other side agrees near and far (then an edit past the context changed the
 * first): it is then scored as a side an edit changed.
 */
export function farDiscount(far: string, text: string, c: Scored): void {
  const nearBefore = c.wp >= CONTEXT_MATCH;
  const nearAfter = c.ws >= CONTEXT_MATCH;
  // (Most places of a common word match on neither side: nothing to weigh.)
  if (!nearBefore && !nearAfter) return;
  const f = farAgainst(far, text, c.start, c.end);
  let farBefore: boolean | null | undefined = f.before === undefined ? undefined : f.before >= FAR_AGREE;
  let farAfter: boolean | null | undefined = f.after === undefined ? undefined : f.after >= FAR_AGREE;
  // A side whose words agree up to its sentence's end and differ only past it (f.moved: the
  // sentence moved, and has new neighbours) says nothing (null: it neither counts against the
  // place nor vouches for its other side), unless the other side's far words differ too: then the
  // place's sentence is another one, which shares a formula with the record's.
  if (f.moved.before && !(nearAfter && farAfter === false)) farBefore = null;
  if (f.moved.after && !(nearBefore && farBefore === false)) farAfter = null;
  // (A side too short to say anything, at the article's edge, does not count against the place.)
  if ((nearBefore && farBefore !== false && farBefore !== null) || (nearAfter && farAfter !== false && farAfter !== null)) return;
  const against = { before: nearBefore && farBefore === false, after: nearAfter && farAfter === false };
  if (!against.before && !against.after) return;
  // What the person sees of an orphan's candidates: its context as it matches here, and that the
  // words past it differ (not a place whose context half matches).
  c.near = c.context;
  c.farDiffers = true;
  if (against.before) {
    c.sp = Math.min(c.sp, DISCOUNTED);
    c.wp = Math.min(c.wp, DISCOUNTED);
    c.rp = 0;
  }
  if (against.after) {
    c.ss = Math.min(c.ss, DISCOUNTED);
    c.ws = Math.min(c.ws, DISCOUNTED);
    c.rs = 0;
  }
  c.context = (c.sp + c.ss) / 2;
}

/**
 * farAgreement as evidence against a place: far words that differ count only where the place has
 * words to differ, within its own sentence. A side that reaches the article's edge is compared
 * over the words it has (text deleted before a sentence is no other place's); `moved` marks a side
 * whose words up to its sentence's end agree with the stored ones and differ only past it (the
 * sentence moved, and the sentences past it may be its new neighbours, not another copy's words).
 */
function farAgainst(far: string, text: string, start: number, end: number): { before?: number; after?: number; moved: { before: boolean; after: boolean } } {
  const moved = { before: false, after: false };
  const f = farSides(far, text, start, end);
  if (!f) return { moved };
  const b = start - CONTEXT_LENGTH;
  const a = end + CONTEXT_LENGTH;
  const inSentence = { before: b <= 0 ? '' : words(text, Math.max(sentenceBound(text, b, -1), b - FAR_LENGTH), b, -1), after: a >= text.length ? '' : words(text, a, Math.min(sentenceBound(text, a, 1), a + FAR_LENGTH), 1) };
  const side = (stored: string, here: string, own: string, which: 'before' | 'after'): number | undefined => {
    let s = stored.replace(EDGE, '');
    const h = here.replace(EDGE, '');
    const o = own.replace(EDGE, '');
    moved[which] = o.length > 0 && o.length < h.length && s.startsWith(o);
    if (here.endsWith(EDGE) && h.length < s.length) s = s.slice(0, h.length);
    return s.length < FAR_MIN_WORDS ? undefined : common(s, h) / s.length;
  };
  const before = side(f.stored[0], f.now[0], inSentence.before, 'before');
  const after = side(f.stored[1], f.now[1], inSentence.after, 'after');
  return { before, after, moved };
}

/** Where the sentence around `at` ends (dir 1: the index of its end mark) or begins (dir -1: just past the previous one). */
function sentenceBound(text: string, at: number, dir: -1 | 1): number {
  const end = /[.!؟\n]/;
  if (dir > 0) {
    for (let i = at; i < text.length; i++) if (end.test(text[i]!)) return i;
    return text.length;
  }
  for (let i = at - 1; i >= 0; i--) if (end.test(text[i]!)) return i + 1;
  return 0;
}

/** What a side counted out by farDiscount scores: below every threshold a matching side must reach. */
const DISCOUNTED = 0.5;

/**
 * The record's `far` says the article had its passage twice when it was tagged (a space between its
 * sides: farRepeated; a record made where its words were once, `/`, is not of this kind) and the far words
 * chose no place: they marked down no other place whose context matched. With its own copy deleted
 * the other copy matches on both sides, far words too, and which copy survived only the edits can
 * tell: both sides matching is then no strong evidence (the place must lie between the record's
 * neighbours, place()), and an orphan, which has no edits to go by, does not come back on them.
 * Every place is weighed, others' words too, as an orphan's retry weighs them all.
 */
export function farUnchosen(t: Anchor, all: readonly Scored[], scored: (c: Scored) => Scored): boolean {
  return t.far !== undefined && farRepeated(t.far) && !all.some((c) => scored(c).farDiffers && (c.near ?? 0) >= CONTEXT_MATCH);
}

/**
 * A place taken on both sides matching is no strong evidence for a record whose passage the
 * article had twice (farUnchosen): place() then wants it between its neighbours.
 */
export function weighBothSides(t: Anchor, all: readonly Scored[], scored: (c: Scored) => Scored, q: Placement): Placement {
  return !('lost' in q) && q.strong && farUnchosen(t, all, scored) ? { start: q.start, end: q.end } : q;
}
