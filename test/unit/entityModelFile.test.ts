// The entity model file: encode → decode keeps every weight (to 16-bit precision), the lexicon and
// the phrases; a damaged or old-format file is refused with a message, never half loaded.
import * as assert from 'assert';
import { gunzipSync, gzipSync } from 'zlib';
import { loadModel } from '../../src/core/entities/index';
import { decodeModel, encodeModel, MODEL_FORMAT } from '../../src/core/entities/model';
import { defaultModelPath, modelFileBytes, readModelBytes } from '../../src/platform/node/model';

describe('entity model file', () => {
  const shipped = loadModel();
  const bytes = encodeModel(shipped);
  const again = decodeModel(bytes);

  it('round-trips the shipped model: same tables, lexicon, phrases and transitions', () => {
    assert.strictEqual(again.emit.size, shipped.emit.size);
    assert.strictEqual(again.pair.size, shipped.pair.size);
    assert.deepStrictEqual(Array.from(again.trans), Array.from(shipped.trans));
    assert.deepStrictEqual([...again.gaz.lex], [...shipped.gaz.lex]);
    assert.deepStrictEqual([...again.gaz.phrases], [...shipped.gaz.phrases]);
    assert.deepStrictEqual(again.meta, shipped.meta);
    // Weights went through 16-bit quantisation once already; a second pass changes nothing.
    assert.deepStrictEqual(Array.from(again.emit.weights), Array.from(shipped.emit.weights));
    assert.deepStrictEqual(Array.from(again.pair.weights), Array.from(shipped.pair.weights));
  });

  it('the Node layer writes the file gzipped and reads it back', () => {
    assert.deepStrictEqual(gunzipSync(modelFileBytes(again)), bytes);
    assert.deepStrictEqual([...decodeModel(readModelBytes(defaultModelPath())).gaz.lex].length, shipped.gaz.lex.size);
  });

  it('encodes deterministically', () => {
    assert.ok(encodeModel(again).equals(bytes));
  });

  const refused: Array<[string, () => Uint8Array]> = [
    ['a file cut inside its header', () => bytes.subarray(0, 5000)],
    ['a file cut inside its weights', () => bytes.subarray(0, bytes.length - 100)],
    ['a file with bytes appended', () => Buffer.concat([bytes, Buffer.alloc(8)])],
    ['the old JSON format', () => Buffer.from(JSON.stringify({ format: 'khabar-ner/2', labels: 9 }))],
    ['an empty file', () => Buffer.alloc(0)],
    ['a header that is not JSON', () => Buffer.concat([Buffer.from([3, 0, 0, 0]), Buffer.from('{{{')])],
    ['the file still gzipped (the platform layer gunzips it)', () => gzipSync(bytes)],
  ];
  for (const [what, make] of refused) {
    it(`refuses ${what} with a message naming the format`, () => {
      assert.throws(() => decodeModel(make()), (e: Error) => e.message.includes(MODEL_FORMAT));
    });
  }
});
