// Training the entity tagger (scripts/ner): the CRF learns what its features say, is
// deterministic, shrinks with its L2 penalty and survives a gold path outside BIO; the whole
// trainer (perceptron + CRF) builds a model that tags its own training sentences back and gives
// the same bytes twice. Tiny data, so these run in well under a second.
import * as assert from 'assert';
import { NUM_LABELS } from '../../src/core/entities/features';
import { FilePhrases } from '../../src/core/entities/filePhrases';
import { SortedLexicon } from '../../src/core/entities/sortedLexicon';
import { decodeModel, encodeModel, PAIR_WIDTH, viterbi } from '../../src/core/entities/tagger';
import { findEntities } from '../../src/core/entities/findEntities';
import { trainCrf, type CrfSentence, type CrfWeights } from '../../scripts/ner/crf';
import { DEFAULT_TRAIN, mulberry32, train, type Sentence } from '../../scripts/ner/train';

const O = 0;
const B_PER = 1;
const I_PER = 2;
const B_LOC = 3;

/** A sentence whose token t has the single feature `feats[t]` and one shared pair feature. */
function sentence(feats: number[], labels: number[]): CrfSentence {
  return {
    feats: Uint32Array.from(feats),
    offsets: Uint32Array.from({ length: feats.length + 1 }, (_, i) => i),
    pairFeats: Uint32Array.from(feats.map(() => 999)),
    pairOffsets: Uint32Array.from({ length: feats.length + 1 }, (_, i) => i),
    labels: Int8Array.from(labels),
  };
}

// Feature 1: a given name (B-PER); 2: a surname (I-PER); 3: a city (B-LOC); 4: any other word.
const DATA: CrfSentence[] = [
  sentence([4, 1, 2, 4], [O, B_PER, I_PER, O]),
  sentence([1, 2, 4, 3], [B_PER, I_PER, O, B_LOC]),
  sentence([4, 4, 3, 4], [O, O, B_LOC, O]),
  sentence([3, 4, 1, 2], [B_LOC, O, B_PER, I_PER]),
  sentence([4, 1, 4], [O, B_PER, O]),
];

function crf(seed: number, c2 = 1, data = DATA): CrfWeights {
  return trainCrf(data, { epochs: 30, c2, eta0: 0.1, averageEpochs: 5, rand: mulberry32(seed), log: () => undefined });
}

function tag(w: CrfWeights, feats: number[]): number[] {
  const rows = new Map<number, number>();
  w.emit.hashes.forEach((h, r) => rows.set(h, r));
  const pairRow = Array.from(w.pair.hashes).indexOf(999);
  const scores = new Float64Array(feats.length * NUM_LABELS);
  const pairs = new Float64Array(feats.length * PAIR_WIDTH);
  feats.forEach((f, t) => {
    const r = rows.get(f);
    if (r !== undefined) for (let y = 0; y < NUM_LABELS; y++) scores[t * NUM_LABELS + y] = w.emit.weights[r * NUM_LABELS + y]!;
    if (pairRow >= 0) for (let c = 0; c < PAIR_WIDTH; c++) pairs[t * PAIR_WIDTH + c] = w.pair.weights[pairRow * PAIR_WIDTH + c]!;
  });
  return Array.from(viterbi(scores, feats.length, w.trans, pairs));
}

const norm = (w: CrfWeights): number => w.emit.weights.reduce((s, x) => s + x * x, 0);

