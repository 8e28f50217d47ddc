// Re-anchoring judged against where each annotated character really went (issue 15): random edit
// scripts on real articles, every annotation's outcome classified by tracking its characters
// (test/unit/anchorEdits.ts, the same yardstick as the property test). The corpus is read at run
// time only.

import { cpuMs } from './clock';
import { reanchor } from '../src/core/anchor/anchor';
import type { AnnotationRecord } from '../src/core/annotationRecord';
import { emptyTally, hostileRecords, randomEdits, randomSpans, rng, runScript, type Tally } from '../test/unit/anchorEdits';

export interface AnchoringResult {
  scripts: number;
  articles: number;
  placements: number;
  counts: Tally['counts'];
  notIdempotent: number;
  /** Silently wrong placements per edit kind present in the script (a script may hold several kinds). */
  wrongByKind: Record<string, number>;
  cpuMs: number;
  /** A hostile sidecar: 5,000 annotations whose quotes are not in the article (issue 15: was 117 s in `check`). */
  hostile?: { annotations: number; textChars: number; cpuMs: number; orphans: number };
}

/** `scripts` edit scripts (1–5 edits each) over `articleCount` articles spread through the corpus. */
export function measureReanchoring(corpus: readonly string[], scripts: number, articleCount: number, seed = 15): AnchoringResult {
  const pool: string[] = [];
  const usable = corpus.filter((a) => a.length >= 300 && a.length <= 20_000);
  const step = Math.max(1, Math.floor(usable.length / articleCount));
  for (let i = 0; i < usable.length && pool.length < articleCount; i += step) pool.push(usable[i]!);
  const tally = emptyTally();
  const wrongByKind: Record<string, number> = {};
  const t0 = cpuMs();
  for (let n = 0; n < scripts; n++) {
    const r = rng(seed * 1_000_003 + n);
    const text = pool[n % pool.length]!;
    // About one annotation per 40 characters, as a busy annotator leaves (names, figures, claims).
    const spans = randomSpans(text, r, Math.max(5, Math.floor(text.length / 40)));
    const ed = randomEdits(text, r, 1 + Math.floor(r() * 5));
    const before = tally.counts.wrong;
    runScript(text, spans, ed, tally);
    if (tally.counts.wrong > before) for (const k of new Set(ed.kinds)) wrongByKind[k] = (wrongByKind[k] ?? 0) + tally.counts.wrong - before;
  }
  const cpu = cpuMs() - t0;
  // The hostile sidecar, on the longest article of the pool (near-misses of real sentences, so that
  // the fuzzy search is tempted, and quotes that are simply absent).
  const longest = pool.reduce((a, b) => (b.length > a.length ? b : a), '');
  const records: AnnotationRecord[] = hostileRecords(longest, 5000);
  const h0 = cpuMs();
  const h = reanchor(longest, records, { oldLength: longest.length + 7 });
  const hostile = { annotations: records.length, textChars: longest.length, cpuMs: cpuMs() - h0, orphans: h.orphans.length };
  return {
    hostile,
    scripts: tally.scripts,
    articles: pool.length,
    placements: tally.placements,
    counts: tally.counts,
    notIdempotent: tally.notIdempotent,
    wrongByKind,
    cpuMs: cpu,
  };
}
