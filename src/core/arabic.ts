// Arabic text helpers shared by every recogniser: folding for lookup (never for display),
// script detection, and a tokeniser that keeps clitics attached and splits punctuation the way
// ANERcorp does, reporting UTF-16 offsets into the original text.

/** Harakat, superscript alef, tatweel and the direction / zero-width marks that sit inside tokens. */
const IGNORABLE = /[\u064B-\u0652\u0670\u0640\u200B-\u200F\u061C\u2066-\u2069\u202A-\u202E\uFEFF]/g;

/** Fold a string for dictionary lookup: drop diacritics and marks, unify alef, ya and ta marbuta. */
export function fold(s: string): string {
  return s
    .replace(IGNORABLE, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

export function isArabicLetter(code: number): boolean {
  return (
    (code >= 0x0621 && code <= 0x064a) ||
    (code >= 0x066e && code <= 0x06d3) ||
    // U+06D4 is the Arabic full stop; AE (Kurdish) and the two inverted-V letters after it are letters.
    code === 0x06d5 ||
    code === 0x06ee ||
    code === 0x06ef ||
    (code >= 0x06fa && code <= 0x06ff) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefc)
  );
}

/**
 * Share of letters that are Arabic among all letters in (a sample of) the text.
 * Used to decide whether a plaintext or markdown document is an Arabic article.
 */
export function arabicRatio(text: string, sampleLength = 20000): number {
  let arabic = 0;
  let letters = 0;
  const n = Math.min(text.length, sampleLength);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isArabicLetter(c)) {
      arabic++;
      letters++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c < 0x0600)) {
      letters++;
    }
  }
  return letters === 0 ? 0 : arabic / letters;
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Characters that join a token: letters, digits, marks, and the in-token marks above. */
function isWordChar(code: number): boolean {
  if (isArabicLetter(code)) return true;
  if (code >= 0x064b && code <= 0x065f) return true; // harakat
  if (code === 0x0670 || code === 0x0640) return true; // superscript alef, tatweel
  if (code >= 0x0660 && code <= 0x0669) return true; // Arabic-Indic digits
  if (code >= 0x06f0 && code <= 0x06f9) return true; // extended digits
  if (code >= 0x30 && code <= 0x39) return true;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  if (code >= 0xc0 && code <= 0x024f && code !== 0xd7 && code !== 0xf7) return true;
  if (code === 0x200c || code === 0x200d) return true; // ZWNJ / ZWJ stay inside words
  return false;
}

/** Marks that may sit inside a token without splitting it (RLM/LRM/ALM, zero-width space). */
function isInTokenMark(code: number): boolean {
  return code === 0x200e || code === 0x200f || code === 0x061c;
}

/**
 * Split text into tokens: runs of word characters (clitics stay attached, as in ANERcorp), and
 * every other non-space character as a token of its own. Whitespace separates. Surrogate pairs
 * (emoji) are kept whole so no offset ever falls inside a code point.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isWordChar(d)) {
          j++;
        } else if (isInTokenMark(d) && j + 1 < n && isWordChar(text.charCodeAt(j + 1))) {
          j++;
        } else {
          break;
        }
      }
      out.push({ text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    // A lone mark between spaces is not a token.
    if (isInTokenMark(c) || c === 0x200b || c === 0xfeff || (c >= 0x2066 && c <= 0x2069) || (c >= 0x202a && c <= 0x202e)) {
      i++;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    out.push({ text: text.slice(i, i + width), start: i, end: i + width });
    i += width;
  }
  return out;
}

/** The text whose tokens every stage shares while detect() runs (withSharedTokens), and those tokens. */
let sharedText: string | undefined;
let sharedTokens: Token[] | undefined;

/**
 * tokenize(text), computed once for the text of the innermost withSharedTokens(text, …) around
 * this call and handed to every stage that asks (figures' claims, entities, the document rules):
 * one tokenisation per detect() instead of one per stage, which for a big file was as much
 * garbage as all the rest. The array is shared: callers must not change it or its tokens.
 */
export function tokensOf(text: string): readonly Token[] {
  if (sharedText !== undefined && text.length === sharedText.length && text === sharedText) return (sharedTokens ??= tokenize(text));
  return tokenize(text);
}

/** Runs fn with tokensOf(text) computed at most once; the tokens are let go when it returns. */
export function withSharedTokens<T>(text: string, fn: () => T): T {
  const text0 = sharedText;
  const tokens0 = sharedTokens;
  sharedText = text;
  sharedTokens = undefined;
  try {
    return fn();
  } finally {
    sharedText = text0;
    sharedTokens = tokens0;
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x0b || c === 0x0c ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Sentence boundaries: . ! ? ؟ ؛ and line breaks; returns [start, end) spans covering the text. */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    let boundary = false;
    if (c === '\n') boundary = true;
    else if (c === '!' || c === '?' || c === '؟' || c === '؛') boundary = true;
    else if (c === '.') {
      // Not a decimal point or an abbreviation dot between digits.
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      const digit = (x: number) => (x >= 0x30 && x <= 0x39) || (x >= 0x660 && x <= 0x669) || x === 0x200f;
      boundary = !(digit(prev) && digit(next));
    }
    if (boundary) {
      if (i + 1 > start) spans.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < n) spans.push({ start, end: n });
  return spans.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

/** Remove a leading BOM; the CLI and the extension agree on offsets after this. */
export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
