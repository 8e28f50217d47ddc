// Reading a sidecar: the exact text the canonical writer produces is read by a small line parser;
// anything else (comments, a person's layout, errors) goes through the `yaml` package's Document,
// which keeps comments for the next save and gives line/column for every problem.

import {
  Document,
  isAlias,
  isNode,
  LineCounter,
  type DocumentOptions,
  type ParseOptions,
  parseDocument,
  type SchemaOptions,
  visit,
  type Node as YamlNode,
} from 'yaml';
import type { SidecarData } from '../annotationRecord';
import { CORE_SPECIAL } from './emit';
import { MAX_SIDECAR_BYTES, MAX_SIDECAR_DEPTH } from './format';
import { integerValue } from './largeInteger';
import { asSidecarData, checkVersion, validateSidecar, type Path } from './validate';

export interface SidecarError {
  message: string;
  /** 1-based, as editors show them. */
  line: number;
  col: number;
}

export type SidecarErrorKind = 'syntax' | 'schema' | 'version' | 'conflict' | 'too-large' | 'too-deep' | 'encoding';

export type ParseResult =
  | {
      ok: true;
      data: SidecarData;
      /** Present when the text is not in canonical form (comments, hand layout): saving goes through it to keep them. */
      doc?: Document;
    }
  | { ok: false; kind: SidecarErrorKind; errors: SidecarError[] };

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  customTags: [],
  uniqueKeys: true,
  strict: true,
  prettyErrors: true,
  version: '1.2',
  merge: false,
  // Integers as BigInt, turned back into numbers where that loses no digit (integerValue): a
  // person's 1399412345678901234 must not come back as …200.
  intAsBigInt: true,
};

const STANDARD_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: |$)/;

/**
 * Reads a sidecar's text (decoded by decodeSidecar; callers check the size in bytes before reading).
 * Never throws on any input: every problem is an error with a line and column.
 */
export function parseSidecar(input: string): ParseResult {
  if (input.length > MAX_SIDECAR_BYTES) {
    return fail('too-large', `the sidecar is larger than ${MAX_SIDECAR_BYTES / 1024 / 1024} MB; Khabar will not load it`, 1, 1);
  }
  const text = normalise(input);
  const conflicts = conflictMarkers(text);
  if (conflicts.length > 0) return { ok: false, kind: 'conflict', errors: conflicts };
  try {
    // The line parser accepts only comment-free block YAML whose every scalar reads the same under
    // the YAML 1.2 core schema; such a file holds nothing the canonical writer would lose.
    const fast = fastParse(text);
    if (fast !== undefined && validateSidecar(fast).length === 0) return { ok: true, data: asSidecarData(fast) };
    return slowParse(text);
  } catch (e) {
    // Nesting deep enough to exhaust the stack in a recursive reader (the yaml package's among them).
    if (e instanceof RangeError) return fail('too-deep', TOO_DEEP, deepLine(text), 1);
    throw e;
  }
}

const TOO_DEEP = `nested more than ${MAX_SIDECAR_DEPTH} levels deep; Khabar refuses such a file rather than risk running out of stack`;

/** The first line whose indentation or open brackets go past the depth limit (1 when none is found). */
function deepLine(text: string): number {
  let flow = 0;
  let line = 1;
  let indent = 0;
  let atStart = true;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      indent = 0;
      atStart = true;
      continue;
    }
    if (atStart && c === 32) {
      indent++;
      continue;
    }
    atStart = false;
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 /* \\ */ && quote === 34) i++;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 91 || c === 123) flow++;
    else if (c === 93 || c === 125) flow = Math.max(0, flow - 1);
    if (flow + indent / 2 > MAX_SIDECAR_DEPTH) return line;
  }
  return 1;
}

function normalise(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

/** Git's conflict markers, each reported on its line so the user sees the unresolved merge. */
export function conflictMarkers(text: string): SidecarError[] {
  if (!/^(<{7}|={7}|>{7}|\|{7})/m.test(text)) return [];
  const out: SidecarError[] = [];
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    const m = CONFLICT_MARKER.exec(l);
    if (!m) return;
    const what = m[1]![0] === '<' ? 'start of "ours"' : m[1]![0] === '=' ? 'between the two sides' : m[1]![0] === '|' ? 'start of the common base' : 'end of "theirs"';
    out.push({ message: `unresolved git merge conflict (${what}): resolve it, or run \`khabar check\` after choosing a side`, line: i + 1, col: 1 });
  });
  return out;
}

