// The messages between the reader's webview and the extension host, and the validator every
// message from the webview passes before it touches the store: known types only, typed fields,
// ids that exist, offsets inside the text, bounded strings, web links only. Pure, unit-tested.

import type { DecorationKey } from '../editor/marks';
import type { MarkInfo } from '../editor/markInfo';
import type { ClaimType, VerdictDef } from '../annotationRecord';
import type { EntityLabel } from '../types';
import type { ParagraphRole } from './layout';
import { CLAIM_TYPES, ENTITY_LABELS } from '../vocabulary';

// ---- host → webview ----------------------------------------------------------------------------

/** What the claim card is pre-filled with for a tagged claim. */
export interface ClaimFields {
  verdict?: string;
  claimant?: string;
  claimType?: ClaimType;
  evidence: EvidenceLink[];
  review?: string;
  note?: string;
}

export interface MarkView {
  id: string;
  key: DecorationKey;
  /** Relative to the paragraph's start. */
  start: number;
  end: number;
  label: string;
  /** A detection not yet accepted or rejected (the review queue's items when it is a claim). */
  detection: boolean;
  recordId?: string;
  claim?: ClaimFields;
  /** Accessible name: kind and text. */
  aria: string;
  info: MarkInfo;
}

export interface ParagraphView {
  start: number;
  role: ParagraphRole;
  text: string;
  /** Undefined while its marks are not loaded (long articles load what is near the viewport). */
  marks?: MarkView[];
}

/** A paragraph the webview already shows, unchanged but maybe moved: `reuse` is its previous index. */
export interface ParagraphReuse {
  reuse: number;
  start: number;
}

export type ParagraphEntry = ParagraphView | ParagraphReuse;

export interface OrphanView {
  id: string;
  recordId: string;
  label: string;
  exact: string;
  info: MarkInfo;
}

export interface NameView {
  text: string;
  label: 'PER' | 'ORG';
  /** Offset of its first mention (the card sorts names by distance to the claim). */
  offsets: number[];
}

export interface RenderMessage {
  type: 'render';
  version: number;
  title: string;
  paragraphs: ParagraphEntry[];
  orphans: OrphanView[];
  names: NameView[];
  readOnly?: string;
  /** True when marks come per paragraph range (long articles): the webview reports what it shows. */
  lazy: boolean;
  /** Host timing, for tests: when the change that caused this render arrived, when it was posted (Date.now()), build ms. */
  timing: { changedAt: number; sentAt: number; buildMs: number; marksMs: number };
}

export interface InitMessage {
  type: 'init';
  /** The article's URI (kept in the webview's state so the panel survives a reload). */
  uri: string;
  /** Direction of the reader's own controls: the display language's. The article is always RTL. */
  uiDir: 'rtl' | 'ltr';
  uiLang: string;
  strings: Record<string, string>;
  verdicts: VerdictDef[];
  claimTypes: Array<{ key: ClaimType; name: string }>;
  legend: Array<{ key: DecorationKey; name: string }>;
  entityLabels: Array<{ key: EntityLabel; name: string }>;
}

export type HostMessage =
  | InitMessage
  | RenderMessage
  | { type: 'cursor'; offset: number }
  | { type: 'status'; text: string; error?: boolean };

// ---- webview → host ----------------------------------------------------------------------------

export interface EvidenceLink {
  url: string;
  title?: string;
}

/** The claim card's fields, for a claim tagged now or already tagged. */
export interface SaveClaimMessage extends ClaimFields {
  type: 'saveClaim';
  /** The claim to update; absent to tag [start, end) first. */
  recordId?: string;
  start: number;
  end: number;
  label: 'CLAIM' | 'QUOTE';
}

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'visible'; from: number; to: number }
  | { type: 'reveal'; start: number; end: number }
  | SaveClaimMessage
  | { type: 'review'; markId: string; status: 'accepted' | 'rejected' }
  | { type: 'retype'; markId: string; label: EntityLabel }
  | { type: 'remove'; recordId: string }
  | { type: 'addToEntityList'; markId: string }
  | { type: 'undo' }
  | { type: 'redo' };

export interface ValidationContext {
  textLength: number;
  paragraphCount: number;
  hasMark(id: string): boolean;
  hasRecord(id: string): boolean;
  verdictKeys: ReadonlySet<string>;
}

export type Validated = { ok: true; message: WebviewMessage } | { ok: false; error: string };

export const LIMITS = {
  id: 200,
  claimant: 300,
  note: 20_000,
  url: 2048,
  title: 500,
  evidence: 50,
} as const;

export { CLAIM_TYPES };

class Invalid extends Error {}

function obj(x: unknown): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Invalid('not an object');
  return x as Record<string, unknown>;
}

function int(o: Record<string, unknown>, k: string, min: number, max: number): number {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Invalid(`${k}: an integer in [${min}, ${max}] expected`);
  return v;
}

function str(o: Record<string, unknown>, k: string, max: number): string {
  const v = o[k];
  if (typeof v !== 'string') throw new Invalid(`${k}: a string expected`);
  if (v.length > max) throw new Invalid(`${k}: longer than ${max}`);
  return v;
}

