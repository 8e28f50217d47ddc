// The khabar-ner/4 model file as encodeModel wrote it before /5 (its layout frozen here, from
// src/core/entities/modelFile.ts at 4af5350; the weights' quantisation, unchanged since /3, is
// modelFile's own storeTable), so the tests can check that such files, shipped and trained before,
// still load and tag the same.
import { NUM_LABELS } from '../../src/core/entities/features';
import type { TaggerModel } from '../../src/core/entities/tagger';
import { storeTable } from '../../src/core/entities/modelFile';

/** The model's bytes in the /4 layout: u32 header length, JSON header with the words and phrases as text, typed arrays. */
export function encodeModelV4(model: TaggerModel): Buffer {
  const emit = storeTable(model.emit);
  const pair = storeTable(model.pair);
  const words: string[] = [];
  const counts: number[] = [];
  const entries = [...model.gaz.lex].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [w, c] of entries) {
    words.push(w);
    counts.push(...c);
  }
  const phrases: string[] = [];
  for (const [first, list] of model.gaz.phrases) for (const e of list) phrases.push(`${e.type}\t${[first, ...e.rest].join(' ')}`);
  const header = {
    format: 'khabar-ner/4',
    meta: model.meta,
    labels: NUM_LABELS,
    trans: Array.from(model.trans),
    emit: { rows: emit.hashes.length, scale: emit.scale },
    pair: { rows: pair.hashes.length, scale: pair.scale },
    words: words.join('\n'),
    wordCount: words.length,
    phrases: phrases.join('\n'),
  };
  const lengths = Uint8Array.from(words, (w) => w.length);
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  if ((json.length & 0xffff) === 0x8b1f) json = Buffer.concat([json, Buffer.from(' ')]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const align4 = (n: number): number => (n + 3) & ~3;
  const parts: Buffer[] = [length, json, Buffer.alloc(align4(4 + json.length) - 4 - json.length)];
  for (const a of [emit.hashes, pair.hashes, Uint32Array.from(counts), emit.q, pair.q, lengths]) parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return Buffer.concat(parts);
}
