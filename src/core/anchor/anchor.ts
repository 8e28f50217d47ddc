// Finding an annotation again after its article changed: same place, the same quote nearby with its
// context, then a bounded fuzzy match. When the evidence is weak or points two ways, it says "orphan"
// rather than jump to a look-alike passage (the classic failure of web annotators).

import type { Anchor, AnnotationRecord } from '../model';

/** Characters of context stored on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export interface ReanchorOptions {
  /** The article's length when the offsets were valid (sidecar `document.length`); gives the shift of a one-place edit. */
  oldLength?: number;
  /** Below this similarity (1 − edits / quote length) a fuzzy match is not taken. */
  minFuzzyScore?: number;
  /** Quotes shorter than this are never matched fuzzily: a near-miss of a short name is another name. */
  minFuzzyLength?: number;
  /** Upper bound on text × quote cells the fuzzy matcher may visit for one annotation. */
  fuzzyBudget?: number;
}

export interface ReanchorResult {
  /** Same order as the input; moved ones carry their new target, lost ones `orphan: true` and their old target. */
  records: AnnotationRecord[];
  moved: string[];
  orphans: string[];
  /** Orphans that found their place again (also listed in `moved`). */
  reattached: string[];
  /** Why each orphan could not be placed: its quote is gone, or it fits more than one place. */
  why: Record<string, 'missing' | 'ambiguous'>;
  /**
   * For orphans: the places that were considered and not taken (at most 5, best first), with the
   * similarity of their surroundings to the stored context (0–1) — what `check` shows so a person
   * can re-attach by hand.
   */
  candidates: Record<string, Candidate[]>;
}

export interface Candidate {
  start: number;
  end: number;
  /** Mean similarity of the text before and after to the stored prefix and suffix (0–1). */
  context: number;
  /** Similarity of the text there to the quote (1 when it is the quote itself, ignoring marks). */
  quote: number;
}

type Placement = { start: number; end: number; sure?: boolean; strong?: boolean } | { lost: 'missing' | 'ambiguous'; candidates: Candidate[] };

/**
 * A place's own surroundings match the stored ones: both sides mostly, or one side nearly intact
 * while the other still agrees next to the quote (or the place is where the edits around it put
 * it). One nearly intact side alone is not enough: after a sentence is deleted, another mention of
 * the same name can be followed by the very words that followed the deleted one.
 */
function contextMatches(c: Scored, lenient: boolean): boolean {
  const agree = lenient ? CONTEXT_MATCH - 0.15 : CONTEXT_MATCH;
  if (Math.min(c.sp, c.ss) >= agree && c.sp + c.ss >= 2 * CONTEXT_MATCH) return true;
  if (Math.max(c.sp, c.ss) < ONE_SIDE_MATCH) return false;
  const weak = c.sp < c.ss ? { sim: c.wp, run: c.rp, stored: c.lp, edge: c.ep } : { sim: c.ws, run: c.rs, stored: c.ls, edge: c.es };
  // (A run that reaches the start or end of the article agrees as far as the article goes.)
  return lenient || weak.sim >= agree || weak.run >= Math.min(AGREE_RUN, weak.stored) || (weak.run >= 4 && weak.edge);
}
/** Characters next to the quote that, matching exactly, show a side still agrees (a moved paragraph's first words). */
const AGREE_RUN = 12;
/** A quote at least this long (normalised) found where the edits put it needs only one side of its context. */
const HINT_QUOTE = 8;
/** A quote at least this long (normalised) that occurs once needs only one side of its context. */
const LONG_QUOTE = 12;

/** Both sides of the stored context agree with the place's own surroundings. */
function bothSides(c: Scored): boolean {
  return Math.min(c.sp, c.ss) >= CONTEXT_MATCH && c.sp + c.ss >= 2 * CONTEXT_MATCH;
}
const ONE_SIDE_MATCH = 0.9;

/**
 * How similar one side's context must be (1 − edit distance / length, over the 32 characters next
 * to the quote) for a place to count as "the same surroundings". Unrelated news text scores 0.16
 * (median) and 0.38 at the 99.9th percentile (100,000 random pairs of 32-character windows from the
 * SaudiNewsNet sample); 0.75 means at most a quarter of the characters differ.
 */
export const CONTEXT_MATCH = 0.75;
/** A rewritten quote (fuzzy match) needs both sides of its context, one of them nearly intact. */
const FUZZY_CONTEXT_MIN = 0.5;
const FUZZY_CONTEXT_MAX = 0.85;
/** The anchor of [start, end) in text: the quote and up to CONTEXT_LENGTH characters either side (whole surrogate pairs). */
export function anchorFor(text: string, start: number, end: number): Anchor {
  let ps = Math.max(0, start - CONTEXT_LENGTH);
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps)) && isHighSurrogate(text.charCodeAt(ps - 1))) ps++;
  let se = Math.min(text.length, end + CONTEXT_LENGTH);
  if (se < text.length && isLowSurrogate(text.charCodeAt(se)) && isHighSurrogate(text.charCodeAt(se - 1))) se--;
  return { start, end, exact: text.slice(start, end), prefix: text.slice(ps, start), suffix: text.slice(end, se) };
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

