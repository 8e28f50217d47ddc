// The detection pipeline: figures, entities, then claims (which use both). One entry point for
// the CLI, the editor and the benchmarks, so they can never disagree.

import { withSharedTokens } from './arabic';
import { findClaims } from './claims/index';
import { findEntities, type EntityOptions } from './entities/findEntities';
import { findFigures, type FigureOptions } from './figures/index';
import { compareSpans, type AnnotationKind, type Detection } from './types';

export interface DetectOptions {
  /** Which kinds to run; all by default. Claims need figures and entities and run them if asked. */
  kinds?: ReadonlySet<AnnotationKind>;
  figures?: FigureOptions;
  entities?: EntityOptions;
}

export const ALL_KINDS: ReadonlySet<AnnotationKind> = new Set<AnnotationKind>(['entity', 'figure', 'claim']);

export function detect(text: string, options: DetectOptions = {}): Detection[] {
  // Entities, the document rules and claims read the same tokens: tokenise once for them all.
  return withSharedTokens(text, () => detectShared(text, options));
}

function detectShared(text: string, options: DetectOptions): Detection[] {
  const kinds = options.kinds ?? ALL_KINDS;
  const wantClaims = kinds.has('claim');
  const figures = kinds.has('figure') || wantClaims ? findFigures(text, options.figures) : [];
  const entities = kinds.has('entity') || wantClaims ? findEntities(text, options.entities) : [];
  const claims = wantClaims ? findClaims(text, { entities, figures }) : [];
  const out: Detection[] = [];
  if (kinds.has('entity')) out.push(...entities);
  if (kinds.has('figure')) out.push(...figures);
  out.push(...claims);
  return out.sort(compareSpans);
}
