// Placing one record: where the edits say it went, every occurrence of its quote judged by its own
// surroundings and by the claims, then a bounded fuzzy search for a rewritten quote.

import type { Anchor } from '../annotationRecord';
import type { ReanchorOptions } from './anchor';
import { movedBlock } from './block';
import { claimStatus, type Claims, edgeSpill, GAP_SLACK, ownThrough, UNCLAIMED } from './claims';
import { farDiscount, farRepeated, farUnchosen, vouchedOnce, weighBothSides } from './far';
import { approximateEnds, approximateStart } from './distance';
import { best, bothSides, contextMatches, decide, oneWhole, wholeInSentence, FUZZY_CONTEXT_MAX, FUZZY_CONTEXT_MIN, HINT_QUOTE, LONG_QUOTE, neighbourElsewhere, sentenceGoesOnOtherwise, SENTENCE_AFTER, sides, SPLIT_GAP, SPLIT_PIECE, type Placement, type Scored, type Sides } from './evidence';
import { fromCertain } from './certain';
import { CONTEXT_LENGTH, contextIdentical, type Context, GRAM, ignorable, isWordChar, lastWordish, neighbour, normalize } from './text';

/**
 * Where the edits say the quote went, with exactly the stored surroundings, and no other place the
 * edits point to holds the quote (-1 if none). The old offset counts as such a place only with its
 * whole context unchanged.
 */
export function perfectAt(text: string, t: Anchor, hints: readonly number[], orphan: boolean): number {
  const len = t.exact.length;
  if (len === 0) return -1;
  let found = -1;
  const n = orphan || hints.includes(t.start) ? hints.length : hints.length + 1;
  for (let k = 0; k < n; k++) {
    const h = k < hints.length ? hints[k]! : t.start;
    if (h < 0 || !text.startsWith(t.exact, h)) continue;
    if (found >= 0 && found !== h) return -1;
    if (!contextIdentical(text, t, h, h + len)) return -1;
    found = h;
  }
  return found;
}

/** perfectAt with the hints [a, b] (one when they are equal), without an array for each record. */
export function perfectAtTwo(text: string, t: Anchor, a: number, b: number): number {
  const len = t.exact.length;
  if (len === 0) return -1;
  let found = -1;
  const third = a !== t.start && b !== t.start;
  for (let k = 0; k < 3; k++) {
    const h = k === 0 ? a : k === 1 ? b : t.start;
    if ((k === 1 && b === a) || (k === 2 && !third)) continue;
    if (h < 0 || !text.startsWith(t.exact, h)) continue;
    if (found >= 0 && found !== h) return -1;
    if (!contextIdentical(text, t, h, h + len)) return -1;
    found = h;
  }
  return found;
}

/** Where the record's whole window (prefix, quote, suffix; marks ignored) occurs exactly once, with the quote itself unchanged; else -1. */
export function uniqueWindow(ctx: Context, t: Anchor): number {
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
 * One record's place. `perfect`, when given, is what perfectAt(hints) returns (the first pass
 * computed it with the same hints).
 */
export function place(ctx: Context, t: Anchor, hints: number[], o: ReanchorOptions, orphan: boolean, claims?: Claims, range?: [number, number], perfect?: number): Placement {
  const p = placeByEvidence(ctx, t, hints, o, orphan, claims, perfect);
  // A place found on its context alone (not certain from the claims) must also lie between the
  // record's neighbours: after a deletion, the same words with the same context elsewhere in the
  // article are a passage it repeats, not this one. Unless the place is its own whole paragraph,
  // moved as one block (block.ts): then its neighbours went elsewhere, not it.
  if (!('lost' in p) && !p.sure && !p.strong && range && (p.start < range[0] || p.start > range[1]) && !(claims && movedBlock(claims, ctx.text, p.start, p.end, t.start, t.exact))) return { lost: 'missing', candidates: best([{ ...p, sp: 0, ss: 0, rp: 0, rs: 0, lp: 0, ls: 0, wp: 0, ws: 0, ep: false, es: false, context: 0, quote: 1 }]) };
  return p;
}

