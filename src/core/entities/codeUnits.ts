// Strings stored as UTF-16 code units in a model file (/5), read in place: compared without
// making a string, and made into one only when a caller needs it.

/** units[from, to) as a string. */
export function stringOf(units: Uint16Array, from: number, to: number): string {
  let s = '';
  for (let at = from; at < to; at += 4096) s += String.fromCharCode(...units.subarray(at, Math.min(to, at + 4096)));
  return s;
}

/** The sign of `word` against units[from, to) in UTF-16 code-unit order, as `<` compares strings. */
export function compareUnits(word: string, units: Uint16Array, from: number, to: number): number {
  const n = word.length;
  for (let k = 0; ; k++) {
    if (from + k === to) return k === n ? 0 : 1;
    if (k === n) return -1;
    const d = word.charCodeAt(k) - units[from + k]!;
    if (d !== 0) return d;
  }
}

/** The sign of units[a, aEnd) against units[b, bEnd) in UTF-16 code-unit order, as `<` compares strings. */
export function compareSpans(units: Uint16Array, a: number, aEnd: number, b: number, bEnd: number): number {
  for (let k = 0; ; k++) {
    if (b + k === bEnd) return a + k === aEnd ? 0 : 1;
    if (a + k === aEnd) return -1;
    const d = units[a + k]! - units[b + k]!;
    if (d !== 0) return d;
  }
}