/**
 * Re-anchors every record in the current text. A record is placed only on evidence: the quote (or,
 * for a long quote, a close rewrite of it) whose own surroundings match the stored prefix/suffix,
 * and no other place that matches — unless exactly one of those is where the edits around it say
 * it went and it matches at least as well as the others. Anything else is an orphan, with the
 * places considered listed (issue 15: never silently on the wrong words). Marks that
 * editors add or drop (CR before LF, tatweel, harakat, a byte-order mark, bidi marks) are ignored
 * when comparing. Records are visited in their old order so the shift seen at one annotation is
 * tried first at the next: a single insertion costs one comparison each.
 */
export function reanchor(text: string, records: readonly AnnotationRecord[], options: ReanchorOptions = {}): ReanchorResult {
  const globalDelta = options.oldLength === undefined ? 0 : text.length - options.oldLength;
  const order = records.map((_, i) => i).sort((a, b) => records[a]!.target.start - records[b]!.target.start || a - b);
  const out = records.slice();
  const moved: string[] = [];
  const orphans: string[] = [];
  const reattached: string[] = [];
  const why: Record<string, 'missing' | 'ambiguous'> = {};
  const candidates: Record<string, Candidate[]> = {};
  const ctx = new Context(text);
  // First the records whose whole window (quote and both sides of context) is exactly where the
  // edits around them put it: one comparison each, and the rest is decided against what they show.
  const seed = new Int32Array(records.length).fill(-1);
  // Seeds found by searching (not where the edits put them) give their stretch to the claims, but
  // are placed like the rest: the place the edits point to may be certain too.
  const searched = new Uint8Array(records.length);
  let delta = globalDelta;
  let fromSearch = false;
  let rest = 0;
  for (const i of order) {
    const r = records[i]!;
    if (r.orphan) {
      rest++;
      continue;
    }
    const hints = [...new Set([r.target.start + delta, r.target.start + globalDelta])];
    let at = perfectAt(text, r.target, hints, false);
    // Or the whole window, marks ignored, once in the whole text (a moved paragraph, or CR added
    // before every line break): a seed too, unless the old text is seen to come out elsewhere there.
    if (at < 0) {
      at = uniqueWindow(ctx, r.target);
      if (at >= 0) searched[i] = 1;
    } else if (fromSearch && at !== r.target.start + globalDelta) searched[i] = 1;
    // (A seed found at the shift a searched one gave is no more sure than that one.)
    if (at >= 0) {
      seed[i] = at;
      delta = at - r.target.start;
      fromSearch = searched[i] === 1;
    } else rest++;
  }
  // A seed found by searching lends its stretch only when the record next to it (in the old order)
  // is a seed at the same distance: one window alone can be a passage the article repeats.
  const live = order.filter((i) => !records[i]!.orphan);
  const agree = (a: number, b: number): boolean => {
    if (a < 0 || b < 0 || seed[a]! < 0 || seed[b]! < 0) return false;
    const [x, y] = seed[a]! <= seed[b]! ? [a, b] : [b, a];
    const newDist = seed[y]! - seed[x]!;
    const oldDist = records[y]!.target.start - records[x]!.target.start;
    return oldDist <= newDist && oldDist >= newDist - (ctx.ignorableBetween(seed[x]!, seed[y]!));
  };
  const unconfirmed = live.filter((i, k) => searched[i] === 1 && !agree(i, live[k - 1] ?? -1) && !agree(i, live[k + 1] ?? -1));
  for (const i of unconfirmed) seed[i] = -1;
  const claims = rest > 0 ? buildClaims(text, records, seed, searched, options.oldLength) : undefined;
  // A seed whose own characters are contested (another seed's stretch reaches them from a different
  // old place) is decided like the rest.
  if (claims) {
    records.forEach((r, i) => {
      const p = seed[i]!;
      if (p < 0) return;
      for (let y = p; y < p + r.target.exact.length; y++) {
        if (claims.of[y] === CONTESTED) {
          seed[i] = -1;
          break;
        }
      }
    });
  }
  // Where, between its neighbours, a record can be: after the nearest seed before it in the old
  // order and before the nearest one after it (either way round, for a passage moved between them).
  const between = new Map<number, [number, number]>();
  let prevSeed = -1;
  for (const i of live) {
    if (seed[i]! >= 0) prevSeed = seed[i]!;
    else between.set(i, [prevSeed, -1]);
  }
  let nextSeed = -1;
  for (let k = live.length - 1; k >= 0; k--) {
    const i = live[k]!;
    if (seed[i]! >= 0) nextSeed = seed[i]!;
    else {
      const b = between.get(i)!;
      const lo = b[0] < 0 ? 0 : nextSeed < 0 ? b[0] : Math.min(b[0], nextSeed);
      const hi = nextSeed < 0 ? text.length : b[0] < 0 ? nextSeed : Math.max(b[0], nextSeed);
      between.set(i, [lo - CONTEXT_LENGTH, hi + CONTEXT_LENGTH]);
    }
  }
  let localDelta = globalDelta;
  for (const i of order) {
    const r = records[i]!;
    let p: Placement;
    if (seed[i]! >= 0 && searched[i] === 0) p = { start: seed[i]!, end: seed[i]! + r.target.exact.length };
    else {
      // An orphan is retried on evidence alone: the shifts of this run say nothing about where it was
      // when it was lost, and `check --fix` run twice must decide the same as once.
      // The old offset itself is no hint once the text's length changed: a copy or an inserted word
      // can sit exactly there.
      const hints = r.orphan ? [] : [...new Set([r.target.start + localDelta, r.target.start + globalDelta])];
      p = place(ctx, r.target, hints, options, r.orphan === true, claims, between.get(i));
    }
    if ('lost' in p) {
      orphans.push(r.id);
      why[r.id] = p.lost;
      candidates[r.id] = p.candidates;
      if (!r.orphan) out[i] = { ...r, orphan: true };
      continue;
    }
    localDelta = p.start - r.target.start;
    const fresh = anchorFor(text, p.start, p.end);
    const same = p.start === r.target.start && p.end === r.target.end && fresh.exact === r.target.exact && !r.orphan;
    if (same) {
      if (fresh.prefix !== r.target.prefix || fresh.suffix !== r.target.suffix) out[i] = { ...r, target: fresh };
      continue;
    }
    const next: AnnotationRecord = { ...r, target: fresh };
    delete next.orphan;
    out[i] = next;
    moved.push(r.id);
    if (r.orphan) reattached.push(r.id);
  }
  return { records: out, moved, orphans, reattached, why, candidates };
}