function slowParse(text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const at = (offset: number | undefined): { line: number; col: number } => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, col: p.col };
  };
  if (doc.errors.length > 0) {
    // The yaml package catches its own stack overflow on deep flow nesting and reports it as an error.
    const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
    if (overflow) {
      // Where the parser ran out of stack depends on how deep the caller's stack already was: name
      // the line where the nesting first passes the limit instead.
      const line = deepLine(text);
      return line > 1 ? fail('too-deep', TOO_DEEP, line, 1) : fail('too-deep', TOO_DEEP, at(overflow.pos[0]).line, at(overflow.pos[0]).col);
    }
    return {
      ok: false,
      kind: 'syntax',
      errors: doc.errors.map((e) => ({ message: firstLine(e.message), ...at(e.pos[0]) })),
    };
  }
  const tagErrors: SidecarError[] = [];
  let aliases = 0;
  visit(doc, (_key, node) => {
    if (isAlias(node)) aliases++;
    if (isNode(node) && node.tag !== undefined && !STANDARD_TAGS.has(node.tag)) {
      tagErrors.push({ message: `YAML tag ${node.tag} is not allowed in a sidecar`, ...at(node.range?.[0]) });
    }
  });
  for (const w of doc.warnings) tagErrors.push({ message: firstLine(w.message), ...at(w.pos[0]) });
  if (tagErrors.length > 0) return { ok: false, kind: 'schema', errors: tagErrors };
  if (aliases > 0) {
    // Anchors and aliases are legal YAML but the writer would expand them; refuse instead of silently rewriting.
    return fail('schema', 'YAML anchors and aliases (&name / *name) are not supported in a sidecar', 1, 1);
  }
  let root: unknown;
  try {
    root = exactIntegers(doc.toJS({ maxAliasCount: 0 }), 0);
  } catch (e) {
    if (e instanceof RangeError) throw e;
    return fail('syntax', (e as Error).message, 1, 1);
  }
  if (root === null || root === undefined) return fail('schema', 'the sidecar is empty', 1, 1);
  const version = checkVersion(root);
  if (!version.ok && version.newer) {
    return { ok: false, kind: 'version', errors: [{ message: version.message, ...at(nodeAt(doc, ['khabar'])?.range?.[0]) }] };
  }
  const issues = validateSidecar(root);
  if (issues.length > 0) {
    return {
      ok: false,
      kind: 'schema',
      errors: issues.map((i) => ({ message: describePath(i.path) + i.message, ...at(closestNode(doc, i.path)?.range?.[0]) })),
    };
  }
  return { ok: true, data: asSidecarData(root), doc };
}

/** BigInts from the yaml package as numbers, or as LargeInteger when a number would change their digits. */
function exactIntegers(v: unknown, depth: number): unknown {
  if (typeof v === 'bigint') return integerValue(v.toString());
  // Past the limit the validator refuses the file anyway; no need to go deeper.
  if (typeof v !== 'object' || v === null || depth > MAX_SIDECAR_DEPTH) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = exactIntegers(v[i], depth + 1);
  } else {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = exactIntegers(o[k], depth + 1);
  }
  return v;
}

function nodeAt(doc: Document, path: Path): YamlNode | undefined {
  const n = doc.getIn(path, true);
  return isNode(n) ? n : undefined;
}

/** The deepest existing node on the path (a missing key is reported on its parent). */
function closestNode(doc: Document, path: Path): YamlNode | undefined {
  for (let n = path.length; n > 0; n--) {
    const node = nodeAt(doc, path.slice(0, n));
    if (node) return node;
  }
  return isNode(doc.contents) ? doc.contents : undefined;
}

function describePath(path: Path): string {
  if (path[0] === 'annotations' && typeof path[1] === 'number') return `annotation ${path[1] + 1}: `;
  return '';
}

