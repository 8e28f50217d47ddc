// Cuts a paragraph into runs that carry the same set of marks, so overlapping and nested marks (a
// claim holding names and figures) become a flat list of inline elements: nothing is isolated and
// the browser orders the paragraph as one bidi run. Used by the host (tests) and the webview.

export interface SegmentMark {
  id: string;
  /** Offsets relative to the paragraph start, end exclusive. */
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Ids of the marks covering this run, outermost (longest) first. */
  marks: string[];
}

/**
 * Segments covering [0, length) in order. Marks are clamped to the paragraph; empty ones are left
 * out (orphans are listed elsewhere). Adjacent runs with the same marks are merged.
 */
export function segmentParagraph(length: number, marks: readonly SegmentMark[]): Segment[] {
  const clamped = marks
    .map((m) => ({ id: m.id, start: Math.max(0, Math.min(length, m.start)), end: Math.max(0, Math.min(length, m.end)) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, length]);
  for (const m of clamped) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Longest first so an enclosing claim comes before the names inside it.
  const ordered = clamped.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    if (e <= s) continue;
    const ids = ordered.filter((m) => m.start <= s && e <= m.end).map((m) => m.id);
    const prev = out[out.length - 1];
    if (prev && prev.end === s && prev.marks.length === ids.length && prev.marks.every((x, j) => x === ids[j])) prev.end = e;
    else out.push({ start: s, end: e, marks: ids });
  }
  return out;
}
