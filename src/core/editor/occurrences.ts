// How often a name's text occurs in a whole article, as words: what the hover can say about a name
// in a long article, where the recogniser only ever sees one paragraph at a time.

const LETTER = /[\p{L}\p{M}\p{N}]/u;
/** Proclitics that may be written onto a name: و ف ب ل ك and their pairs (وب، فل، ولل…). */
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'لل', 'ولل', 'فلل', 'بال', 'وبال', 'فبال', 'كال', 'وكال']);

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

/** The word-start position of `text[at]`'s word, walking back over letters and marks. */
function wordStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

/**
 * Occurrences of `needle` in `text` that stand as whole words: nothing glued after them, and before
 * them either nothing or one of the usual proclitics (وبغداد, لبغداد count for بغداد; بغداديون
 * and ابغداد do not). Needles shorter than two characters are not counted (0).
 */
export function countWordOccurrences(text: string, needle: string, limit = 100_000): number {
  const n = needle.trim();
  if (n.length < 2) return 0;
  let count = 0;
  for (let at = text.indexOf(n); at >= 0 && count < limit; at = text.indexOf(n, at + n.length)) {
    if (isWordChar(text[at + n.length])) continue;
    const start = wordStart(text, at);
    if (start === at || PROCLITICS.has(text.slice(start, at))) count++;
  }
  return count;
}
