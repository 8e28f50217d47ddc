// Character classes and small number helpers of the figure scanner: which characters are digits,
// Arabic letters, marks inside a word, Latin letters and the gaps a figure may span.

export function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
}

export function digitValue(c: number): number {
  if (c <= 0x39) return c - 0x30;
  if (c <= 0x669) return c - 0x660;
  return c - 0x6f0;
}

export function isLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
}

/** Harakat, superscript alef, tatweel, ZWNJ/ZWJ: they sit inside a word without ending it. */
export function isInWordMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || c === 0x200c || c === 0x200d;
}

/**
 * 1 for an Arabic letter, 2 for a mark inside a word, 0 otherwise: one load in the hot loop. The
 * tatweel (U+0640) lies in the letter block but is a mark here, so a word hashes the same with or
 * without it (بـسبع is بسبع).
 */
export const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) CHAR_CLASS[c] = isInWordMark(c) ? 2 : isLetter(c) ? 1 : 0;

export function isLatin(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Gaps a figure may span: horizontal space and bidi marks, never a line break. */
export function isGap(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x200e || c === 0x200f || c === 0x061c ||
    c === 0x200b || (c >= 0x2066 && c <= 0x2069) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f;
}

export function roundValue(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(15));
}

/** fold() for one short word without regexes: the bound check runs once per figure. */
export function foldWord(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isInWordMark(c)) continue;
    if (c === 0x623 || c === 0x625 || c === 0x622 || c === 0x671) out += 'ا';
    else if (c === 0x649) out += 'ي';
    else if (c === 0x629) out += 'ه';
    else out += s[i];
  }
  return out;
}

/** An ISO 8601 duration: P25Y, PT20M. */
export function isoDuration(n: number, des: string, time: boolean): string {
  return (time ? 'PT' : 'P') + String(roundValue(n)) + des;
}

/** Brackets and quote marks that may enclose an amount before its scale or currency word. */
export const CLOSER: Record<string, string> = { '(': ')', '"': '"', '«': '»', '“': '”', '”': '“' };

/** Length of a digit string without its leading zeros, one digit kept ("007" → 1, "000" → 1): the integer digits as counted. */
export function significantLength(digits: string): number {
  let z = 0;
  while (z < digits.length - 1 && digits.charCodeAt(z) === 0x30) z++;
  return digits.length - z;
}

/**
 * Whether the text at s, before end, opens with the article and its clitics: [وفب]?ال or [وف]?لل,
 * as /^(?:[وفب]?ال|[وف]?لل)/ on t.slice(s, end) would say, compared in place.
 */
export function definiteAt(t: string, s: number, end: number): boolean {
  const at = (k: number, c: number): boolean => k < end && t.charCodeAt(k) === c;
  const c0 = s < end ? t.charCodeAt(s) : 0;
  // و ف ب then ال; و ف then لل.
  if ((c0 === 0x648 || c0 === 0x641 || c0 === 0x628) && at(s + 1, 0x627) && at(s + 2, 0x644)) return true;
  if (c0 === 0x627 && at(s + 1, 0x644)) return true;
  if ((c0 === 0x648 || c0 === 0x641) && at(s + 1, 0x644) && at(s + 2, 0x644)) return true;
  return c0 === 0x644 && at(s + 1, 0x644);
}
