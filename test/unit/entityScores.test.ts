// Tagging sums each distinct word's feature rows once (scoreSentence) where training extracts
// every token's features (extractFeatures): the two must give the very same emission scores and
// pair scores, bit for bit, or the shipped model would tag differently from how it was trained.
import * as assert from 'assert';
import { tokenize } from '../../src/core/arabic';
import { FeatureBuffer, extractFeatures, NUM_LABELS, scoreSentence } from '../../src/core/entities/features';
import { loadModel, sentencesOf } from '../../src/core/entities/findEntities';
import { buildTable, emissionLookup, PAIR_WIDTH, sumRows, type TaggerModel } from '../../src/core/entities/tagger';
import { addFiltered, type RowLookup } from '../../src/core/entities/wordScores';
import { goldenDocs } from './golden';

describe('entities: cached word scores', function () {
  this.timeout(120000);

  it('equal the summed rows of the extracted features on every golden sentence', () => {
    const model = loadModel();
    const lookup = emissionLookup(model);
    const buf = new FeatureBuffer();
    const pairsA = new FeatureBuffer();
    const pairRows: Float64Array[] = [];
    let scores = new Float64Array(0);
    let sentences = 0;
    for (const doc of goldenDocs().filter((d) => !d.id.endsWith('#one-line'))) {
      for (const sent of sentencesOf(doc.text, tokenize(doc.text))) {
        const raws = sent.map((t) => t.text);
        extractFeatures(raws, model.gaz, buf, pairsA);
        const expected = sumRows(buf, model.emit);
        if (scores.length < raws.length * NUM_LABELS) scores = new Float64Array(raws.length * NUM_LABELS);
        scores.fill(7); // stale values from a longer sentence must not leak in
        pairRows.length = 0;
        scoreSentence(raws, model.gaz, lookup, scores, pairRows);
        for (let k = 0; k < expected.length; k++) {
          if (scores[k] !== expected[k]) assert.fail(`${doc.id}: token ${Math.floor(k / NUM_LABELS)} of «${raws.join(' ').slice(0, 80)}»: ${scores[k]} ≠ ${expected[k]}`);
        }
        // Each token's pair row: the summed label-pair weights of its extracted pair features.
        const expectedPairs = sumRows(pairsA, model.pair);
        assert.strictEqual(pairRows.length, raws.length);
        for (let i = 0; i < raws.length; i++) {
          for (let k = 0; k < PAIR_WIDTH; k++) {
            if (pairRows[i]![k] !== expectedPairs[i * PAIR_WIDTH + k]) assert.fail(`${doc.id}: pair row of token ${i} of «${raws.join(' ').slice(0, 80)}» differs at ${k}`);
          }
        }
        sentences++;
      }
    }
    assert.ok(sentences > 5000, `${sentences} sentences`);
  });

  /**
   * Every hash the table has, added through the filter, adds its row (a filter missing one would
   * silently drop a feature); and absent hashes are mostly skipped, or the filter would be useless.
   */
  function checkFilter(lookup: RowLookup, hashes: readonly number[], what: string): void {
    const present = new Set(hashes);
    const direct = new Float64Array(NUM_LABELS);
    const filtered = new Float64Array(NUM_LABELS);
    for (const h of hashes) {
      direct.fill(0);
      filtered.fill(0);
      lookup.add(h, direct, 0);
      addFiltered(lookup, h, filtered, 0);
      if (direct.every((v) => v === 0)) assert.fail(`${what}: hash ${h} has no row`);
      for (let y = 0; y < NUM_LABELS; y++) if (filtered[y] !== direct[y]) assert.fail(`${what}: hash ${h} through the filter adds ${filtered[y]} at ${y}, not ${direct[y]}`);
    }
    let absent = 0;
    let passed = 0;
    for (let h = 12345; absent < 20000; h = (Math.imul(h, 1103515245) + 12345) >>> 0) {
      if (present.has(h)) continue;
      absent++;
      filtered.fill(0);
      addFiltered(lookup, h, filtered, 0);
      assert.ok(filtered.every((v) => v === 0), `${what}: absent hash ${h} added a row`);
      const probe = { ...lookup, add: (): void => void passed++ };
      addFiltered(probe, h, filtered, 0);
    }
    assert.ok(passed < absent * 0.3, `${what}: the filter let ${passed} of ${absent} absent hashes through`);
  }

  it('skip, through the word-pair filter, only hashes the emission table does not have', () => {
    const model = loadModel();
    const { slots, mask } = model.emit;
    const hashes: number[] = [];
    for (let s = 0; s <= mask; s++) if (slots[2 * s + 1] !== 0) hashes.push(slots[2 * s]!);
    assert.strictEqual(hashes.length, model.emit.size);
    checkFilter(emissionLookup(model), hashes, 'the shipped model');
    // A trained table (not read from a file) is read through its other layout: the same filter.
    const some = hashes.filter((_, i) => i % 3 === 0);
    const weights = new Float32Array(some.length * NUM_LABELS).map((_, k) => ((k % 7) - 3) / 8);
    const trained: TaggerModel = { ...model, emit: buildTable(Uint32Array.from(some), weights, NUM_LABELS) };
    checkFilter(emissionLookup(trained), some, 'a trained table');
  });
});

