// Hashed feature weights: an open-addressing table from a feature hash to a row of weights, the
// cache-friendly layout tagging reads it in, and how tables are built, pruned and loaded from the
// model file's 16-bit weights. Split from the tagger (issue 19): the tagger and the file format use it.

import { NUM_LABELS } from './features';

/**
 * Feature hash → row of `width` weights, in an open-addressing table. `slots` interleaves
 * [hash, row + 1] so a probe touches one cache line; row + 1 = 0 marks an empty slot.
 */
export interface WeightTable {
  slots: Uint32Array;
  mask: number;
  weights: Float32Array;
  width: number;
  /** Rows in the table. */
  size: number;
}

/** Width of a pair-table row: (previous label or START) × label. */
export const PAIR_WIDTH = (NUM_LABELS + 1) * NUM_LABELS;

/**
 * How tagging reads a table built in memory (training, tests; a model file's tables are read in
 * place instead, see QuantTable): the table's slots with each row's weights stored right after its hash, so a lookup costs one
 * cache miss instead of two (slot, then row), and a byte per slot (0 = empty, else 8 bits of the
 * hash) small enough to stay in cache, so most absent features cost no miss at all. Same slots
 * and probe order as `slots`, so the same rows are found. Built once per table; tables are not
 * changed after tagging starts.
 */
export interface FastTable {
  tags: Uint8Array;
  /** Per slot: [hash, occupied, weight 0 … weight W-1, padding], as u32 … */
  cells: Uint32Array;
  /** … and the same memory as f32, for the weights. */
  weights: Float32Array;
  mask: number;
  stride: number;
  width: number;
}

/** 1…255 from the hash's top bits (the slot comes from its low bits after mixing). */
export function tagOf(h: number): number {
  return 1 + ((h >>> 24) % 255);
}

const fastTables = new WeakMap<WeightTable, FastTable>();

export function fastTable(t: WeightTable): FastTable {
  let f = fastTables.get(t);
  if (f) return f;
  // Rows are not padded to a power of two: 11 words a slot instead of 16 for nine labels, a third
  // less memory to allocate and fill at load, and the same lookups (a multiply, not a shift).
  const stride = t.width + 2;
  const buffer = new ArrayBuffer((t.mask + 1) * stride * 4);
  const cells = new Uint32Array(buffer);
  const weights = new Float32Array(buffer);
  const tags = new Uint8Array(t.mask + 1);
  for (let s = 0; s <= t.mask; s++) {
    const r = t.slots[2 * s + 1]!;
    if (r === 0) continue;
    tags[s] = tagOf(t.slots[2 * s]!);
    cells[s * stride] = t.slots[2 * s]!;
    cells[s * stride + 1] = 1;
    weights.set(t.weights.subarray((r - 1) * t.width, r * t.width), s * stride + 2);
  }
  f = { tags, cells, weights, mask: t.mask, stride, width: t.width };
  fastTables.set(t, f);
  return f;
}

