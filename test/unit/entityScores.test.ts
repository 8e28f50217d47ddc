// Tagging sums each distinct word's feature rows once (scoreSentence) where training extracts
// every token's features (extractFeatures): the two must give the very same emission scores and
// pair features, bit for bit, or the shipped model would tag differently from how it was trained.
import * as assert from 'assert';
import { tokenize } from '../../src/core/arabic';
import { FeatureBuffer, extractFeatures, NUM_LABELS, scoreSentence } from '../../src/core/entities/features';
import { loadModel, sentencesOf } from '../../src/core/entities/index';
import { emissionLookup, sumRows } from '../../src/core/entities/model';
import { goldenDocs } from './golden';

describe('entities: cached word scores', function () {
  this.timeout(120000);

  it('equal the summed rows of the extracted features on every golden sentence', () => {
    const model = loadModel();
    const lookup = emissionLookup(model);
    const buf = new FeatureBuffer();
    const pairsA = new FeatureBuffer();
    const pairsB = new FeatureBuffer();
    let scores = new Float64Array(0);
    let sentences = 0;
    for (const doc of goldenDocs().filter((d) => !d.id.endsWith('#one-line'))) {
      for (const sent of sentencesOf(doc.text, tokenize(doc.text))) {
        const raws = sent.map((t) => t.text);
        extractFeatures(raws, model.gaz, buf, pairsA);
        const expected = sumRows(buf, model.emit);
        if (scores.length < raws.length * NUM_LABELS) scores = new Float64Array(raws.length * NUM_LABELS);
        scores.fill(7); // stale values from a longer sentence must not leak in
        scoreSentence(raws, model.gaz, lookup, scores, pairsB);
        for (let k = 0; k < expected.length; k++) {
          if (scores[k] !== expected[k]) assert.fail(`${doc.id}: token ${Math.floor(k / NUM_LABELS)} of «${raws.join(' ').slice(0, 80)}»: ${scores[k]} ≠ ${expected[k]}`);
        }
        assert.strictEqual(pairsB.length, pairsA.length);
        assert.deepStrictEqual(pairsB.feats.subarray(0, pairsB.offsets[pairsB.length]), pairsA.feats.subarray(0, pairsA.offsets[pairsA.length]));
        assert.deepStrictEqual(pairsB.offsets.subarray(0, pairsB.length + 1), pairsA.offsets.subarray(0, pairsA.length + 1));
        sentences++;
      }
    }
    assert.ok(sentences > 5000, `${sentences} sentences`);
  });
});
