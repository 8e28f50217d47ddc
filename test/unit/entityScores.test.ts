// Tagging sums each distinct word's feature rows once (scoreSentence) where training extracts
// every token's features (extractFeatures): the two must give the very same emission scores and
// pair scores, bit for bit, or the shipped model would tag differently from how it was trained.
import * as assert from 'assert';
import { tokenize } from '../../src/core/arabic';
import { FeatureBuffer, extractFeatures, NUM_LABELS, scoreSentence } from '../../src/core/entities/features';
import { loadModel, sentencesOf } from '../../src/core/entities/findEntities';
import { emissionLookup, PAIR_WIDTH, sumRows } from '../../src/core/entities/tagger';
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
});
