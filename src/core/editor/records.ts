// Building the sidecar records the editor writes: a tagged claim or quote, an accepted, rejected
// or retyped detection, a note; and the claim fields a verdict sets. Pure, so the rules are tested.

import { anchorFor } from '../anchor/anchor';
import type { AnnotationRecord, ClaimInfo, RecordLabel, RecordStatus, VerdictDef } from '../annotationRecord';
import type { ClaimDetection, Detection } from '../types';
import { CHECK_WORTHY } from './marks';

export type NewRecord = Omit<AnnotationRecord, 'id'>;

export interface Authoring {
  author?: string;
  /** ISO timestamp; passed in so tests are deterministic. */
  now: string;
}

export interface ClaimOptions extends Authoring {
  /** The suggestion the claim was tagged from, if any: gives claimant and check-worthiness. */
  suggestion?: ClaimDetection;
  /** The article's date (ISO), for the claim date. */
  date?: string;
  /** The article's URL, for the claim's appearance. */
  appearance?: string;
}

/** Trims whitespace off both ends of [start, end) so a sloppy selection still anchors on words. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

function stamp(a: Authoring): Pick<AnnotationRecord, 'author' | 'created' | 'modified'> {
  return { ...(a.author ? { author: a.author } : {}), created: a.now, modified: a.now };
}

export function claimRecord(text: string, start: number, end: number, label: 'CLAIM' | 'QUOTE', o: ClaimOptions): NewRecord {
  const claim: ClaimInfo = {};
  const s = o.suggestion;
  if (s?.claimant) claim.claimant = { text: s.claimant.text };
  if (o.date) claim.date = o.date;
  if (o.appearance) claim.appearance = o.appearance;
  if (s) {
    claim.checkWorthiness = Math.round(s.checkWorthiness * 100) / 100;
    claim.checkWorthy = s.checkWorthiness >= CHECK_WORTHY;
  }
  return {
    kind: 'claim',
    label,
    status: 'accepted',
    target: anchorFor(text, start, end),
    claim,
    ...stamp(o),
  };
}

/** A record that confirms, rejects or retypes a detection at its exact span. */
export function detectionRecord(text: string, d: Detection, status: RecordStatus, a: Authoring, label?: RecordLabel): NewRecord {
  const rec: NewRecord = {
    kind: d.kind,
    label: label ?? d.label,
    status,
    target: anchorFor(text, d.start, d.end),
    ...stamp(a),
  };
  if (d.kind === 'figure') rec.value = d.value;
  if (d.kind === 'claim') {
    rec.claim = { checkWorthiness: Math.round(d.checkWorthiness * 100) / 100, checkWorthy: d.checkWorthiness >= CHECK_WORTHY };
    if (d.claimant) rec.claim.claimant = { text: d.claimant.text };
  }
  return rec;
}

export function noteRecord(text: string, start: number, end: number, note: string, a: Authoring): NewRecord {
  return { kind: 'note', label: 'NOTE', status: 'accepted', target: anchorFor(text, start, end), note, ...stamp(a) };
}

/**
 * The claim fields after choosing a verdict. The rating scale spans the vocabulary's positive
 * ratings; a verdict rated 0 (opinion, satire, unverifiable) carries no rating, as ClaimReview expects.
 */
export function withVerdict(claim: ClaimInfo | undefined, verdict: VerdictDef, vocabulary: readonly VerdictDef[]): ClaimInfo {
  const next: ClaimInfo = { ...(claim ?? {}), verdict: verdict.key };
  const rated = vocabulary.map((v) => v.rating).filter((r) => r > 0);
  if (verdict.rating > 0 && rated.length > 0) {
    next.rating = { value: verdict.rating, best: Math.max(...rated), worst: Math.min(...rated) };
  } else delete next.rating;
  return next;
}

/** Adds an evidence URL once. */
export function withEvidence(claim: ClaimInfo | undefined, url: string): ClaimInfo {
  const evidence = claim?.evidence ?? [];
  return { ...(claim ?? {}), evidence: evidence.includes(url) ? evidence : [...evidence, url] };
}

/** Only web links are offered as clickable evidence; anything else is shown as text. */
export function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s.trim());
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A verdict vocabulary from settings: well-formed entries only, unique keys, the default when empty. */
export function verdictVocabulary(raw: unknown, fallback: readonly VerdictDef[]): readonly VerdictDef[] {
  if (!Array.isArray(raw)) return fallback;
  const seen = new Set<string>();
  const out: VerdictDef[] = [];
  for (const v of raw as unknown[]) {
    if (typeof v !== 'object' || v === null) continue;
    const o = v as Record<string, unknown>;
    if (typeof o['key'] !== 'string' || typeof o['label'] !== 'string' || !o['key'] || seen.has(o['key'])) continue;
    seen.add(o['key']);
    out.push({
      key: o['key'],
      label: o['label'],
      labelEn: typeof o['labelEn'] === 'string' ? o['labelEn'] : o['key'],
      rating: typeof o['rating'] === 'number' && Number.isFinite(o['rating']) ? o['rating'] : 0,
    });
  }
  return out.length > 0 ? out : fallback;
}

/** True for a claim still waiting for its verdict (the "next unverified claim" walk). */
export function isUnverified(r: AnnotationRecord): boolean {
  return r.kind === 'claim' && r.label === 'CLAIM' && r.status === 'accepted' && !r.claim?.verdict;
}

/**
 * The article's own URL for a claim's appearance: `url:`/`source:`/`link:` in a front-matter block,
 * else the first web link in the first lines (where a source line sits).
 */
export function articleUrl(text: string): string | undefined {
  const head = text.slice(0, 2000);
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(head);
  if (fm) {
    const m = /^(?:url|source|link|canonical)\s*:\s*["']?(\S+?)["']?\s*$/im.exec(fm[1]!);
    if (m && isWebUrl(m[1]!)) return m[1]!;
  }
  const lines = head.split(/\r?\n/).slice(0, 8).join('\n');
  const m = /https?:\/\/[^\s"'<>»)]+/.exec(lines);
  return m && isWebUrl(m[0]) ? m[0] : undefined;
}
