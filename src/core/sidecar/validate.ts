// Checks a parsed sidecar against the version-1 rules (the same ones as schemas/sidecar.schema.json)
// and says where each problem is, as a path of keys and indexes the parser turns into a line.

import type { SidecarData } from '../annotationRecord';
import { isPlainObject } from './emit';
import { MAX_SIDECAR_DEPTH, OLDEST_SIDECAR_VERSION, SIDECAR_VERSION } from './format';
import { isLargeInteger } from './largeInteger';
import { BOUNDS, CLAIM_TYPES, RECORD_KINDS, RECORD_LABELS, RECORD_STATUSES } from '../vocabulary';

export { BOUNDS, CLAIM_TYPES, RECORD_KINDS, RECORD_LABELS, RECORD_STATUSES };

export type Path = (string | number)[];
export interface ValidationIssue {
  path: Path;
  message: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const SHA256 = /^[0-9a-f]{64}$/;
/** `target.far` (src/core/anchor/far.ts): word hashes before the quote, a space or `/`, after it; `.` for the article's edge. */
const FAR_PATTERN = /^[A-Za-z0-9_-]*\.?[ /][A-Za-z0-9_-]*\.?$/;
const FAR_MAX = 200;

export type VersionCheck = { ok: true; version: 1 | 2 | 3 } | { ok: false; newer: boolean; message: string };

/** Ids and `lastId` are counted in JavaScript numbers: past this, "one more" is the same number. */
export const MAX_ID_NUMBER = Number.MAX_SAFE_INTEGER;

export function checkVersion(root: unknown): VersionCheck {
  if (!isPlainObject(root)) return { ok: false, newer: false, message: `a sidecar is a YAML mapping starting with \`khabar: ${SIDECAR_VERSION}\`` };
  const v = root['khabar'];
  if (v === 1 || v === 2 || v === 3) return { ok: true, version: v };
  if ((typeof v === 'number' && Number.isInteger(v) && v > SIDECAR_VERSION) || isLargeInteger(v)) {
    return {
      ok: false,
      newer: true,
      message: `this sidecar was written by a newer Khabar (format version ${String(v)}; this one reads versions ${OLDEST_SIDECAR_VERSION} to ${SIDECAR_VERSION}). Update Khabar to edit it.`,
    };
  }
  return { ok: false, newer: false, message: `\`khabar\` must be a format version from ${OLDEST_SIDECAR_VERSION} to ${SIDECAR_VERSION}` };
}

/**
 * The path of the first value nested deeper than MAX_SIDECAR_DEPTH, or undefined. Recursion stops
 * one level past the limit, so a hostile file cannot exhaust the stack here (nor later, in the
 * writer or a merge, since such a file is refused).
 */
export function tooDeep(v: unknown, depth = 0): Path | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  if (depth >= MAX_SIDECAR_DEPTH) return [];
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = tooDeep(v[i], depth + 1);
      if (p) return [i, ...p];
    }
    return undefined;
  }
  for (const k in v) {
    const p = tooDeep((v as Record<string, unknown>)[k], depth + 1);
    if (p) return [k, ...p];
  }
  return undefined;
}

/** Reports one problem at a path. */
type Bad = (p: Path, m: string) => void;

/** Every problem found (empty when valid). Unknown keys are allowed everywhere: they are the user's. */
export function validateSidecar(root: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const bad: Bad = (path, message) => void issues.push({ path, message });
  if (!isPlainObject(root)) {
    bad([], 'a sidecar is a YAML mapping with khabar, document and annotations');
    return issues;
  }
  const deep = tooDeep(root);
  if (deep) {
    bad(deep, `nested more than ${MAX_SIDECAR_DEPTH} levels deep; Khabar refuses such a file rather than risk running out of stack`);
    return issues;
  }
  const version = checkVersion(root);
  if (!version.ok) bad(['khabar'], version.message);
  const v1 = version.ok && version.version === 1;
  validateDocument(root['document'], v1, bad);
  validateLastId(root['lastId'], bad);
  const anns = root['annotations'];
  if (!Array.isArray(anns)) {
    bad(['annotations'], '`annotations` must be a list (use [] for none)');
    return issues;
  }
  const seen = new Map<string, number>();
  anns.forEach((a, i) => validateAnnotation(a, i, v1, seen, bad));
  return issues;
}

