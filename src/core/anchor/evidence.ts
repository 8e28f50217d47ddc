// How well a place's own surroundings match a record's stored context: similarity of each side,
// runs of agreeing characters next to the quote, and the rules that make those evidence (issue 15:
// a candidate needs its own context to match, with a floor that unrelated text cannot reach).

import type { Anchor } from '../annotationRecord';
import type { Candidate } from './anchor';
import { similarity } from './distance';
import { CONTEXT_LENGTH, type Context, normalize } from './text';

export type Placement = { start: number; end: number; sure?: boolean; strong?: boolean } | { lost: 'missing' | 'ambiguous'; candidates: Candidate[] };

/**
 * A place's own surroundings match the stored ones: both sides mostly, or one side nearly intact
 * while the other still agrees next to the quote (or the place is where the edits around it put
 * it). One nearly intact side alone is not enough: after a sentence is deleted, another mention of
 * the same name can be followed by the very words that followed the deleted one.
 */
export function contextMatches(c: Scored, lenient: boolean, t?: Anchor): boolean {
  const agree = lenient ? CONTEXT_MATCH - 0.15 : CONTEXT_MATCH;
  if (Math.min(c.sp, c.ss) >= agree && c.sp + c.ss >= 2 * CONTEXT_MATCH) return true;
  if (Math.max(c.sp, c.ss) < ONE_SIDE_MATCH) return false;
  // (Given the record: a nearly intact suffix that begins with the quote's own sentence end is no
  // such side, see endsSentence.)
  if (t && c.sp < c.ss && endsSentence(t, c)) return false;
  const weak = c.sp < c.ss ? { sim: c.wp, run: c.rp, stored: c.lp, edge: c.ep } : { sim: c.ws, run: c.rs, stored: c.ls, edge: c.es };
  // (A run that reaches the start or end of the article agrees as far as the article goes.)
  return lenient || weak.sim >= agree || weak.run >= Math.min(AGREE_RUN, weak.stored) || (weak.run >= 4 && weak.edge);
}
/**
 * The stored suffix begins, right at the quote's edge, with the end of the quote's sentence (its
 * full stop, `!` or `؟`, after a closing quote at most, then white space): the quote is its
 * sentence's last words, and that side is the next sentence's, not the quote's. Deleting the
 * quote's sentence brings the previous sentence's end before the very same suffix, and sentences
 * of a list often end alike («… شبكات التواصل الاجتماعي.» twice), so that side's being intact is
 * no evidence for the quote (issue 15) — unless the prefix at place c agrees all the way back to
 * the quote's sentence start (a sentence end or line break in its agreeing run, or the article's
 * start): then the quote's own sentence is there whole. Also when the stored prefix reached the article's start
 * and agrees whole at c (its paragraph moved below another). (A line break alone after the quote does
 * not count: a heading's or byline's next line is its own; nor does the prefix side, whose
 * look-alike first words other rules weigh.)
 */
