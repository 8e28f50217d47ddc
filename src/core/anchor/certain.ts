// What the places the followed text makes certain decide (place.ts asks first): one certain place
// is where the quote went, unless its own window is not whole while the quote's whole window stands
// elsewhere; of several, only where the edits put it can choose (issue 15).

import type { Anchor } from '../annotationRecord';
import { best, type Placement, type Scored } from './evidence';
import { farRepeated } from './far';
import { contextIdentical, type Context, normalize } from './text';

/**
 * What the places the claims make certain decide: the one certain place (unless its window is not
 * whole and the quote's whole window stands elsewhere), or, of several, the one where the edits put
 * it; undefined when none is certain.
 */
export function fromCertain(ctx: Context, t: Anchor, certain: Scored[], found: readonly Scored[], status: readonly string[], scored: (c: Scored) => Scored, hints: readonly number[], orphan: boolean): Placement | undefined {
  if (certain.length === 1) {
    // A stretch that ran across a copied sentence's edge into the same words (a sentence duplicated
    // after one that ends like the quote's) is no proof while the quote's whole window, marks aside,
    // stands elsewhere: a place whose own window is not whole then yields to it.
    const whole = wholeElsewhere(ctx, t, certain[0]!, found, status, scored);
    // For a record made where the article had its words once (far's '/'), the one whole window is
    // its own words or a copy the edits made; a repeated record's may be the formula's other use,
    // longer than the context and the far words together.
    if (whole.length === 1 && t.far !== undefined && !farRepeated(t.far)) return { start: whole[0]!.start, end: whole[0]!.end, strong: true };
    if (whole.length > 0) return { lost: 'ambiguous', candidates: best([scored(certain[0]!), ...whole]) };
    // Nor while another occurrence has, whole, the very side this place lacks (a sentence typed
    // after the quote's own changed its next words): each has one side, an orphan.
    const rivals = sideElsewhere(ctx, t, certain[0]!, found, status, scored);
    if (rivals.length > 0) return { lost: 'ambiguous', candidates: best([scored(certain[0]!), ...rivals]) };
    return { start: certain[0]!.start, end: certain[0]!.end, sure: true };
  }
  if (certain.length > 1) {
    // The same old words reached in two places: a passage the edits repeated. Only where the edits
    // put it can choose.
    const atHint = certain.filter((x) => hints.includes(x.start));
    if (atHint.length === 1 && !orphan) return { start: atHint[0]!.start, end: atHint[0]!.end, sure: true };
    return { lost: 'ambiguous', candidates: best(certain.map(scored)) };
  }
  return undefined;
}

/**
 * Places other than c, not known to be others' words, where the quote's whole stored window is
 * there as it was (marks aside), when c's own window is not whole: empty otherwise.
 */
function wholeElsewhere(ctx: Context, t: Anchor, c: Scored, found: readonly Scored[], status: readonly string[], scored: (c: Scored) => Scored): Scored[] {
  // (Most certain places have their context exactly as stored: whole, unless far marks it down.)
  if ((t.far === undefined || !farRepeated(t.far)) && contextIdentical(ctx.text, t, c.start, c.end)) return [];
  // (The stored sides beside the quote, marks aside, first: no edit distance for most places.)
  const np = normalize(t.prefix);
  const ns = normalize(t.suffix);
  const nl = normalize(t.exact).length;
  const plain = (x: Scored): boolean => x.n !== undefined && x.n >= np.length && ctx.norm.startsWith(np, x.n - np.length) && ctx.norm.startsWith(ns, x.n + nl);
  if (plain(c) && windowWhole(scored(c))) return [];
  return found.filter((x, k) => x !== c && status[k] !== 'foreign' && plain(x) && windowWhole(scored(x)));
}

/** Both stored sides are there as they were, marks aside. */
function windowWhole(x: Scored): boolean {
  return wholeBefore(x) && wholeAfter(x);
}

function wholeBefore(x: Scored): boolean {
  return x.wp === 1 && x.rp >= x.lp;
}

function wholeAfter(x: Scored): boolean {
  return x.ws === 1 && x.rs >= x.ls;
}

/**
 * Places other than c, not known to be others' words, that have whole (marks aside) a stored side
 * c lacks; empty when c's window is whole.
 */
function sideElsewhere(ctx: Context, t: Anchor, c: Scored, found: readonly Scored[], status: readonly string[], scored: (c: Scored) => Scored): Scored[] {
  if ((t.far === undefined || !farRepeated(t.far)) && contextIdentical(ctx.text, t, c.start, c.end)) return [];
  const np = normalize(t.prefix);
  const ns = normalize(t.suffix);
  const nl = normalize(t.exact).length;
  const pOk = (x: Scored): boolean => x.n !== undefined && x.n >= np.length && ctx.norm.startsWith(np, x.n - np.length);
  const sOk = (x: Scored): boolean => x.n !== undefined && ctx.norm.startsWith(ns, x.n + nl);
  const s = scored(c);
  const lacksP = !wholeBefore(s);
  const lacksS = !wholeAfter(s);
  return found.filter((x, k) => {
    if (x === c || status[k] === 'foreign') return false;
    return (lacksP && pOk(x) && wholeBefore(scored(x))) || (lacksS && sOk(x) && wholeAfter(scored(x)));
  });
}
