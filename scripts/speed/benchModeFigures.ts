// findFigures of ONE tree as `npm run bench` times the figures stage: a process of its own run with
// --single-threaded, one warm-up pass over the articles, then one timed pass (CPU ms). Bundle it
// per tree (--alias:khabar-tree=<tree>/src) and alternate processes of the trees under nice:
//
//   npx esbuild scripts/speed/benchModeFigures.ts --bundle --platform=node \
//     --alias:khabar-tree=/tmp/old/src --outfile=/tmp/bmOld.js
//   nice -n 10 node --single-threaded /tmp/bmOld.js [articles=3000] [corpus]
//
// MARK=1 prints "=== TIMED" between the passes, so that --trace-opt --trace-deopt output can be
// split: in this mode most of the timed pass is synchronous TurboFan compiles and recompiles.
// @ts-ignore -- resolved by esbuild's --alias to the tree measured
import { findFigures } from 'khabar-tree/core/figures/index';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';

const { texts } = sampleArticles(process.argv[3] ?? DEFAULT_CORPUS, Number(process.argv[2] ?? 3000));
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const pass = (): number => {
  const s = cpu();
  let n = 0;
  for (const t of texts) n += (findFigures(t) as unknown[]).length;
  if (n < 0) throw new Error('unreachable');
  return cpu() - s;
};
pass();
if (process.env.MARK) process.stdout.write("=== TIMED\n");
process.stdout.write(`${pass().toFixed(1)}\n`);
