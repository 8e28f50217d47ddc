// Arabic names of annotation labels, shared by hovers, reports and exports so a label reads the
// same everywhere: taken from the vocabulary (core/vocabulary.ts).

import type { RecordLabel } from './annotationRecord';
import { LABELS } from './vocabulary';

export const LABEL_AR: Readonly<Record<RecordLabel, string>> = Object.fromEntries(
  Object.entries(LABELS).map(([label, names]) => [label, names.ar]),
) as Record<RecordLabel, string>;
