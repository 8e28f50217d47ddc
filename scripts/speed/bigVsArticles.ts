// Where a big file costs more per character than the same articles one by one (issue 17): in a
// fresh process, a cold detect() of every corpus article in turn ("articles") or of them all
// joined with blank lines as one text ("joined", the bench's "whole corpus as one file"):
//
//   npx esbuild scripts/speed/bigVsArticles.ts --bundle --platform=node --outfile=/tmp/bigVsArticles.js
//   nice -n 10 node --single-threaded [--cpu-prof] /tmp/bigVsArticles.js articles|joined [N=all] [corpus]
//
// Prints CPU ms, ns per char, findings and peak RSS. Both modes start with empty word caches, so
// the difference is what the text's size alone costs (garbage collection, per-document structures).
import { detect } from '../../src/core/detect';
import { loadModel } from '../../src/core/entities/findEntities';
import { installNodePlatform } from '../../src/platform/node/install';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';

installNodePlatform();
const mode = process.argv[2] ?? 'joined';
if (mode !== 'articles' && mode !== 'joined') throw new Error('usage: bigVsArticles.js articles|joined [N] [corpus]');
const { texts, chars } = sampleArticles(process.argv[4] ?? DEFAULT_CORPUS, Number(process.argv[3] ?? 1e9));
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
loadModel();
let found = 0;
const joined = mode === 'joined' ? texts.join('\n\n') : '';
const t0 = cpu();
if (mode === 'joined') found = detect(joined).length;
else for (const t of texts) found += detect(t).length;
const ms = cpu() - t0;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`${mode}: ${texts.length} articles, ${chars} chars, ${ms.toFixed(0)} ms CPU, ${((ms * 1e6) / chars).toFixed(0)} ns/char, ${found} found, peak RSS ${peak.toFixed(0)} MB`);
