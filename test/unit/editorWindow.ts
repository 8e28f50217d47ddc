// The editor's work for one update of a long article, without VS Code (a test helper; the bench
// times the real DecorationManager, bench/keystroke.ts): detect the blocks of the
// visible window (cached by text) and merge them with the records there. The host does the same
// through vscode.TextDocument; the block tests time it per edit with measureEditUpdates.

import { shiftAnchors } from '../../src/core/anchor/shift';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import type { Detection } from '../../src/core/types';
import { BlockDetector, stringLineSource, type LineSource } from '../../src/core/editor/blocks';
import { mergeMarks, type DecorationKey, type Mark } from '../../src/core/editor/marks';

export function windowMarks(
  detector: BlockDetector,
  src: LineSource,
  fromLine: number,
  toLine: number,
  records: readonly AnnotationRecord[],
  textLength: number,
  hidden?: ReadonlySet<DecorationKey>,
): Mark[] {
  const detections = detector.detectLines(src, fromLine, toLine);
  const from = src.offsetAt(fromLine);
  const to = toLine + 1 < src.lineCount ? src.offsetAt(toLine + 1) : textLength;
  const placed = records.filter((r) => !r.orphan && r.target.end >= from && r.target.start <= to);
  return mergeMarks(detections, placed, [], textLength, hidden);
}

export interface EditTiming {
  /** Opening: the visible lines, nothing cached (the host draws these first). */
  openMs: number;
  /** The second pass that adds the margin around the visible lines. */
  marginMs: number;
  /** Per edit: shift the records, re-detect the touched block, merge the window. */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  edits: number;
  /** Blocks detected per edit on average (1 when only the edited paragraph is redone). */
  blocksPerEdit: number;
  marksInWindow: number;
  /** The visible window: lines and characters. */
  visibleLines: number;
  visibleChars: number;
}

/**
 * Times the host-side update per keystroke on `text`: the visible lines in the middle of the text,
 * then the `margin` either side (the host's two passes), after each of `edits` single-character
 * insertions among the visible lines. The visible lines are `visibleLines` lines, or with
 * `visibleChars` as many lines as hold that many characters (a screen of wrapped prose shows a few
 * long paragraph lines, not 50). Building the line index is VS Code's job (its document model keeps
 * it incrementally), so it is not timed.
 */
export function measureEditUpdates(
  text: string,
  detectFn: (text: string) => readonly Detection[],
  records: readonly AnnotationRecord[] = [],
  options: { edits?: number; visibleLines?: number; visibleChars?: number; margin?: number; clock?: () => number } = {},
): EditTiming {
  // The bench passes a CPU clock: on a shared machine wall time measures the neighbours.
  const now = options.clock ?? ((): number => performance.now());
  const edits = options.edits ?? 50;
  const margin = options.margin ?? 80;
  const detector = new BlockDetector(detectFn);
  let src = stringLineSource(text);
  const mid = src.lineCount >> 1;
  let visible = options.visibleLines ?? 50;
  if (options.visibleChars !== undefined) {
    let chars = 0;
    visible = 0;
    while (mid + visible < src.lineCount && chars < options.visibleChars) chars += src.lineText(mid + visible++).length + 1;
  }
  const vFrom = options.visibleChars !== undefined ? mid : Math.max(0, mid - (visible >> 1));
  const vTo = Math.min(src.lineCount - 1, options.visibleChars !== undefined ? mid + visible - 1 : mid + (visible >> 1));
  const from = Math.max(0, vFrom - margin);
  const to = Math.min(src.lineCount - 1, vTo + margin);
  let t0 = now();
  windowMarks(detector, src, vFrom, vTo, records, text.length);
  const openMs = now() - t0;
  t0 = now();
  let marks = windowMarks(detector, src, from, to, records, text.length);
  const marginMs = now() - t0;
  const samples: number[] = [];
  let current = text;
  let recs = records.slice();
  const missesBefore = detector.misses;
  for (let i = 0; i < edits; i++) {
    // Type into the visible lines, a different line each time, after its first word.
    const line = Math.min(src.lineCount - 1, vFrom + ((i * 7) % (vTo - vFrom + 1)));
    const lineStart = src.offsetAt(line);
    const space = current.indexOf(' ', lineStart);
    const at = space >= 0 && space < lineStart + src.lineText(line).length ? space : lineStart;
    current = current.slice(0, at) + 'ا' + current.slice(at);
    src = stringLineSource(current);
    t0 = now();
    recs = shiftAnchors(recs, [{ rangeOffset: at, rangeLength: 0, text: 'ا' }]).records;
    windowMarks(detector, src, vFrom, vTo, recs, current.length);
    marks = windowMarks(detector, src, from, to, recs, current.length);
    samples.push(now() - t0);
  }
  const sorted = samples.slice().sort((a, b) => a - b);
  const pick = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    openMs,
    marginMs,
    medianMs: pick(0.5),
    p95Ms: pick(0.95),
    maxMs: sorted[sorted.length - 1] ?? 0,
    edits,
    blocksPerEdit: edits ? (detector.misses - missesBefore) / edits : 0,
    marksInWindow: marks.length,
    visibleLines: vTo - vFrom + 1,
    visibleChars: src.offsetAt(Math.min(vTo + 1, src.lineCount - 1)) - src.offsetAt(vFrom),
  };
}