export function placeByEvidence(ctx: Context, t: Anchor, hints: number[], o: ReanchorOptions, orphan: boolean, claims?: Claims, perfect?: number): Placement {
  const text = ctx.text;
  const len = t.exact.length;
  if (len === 0) return { lost: 'missing', candidates: [] };
  // Where the edits say it went, with exactly the stored surroundings: what the full search below
  // would decide, without searching (unless those characters are known to come from elsewhere).
  const quick = perfect ?? perfectAt(text, t, hints, orphan);
  if (quick >= 0 && claimStatus(claims, text, quick, quick + len, t.start, t.end, orphan) !== 'foreign') return { start: quick, end: quick + len, sure: true };
  const nq = normalize(t.exact);
  if (nq.length === 0) return { lost: 'missing', candidates: [] };
  const side = sides(t);
  const occ = occurrences(ctx, t, nq, side);
  // Hundreds of copies of the same words: no context can single one out reliably.
  if (occ.tooMany) return { lost: 'ambiguous', candidates: best(occ.found.map(occ.scored)) };
  const scored = occ.scored;
  let found = occ.found;
  // A quote that was a whole word (or words) is not found again inside a longer one: «6» is not in «26».
  const wordStart = isWordChar(nq.charCodeAt(0)) && !isWordChar(lastWordish(t.prefix, -1));
  const wordEnd = isWordChar(nq.charCodeAt(nq.length - 1)) && !isWordChar(lastWordish(t.suffix, 1));
  const wholeWords = (c: Scored): boolean => !(wordStart && isWordChar(neighbour(text, c.start, -1))) && !(wordEnd && isWordChar(neighbour(text, c.end, 1)));
  found = found.filter(wholeWords);
  // A place whose characters are known to come from this very quote, with its surroundings on both
  // sides, is where it went; places known to come from elsewhere are not candidates at all.
  const status = found.map((c) => spilled(claims, text, c, t, orphan, claimStatus(claims, text, c.start, c.end, t.start, t.end, orphan)));
  const certain = found.filter((_, k) => status[k] === 'certain');
  const sure = fromCertain(ctx, t, certain, found, status, scored, hints, orphan);
  if (sure) return sure;
  const all = found;
  // (Places known to be others' words are scored only if they are listed.)
  const listed = (): Scored[] => all.map(scored);
  // An orphan's claims come from the records around it, not from its own old place: a claimed place
  // cannot be its own, yet still makes a free look-alike ambiguous (the second run of a copy beside
  // its original, which the first run could not tell apart).
  const foreign = new Set(found.filter((_, k) => status[k] === 'foreign').map((c) => c.start));
  if (!orphan) found = found.filter((_, k) => status[k] !== 'foreign');
  found.forEach(scored);
  const notForeign = (p: Placement): Placement => (!('lost' in p) && foreign.has(p.start) ? { lost: 'ambiguous', candidates: best(listed()) } : p);
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
  // ...unless one whole stored side is still there (onlyWholeSide), its sentence not gone on otherwise.
  const wholeSide = (c: Scored): boolean => onlyWholeSide(c, t, all, scored) && !sentenceGoesOnOtherwise(ctx.norm, t, c);
  const hintCounts = nq.length >= HINT_QUOTE;
  // ...or it is found once, a few characters from there (a word inserted earlier in its sentence),
  // one whole side unchanged, and the text the edit brought to its other side stood beside other
  // words in the old text or is new text altogether, not beside these words nor unknown (farSide:
  // 'other' or 'absent', never 'unsure'; the search for that last, and dearest, only when it decides).
  const nearHint = (c: Scored): boolean => !!claims && all.length === 1 && oneWhole(c) && hints.some((h) => Math.abs(h - c.start) <= NEAR_HINT) && !sentenceGoesOnOtherwise(ctx.norm, t, c);
  // A place the far side of an edit would have filled with these same words (a deleted sentence
  // that began with them) is this quote only if both of its sides say so.
  const doubtful = new Set(all.filter((_, k) => status[k] === 'doubtful').map((c) => c.start));
  // An orphan has no edits to go by, only its context: it comes back only where both sides agree
  // (what a first run would have taken anywhere, so that a second run decides as the first did).
  const elsewhere = (q: Placement): Placement => (!orphan && !('lost' in q) && !q.sure && ((claims && seenElsewhere(ctx, claims, t, hints, all.find((c) => c.start === q.start))) || neighbourElsewhere(ctx, t, all.find((c) => c.start === q.start), all.length === 1)) ? { lost: 'missing', candidates: best(listed()) } : q);
  if (orphan && good.length > 0 && farUnchosen(t, all, scored)) return { lost: 'missing', candidates: best(listed()) };
  if (good.length > 0) {
    const d = weighBothSides(t, all, scored, elsewhere(notForeign(decide(good, atHint, orphan, orphan ? bothSides : (c) => (doubtful.has(c.start) ? bothSides(c) : contextMatches(c, (longUnique && oneWhole(c)) || ((hintCounts || wholeSide(c)) && hints.includes(c.start)), t) || (nearHint(c) && contextMatches(c, true) && farSide(ctx, claims!, t, hints, c) !== 'unsure') || (vouchedOnce(ctx.text, t, all.length === 1 ? all : listed(), c) && !sentenceGoesOnOtherwise(ctx.norm, t, c)))))));
    return 'lost' in d && d.lost === 'missing' && !orphan ? (splitWindow(ctx, t, good.filter((c) => !doubtful.has(c.start)), elsewhere, claims, hints) ?? followedSide(ctx, t, hints, good.filter((c) => !doubtful.has(c.start)), claims) ?? d) : d;
  }
  const rewritten = placeRewritten(ctx, t, nq, side, hints, o, orphan, wholeWords, claims);
  if (rewritten.placed) {
    const q = rewritten.placed;
    return !orphan && claims && !('lost' in q) && seenElsewhere(ctx, claims, t, hints, rewritten.all.find((c) => c.start === q.start)) ? { lost: 'missing', candidates: best([...listed(), ...rewritten.all]) } : q;
  }
  return { lost: 'missing', candidates: best([...listed(), ...rewritten.all]) };
}