function validateDocument(doc: unknown, v1: boolean, bad: Bad): void {
  if (!isPlainObject(doc)) {
    bad(['document'], '`document` must be a mapping with the article\'s `path`');
    return;
  }
  if (typeof doc['path'] !== 'string' || doc['path'] === '') bad(['document', 'path'], '`path` must be the article file name');
  // Version 1's own fields: required there; in version 2 they are no longer written, but a file
  // that still has them (a hand merge of the two versions) is read as long as they make sense.
  if ((v1 || doc['sha256'] !== undefined) && (typeof doc['sha256'] !== 'string' || !SHA256.test(doc['sha256']))) {
    bad(['document', 'sha256'], '`sha256` must be 64 lower-case hex digits');
  }
  if ((v1 || doc['length'] !== undefined) && !isCount(doc['length'])) bad(['document', 'length'], '`length` must be a whole number ≥ 0');
  if (doc['url'] !== undefined && (typeof doc['url'] !== 'string' || !/^https?:\/\/\S+$/i.test(doc['url']))) {
    bad(['document', 'url'], '`url` must be the article\'s http(s) address');
  }
}

function validateLastId(lastId: unknown, bad: Bad): void {
  if (lastId === undefined) return;
  if (isLargeInteger(lastId) || (isCount(lastId) && lastId > MAX_ID_NUMBER)) {
    bad(['lastId'], `\`lastId\` is above ${MAX_ID_NUMBER} (2^53 − 1): past it Khabar could not give a new id without repeating one; renumber the ids by hand`);
  } else if (!isCount(lastId)) bad(['lastId'], '`lastId` must be a whole number ≥ 0');
}

/** Annotation i; seen maps each id met so far to its index, for duplicates. */
function validateAnnotation(a: unknown, i: number, v1: boolean, seen: Map<string, number>, bad: Bad): void {
  const p: Path = ['annotations', i];
  if (!isPlainObject(a)) {
    bad(p, 'each annotation must be a mapping');
    return;
  }
  const id = a['id'];
  if (typeof id !== 'string' || !ID.test(id)) bad([...p, 'id'], '`id` must be letters, digits, _ . or -');
  else if (seen.has(id)) bad([...p, 'id'], `duplicate id ${id} (also annotation ${seen.get(id)! + 1})`);
  else seen.set(id, i);
  oneOf(a['kind'], RECORD_KINDS, [...p, 'kind'], bad, true);
  oneOf(a['label'], RECORD_LABELS, [...p, 'label'], bad, true);
  oneOf(a['status'], RECORD_STATUSES, [...p, 'status'], bad, true);
  if (a['orphan'] !== undefined && typeof a['orphan'] !== 'boolean') bad([...p, 'orphan'], '`orphan` must be true or false');
  validateTarget(a['target'], [...p, 'target'], v1, bad);
  const v = a['value'];
  if (v !== undefined) {
    if (!isPlainObject(v)) bad([...p, 'value'], '`value` must be a mapping');
    else validateValue(v, [...p, 'value'], bad);
  }
  const c = a['claim'];
  if (c !== undefined) {
    if (!isPlainObject(c)) bad([...p, 'claim'], '`claim` must be a mapping');
    else validateClaim(c, [...p, 'claim'], bad);
  }
  for (const k of ['note', 'author', 'created', 'modified']) {
    if (a[k] !== undefined && typeof a[k] !== 'string') bad([...p, k], `\`${k}\` must be a string`);
  }
}

/** Version 1 places a target by start and end; versions 2 and 3 by step, with the quote and its context. */
function validateTarget(t: unknown, p: Path, v1: boolean, bad: Bad): void {
  if (!isPlainObject(t)) bad(p, `\`target\` must be a mapping with ${v1 ? 'start, end' : 'step'}, exact, prefix and suffix`);
  else if (v1) {
    if (!isOffset(t['start'])) bad([...p, 'start'], '`start` must be a whole number ≥ 0');
    if (!isOffset(t['end'])) bad([...p, 'end'], '`end` must be a whole number ≥ 0');
    else if (isOffset(t['start']) && t['end'] < t['start']) bad([...p, 'end'], '`end` must not be before `start`');
  } else {
    for (const k of ['start', 'end']) {
      if (t[k] !== undefined) {
        bad([...p, k], `\`${k}\` is a version-1 field: versions 2 and ${SIDECAR_VERSION} place an annotation by \`step\`, the characters from the previous annotation's start`);
      }
    }
    if (!isOffset(t['step'])) bad([...p, 'step'], '`step` must be a whole number ≥ 0 (characters from the start of the previous annotation that is not an orphan)');
    for (const k of ['exact', 'prefix', 'suffix']) {
      if (typeof t[k] !== 'string') bad([...p, k], `\`${k}\` must be a string`);
    }
    if (t['far'] !== undefined && (typeof t['far'] !== 'string' || t['far'].length > FAR_MAX || !FAR_PATTERN.test(t['far']))) {
      bad([...p, 'far'], '`far` is written by Khabar (letters, digits, `-`, `_` and `.` for the words past the context, a space or a `/` between the two sides): delete the line, and the annotation is found again by its quote and 32-character context alone');
    }
  }
}