function fail(kind: SidecarErrorKind, message: string, line: number, col: number): ParseResult {
  return { ok: false, kind, errors: [{ message, line, col }] };
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i < 0 ? s : s.slice(0, i)).replace(/ at line \d+, column \d+:?$/, '');
}

// ---- the line parser for canonical text ----

const KEY_PLAIN = /^([A-Za-z_][A-Za-z0-9_]*):(?: |$)/;
const KEY_QUOTED = /^("(?:[^"\\]|\\.)*"):(?: |$)/;
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const PLAIN_SCALAR = /^[A-Za-z0-9_][A-Za-z0-9_./@+:-]*$/;

class NotCanonical extends Error {}

/** Parses the block subset the writer emits; undefined when the text is anything else. */
export function fastParse(text: string): unknown {
  if (!text.endsWith('\n')) return undefined;
  const lines = text.split('\n');
  lines.pop();
  const cursor = { i: 0 };
  try {
    const root = parseMap(lines, cursor, 0, undefined);
    return cursor.i === lines.length ? root : undefined;
  } catch (e) {
    if (e instanceof NotCanonical) return undefined;
    throw e;
  }
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** A mapping whose keys start at column `col`; `firstRest` is the first entry when it follows a "- ". */
function parseMap(lines: string[], cur: { i: number }, col: number, firstRest: string | undefined): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  let rest = firstRest;
  if (rest === undefined) {
    const line = lines[cur.i];
    if (line === undefined || indentOf(line) !== col) throw new NotCanonical();
    rest = line.slice(col);
  }
  for (;;) {
    cur.i++;
    let m = KEY_PLAIN.exec(rest);
    let key: string;
    if (m) key = m[1]!;
    else {
      m = KEY_QUOTED.exec(rest);
      if (!m) throw new NotCanonical();
      key = JSON.parse(m[1]!) as string;
    }
    if (Object.prototype.hasOwnProperty.call(obj, key) || key === '__proto__') throw new NotCanonical();
    const after = rest.slice(m[0].length);
    if (after === '') {
      const next = lines[cur.i];
      if (next === undefined) throw new NotCanonical();
      const ind = indentOf(next);
      if (ind !== col + 2) throw new NotCanonical();
      obj[key] = next.startsWith('- ', ind) ? parseSeq(lines, cur, ind) : parseMap(lines, cur, ind, undefined);
    } else {
      obj[key] = parseValue(after);
    }
    const next = lines[cur.i];
    if (next === undefined || indentOf(next) !== col || next.startsWith('- ', col)) return obj;
    rest = next.slice(col);
  }
}

function parseSeq(lines: string[], cur: { i: number }, col: number): unknown[] {
  const out: unknown[] = [];
  for (;;) {
    const line = lines[cur.i];
    if (line === undefined || indentOf(line) !== col || !line.startsWith('- ', col)) return out;
    const rest = line.slice(col + 2);
    if (KEY_PLAIN.test(rest) || KEY_QUOTED.test(rest)) out.push(parseMap(lines, cur, col + 2, rest));
    else {
      out.push(parseValue(rest));
      cur.i++;
    }
  }
}

function parseValue(s: string): unknown {
  const c = s.charCodeAt(0);
  // A person's nested field in flow style with a number in it goes the slow way: JSON.parse would
  // round a large integer, and respell 1.50 as 1.5.
  if (c === 34 /* " */ || ((c === 123 /* { */ || c === 91) /* [ */ && !/[0-9]/.test(s))) {
    try {
      return JSON.parse(s);
    } catch {
      throw new NotCanonical();
    }
  }
  if (c === 123 || c === 91) throw new NotCanonical();
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s === 'null') return null;
  if (NUMBER.test(s)) {
    if (INTEGER.test(s)) return integerValue(s);
    // 1.50 or 1e3 read as numbers the writer would spell differently: the slow path keeps the person's spelling.
    if (String(Number(s)) !== s) throw new NotCanonical();
    return Number(s);
  }
  if (PLAIN_SCALAR.test(s) && !CORE_SPECIAL.test(s) && !s.endsWith(':')) return s;
  throw new NotCanonical();
}
