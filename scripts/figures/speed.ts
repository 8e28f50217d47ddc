// Speed check: figures over the SaudiNewsNet sample (read by path, never copied) beside a bare
// /\S+/g tokenisation pass over the same text in the same run. `npm run bench` has the full picture.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFigures } from '../../src/core/figures/index';

const corpusPath = resolve(process.argv[2] ?? '../shared/corpus/saudinewsnet-3000.jsonl'); // run from the repo root
const texts = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { content: string }).content);
const chars = texts.reduce((n, t) => n + t.length, 0);

/**
 * Best of 5 runs, in wall-clock time and in CPU time of this process (the machine is shared: CPU
 * time is what the code costs when other processes steal the core).
 */
function time(run: () => number): { ms: number; cpuMs: number; count: number } {
  let best = Infinity;
  let bestCpu = Infinity;
  let count = 0;
  for (let round = 0; round < 5; round++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    count = run();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const c = process.cpuUsage(c0);
    best = Math.min(best, ms);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  return { ms: best, cpuMs: bestCpu, count };
}

const tokens = time(() => {
  let n = 0;
  for (const t of texts) for (const _ of t.matchAll(/\S+/g)) n++;
  return n;
});
const figures = time(() => {
  let n = 0;
  for (const t of texts) n += findFigures(t).length;
  return n;
});
const rate = (ms: number) => `${((chars / ms) * 1000 / 1e6).toFixed(1)} M chars/s`;
console.log(`corpus: ${texts.length} articles, ${(chars / 1e6).toFixed(2)} M chars (best of 5 runs)`);
for (const [name, r, what] of [['regex /\\S+/g', tokens, 'tokens'], ['findFigures  ', figures, 'figures']] as const) {
  console.log(`${name}: ${r.count} ${what}; wall ${r.ms.toFixed(0)} ms = ${rate(r.ms)}; cpu ${r.cpuMs.toFixed(0)} ms = ${rate(r.cpuMs)}`);
}
