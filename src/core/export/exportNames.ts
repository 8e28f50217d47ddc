// Names shown to readers of reports, and the vocabulary mappings other tools expect.

import { DEFAULT_VERDICTS, type AnnotationRecord, type Rating, type RecordLabel, type VerdictDef } from '../annotationRecord';
import { findVerdict } from '../vocabulary';

/** ANERcorp spells the person tag PERS; CoNLL output follows it so the files mix with ANERcorp. */
export function conllEntityTag(label: RecordLabel): string {
  return label === 'PER' ? 'PERS' : label;
}

export { findVerdict };

/**
 * The rating of a claim: the explicit one, else derived from the verdict's place on the 1..5 scale.
 * Verdicts rated 0 (unverifiable, opinion, satire) have no place on the scale and give undefined.
 */
export function claimRating(r: AnnotationRecord, verdicts?: readonly VerdictDef[]): Rating | undefined {
  if (r.claim?.rating) return r.claim.rating;
  const v = findVerdict(r.claim?.verdict, verdicts);
  if (!v || v.rating <= 0) return undefined;
  const best = Math.max(...(verdicts ?? DEFAULT_VERDICTS).map((d) => d.rating));
  return { value: v.rating, best, worst: 1 };
}

/** A claim is "rated" (worth a ClaimReview, a verdict line in reports) when it has a verdict or rating. */
export function isRated(r: AnnotationRecord): boolean {
  return r.kind === 'claim' && (r.claim?.verdict !== undefined || r.claim?.rating !== undefined);
}
