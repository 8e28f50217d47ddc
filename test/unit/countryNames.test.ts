// The country names the place gazetteer adds are generated once from ICU (scripts/ner/countryNames.js)
// instead of asked of ICU on every start: the generated list must be exactly what the rule gives
// under the ICU it was generated from, in the same order, or tagging would change.
import * as assert from 'assert';
import { COUNTRY_NAMES, COUNTRY_NAMES_CLDR } from '../../src/core/entities/countryNames.generated';
import { icuCountryNames } from '../../src/core/entities/icuCountryNames';
import { countryNames, handLexicon } from '../../src/core/entities/lexicon';
import { foldWord } from '../../src/core/entities/normalize';

describe('generated country names', () => {
  it('are exactly what ICU gives under the same CLDR version, in the same order', function () {
    if (process.versions.cldr !== COUNTRY_NAMES_CLDR) {
      // Another CLDR may name a country differently: the list (and the model trained with it)
      // then needs regenerating on purpose, not a silent change.
      this.skip();
    }
    assert.deepStrictEqual(countryNames(), icuCountryNames());
  });

  it('hold only Arabic names, with no stray line or space', () => {
    const names = countryNames();
    assert.ok(names.length > 200, `${names.length} names`);
    for (const n of names) {
      assert.match(n, /[\u0621-\u064a]/);
      assert.strictEqual(n, n.trim());
      assert.doesNotMatch(n, /[()\n]/);
    }
    assert.strictEqual(COUNTRY_NAMES.split('\n').length, names.length);
  });

  it('reach the gazetteer: one-word names as places, multi-word names as place phrases', () => {
    const hand = handLexicon();
    const names = countryNames();
    const oneWord = names.find((n) => !/\s/.test(n))!;
    const multi = names.find((n) => /\s/.test(n))!;
    assert.ok(hand.places.has(foldWord(oneWord)), oneWord);
    assert.ok(hand.placePhrases.includes(multi.split(/\s+/).map(foldWord).join(' ')), multi);
  });
});
