// The model file's lexicon words are written sorted, with where each starts, and read in place by
// binary search (SortedLexicon) instead of into a Map; a khabar-ner/4 file (the words as text with
// their lengths) is read the same way, and a khabar-ner/3 file written before that (words in
// training order, no lengths) is still read, into a Map. Both must give every word the same counts, know no other word, and tag
// every golden document alike.
import * as assert from 'assert';
import { findEntities } from '../../src/core/entities/findEntities';
import { SortedLexicon } from '../../src/core/entities/sortedLexicon';
import { decodeModel, encodeModel, prepareModel, type TaggerModel } from '../../src/core/entities/tagger';
import { defaultModelPath, readModelBytes } from '../../src/platform/node/nerModelFile';
import { goldenDocs } from './golden';
import { encodeModelV4 } from './modelFileV4';

/**
 * A khabar-ner/4 model file's bytes laid out as a khabar-ner/3 file, which stored no
 * word lengths, with its lexicon words (and their counts) in reverse order when asked: the layout
 * of a file written before the words were sorted.
 */
function asFormat3(bytes: Uint8Array, reverse: boolean): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as Record<string, unknown> & {
    format: string;
    words: string;
    wordCount?: number;
    emit: { rows: number };
    pair: { rows: number };
  };
  assert.strictEqual(header.format, 'khabar-ner/4');
  const n = header.wordCount!;
  let at = (4 + headerLength + 3) & ~3;
  const part = (length: number): Buffer => {
    const b = buf.subarray(at, at + length);
    at += length;
    return b;
  };
  const hashes = part(4 * header.emit.rows + 4 * header.pair.rows);
  const counts = new Uint32Array(Uint8Array.from(part(20 * n)).buffer);
  const weights = buf.subarray(at, buf.length - n); // then the word lengths, which /3 does not have
  let words = header.words.split('\n');
  let ordered = counts;
  if (reverse) {
    words = words.reverse();
    ordered = new Uint32Array(counts.length);
    for (let i = 0; i < n; i++) ordered.set(counts.subarray(5 * i, 5 * i + 5), 5 * (n - 1 - i));
  }
  const { wordCount: _dropped, ...rest } = header;
  const json = Buffer.from(JSON.stringify({ ...rest, format: 'khabar-ner/3', words: words.join('\n') }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const pad = Buffer.alloc(((4 + json.length + 3) & ~3) - 4 - json.length);
  return Buffer.concat([length, json, pad, hashes, Buffer.from(ordered.buffer), weights]);
}

describe('sorted lexicon', () => {
  const bytes = readModelBytes(defaultModelPath());
  const sorted = prepareModel(decodeModel(bytes));
  const v4 = encodeModelV4(sorted);
  const old4 = prepareModel(decodeModel(v4));
  const old = prepareModel(decodeModel(asFormat3(v4, true)));
  const old3Sorted = prepareModel(decodeModel(asFormat3(v4, false)));

  it('the shipped file has its words sorted and is read in place, as a /4 file\'s; a /3 file in training order into a Map', () => {
    assert.ok(sorted.gaz.lex instanceof SortedLexicon);
    assert.ok(old4.gaz.lex instanceof SortedLexicon);
    assert.deepStrictEqual([...old4.gaz.lex], [...sorted.gaz.lex]);
    assert.ok(old.gaz.lex instanceof Map);
    // A /3 file whose words happen to be sorted is checked and read in place too.
    assert.ok(old3Sorted.gaz.lex instanceof SortedLexicon);
    assert.ok(sorted.gaz.lex.size > 10000);
    assert.strictEqual(old.gaz.lex.size, sorted.gaz.lex.size);
    assert.deepStrictEqual([...old3Sorted.gaz.lex], [...sorted.gaz.lex]);
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
    // The old layouts convert (scripts/ner/main.ts rewrite) to exactly the shipped bytes.
    assert.ok(encodeModel(old4).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    assert.ok(encodeModel(old).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    assert.ok(encodeModel(old3Sorted).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  });

  it('refuses a /4 file whose word lengths do not fit its words, with a message', () => {
    const buf = Buffer.from(v4);
    const n = sorted.gaz.lex.size;
    buf[buf.length - n + 100]! += 1;
    assert.throws(() => decodeModel(buf), /khabar-ner\/4 model file is damaged/);
    assert.strictEqual(SortedLexicon.at('أب\nت', Uint8Array.from([2, 1]), new Uint32Array(10))!.size, 2);
    assert.strictEqual(SortedLexicon.at('أب\nت', Uint8Array.from([1, 2]), new Uint32Array(10)), undefined);
    assert.strictEqual(SortedLexicon.at('أب\nت', Uint8Array.from([2, 2]), new Uint32Array(10)), undefined);
    assert.strictEqual(SortedLexicon.at('أب\nت', Uint8Array.from([2]), new Uint32Array(5)), undefined);
    assert.strictEqual(SortedLexicon.at('أب\nت', Uint8Array.from([2, 1]), new Uint32Array(5)), undefined);
    assert.strictEqual(SortedLexicon.at('', new Uint8Array(0), new Uint32Array(0))!.size, 0);
  });

  it('refuses words out of order or repeated in a /3 file, so binary search is never trusted on them', () => {
    const counts = new Uint32Array(15);
    assert.ok(SortedLexicon.over('أ\nب\nت', counts));
    assert.strictEqual(SortedLexicon.over('ب\nأ\nت', counts), undefined);
    assert.strictEqual(SortedLexicon.over('أ\nأ\nت', counts), undefined);
    assert.strictEqual(SortedLexicon.over('أب\nأ', new Uint32Array(10)), undefined);
    assert.strictEqual(SortedLexicon.over('', new Uint32Array(0))!.size, 0);
  });

  for (const [what, other] of [['the Map lexicon of a /3 file', () => old], ['a /4 file', () => old4]] as const) {
    it(`tags every golden document exactly as ${what} does`, function () {
      // Tags every golden document twice (~3 s on a quiet machine): the suite's 20 s default was
      // overrun when six jobs shared two cores, so this one test gets room; it times nothing.
      this.timeout(120_000);
      const docs = goldenDocs();
      assert.ok(docs.length > 100);
      const models: TaggerModel[] = [sorted, other()];
      for (const d of docs) {
        const [a, b] = models.map((model) => JSON.stringify(findEntities(d.text, { model })));
        if (a !== b) assert.fail(`${d.id}: ${a!.slice(0, 200)} ≠ ${b!.slice(0, 200)}`);
      }
    });
  }
});
