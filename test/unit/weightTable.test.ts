// A model file's weight tables read in place (loadQuantTable for /4 files, loadSlottedTable for
// /5 ones): the same rows, bit for bit, as the f32 table built from the same hashes and 16-bit
// weights, found by the same hashes only.
import * as assert from 'assert';
import { FeatureBuffer, NUM_LABELS } from '../../src/core/entities/features';
import { PAIR_WIDTH, sumRows } from '../../src/core/entities/tagger';
import { loadQuantTable, loadSlottedTable, loadTable, quantTable, MAX_QUANT_ROWS, slottedRows, slotsFor } from '../../src/core/entities/weightTable';

/** A small deterministic generator (xorshift32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>>= 0);
  };
}

function randomRows(seed: number, rows: number, width: number): { hashes: Uint32Array; q: Int16Array } {
  const next = rng(seed);
  const hashes = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) hashes[r] = next();
  const q = new Int16Array(rows * width);
  for (let i = 0; i < q.length; i++) q[i] = (next() % 65535) - 32767;
  return { hashes, q };
}

/** Row `h` of a plain (f32) table, or undefined: its slots probed as buildTable placed them. */
function plainRow(t: ReturnType<typeof loadTable>, h: number): Float32Array | undefined {
  let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & t.mask;
  for (;;) {
    const r = t.slots[2 * slot + 1]!;
    if (r === 0) return undefined;
    if (t.slots[2 * slot] === h) return t.weights.subarray((r - 1) * t.width, r * t.width);
    slot = (slot + 1) & t.mask;
  }
}

describe('weight tables read in place', () => {
  for (const [width, rows, scale] of [
    [NUM_LABELS, 5000, 0.000042790237605111525],
    [PAIR_WIDTH, 300, 0.0000641468144839788],
    [NUM_LABELS, 1, 0.5],
  ] as const) {
    it(`add the f32 table's very rows (width ${width}, ${rows} rows), and nothing for an absent hash`, () => {
      const { hashes, q } = randomRows(rows * width, rows, width);
      const quant = loadQuantTable(hashes, q, scale, width);
      const plain = loadTable(hashes, q, scale, width);
      assert.ok(quantTable(quant), 'no in-place layout');
      sameRows(quant, plain, hashes, width);
      // Built when first read, the plain table is the one loadTable builds.
      assert.deepStrictEqual(quant.slots, plain.slots);
      assert.deepStrictEqual(quant.weights, plain.weights);
      assert.strictEqual(quant.size, rows);
    });
  }

  it('sum a token\'s rows as the f32 table does, the first of two equal hashes winning as in buildTable', () => {
    const { hashes, q } = randomRows(11, 800, NUM_LABELS);
    hashes[500] = hashes[20]!; // equal hashes: row 20 is found in both tables, never row 500
    const quant = loadQuantTable(hashes, q, 0.001, NUM_LABELS);
    const plain = loadTable(hashes, q, 0.001, NUM_LABELS);
    const buf = new FeatureBuffer();
    const next = rng(5);
    for (let t = 0; t < 200; t++) {
      for (let k = 0; k < 30; k++) buf.push(next() % 3 === 0 ? next() : hashes[next() % hashes.length]!);
      buf.endToken();
    }
    assert.deepStrictEqual(sumRows(buf, quant), sumRows(buf, plain));
    const out = new Float64Array(NUM_LABELS);
    quantTable(quant)!.add(hashes[20]!, out, 0);
    assert.deepStrictEqual(Array.from(out), Array.from(plainRow(plain, hashes[20]!)!));
    assert.deepStrictEqual(Array.from(out), Array.from(q.subarray(20 * NUM_LABELS, 21 * NUM_LABELS), (v) => Math.fround(v * 0.001)));
  });

  it('an empty table finds nothing; weights that do not fit the rows are refused with a message', () => {
    const empty = loadQuantTable(new Uint32Array(0), new Int16Array(0), 1, NUM_LABELS);
    const out = new Float64Array(NUM_LABELS);
    quantTable(empty)!.add(12345, out, 0);
    assert.ok(out.every((v) => v === 0));
    assert.strictEqual(empty.size, 0);
    assert.throws(() => loadQuantTable(new Uint32Array(3), new Int16Array(3 * NUM_LABELS - 1), 1, NUM_LABELS), /3 rows of 9 has 26 weights/);
    assert.ok(MAX_QUANT_ROWS >= 1 << 24);
  });
});

/** A /5 file's table over these rows: laid out by slottedRows, read by loadSlottedTable. */
function slotted(hashes: Uint32Array, q: Int16Array, scale: number, width: number): ReturnType<typeof loadTable> {
  return loadSlottedTable(slottedRows(hashes, q, width), scale, width);
}

/** Every hash's row as the table adds it, compared with the f32 table's; absent hashes add nothing. */
function sameRows(table: ReturnType<typeof loadTable>, plain: ReturnType<typeof loadTable>, hashes: Uint32Array, width: number): void {
  const add = quantTable(table)!.add;
  const out = new Float64Array(width);
  for (const h of hashes) {
    out.fill(0);
    add(h, out, 0);
    const expected = plainRow(plain, h)!;
    for (let y = 0; y < width; y++) if (out[y] !== expected[y]) assert.fail(`hash ${h}, column ${y}: ${out[y]} ≠ ${expected[y]}`);
  }
  const present = new Set(hashes);
  const next = rng(7);
  for (let k = 0; k < 2000; k++) {
    const h = next();
    if (present.has(h)) continue;
    out.fill(0);
    add(h, out, 0);
    assert.ok(out.every((v) => v === 0), `absent hash ${h} found a row`);
  }
}

