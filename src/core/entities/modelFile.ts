// The model file (before gzip): a small JSON header and the typed arrays of the weight tables,
// the lexicon and the phrases, read in place. Split from the tagger (issue 19); the (un)gzipping is the platform's
// (src/platform/node/nerModelFile.ts), so this runs anywhere.

import { emptyGazetteer, NUM_LABELS, type Gazetteer, type LexCounts } from './features';
import { FilePhrases } from './filePhrases';
import { SortedLexicon } from './sortedLexicon';
import type { TaggerModel } from './tagger';
import { loadQuantTable, loadSlottedTable, PAIR_WIDTH, slottedRows, type WeightTable } from './weightTable';

export const MODEL_FORMAT = 'khabar-ner/5';
/** The layout before the tables' slots, the lexicon and the phrases were stored ready to read in place; still read. */
const FORMAT_4 = 'khabar-ner/4';
/** The layout before the lexicon's words were sorted and their lengths stored; still read. */
const FORMAT_3 = 'khabar-ner/3';

/**
 * The model file, khabar-ner/5 (the shipped models/ner.model stored as is; dev, tune and older
 * files gzipped, which the platform layer undoes): a little-endian u32 header length, the header
 * (a small JSON object: format, meta, labels, transitions, and the sizes below), padding to 4
 * bytes, then sections in this order, each padded to 4 bytes, all little-endian:
 *
 * - per weight table (emission, then pair), its slotted rows (weightTable.ts SlottedRows): the
 *   slot bits (u32 × slots/32), the rows before each 32 slots (u32 × slots/32), the hashes in
 *   slot order (u32 × rows);
 * - the lexicon: five counts per word (u32; O, PER, LOC, ORG, MISC), where each word starts in
 *   its code units (u32 × words + 1; sortedLexicon.ts);
 * - the phrases' directory (filePhrases.ts PhraseSections): where each first token's lines
 *   start (u32 × groups + 1), where its first token is (u32 × 2 groups), the groups by first
 *   token (u32 × groups);
 * - the emission weights (i16 × rows × 9) and the pair weights (i16 × rows × 90), 16-bit,
 *   scaled by the table's `scale`, in slot order;
 * - the lexicon words' UTF-16 code units, sorted by code units, one after the other;
 * - the phrase lines' UTF-16 code units: type, a tab, the folded tokens separated by spaces, a
 *   line break; each first token's lines together.
 *
 * Loading makes typed-array views on these bytes and builds nothing (a pass over the slot bits
 * and the directories checks that they fit, so a damaged file is refused, not half read). The
 * /4 layout (the words and phrases as text in a 430 KB JSON header, the rows in any order, so
 * each table's slot index was built at load) took 25–35 ms more of a cold load.
 */
interface ModelHeader {
  format: string;
  meta: Record<string, string | number>;
  labels: number;
  trans: number[];
  emit: { rows: number; slots: number; scale: number };
  pair: { rows: number; slots: number; scale: number };
  words: { count: number; units: number };
  phrases: { groups: number; units: number };
}

/**
 * The /4 layout: after the header (JSON, with the words and phrases as text) the typed arrays
 * the header sizes — emission hashes (u32), pair hashes (u32), lexicon counts (u32, five per
 * word), emission weights (i16), pair weights (i16), and (not in /3) each lexicon word's length
 * in UTF-16 code units (u8). The tables' slot indexes are built at load (weightTable.ts loadQuantTable).
 */
