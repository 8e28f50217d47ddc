// The rule for the Arabic country and territory names the place gazetteer adds to its hand list.
// Asking ICU (Intl.DisplayNames) at run time cost ~22 ms of every cold start, and the answer
// depended on the ICU of whatever ran the core (Node, VS Code's Electron, a browser); the names
// are now taken once with this rule, by scripts/ner/countryNames.js, into
// countryNames.generated.ts, which the core reads (lexicon.ts countryNames()). A test
// (test/unit/entityModelFile.test.ts) checks that module against this rule under the same CLDR.

/**
 * Every two-letter region code's Arabic name from an `Intl.DisplayNames` for regions, in code
 * order (AA … ZZ): only real Arabic names (unknown codes echo back in Latin letters), none with
 * brackets. Multi-word names come back whole so a phrase gazetteer can use them. Empty when the
 * runtime has no ICU data for Arabic.
 */
export function icuCountryNames(): string[] {
  const out: string[] = [];
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames(['ar'], { type: 'region' });
  } catch {
    return out;
  }
  const A = 65;
  for (let a = 0; a < 26; a++) {
    for (let b = 0; b < 26; b++) {
      const code = String.fromCharCode(A + a, A + b);
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (name && name !== code && /[\u0621-\u064a]/.test(name) && !/[()]/.test(name)) out.push(name);
    }
  }
  return out;
}