describe('NER training: the CRF', () => {
  it('tags its training sentences back, and a new sentence made of the same words', () => {
    const w = crf(1);
    for (const s of DATA) assert.deepStrictEqual(tag(w, Array.from(s.feats)), Array.from(s.labels));
    assert.deepStrictEqual(tag(w, [3, 4, 4, 1, 2]), [B_LOC, O, O, B_PER, I_PER]);
  });

  it('is deterministic for a seed, and a different seed still learns the same tags', () => {
    const a = crf(7);
    const b = crf(7);
    assert.deepStrictEqual(Array.from(a.emit.weights), Array.from(b.emit.weights));
    assert.deepStrictEqual(Array.from(a.trans), Array.from(b.trans));
    const c = crf(8);
    assert.notDeepStrictEqual(Array.from(a.emit.weights), Array.from(c.emit.weights));
    for (const s of DATA) assert.deepStrictEqual(tag(c, Array.from(s.feats)), Array.from(s.labels));
  });

  it('a stronger L2 penalty gives smaller weights', () => {
    assert.ok(norm(crf(1, 10)) < norm(crf(1, 0.1)));
  });

  it('reaches the optimum of the penalised likelihood (one one-word sentence: a softmax regression)', () => {
    // The word's emission row, the START transitions and the pair feature's START row get the
    // same gradients, so at the optimum each holds the same a[y] over the labels BIO allows
    // first: a = (gold − softmax(3a)) / (2 · c2), solved here by damped fixed-point iteration.
    const c2 = 0.5;
    const first = [0, 1, 3, 5, 7];
    let a = first.map(() => 0);
    for (let k = 0; k < 2000; k++) {
      const z = a.map((x) => Math.exp(3 * x));
      const sum = z.reduce((x, y) => x + y, 0);
      a = a.map((x, i) => 0.5 * x + 0.5 * ((first[i] === B_LOC ? 1 : 0) - z[i]! / sum) / (2 * c2));
    }
    const w = trainCrf([sentence([3], [B_LOC])], { epochs: 400, c2, eta0: 0.1, averageEpochs: 100, rand: mulberry32(1), log: () => undefined });
    const row = Array.from(w.emit.weights.subarray(0, NUM_LABELS));
    first.forEach((y, i) => assert.ok(Math.abs(row[y]! - a[i]!) < 0.01, `label ${y}: ${row[y]} vs optimum ${a[i]}`));
    for (let y = 0; y < NUM_LABELS; y++) if (!first.includes(y)) assert.ok(Math.abs(row[y]!) < 1e-9, `label ${y} cannot come first: ${row[y]}`);
  });

  it('a gold path outside BIO (I-PER after O, as ANERcorp has a few) leaves every weight finite', () => {
    const w = crf(1, 1, [...DATA, sentence([4, 2, 4], [O, I_PER, O])]);
    for (const x of [...w.emit.weights, ...w.pair.weights, ...w.trans]) assert.ok(Number.isFinite(x), `weight ${x}`);
    assert.deepStrictEqual(tag(w, [4, 1, 2, 4]), [O, B_PER, I_PER, O]);
  });
});

describe('NER training: perceptron + CRF into one model', () => {
  // Sentences written for this test: the same frame with different names and places, so the
  // tagger has to learn from the context words as well as from the names.
  const people = [['سمير', 'الخطيب'], ['ليلى', 'حداد'], ['كريم', 'منصور'], ['هالة', 'سعيد'], ['نبيل', 'عيسى'], ['رنا', 'يوسف']];
  const places = ['طرابلس', 'صيدا', 'حمص', 'إربد', 'سوسة', 'وهران'];
  const sentences: Sentence[] = [];
  people.forEach(([first, last], i) => {
    const place = places[i]!;
    sentences.push({
      tokens: ['وقال', first!, last!, 'في', place, 'إن', 'الاجتماع', 'انتهى', '.'],
      labels: [O, B_PER, I_PER, O, B_LOC, O, O, O, O],
    });
    sentences.push({
      tokens: ['وصل', first!, last!, 'إلى', place, 'أمس', '.'],
      labels: [O, B_PER, I_PER, O, B_LOC, O, O],
    });
  });
  const options = { ...DEFAULT_TRAIN, folds: 2, epochs: 5, crfEpochs: 10, averageEpochs: 3, runs: 2, minWeight: 0, crfMinWeight: 0 };

  it('builds a model that finds the names of its training sentences, with the trainer recorded', () => {
    const model = train(sentences, options);
    assert.strictEqual(model.meta.trainer, 'ensemble');
    const found = findEntities('وقال ليلى حداد في حمص إن الاجتماع انتهى .', { model, document: false });
    assert.deepStrictEqual(
      found.map((e) => [e.label, e.text]),
      [
        ['PER', 'ليلى حداد'],
        ['LOC', 'حمص'],
      ],
    );
  });

  it('writes a file whose lexicon and phrases load in place, with the same words, counts and phrases', () => {
    const model = train(sentences, options);
    const back = decodeModel(encodeModel(model));
    assert.ok(back.gaz.lex instanceof SortedLexicon);
    assert.ok(back.gaz.phrases instanceof FilePhrases);
    assert.ok(model.gaz.lex.size > 20 && model.gaz.phrases.size > 3);
    const byWord = [...model.gaz.lex].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    assert.deepStrictEqual([...back.gaz.lex], byWord);
    for (const [w, c] of model.gaz.lex) assert.deepStrictEqual(back.gaz.lex.get(w), c, w);
    assert.deepStrictEqual([...back.gaz.phrases], [...model.gaz.phrases]);
  });

  it('gives the same bytes twice (same seed)', () => {
    assert.ok(encodeModel(train(sentences, options)).equals(encodeModel(train(sentences, options))));
  });
});
