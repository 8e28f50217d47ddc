// The model file (before gzip): a JSON header and the raw typed arrays of the weight tables and
// the lexicon. Split from the tagger (issue 19); the (un)gzipping is the platform's
// (src/platform/node/nerModelFile.ts), so this runs anywhere.

import { emptyGazetteer, NUM_LABELS, type Gazetteer, type LexCounts } from './features';
import { FilePhrases } from './filePhrases';
import { SortedLexicon } from './sortedLexicon';
import type { TaggerModel } from './tagger';
import { loadQuantTable, PAIR_WIDTH, type WeightTable } from './weightTable';

export const MODEL_FORMAT = 'khabar-ner/4';
/** The layout before the lexicon's words were sorted and their lengths stored; still read. */
const FORMAT_3 = 'khabar-ner/3';

/**
 * The model file (the shipped models/ner.model stored as is; dev, tune and older files gzipped,
 * which the platform layer undoes): a little-endian u32 header length, the header (JSON), padding
 * to 4 bytes, then the typed arrays the header sizes — emission hashes (u32), pair hashes (u32),
 * lexicon counts (u32, five per word), emission weights (i16), pair weights (i16), and (not in /3)
 * each lexicon word's length in UTF-16 code units (u8). Loading makes array views on these bytes
 * and builds only the tables' slot indexes (weightTable.ts loadQuantTable); the earlier
 * JSON-with-base64 file took three times as long to load.
 */
interface ModelHeader {
  format: string;
  meta: Record<string, string | number>;
  labels: number;
  trans: number[];
  emit: { rows: number; scale: number };
  pair: { rows: number; scale: number };
  /**
   * Lexicon words, one per line, sorted by UTF-16 code units (in /3 files in training order: those
   * are read into a Map); their [O, PER, LOC, ORG, MISC] counts are in the binary part.
   */
  words: string;
  /** How many lexicon words (/4; a /3 file's are counted from `words`). */
  wordCount?: number;
  /** Phrases, one per line: type, a tab, the folded tokens separated by spaces. */
  phrases: string;
}

interface StoredTable {
  hashes: Uint32Array;
  /** Weights quantised to 16 bits (costs nothing measurable in F1), scaled by `scale`. */
  q: Int16Array;
  scale: number;
}

