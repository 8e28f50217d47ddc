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

type Placement = { start: number; end: number } | { lost: 'missing' | 'ambiguous'; candidates: Candidate[] };

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
  let localDelta = globalDelta;
  for (const i of order) {
    const r = records[i]!;
    // An orphan is retried on evidence alone: the shifts of this run say nothing about where it was
    // when it was lost, and `check --fix` run twice must decide the same as once.
    // The old offset itself is no hint once the text's length changed: a copy or an inserted word
    // can sit exactly there.
    const hints = r.orphan ? [] : [...new Set([r.target.start + localDelta, r.target.start + globalDelta])];
    const p = place(ctx, r.target, hints, options, r.orphan === true);
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

  constructor(readonly text: string) {}

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
    const start = this.raw(ns);
    if (this.text.startsWith(exact, start)) return { start, end: start + exact.length };
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

function place(ctx: Context, t: Anchor, hints: number[], o: ReanchorOptions, orphan: boolean): Placement {
  const text = ctx.text;
  const len = t.exact.length;
  if (len === 0) return { lost: 'missing', candidates: [] };
  // Where the edits say it went, with exactly the stored surroundings, and no other place the edits
  // point to holds the quote: what the full search below would decide, without searching.
  // The old offset counts as such a place only with its whole context unchanged.
  const places = orphan || hints.includes(t.start) ? hints : [...hints, t.start];
  const perfect = places.filter((h) => h >= 0 && text.startsWith(t.exact, h) && contextIdentical(text, t, h, h + len));
  if (perfect.length === 1 && !places.some((h) => h !== perfect[0] && h >= 0 && text.startsWith(t.exact, h))) return { start: perfect[0]!, end: perfect[0]! + len };
  const nq = normalize(t.exact);
  if (nq.length === 0) return { lost: 'missing', candidates: [] };
  const side = sides(t);
  const nt = ctx.norm;
  // Every occurrence of the quote (marks ignored), judged by its own surroundings.
  const found: Scored[] = [];
  let count = 0;
  for (let p = nt.indexOf(nq); p >= 0; p = nt.indexOf(nq, p + 1)) {
    // Hundreds of copies of the same words: no context can single one out reliably.
    if (++count > 200) return { lost: 'ambiguous', candidates: best(found) };
    const s = side(nt, p, p + nq.length);
    const raw = ctx.rawSpan(p, p + nq.length, t.exact);
    found.push({ ...raw, sp: s.prefix, ss: s.suffix, rp: s.runPrefix, rs: s.runSuffix, lp: s.storedPrefix, ls: s.storedSuffix, wp: s.plainPrefix, ws: s.plainSuffix, ep: s.edgePrefix, es: s.edgeSuffix, context: (s.prefix + s.suffix) / 2, quote: 1 });
  }
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
  if (good.length > 0) return decide(good, atHint, orphan, (c) => contextMatches(c, longUnique || (hintCounts && hints.includes(c.start))));
  // The quote was rewritten: a close match whose surroundings both still match.
  const fuzzy = nq.length >= (o.minFuzzyLength ?? 12) ? placeFuzzy(ctx, nq, side, hints[0] ?? t.start, o) : [];
  const fuzzyGood = fuzzy.filter((c) => Math.min(c.sp, c.ss) >= FUZZY_CONTEXT_MIN && Math.max(c.sp, c.ss) >= FUZZY_CONTEXT_MAX);
  if (fuzzyGood.length > 0) {
    // A rewrite must be the only one that fits: its offsets are approximate, so no shift can break a tie.
    const d = decide(fuzzyGood, () => false, true);
    if (!('lost' in d) || d.lost === 'ambiguous') return d;
  }
  return { lost: 'missing', candidates: best([...found, ...fuzzy]) };
}

/** The only place that matches, or the one of several at a place the edits point to. */
function decide(good: Scored[], isHint: (c: Scored) => boolean, orphan: boolean, strict: (c: Scored) => boolean = () => true): Placement {
  // Two places that both match are not told apart by which matches a little better: a copy of a
  // sentence beside its original, or a repeated phrase, can fit the stored context better than the
  // original after an edit nearby. Only where the edits put it can decide between them.
  const score = (c: Scored): number => 2 * c.quote + c.sp + c.ss;
  const tier = good.sort((a, b) => score(b) - score(a) || a.start - b.start);
  if (tier.length === 1) return strict(tier[0]!) ? { start: tier[0]!.start, end: tier[0]!.end } : { lost: 'missing', candidates: best(tier) };
  // And then only if it also matches at least as well as any other: a passage moved away keeps
  // its context, so a weaker look-alike left where the shift points is not taken instead.
  const atHint = orphan ? [] : tier.filter(isHint);
  if (atHint.length === 1 && strict(atHint[0]!) && score(atHint[0]!) >= score(tier[0]!) - 1e-9) return { start: atHint[0]!.start, end: atHint[0]!.end };
  return { lost: 'ambiguous', candidates: best(tier) };
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
  const budget = o.fuzzyBudget ?? 4_000_000;
  let from = 0;
  let to = nt.length;
  if (nt.length * m > budget) {
    const half = Math.max(m * 2, Math.floor(budget / m / 2));
    const h = Math.min(nt.length, Math.max(0, hint));
    from = Math.max(0, h - half);
    to = Math.min(nt.length, h + m + half);
  }
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
