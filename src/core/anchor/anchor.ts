// Finding an annotation again after its article changed: same place, the same quote nearby with its
// context, then a bounded fuzzy match. When the evidence is weak or points two ways, it says "orphan"
// rather than jump to a look-alike passage (the classic failure of web annotators).
//
// This module runs the steps; the parts live beside it: text.ts (marks ignored, the anchor window),
// claims.ts (the old text read from the records, and where each new character came from; tails.ts,
// whether a stretch's last few letters past a quote could be another passage's; across.ts, what the
// old text says across an edit),
// evidence.ts (how well a place's surroundings match), place.ts (one record's placement; certain.ts, what
// the places the followed text makes certain decide), distance.ts
// (edit distances and the approximate search).

import type { AnnotationRecord } from '../annotationRecord';
import { buildClaims, CONTESTED } from './claims';
import type { Placement } from './evidence';
import { perfectAtTwo, place, uniqueWindow } from './place';
import { replacedAnchor } from './far';
import { CONTEXT_LENGTH, Context, contextIdentical } from './text';

export { CONTEXT_MATCH } from './evidence';
export { boundedDistance, editDistance, similarity } from './distance';
export { anchorHolds, CONTEXT_LENGTH, contextIdentical } from './text';
export { anchorFor, FAR_LENGTH } from './far';
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
  /**
   * The context matches as `context` says, but the words past it (target.far) differ: the article
   * repeats this passage, and this may be the other copy.
   */
  farDiffers?: true;
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
  const ctx = new Context(text);
  const seeds = findSeeds(ctx, records, order, globalDelta);
  const live = order.filter((i) => !records[i]!.orphan);
  dropUnconfirmed(ctx, records, live, seeds);
  const claims = seeds.rest > 0 ? buildClaims(ctx, records, seeds.at, seeds.searched, options.oldLength) : undefined;
  // A seed whose own characters are contested (another seed's stretch reaches them from a different
  // old place) is decided like the rest.
  if (claims) {
    records.forEach((r, i) => {
      const p = seeds.at[i]!;
      if (p < 0) return;
      for (let y = p; y < p + r.target.exact.length; y++) {
        if (claims.of[y] === CONTESTED) {
          seeds.at[i] = -1;
          break;
        }
      }
    });
  }
  const between = neighbourRanges(text.length, live, seeds.at);
  const result: ReanchorResult = { records: records.slice(), moved: [], orphans: [], reattached: [], why: {}, candidates: {} };
  let localDelta = globalDelta;
  for (const i of order) {
    const r = records[i]!;
    const at = seeds.at[i]!;
    let p: Placement;
    if (at >= 0 && seeds.searched[i] === 0) p = { start: at, end: at + r.target.exact.length };
    else {
      // An orphan is retried on evidence alone: the shifts of this run say nothing about where it was
      // when it was lost, and `check --fix` run twice must decide the same as once.
      // The old offset itself is no hint once the text's length changed: a copy or an inserted word
      // can sit exactly there.
      const hints = r.orphan ? [] : twoHints(r.target.start + localDelta, r.target.start + globalDelta);
      const perfect = !r.orphan && seeds.delta[i] === localDelta ? seeds.perfect[i] : undefined;
      p = place(ctx, r.target, hints, options, r.orphan === true, claims, between.get(i), perfect);
    }
    if (!('lost' in p)) localDelta = p.start - r.target.start;
    record(result, i, r, p, text);
  }
  return result;
}

/** Where the edits point: the shift seen at the record before, and the change in the article's length. */
function twoHints(a: number, b: number): number[] {
  return a === b ? [a] : [a, b];
}

/** Writes one record's outcome into the result: an orphan with its candidates, kept, or moved. */
function record(result: ReanchorResult, i: number, r: AnnotationRecord, p: Placement, text: string): void {
  if ('lost' in p) {
    result.orphans.push(r.id);
    result.why[r.id] = p.lost;
    result.candidates[r.id] = p.candidates;
    if (!r.orphan) result.records[i] = { ...r, orphan: true };
    return;
  }
  const t = r.target;
  const same = p.start === t.start && p.end === t.end && p.end - p.start === t.exact.length && text.startsWith(t.exact, p.start) && !r.orphan;
  if (same) {
    if (!contextIdentical(text, t, p.start, p.end)) result.records[i] = { ...r, target: replacedAnchor(text, t, p.start, p.end) };
    return;
  }
  const next: AnnotationRecord = { ...r, target: replacedAnchor(text, t, p.start, p.end) };
  // (Only when there is one: `delete` leaves the object a slow dictionary.)
  if ('orphan' in next) delete next.orphan;
  result.records[i] = next;
  result.moved.push(r.id);
  if (r.orphan) result.reattached.push(r.id);
}

interface Seeds {
  /** Where each record's whole window was found (-1: not a seed). */
  at: Int32Array;
  /**
   * Seeds found by searching (not where the edits put them) give their stretch to the claims, but
   * are placed like the rest: the place the edits point to may be certain too.
   */
  searched: Uint8Array;
  /** Records that are no seed (orphans included): when there are none, no claims are needed. */
  rest: number;
  /** The shift each record was first looked for at, and what perfectAt found there (-1: nothing). */
  delta: Float64Array;
  perfect: Int32Array;
}

