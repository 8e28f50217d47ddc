// Word folding and clitic stripping for the tagger's features and lists. A char-loop version of
// arabic.fold (same result for one word) because the tagger folds every token of every document.

/** Fold one word for lookup: drop harakat and marks, unify alef, ya and ta marbuta, ASCII digits. */
export function foldWord(s: string): string {
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    if (foldCode(s.charCodeAt(i)) !== s.charCodeAt(i)) {
      changed = true;
      break;
    }
  }
  if (!changed) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = foldCode(s.charCodeAt(i));
    if (c >= 0) out += String.fromCharCode(c);
  }
  return out;
}

/** The folded code unit, or -1 when the unit is dropped. */
function foldCode(c: number): number {
  if (c < 0x0600) return c;
  if ((c >= 0x064b && c <= 0x0652) || c === 0x0670 || c === 0x0640 || c === 0x061c) return -1;
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x2066 && c <= 0x2069) || (c >= 0x202a && c <= 0x202e) || c === 0xfeff) {
    return -1;
  }
  if (c === 0x0623 || c === 0x0625 || c === 0x0622 || c === 0x0671) return 0x0627;
  if (c === 0x0649) return 0x064a;
  if (c === 0x0629) return 0x0647;
  if (c >= 0x0660 && c <= 0x0669) return 0x30 + c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return 0x30 + c - 0x06f0;
  return c;
}

const WAW = 0x0648;
const FA = 0x0641;
const BA = 0x0628;
const KAF = 0x0643;
const LAM = 0x0644;
const ALEF = 0x0627;

/**
 * Forms of a folded word with its proclitics removed, most conservative first, keeping the
 * article (وبالعراق → بالعراق, العراق): what a list lookup should try after the word itself.
 * A stem must keep three letters, so short names (بن، لبنان's ل) are not cut.
 */
export function cliticForms(w: string): string[] {
  const out: string[] = [];
  let t = w;
  if (t.length >= 4 && (t.charCodeAt(0) === WAW || t.charCodeAt(0) === FA)) {
    t = t.slice(1);
    out.push(t);
  }
  const c = t.charCodeAt(0);
  if (t.length >= 4 && (c === BA || c === KAF || c === LAM)) {
    if (c === LAM && t.charCodeAt(1) === LAM) {
      out.push('ا' + t.slice(1)); // لل + X is ل + ال + X
    } else {
      out.push(t.slice(1));
    }
  }
  return out;
}

/** The bare stem: proclitics and the article removed (والعراق → عراق). */
export function coreStem(w: string): string {
  const forms = cliticForms(w);
  let t = forms.length > 0 ? forms[forms.length - 1]! : w;
  if (t.length >= 5 && t.charCodeAt(0) === ALEF && t.charCodeAt(1) === LAM) t = t.slice(2);
  return t;
}

/** True when the folded word carries the article, with or without proclitics. */
export function hasArticle(w: string): boolean {
  if (w.startsWith('ال')) return true;
  for (const f of cliticForms(w)) if (f.startsWith('ال')) return true;
  return false;
}
