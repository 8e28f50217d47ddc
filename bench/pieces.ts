// Benchmarks of the pieces around detection: the sidecar store, re-anchoring and the editor's
// per-keystroke update. Each is measured through the piece's public functions; a piece that has
// not landed reports "n/a (not built yet)" rather than a number.

import { tokenize } from '../src/core/arabic';
import { anchorFor, reanchor } from '../src/core/anchor/anchor';
import { shiftAnchors } from '../src/core/anchor/shift';
import type { AnnotationRecord } from '../src/core/model';
import type { Measured, SidecarRow } from './types';

const NOT_BUILT = 'n/a (not built yet)';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeMedian(fn: () => unknown, reps: number): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/**
 * N annotations on whole word tokens spread evenly through a text sized so density is that of a
 * richly annotated article (one annotation per ~60 characters).
 */
export function syntheticRecords(source: string, count: number): { text: string; records: AnnotationRecord[] } {
  const want = Math.max(5000, count * 60);
  let text = source;
  while (text.length < want) text += '\n' + source;
  text = text.slice(0, want);
  const words = tokenize(text).filter((t) => t.end - t.start >= 3);
  const step = Math.max(1, Math.floor(words.length / count));
  const labels = ['PER', 'LOC', 'ORG', 'NUMBER'] as const;
  const records: AnnotationRecord[] = [];
  for (let i = 0; i < count && i * step < words.length; i++) {
    const w = words[i * step]!;
    const label = labels[i % labels.length]!;
    records.push({
      id: `b${i + 1}`,
      kind: label === 'NUMBER' ? 'figure' : 'entity',
      label,
      status: 'accepted',
      target: anchorFor(text, w.start, w.end),
    });
  }
  return { text, records };
}

/** An edit an author makes between sessions: a new lead sentence and a word cut from the middle. */
function editedText(text: string): string {
  const lead = 'وفي تطور جديد، أعلنت الجهات المختصة اليوم تفاصيل إضافية. ';
  const mid = text.indexOf(' ', text.length >> 1);
  const next = text.indexOf(' ', mid + 1);
  const cut = mid >= 0 && next > mid ? text.slice(0, mid) + text.slice(next) : text;
  const at = text.indexOf('\n');
  return at > 0 ? cut.slice(0, at + 1) + lead + cut.slice(at + 1) : lead + cut;
}

export function measureSidecar(source: string, counts: readonly number[]): SidecarRow[] {
  return counts.map((n) => {
    const { text, records } = syntheticRecords(source, n);
    const edited = editedText(text);
    const reps = n >= 10000 ? 5 : 15;
    const reanchorMs = timeMedian(() => reanchor(edited, records, { oldLength: text.length }), reps);
    return { annotations: records.length, textChars: text.length, loadMs: null, saveMs: null, reanchorMs, note: `load/save ${NOT_BUILT}` };
  });
}

/** One character typed in the middle of a 1 MB article with 20,000 annotations: the anchors move. */
export function measureAnchorShift(text: string): Measured & { annotations: number } {
  const { records } = syntheticRecords(text, 20000);
  const at = text.length >> 1;
  const ms = timeMedian(() => shiftAnchors(records, [{ rangeOffset: at, rangeLength: 0, text: 'ا' }]), 50);
  return { ms, annotations: records.length };
}

export function measureDecorations(_text: string): Measured & { textChars?: number } {
  return { ms: null, note: `${NOT_BUILT}: no pure incremental decoration update exported yet` };
}
