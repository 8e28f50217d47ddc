// The entity model file: encode → decode keeps every weight (to 16-bit precision), the lexicon and
// the phrases; a /4 file still loads; a damaged, cut or older-format file is refused with a message
// (naming the file when read from one), never half loaded.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { FilePhrases } from '../../src/core/entities/filePhrases';
import { loadModel } from '../../src/core/entities/findEntities';
import { addPhrase, NUM_LABELS, type PhraseEntry } from '../../src/core/entities/features';
import { buildTable, decodeModel, emissionLookup, encodeModel, MODEL_FORMAT } from '../../src/core/entities/tagger';
import { checkHostByteOrder } from '../../src/core/entities/modelFile';
import { quantTable } from '../../src/core/entities/weightTable';
import { installNodePlatform } from '../../src/platform/node/install';
import { defaultModelPath, isGzipped, modelFileBytes, readModelBytes, readModelFile } from '../../src/platform/node/nerModelFile';
import { encodeModelV4 } from './modelFileV4';

const align4 = (n: number): number => (n + 3) & ~3;

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

  it('never starts a plain file with gzip\'s magic bytes, whatever its header length', () => {
    // The file opens with the header's length (u32, little-endian): pad the meta until that
    // length ends in 0x8B1F, the value whose bytes are 1f 8b.
    const headerLength = (m: typeof again): number => Buffer.from(encodeModel(m)).readUInt32LE(0);
    const padded = { ...again, meta: { ...again.meta, note: '' } };
    const base = headerLength(padded);
    let target = (base & ~0xffff) | 0x8b1f;
    if (target < base) target += 0x10000;
    padded.meta = { ...again.meta, note: 'x'.repeat(target - base) };
    assert.strictEqual(JSON.stringify(padded.meta).length - JSON.stringify({ ...again.meta, note: '' }).length, target - base);
    const b = Buffer.from(encodeModel(padded));
    assert.ok(!isGzipped(b), 'the plain file looks gzipped');
    assert.strictEqual(b.readUInt32LE(0) & 0xffff, 0x8b20, 'one space moved the length off 0x8B1F');
    assert.deepStrictEqual(decodeModel(b).meta, padded.meta);
  });

  it('a damaged gzipped model file is named in a clear message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-model-'));
    try {
      const file = path.join(dir, 'cut.model.gz');
      const gz = modelFileBytes(again, 'dev.model.gz');
      fs.writeFileSync(file, gz.subarray(0, gz.length >> 1));
      assert.throws(() => readModelBytes(file), (e: Error) => e.message.startsWith(`${file}: not a readable gzipped model file`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Node layer writes the file plain, or gzipped when its name ends in .gz, and reads either back', () => {
    assert.ok(modelFileBytes(again, 'ner.model').equals(bytes));
    const gz = modelFileBytes(again, 'dev.model.gz');
    assert.ok(isGzipped(gz) && !isGzipped(bytes));
    assert.deepStrictEqual(gunzipSync(gz), bytes);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-model-'));
    try {
      for (const [name, content] of [['a.model', bytes], ['a.model.gz', gz]] as const) {
        fs.writeFileSync(path.join(dir, name), content);
        assert.ok(Buffer.from(readModelBytes(path.join(dir, name))).equals(bytes), name);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // The shipped file is stored plain (read in place, no gunzip at load), in today's layout.
    const file = defaultModelPath();
    assert.strictEqual(path.basename(file), 'ner.model');
    const stored = fs.readFileSync(file);
    assert.ok(!isGzipped(stored), 'the shipped model is gzipped');
    assert.ok(stored.equals(bytes), 'the shipped model is not in the layout encodeModel writes (node scripts/ner/run.js rewrite)');
    assert.deepStrictEqual([...decodeModel(readModelBytes(file)).gaz.lex].length, shipped.gaz.lex.size);
  });

  it('tags from an emission table built straight from the file: every row and only those, the same bits as the plain table', () => {
    const fresh = decodeModel(bytes);
    const lookup = emissionLookup(fresh); // built at load, before the plain table is first read
    const { slots, weights, mask } = fresh.emit;
    const present = new Set<number>();
    const row = new Float64Array(NUM_LABELS);
    for (let s = 0; s <= mask; s++) {
      const r = slots[2 * s + 1]!;
      if (r === 0) continue;
      const h = slots[2 * s]!;
      present.add(h);
      row.fill(0);
      lookup.add(h, row, 0);
      for (let y = 0; y < NUM_LABELS; y++) {
        if (row[y] !== weights[(r - 1) * NUM_LABELS + y]) assert.fail(`hash ${h}, label ${y}: ${row[y]} ≠ ${weights[(r - 1) * NUM_LABELS + y]}`);
      }
    }
    assert.strictEqual(present.size, fresh.emit.size);
    // Absent hashes add nothing; a plain table rebuilt from the rows has the same slots.
    let absent = 0;
    for (let h = 1; absent < 2000; h += 7919) {
      if (present.has(h >>> 0)) continue;
      row.fill(0);
      lookup.add(h >>> 0, row, 0);
      assert.ok(row.every((v) => v === 0), `absent hash ${h} found a row`);
      absent++;
    }
    const hashes = new Uint32Array(fresh.emit.size);
    const rows = new Float32Array(fresh.emit.size * NUM_LABELS);
    let k = 0;
    for (let s = 0; s <= mask; s++) {
      const r = slots[2 * s + 1]!;
      if (r === 0) continue;
      hashes[r - 1] = slots[2 * s]!;
      rows.set(weights.subarray((r - 1) * NUM_LABELS, r * NUM_LABELS), (r - 1) * NUM_LABELS);
      k++;
    }
    assert.strictEqual(k, fresh.emit.size);
    assert.deepStrictEqual(buildTable(hashes, rows, NUM_LABELS).slots, slots);
  });

  it('reads the phrases into the same map addPhrase builds from the file\'s lines, in the same order', () => {
    // The decoder reads each first token's lines without addPhrase's duplicate search; the map
    // must not differ. The lines are the file's last section (UTF-16, each ending in a line break).
    const raw = Buffer.from(readModelBytes(defaultModelPath()));
    const header = JSON.parse(raw.subarray(4, 4 + raw.readUInt32LE(0)).toString('utf8')) as { phrases: { units: number } };
    const bytesOfLines = 2 * header.phrases.units;
    const lines = raw.subarray(raw.length - ((bytesOfLines + 3) & ~3), raw.length - ((bytesOfLines + 3) & ~3) + bytesOfLines).toString('utf16le');
    assert.ok(lines.endsWith('\n'));
    const expected = new Map<string, PhraseEntry[]>();
    for (const line of lines.slice(0, -1).split('\n')) {
      const tab = line.indexOf('\t');
      addPhrase(expected, line.slice(tab + 1).split(' '), Number(line.slice(0, tab)));
    }
    assert.ok(expected.size > 1000, `${expected.size} first tokens`);
    assert.deepStrictEqual([...loadModel().gaz.phrases], [...expected]);
  });

  it('builds a first token\'s phrases only when it is looked up, the same list each time, and is read only', () => {
    const raw = readModelBytes(defaultModelPath());
    const fresh = decodeModel(raw);
    const phrases = fresh.gaz.phrases;
    assert.ok(phrases instanceof FilePhrases);
    const expected = new Map([...loadModel().gaz.phrases]);
    assert.strictEqual(phrases.size, expected.size);
    const [first, list] = [...expected].find(([, l]) => l.length > 1)!;
    assert.ok(phrases.has(first));
    assert.deepStrictEqual(phrases.get(first), list);
    assert.strictEqual(phrases.get(first), phrases.get(first));
    for (const absent of ['', first + 'ا', first.slice(1), 'ا' + first]) {
      if (expected.has(absent)) continue;
      assert.strictEqual(phrases.get(absent), undefined, absent);
      assert.strictEqual(phrases.has(absent), false, absent);
    }
    assert.deepStrictEqual([...phrases.keys()], [...expected.keys()]);
    assert.deepStrictEqual([...phrases.values()], [...expected.values()]);
    const seen: string[] = [];
    phrases.forEach((_, k) => seen.push(k));
    assert.deepStrictEqual(seen, [...expected.keys()]);
    assert.throws(() => phrases.set(first, []), /read only/);
    assert.throws(() => phrases.delete(first), /read only/);
    assert.throws(() => phrases.clear(), /read only/);
  });

  it('reads phrase lines of one first token kept apart, and skips lines of one token, as addPhrase does', () => {
    const text = ['2\tأ ب', '1\tج د', '3\tأ ب ت', '2\tه', '4\tج و'].join('\n');
    const expected = new Map<string, PhraseEntry[]>();
    for (const line of text.split('\n')) addPhrase(expected, line.slice(2).split(' '), Number(line[0]));
    const phrases = new FilePhrases(text);
    assert.deepStrictEqual([...phrases], [...expected]);
    assert.strictEqual(phrases.size, 2);
    assert.strictEqual(phrases.get('ه'), undefined);
    assert.strictEqual(new FilePhrases('').size, 0);
  });

  it('encodes deterministically', () => {
    assert.ok(encodeModel(again).equals(bytes));
  });

  it('still reads a khabar-ner/4 file, plain or gzipped: the same rows, lexicon and phrases, and rewrites it to the same /5 bytes', () => {
    const v4 = encodeModelV4(shipped);
    assert.strictEqual(JSON.parse(v4.subarray(4, 4 + v4.readUInt32LE(0)).toString('utf8')).format, 'khabar-ner/4');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-model-'));
    try {
      for (const [name, content] of [['old.model', v4], ['old.model.gz', gzipSync(v4)]] as const) {
        const file = path.join(dir, name);
        fs.writeFileSync(file, content);
        const old = readModelFile(file);
        assert.ok(!quantTable(old.emit)!.bits && quantTable(old.emit)!.index, `${name}: not read as /4`);
        assert.ok(encodeModel(old).equals(bytes), `${name}: does not rewrite to the shipped bytes`);
        assert.deepStrictEqual(Array.from(old.emit.weights), Array.from(shipped.emit.weights));
        assert.deepStrictEqual([...old.gaz.lex], [...shipped.gaz.lex]);
        assert.deepStrictEqual([...old.gaz.phrases], [...shipped.gaz.phrases]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a damaged or cut model file is refused with a message naming the file, by the scripts\' reader and the shipped model\'s', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-model-'));
    try {
      const cut = path.join(dir, 'cut.model');
      fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
      const expected = (e: Error): boolean => e.message.startsWith(`${cut}: ${MODEL_FORMAT} model file is truncated or padded`);
      assert.throws(() => readModelFile(cut), expected);
      installNodePlatform(cut);
      try {
        assert.throws(() => loadModel(), expected);
      } finally {
        installNodePlatform(defaultModelPath());
      }
      assert.strictEqual(loadModel().emit.size, shipped.emit.size);
      const flipped = path.join(dir, 'flipped.model');
      const b = Buffer.from(bytes);
      b[align4(4 + b.readUInt32LE(0)) + 100]! ^= 4; // a bit of the emission table's slot bits
      fs.writeFileSync(flipped, b);
      assert.throws(() => readModelFile(flipped), (e: Error) => e.message.startsWith(`${flipped}: ${MODEL_FORMAT} model file is damaged`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const refused: Array<[string, () => Uint8Array]> = [
    ['a file cut inside its header', () => bytes.subarray(0, 200)],
    ['a file cut inside its sections', () => bytes.subarray(0, 5000)],
    ['a file cut inside its weights', () => bytes.subarray(0, bytes.length - 100)],
    ['a file with bytes appended', () => Buffer.concat([bytes, Buffer.alloc(8)])],
    ['the old JSON format', () => Buffer.from(JSON.stringify({ format: 'khabar-ner/2', labels: 9 }))],
    ['an empty file', () => Buffer.alloc(0)],
    ['a header that is not JSON', () => Buffer.concat([Buffer.from([3, 0, 0, 0]), Buffer.from('{{{')])],
    ['the file still gzipped (the platform layer gunzips it)', () => gzipSync(bytes)],
  ];
  // The /5 sections, found from the header's sizes (see modelFile.ts), to damage one at a time.
  const header = JSON.parse(bytes.subarray(4, 4 + bytes.readUInt32LE(0)).toString('utf8')) as {
    emit: { rows: number; slots: number };
    pair: { rows: number; slots: number };
    words: { count: number; units: number };
    phrases: { groups: number; units: number };
  };
  const sectionAt = (k: number): number => {
    const { emit, pair, words, phrases } = header;
    const sizes = [emit.slots / 8, emit.slots / 8, 4 * emit.rows, pair.slots / 8, pair.slots / 8, 4 * pair.rows, 20 * words.count, 4 * (words.count + 1), 4 * (phrases.groups + 1), 8 * phrases.groups, 4 * phrases.groups, 2 * 9 * emit.rows, 2 * 90 * pair.rows, 2 * words.units];
    let at = align4(4 + bytes.readUInt32LE(0));
    for (let i = 0; i < k; i++) at = align4(at + sizes[i]!);
    return at;
  };
  const damagedAt = (at: number, value: number): Buffer => {
    const b = Buffer.from(bytes);
    b.writeUInt32LE(value, at);
    return b;
  };
  const headerWith = (change: (h: Record<string, unknown>) => void): Buffer => {
    const h = JSON.parse(bytes.subarray(4, 4 + bytes.readUInt32LE(0)).toString('utf8')) as Record<string, unknown>;
    change(h);
    const json = Buffer.from(JSON.stringify(h));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    return Buffer.concat([length, json, Buffer.alloc(align4(4 + json.length) - 4 - json.length), bytes.subarray(align4(4 + bytes.readUInt32LE(0)))]);
  };
  refused.push(
    ['slot counts that do not fit the slot bits', () => damagedAt(sectionAt(1) + 400, bytes.readUInt32LE(sectionAt(1) + 400) + 1)],
    ['a pair table with a slot bit more than its rows', () => damagedAt(sectionAt(3), bytes.readUInt32LE(sectionAt(3)) ^ (1 << 31))],
    ['lexicon word starts out of order', () => damagedAt(sectionAt(7) + 4 * 500, bytes.readUInt32LE(sectionAt(7) + 4 * 501) + 1)],
    ['lexicon word starts past the words', () => damagedAt(sectionAt(7) + 4 * header.words.count, header.words.units + 1)],
    ['a phrase group past the phrases', () => damagedAt(sectionAt(8) + 4 * 10, header.phrases.units + 2)],
    ['a first token outside its group', () => damagedAt(sectionAt(9) + 8 * 10 + 4, bytes.readUInt32LE(sectionAt(8) + 4 * 12))],
    ['a group order naming no group', () => damagedAt(sectionAt(10) + 4 * 3, header.phrases.groups)],
    ['a header whose sizes are not whole numbers', () => headerWith((h) => ((h.words as { count: number }).count = 1.5))],
    ['a header whose slots are not a power of two', () => headerWith((h) => ((h.emit as { slots: number }).slots = 3 * 32 * 1024))],
    ['a header whose transitions are missing', () => headerWith((h) => delete h.trans)],
    ['a header without the emission weights\' scale', () => headerWith((h) => delete (h.emit as { scale?: number }).scale)],
  );
  // Damage that left every size fitting, so the file loaded and a few words or phrases were silently never found.
  const u32At = (k: number, i: number): number => bytes.readUInt32LE(sectionAt(k) + 4 * i);
  const withUnit = (k: number, i: number, unit: number): Buffer => {
    const b = Buffer.from(bytes);
    b.writeUInt16LE(unit, sectionAt(k) + 2 * i);
    return b;
  };
  const unitAt = (k: number, i: number): number => bytes.readUInt16LE(sectionAt(k) + 2 * i);
  /** A line break of the phrases that ends a line inside a group (not the group's last line). */
  const innerLineBreak = (): number => {
    const groupEnds = new Set(Array.from({ length: header.phrases.groups }, (_, g) => u32At(8, g + 1) - 1));
    for (let i = 0; i < header.phrases.units; i++) if (unitAt(14, i) === 10 && !groupEnds.has(i)) return i;
    throw new Error('no group of two lines in the shipped model');
  };
  const firstTab = (): number => {
    for (let i = 0; i < header.phrases.units; i++) if (unitAt(14, i) === 9) return i;
    throw new Error('no tab');
  };
  refused.push(
    ['a lexicon word start moved by one (a word\'s first unit given to the word before)', () => damagedAt(sectionAt(7) + 4 * 5, u32At(7, 5) + 1)],
    ['a lexicon word\'s code unit changed out of the words\' order', () => withUnit(13, u32At(7, 500), 0xffff)],
    ['two lexicon words swapped (two neighbours of one length)', () => {
      let i = 500;
      while (u32At(7, i + 1) - u32At(7, i) !== u32At(7, i + 2) - u32At(7, i + 1)) i++;
      const b = Buffer.from(bytes);
      const at = sectionAt(13);
      const n = 2 * (u32At(7, i + 1) - u32At(7, i));
      bytes.copy(b, at + 2 * u32At(7, i), at + 2 * u32At(7, i + 1), at + 2 * u32At(7, i + 1) + n);
      bytes.copy(b, at + 2 * u32At(7, i + 1), at + 2 * u32At(7, i), at + 2 * u32At(7, i) + n);
      return b;
    }],
    ['a repeated entry in the phrase groups\' order', () => damagedAt(sectionAt(10) + 4 * 3, u32At(10, 4))],
    ['two entries of the phrase groups\' order swapped', () => {
      const b = damagedAt(sectionAt(10) + 4 * 3, u32At(10, 4));
      b.writeUInt32LE(u32At(10, 3), sectionAt(10) + 4 * 4);
      return b;
    }],
    ['a phrase line\'s tab changed to a space', () => withUnit(14, firstTab(), 32)],
    ['a line break inside a phrase group changed to a space', () => withUnit(14, innerLineBreak(), 32)],
    ['a phrase\'s first token changed out of the groups\' order', () => withUnit(14, u32At(9, 2 * u32At(10, 0)), 0xffff)],
    ['a header whose transitions are text', () => headerWith((h) => (h.trans = (h.trans as number[]).map(() => 'x')))],
    ['a header whose transitions are null', () => headerWith((h) => (h.trans = (h.trans as number[]).map(() => null)))],
    ['a header without meta', () => headerWith((h) => delete h.meta)],
    ['a header whose meta is text', () => headerWith((h) => (h.meta = 'x'))],
    ['a header whose slots pass 2^32 (once wrapped by a 32-bit rounding)', () => headerWith((h) => ((h.emit as { slots: number }).slots += 2 ** 34))],
    ['a header whose slots are huge', () => headerWith((h) => ((h.emit as { slots: number }).slots = 2 ** 31 * 32))],
    ['a header whose rows are 2^32', () => headerWith((h) => ((h.emit as { rows: number }).rows = 2 ** 32))],
    ['a header whose scale is text', () => headerWith((h) => ((h.pair as { scale: unknown }).scale = '1'))],
  );
  for (const [what, make] of refused) {
    it(`refuses ${what} with a message naming the format`, () => {
      assert.throws(() => decodeModel(make()), (e: Error) => e.message.includes(MODEL_FORMAT));
    });
  }

  it('names the file when its header is hand-made wrong (no meta), instead of failing later in detection', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-model-'));
    try {
      const file = path.join(dir, 'noMeta.model');
      fs.writeFileSync(file, headerWith((h) => delete h.meta));
      assert.throws(() => readModelFile(file), (e: Error) => e.message.startsWith(`${file}: ${MODEL_FORMAT} model file is damaged: its header has no meta object`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a big-endian host with a clear message (the views read in host order), and passes this host', () => {
    assert.throws(() => checkHostByteOrder(false), /big-endian host cannot read them/);
    assert.doesNotThrow(() => checkHostByteOrder());
  });
});