/** Build a lookup table from parallel arrays of hashes and weight rows. */
export function buildTable(hashes: Uint32Array, weights: Float32Array, width: number): WeightTable {
  let size = 1;
  while (size < hashes.length * 2) size <<= 1;
  const slots = new Uint32Array(size * 2);
  const mask = size - 1;
  for (let r = 0; r < hashes.length; r++) {
    const h = hashes[r]!;
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (slots[2 * slot + 1]! !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = h;
    slots[2 * slot + 1] = r + 1;
  }
  return { slots, mask, weights, width, size: hashes.length };
}

/** Drop rows whose largest weight is below `tau` (rare features that barely move a decision). */
export function pruneTable(t: WeightTable, tau: number): WeightTable {
  const hashes: number[] = [];
  const kept: number[] = [];
  for (let s = 0; s <= t.mask; s++) {
    const r = t.slots[2 * s + 1]!;
    if (r === 0) continue;
    let mx = 0;
    for (let y = 0; y < t.width; y++) mx = Math.max(mx, Math.abs(t.weights[(r - 1) * t.width + y]!));
    if (mx >= tau) {
      hashes.push(t.slots[2 * s]!);
      kept.push(r - 1);
    }
  }
  const weights = new Float32Array(kept.length * t.width);
  kept.forEach((r, i) => weights.set(t.weights.subarray(r * t.width, (r + 1) * t.width), i * t.width));
  return buildTable(Uint32Array.from(hashes), weights, t.width);
}

export function loadTable(hashes: Uint32Array, q: Int16Array, scale: number, width: number): WeightTable {
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * scale;
  return buildTable(hashes, weights, width);
}

/**
 * A table read in place from a model file: its rows stay the file's 16-bit weights (times
 * `scale`, rounded to f32 as a Float32Array stores them, so every lookup adds the very value the
 * f32 table held) and its hashes stay the file's; only the slot index is built at load. Building
 * the f32 table instead meant allocating and filling 11.5 MB before the first article (first
 * touches of fresh memory, ~3 ms per MB on a VM); the index is 1 MB. Same mixing, same probe
 * order, so a hash finds the same row (the first of equal hashes, as in buildTable).
 */
export interface QuantTable {
  /** Per slot: 0 when empty, else tagOf(hash) << 24 | row (a /4 file's index, built at load) … */
  index?: Int32Array;
  /** … or one bit per slot, set when occupied, its rows stored in slot order (a /5 file's, read in place). */
  bits?: Uint32Array;
  mask: number;
  /** Row r's hash is hashes[r] and its weights q[r × width + y] × scale, y < width. */
  hashes: Uint32Array;
  q: Int16Array;
  scale: number;
  width: number;
  /** Adds row `h`, when the table has it, to out[base … base + width). */
  add(h: number, out: Float64Array, base: number): void;
}

const quantTables = new WeakMap<WeightTable, QuantTable>();

/** The in-place layout of a table loaded by loadQuantTable, or undefined (then fastTable is its layout). */
export function quantTable(t: WeightTable): QuantTable | undefined {
  return quantTables.get(t);
}

/** A function adding row `h` of the table, when it has one, to out[base … base + width). */
function quantAdder(t: Omit<QuantTable, 'add' | 'bits'> & { index: Int32Array }): QuantTable['add'] {
  const { index, mask, hashes, q, scale, width } = t;
  return (h: number, out: Float64Array, base: number): void => {
    const tag = tagOf(h);
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const e = index[slot]!;
      if (e === 0) return;
      if (e >>> 24 === tag) {
        const r = e & 0xffffff;
        if (hashes[r] === h) {
          const at = r * width;
          for (let y = 0; y < width; y++) out[base + y] += Math.fround(q[at + y]! * scale);
          return;
        }
      }
      slot = (slot + 1) & mask;
    }
  };
}

/** Rows up to this many fit the index beside their 8-bit tag. */
export const MAX_QUANT_ROWS = 1 << 24;

/**
 * A table over a model file's hashes and 16-bit weights (`width` per row, times `scale`), read in
 * place (see QuantTable). Its plain `slots` and `weights`, which only training, pruning and the
 * tests read, are built when first read. The arrays must not change afterwards.
 */
export function loadQuantTable(hashes: Uint32Array, q: Int16Array, scale: number, width: number): WeightTable {
  const rows = hashes.length;
  if (rows >= MAX_QUANT_ROWS) throw new Error(`a weight table of ${rows} rows: up to ${MAX_QUANT_ROWS - 1} fit the model file's index`);
  if (q.length !== rows * width) throw new Error(`a weight table of ${rows} rows of ${width} has ${q.length} weights`);
  const size = tableSizeFor(rows);
  const mask = size - 1;
  const index = new Int32Array(size);
  for (let r = 0; r < rows; r++) {
    const h = hashes[r]!;
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (index[slot] !== 0) slot = (slot + 1) & mask;
    index[slot] = (tagOf(h) << 24) | r;
  }
  const table = plainOnDemand(hashes, q, scale, width);
  const layout = { index, mask, hashes, q, scale, width };
  quantTables.set(table, { ...layout, add: quantAdder(layout) });
  return table;
}

/**
 * A table over rows read in place: its plain `slots` and `weights`, which only training, pruning
 * and the tests read, are loadTable's, built when first read; `mask` is that plain table's
 * (buildTable's size), whatever layout the lookups use.
 */
function plainOnDemand(hashes: Uint32Array, q: Int16Array, scale: number, width: number): WeightTable {
  let plain: WeightTable | undefined;
  return {
    get slots(): Uint32Array {
      return (plain ??= loadTable(hashes, q, scale, width)).slots;
    },
    get weights(): Float32Array {
      return (plain ??= loadTable(hashes, q, scale, width)).weights;
    },
    mask: tableSizeFor(hashes.length) - 1,
    width,
    size: hashes.length,
  };
}

/** Set bits in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * A table as a /5 model file stores it, so that loading builds nothing: the slots of the
 * open-addressing table (same mixing and linear probing as buildTable) as one bit each, set when
 * occupied; the rows in the order of their slots; and per 32 slots the number of rows before them,
 * so a slot's row is that count plus the set bits before it in its word. A lookup probes the bits
 * (32 KB for 262,144 slots, which stay in cache) and reads a hash only at an occupied slot.
 */
export interface SlottedRows {
  /** Slots in the table: a power of two, at least 32 and more than the rows. */
  slots: number;
  /** slots / 32 words: bit s & 31 of word s >>> 5 is set when slot s holds a row. */
  bits: Uint32Array;
  /** slots / 32 words: the rows in the slots before word w. */
  rank: Uint32Array;
  /** Row r's hash and its `width` 16-bit weights: the r-th occupied slot's. */
  hashes: Uint32Array;
  q: Int16Array;
}