/**
 * A place found foreign only because a neighbouring stretch ran a letter or two into the quote's
 * edge (a deleted sentence that began with the letter the quote begins with, «و» most often), or
 * two stretches contest those letters: it is a candidate again ('open', never more, since its edge
 * letters are not known to be its own) only when the rest of it, with the old span cut alike, is
 * certain — the quote's own records reach it — or is open and the stretch stopped where the old
 * text it followed went on otherwise (diverged) and the quote's far side is there as stored
 * (farWhole). A stretch that stops after a letter merely because no record saw further may have
 * been running over another sentence's own words (a look-alike of the deleted quote): foreign.
 */
function spilled(claims: Claims | undefined, text: string, c: Scored, t: Anchor, orphan: boolean, status: ReturnType<typeof claimStatus>): ReturnType<typeof claimStatus> {
  if (status !== 'foreign' || orphan || !claims) return status;
  const cut = edgeSpill(claims, text, c.start, c.end, t.start, t.end);
  if (!cut || c.end - c.start !== t.end - t.start) return status;
  const rest = claimStatus(claims, text, cut.cs, cut.ce, t.start + (cut.cs - c.start), t.end - (c.end - cut.ce), false);
  if (rest === 'certain') return 'open';
  return rest === 'open' && diverged(claims, text, c, cut, t) && farWhole(text, c, cut, t) ? 'open' : status;
}

/**
 * The side away from the spill is there as stored: the quote's own sentence goes on as it did. A
 * deletion that took the quote's sentence too leaves there a look-alike sentence beginning (ending)
 * with the same words, after the same old text: only its far side tells it apart (issue 15).
 */
function farWhole(text: string, c: Scored, cut: { cs: number; ce: number }, t: Anchor): boolean {
  return cut.cs > c.start ? text.startsWith(t.suffix, c.end) : c.start >= t.prefix.length && text.startsWith(t.prefix, c.start - t.prefix.length);
}

