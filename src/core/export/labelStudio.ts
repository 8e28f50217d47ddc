// Label Studio: tasks for its JSON importer and the labelling config they are written against.
// Offsets count code points (Label Studio since 1.4). Several articles go in one JSON array: its
// importer reads a `.json` file with one `json.loads` and does not take JSON Lines as a task list.

import type { AnnotationRecord } from '../annotationRecord';
import { LABEL_AR } from '../labelNames';
import { RECORD_LABELS } from '../sidecar/validate';
import type { PreparedArticle } from './prepare';
import { recordMeta } from './recordMeta';
import type { FormatWriter } from './types';

/** The names a task's results refer to; the config below declares exactly these. */
export const LABEL_STUDIO_NAMES = { control: 'label', object: 'text', dataKey: 'text' } as const;

export function labelStudioTask(p: PreparedArticle): Record<string, unknown> {
  const result = (r: AnnotationRecord): object => ({
    id: r.id,
    from_name: LABEL_STUDIO_NAMES.control,
    to_name: LABEL_STUDIO_NAMES.object,
    type: 'labels',
    value: { start: p.index.toCodePoint(r.target.start), end: p.index.toCodePoint(r.target.end), text: r.target.exact, labels: [r.label] },
  });
  const accepted = p.records.filter((r) => r.status === 'accepted').map(result);
  const suggested = p.records.filter((r) => r.status === 'suggested').map(result);
  // Unreviewed suggestions are what Label Studio calls predictions: shown, not counted as labelled.
  const task: Record<string, unknown> = { data: { [LABEL_STUDIO_NAMES.dataKey]: p.article.text, file: p.article.path } };
  if (accepted.length > 0) task.annotations = [{ result: accepted }];
  if (suggested.length > 0) task.predictions = [{ model_version: 'khabar', result: suggested }];
  // The task's meta is kept by Label Studio and exported again: each region's id and Khabar fields.
  if (p.records.length > 0) task.meta = { khabar: p.records.map(recordMeta) };
  return task;
}

/** One JSON array of tasks, one task a line inside it, so a folder export stays diffable. */
export function createLabelStudioWriter(): FormatWriter {
  let first = true;
  return {
    head: () => '[',
    article(p) {
      const out = (first ? '\n' : ',\n') + JSON.stringify(labelStudioTask(p));
      first = false;
      return out;
    },
    tail: () => (first ? ']\n' : '\n]\n'),
  };
}

function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The labelling config for Khabar's tasks: one `Labels` control over one `Text` object, with every
 * label Khabar writes (the Arabic name as the hint). Shipped as schemas/labelstudio-config.xml; a
 * test keeps that file equal to this.
 */
export function labelStudioConfig(): string {
  const { control, object, dataKey } = LABEL_STUDIO_NAMES;
  const labels = RECORD_LABELS.map((l) => `    <Label value="${xmlAttr(l)}" hint="${xmlAttr(LABEL_AR[l])}"/>\n`).join('');
  return (
    `<View>\n` +
    `  <Labels name="${control}" toName="${object}">\n${labels}  </Labels>\n` +
    `  <Text name="${object}" value="$${dataKey}"/>\n` +
    `</View>\n`
  );
}