/** The slots buildTable gives `rows` rows: the least power of two at least twice their number. */
function tableSizeFor(rows: number): number {
  let size = 1;
  while (size < rows * 2) size <<= 1;
  return size;
}

/** Slots for `rows` rows: as buildTable sizes a table (at least twice the rows), and at least 32. */
export function slotsFor(rows: number): number {
  let size = 32;
  while (size < rows * 2) size <<= 1;
  return size;
}

/**
 * The slotted layout of rows given in any order (the encoder's side of loadSlottedTable). Rows
 * are placed in the order of their home slot, then hash, then the order given, so the layout
 * depends only on the rows (encoding a decoded file gives the same bytes); any insertion order
 * makes a valid table, and of equal hashes the first given is placed first, so found, as in buildTable.
 */
export function slottedRows(hashes: Uint32Array, q: Int16Array, width: number): SlottedRows {
  const rows = hashes.length;
  if (rows >= MAX_QUANT_ROWS) throw new Error(`a weight table of ${rows} rows: up to ${MAX_QUANT_ROWS - 1} fit the model file`);
  if (q.length !== rows * width) throw new Error(`a weight table of ${rows} rows of ${width} has ${q.length} weights`);
  const slots = slotsFor(rows);
  const mask = slots - 1;
  const home = (h: number): number => (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
  const order = Array.from({ length: rows }, (_, r) => r);
  order.sort((a, b) => home(hashes[a]!) - home(hashes[b]!) || hashes[a]! - hashes[b]! || a - b);
  const rowAt = new Int32Array(slots).fill(-1);
  for (const r of order) {
    let s = home(hashes[r]!);
    while (rowAt[s] !== -1) s = (s + 1) & mask;
    rowAt[s] = r;
  }
  const bits = new Uint32Array(slots >>> 5);
  const rank = new Uint32Array(slots >>> 5);
  const outHashes = new Uint32Array(rows);
  const outQ = new Int16Array(rows * width);
  let n = 0;
  for (let s = 0; s < slots; s++) {
    if ((s & 31) === 0) rank[s >>> 5] = n;
    const r = rowAt[s]!;
    if (r < 0) continue;
    bits[s >>> 5]! |= 1 << (s & 31);
    outHashes[n] = hashes[r]!;
    outQ.set(q.subarray(r * width, (r + 1) * width), n * width);
    n++;
  }
  return { slots, bits, rank, hashes: outHashes, q: outQ };
}

/**
 * A table read in place from a /5 model file's slotted rows (see SlottedRows): nothing is built,
 * only the bits are checked against the counts (a pass over slots / 32 words), so a damaged file
 * is refused rather than probed forever. Same rows found for the same hashes as the /4 index and
 * buildTable. Its plain `slots` and `weights` are built when first read, as in loadQuantTable.
 */
export function loadSlottedTable(t: SlottedRows, scale: number, width: number): WeightTable {
  const { slots, bits, rank, hashes, q } = t;
  const rows = hashes.length;
  if (!(slots >= 32 && (slots & (slots - 1)) === 0 && rows < slots)) throw new Error(`a weight table of ${rows} rows in ${slots} slots`);
  if (q.length !== rows * width) throw new Error(`a weight table of ${rows} rows of ${width} has ${q.length} weights`);
  if (bits.length !== slots >>> 5 || rank.length !== slots >>> 5) throw new Error(`a weight table of ${slots} slots with ${bits.length} words of slot bits`);
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    if (rank[w] !== n) throw new Error(`a weight table whose slot counts do not fit its slot bits (word ${w})`);
    n += popcount(bits[w]!);
  }
  if (n !== rows) throw new Error(`a weight table of ${rows} rows with ${n} occupied slots`);
  const mask = slots - 1;
  const table = plainOnDemand(hashes, q, scale, width);
  const add = (h: number, out: Float64Array, base: number): void => {
    let s = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    const word = bits[s >>> 5]!;
    const bit = s & 31;
    if (((word >>> bit) & 1) === 0) return;
    let r = rank[s >>> 5]! + popcount(word & ~(-1 << bit));
    for (;;) {
      if (hashes[r] === h) {
        const at = r * width;
        for (let y = 0; y < width; y++) out[base + y] += Math.fround(q[at + y]! * scale);
        return;
      }
      s = (s + 1) & mask;
      r = s === 0 ? 0 : r + 1;
      if (((bits[s >>> 5]! >>> (s & 31)) & 1) === 0) return;
    }
  };
  quantTables.set(table, { bits, mask, hashes, q, scale, width, add });
  return table;
}
