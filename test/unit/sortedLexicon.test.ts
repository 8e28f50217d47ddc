// The model file's lexicon words are written sorted and read in place by binary search
// (SortedLexicon) instead of into a Map; a file written before that (words in training order) is
// still read, into a Map. Both must give every word the same counts, know no other word, and tag
// every golden document alike.
import * as assert from 'assert';
import { findEntities } from '../../src/core/entities/findEntities';
import { SortedLexicon } from '../../src/core/entities/sortedLexicon';
import { decodeModel, encodeModel, prepareModel, type TaggerModel } from '../../src/core/entities/tagger';
import { defaultModelPath, readModelBytes } from '../../src/platform/node/nerModelFile';
import { goldenDocs } from './golden';

/** The model file's bytes with its lexicon words (and their counts) in reverse order: the layout of a file written before the words were sorted. */
function withWordsReversed(bytes: Uint8Array): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as { words: string; emit: { rows: number }; pair: { rows: number } };
  const words = header.words.split('\n');
  const at = ((4 + headerLength + 3) & ~3) + 4 * header.emit.rows + 4 * header.pair.rows;
  const counts = new Uint32Array(Uint8Array.from(buf.subarray(at, at + 20 * words.length)).buffer);
  const reversed = new Uint32Array(counts.length);
  for (let i = 0; i < words.length; i++) reversed.set(counts.subarray(5 * i, 5 * i + 5), 5 * (words.length - 1 - i));
  const json = Buffer.from(JSON.stringify({ ...header, words: words.reverse().join('\n') }), 'utf8');
  assert.strictEqual(json.length, headerLength, 'the same header, reordered, has the same length');
  const out = Buffer.from(buf);
  json.copy(out, 4);
  Buffer.from(reversed.buffer).copy(out, at);
  return out;
}

describe('sorted lexicon', () => {
  const bytes = readModelBytes(defaultModelPath());
  const sorted = prepareModel(decodeModel(bytes));
  const old = prepareModel(decodeModel(withWordsReversed(bytes)));

  it('the shipped file has its words sorted and is read in place; a file in training order into a Map', () => {
    assert.ok(sorted.gaz.lex instanceof SortedLexicon);
    assert.ok(old.gaz.lex instanceof Map);
    assert.ok(sorted.gaz.lex.size > 10000);
    assert.strictEqual(old.gaz.lex.size, sorted.gaz.lex.size);
  });

  it('gives every word the same counts as the Map, and the same array each time', () => {
    for (const [w, c] of old.gaz.lex) {
      assert.deepStrictEqual(sorted.gaz.lex.get(w), c, w);
      assert.ok(sorted.gaz.lex.has(w), w);
      assert.strictEqual(sorted.gaz.lex.get(w), sorted.gaz.lex.get(w));
    }
  });

  it('knows no other word: not a prefix, an extension, a neighbour or the empty word', () => {
    const lex = sorted.gaz.lex;
    let tried = 0;
    for (const [w] of old.gaz.lex) {
      for (const other of [w.slice(0, -1), w + 'ا', w + '\u0000', 'ا' + w, w.slice(1), '']) {
        if (old.gaz.lex.has(other)) continue;
        assert.strictEqual(lex.get(other), undefined, JSON.stringify(other));
        assert.strictEqual(lex.has(other), false, JSON.stringify(other));
        tried++;
      }
    }
    assert.ok(tried > 50000, `${tried} absent words tried`);
  });

  it('iterates in sorted order and writes back the same file', () => {
    const words = [...sorted.gaz.lex].map(([w]) => w);
    assert.deepStrictEqual(words, [...words].sort());
    assert.ok(encodeModel(sorted).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    // The old layout converts (scripts/ner/main.ts rewrite) to exactly the shipped bytes.
    assert.ok(encodeModel(old).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  });

  it('refuses words out of order or repeated, so binary search is never trusted on them', () => {
    const counts = new Uint32Array(15);
    assert.ok(SortedLexicon.over('أ\nب\nت', counts));
    assert.strictEqual(SortedLexicon.over('ب\nأ\nت', counts), undefined);
    assert.strictEqual(SortedLexicon.over('أ\nأ\nت', counts), undefined);
    assert.strictEqual(SortedLexicon.over('أب\nأ', new Uint32Array(10)), undefined);
    assert.strictEqual(SortedLexicon.over('', new Uint32Array(0))!.size, 0);
  });

  it('tags every golden document exactly as the Map lexicon does', () => {
    const docs = goldenDocs();
    assert.ok(docs.length > 100);
    const models: TaggerModel[] = [sorted, old];
    for (const d of docs) {
      const [a, b] = models.map((model) => JSON.stringify(findEntities(d.text, { model })));
      if (a !== b) assert.fail(`${d.id}: ${a!.slice(0, 200)} ≠ ${b!.slice(0, 200)}`);
    }
  });
});
