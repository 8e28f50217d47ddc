// Writing a sidecar. Text the canonical writer produced is rewritten by it (fast, byte-stable); a
// file a person has touched (comments, own layout) is updated node by node through its yaml
// Document, so their comments and fields stay where they put them.

import { Document, isMap, isScalar, isSeq, type Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { SidecarData } from '../annotationRecord';
import { diskTree, emitSidecar, isPlainObject } from './emit';
import { childOrder, KEY_ORDER, type KeyOrderName } from './format';
import { LargeInteger } from './largeInteger';
import { parseSidecar } from './parse';

export class SidecarWriteError extends Error {}

/**
 * The text to write for `data`. `previous` is what is on disk now (its text, or the Document from
 * parseSidecar): it decides whether comments and a person's layout must be carried over.
 */
export interface SerializeOptions {
  /**
   * Update the given Document in place instead of a copy: it then describes the text returned,
   * ready for the next save without parsing the file again (the store keeps it between saves).
   */
  reuseDocument?: boolean;
}

export function serializeSidecar(data: SidecarData, previous?: string | Document, options: SerializeOptions = {}): string {
  let doc: Document | undefined;
  if (typeof previous === 'string') {
    const r = parseSidecar(previous);
    // Never build on a file that does not read: the caller must not overwrite it.
    if (!r.ok) throw new SidecarWriteError(`the existing sidecar does not read (${r.kind}: ${r.errors[0]?.message ?? ''})`);
    doc = r.doc;
  } else {
    doc = previous;
  }
  return doc ? serializeWithDocument(data, options.reuseDocument && typeof previous !== 'string' ? doc : doc.clone()) : emitSidecar(data);
}

function serializeWithDocument(data: SidecarData, doc: Document): string {
  const plain = ordered(diskTree(data), 'top');
  if (!isMap(doc.contents)) doc.contents = doc.createNode(plain) as YAMLMap;
  else syncMap(doc, doc.contents, plain, 'top');
  const out = doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
  return out.endsWith('\n') ? out : out + '\n';
}

/** A copy with keys in the format's order and undefined values dropped. */
function ordered(obj: Record<string, unknown> | object, order: KeyOrderName | undefined): Record<string, unknown> {
  const src = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const known: readonly string[] = order ? KEY_ORDER[order] : [];
  const keys = [...known.filter((k) => k in src), ...Object.keys(src).filter((k) => !known.includes(k))];
  for (const k of keys) {
    const v = src[k];
    if (v === undefined) continue;
    if (order === 'top' && k === 'annotations' && Array.isArray(v)) out[k] = v.map((r) => ordered(r as object, 'record'));
    else if (isPlainObject(v)) out[k] = ordered(v, childOrder(order, k));
    else out[k] = forDocument(v);
  }
  return out;
}

/** Values as the yaml Document holds them: a large integer as the BigInt it was read as (its digits exact). */
function forDocument(v: unknown): unknown {
  if (v instanceof LargeInteger) return BigInt(v.digits);
  if (Array.isArray(v)) return v.map(forDocument);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = forDocument(x);
    return out;
  }
  return v;
}

/** The Document's scalar already says `v` (an integer read as BigInt equals the same number). */
function sameScalar(node: unknown, v: unknown): boolean {
  if (node === v) return true;
  if (typeof node === 'bigint' && typeof v === 'number') return Number.isSafeInteger(v) && node === BigInt(v);
  return false;
}

const QUOTED = new Set(['exact', 'prefix', 'suffix', 'far']);

function keyOf(p: Pair): unknown {
  return isScalar(p.key) ? p.key.value : p.key;
}