/**
 * Where the edits say the quote went, with exactly the stored surroundings, and no other place the
 * edits point to holds the quote (-1 if none). The old offset counts as such a place only with its
 * whole context unchanged.
 */
function perfectAt(text: string, t: Anchor, hints: readonly number[], orphan: boolean): number {
  const len = t.exact.length;
  if (len === 0) return -1;
  const places = orphan || hints.includes(t.start) ? hints : [...hints, t.start];
  let found = -1;
  for (const h of places) {
    if (h < 0 || !text.startsWith(t.exact, h)) continue;
    if (found >= 0 && found !== h) return -1;
    if (!contextIdentical(text, t, h, h + len)) return -1;
    found = h;
  }
  return found;
}

/** Where the record's whole window (prefix, quote, suffix; marks ignored) occurs exactly once, with the quote itself unchanged; else -1. */
function uniqueWindow(ctx: Context, t: Anchor): number {
  if (t.exact.length === 0) return -1;
  const np = normalize(t.prefix);
  const nq = normalize(t.exact);
  if (nq.length === 0) return -1;
  const nw = np + nq + normalize(t.suffix);
  const nt = ctx.norm;
  const i = nt.indexOf(nw);
  if (i < 0 || nt.indexOf(nw, i + 1) >= 0) return -1;
  const span = ctx.rawSpan(i + np.length, i + np.length + nq.length, t.exact);
  return span.end - span.start === t.exact.length && ctx.text.startsWith(t.exact, span.start) ? span.start : -1;
}

/**
 * What the old text was, where the records saw it: each record's stored window (prefix, quote,
 * suffix) is the old text around its old offsets. And where each character of the new text came
 * from: the windows found intact where the edits put them, grown on both sides for as long as the
 * new text goes on agreeing with the old (marks editors add ignored). A character reached from two
 * old places (a passage the edits repeated, or the two sides of a deletion meeting on the same
 * words) is contested: it belongs to neither for sure.
 */
interface Claims {
  /** Old offset each new character is known to come from; UNCLAIMED, or CONTESTED. */
  of: Int32Array;
  oldLength: number;
  /** Nearest claimed character at or before / at or after each position (-1: none). */
  before: Int32Array;
  after: Int32Array;
  /** Ignorable characters in the new text before each position (prefix sums). */
  ign: Int32Array;
  /** The old text where some record saw it (`known[o] === 1`). */
  oldChars: Uint16Array;
  known: Uint8Array;
}
const UNCLAIMED = -1;
const CONTESTED = -2;