/**
 * The records whose whole window (quote and both sides of context) is exactly where the edits
 * around them put it: one comparison each, and the rest is decided against what they show.
 */
function findSeeds(ctx: Context, records: readonly AnnotationRecord[], order: readonly number[], globalDelta: number): Seeds {
  const text = ctx.text;
  const at = new Int32Array(records.length).fill(-1);
  const searched = new Uint8Array(records.length);
  const tried = new Float64Array(records.length).fill(NaN);
  const perfect = new Int32Array(records.length).fill(-1);
  let delta = globalDelta;
  let fromSearch = false;
  let rest = 0;
  for (const i of order) {
    const r = records[i]!;
    if (r.orphan) {
      rest++;
      continue;
    }
    let p = perfectAtTwo(text, r.target, r.target.start + delta, r.target.start + globalDelta);
    tried[i] = delta;
    perfect[i] = p;
    // Or the whole window, marks ignored, once in the whole text (a moved paragraph, or CR added
    // before every line break): a seed too, unless the old text is seen to come out elsewhere there.
    if (p < 0) {
      p = uniqueWindow(ctx, r.target);
      if (p >= 0) searched[i] = 1;
    } else if (fromSearch && p !== r.target.start + globalDelta) searched[i] = 1;
    // (A seed found at the shift a searched one gave is no more sure than that one.)
    if (p >= 0) {
      at[i] = p;
      delta = p - r.target.start;
      fromSearch = searched[i] === 1;
    } else rest++;
  }
  return { at, searched, rest, delta: tried, perfect };
}

/**
 * A seed found by searching lends its stretch only when the record next to it (in the old order)
 * is a seed at the same distance: one window alone can be a passage the article repeats.
 */
function dropUnconfirmed(ctx: Context, records: readonly AnnotationRecord[], live: readonly number[], seeds: Seeds): void {
  const seed = seeds.at;
  const agree = (a: number, b: number): boolean => {
    if (a < 0 || b < 0 || seed[a]! < 0 || seed[b]! < 0) return false;
    const [x, y] = seed[a]! <= seed[b]! ? [a, b] : [b, a];
    const newDist = seed[y]! - seed[x]!;
    const oldDist = records[y]!.target.start - records[x]!.target.start;
    // (Marks are counted only when the distance changed.)
    return oldDist <= newDist && (oldDist === newDist || oldDist >= newDist - ctx.ignorableBetween(seed[x]!, seed[y]!));
  };
  const unconfirmed = live.filter((i, k) => seeds.searched[i] === 1 && !agree(i, live[k - 1] ?? -1) && !agree(i, live[k + 1] ?? -1));
  for (const i of unconfirmed) seed[i] = -1;
  dropInsideUnchanged(ctx, records, live, seeds);
}

/**
 * A window found by searching in a stretch of text that was there before is a passage the article
 * repeats (its original deleted), not this record's window moved there. Seeds are taken in the new
 * text's order; a run of them at one shift sits between two seeds whose distance did not change:
 * nothing was inserted there, so the run's searched seeds must come from between those two in the
 * old text as well (a passage moved within that stretch) or they are dropped.
 */
function dropInsideUnchanged(ctx: Context, records: readonly AnnotationRecord[], live: readonly number[], seeds: Seeds): void {
  const seed = seeds.at;
  const byNew = live.filter((i) => seed[i]! >= 0).sort((a, b) => seed[a]! - seed[b]! || a - b);
  // Two seeds (x before y in the new text) whose distance is what it was, marks between aside.
  const kept = (x: number, y: number): boolean => {
    const newDist = seed[y]! - seed[x]!;
    const oldDist = records[y]!.target.start - records[x]!.target.start;
    return oldDist >= 0 && oldDist <= newDist && (oldDist === newDist || oldDist >= newDist - ctx.ignorableBetween(seed[x]!, seed[y]!));
  };
  let k = 0;
  while (k < byNew.length) {
    let end = k + 1;
    while (end < byNew.length && kept(byNew[end - 1]!, byNew[end]!)) end++;
    const left = byNew[k - 1];
    const right = byNew[end];
    if (left !== undefined && right !== undefined && kept(left, right)) {
      const lo = records[left]!.target.start;
      const hi = records[right]!.target.start;
      for (let j = k; j < end; j++) {
        const i = byNew[j]!;
        const own = records[i]!.target.start;
        if (seeds.searched[i] === 1 && (own < lo || own > hi)) seed[i] = -1;
      }
    }
    k = end;
  }
}

/**
 * Where, between its neighbours, each record that is no seed can be: after the nearest seed before
 * it in the old order and before the nearest one after it (either way round, for a passage moved
 * between them).
 */
function neighbourRanges(textLength: number, live: readonly number[], seed: Int32Array): Map<number, [number, number]> {
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
      const hi = nextSeed < 0 ? textLength : b[0] < 0 ? nextSeed : Math.max(b[0], nextSeed);
      between.set(i, [lo - CONTEXT_LENGTH, hi + CONTEXT_LENGTH]);
    }
  }
  return between;
}