describe('weight tables stored in slot order (/5)', () => {
  for (const [width, rows] of [[NUM_LABELS, 5000], [PAIR_WIDTH, 419], [NUM_LABELS, 16], [NUM_LABELS, 1], [NUM_LABELS, 0]] as const) {
    it(`find the f32 table's very rows (width ${width}, ${rows} rows) and nothing else, building nothing`, () => {
      const { hashes, q } = randomRows(rows * width + 3, rows, width);
      const t = slottedRows(hashes, q, width);
      assert.ok(quantTable(slotted(hashes, q, 0.01, width))!.bits, 'not the slotted layout');
      assert.strictEqual(t.slots, slotsFor(rows));
      sameRows(slotted(hashes, q, 0.01, width), loadTable(hashes, q, 0.01, width), hashes, width);
      // Its plain table is the rows' own, in slot order, with buildTable's size.
      const table = slotted(hashes, q, 0.01, width);
      assert.deepStrictEqual(table.slots, loadTable(t.hashes, t.q, 0.01, width).slots);
      assert.strictEqual(table.mask, loadTable(hashes, q, 0.01, width).mask);
      assert.strictEqual(table.size, rows);
    });
  }

  it('find rows whose probe runs wrap past the last slot', () => {
    // 100 rows in 256 slots, 40 of them at home in the last three slots: their runs wrap to slot 0.
    const next = rng(99);
    const home = (h: number): number => (Math.imul(h, 0x9e3779b1) >>> 0) & 255;
    const wrapping: number[] = [];
    const others: number[] = [];
    while (wrapping.length < 40 || others.length < 60) {
      const h = next();
      if (home(h) >= 253) {
        if (wrapping.length < 40) wrapping.push(h);
      } else if (home(h) < 30 && others.length < 60) others.push(h);
    }
    const hashes = Uint32Array.from([...others, ...wrapping]);
    const q = Int16Array.from({ length: 100 * NUM_LABELS }, (_, i) => (i * 7919) % 65536 - 32768);
    const t = slottedRows(hashes, q, NUM_LABELS);
    assert.strictEqual(t.slots, 256);
    assert.strictEqual(t.bits[0], 0xffffffff, 'the first 32 slots are not all taken');
    sameRows(slotted(hashes, q, 0.5, NUM_LABELS), loadTable(hashes, q, 0.5, NUM_LABELS), hashes, NUM_LABELS);
  });

  it('lay out the same bytes whatever order the rows come in; of equal hashes the first given is found', () => {
    const { hashes, q } = randomRows(21, 700, NUM_LABELS);
    const reversedHashes = hashes.slice().reverse();
    const reversedQ = new Int16Array(q.length);
    for (let r = 0; r < 700; r++) reversedQ.set(q.subarray(r * NUM_LABELS, (r + 1) * NUM_LABELS), (699 - r) * NUM_LABELS);
    const a = slottedRows(hashes, q, NUM_LABELS);
    const b = slottedRows(reversedHashes, reversedQ, NUM_LABELS);
    assert.deepStrictEqual([a.bits, a.rank, a.hashes, a.q], [b.bits, b.rank, b.hashes, b.q]);
    hashes[500] = hashes[20]!;
    const table = slotted(hashes, q, 0.001, NUM_LABELS);
    const out = new Float64Array(NUM_LABELS);
    quantTable(table)!.add(hashes[20]!, out, 0);
    assert.deepStrictEqual(Array.from(out), Array.from(q.subarray(20 * NUM_LABELS, 21 * NUM_LABELS), (v) => Math.fround(v * 0.001)));
    const buf = new FeatureBuffer();
    const next = rng(5);
    for (let t = 0; t < 200; t++) {
      for (let k = 0; k < 30; k++) buf.push(next() % 3 === 0 ? next() : hashes[next() % hashes.length]!);
      buf.endToken();
    }
    assert.deepStrictEqual(sumRows(buf, table), sumRows(buf, loadTable(hashes, q, 0.001, NUM_LABELS)));
  });

  it('refuse slot bits that do not fit their counts or rows, and weights that do not fit the rows', () => {
    const { hashes, q } = randomRows(5, 300, NUM_LABELS);
    const t = slottedRows(hashes, q, NUM_LABELS);
    const bits = t.bits.slice();
    bits[3]! ^= 1 << 7;
    assert.throws(() => loadSlottedTable({ ...t, bits }, 1, NUM_LABELS), /slot counts do not fit its slot bits \(word 4\)|300 rows with 30[01] occupied slots/);
    const rank = t.rank.slice();
    rank[5]! += 1;
    assert.throws(() => loadSlottedTable({ ...t, rank }, 1, NUM_LABELS), /slot counts do not fit its slot bits \(word 5\)/);
    assert.throws(() => loadSlottedTable({ ...t, slots: 300 }, 1, NUM_LABELS), /300 rows in 300 slots/);
    assert.throws(() => loadSlottedTable({ ...t, q: t.q.subarray(1) }, 1, NUM_LABELS), /300 rows of 9 has 2699 weights/);
    const full = slottedRows(hashes.subarray(0, 16), q.subarray(0, 16 * NUM_LABELS), NUM_LABELS);
    assert.throws(() => loadSlottedTable({ ...full, bits: Uint32Array.of(0xffffffff), rank: Uint32Array.of(0) }, 1, NUM_LABELS), /16 rows with 32 occupied slots/);
  });
});
