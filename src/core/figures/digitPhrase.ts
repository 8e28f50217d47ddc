// Reading a number written in digits, in any of the three digit systems: thousands groups
// (1,500,000 / ١٬٥٠٠ / 12.000.000), decimals (1.8, ١٫٥, 6,3), the wire-copy ر decimal (3ر5 = 5.3),
// Reuters' visual-order 5.\u200f0 (0.5). Phone numbers and identifiers are not numbers.

import { isDigit, isLatin, isLetter } from './chars';
import type { Phrase, ScanContext } from './scanContext';

export function digitPhrase(sc: ScanContext, i: number): Phrase | undefined {
  const t = sc.text;
  const first = sc.digitRun(i);
  const groups = thousandsGroups(sc, first.e, first.str);
  const intStr = groups.intStr;
  const seps = groups.seps;
  let p = groups.e;
  let numStr = intStr;
  let isInt = true;
  // Wire copy (KUNA, Al-Hayat) writes decimals with ر, fraction first: "3ر5" is 5.3, "4ر19" is 19.4.
  if (!seps && t[p] === 'ر' && isDigit(t.charCodeAt(p + 1))) {
    const f = sc.digitRun(p + 1);
    if (!isLetter(t.charCodeAt(f.e))) {
      return { s: i, e: f.e, v: parseFloat(f.str + '.' + intStr), scale: 1, isInt: false, digits: true, intLen: f.str.replace(/^0+(?=\d)/, '').length };
    }
  }
  const c = seps && t[p] === '.' ? 0 : t.charCodeAt(p);
  if (c === 0x2e || c === 0x66b || (c === 0x2c && !seps)) {
    if (c !== 0x2c && t.charCodeAt(p + 1) === 0x200f && isDigit(t.charCodeAt(p + 2))) {
      // Reuters copy writes "5.\u200f0" for 0.5: the parts are stored in visual order.
      const f = sc.digitRun(p + 2);
      numStr = f.str + '.' + intStr;
      p = f.e;
      isInt = false;
    } else if (isDigit(t.charCodeAt(p + 1))) {
      const f = sc.digitRun(p + 1);
      if (c !== 0x2c || f.str.length <= 2) {
        numStr = intStr + '.' + f.str;
        p = f.e;
        isInt = false;
      }
    }
  }
  if (looksLikeIdentifier(sc, p, intStr, seps, isInt)) return undefined;
  return { s: i, e: p, v: parseFloat(numStr), scale: 1, isInt, digits: true, intLen: intStr.replace(/^0+(?=\d)/, '').length };
}

/** Thousands groups after the first digit run: 1,500,000 / ١٬٥٠٠, and "12.000.000" with dots. */
function thousandsGroups(sc: ScanContext, p: number, intStr: string): { e: number; intStr: string; seps: boolean } {
  const t = sc.text;
  let seps = false;
  for (;;) {
    const c = t.charCodeAt(p);
    if ((c === 0x2c || c === 0x66c) && isDigit(t.charCodeAt(p + 1))) {
      const g = sc.digitRun(p + 1);
      if (g.str.length === 3) {
        intStr += g.str;
        p = g.e;
        seps = true;
        continue;
      }
    }
    break;
  }
  // "12.000.000": two or more dot groups of three digits are thousands, not a decimal; so is one
  // group of three zeros after a short integer ("10.000 ريال"): no one writes a decimal that way.
  if (!seps && t[p] === '.' && (/^\.\d{3}\.\d{3}(?!\d)/.test(t.slice(p, p + 9)) ||
    (intStr.length <= 3 && intStr[0] !== '0' && /^\.000(?![\d٠-٩]|[.,٫]\d)/.test(t.slice(p, p + 6))))) {
    while (t[p] === '.' && /^\.\d{3}(?!\d)/.test(t.slice(p, p + 5))) {
      intStr += t.slice(p + 1, p + 4);
      p += 4;
    }
    seps = true;
  }
  return { e: p, intStr, seps };
}

/** Phone numbers and identifiers: long runs without separators, a leading zero, hyphen chains, Latin after. */
function looksLikeIdentifier(sc: ScanContext, p: number, intStr: string, seps: boolean, isInt: boolean): boolean {
  const t = sc.text;
  if (!seps && isInt && (intStr.length >= 10 || (intStr.length >= 5 && intStr[0] === '0'))) return true;
  if (!seps && isInt && intStr.length >= 5) {
    // "050-123-4567", "1-800-555": digit groups chained with hyphens.
    if (t[p] === '-' && isDigit(t.charCodeAt(p + 1))) return true;
  }
  if (t[p] === '-' && isDigit(t.charCodeAt(p + 1)) && intStr.length <= 4) {
    const g = sc.digitRun(p + 1);
    if (t[g.e] === '-' && isDigit(t.charCodeAt(g.e + 1))) return true;
  }
  return p < sc.n && isLatin(t.charCodeAt(p));
}