/**
 * The stretch that spilled into the place's edge stopped because the old text it followed went on
 * with other letters there (known old text, differing from the place's next letter): the far side
 * of a deletion whose text began (ended) with the spilled letters. Not when the old text beyond
 * them is unknown (the stretch ran out of what records saw, and may have been running over another
 * sentence's own words), nor when they are contested or came from the quote's other side.
 */
function diverged(claims: Claims, text: string, c: Scored, cut: { cs: number; ce: number }, t: Anchor): boolean {
  const dir = cut.cs > c.start ? 1 : -1;
  const y = dir > 0 ? cut.cs - 1 : cut.ce;
  const v = claims.of[y]!;
  if (v < 0 || (dir > 0 ? v >= t.start : v < t.end)) return false;
  let x = v + dir;
  while (x >= 0 && x < claims.known.length && claims.known[x] === 1 && ignorable(claims.oldChars[x]!)) x += dir;
  if (x < 0 || x >= claims.known.length || claims.known[x] !== 1) return false;
  let n = dir > 0 ? cut.cs : cut.ce - 1;
  while (n >= cut.cs && n < cut.ce && ignorable(text.charCodeAt(n))) n += dir;
  return n >= cut.cs && n < cut.ce && claims.oldChars[x] !== text.charCodeAt(n);
}

/**
 * Where the edits put a short quote, one whole stored side (oneWhole) is enough when the quote
 * occurs nowhere else, or nowhere else with a whole side and that side is the quote's own
 * sentence's (wholeInSentence).
 */
function onlyWholeSide(c: Scored, t: Anchor, all: readonly Scored[], scored: (c: Scored) => Scored): boolean {
  return all.length === 1 ? oneWhole(c) : wholeInSentence(c, t) && all.every((o) => o === c || !oneWhole(scored(o)));
}

/**
 * Both stored sides still there, one beside the quote and the other past new text typed next to
 * it: the quote's own place, whatever its length, if only one place has that (an orphan's retry
 * asks both sides beside the quote, so this is for a first run only). Undefined when none has.
 */
function splitWindow(ctx: Context, t: Anchor, cs: readonly Scored[], elsewhere: (q: Placement) => Placement, claims?: Claims, hints: readonly number[] = []): Placement | undefined {
  const nt = ctx.norm;
  const split = cs.filter((c) => {
    // Only where the edits say something was typed: with no edit there, a sentence that already
    // stood in the article with these words and almost these sides (a copy edited, then the
    // original deleted) looks just the same.
    if (!hints.some((h) => Math.abs(h - c.start) <= SPLIT_GAP)) return false;
    const gap = insertedBeside(nt, c, t);
    if (!gap) return false;
    // The quote's words with the text up to that side were old text elsewhere: a near-identical
    // sentence now followed by the words after a deletion, not this quote with words typed in.
    const q = nt.slice(c.n!, c.n! + normalize(t.exact).length);
    const side = gap.dir > 0 ? nt.slice(gap.from, gap.to) : nt.slice(gap.from, gap.to);
    const need = Math.min(ELSEWHERE_SIDE, side.length);
    if (!claims) return true;
    // And the whole side must not be known to be another passage's old text (a look-alike's
    // prefix, followed from the records around it).
    const wa = gap.dir > 0 ? ctx.raw(Math.max(0, c.n! - normalize(t.prefix).length)) : c.end;
    const wb = gap.dir > 0 ? c.start : ctx.raw(Math.min(nt.length, c.n! + q.length + normalize(t.suffix).length));
    const lo = t.start - CONTEXT_LENGTH - GAP_SLACK;
    const hi = t.end + CONTEXT_LENGTH + GAP_SLACK;
    for (let y = wa; y < wb; y++) {
      const v = claims.of[y]!;
      if (v !== UNCLAIMED && (v < lo || v >= hi)) return false;
    }
    return need < SPLIT_SEEN || !claims.seenElsewhere(c.start, c.end, q, side, gap.dir, t.start, t.end, need, hints.map((h) => h - t.start));
  });
  if (split.length === 0) return undefined;
  if (split.length > 1) return { lost: 'ambiguous', candidates: best(split) };
  return elsewhere({ start: split[0]!.start, end: split[0]!.end });
}

