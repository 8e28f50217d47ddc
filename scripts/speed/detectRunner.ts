// The detection rows of `npm run bench` alone, for one tree, in one process (the bench's method:
// a whole untimed pass before each timed one, CPU time, ratios to a bare tokenisation pass):
//
//   npx esbuild scripts/speed/detectRunner.ts --bundle --platform=node --outfile=/tmp/detectRunner.js
//   nice -n 10 node --expose-gc --single-threaded /tmp/detectRunner.js [articles=all] [corpus]
//
// Prints tokenisation and detect() chars/s and their ratio, and the 5,000-character slices'
// median, p95 and p99.
import { tokenize } from '../../src/core/arabic';
import { detect } from '../../src/core/detect';
import { installNodePlatform } from '../../src/platform/node/install';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';

installNodePlatform();
const N = Number(process.argv[2] ?? 1e9);
const { texts, chars } = sampleArticles(process.argv[3] ?? DEFAULT_CORPUS, N);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const stage = (fn: (t: string) => unknown): number => {
  for (const t of texts) fn(t);
  gc();
  const t0 = cpu();
  for (const t of texts) fn(t);
  return cpu() - t0;
};
let t0 = cpu();
detect(texts[0]!);
const firstMs = cpu() - t0;
const tok = stage((t) => tokenize(t));
const det = stage((t) => detect(t));
const joined = texts.join('\n\n');
const times: number[] = [];
for (let i = 0; i + 5000 <= joined.length && times.length < 2000; i += 5000) {
  const piece = joined.slice(i, i + 5000);
  t0 = cpu();
  detect(piece);
  times.push(cpu() - t0);
}
times.sort((a, b) => a - b);
const pct = (p: number): number => times[Math.min(times.length - 1, Math.max(0, Math.ceil((p / 100) * times.length) - 1))]!;
const mcs = (ms: number): string => `${(chars / ms / 1000).toFixed(2)} M chars/s`;
console.log(`${texts.length} articles, ${chars} chars; first detect (model load) ${firstMs.toFixed(0)} ms`);
console.log(`tokenisation ${tok.toFixed(1)} ms (${mcs(tok)}); detect ${det.toFixed(0)} ms (${mcs(det)}); detect / tokenisation ${(det / tok).toFixed(1)}x`);
console.log(`5K slices (${times.length}): median ${pct(50).toFixed(2)} ms, p95 ${pct(95).toFixed(2)} ms, p99 ${pct(99).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
