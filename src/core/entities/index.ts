// Entities: people, places, organisations, other names. The statistical tagger replaces this
// first version, which knows no names yet.

import type { EntityDetection } from '../types';

export interface EntityOptions {
  /** Path of the model file; the shipped model by default. */
  modelPath?: string;
}

export function findEntities(_text: string, _options: EntityOptions = {}): EntityDetection[] {
  return [];
}