/**
 * One stored side there whole, and the other records' followed text running from it through the
 * quote onto exactly the old quote's letters (claims.ownThrough): the only such place is the
 * quote's, whatever happened on its other side. Undefined when there is none.
 */
function followedSide(ctx: Context, t: Anchor, hints: readonly number[], cs: readonly Scored[], claims?: Claims): Placement | undefined {
  if (!claims) return undefined;
  const own = cs.filter((c) => {
    const dir = ownThrough(claims, ctx.text, c.start, c.end, t.start, t.end);
    if (!((dir < 0 && c.wp === 1 && c.ws < 1) || (dir > 0 && c.ws === 1 && c.wp < 1))) return false;
    const far = farSide(ctx, claims, t, hints, c);
    return far === 'other' || (far === 'absent' && sentenceEdge(ctx.norm, t, c, dir as -1 | 1));
  });
  return own.length === 1 ? { start: own[0]!.start, end: own[0]!.end } : undefined;
}

/**
 * The quote ends a sentence on the side an edit changed (dir -1: the side after; 1: the side
 * before, where it begins one), in the stored side and in the text alike: the sentence's end mark
 * (or, before it, the previous sentence's) right beside the quote, the same in both, then white
 * space. A deleted or moved sentence there is the edit: the far side of a deletion could bring
 * these words up to that sentence end only by repeating the whole sentence they end, which the
 * article would then have had twice in a row. (Not a quote that is a sentence on its own, whose
 * sentence could be the deleted one.)
 */
