// The expansion of the figure word lists (lexicon.ts, DECLARED) into every clitic / hamza /
// ta-marbuta spelling: the rule, readable. It does not run in the extension: scripts/figures/
// genLexicon.ts runs it once and writes lexiconData.generated.ts, which the scanner reads, and a
// unit test (figuresLexicon.test.ts) checks that file is exactly what this expansion gives today.

import { DECLARED, FORM_CODE, RECORD_CODE, type Clitics, type Entry } from './lexicon';

/** One reading of a spelling: the index of its entry in DECLARED and the clitics written before the stem. */
export interface ExpandedReading {
  entry: number;
  pre: string;
}

const FOLDS: Array<[string, string]> = [
  ['أ', 'ا'],
  ['إ', 'ا'],
  ['آ', 'ا'],
  ['ة', 'ه'],
  ['ى', 'ي'],
];

/** Every spelling of a word where each foldable letter appears either as written or folded. */
const FOLD_OF = new Map(FOLDS);

function spellings(word: string): string[] {
  // A final ي is often written ى (الثانى، الحادى): both spellings are known.
  if (word.endsWith('ي') && word.length > 2) return [...spellings(word.slice(0, -1) + '\u0000'), ...spellings(word.slice(0, -1) + '\u0001')];
  let out = [''];
  for (const ch of word) {
    const f = FOLD_OF.get(ch);
    const alts = ch === '\u0000' ? ['ي'] : ch === '\u0001' ? ['ى'] : f ? [ch, f] : [ch];
    const next: string[] = [];
    for (const prefix of out) for (const a of alts) next.push(prefix + a);
    out = next;
  }
  return out;
}

/**
 * Surface form → its readings, shortest prefix first (a bare word beats a clitic reading; a stable
 * sort keeps the order of the lists among equals), in the order the forms were first made.
 */
export function expandLexicon(): Map<string, ExpandedReading[]> {
  const lexicon = new Map<string, ExpandedReading[]>();
  // The same entry object may only be read once per spelling, whichever clitic made it first.
  const indexOf = new Map<Entry, number>();
  DECLARED.forEach(([, entry], i) => {
    if (!indexOf.has(entry)) indexOf.set(entry, i);
  });
  const put = (form: string, entry: Entry, pre: string): void => {
    const index = indexOf.get(entry)!;
    for (const s of spellings(form)) {
      let list = lexicon.get(s);
      if (!list) {
        list = [];
        lexicon.set(s, list);
      }
      if (!list.some((r) => r.entry === index)) list.push({ entry: index, pre });
    }
  };
  for (const [words, entry, clitics] of DECLARED) expand(words, entry, clitics ?? { conj: true, prep: true, article: true }, put);
  for (const readings of lexicon.values()) readings.sort((a, b) => a.pre.length - b.pre.length);
  return lexicon;
}

function expand(words: string | string[], entry: Entry, clitics: Clitics, put: (form: string, entry: Entry, pre: string) => void): void {
  for (const word of Array.isArray(words) ? words : [words]) {
    const defined = word.startsWith('ال');
    const stems: Array<[string, boolean]> = [[word, defined]];
    if (clitics.article && !defined) stems.push(['ال' + word, true]);
    for (const [stem, def] of stems) {
      const conjs = clitics.conj ? ['', 'و', 'ف'] : [''];
      const preps = clitics.prep ? ['', 'ب', 'ل', 'ك'] : [''];
      for (const c of conjs) {
        for (const p of preps) {
          if (p === 'ل' && def) put(c + 'ل' + stem.slice(1), entry, c + 'لل');
          else put(c + p + stem, entry, c + p + (def && !defined ? 'ال' : ''));
        }
      }
    }
  }
}

const CODE = RECORD_CODE;

/**
 * The text of lexiconData.generated.ts: the prefixes, and one record per spelling, "form=" then
 * three characters per reading (entry index in DECLARED, two digits of CODE; prefix index, one),
 * records ended by ";", a line break after every 40 records (line breaks are not part of a record).
 */
export function generatedLexiconSource(): string {
  const lexicon = expandLexicon();
  const prefixes: string[] = [];
  // The spellings' characters, written as ASCII letters: a bundler escapes every Arabic letter of
  // a string literal to six characters, which would make the records four times their size.
  let alphabet = '';
  const letter = (ch: string): string => {
    let k = alphabet.indexOf(ch);
    if (k < 0) k = (alphabet += ch).length - 1;
    if (k >= FORM_CODE.length) throw new Error('figure lexicon: more distinct characters in the spellings than FORM_CODE has letters');
    return FORM_CODE[k]!;
  };
  const lines: string[] = [];
  let line = '';
  let count = 0;
  for (const [form, readings] of lexicon) {
    for (const ch of form) line += letter(ch);
    line += '=';
    for (const r of readings) {
      let p = prefixes.indexOf(r.pre);
      if (p < 0) p = prefixes.push(r.pre) - 1;
      if (r.entry >= CODE.length * CODE.length || p >= CODE.length) throw new Error('figure lexicon: too many entries or prefixes for the record code');
      line += CODE[Math.floor(r.entry / CODE.length)]! + CODE[r.entry % CODE.length]! + CODE[p]!;
    }
    line += ';';
    if (++count % 40 === 0) {
      lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
  return [
    '// Generated by scripts/figures/genLexicon.ts from the word lists of lexicon.ts (expanded by',
    '// lexiconExpand.ts): do not edit; change the lists and run the script. figuresLexicon.test.ts',
    '// fails when this file is not what the lists expand to.',
    '',
    `/** Entries in DECLARED when this was generated. */`,
    `export const DECLARED_COUNT = ${DECLARED.length};`,
    '',
    `/** Spellings in RECORDS. */`,
    `export const FORM_COUNT = ${lexicon.size};`,
    '',
    `/** The characters of the spellings: the k-th is written in RECORDS as FORM_CODE[k]. */`,
    `export const ALPHABET = ${JSON.stringify(alphabet)};`,
    '',
    `/** The clitic prefixes of the readings, by index. */`,
    `export const PREFIXES: readonly string[] = ${JSON.stringify(prefixes)};`,
    '',
    `/** ${lexicon.size} spellings: "form=" (its characters by ALPHABET) and three characters per reading, ";" after each; line breaks are no part of a record. */`,
    'export const RECORDS = `' + lines.join('\n') + '`;',
    '',
  ].join('\n');
}