function syncMap(doc: Document, map: YAMLMap, value: Record<string, unknown>, order: KeyOrderName | undefined): void {
  map.items = map.items.filter((p) => {
    const k = keyOf(p);
    return typeof k === 'string' && value[k] !== undefined;
  });
  for (const [k, v] of Object.entries(value)) {
    const existing = map.get(k, true) as YamlNode | undefined;
    if (order === 'top' && k === 'annotations' && Array.isArray(v) && isSeq(existing)) {
      syncAnnotations(doc, existing, v as Record<string, unknown>[]);
    } else if (isPlainObject(v) && isMap(existing)) {
      syncMap(doc, existing, v, childOrder(order, k));
      if (existing.flow && existing.items.length === 0) existing.flow = false;
    } else if (Array.isArray(v) && isSeq(existing)) {
      syncSeq(doc, existing, v);
    } else if (isScalar(existing) && (v === null || typeof v !== 'object')) {
      // Keeping the node keeps the comment on it (and the person's spelling of an unchanged value).
      if (!sameScalar(existing.value, v)) existing.value = v;
    } else if (existing === undefined && order && (KEY_ORDER[order] as readonly string[]).includes(k)) {
      // A known key new to this mapping (`step` replacing version 1's `start`) goes where the
      // format's order puts it among the known keys, not after a person's own keys at the end.
      map.items.splice(insertionIndex(map, KEY_ORDER[order], k), 0, doc.createPair(k, freshNode(doc, v, order === 'target' && QUOTED.has(k))) as Pair);
    } else {
      map.set(k, freshNode(doc, v, order === 'target' && QUOTED.has(k)));
    }
  }
  if (order) {
    // Known keys are put in the format's order among the places known keys occupy; a person's own
    // keys stay exactly where they are.
    const known: readonly string[] = KEY_ORDER[order];
    const slots: number[] = [];
    const pairs: Pair[] = [];
    map.items.forEach((p, i) => {
      if (known.includes(keyOf(p) as string)) {
        slots.push(i);
        pairs.push(p);
      }
    });
    pairs.sort((a, b) => known.indexOf(keyOf(a) as string) - known.indexOf(keyOf(b) as string));
    slots.forEach((slot, k) => (map.items[slot] = pairs[k]!));
  }
}

/** Right after the nearest known key that comes before `key` in the order, or before the nearest one after it. */
function insertionIndex(map: YAMLMap, known: readonly string[], key: string): number {
  const rank = known.indexOf(key);
  let after = -1;
  let before = map.items.length;
  map.items.forEach((p, i) => {
    const r = known.indexOf(keyOf(p) as string);
    if (r < 0) return;
    if (r < rank) after = Math.max(after, i);
    else if (r > rank) before = Math.min(before, i);
  });
  return after >= 0 ? after + 1 : before;
}

function syncAnnotations(doc: Document, seq: YAMLSeq, records: Record<string, unknown>[]): void {
  const byId = new Map<string, YAMLMap>();
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const id = item.get('id');
    if (typeof id === 'string') byId.set(id, item);
  }
  seq.items = records.map((r) => {
    const existing = byId.get(r['id'] as string);
    if (existing) {
      syncMap(doc, existing, r, 'record');
      return existing;
    }
    return freshRecord(doc, r);
  });
  if (seq.flow && seq.items.length > 0) seq.flow = false;
}

function syncSeq(doc: Document, seq: YAMLSeq, values: unknown[]): void {
  const items = seq.items.slice(0, values.length);
  seq.items = values.map((v, i) => {
    const old = items[i];
    if (isScalar(old) && (v === null || typeof v !== 'object')) {
      if (!sameScalar(old.value, v)) old.value = v;
      return old;
    }
    return freshNode(doc, v, false);
  });
}

function freshRecord(doc: Document, r: Record<string, unknown>): YamlNode {
  const node = doc.createNode(r) as YAMLMap;
  const target = node.get('target', true);
  if (isMap(target)) for (const p of target.items) if (isScalar(p.value) && typeof p.value.value === 'string' && QUOTED.has(keyOf(p) as string)) p.value.type = Scalar.QUOTE_DOUBLE;
  return node;
}

function freshNode(doc: Document, v: unknown, quote: boolean): YamlNode {
  const node = doc.createNode(v) as YamlNode;
  if (quote && isScalar(node) && typeof node.value === 'string') node.type = Scalar.QUOTE_DOUBLE;
  return node;
}
