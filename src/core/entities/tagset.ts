// The tagger's label set: entity types and their BIO labels, shared by tagging, training and
// evaluation.

/** Entity types in label order; index 0 is "no entity". */
export const TYPES = ['O', 'PER', 'LOC', 'ORG', 'MISC'] as const;
export type TypeIndex = 0 | 1 | 2 | 3 | 4;

/** BIO labels: 0 = O, then B-X = 2t-1, I-X = 2t for type t = 1..4. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export const NUM_LABELS = LABELS.length;

export function labelType(label: number): number {
  return label === 0 ? 0 : (label + 1) >> 1;
}
export function isInside(label: number): boolean {
  return label !== 0 && (label & 1) === 0;
}