export function endsSentence(t: Anchor, c: Scored): boolean {
  if (!SENTENCE_AFTER.test(normalize(t.suffix)) || c.ep) return false;
  const np = normalize(t.prefix);
  // (A stored prefix that reached the article's start, agreeing whole here: the quote's sentence
  // began the article then, and begins here as it did, though the article now starts elsewhere.)
  if (t.prefix.length < CONTEXT_LENGTH - 1 && np.length > 0 && c.rp >= np.length) return false;
  return !SENTENCE_START.test(np.slice(np.length - c.rp));
}
/** A stored suffix that begins with the sentence's end mark (after a closing quote or bracket at most), then a space. */
export const SENTENCE_AFTER = /^["»”')\]]?[.!؟]\s/;
const SENTENCE_START = /[.!؟]\s|\n/;

/** Characters next to the quote that, matching exactly, show a side still agrees (a moved paragraph's first words). */
export const AGREE_RUN = 12;
/** A quote at least this long (normalised) found where the edits put it needs only one side of its context. */
export const HINT_QUOTE = 8;
/** A quote at least this long (normalised) that occurs once needs only one side of its context. */
export const LONG_QUOTE = 12;

/** Both sides of the stored context agree with the place's own surroundings. */
export function bothSides(c: Scored): boolean {
  return Math.min(c.sp, c.ss) >= CONTEXT_MATCH && c.sp + c.ss >= 2 * CONTEXT_MATCH;
}
export const ONE_SIDE_MATCH = 0.9;

/**
 * How similar one side's context must be (1 − edit distance / length, over the 32 characters next
 * to the quote) for a place to count as "the same surroundings". Unrelated news text scores 0.16
 * (median) and 0.38 at the 99.9th percentile (100,000 random pairs of 32-character windows from the
 * SaudiNewsNet sample); 0.75 means at most a quarter of the characters differ.
 */
export const CONTEXT_MATCH = 0.75;
/** A rewritten quote (fuzzy match) needs both sides of its context, one of them nearly intact. */
export const FUZZY_CONTEXT_MIN = 0.5;
export const FUZZY_CONTEXT_MAX = 0.85;

export interface Scored extends Candidate {
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
  /** Where an exact occurrence starts in the normalised text. */
  n?: number;
  /** The context's similarity before farDiscount marked it down (set only then). */
  near?: number;
}

/** The only place that matches, or the one of several at a place the edits point to. */
export function decide(good: Scored[], isHint: (c: Scored) => boolean, orphan: boolean, strict: (c: Scored) => boolean = () => true): Placement {
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

export function best(cs: readonly Scored[]): Candidate[] {
  const sorted = [...cs].sort((a, b) => b.quote + b.context - (a.quote + a.context) || a.start - b.start);
  // A place found both as the quote and as an approximate match is listed once.
  const out: Scored[] = [];
  for (const c of sorted) if (out.length < 5 && !out.some((k) => c.start < k.end && k.start < c.end)) out.push(c);
  return out.map((c) => (c.farDiffers ? { start: c.start, end: c.end, context: round(c.near ?? c.context), quote: round(c.quote), farDiffers: true } : { start: c.start, end: c.end, context: round(c.context), quote: round(c.quote) }));
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Scores of the normalised text around [s, e) against the stored prefix and suffix: 1 − edit
 * distance / length over the characters next to the quote. A stored side that reached the start
 * (end) of the article carries that edge as a character, so only a place at the edge matches it.
 */
export type Sides = (nt: string, s: number, e: number) => { prefix: number; suffix: number; runPrefix: number; runSuffix: number; storedPrefix: number; storedSuffix: number; plainPrefix: number; plainSuffix: number; edgePrefix: boolean; edgeSuffix: boolean };

export function sides(t: Anchor): Sides {
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
    // (Each side's edit distance once: the score and the plain similarity share it.)
    const plainPrefix = similarity(storedP, before);
    const plainSuffix = similarity(storedS, after);
    return {
      prefix: sideScore(storedP, before, -1, plainPrefix),
      suffix: sideScore(storedS, after, 1, plainSuffix),
      runPrefix,
      runSuffix,
      storedPrefix: np.length,
      storedSuffix: ns.length,
      plainPrefix,
      plainSuffix,
      edgePrefix: before.startsWith(EDGE) && runPrefix === before.length - 1,
      edgeSuffix: after.endsWith(EDGE) && runSuffix === after.length - 1,
    };
  };
}

export function run(stored: string, actual: string, dir: -1 | 1): number {
  const n = Math.min(stored.length, actual.length);
  let k = 0;
  while (k < n && (dir < 0 ? stored.charCodeAt(stored.length - 1 - k) === actual.charCodeAt(actual.length - 1 - k) : stored.charCodeAt(k) === actual.charCodeAt(k))) k++;
  return k;
}

/** Characters next to the quote that must agree before a side counts as matching. */
export const ADJACENT = 4;

/**
 * Edit-distance similarity of a stored side and the text there, capped below CONTEXT_MATCH unless
 * the characters right next to the quote agree: the same words a few characters along (a repeated
 * number or name close to itself) otherwise look like the stored context shifted by a little.
 */
export function sideScore(stored: string, actual: string, dir: -1 | 1, plain = similarity(stored, actual)): number {
  // A short stored side (the quote was near the start or end) is little evidence: "at the start of
  // the article" alone matches every first word.
  const sim = plain * Math.min(1, stored.length / 8);
  const need = Math.min(ADJACENT, stored.length);
  for (let k = 0; k < need; k++) {
    const a = dir < 0 ? stored.charCodeAt(stored.length - 1 - k) : stored.charCodeAt(k);
    const b = dir < 0 ? actual.charCodeAt(actual.length - 1 - k) : actual.charCodeAt(k);
    if (a !== b) return Math.min(sim, CONTEXT_MATCH - 0.05);
  }
  return sim;
}

export const EDGE = '\u0000';

/**
 * One stored side is there whole, as it was: an edit next to the quote changed the other. (Both
 * sides changed around a long quote found once is as likely a near-identical sentence left after
 * the deletion of this one.)
 */
export function oneWhole(c: Scored): boolean {
  return (c.rp >= c.lp && c.wp === 1) || (c.rs >= c.ls && c.ws === 1);
}

/**
 * One stored side is there whole, as oneWhole asks, and it lies within the quote's own sentence:
 * no sentence or line ends in it, nor in the quote, and it does not reach the article's edge. A
 * deleted sentence that began with the words the next one begins with («كما كان في …» twice)
 * leaves those words where the edits put the deleted ones, after the very same prefix (and one
 * that ended like the sentence before it, before the very same suffix); a side inside the quote's
 * own sentence rules that out (issue 15).
 */
export function wholeInSentence(c: Scored, t: Anchor): boolean {
  const w = wholeSidesInSentence(c, t);
  return w.before || w.after;
}

/** wholeInSentence, side by side. */
export function wholeSidesInSentence(c: Scored, t: Anchor): { before: boolean; after: boolean } {
  if (SENTENCE_END.test(t.exact)) return { before: false, after: false };
  const pEdge = t.prefix.length < CONTEXT_LENGTH - 1;
  const sEdge = t.suffix.length < CONTEXT_LENGTH - 1;
  return { before: c.rp >= c.lp && c.wp === 1 && !pEdge && !SENTENCE_END.test(t.prefix), after: c.rs >= c.ls && c.ws === 1 && !sEdge && !SENTENCE_END.test(t.suffix) };
}
/**
 * A sentence's end, sure or not (toward an orphan): its mark before white space, a closing quote or
 * the side's end (so a one-letter abbreviation's «د. » counts), or a line break. A full stop inside
 * a number («3.5») does not.
 */
const SENTENCE_END = /[.!؟](?=$|[\s"»”')\]])|\n/;

/**
 * A side whose similarity only just reaches the floor says "the quote's old neighbour, edited a
 * little, is beside this place" — or "other words like it are": news repeats whole phrases, and a
 * deleted sentence's last words are often a later sentence's too. Which one, the rest of the article
 * tells: when the stored side is found elsewhere, not beside the place, intact enough to reach the
 * floor by itself (a run of NEIGHBOUR_RUN of its characters), and nothing of it that long is beside
 * the place, the neighbour the side stands for is still in the article, just not here (the sentence
 * that followed a deleted one is still there, after the deletion's far side): the side's agreement
 * is a look-alike's, not evidence. A neighbour moved with the quote is beside it whole; one edited
 * beside it, or a look-alike of it elsewhere while its own run beside the quote reaches the floor
 * (formulaic sentences), does not make the rule fire. Not where both sides
 * match, nor where the quote occurs once and its other side is there whole: there the other side
 * is evidence enough.
 */
export function neighbourElsewhere(ctx: Context, t: Anchor, c: Scored | undefined, once = false): boolean {
  // (Both sides matching is what an orphan's retry asks: ruling such a place out would not hold on
  // the second run. A quote found once with its other side there whole is where that side says: no
  // look-alike of it is in the article to be taken instead.)
  if (!c || bothSides(c) || (once && oneWhole(c))) return false;
  const text = ctx.text;
  const check = (dir: -1 | 1, sim: number, stored: string): boolean => {
    if (sim < CONTEXT_MATCH - 0.15 || sim >= NEAR_FLOOR) return false;
    const ns = normalize(stored);
    if (ns.length < NEIGHBOUR_RUN) return false;
    const own = dir > 0 ? normalize(text.slice(c.end, c.end + 2 * CONTEXT_LENGTH)) : normalize(text.slice(Math.max(0, c.start - 2 * CONTEXT_LENGTH), c.start));
    if (longestIn(ns, (p) => own.includes(p), NEIGHBOUR_RUN) > 0) return false;
    // (Found elsewhere: more occurrences in the article than beside the place.)
    return longestIn(ns, (p) => count(ctx.norm, p) > count(own, p), NEIGHBOUR_RUN) > 0;
  };
  return check(1, c.ss, t.suffix) || check(-1, c.sp, t.prefix);
}

/** The longest piece of s (at least `min` long; else 0) that `has`. */
function longestIn(s: string, has: (piece: string) => boolean, min = 1): number {
  for (let len = s.length; len >= min; len--) for (let i = 0; i + len <= s.length; i++) if (has(s.slice(i, i + len))) return len;
  return 0;
}

function count(s: string, p: string): number {
  let n = 0;
  for (let k = s.indexOf(p); k >= 0; k = s.indexOf(p, k + 1)) n++;
  return n;
}

/** A side's similarity below this only just reaches the floor (CONTEXT_MATCH): neighbourElsewhere asks where its neighbour went. */
export const NEAR_FLOOR = 0.8;

/** Characters of a stored side, in one run, that reach the floor by themselves (CONTEXT_MATCH of CONTEXT_LENGTH). */
export const NEIGHBOUR_RUN = Math.ceil(CONTEXT_MATCH * CONTEXT_LENGTH);

/**
 * A short quote with one stored side whole where the edits put it, whose other side stops agreeing
 * inside the quote's own sentence (no sentence mark nor line break at the quote's edge, in the
 * agreeing run next to it, nor at the next word's first character, stored or new): its sentence
 * went on otherwise. Words typed beside the quote leave
 * the stored side further on (SPLIT_PIECE of its characters, from where it stops agreeing, within
 * SPLIT_GAP); with none of it there, the quote's own sentence is gone and the next sentence, which
 * the deletion brought to that very place after the same words, begins with the same word (a
 * deleted «ونزل سعر الذهب…» before «ونزل الذهب نحو…»). Not evidence for the place.
 */
export function sentenceGoesOnOtherwise(nt: string, t: Anchor, c: Scored): boolean {
  if (c.n === undefined) return false;
  const after = c.ws < c.wp;
  if ((after ? c.ws : c.wp) >= CONTEXT_MATCH) return false;
  const np = normalize(t.prefix);
  const ns = normalize(t.suffix);
  const end = c.n + normalize(t.exact).length;
  // (The quote's own edge, the agreeing run and the next word's first character, stored or new,
  // past any white space: a sentence mark or a line break there is a sentence's end, not its going on.)
  // (Each read in its own order with the quote's edge, one character past the next word's first
  // and two before it: what tells a sentence's full stop from an abbreviation's or a number's.)
  const reach = (side: string, from: number, dir: -1 | 1): string => {
    let k = from;
    while (k >= 0 && k < side.length && /\s/.test(side[k]!)) k += dir;
    return dir > 0 ? edge + side.slice(0, k + 2) : side.slice(Math.max(0, k - 2)) + t.exact.slice(0, 1);
  };
  // (The quote's last character after the one before it, a mark there read as a letter: a full stop
  // right after the quote follows a one-letter word only if the quote is one.)
  const edge = t.exact.slice(-2, -1).replace(/[^\p{L}\p{N}]/u, ' ') + t.exact.slice(-1);
  const mine = after ? reach(ns, c.rs, 1) : reach(np, np.length - 1 - c.rp, -1);
  const now = after ? reach(nt.slice(end, end + CONTEXT_LENGTH), c.rs, 1) : reach(nt.slice(Math.max(0, c.n - CONTEXT_LENGTH), c.n), Math.min(c.n, CONTEXT_LENGTH) - 1 - c.rp, -1);
  if (BOUNDARY.test(mine) || BOUNDARY.test(now)) return false;
  if (after) {
    const piece = ns.slice(c.rs, c.rs + SPLIT_PIECE);
    if (piece.length < SPLIT_PIECE) return false;
    const at = nt.indexOf(piece, end + c.rs);
    return at < 0 || at > end + c.rs + SPLIT_GAP;
  }
  const from = np.length - c.rp - SPLIT_PIECE;
  if (from < 0) return false;
  const piece = np.slice(from, np.length - c.rp);
  const at = nt.lastIndexOf(piece, Math.max(0, c.n - c.rp - piece.length));
  return at < 0 || at < c.n - c.rp - SPLIT_GAP - piece.length;
}
/**
 * A sure sentence end: «!», «؟», a line break, or a full stop before white space or a closing
 * quote that does not follow a one-letter word. A full stop inside a number or an address («3.5»),
 * after a one-letter abbreviation («د. سعيد»), or with nothing known after it may not end the
 * sentence: the rule does not stand down for it (toward an orphan), just as wholeInSentence
 * (SENTENCE_END) counts the last two as ends (toward an orphan too), so no full stop makes a
 * look-alike both "within its sentence" and "past a sentence end".
 */
const BOUNDARY = /[!؟\n]|(?<!(?:^|[\s.])\p{L})\.(?=[\s"»”')\]])/u;
/** Characters of the stored side looked for past words typed beside the quote, and how far (as splitWindow's). */
export const SPLIT_PIECE = 12;
export const SPLIT_GAP = 2 * CONTEXT_LENGTH;
