// Splits a long article into blocks (paragraphs) that can be detected on their own and cached by
// their text, so an edit re-detects one block, and a visible range needs only the blocks it touches.

import type { Detection } from '../types';

/** What the block splitter needs from a document; the host adapts vscode.TextDocument to it. */
export interface LineSource {
  readonly lineCount: number;
  lineText(line: number): string;
  /** The text from the start of startLine to the end of endLine - 1, with the document's own line breaks. */
  blockText(startLine: number, endLine: number): string;
  /** Offset of a line's first character. */
  offsetAt(line: number): number;
}

export interface Block {
  startLine: number;
  /** Exclusive. */
  endLine: number;
}

/** A block never grows past this many lines, so text with no sentence ends cannot become one huge block. */
export const MAX_BLOCK_LINES = 40;

const TERMINAL = /[.!?؟؛:»"”)]\s*$/u;

function isBlank(s: string): boolean {
  return s.trim().length === 0;
}

/** A line after which a block always ends: blank, or ending a sentence. */
function endsBlock(s: string): boolean {
  return isBlank(s) || TERMINAL.test(s);
}

/** The first line of the block holding `line` (or the line itself when blank). */
export function blockStart(src: LineSource, line: number): number {
  let start = line;
  while (start > 0 && line - start + 1 < MAX_BLOCK_LINES && !endsBlock(src.lineText(start - 1))) start--;
  return start;
}

/** The exclusive end line of the block that starts at `start`. */
export function blockEnd(src: LineSource, start: number): number {
  let end = start;
  while (end < src.lineCount && end - start < MAX_BLOCK_LINES) {
    const text = src.lineText(end);
    end++;
    if (endsBlock(text)) break;
  }
  return Math.max(end, start + 1);
}

/** The non-blank blocks touching lines [fromLine, toLine], in order. */
export function blocksCovering(src: LineSource, fromLine: number, toLine: number): Block[] {
  const out: Block[] = [];
  const last = Math.min(toLine, src.lineCount - 1);
  let line = blockStart(src, Math.max(0, fromLine));
  while (line <= last) {
    const end = blockEnd(src, line);
    if (!(end - line === 1 && isBlank(src.lineText(line)))) out.push({ startLine: line, endLine: end });
    line = end;
  }
  return out;
}

/**
 * Detections per block, cached by the block's text (least recently used dropped first). The same
 * paragraph anywhere in any document is detected once.
 */
export class BlockDetector {
  private readonly cache = new Map<string, readonly Detection[]>();
  /** Blocks detected (cache misses) since creation: the benchmark and the tests read it. */
  misses = 0;

  constructor(
    private readonly detectFn: (text: string) => readonly Detection[],
    private readonly capacity = 20000,
  ) {}

  /** True when the block's text is cached (nothing to detect). */
  has(text: string): boolean {
    return this.cache.has(text);
  }

  /** Detections in one block's text, offsets relative to the block. */
  relative(text: string): readonly Detection[] {
    const hit = this.cache.get(text);
    if (hit) {
      this.cache.delete(text);
      this.cache.set(text, hit);
      return hit;
    }
    this.misses++;
    const found = this.detectFn(text);
    this.cache.set(text, found);
    if (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    return found;
  }

  /** Detections of the blocks, with document offsets. */
  detect(src: LineSource, blocks: readonly Block[]): Detection[] {
    const out: Detection[] = [];
    for (const b of blocks) {
      const base = src.offsetAt(b.startLine);
      for (const d of this.relative(src.blockText(b.startLine, b.endLine))) out.push(shiftDetection(d, base));
    }
    return out;
  }

  /** Detections for lines [fromLine, toLine] (whole blocks). */
  detectLines(src: LineSource, fromLine: number, toLine: number): Detection[] {
    return this.detect(src, blocksCovering(src, fromLine, toLine));
  }

  clear(): void {
    this.cache.clear();
  }
}

export function shiftDetection(d: Detection, delta: number): Detection {
  if (delta === 0) return d;
  if (d.kind === 'claim' && d.claimant) {
    return { ...d, start: d.start + delta, end: d.end + delta, claimant: { ...d.claimant, start: d.claimant.start + delta, end: d.claimant.end + delta } };
  }
  return { ...d, start: d.start + delta, end: d.end + delta };
}

/** A LineSource over a plain string (tests, the CLI benchmark). */
export function stringLineSource(text: string): LineSource {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const lineEnd = (line: number): number => {
    const next = starts[line + 1];
    if (next === undefined) return text.length;
    return next - 2 >= starts[line]! && text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  };
  return {
    lineCount: starts.length,
    lineText: (line) => text.slice(starts[line]!, lineEnd(line)),
    blockText: (startLine, endLine) => text.slice(starts[startLine]!, lineEnd(endLine - 1)),
    offsetAt: (line) => starts[Math.min(line, starts.length - 1)]!,
  };
}
