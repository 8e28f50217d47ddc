// UTF-16 ↔ code point offsets. Khabar keeps UTF-16 offsets (what VS Code and JS strings use);
// W3C TextPositionSelector, brat, doccano, Prodigy and Label Studio count code points (Python `str`).

/**
 * Converts offsets of one text between UTF-16 code units and code points. Texts without astral
 * characters (most news) take the identity fast path; otherwise a prefix table is built once.
 */
export class CodePointIndex {
  /** cpBefore[i] = number of code points in text[0, i); only built when the text has surrogates. */
  private cpBefore: Uint32Array | undefined;
  /** utf16At[c] = UTF-16 offset of code point c; built lazily for the reverse direction. */
  private utf16At: Uint32Array | undefined;
  readonly codePointLength: number;

  constructor(readonly text: string) {
    let astral = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) {
        astral = true;
        break;
      }
    }
    if (!astral) {
      this.codePointLength = text.length;
      return;
    }
    const table = new Uint32Array(text.length + 1);
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      table[i] = cp;
      const c = text.charCodeAt(i);
      // A low surrogate that completes a pair does not start a new code point.
      if (!(isLow(c) && i > 0 && isHigh(text.charCodeAt(i - 1)))) cp++;
    }
    table[text.length] = cp;
    this.cpBefore = table;
    this.codePointLength = cp;
  }

  /** True when the UTF-16 offset falls between the two halves of a surrogate pair. */
  splitsPair(offset: number): boolean {
    const t = this.text;
    return offset > 0 && offset < t.length && isLow(t.charCodeAt(offset)) && isHigh(t.charCodeAt(offset - 1));
  }

  toCodePoint(utf16: number): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.text.length) {
      throw new RangeError(`offset ${utf16} is outside the text (0..${this.text.length})`);
    }
    if (!this.cpBefore) return utf16;
    if (this.splitsPair(utf16)) throw new RangeError(`offset ${utf16} falls inside a surrogate pair`);
    return this.cpBefore[utf16]!;
  }

  toUtf16(codePoint: number): number {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.codePointLength) {
      throw new RangeError(`code point offset ${codePoint} is outside the text (0..${this.codePointLength})`);
    }
    if (!this.cpBefore) return codePoint;
    if (!this.utf16At) {
      const table = new Uint32Array(this.codePointLength + 1);
      const before = this.cpBefore;
      // Offsets between the halves of a pair are not code point boundaries and are skipped.
      for (let i = 0; i <= this.text.length; i++) if (!this.splitsPair(i)) table[before[i]!] = i;
      this.utf16At = table;
    }
    return this.utf16At[codePoint]!;
  }

  /** The text between two code point offsets. */
  sliceCodePoints(start: number, end: number): string {
    if (!this.cpBefore) return this.text.slice(start, end);
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Code points of a string, for checking a span's quote length in the unit a format uses. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isLow(c) && i > 0 && isHigh(s.charCodeAt(i - 1)))) n++;
  }
  return n;
}