function storeTable(t: WeightTable): StoredTable {
  const hashes: number[] = [];
  const rowsInOrder: number[] = [];
  for (let s = 0; s <= t.mask; s++) {
    if (t.slots[2 * s + 1]! !== 0) {
      hashes.push(t.slots[2 * s]!);
      rowsInOrder.push(t.slots[2 * s + 1]! - 1);
    }
  }
  let max = 0;
  for (const w of t.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(rowsInOrder.length * t.width);
  rowsInOrder.forEach((r, i) => {
    for (let y = 0; y < t.width; y++) q[i * t.width + y] = Math.round(t.weights[r * t.width + y]! / scale);
  });
  return { hashes: Uint32Array.from(hashes), q, scale };
}

const align4 = (n: number): number => (n + 3) & ~3;

/** The lexicon of a model file: its words with their five counts each, in file order. */
function lexicon(words: readonly string[], counts: Uint32Array): Map<string, LexCounts> {
  const lex = new Map<string, LexCounts>();
  for (let i = 0; i < words.length; i++) {
    const c = 5 * i;
    lex.set(words[i]!, [counts[c]!, counts[c + 1]!, counts[c + 2]!, counts[c + 3]!, counts[c + 4]!]);
  }
  return lex;
}

/** The model file's bytes before gzip (src/platform/node/nerModelFile.ts writeModelFile gzips them). */
export function encodeModel(model: TaggerModel): Buffer {
  const emit = storeTable(model.emit);
  const pair = storeTable(model.pair);
  const words: string[] = [];
  const counts: number[] = [];
  // Sorted (by UTF-16 code units, as `<` compares), so a loaded model finds its words by binary
  // search over the text instead of building a Map of them (sortedLexicon.ts).
  const entries = [...model.gaz.lex].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [w, c] of entries) {
    if (w.includes('\n')) throw new Error(`a lexicon word holds a line break: ${JSON.stringify(w)}`);
    words.push(w);
    counts.push(...c);
  }
  const phrases: string[] = [];
  for (const [first, list] of model.gaz.phrases) for (const e of list) phrases.push(`${e.type}\t${[first, ...e.rest].join(' ')}`);
  const header: ModelHeader = {
    format: MODEL_FORMAT,
    meta: model.meta,
    labels: NUM_LABELS,
    trans: Array.from(model.trans),
    emit: { rows: emit.hashes.length, scale: emit.scale },
    pair: { rows: pair.hashes.length, scale: pair.scale },
    words: words.join('\n'),
    wordCount: words.length,
    phrases: phrases.join('\n'),
  };
  const lengths = Uint8Array.from(words, (w) => {
    if (w.length > 255) throw new Error(`a lexicon word of ${w.length} characters: up to 255 fit the model file`);
    return w.length;
  });
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  // The file starts with the header's length, little-endian: a length ending in 0x8B1F would start
  // it with gzip's magic bytes, and readers would take the plain file for a gzipped one. A space
  // after the JSON (which JSON.parse ignores) moves it off that value.
  if ((json.length & 0xffff) === 0x8b1f) json = Buffer.concat([json, Buffer.from(' ')]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const parts: Buffer[] = [length, json, Buffer.alloc(align4(4 + json.length) - 4 - json.length)];
  for (const a of [emit.hashes, pair.hashes, Uint32Array.from(counts), emit.q, pair.q, lengths]) parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return Buffer.concat(parts);
}

/**
 * A model from the model file's bytes, not gzipped (src/platform/node/nerModelFile.ts readModelBytes
 * gunzips a gzipped file). When the bytes are 4-byte aligned the model keeps views of them instead
 * of a copy, its weight tables included: do not change them afterwards. The lexicon is read in place (its words sorted, their lengths stored); a /3
 * file's is read in place too when its words happen to be sorted, else built when first read.
 */
export function decodeModel(bytes: Uint8Array): TaggerModel {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw new Error(`not a ${MODEL_FORMAT} model yet: the bytes are still gzipped (gunzip the model file first, as platform/node readModelFile does)`);
  const raw = bytes;
  // Typed-array views need aligned offsets; the bytes may sit anywhere in a pool, and are copied then.
  let ab: ArrayBufferLike = raw.buffer;
  let start = raw.byteOffset;
  if (start % 4 !== 0) {
    ab = new ArrayBuffer(raw.length);
    new Uint8Array(ab).set(raw);
    start = 0;
  }
  const headerLength = raw.length >= 4 ? new DataView(ab, start, raw.length).getUint32(0, true) : 0;
  let header: ModelHeader | undefined;
  try {
    header = headerLength > 0 && 4 + headerLength <= raw.length ? (JSON.parse(new TextDecoder().decode(raw.subarray(4, 4 + headerLength))) as ModelHeader) : undefined;
  } catch {
    header = undefined;
  }
  const v3 = header?.format === FORMAT_3;
  if (!header || (header.format !== MODEL_FORMAT && !v3) || header.labels !== NUM_LABELS) {
    throw new Error(`not a ${MODEL_FORMAT} model with ${NUM_LABELS} labels (an older model file? rebuild it with npm run train)`);
  }
  const wordText = header.words;
  let wordCount = 0;
  if (v3) {
    if (wordText) for (let at = 0; at >= 0; at = wordText.indexOf('\n', at) + 1 || -1) wordCount++;
  } else wordCount = header.wordCount ?? -1;
  const sizes = [header.emit.rows * 4, header.pair.rows * 4, wordCount * 20, header.emit.rows * NUM_LABELS * 2, header.pair.rows * PAIR_WIDTH * 2, v3 ? 0 : wordCount];
  let offset = align4(4 + headerLength);
  if (!(wordCount >= 0) || offset + sizes.reduce((a, b) => a + b, 0) !== raw.length) throw new Error(`${MODEL_FORMAT} model file is truncated or padded`);
  const take = <T>(make: (buffer: ArrayBufferLike, at: number, n: number) => T, bytesEach: number, n: number): T => {
    const view = make(ab, start + offset, n);
    offset += n * bytesEach;
    return view;
  };
  const u32 = (b: ArrayBufferLike, at: number, n: number): Uint32Array => new Uint32Array(b, at, n);
  const i16 = (b: ArrayBufferLike, at: number, n: number): Int16Array => new Int16Array(b, at, n);
  const emitHashes = take(u32, 4, header.emit.rows);
  const pairHashes = take(u32, 4, header.pair.rows);
  const counts = take(u32, 4, wordCount * 5);
  const emitQ = take(i16, 2, header.emit.rows * NUM_LABELS);
  const pairQ = take(i16, 2, header.pair.rows * PAIR_WIDTH);
  const lengths = v3 ? undefined : take((b, at, n) => new Uint8Array(b, at, n), 1, wordCount);
  const gaz: Gazetteer = emptyGazetteer();
  const sorted = lengths ? SortedLexicon.at(wordText, lengths, counts) : SortedLexicon.over(wordText, counts);
  if (sorted) gaz.lex = sorted;
  else if (lengths) throw new Error(`${MODEL_FORMAT} model file is damaged: its lexicon's word lengths do not fit its words`);
  else {
    // A /3 file written before encodeModel sorted its words: a Map of them, built when first read.
    let lex: Map<string, LexCounts> | undefined;
    Object.defineProperty(gaz, 'lex', {
      get: (): Map<string, LexCounts> => (lex ??= lexicon(wordText ? wordText.split('\n') : [], counts)),
      enumerable: true,
    });
  }
  gaz.phrases = new FilePhrases(header.phrases ?? '');
  return {
    emit: loadQuantTable(emitHashes, emitQ, header.emit.scale, NUM_LABELS),
    pair: loadQuantTable(pairHashes, pairQ, header.pair.scale, PAIR_WIDTH),
    trans: new Float32Array(header.trans),
    gaz,
    meta: header.meta,
  };
}
