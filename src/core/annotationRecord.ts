// The annotation record kept in the sidecar (see README "Sidecar format" and design/FORMATS.md).
// Detections become records when the user accepts, rejects, retypes or tags something.

import type { AnnotationKind, Bound, EntityLabel, FigureLabel, FigureValue } from './types';

export type RecordKind = AnnotationKind | 'note';
export type RecordLabel = EntityLabel | FigureLabel | 'CLAIM' | 'QUOTE' | 'NOTE';
export type RecordStatus = 'accepted' | 'rejected' | 'suggested';

/** Full Fact claim types. */
export type ClaimType =
  | 'quantity'
  | 'correlation-causation'
  | 'law-rule'
  | 'prediction'
  | 'personal-experience'
  | 'other';

export interface Anchor {
  /** UTF-16 offsets into the article text, end exclusive. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /**
   * Only for a quote whose words with their nearest context the article repeats elsewhere: one
   * character per word of the 96 characters past `prefix` and past `suffix` (before, a space,
   * after), which tells the repeats apart when re-anchoring (src/core/anchor/far.ts).
   */
  far?: string;
}

export interface Rating {
  value: number;
  best: number;
  worst: number;
}

export interface ClaimInfo {
  claimant?: { text: string; ref?: string };
  /** ISO date the claim was made. */
  date?: string;
  /** Where the claim appeared (the article's URL). */
  appearance?: string;
  type?: ClaimType;
  checkWorthy?: boolean;
  checkWorthiness?: number;
  /** A key of the verdict vocabulary (true, mostly-true, misleading, …). */
  verdict?: string;
  rating?: Rating;
  evidence?: string[];
  /** URL of the published fact-check. */
  review?: string;
}

export interface AnnotationRecord {
  /** Stable, unique within the sidecar, never reused. */
  id: string;
  kind: RecordKind;
  label: RecordLabel;
  status: RecordStatus;
  target: Anchor;
  /** Set when re-anchoring failed: the annotation is kept but not placed. */
  orphan?: boolean;
  value?: FigureValue;
  claim?: ClaimInfo;
  note?: string;
  author?: string;
  /** ISO 8601 timestamps. */
  created?: string;
  modified?: string;
}

export interface SidecarDocumentInfo {
  /** Article path relative to the sidecar. */
  path: string;
  /** Read from a version-1 sidecar only (never written again): the text's hash when the offsets were valid. */
  sha256?: string;
  /** Read from a version-1 sidecar only (never written again): the text's length in UTF-16 code units, a hint for re-anchoring. */
  length?: number;
  /** Where the article is published (http or https): W3C ids and targets, ClaimReview appearance. */
  url?: string;
}

export interface SidecarData {
  /** The format version the file was read as; a save writes 3 when a record's `far` has a `/`, else 2 (format.ts versionFor). */
  khabar: 1 | 2 | 3;
  document: SidecarDocumentInfo;
  /** The highest id number handed out, so an id freed by a deletion is never given again. */
  lastId?: number;
  annotations: AnnotationRecord[];
}

export type { Bound };

export interface VerdictDef {
  key: string;
  label: string;
  labelEn: string;
  rating: number;
}

/** Default verdict vocabulary: declared with the rest of the vocabulary. */
export { DEFAULT_VERDICTS } from './vocabulary';
