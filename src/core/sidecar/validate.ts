// Checks a parsed sidecar against the version-1 rules (the same ones as schemas/sidecar.schema.json)
// and says where each problem is, as a path of keys and indexes the parser turns into a line.

import type { SidecarData } from '../model';
import { isPlainObject } from './emit';
import { SIDECAR_VERSION } from './format';
import { BOUNDS, CLAIM_TYPES, RECORD_KINDS, RECORD_LABELS, RECORD_STATUSES } from '../vocabulary';

export { BOUNDS, CLAIM_TYPES, RECORD_KINDS, RECORD_LABELS, RECORD_STATUSES };

export type Path = (string | number)[];
export interface ValidationIssue {
  path: Path;
  message: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const SHA256 = /^[0-9a-f]{64}$/;

export type VersionCheck = { ok: true } | { ok: false; newer: boolean; message: string };

export function checkVersion(root: unknown): VersionCheck {
  if (!isPlainObject(root)) return { ok: false, newer: false, message: 'a sidecar is a YAML mapping starting with `khabar: 1`' };
  const v = root['khabar'];
  if (v === SIDECAR_VERSION) return { ok: true };
  if (typeof v === 'number' && Number.isInteger(v) && v > SIDECAR_VERSION) {
    return {
      ok: false,
      newer: true,
      message: `this sidecar was written by a newer Khabar (format version ${v}; this one reads version ${SIDECAR_VERSION}). Update Khabar to edit it.`,
    };
  }
  return { ok: false, newer: false, message: `\`khabar\` must be the format version ${SIDECAR_VERSION}` };
}

/** Every problem found (empty when valid). Unknown keys are allowed everywhere: they are the user's. */
export function validateSidecar(root: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const bad = (path: Path, message: string): void => void issues.push({ path, message });
  if (!isPlainObject(root)) {
    bad([], 'a sidecar is a YAML mapping with khabar, document and annotations');
    return issues;
  }
  const version = checkVersion(root);
  if (!version.ok) bad(['khabar'], version.message);
  const doc = root['document'];
  if (!isPlainObject(doc)) bad(['document'], '`document` must be a mapping with path, sha256 and length');
  else {
    if (typeof doc['path'] !== 'string' || doc['path'] === '') bad(['document', 'path'], '`path` must be the article file name');
    if (typeof doc['sha256'] !== 'string' || !SHA256.test(doc['sha256'])) bad(['document', 'sha256'], '`sha256` must be 64 lower-case hex digits');
    if (!isCount(doc['length'])) bad(['document', 'length'], '`length` must be a whole number ≥ 0');
    if (doc['url'] !== undefined && (typeof doc['url'] !== 'string' || !/^https?:\/\/\S+$/i.test(doc['url']))) {
      bad(['document', 'url'], '`url` must be the article\'s http(s) address');
    }
  }
  if (root['lastId'] !== undefined && !isCount(root['lastId'])) bad(['lastId'], '`lastId` must be a whole number ≥ 0');
  const anns = root['annotations'];
  if (!Array.isArray(anns)) {
    bad(['annotations'], '`annotations` must be a list (use [] for none)');
    return issues;
  }
  const seen = new Map<string, number>();
  anns.forEach((a, i) => {
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
    const t = a['target'];
    if (!isPlainObject(t)) bad([...p, 'target'], '`target` must be a mapping with start, end, exact, prefix and suffix');
    else {
      if (!isCount(t['start'])) bad([...p, 'target', 'start'], '`start` must be a whole number ≥ 0');
      if (!isCount(t['end'])) bad([...p, 'target', 'end'], '`end` must be a whole number ≥ 0');
      else if (isCount(t['start']) && t['end'] < t['start']) bad([...p, 'target', 'end'], '`end` must not be before `start`');
      for (const k of ['exact', 'prefix', 'suffix']) {
        if (typeof t[k] !== 'string') bad([...p, 'target', k], `\`${k}\` must be a string`);
      }
    }
    const v = a['value'];
    if (v !== undefined) {
      if (!isPlainObject(v)) bad([...p, 'value'], '`value` must be a mapping');
      else {
        if (v['number'] !== undefined && !isFiniteNumber(v['number'])) bad([...p, 'value', 'number'], '`number` must be a number');
        oneOf(v['bound'], BOUNDS, [...p, 'value', 'bound'], bad, false);
        for (const k of ['unit', 'currency', 'date', 'hijri', 'weekday', 'relative', 'time', 'duration']) {
          if (v[k] !== undefined && typeof v[k] !== 'string') bad([...p, 'value', k], `\`${k}\` must be a string`);
        }
        if (v['weekdayMismatch'] !== undefined && typeof v['weekdayMismatch'] !== 'boolean') {
          bad([...p, 'value', 'weekdayMismatch'], '`weekdayMismatch` must be true or false');
        }
      }
    }
    const c = a['claim'];
    if (c !== undefined) {
      if (!isPlainObject(c)) bad([...p, 'claim'], '`claim` must be a mapping');
      else validateClaim(c, [...p, 'claim'], bad);
    }
    for (const k of ['note', 'author', 'created', 'modified']) {
      if (a[k] !== undefined && typeof a[k] !== 'string') bad([...p, k], `\`${k}\` must be a string`);
    }
  });
  return issues;
}

function validateClaim(c: Record<string, unknown>, p: Path, bad: (p: Path, m: string) => void): void {
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

function oneOf(v: unknown, allowed: readonly string[], p: Path, bad: (p: Path, m: string) => void, required: boolean): void {
  if (v === undefined && !required) return;
  if (typeof v !== 'string' || !allowed.includes(v)) bad(p, `\`${String(p[p.length - 1])}\` must be one of ${allowed.join(', ')}`);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** The validated tree, typed. Call only when validateSidecar returned no issues. */
export function asSidecarData(root: unknown): SidecarData {
  return root as SidecarData;
}
