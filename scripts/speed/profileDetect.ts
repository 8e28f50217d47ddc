// detect() over corpus articles in one process, for a CPU profile of where the time goes:
//
//   npx esbuild scripts/speed/profileDetect.ts --bundle --platform=node --outfile=/tmp/profileDetect.js
//   nice -n 10 node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/profileDetect.js [articles=200] [passes=2] [corpus]
//
// The first pass is cold (empty word caches), later ones warm; the CPU time of each is printed.
import * as path from 'path';
import { detect } from '../../src/core/detect';
import { decodeModel, prepareModel } from '../../src/core/entities/tagger';
import { readModelBytes } from '../../src/platform/node/nerModelFile';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';

const N = Number(process.argv[2] ?? 200);
const passes = Number(process.argv[3] ?? 2);
const { texts, chars } = sampleArticles(process.argv[4] ?? DEFAULT_CORPUS, N);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let t0 = cpu();
const model = prepareModel(decodeModel(readModelBytes(path.resolve(process.cwd(), 'models', 'ner.model'))));
console.log(`model load ${(cpu() - t0).toFixed(1)} ms CPU`);
for (let p = 0; p < passes; p++) {
  t0 = cpu();
  for (const t of texts) detect(t, { entities: { model } });
  const ms = cpu() - t0;
  console.log(`pass ${p + 1}: ${texts.length} articles, ${chars} chars, ${ms.toFixed(0)} ms CPU, ${(chars / ms / 1000).toFixed(2)} M chars/s`);
}
