// The canonical writer: block YAML in the fixed key order, built by hand because the generic
// YAML stringifier is an order of magnitude slower on 10,000 annotations. Its output is re-read by
// `fastParse`, and any text that the emitter would not produce byte for byte takes the slow path.

import type { SidecarData } from '../annotationRecord';
import { childOrder, compareRecords, KEY_ORDER, V1_DOCUMENT_KEYS, versionFor, type KeyOrderName } from './format';
import { LargeInteger } from './largeInteger';

/** Plain scalars are used only where no YAML reader could take them for anything but this string. */
const PLAIN_SAFE = /^[A-Za-z0-9_][A-Za-z0-9_./@+:-]*$/;
/** Strings the YAML 1.2 core schema (or a 1.1 reader) would resolve to null, a boolean or a number. */
export const CORE_SPECIAL =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|0b[01]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Characters YAML does not allow raw in a stream (or treats as line breaks): always escaped. */
const UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
const HAS_UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;

export function quoteString(s: string): string {
  const q = JSON.stringify(s);
  return HAS_UNPRINTABLE.test(q) ? q.replace(UNPRINTABLE, escapeChar) : q;
}

function escapeChar(c: string): string {
  return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
}

function plainStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

export function scalarText(v: string | number | boolean | null | LargeInteger): string {
  if (v === null) return 'null';
  if (v instanceof LargeInteger) return v.digits;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} in a sidecar`);
    return Object.is(v, -0) ? '0' : String(v);
  }
  return plainStart(v.charCodeAt(0)) && PLAIN_SAFE.test(v) && !CORE_SPECIAL.test(v) && !v.endsWith(':') ? v : quoteString(v);
}

export function keyText(k: string): string {
  return PLAIN_KEY.test(k) && !CORE_SPECIAL.test(k) ? k : quoteString(k);
}

/** The deterministic text of a sidecar: same data, same bytes (UTF-8 once encoded, LF, final newline). */
export function emitSidecar(data: SidecarData): string {
  const out = { s: '' };
  emitMap(out, diskTree(data), 'top', '', '');
  return out.s;
}

/**
 * What is written for `data` (always the current version): records sorted by start, end, id; each
 * target's absolute `start` becomes `step`, the distance from the start of the previous record
 * that is not an orphan (from the article's start for the first), and
 * `end` (always start + the quote's length) is left out. So an edit changes only the records whose
 * quote or context it touches, plus the `step` of the first record after it: the records further
 * on keep their bytes. (An orphan's own step changes with edits above it: it has no place to keep.) Version 1's `sha256` and `length` are not written.
 */
export function diskTree(data: SidecarData): Record<string, unknown> {
  let prev = 0;
  const annotations = data.annotations
    .slice()
    .sort(compareRecords)
    .map((r) => {
      const t = r.target as unknown as Record<string, unknown>;
      const target: Record<string, unknown> = {};
      for (const k of Object.keys(t)) {
        if (k === 'start') target['step'] = r.target.start - prev;
        else if (k !== 'end') target[k] = t[k];
      }
      // An orphan keeps its old offsets, which no longer follow the text: the next record is not
      // measured from it, or every edit above the orphan would rewrite that record too.
      if (!r.orphan) prev = r.target.start;
      return { ...r, target };
    });
  const document: Record<string, unknown> = { ...data.document };
  for (const k of V1_DOCUMENT_KEYS) delete document[k];
  return { ...data, khabar: versionFor(data.annotations), document, annotations };
}

/**
 * Known keys in the format's order; a person's own key stays right after the known key it followed
 * (so `project:` written under `lastId` is not pushed below ten thousand annotations).
 */
function orderedKeys(obj: Record<string, unknown>, order: KeyOrderName | undefined): string[] {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (!order) return keys;
  const known: readonly string[] = KEY_ORDER[order];
  const head = known.filter((k) => obj[k] !== undefined);
  if (head.length === keys.length) return head;
  const after = new Map<string, string[]>();
  let prev = '';
  for (const k of keys) {
    if (known.includes(k)) prev = k;
    else after.set(prev, [...(after.get(prev) ?? []), k]);
  }
  const out = [...(after.get('') ?? [])];
  for (const k of head) out.push(k, ...(after.get(k) ?? []));
  return out;
}

/**
 * Writes a mapping's entries. `first` is the indentation of the first line (after a "- " when the
 * mapping is a sequence item), `indent` that of the following ones.
 */
function emitMap(out: { s: string }, obj: Record<string, unknown>, order: KeyOrderName | undefined, first: string, indent: string): void {
  const keys = orderedKeys(obj, order);
  if (keys.length === 0) {
    out.s += first + '{}\n';
    return;
  }
  let lead = first;
  for (const k of keys) {
    const v = obj[k];
    out.s += lead + keyText(k) + ':';
    lead = indent;
    const childIndent = indent + '  ';
    if (Array.isArray(v)) {
      if (v.length === 0) {
        out.s += ' []\n';
      } else if (order === 'top' && k === 'annotations') {
        out.s += '\n';
        for (const item of v) {
          const r = item as Record<string, unknown>;
          if (!emitPlainRecord(out, r, childIndent)) emitMap(out, r, 'record', childIndent + '- ', childIndent + '  ');
        }
      } else if (v.every(isScalar)) {
        out.s += '\n';
        for (const item of v) out.s += childIndent + '- ' + scalarText(item as string | number | boolean | null) + '\n';
      } else {
        out.s += ' ' + flow(v) + '\n';
      }
    } else if (isPlainObject(v)) {
      const childKind = childOrder(order, k);
      if (childKind || Object.values(v).every((x) => x === undefined || isScalar(x))) {
        if (Object.keys(v).every((x) => v[x] === undefined)) {
          out.s += ' {}\n';
        } else {
          out.s += '\n';
          emitMap(out, v, childKind, childIndent, childIndent);
        }
      } else {
        out.s += ' ' + flow(v) + '\n';
      }
    } else if (order === 'target' && typeof v === 'string' && QUOTE_KEYS.has(k)) {
      // Quotes are always quoted, so a quote never changes style with its content.
      out.s += ' ' + quoteString(v) + '\n';
    } else {
      out.s += ' ' + scalarText(v as string | number | boolean | null) + '\n';
    }
  }
}

/**
 * A person's nested fields the format does not know: JSON-style flow, which YAML reads as is.
 * Written by hand rather than JSON.stringify so large integers keep their digits (the depth is
 * bounded by the reader, which refuses files nested deeper than MAX_SIDECAR_DEPTH).
 */
function flow(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map((x) => (x === undefined ? 'null' : flow(x))).join(',') + ']';
  if (isPlainObject(v) && !(v instanceof LargeInteger)) {
    const parts: string[] = [];
    for (const k of Object.keys(v)) if (v[k] !== undefined) parts.push(quoteString(k) + ':' + flow(v[k]));
    return '{' + parts.join(',') + '}';
  }
  if (typeof v === 'string') return quoteString(v);
  return scalarText(v as number | boolean | null | LargeInteger);
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof LargeInteger;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof LargeInteger);
}

const RECORD_KEYS = new Set<string>(KEY_ORDER.record);
/** The quote and its context: always double-quoted (a person's own field in a target is written like any other). */
const QUOTE_KEYS = new Set<string>(['exact', 'prefix', 'suffix', 'far']);
const TARGET_KEYS = new Set<string>(KEY_ORDER.target);

/**
 * The common record (known keys only, a plain target) written without the generic machinery: this
 * is the loop that runs 10,000 times in a big sidecar. Returns false to leave others to emitMap.
 */
function emitPlainRecord(out: { s: string }, r: Record<string, unknown>, indent: string): boolean {
  for (const k in r) if (!RECORD_KEYS.has(k)) return false;
  const t = r['target'];
  if (!isPlainObject(t)) return false;
  for (const k in t) if (!TARGET_KEYS.has(k)) return false;
  if (typeof t['step'] !== 'number' || typeof t['exact'] !== 'string') return false;
  if (typeof t['prefix'] !== 'string' || typeof t['suffix'] !== 'string') return false;
  if (t['far'] !== undefined && typeof t['far'] !== 'string') return false;
  const i = indent + '  ';
  const j = i + '  ';
  let s = indent + '- id: ' + scalarText(r['id'] as string) + '\n';
  if (r['kind'] !== undefined) s += i + 'kind: ' + scalarText(r['kind'] as string) + '\n';
  if (r['label'] !== undefined) s += i + 'label: ' + scalarText(r['label'] as string) + '\n';
  if (r['status'] !== undefined) s += i + 'status: ' + scalarText(r['status'] as string) + '\n';
  if (r['orphan'] !== undefined) s += i + 'orphan: ' + scalarText(r['orphan'] as boolean) + '\n';
  s +=
    i + 'target:\n' +
    j + 'step: ' + scalarText(t['step']) + '\n' +
    j + 'exact: ' + quoteString(t['exact']) + '\n' +
    j + 'prefix: ' + quoteString(t['prefix']) + '\n' +
    j + 'suffix: ' + quoteString(t['suffix']) + '\n';
  if (t['far'] !== undefined) s += j + 'far: ' + quoteString(t['far'] as string) + '\n';
  out.s += s;
  for (const k of ['value', 'claim', 'note', 'author', 'created', 'modified']) {
    if (r[k] !== undefined) emitMap(out, { [k]: r[k] }, 'record', i, i);
  }
  return true;
}
