// How the reader lays an article out: one paragraph per non-empty line, the first one (or a `# `
// line) as the headline, a short line right after it with a date or a «city - date» shape as the
// dateline. Offsets are UTF-16 units into the text, so marks map onto paragraphs directly.

export type ParagraphRole = 'headline' | 'dateline' | 'heading' | 'body';

export interface ParagraphSpan {
  /** Offset of the first shown character (after a Markdown `#` marker and leading spaces). */
  start: number;
  /** Offset after the last non-space character of the line. */
  end: number;
  role: ParagraphRole;
}

const MAX_DATELINE = 80;
/** A date in digits (2021/06/05, ٥-٦-٢٠٢١), a year, or a «city - …» / «city (agency) -» opening. */
const DATELINE = /[0-9٠-٩]{1,4}\s*[/.\-]\s*[0-9٠-٩]{1,2}|[0-9٠-٩]{4}|^[^\s]+(?:\s+[^\s]+)?\s*(?:\([^)]*\))?\s*[-–—:]\s/u;

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/** Splits the text into paragraphs (non-empty lines), trimmed, with their roles. */
export function layoutParagraphs(text: string): ParagraphSpan[] {
  const out: ParagraphSpan[] = [];
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    let s = lineStart;
    let e = lineEnd;
    if (e > s && text.charCodeAt(e - 1) === 13) e--;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      let role: ParagraphRole = 'body';
      const heading = /^#{1,6}\s+/.exec(text.slice(s, Math.min(e, s + 8)));
      if (heading) {
        s += heading[0].length;
        role = 'heading';
      }
      if (s < e) out.push({ start: s, end: e, role });
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + 1;
  }
  if (out.length > 0) {
    out[0]!.role = 'headline';
    const second = out[1];
    if (second && second.role === 'body' && second.end - second.start <= MAX_DATELINE && DATELINE.test(text.slice(second.start, second.end))) {
      second.role = 'dateline';
    }
  }
  return out;
}

/** The index of the paragraph containing (or, between paragraphs, following) an offset. */
export function paragraphAt(paragraphs: readonly ParagraphSpan[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
