// Moving anchors with the edits of an open document, from VS Code's change events alone: text
// typed before or after a span only shifts it, an edit inside it resizes it, and an edit that
// removes it entirely makes it an orphan (re-anchoring may bring it back, e.g. after undo).

import type { AnnotationRecord } from '../annotationRecord';

/** The shape of vscode.TextDocumentContentChangeEvent that matters here. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

export interface ShiftResult {
  /** Same order as the input; unchanged records are the same objects. */
  records: AnnotationRecord[];
  /** Records whose quote changed (an edit inside them): their prefix/suffix are stale until refreshed. */
  resized: string[];
  /** Records removed by an edit; their target keeps the old quote, placed at the edit (a hint, not a span). */
  orphaned: string[];
}

/** Applies the changes in order (each offset refers to the text left by the previous one, as VS Code sends them). */
export function shiftAnchors(records: readonly AnnotationRecord[], changes: readonly TextChange[]): ShiftResult {
  const out = records.slice();
  const resized = new Set<string>();
  const orphaned = new Set<string>();
  for (const ch of changes) {
    const a = ch.rangeOffset;
    const b = a + ch.rangeLength;
    const delta = ch.text.length - ch.rangeLength;
    for (let i = 0; i < out.length; i++) {
      const r = out[i]!;
      const { start: s, end: e } = r.target;
      if (r.orphan) {
        // Orphans keep a rough position so re-anchoring looks in the right neighbourhood.
        if (b <= s && delta !== 0) out[i] = { ...r, target: { ...r.target, start: s + delta, end: e + delta } };
        continue;
      }
      if (b <= s) {
        if (delta !== 0) out[i] = { ...r, target: { ...r.target, start: s + delta, end: e + delta } };
        continue;
      }
      if (a >= e) continue;
      const x = r.target.exact;
      if (a <= s && b >= e) {
        // The whole span was replaced or deleted.
        out[i] = { ...r, orphan: true, target: { ...r.target, start: a, end: a + x.length } };
        orphaned.add(r.id);
        resized.delete(r.id);
        continue;
      }
      let ns: number;
      let ne: number;
      let exact: string;
      if (a >= s && b <= e) {
        ns = s;
        ne = e + delta;
        exact = x.slice(0, a - s) + ch.text + x.slice(b - s);
      } else if (a < s) {
        // Cut at the front: the span keeps what is left after the replaced text.
        ns = a + ch.text.length;
        ne = e + delta;
        exact = x.slice(b - s);
      } else {
        // Cut at the back.
        ns = s;
        ne = a;
        exact = x.slice(0, a - s);
      }
      if (ne <= ns) {
        out[i] = { ...r, orphan: true, target: { ...r.target, start: ns, end: ns + x.length } };
        orphaned.add(r.id);
        resized.delete(r.id);
        continue;
      }
      out[i] = { ...r, target: { ...r.target, start: ns, end: ne, exact } };
      resized.add(r.id);
    }
  }
  return { records: out, resized: [...resized], orphaned: [...orphaned] };
}
