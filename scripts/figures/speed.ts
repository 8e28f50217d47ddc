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

function time(run: () => number): { ms: number; count: number } {
  let best = Infinity;
  let count = 0;
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    count = run();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    best = Math.min(best, ms);
  }
  return { ms: best, count };
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
console.log(`regex /\\S+/g tokens: ${tokens.count} tokens in ${tokens.ms.toFixed(0)} ms = ${rate(tokens.ms)}`);
console.log(`findFigures:        ${figures.count} figures in ${figures.ms.toFixed(0)} ms = ${rate(figures.ms)}`);