/** An optional string: absent, null or blank → undefined. */
function optStr(o: Record<string, unknown>, k: string, max: number): string | undefined {
  if (o[k] === undefined || o[k] === null) return undefined;
  const v = str(o, k, max).trim();
  return v ? v : undefined;
}

function oneOf<T extends string>(o: Record<string, unknown>, k: string, values: readonly T[]): T {
  const v = o[k];
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new Invalid(`${k}: one of ${values.join(', ')} expected`);
  return v as T;
}

/** http(s) only: nothing else becomes a link in a hover or an export. */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function url(o: Record<string, unknown>, k: string): string | undefined {
  const v = optStr(o, k, LIMITS.url);
  if (v !== undefined && !isHttpUrl(v)) throw new Invalid(`${k}: a web address (https://…) expected`);
  return v;
}

function markId(o: Record<string, unknown>, ctx: ValidationContext): string {
  const id = str(o, 'markId', LIMITS.id);
  if (!ctx.hasMark(id)) throw new Invalid(`markId: no such mark ${JSON.stringify(id.slice(0, 40))}`);
  return id;
}

function recordId(o: Record<string, unknown>, ctx: ValidationContext): string {
  const id = str(o, 'recordId', LIMITS.id);
  if (!ctx.hasRecord(id)) throw new Invalid(`recordId: no such annotation ${JSON.stringify(id.slice(0, 40))}`);
  return id;
}

function span(o: Record<string, unknown>, ctx: ValidationContext, nonEmpty: boolean): { start: number; end: number } {
  const start = int(o, 'start', 0, ctx.textLength);
  const end = int(o, 'end', 0, ctx.textLength);
  if (end < start || (nonEmpty && end === start)) throw new Invalid('end: must come after start');
  return { start, end };
}

function saveClaim(o: Record<string, unknown>, ctx: ValidationContext): SaveClaimMessage {
  const out: SaveClaimMessage = { type: 'saveClaim', ...span(o, ctx, true), label: oneOf(o, 'label', ['CLAIM', 'QUOTE'] as const), evidence: [] };
  if (o['recordId'] !== undefined && o['recordId'] !== null) out.recordId = recordId(o, ctx);
  const verdict = optStr(o, 'verdict', LIMITS.id);
  if (verdict !== undefined) {
    if (!ctx.verdictKeys.has(verdict)) throw new Invalid(`verdict: not in the vocabulary`);
    out.verdict = verdict;
  }
  const claimant = optStr(o, 'claimant', LIMITS.claimant);
  if (claimant !== undefined) out.claimant = claimant.replace(/\s+/g, ' ');
  if (o['claimType'] !== undefined && o['claimType'] !== null && o['claimType'] !== '') out.claimType = oneOf(o, 'claimType', CLAIM_TYPES);
  const ev = o['evidence'];
  if (ev !== undefined && ev !== null) {
    if (!Array.isArray(ev)) throw new Invalid('evidence: a list expected');
    if (ev.length > LIMITS.evidence) throw new Invalid(`evidence: more than ${LIMITS.evidence} links`);
    for (const item of ev) {
      const e = obj(item);
      const u = url(e, 'url');
      if (u === undefined) continue;
      const title = optStr(e, 'title', LIMITS.title);
      out.evidence.push(title !== undefined ? { url: u, title: title.replace(/\s+/g, ' ') } : { url: u });
    }
  }
  const review = url(o, 'review');
  if (review !== undefined) out.review = review;
  const note = optStr(o, 'note', LIMITS.note);
  if (note !== undefined) out.note = note;
  return out;
}

/** Checks a message from the webview; anything unexpected is refused with a reason for the log. */
export function validateMessage(raw: unknown, ctx: ValidationContext): Validated {
  try {
    const o = obj(raw);
    const type = o['type'];
    if (typeof type !== 'string') throw new Invalid('type: missing');
    let message: WebviewMessage;
    switch (type) {
      case 'ready':
      case 'undo':
      case 'redo':
        message = { type };
        break;
      case 'visible': {
        const max = Math.max(0, ctx.paragraphCount - 1);
        const from = int(o, 'from', 0, max);
        const to = int(o, 'to', 0, max);
        if (to < from) throw new Invalid('to: must not come before from');
        message = { type, from, to };
        break;
      }
      case 'reveal':
        message = { type, ...span(o, ctx, false) };
        break;
      case 'saveClaim':
        message = saveClaim(o, ctx);
        break;
      case 'review':
        message = { type, markId: markId(o, ctx), status: oneOf(o, 'status', ['accepted', 'rejected'] as const) };
        break;
      case 'retype':
        message = { type, markId: markId(o, ctx), label: oneOf(o, 'label', ENTITY_LABELS) };
        break;
      case 'remove':
        message = { type, recordId: recordId(o, ctx) };
        break;
      case 'addToEntityList':
        message = { type, markId: markId(o, ctx) };
        break;
      default:
        throw new Invalid(`unknown message type ${JSON.stringify(type.slice(0, 40))}`);
    }
    return { ok: true, message };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}