function buildClaims(text: string, records: readonly AnnotationRecord[], seed: Int32Array, searched: Uint8Array, oldLength: number | undefined): Claims | undefined {
  let hasSeed = false;
  for (let i = 0; i < seed.length && !hasSeed; i++) hasSeed = seed[i]! >= 0;
  if (!hasSeed) return undefined;
  // A stale or hand-made record may claim offsets far beyond the article: the old text is bounded.
  const bound = (oldLength ?? text.length) + 2 * CONTEXT_LENGTH;
  let len = 0;
  for (const r of records) {
    const t = r.target;
    if (r.orphan || t.end - t.start !== t.exact.length || t.start < 0) continue;
    const end = t.end + t.suffix.length;
    if (end <= bound && end > len) len = end;
  }
  const oldChars = new Uint16Array(len);
  // 0 unknown, 1 known, 2 records disagree (a hand edit): unknown.
  const state = new Uint8Array(len);
  for (const r of records) {
    const t = r.target;
    if (r.orphan || t.end - t.start !== t.exact.length || t.start < 0) continue;
    const w = t.prefix + t.exact + t.suffix;
    const ws = t.start - t.prefix.length;
    if (ws < 0 || ws + w.length > len) continue;
    for (let k = 0; k < w.length; k++) {
      const o = ws + k;
      const c = w.charCodeAt(k);
      if (state[o] === 0) {
        state[o] = 1;
        oldChars[o] = c;
      } else if (state[o] === 1 && oldChars[o] !== c) state[o] = 2;
    }
  }
  const of = new Int32Array(text.length).fill(UNCLAIMED);
  const n = text.length;
  const known = (o: number): boolean => o >= 0 && o < len && state[o] === 1;
  // From (y, o) in direction dir while the texts agree; meeting the same claim ends it (that stretch
  // was grown already), meeting another marks the character contested and goes on.
  // A searched seed yields: its stretch stops at any character already claimed, so a passage the
  // article repeats cannot contest the place the edits put the original.
  const grow = (y: number, o: number, dir: 1 | -1, yields: boolean): void => {
    while (y >= 0 && y < n && known(o)) {
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
  // Searched seeds in order of how near their shift is to the whole text's: of two passages that
  // both fit, the one the length change points to claims first.
  const globalDelta = oldLength === undefined ? 0 : text.length - oldLength;
  const bySearch = records.map((_, i) => i).filter((i) => seed[i]! >= 0);
  const dist = (i: number): number => (searched[i] ? 1 : 0) * 1e9 + Math.abs(seed[i]! - records[i]!.target.start - globalDelta);
  bySearch.sort((a, b) => dist(a) - dist(b) || a - b);
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
  // For each character, the nearest claimed one at or before it and at or after it (-1: none).
  const before = new Int32Array(n);
  const after = new Int32Array(n);
  let lastSeen = -1;
  for (let y = 0; y < n; y++) {
    if (of[y]! >= 0) lastSeen = y;
    before[y] = lastSeen;
  }
  lastSeen = -1;
  for (let y = n - 1; y >= 0; y--) {
    if (of[y]! >= 0) lastSeen = y;
    after[y] = lastSeen;
  }
  const ign = new Int32Array(n + 1);
  for (let y = 0; y < n; y++) ign[y + 1] = ign[y]! + (ignorable(text.charCodeAt(y)) ? 1 : 0);
  return { of, oldLength: oldLength ?? len, before, after, ign, oldChars, known: state };
}

/** Whether the old text at the starts in [lo, hi] is known to be the words of [cs, ce) there (marks ignored). */
function otherText(claims: Claims, lo: number, hi: number, text: string, cs: number, ce: number): 'differs' | 'same' | 'unknown' {
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
const GAP_MAX = 160;
const GAP_SLACK = CONTEXT_LENGTH;

/** Letters of agreement a side needs when nothing is known of what lay past the edit that ends it. */
const MARGIN_UNKNOWN = 16;

/** Characters on each side of a quote that must come from the quote's own surroundings before its place is certain. */
const MARGIN = 8;

/**
 * What the claims say of [cs, ce) as the place of the old span [s, e): 'foreign' when some character
 * there is known to come from elsewhere (or is contested), 'certain' when every character and
 * MARGIN characters on both sides come from the old span and its surroundings (a stretch that ends
 * right at the quote could be the other side of a deletion that began with the same words), else
 * 'open'. An orphan's old offsets mean nothing: any claimed character is foreign to it.
 */
function claimStatus(claims: Claims | undefined, text: string, cs: number, ce: number, s: number, e: number, orphan: boolean, slack = 0): 'certain' | 'foreign' | 'open' {
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
    const y1 = claims.before[cs]!;
    const y2 = ce < text.length ? claims.after[ce]! : -1;
    if (y1 >= 0 && y2 >= 0) {
      const v1 = of[y1]!;
      const v2 = of[y2]!;
      const marks = claims.ign[y2]! - claims.ign[y1]!;
      const newLen = y2 - y1;
      const oldLen = v2 - v1;
      if (oldLen > 0 && newLen <= GAP_MAX && oldLen <= newLen && oldLen >= newLen - marks) {
        const lo = v1 + (cs - y1) - (claims.ign[cs]! - claims.ign[y1]!);
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
  return sideHolds(claims, text, cs, ce, s, e, -1) && sideHolds(claims, text, cs, ce, s, e, 1) ? 'certain' : 'open';
}

function sideHolds(claims: Claims, text: string, cs: number, ce: number, s: number, e: number, dir: -1 | 1): boolean {
  const of = claims.of;
  let k = 0;
  let last = dir < 0 ? s : e - 1;
  for (let y = dir < 0 ? cs - 1 : ce; k < CONTEXT_LENGTH; y += dir) {
    if (y < 0) return last <= MARGIN || k >= MARGIN;
    if (y >= text.length) return last >= claims.oldLength - 1 - MARGIN || k >= MARGIN;
    if (ignorable(text.charCodeAt(y))) continue;
    const v = of[y]!;
    const next = dir < 0 ? v >= 0 && v < last && v >= s - 4 * CONTEXT_LENGTH : v > last && v < e + 4 * CONTEXT_LENGTH;
    if (next) {
      last = v;
      k++;
      continue;
    }
    // The near stretch ends here: what the far one says of the quote's place.
    const far = dir < 0 ? claims.before[y]! : claims.after[y]!;
    const vf = far >= 0 ? of[far]! : -1;
    if (far < 0 || vf < 0 || (dir < 0 ? vf >= last : vf <= last)) return k >= MARGIN_UNKNOWN;
    const lo = dir < 0 ? vf + (cs - far) - (claims.ign[cs]! - claims.ign[far]!) : vf - (far - cs);
    const hi = dir < 0 ? vf + (cs - far) : lo + (claims.ign[far]! - claims.ign[cs]!);
    if (dir < 0 ? lo >= last : hi + (e - s) <= last + 1) return true;
    const other = otherText(claims, lo, hi, text, cs, ce);
    return other === 'differs' || (k >= MARGIN_UNKNOWN && other === 'unknown');
  }
  return true;
}

/** Characters editors add or drop without changing the words: compared as if absent. */
function ignorable(c: number): boolean {
  return (
    c === 0x0d || c === 0xfeff || c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x061c || (c >= 0x200b && c <= 0x200f)
  );
}

const IGNORABLE = /[\r\ufeff\u0640\u064b-\u065f\u0670\u061c\u200b-\u200f]/g;

function normalize(s: string): string {
  return s.replace(IGNORABLE, '');
}


/** The text and (built on first use: the common case never needs it) its normalised form, with a map back to raw offsets. */
class Context {
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
    if (!this.pos) return 0;
    let n = 0;
    for (let y = a; y < b; y++) if (ignorable(this.text.charCodeAt(y))) n++;
    return n;
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
function contextIdentical(text: string, t: Anchor, s: number, e: number): boolean {
  const fresh = anchorFor(text, s, e);
  return fresh.prefix === t.prefix && fresh.suffix === t.suffix;
}

function isMark(c: number): boolean {
  return c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670;
}

interface Scored extends Candidate {
  sp: number;
  ss: number;
  /** How many characters right before / after the place equal the stored ones, outward from the quote. */
  rp: number;
  rs: number;
  /** Lengths of the stored sides (normalised, not counting the article's edge). */
  lp: number;
  ls: number;
  /** Plain similarity of each side, not discounted for a short stored side: how much it disagrees. */
  wp: number;
  ws: number;
  /** The run of matching characters reached the start (end) of the article. */
  ep: boolean;
  es: boolean;
}

function place(ctx: Context, t: Anchor, hints: number[], o: ReanchorOptions, orphan: boolean, claims?: Claims, range?: [number, number]): Placement {
  const p = placeByEvidence(ctx, t, hints, o, orphan, claims);
  // A place found on its context alone (not certain from the claims) must also lie between the
  // record's neighbours: after a deletion, the same words with the same context elsewhere in the
  // article are a passage it repeats, not this one.
  if (!('lost' in p) && !p.sure && !p.strong && range && (p.start < range[0] || p.start > range[1])) return { lost: 'missing', candidates: best([{ ...p, sp: 0, ss: 0, rp: 0, rs: 0, lp: 0, ls: 0, wp: 0, ws: 0, ep: false, es: false, context: 0, quote: 1 }]) };
  return p;
}

function placeByEvidence(ctx: Context, t: Anchor, hints: number[], o: ReanchorOptions, orphan: boolean, claims?: Claims): Placement {
  const text = ctx.text;
  const len = t.exact.length;
  if (len === 0) return { lost: 'missing', candidates: [] };
  // Where the edits say it went, with exactly the stored surroundings: what the full search below
  // would decide, without searching (unless those characters are known to come from elsewhere).
  const quick = perfectAt(text, t, hints, orphan);
  if (quick >= 0 && claimStatus(claims, text, quick, quick + len, t.start, t.end, orphan) !== 'foreign') return { start: quick, end: quick + len, sure: true };
  const nq = normalize(t.exact);
  if (nq.length === 0) return { lost: 'missing', candidates: [] };
  const side = sides(t);
  const nt = ctx.norm;
  // Every occurrence of the quote (marks ignored), judged by its own surroundings.
  let found: Scored[] = [];
  let count = 0;
  for (let p = nt.indexOf(nq); p >= 0; p = nt.indexOf(nq, p + 1)) {
    // Hundreds of copies of the same words: no context can single one out reliably.
    if (++count > 200) return { lost: 'ambiguous', candidates: best(found) };
    const s = side(nt, p, p + nq.length);
    const raw = ctx.rawSpan(p, p + nq.length, t.exact);
    found.push({ ...raw, sp: s.prefix, ss: s.suffix, rp: s.runPrefix, rs: s.runSuffix, lp: s.storedPrefix, ls: s.storedSuffix, wp: s.plainPrefix, ws: s.plainSuffix, ep: s.edgePrefix, es: s.edgeSuffix, context: (s.prefix + s.suffix) / 2, quote: 1 });
  }
  // A quote that was a whole word (or words) is not found again inside a longer one: «6» is not in «26».
  const wordStart = isWordChar(nq.charCodeAt(0)) && !isWordChar(lastWordish(t.prefix, -1));
  const wordEnd = isWordChar(nq.charCodeAt(nq.length - 1)) && !isWordChar(lastWordish(t.suffix, 1));
  found = found.filter(
    (c) => !(wordStart && isWordChar(neighbour(text, c.start, -1))) && !(wordEnd && isWordChar(neighbour(text, c.end, 1))),
  );
  // A place whose characters are known to come from this very quote, with its surroundings on both
  // sides, is where it went; places known to come from elsewhere are not candidates at all.
  const status = found.map((c) => claimStatus(claims, text, c.start, c.end, t.start, t.end, orphan));
  const certain = found.filter((_, k) => status[k] === 'certain');
  if (certain.length === 1) return { start: certain[0]!.start, end: certain[0]!.end, sure: true };
  if (certain.length > 1) {
    // The same old words reached in two places: a passage the edits repeated. Only where the edits
    // put it can choose.
    const atHint = certain.filter((x) => hints.includes(x.start));
    if (atHint.length === 1 && !orphan) return { start: atHint[0]!.start, end: atHint[0]!.end, sure: true };
    return { lost: 'ambiguous', candidates: best(certain) };
  }
  const all = found;
  // An orphan's claims come from the records around it, not from its own old place: a claimed place
  // cannot be its own, yet still makes a free look-alike ambiguous (the second run of a copy beside
  // its original, which the first run could not tell apart).
  const foreign = new Set(found.filter((_, k) => status[k] === 'foreign').map((c) => c.start));
  if (!orphan) found = found.filter((_, k) => status[k] !== 'foreign');
  const notForeign = (p: Placement): Placement => (!('lost' in p) && foreign.has(p.start) ? { lost: 'ambiguous', candidates: best(all) } : p);
  // Competitors are judged as if each were where the edits point (the lenient reading), so that a
  // place is taken only when nothing else could be it, whatever the hints; the winner itself must
  // match on its own evidence. (This also makes a second run, which retries orphans without
  // hints, decide as the first did.)
  const good = found.filter((c) => contextMatches(c, true));
  // A long quote found once is much of its own evidence; a short one needs both sides, unless it
  // is where the edits around it put it.
  const longUnique = found.length === 1 && nq.length >= LONG_QUOTE;
  const atHint = (c: Scored): boolean => hints.includes(c.start) || (!orphan && c.start === t.start && c.wp === 1 && c.ws === 1);
  // Where the edits put it is evidence, but not for a word or two: a deleted sentence brings the
  // next one to that very place, and it can begin with the same word, after the same prefix.
  const hintCounts = nq.length >= HINT_QUOTE;
  // An orphan has no edits to go by, only its context: it comes back only where both sides agree
  // (what a first run would have taken anywhere, so that a second run decides as the first did).
  if (good.length > 0) return notForeign(decide(good, atHint, orphan, orphan ? bothSides : (c) => contextMatches(c, longUnique || (hintCounts && hints.includes(c.start)))));
  // The quote was rewritten: a close match whose surroundings both still match.
  const fuzzyAll = nq.length >= (o.minFuzzyLength ?? 12) ? placeFuzzy(ctx, nq, side, hints[0] ?? t.start, o) : [];
  const fuzzyForeign = new Set(fuzzyAll.filter((c) => claimStatus(claims, text, c.start, c.end, t.start, t.end, orphan, Math.ceil(len / 4)) === 'foreign').map((c) => c.start));
  const fuzzy = orphan ? fuzzyAll : fuzzyAll.filter((c) => !fuzzyForeign.has(c.start));
  const fuzzyGood = fuzzy.filter((c) => Math.min(c.sp, c.ss) >= FUZZY_CONTEXT_MIN && Math.max(c.sp, c.ss) >= FUZZY_CONTEXT_MAX);
  if (fuzzyGood.length > 0) {
    // A rewrite must be the only one that fits: its offsets are approximate, so no shift can break a tie.
    let d = decide(fuzzyGood, () => false, true);
    if (!('lost' in d) && fuzzyForeign.has(d.start)) d = { lost: 'ambiguous', candidates: best(fuzzyGood) };
    if (!('lost' in d) || d.lost === 'ambiguous') return d;
  }
  return { lost: 'missing', candidates: best([...all, ...fuzzyAll]) };
}

/** The only place that matches, or the one of several at a place the edits point to. */
function decide(good: Scored[], isHint: (c: Scored) => boolean, orphan: boolean, strict: (c: Scored) => boolean = () => true): Placement {
  // Two places that both match are not told apart by which matches a little better: a copy of a
  // sentence beside its original, or a repeated phrase, can fit the stored context better than the
  // original after an edit nearby. Only where the edits put it can decide between them.
  const score = (c: Scored): number => 2 * c.quote + c.sp + c.ss;
  const tier = good.sort((a, b) => score(b) - score(a) || a.start - b.start);
  if (tier.length === 1) return strict(tier[0]!) ? { start: tier[0]!.start, end: tier[0]!.end, strong: bothSides(tier[0]!) } : { lost: 'missing', candidates: best(tier) };
  // And then only if it also matches at least as well as any other: a passage moved away keeps
  // its context, so a weaker look-alike left where the shift points is not taken instead.
  const atHint = orphan ? [] : tier.filter(isHint);
  if (atHint.length === 1 && strict(atHint[0]!) && score(atHint[0]!) >= score(tier[0]!) - 1e-9) return { start: atHint[0]!.start, end: atHint[0]!.end };
  return { lost: 'ambiguous', candidates: best(tier) };
}

/** Letters and digits: characters that continue a word. */
function isWordChar(c: number): boolean {
  return c >= 0 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) && !ignorable(c);
}

/** The character of a stored side next to the quote, marks skipped (-1 at the article's edge). */
function lastWordish(side: string, dir: -1 | 1): number {
  for (let i = dir < 0 ? side.length - 1 : 0; i >= 0 && i < side.length; i += dir) {
    const c = side.charCodeAt(i);
    if (!ignorable(c)) return c;
  }
  return -1;
}

/** The character of text next to offset i (before it when dir is -1), marks skipped; -1 at the edge. */
function neighbour(text: string, i: number, dir: -1 | 1): number {
  for (let j = dir < 0 ? i - 1 : i; j >= 0 && j < text.length; j += dir) {
    const c = text.charCodeAt(j);
    if (!ignorable(c)) return c;
  }
  return -1;
}

function best(cs: readonly Scored[]): Candidate[] {
  const sorted = [...cs].sort((a, b) => b.quote + b.context - (a.quote + a.context) || a.start - b.start);
  // A place found both as the quote and as an approximate match is listed once.
  const out: Scored[] = [];
  for (const c of sorted) if (out.length < 5 && !out.some((k) => c.start < k.end && k.start < c.end)) out.push(c);
  return out.map((c) => ({ start: c.start, end: c.end, context: round(c.context), quote: round(c.quote) }));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Scores of the normalised text around [s, e) against the stored prefix and suffix: 1 − edit
 * distance / length over the characters next to the quote. A stored side that reached the start
 * (end) of the article carries that edge as a character, so only a place at the edge matches it.
 */
type Sides = (nt: string, s: number, e: number) => { prefix: number; suffix: number; runPrefix: number; runSuffix: number; storedPrefix: number; storedSuffix: number; plainPrefix: number; plainSuffix: number; edgePrefix: boolean; edgeSuffix: boolean };

function sides(t: Anchor): Sides {
  const np = normalize(t.prefix);
  const ns = normalize(t.suffix);
  const pEdge = t.prefix.length < CONTEXT_LENGTH - 1;
  const sEdge = t.suffix.length < CONTEXT_LENGTH - 1;
  const storedP = (pEdge ? EDGE : '') + np;
  const storedS = ns + (sEdge ? EDGE : '');
  const pLen = pEdge ? CONTEXT_LENGTH : np.length;
  const sLen = sEdge ? CONTEXT_LENGTH : ns.length;
  return (nt, s, e) => {
    const before = (s <= pLen ? EDGE : '') + nt.slice(Math.max(0, s - pLen), s);
    const after = nt.slice(e, e + sLen) + (e + sLen >= nt.length ? EDGE : '');
    const runPrefix = run(storedP, before, -1);
    const runSuffix = run(storedS, after, 1);
    return {
      prefix: sideScore(storedP, before, -1),
      suffix: sideScore(storedS, after, 1),
      runPrefix,
      runSuffix,
      storedPrefix: np.length,
      storedSuffix: ns.length,
      plainPrefix: similarity(storedP, before),
      plainSuffix: similarity(storedS, after),
      edgePrefix: before.startsWith(EDGE) && runPrefix === before.length - 1,
      edgeSuffix: after.endsWith(EDGE) && runSuffix === after.length - 1,
    };
  };
}

function run(stored: string, actual: string, dir: -1 | 1): number {
  const n = Math.min(stored.length, actual.length);
  let k = 0;
  while (k < n && (dir < 0 ? stored.charCodeAt(stored.length - 1 - k) === actual.charCodeAt(actual.length - 1 - k) : stored.charCodeAt(k) === actual.charCodeAt(k))) k++;
  return k;
}

/** Characters next to the quote that must agree before a side counts as matching. */
const ADJACENT = 4;

/**
 * Edit-distance similarity of a stored side and the text there, capped below CONTEXT_MATCH unless
 * the characters right next to the quote agree: the same words a few characters along (a repeated
 * number or name close to itself) otherwise look like the stored context shifted by a little.
 */
function sideScore(stored: string, actual: string, dir: -1 | 1): number {
  // A short stored side (the quote was near the start or end) is little evidence: "at the start of
  // the article" alone matches every first word.
  const sim = similarity(stored, actual) * Math.min(1, stored.length / 8);
  const need = Math.min(ADJACENT, stored.length);
  for (let k = 0; k < need; k++) {
    const a = dir < 0 ? stored.charCodeAt(stored.length - 1 - k) : stored.charCodeAt(k);
    const b = dir < 0 ? actual.charCodeAt(actual.length - 1 - k) : actual.charCodeAt(k);
    if (a !== b) return Math.min(sim, CONTEXT_MATCH - 0.05);
  }
  return sim;
}

const EDGE = '\u0000';

/**
 * Approximate matches of the quote (within a quarter of its length in edits, marks ignored): near
 * where it should be when the text is too long to search whole within the budget.
 */
function placeFuzzy(
  ctx: Context,
  nq: string,
  side: Sides,
  hint: number,
  o: ReanchorOptions,
): Scored[] {
  const nt = ctx.norm;
  const m = nq.length;
  const minScore = o.minFuzzyScore ?? 0.75;
  const maxDist = Math.floor(m * (1 - minScore));
  if (maxDist === 0) return [];
  // Fast reject: a match within maxDist edits shares at least m − 2 − 3·maxDist of the quote's
  // three-letter pieces with the text (the q-gram lemma); a quote that is simply not there fails this
  // without any alignment.
  const need = m - GRAM + 1 - GRAM * maxDist;
  if (need > 0) {
    const grams = ctx.grams;
    let shared = 0;
    for (let i = 0; i + GRAM <= m; i++) if (grams.has(nq.slice(i, i + GRAM))) shared++;
    if (shared < need) return [];
  }
  // And a budget for the whole run, proportional to the text: a sidecar of thousands of quotes that
  // are not in the article costs at most a few passes over it each, then no more fuzzy search.
  if (ctx.fuzzyCells > FUZZY_TOTAL_PER_CHAR * Math.max(nt.length, 10_000)) return [];
  const budget = o.fuzzyBudget ?? 4_000_000;
  let from = 0;
  let to = nt.length;
  if (nt.length * m > budget) {
    const half = Math.max(m * 2, Math.floor(budget / m / 2));
    const h = Math.min(nt.length, Math.max(0, hint));
    from = Math.max(0, h - half);
    to = Math.min(nt.length, h + m + half);
  }
  ctx.fuzzyCells += (to - from) * m;
  const ends = approximateEnds(nq, nt, from, to, maxDist);
  // One candidate per run of adjacent end positions: its best end.
  const runs: { end: number; dist: number }[] = [];
  let prevEnd = -2;
  for (const e of ends) {
    const last = runs[runs.length - 1];
    if (last && e.end === prevEnd + 1) {
      if (e.dist < last.dist) runs[runs.length - 1] = e;
    } else runs.push(e);
    prevEnd = e.end;
  }
  runs.sort((a, b) => a.dist - b.dist);
  const out: Scored[] = [];
  for (const r of runs.slice(0, 50)) {
    const start = approximateStart(nq, nt, r.end, maxDist);
    if (start === undefined || start >= r.end) continue;
    const s = side(nt, start, r.end);
    const raw = ctx.rawSpan(start, r.end, '\u0000');
    out.push({ ...raw, sp: s.prefix, ss: s.suffix, rp: s.runPrefix, rs: s.runSuffix, lp: s.storedPrefix, ls: s.storedSuffix, wp: s.plainPrefix, ws: s.plainSuffix, ep: s.edgePrefix, es: s.edgeSuffix, context: (s.prefix + s.suffix) / 2, quote: 1 - r.dist / m });
  }
  // Overlapping candidates are one place: keep the best of each.
  out.sort((a, b) => 2 * b.quote + b.sp + b.ss - (2 * a.quote + a.sp + a.ss));
  const kept: Scored[] = [];
  for (const c of out) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept;
}

const GRAM = 3;
/** Fuzzy-search cells allowed per character of the text in one run, over all annotations. */
const FUZZY_TOTAL_PER_CHAR = 400;

/** Sellers' algorithm: end offsets in [from, to) where some substring is within maxDist edits of pattern. */
function approximateEnds(pattern: string, text: string, from: number, to: number, maxDist: number): { end: number; dist: number }[] {
  const m = pattern.length;
  const col = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  const out: { end: number; dist: number }[] = [];
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    let diag = 0; // D[i-1][j-1]; the row 0 is always 0 (free start)
    for (let i = 1; i <= m; i++) {
      const up = col[i]!; // D[i][j-1]
      const cost = pattern.charCodeAt(i - 1) === c ? 0 : 1;
      const v = Math.min(diag + cost, up + 1, col[i - 1]! + 1);
      diag = up;
      col[i] = v;
    }
    if (col[m]! <= maxDist) out.push({ end: j + 1, dist: col[m]! });
  }
  return out;
}

/** Where the best match ending at `end` starts: an anchored edit distance run backwards from end. */
function approximateStart(pattern: string, text: string, end: number, maxDist: number): number | undefined {
  const m = pattern.length;
  const span = Math.min(end, m + maxDist);
  // prev[i]: distance between the last i chars of pattern and the last j chars before end.
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let bestJ = -1;
  let bestD = prev[m]!;
  if (bestD <= maxDist) bestJ = 0;
  for (let j = 1; j <= span; j++) {
    const c = text.charCodeAt(end - j);
    cur[0] = j;
    for (let i = 1; i <= m; i++) {
      const cost = pattern.charCodeAt(m - i) === c ? 0 : 1;
      cur[i] = Math.min(prev[i - 1]! + cost, prev[i]! + 1, cur[i - 1]! + 1);
    }
    if (cur[m]! < bestD || (cur[m]! === bestD && bestJ < 0)) {
      bestD = cur[m]!;
      bestJ = j;
    }
    [prev, cur] = [cur, prev];
  }
  return bestJ < 0 || bestD > maxDist ? undefined : end - bestJ;
}

/** Levenshtein distance if it is at most k, else k + 1 (a band of width 2k + 1 around the diagonal). */
export function boundedDistance(a: string, b: string, k: number): number {
  const n = a.length;
  const m = b.length;
  const out = k + 1;
  if (Math.abs(n - m) > k) return out;
  let prev = new Uint32Array(m + 2);
  let cur = new Uint32Array(m + 2);
  for (let j = 0; j <= m + 1; j++) prev[j] = j <= k ? j : out;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur[0] = i <= k ? i : out;
    cur[lo - 1] = lo === 1 ? cur[0]! : out;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1, out);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    cur[hi + 1] = out;
    if (rowMin > k) return out;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m]!, out);
}

/** 1 − edit distance / longer length; two empty strings are identical. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  return 1 - editDistance(a, b) / n;
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

function snapStart(text: string, i: number): number {
  return i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1)) ? i - 1 : i;
}

function snapEnd(text: string, i: number): number {
  return i < text.length && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1)) ? i + 1 : i;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
