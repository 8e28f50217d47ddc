// Timing of the sidecar's hot paths, each beside JSON.parse/JSON.stringify of the same data in the
// same run so a slow machine does not hide a regression. Used by `npm run bench` and the tests.

import { anchorFor, reanchor } from '../src/core/anchor/anchor';
import type { AnnotationRecord, RecordLabel, SidecarData } from '../src/core/annotationRecord';
import { documentInfo } from '../src/core/sidecar/format';
import { parseSidecar } from '../src/core/sidecar/parse';
import { serializeSidecar } from '../src/core/sidecar/serialize';

export interface SidecarBenchRow {
  name: string;
  ms: number;
  /** The same data through JSON.parse + JSON.stringify, for scale. */
  jsonMs?: number;
  budgetMs: number;
}

const WORDS = [
  'قال', 'وزير', 'المالية', 'إن', 'الحكومة', 'ستخفض', 'العجز', 'في', 'الموازنة', 'العامة', 'إلى', 'ثلاثة',
  'بالمئة', 'خلال', 'العام', 'المقبل', 'وأضاف', 'أن', 'الإيرادات', 'النفطية', 'ارتفعت', 'بنسبة', 'كبيرة',
  'مقارنة', 'بالربع', 'الأول', 'من', 'عام', '2024', 'وأكد', 'المتحدث', 'باسم', 'الوزارة', 'الرياض', 'القاهرة',
];

/** A synthetic article of about `length` characters from a fixed vocabulary (deterministic). */
export function syntheticArticle(length: number, seed = 1): string {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const parts: string[] = [];
  let n = 0;
  while (n < length) {
    const w = WORDS[Math.floor(rand() * WORDS.length)]!;
    const sep = rand() < 0.08 ? '.\n' : ' ';
    parts.push(w, sep);
    n += w.length + sep.length;
  }
  return parts.join('').slice(0, length);
}

/** `count` annotations over `text`, spread evenly, each a word or two. */
export function syntheticSidecar(text: string, count: number): SidecarData {
  const labels: RecordLabel[] = ['PER', 'LOC', 'ORG', 'NUMBER', 'CLAIM'];
  const annotations: AnnotationRecord[] = [];
  const step = Math.floor(text.length / count);
  for (let i = 0; i < count; i++) {
    let start = i * step;
    while (start > 0 && text[start - 1] !== ' ' && text[start - 1] !== '\n') start++;
    const end = Math.min(text.length, start + Math.max(3, Math.min(step - 1, 12)));
    const label = labels[i % labels.length]!;
    annotations.push({
      id: `e${i + 1}`,
      kind: label === 'CLAIM' ? 'claim' : label === 'NUMBER' ? 'figure' : 'entity',
      label,
      status: 'accepted',
      target: anchorFor(text, start, end),
      created: '2026-11-29T10:00:00Z',
    });
  }
  return { khabar: 1, document: documentInfo(text, 'article.txt'), lastId: count, annotations };
}

function time(fn: () => void, repeat = 5): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export function benchSidecar(): SidecarBenchRow[] {
  const rows: SidecarBenchRow[] = [];
  for (const [count, budget] of [
    [1000, 150],
    [10000, 1500],
  ] as const) {
    const text = syntheticArticle(count * 40);
    const data = syntheticSidecar(text, count);
    const yamlText = serializeSidecar(data);
    const json = JSON.stringify(data);
    const ms = time(() => {
      const r = parseSidecar(yamlText);
      if (!r.ok) throw new Error('bench sidecar did not parse');
      serializeSidecar(r.data, r.doc);
    });
    const jsonMs = time(() => JSON.stringify(JSON.parse(json)));
    rows.push({ name: `load + save, ${count} annotations`, ms, jsonMs, budgetMs: budget });
  }
  const text = syntheticArticle(400_000);
  const data = syntheticSidecar(text, 10000);
  const inserted = text.slice(0, 100) + syntheticArticle(1000, 7) + text.slice(100);
  const json = JSON.stringify(data.annotations);
  const ms = time(() => {
    const r = reanchor(inserted, data.annotations, { oldLength: text.length });
    if (r.orphans.length > 0) throw new Error(`bench re-anchoring lost ${r.orphans.length} annotations`);
  });
  const jsonMs = time(() => JSON.stringify(JSON.parse(json)));
  rows.push({ name: 're-anchor 10000 annotations after a 1000-character insertion near the top', ms, jsonMs, budgetMs: 50 });
  return rows;
}

export function formatBench(rows: readonly SidecarBenchRow[]): string {
  return rows
    .map((r) => `${r.ms <= r.budgetMs ? 'ok  ' : 'SLOW'} ${r.name}: ${r.ms.toFixed(1)} ms (budget ${r.budgetMs} ms${r.jsonMs === undefined ? '' : `; JSON ${r.jsonMs.toFixed(1)} ms`})`)
    .join('\n');
}
