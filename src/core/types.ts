// The detection model shared by the recognisers, the CLI's JSON output and the editor.
// Offsets are UTF-16 code-unit indices into the document text (what VS Code's offsetAt gives),
// end exclusive, and `text === content.slice(start, end)` always holds.

export type AnnotationKind = 'entity' | 'figure' | 'claim';
export type EntityLabel = 'PER' | 'LOC' | 'ORG' | 'MISC';
export type FigureLabel =
  | 'NUMBER'
  | 'PERCENT'
  | 'MONEY'
  | 'QUANTITY'
  | 'DATE'
  | 'TIME'
  | 'DURATION'
  | 'ORDINAL';
export type Bound = 'about' | 'more-than' | 'less-than' | 'at-least' | 'at-most';

export interface Span {
  start: number;
  end: number;
}

export interface FigureValue {
  number?: number;
  unit?: string;
  currency?: string;
  bound?: Bound;
  /** ISO 8601 at the precision the text gives: 2014, 2010-02, 2021-06-05. */
  date?: string;
  /** Hijri date as written, yyyy-mm-dd (or coarser). */
  hijri?: string;
  weekday?: string;
  /** True when a named weekday does not fall on the date. */
  weekdayMismatch?: boolean;
  /** A relative date that could not be resolved (no article date): e.g. "yesterday", "last-year". */
  relative?: string;
  /** hh:mm */
  time?: string;
  /** ISO 8601 duration: P25Y, PT20M. */
  duration?: string;
}

export interface EntityDetection extends Span {
  kind: 'entity';
  label: EntityLabel;
  text: string;
  /** The fullest mention of the same entity in the document. */
  canonical?: string;
  /** How many mentions of that entity the document has. */
  mentions?: number;
  /** A short description from Khabar's lists or the user's list. */
  gloss?: string;
  /** Where the label came from: the statistical model, a list, or the user's list. */
  source?: 'model' | 'gazetteer' | 'user' | 'document' | 'context';
}

export interface FigureDetection extends Span {
  kind: 'figure';
  label: FigureLabel;
  text: string;
  value: FigureValue;
}

export interface Claimant extends Span {
  text: string;
}

export interface ClaimDetection extends Span {
  kind: 'claim';
  label: 'CLAIM';
  text: string;
  claimant: Claimant | null;
  /** The speech verb or quote mark that introduced the claim, or "figure" for unattributed factual sentences. */
  cue: string;
  /** 0..1, higher is more worth checking. */
  checkWorthiness: number;
}

export type Detection = EntityDetection | FigureDetection | ClaimDetection;

export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}