/** A figure's value: a number Khabar can keep exactly, a bound, and string fields. */
function validateValue(v: Record<string, unknown>, p: Path, bad: Bad): void {
  if (isLargeInteger(v['number'])) bad([...p, 'number'], '`number` has more digits than Khabar can keep exactly; write it in quotes as your own field');
  else if (v['number'] !== undefined && !isFiniteNumber(v['number'])) bad([...p, 'number'], '`number` must be a number');
  oneOf(v['bound'], BOUNDS, [...p, 'bound'], bad, false);
  for (const k of ['unit', 'currency', 'date', 'hijri', 'weekday', 'relative', 'time', 'duration']) {
    if (v[k] !== undefined && typeof v[k] !== 'string') bad([...p, k], `\`${k}\` must be a string`);
  }
  if (v['weekdayMismatch'] !== undefined && typeof v['weekdayMismatch'] !== 'boolean') {
    bad([...p, 'weekdayMismatch'], '`weekdayMismatch` must be true or false');
  }
}

function validateClaim(c: Record<string, unknown>, p: Path, bad: Bad): void {
  const who = c['claimant'];
  if (who !== undefined) {
    if (!isPlainObject(who) || typeof who['text'] !== 'string') bad([...p, 'claimant'], '`claimant` must be a mapping with `text`');
    else if (who['ref'] !== undefined && typeof who['ref'] !== 'string') bad([...p, 'claimant', 'ref'], '`ref` must be an annotation id');
  }
  oneOf(c['type'], CLAIM_TYPES, [...p, 'type'], bad, false);
  for (const k of ['date', 'appearance', 'verdict', 'review']) {
    if (c[k] !== undefined && typeof c[k] !== 'string') bad([...p, k], `\`${k}\` must be a string`);
  }
  if (c['checkWorthy'] !== undefined && typeof c['checkWorthy'] !== 'boolean') bad([...p, 'checkWorthy'], '`checkWorthy` must be true or false');
  const w = c['checkWorthiness'];
  if (w !== undefined && !(isFiniteNumber(w) && w >= 0 && w <= 1)) bad([...p, 'checkWorthiness'], '`checkWorthiness` must be a number from 0 to 1');
  const r = c['rating'];
  if (r !== undefined) {
    if (!isPlainObject(r)) bad([...p, 'rating'], '`rating` must be a mapping with value, best and worst');
    else for (const k of ['value', 'best', 'worst']) if (!isFiniteNumber(r[k])) bad([...p, 'rating', k], `\`${k}\` must be a number`);
  }
  const ev = c['evidence'];
  if (ev !== undefined && !(Array.isArray(ev) && ev.every((e) => typeof e === 'string'))) bad([...p, 'evidence'], '`evidence` must be a list of links or texts');
}

function oneOf(v: unknown, allowed: readonly string[], p: Path, bad: Bad, required: boolean): void {
  if (v === undefined && !required) return;
  if (typeof v !== 'string' || !allowed.includes(v)) bad(p, `\`${String(p[p.length - 1])}\` must be one of ${allowed.join(', ')}`);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** An offset or a step: a count small enough to add up exactly (articles are far shorter). */
function isOffset(v: unknown): v is number {
  return isCount(v) && v <= Number.MAX_SAFE_INTEGER;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * The validated tree as in-memory data (call only when validateSidecar returned no issues). A
 * version-2 (or 3) target's `step` becomes absolute `start`/`end` (end = start + the quote's length), in the
 * place `step` had so a person's own keys keep their neighbours; everything else is taken as it is.
 */
export function asSidecarData(root: unknown): SidecarData {
  const data = root as SidecarData;
  if (data.khabar === 1) return data;
  let at = 0;
  for (const a of data.annotations) {
    const disk = a.target as unknown as Record<string, unknown>;
    const target: Record<string, unknown> = {};
    for (const k of Object.keys(disk)) {
      if (k === 'step') {
        const start = at + (disk['step'] as number);
        target['start'] = start;
        target['end'] = start + (disk['exact'] as string).length;
        // Steps are measured from the previous record that is not an orphan (see diskTree).
        if (a.orphan !== true) at = start;
      } else target[k] = disk[k];
    }
    a.target = target as unknown as SidecarData['annotations'][number]['target'];
  }
  return data;
}