export function sentenceEdge(nt: string, t: Anchor, c: Scored, dir: -1 | 1): boolean {
  if (c.n === undefined) return false;
  const np = normalize(t.prefix);
  const ns = normalize(t.suffix);
  if (dir < 0) {
    const end = c.n + normalize(t.exact).length;
    // The stored suffix: the end mark (after a closing quote or bracket at most), then a space.
    const m = SENTENCE_AFTER.exec(ns);
    if (!m || c.rs < m[0].length - 1 || !/\s/.test(nt[end + m[0].length - 1] ?? ' ')) return false;
    return !SENTENCE_BEFORE.test(np);
  }
  // The stored prefix: the end mark, white space, an opening quote or bracket at most.
  const m = SENTENCE_BEFORE.exec(np);
  if (!m || c.rp < m[0].length) return false;
  return !SENTENCE_AFTER.test(ns);
}
const SENTENCE_BEFORE = /[.!؟]\s+["«“'(\[]?$/;

/**
 * One stored side is there whole, beside the quote, and the other is there too, past a few
 * characters that were not there before (words or a sentence typed next to the quote, between two
 * words: the new text meets the found piece at a space, not inside a word or before its full stop,
 * which is how a near-identical sentence's tail meets the words after a deletion): at least
 * SPLIT_PIECE of its characters, from where it stops agreeing beside the quote on, found within
 * SPLIT_GAP characters. That is both sides of the old window around these very words, with an
 * insertion in it; a look-alike left where a deleted sentence was keeps at most one of them.
 */
export function insertedBeside(nt: string, c: Scored, t: Anchor): { dir: -1 | 1; from: number; to: number } | undefined {
  if (c.n === undefined) return undefined;
  const np = normalize(t.prefix);
  const ns = normalize(t.suffix);
  const end = c.n + normalize(t.exact).length;
  // The whole side: every stored character there, as stored, and a full side's worth of them.
  if (c.wp === 1 && np.length >= SPLIT_WHOLE && nt.endsWith(np, c.n)) {
    const piece = ns.slice(c.rs, c.rs + SPLIT_PIECE);
    if (piece.length < SPLIT_PIECE) return undefined;
    const at = nt.indexOf(piece, end + c.rs + 1);
    return at >= 0 && at <= end + c.rs + SPLIT_GAP && /\s/.test(nt[at - 1]!) ? { dir: 1, from: end, to: at } : undefined;
  }
  if (c.ws === 1 && ns.length >= SPLIT_WHOLE && nt.startsWith(ns, end)) {
    const piece = np.slice(np.length - c.rp - SPLIT_PIECE, np.length - c.rp);
    if (piece.length < SPLIT_PIECE || np.length - c.rp - SPLIT_PIECE < 0) return undefined;
    const from = c.n - c.rp - 1 - piece.length;
    if (from < 0) return undefined;
    const at = nt.lastIndexOf(piece, from);
    return at >= 0 && at >= c.n - c.rp - SPLIT_GAP - piece.length && /\s/.test(nt[at + piece.length]!) ? { dir: -1, from: at + piece.length, to: c.n } : undefined;
  }
  return undefined;
}

/** Stored characters the whole side needs, the piece of the other side found past the new text, and how far it may be. */
export const SPLIT_WHOLE = 24;
export { SPLIT_GAP, SPLIT_PIECE } from './evidence';
/** Letters of the text between the quote and that piece below which the old text is not asked whether it had them beside these words. */
export const SPLIT_SEEN = 8;

/**
 * Every occurrence of the quote (marks ignored), up to 200 (`tooMany` past that), scored against
 * the stored context only by `scored`, once the claims have not decided: most places of a common
 * word are known to be others' words.
 */
function occurrences(ctx: Context, t: Anchor, nq: string, side: Sides): { found: Scored[]; scored: (c: Scored) => Scored; tooMany: boolean } {
  const nt = ctx.norm;
  const found: Scored[] = [];
  const at = new Map<Scored, number>();
  const scored = (c: Scored): Scored => {
    const p = at.get(c);
    if (p === undefined) return c;
    at.delete(c);
    const s = side(nt, p, p + nq.length);
    c.sp = s.prefix;
    c.ss = s.suffix;
    c.rp = s.runPrefix;
    c.rs = s.runSuffix;
    c.lp = s.storedPrefix;
    c.ls = s.storedSuffix;
    c.wp = s.plainPrefix;
    c.ws = s.plainSuffix;
    c.ep = s.edgePrefix;
    c.es = s.edgeSuffix;
    c.context = (s.prefix + s.suffix) / 2;
    // (A record in a passage the article repeats: the words past its context must agree too.)
    if (t.far !== undefined && farRepeated(t.far)) farDiscount(t.far, ctx.text, c);
    return c;
  };
  for (let p = nt.indexOf(nq); p >= 0; p = nt.indexOf(nq, p + 1)) {
    if (found.length === 200) return { found, scored, tooMany: true };
    const raw = ctx.rawSpan(p, p + nq.length, t.exact);
    const c: Scored = { start: raw.start, end: raw.end, sp: 0, ss: 0, rp: 0, rs: 0, lp: 0, ls: 0, wp: 0, ws: 0, ep: false, es: false, context: 0, quote: 1, n: p };
    at.set(c, p);
    found.push(c);
  }
  return { found, scored, tooMany: false };
}

/**
 * The quote was rewritten: a close match whose surroundings both still match, the only one that
 * fits (its offsets are approximate, so no shift can break a tie). `placed` when decided (a place,
 * or ambiguous); `all` the approximate matches considered, for the candidates of an orphan.
 */
function placeRewritten(ctx: Context, t: Anchor, nq: string, side: Sides, hints: number[], o: ReanchorOptions, orphan: boolean, wholeWords: (c: Scored) => boolean, claims?: Claims): { placed?: Placement; all: Scored[] } {
  const text = ctx.text;
  // (Nor brought back by the approximate search: the quote word for word inside longer words,
  // «بالصحة» for «الصحة», is no rewrite of it.)
  const all = nq.length >= (o.minFuzzyLength ?? 12) ? placeFuzzy(ctx, nq, side, hints[0] ?? t.start, o, t.far).filter((c) => c.quote < 1 || wholeWords(c)) : [];
  const foreign = new Set(all.filter((c) => claimStatus(claims, text, c.start, c.end, t.start, t.end, orphan, Math.ceil(t.exact.length / 4)) === 'foreign').map((c) => c.start));
  const fuzzy = orphan ? all : all.filter((c) => !foreign.has(c.start));
  const good = fuzzy.filter((c) => Math.min(c.sp, c.ss) >= FUZZY_CONTEXT_MIN && Math.max(c.sp, c.ss) >= FUZZY_CONTEXT_MAX);
  if (good.length === 0) return { all };
  // An orphan comes back only where both sides match, rewritten or not: the first run weighed this
  // place with its neighbours, and a second must decide as it did.
  let d = decide(good, () => false, true, orphan ? bothSides : undefined);
  if (!('lost' in d) && foreign.has(d.start)) d = { lost: 'ambiguous', candidates: best(good) };
  return !('lost' in d) || d.lost === 'ambiguous' ? { placed: d, all } : { all };
}

/**
 * Approximate matches of the quote (within a quarter of its length in edits, marks ignored): near
 * where it should be when the text is too long to search whole within the budget.
 */
export function placeFuzzy(
  ctx: Context,
  nq: string,
  side: Sides,
  hint: number,
  o: ReanchorOptions,
  /** The record's fingerprint of the text past its context (target.far), if it has one. */
  far?: string,
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
  if (far !== undefined && farRepeated(far)) for (const c of out) farDiscount(far, ctx.text, c);
  // Overlapping candidates are one place: keep the best of each.
  out.sort((a, b) => 2 * b.quote + b.sp + b.ss - (2 * a.quote + a.sp + a.ss));
  const kept: Scored[] = [];
  for (const c of out) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept;
}

/** Fuzzy-search cells allowed per character of the text in one run, over all annotations. */
export const FUZZY_TOTAL_PER_CHAR = 400;

/**
 * The place's words with the text on its weaker side (the side an edit changed, if any) were in
 * the old text already, somewhere other than the record's old place: they are that passage, left
 * after this record's own words were deleted (a near-identical sentence, or the next sentence
 * beginning with the same word), not this record's words with an edit beside them.
 */
function seenElsewhere(ctx: Context, claims: Claims, t: Anchor, hints: readonly number[], c: Scored | undefined): boolean {
  // (Both sides matching is what an orphan's retry asks: ruling such a place out would not hold
  // on the second run.)
  if (!c || bothSides(c)) return false;
  const text = ctx.text;
  const quote = normalize(text.slice(c.start, c.end));
  if (quote.length === 0) return false;
  const weakBefore = c.wp < c.ws || (c.wp === c.ws && normalize(t.prefix).length >= normalize(t.suffix).length);
  const side = weakBefore ? normalize(text.slice(Math.max(0, c.start - 2 * CONTEXT_LENGTH), c.start)).slice(-CONTEXT_LENGTH) : normalize(text.slice(c.end, c.end + 2 * CONTEXT_LENGTH)).slice(0, CONTEXT_LENGTH);
  return side.length >= ELSEWHERE_SIDE && claims.seenElsewhere(c.start, c.end, quote, side, weakBefore ? -1 : 1, t.start, t.end, ELSEWHERE_SIDE, hints.map((h) => h - t.start));
}

/** How far from where the edits put it a short quote found once may be, with one whole side (see farSide). */
export const NEAR_HINT = 2 * CONTEXT_LENGTH;

/** Characters of the weaker side that must have been old text elsewhere, with the quote, to rule a place out. */
export const ELSEWHERE_SIDE = 16;

/** What the old text had next to the text past the edit on the place's changed side (Claims.besideSide). */
function farSide(ctx: Context, claims: Claims, t: Anchor, hints: readonly number[], c: Scored): 'unsure' | 'other' | 'absent' {
  const text = ctx.text;
  const quote = normalize(text.slice(c.start, c.end));
  const weakBefore = c.wp < c.ws;
  const side = weakBefore ? normalize(text.slice(Math.max(0, c.start - 2 * CONTEXT_LENGTH), c.start)).slice(-CONTEXT_LENGTH) : normalize(text.slice(c.end, c.end + 2 * CONTEXT_LENGTH)).slice(0, CONTEXT_LENGTH);
  return claims.besideSide(c.start, c.end, quote, side, weakBefore ? -1 : 1, ELSEWHERE_SIDE, hints.map((h) => h - t.start));
}