interface ModelHeader4 {
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

export interface StoredTable {
  hashes: Uint32Array;
  /** Weights quantised to 16 bits (costs nothing measurable in F1), scaled by `scale`. */
  q: Int16Array;
  scale: number;
}

/** A table's rows in slot order as 16-bit weights × one scale (every format since /3; the /4 writer of the tests shares it). */
export function storeTable(t: WeightTable): StoredTable {
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

/** `n` rounded up to a multiple of 4: arithmetic, not bitwise (a header's sizes may pass 2^32 before they are refused). */
const align4 = (n: number): number => Math.ceil(n / 4) * 4;

/** Counts read from a header stay below this: every section's bytes then fit a double exactly and an array buffer. */
const MAX_COUNT = 2 ** 30;

/**
 * Throws on a big-endian host: a model file is little-endian and its typed-array views read in
 * the host's order. `littleEndian` is the host's (given by the tests).
 */
export function checkHostByteOrder(littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1): void {
  if (!littleEndian) throw new Error(`${MODEL_FORMAT} model files are little-endian and read in place: this big-endian host cannot read them`);
}

/** The lexicon of a model file: its words with their five counts each, in file order. */
function lexicon(words: readonly string[], counts: Uint32Array): Map<string, LexCounts> {
  const lex = new Map<string, LexCounts>();
  for (let i = 0; i < words.length; i++) {
    const c = 5 * i;
    lex.set(words[i]!, [counts[c]!, counts[c + 1]!, counts[c + 2]!, counts[c + 3]!, counts[c + 4]!]);
  }
  return lex;
}

/** A string's UTF-16 code units, little-endian, as bytes. */
const utf16 = (text: string): Buffer => Buffer.from(text, 'utf16le');

/** The model file's bytes before gzip (src/platform/node/nerModelFile.ts writeModelFile gzips them). */
export function encodeModel(model: TaggerModel): Buffer {
  const emit = storeTable(model.emit);
  const pair = storeTable(model.pair);
  const emitRows = slottedRows(emit.hashes, emit.q, NUM_LABELS);
  const pairRows = slottedRows(pair.hashes, pair.q, PAIR_WIDTH);
  // Sorted (by UTF-16 code units, as `<` compares), so a loaded model finds its words by binary
  // search over their code units instead of building a Map of them (sortedLexicon.ts).
  const entries = [...model.gaz.lex].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const counts = new Uint32Array(5 * entries.length);
  const starts = new Uint32Array(entries.length + 1);
  let at = 0;
  entries.forEach(([w, c], i) => {
    counts.set(c, 5 * i);
    starts[i] = at;
    at += w.length;
  });
  starts[entries.length] = at;
  const words = entries.map(([w]) => w).join('');
  // Each first token's lines together, in the map's order; a line of one token is no phrase.
  const lines: string[] = [];
  const groupStarts: number[] = [];
  const firsts: number[] = [];
  const groupFirsts: string[] = [];
  let units = 0;
  for (const [first, list] of model.gaz.phrases) {
    const phrases = list.filter((e) => e.rest.length > 0);
    if (phrases.length === 0) continue;
    groupStarts.push(units);
    groupFirsts.push(first);
    phrases.forEach((e, k) => {
      const type = String(e.type);
      const line = `${type}\t${[first, ...e.rest].join(' ')}\n`;
      if (k === 0) firsts.push(units + type.length + 1, units + type.length + 1 + first.length);
      if (line.indexOf('\n') !== line.length - 1) throw new Error(`a phrase holds a line break: ${JSON.stringify(line)}`);
      lines.push(line);
      units += line.length;
    });
  }
  groupStarts.push(units);
  const order = Array.from(groupFirsts, (_, g) => g).sort((a, b) => (groupFirsts[a]! < groupFirsts[b]! ? -1 : groupFirsts[a]! > groupFirsts[b]! ? 1 : 0));
  const header: ModelHeader = {
    format: MODEL_FORMAT,
    meta: model.meta,
    labels: NUM_LABELS,
    trans: Array.from(model.trans),
    emit: { rows: emitRows.hashes.length, slots: emitRows.slots, scale: emit.scale },
    pair: { rows: pairRows.hashes.length, slots: pairRows.slots, scale: pair.scale },
    words: { count: entries.length, units: words.length },
    phrases: { groups: groupFirsts.length, units },
  };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  // The file starts with the header's length, little-endian: a length ending in 0x8B1F would start
  // it with gzip's magic bytes, and readers would take the plain file for a gzipped one. A space
  // after the JSON (which JSON.parse ignores) moves it off that value.
  if ((json.length & 0xffff) === 0x8b1f) json = Buffer.concat([json, Buffer.from(' ')]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const parts: Buffer[] = [length, json];
  let total = 4 + json.length;
  const sections: ArrayBufferView[] = [
    emitRows.bits, emitRows.rank, emitRows.hashes,
    pairRows.bits, pairRows.rank, pairRows.hashes,
    counts, starts,
    Uint32Array.from(groupStarts), Uint32Array.from(firsts), Uint32Array.from(order),
    emitRows.q, pairRows.q,
    utf16(words), utf16(lines.join('')),
  ];
  for (const a of sections) {
    parts.push(Buffer.alloc(align4(total) - total), Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    total = align4(total) + a.byteLength;
  }
  parts.push(Buffer.alloc(align4(total) - total));
  return Buffer.concat(parts);
}

/** Throws unless `n` is a whole number from 0 to below 2^30: a size read from a model file's header. */
function size(n: unknown, what: string, format = MODEL_FORMAT): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= MAX_COUNT) throw new Error(`${format} model file is damaged: its header gives ${what} as ${JSON.stringify(n)}`);
  return n;
}

/** Throws unless the header's meta is an object and its transitions the right count of finite numbers (every format). */
function checkMetaAndTransitions(header: { format: string; meta?: unknown; trans?: unknown }): void {
  const { format, meta, trans } = header;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw new Error(`${format} model file is damaged: its header has no meta object (it gives ${JSON.stringify(meta) ?? 'none'})`);
  const n = (NUM_LABELS + 1) * NUM_LABELS;
  if (!Array.isArray(trans) || trans.length !== n || !trans.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new Error(`${format} model file is damaged: its transitions are not ${n} finite numbers`);
  }
}

/** Throws unless a table's weight scale is a finite number above 0. */
function checkScale(scale: unknown, what: string, format: string): void {
  if (typeof scale !== 'number' || !(scale > 0 && scale < Infinity)) throw new Error(`${format} model file is damaged: its header gives the ${what} weights' scale as ${JSON.stringify(scale)}`);
}

/**
 * A model from the model file's bytes, not gzipped (src/platform/node/nerModelFile.ts readModelBytes
 * gunzips a gzipped file). When the bytes are 4-byte aligned the model keeps views of them instead
 * of a copy, its weight tables, lexicon and phrases included: do not change them afterwards. /4 and
 * /3 files are read too (their tables' slot indexes built at load, their words and phrases read
 * from the header's text; a /3 file's words into a Map when not sorted).
 */
export function decodeModel(bytes: Uint8Array): TaggerModel {
  checkHostByteOrder();
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
  if (header && header.labels === NUM_LABELS && header.format === MODEL_FORMAT) return decode5(header as ModelHeader, ab, start, align4(4 + headerLength), raw.length);
  if (!header || (header.format !== FORMAT_4 && header.format !== FORMAT_3) || header.labels !== NUM_LABELS) {
    throw new Error(`not a ${MODEL_FORMAT} model with ${NUM_LABELS} labels (an older model file? rebuild it with npm run train)`);
  }
  return decode4(header as unknown as ModelHeader4, ab, start, align4(4 + headerLength), raw.length);
}

/** A /5 file's model: views on its sections (see ModelHeader), checked, nothing built. */
function decode5(header: ModelHeader, ab: ArrayBufferLike, start: number, first: number, length: number): TaggerModel {
  const emitRows = size(header.emit?.rows, 'the emission rows');
  const emitSlots = size(header.emit?.slots, 'the emission slots');
  const pairRows = size(header.pair?.rows, 'the pair rows');
  const pairSlots = size(header.pair?.slots, 'the pair slots');
  const words = size(header.words?.count, 'the lexicon words');
  const wordUnits = size(header.words?.units, 'the lexicon\'s code units');
  const groups = size(header.phrases?.groups, 'the phrase groups');
  const phraseUnits = size(header.phrases?.units, 'the phrases\' code units');
  checkScale(header.emit.scale, 'emission', MODEL_FORMAT);
  checkScale(header.pair.scale, 'pair', MODEL_FORMAT);
  if (emitSlots % 32 !== 0 || pairSlots % 32 !== 0) throw new Error(`${MODEL_FORMAT} model file is damaged: its tables' slots are not whole words of bits`);
  checkMetaAndTransitions(header);
  // Each section: its element size and count, in the order the file holds them.
  const layout: Array<[number, number]> = [
    [4, emitSlots / 32], [4, emitSlots / 32], [4, emitRows],
    [4, pairSlots / 32], [4, pairSlots / 32], [4, pairRows],
    [4, 5 * words], [4, words + 1],
    [4, groups + 1], [4, 2 * groups], [4, groups],
    [2, emitRows * NUM_LABELS], [2, pairRows * PAIR_WIDTH],
    [2, wordUnits], [2, phraseUnits],
  ];
  let end = first;
  for (const [each, n] of layout) end = align4(end + each * n);
  if (end !== length) throw new Error(`${MODEL_FORMAT} model file is truncated or padded: its header sizes ${end.toLocaleString('en')} bytes, the file has ${length.toLocaleString('en')}`);
  let offset = first;
  let k = 0;
  const next = (): [number, number] => {
    const [each, n] = layout[k++]!;
    const at = start + offset;
    offset = align4(offset + each * n);
    return [at, n];
  };
  const u32 = (): Uint32Array => new Uint32Array(ab, ...next());
  const i16 = (): Int16Array => new Int16Array(ab, ...next());
  const u16 = (): Uint16Array => new Uint16Array(ab, ...next());
  const emitBits = u32(), emitRank = u32(), emitHashes = u32();
  const pairBits = u32(), pairRank = u32(), pairHashes = u32();
  const counts = u32(), starts = u32();
  const lines = u32(), firsts = u32(), order = u32();
  const emitQ = i16(), pairQ = i16();
  const wordText = u16(), phraseText = u16();
  const damaged = (what: string): Error => new Error(`${MODEL_FORMAT} model file is damaged: ${what}`);
  let emit: WeightTable;
  let pair: WeightTable;
  try {
    emit = loadSlottedTable({ slots: emitSlots, bits: emitBits, rank: emitRank, hashes: emitHashes, q: emitQ }, header.emit.scale, NUM_LABELS);
    pair = loadSlottedTable({ slots: pairSlots, bits: pairBits, rank: pairRank, hashes: pairHashes, q: pairQ }, header.pair.scale, PAIR_WIDTH);
  } catch (e) {
    throw damaged((e as Error).message);
  }
  const gaz: Gazetteer = emptyGazetteer();
  const lex = SortedLexicon.inPlace(wordText, starts, counts);
  if (!lex) throw damaged('its lexicon\'s word starts do not fit its words');
  gaz.lex = lex;
  const phrases = FilePhrases.inPlace({ units: phraseText, lines, firsts, order });
  if (!phrases) throw damaged('its phrase directory does not fit its phrases');
  gaz.phrases = phrases;
  return { emit, pair, trans: new Float32Array(header.trans), gaz, meta: header.meta };
}

/** A /4 or /3 file's model (see ModelHeader4). */
function decode4(header: ModelHeader4, ab: ArrayBufferLike, start: number, first: number, length: number): TaggerModel {
  const v3 = header.format === FORMAT_3;
  const emitRows = size(header.emit?.rows, 'the emission rows', header.format);
  const pairRows = size(header.pair?.rows, 'the pair rows', header.format);
  checkScale(header.emit.scale, 'emission', header.format);
  checkScale(header.pair.scale, 'pair', header.format);
  checkMetaAndTransitions(header);
  if (typeof header.words !== 'string' || typeof (header.phrases ?? '') !== 'string') throw new Error(`${header.format} model file is damaged: its header's words or phrases are not text`);
  const wordText = header.words;
  let wordCount = 0;
  if (v3) {
    if (wordText) for (let at = 0; at >= 0; at = wordText.indexOf('\n', at) + 1 || -1) wordCount++;
  } else wordCount = header.wordCount === undefined ? -1 : size(header.wordCount, 'the lexicon words', header.format);
  const sizes = [emitRows * 4, pairRows * 4, wordCount * 20, emitRows * NUM_LABELS * 2, pairRows * PAIR_WIDTH * 2, v3 ? 0 : wordCount];
  let offset = first;
  if (!(wordCount >= 0) || offset + sizes.reduce((a, b) => a + b, 0) !== length) throw new Error(`${header.format} model file is truncated or padded`);
  const take = <T>(make: (buffer: ArrayBufferLike, at: number, n: number) => T, bytesEach: number, n: number): T => {
    const view = make(ab, start + offset, n);
    offset += n * bytesEach;
    return view;
  };
  const u32 = (b: ArrayBufferLike, at: number, n: number): Uint32Array => new Uint32Array(b, at, n);
  const i16 = (b: ArrayBufferLike, at: number, n: number): Int16Array => new Int16Array(b, at, n);
  const emitHashes = take(u32, 4, emitRows);
  const pairHashes = take(u32, 4, pairRows);
  const counts = take(u32, 4, wordCount * 5);
  const emitQ = take(i16, 2, emitRows * NUM_LABELS);
  const pairQ = take(i16, 2, pairRows * PAIR_WIDTH);
  const lengths = v3 ? undefined : take((b, at, n) => new Uint8Array(b, at, n), 1, wordCount);
  const gaz: Gazetteer = emptyGazetteer();
  const sorted = lengths ? SortedLexicon.at(wordText, lengths, counts) : SortedLexicon.over(wordText, counts);
  if (sorted) gaz.lex = sorted;
  else if (lengths) throw new Error(`${header.format} model file is damaged: its lexicon's word lengths do not fit its words`);
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
