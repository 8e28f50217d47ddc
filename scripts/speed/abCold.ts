// detect() of two source trees in ONE process with every word cache empty: each round decodes a
// fresh model in both trees (the word caches hang off the model), then times detect() over the
// corpus articles, so each word's first sight is paid again, as a big file or a fresh process pays
// it. Rounds alternate; the machine's load drifts, so the ratio printed first is the median of
// each round's old/new (two runs adjacent in time). The old tree is reached as in abDetect.ts:
//
//   (the old tree needs node_modules beside it: ln -s $PWD/node_modules /tmp/old/)
//   npx esbuild scripts/speed/abCold.ts --bundle --platform=node --alias:khabar-old=/tmp/old/src \
//     --alias:khabar-old-model=/tmp/old/src/core/entities/tagger \
//     --outfile=/tmp/abCold.js && nice -n 10 node --expose-gc /tmp/abCold.js [articles=600] [rounds=16] [corpus]
//
// Output identity is checked by abDetect.ts and compareBuilds.js; this one only times.
import * as path from 'path';
import { detect as detectNew } from '../../src/core/detect';
import { decodeModel, prepareModel } from '../../src/core/entities/tagger';
import { readModelBytes } from '../../src/platform/node/nerModelFile';
import { alternate, cpu } from './abRounds';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';
// @ts-ignore -- resolved by esbuild's --alias to the old tree
import { detect as detectOld } from 'khabar-old/core/detect';
// @ts-ignore -- resolved by esbuild's --alias to the old tree's model module (see abDetect.ts)
import { decodeModel as decodeOld, prepareModel as prepareOld } from 'khabar-old-model';

const N = Number(process.argv[2] ?? 600);
const rounds = Number(process.argv[3] ?? 16);
const { texts, chars } = sampleArticles(process.argv[4] ?? DEFAULT_CORPUS, N);
const file = path.resolve(process.cwd(), 'models', 'ner.model');
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const timed = (f: (t: string, o: object) => unknown, model: unknown): number => {
  gc();
  const t0 = cpu();
  for (const t of texts) f(t, { entities: { model } });
  return cpu() - t0;
};
const runNew = (): number => timed(detectNew, prepareModel(decodeModel(readModelBytes(file))));
const runOld = (): number => timed(detectOld, prepareOld(decodeOld(readModelBytes(file))));
const { o, n } = alternate(rounds, runOld, runNew);
const sorted = (a: number[]): number[] => [...a].sort((x, y) => x - y);
const ratios = sorted(o.map((x, i) => x / n[i]!));
const at = (a: number[], q: number): number => a[Math.min(a.length - 1, Math.floor(q * a.length))]!;
console.log(
  `cold detect(), ${texts.length} articles, ${chars} chars, ${rounds} rounds: old/new ${at(ratios, 0.5).toFixed(3)} ` +
    `(median of paired rounds; quartiles ${at(ratios, 0.25).toFixed(3)}–${at(ratios, 0.75).toFixed(3)}); ` +
    `min old ${Math.min(...o).toFixed(0)} ms, new ${Math.min(...n).toFixed(0)} ms; ` +
    `rounds old ${o.map((x) => x.toFixed(0)).join(' ')}, new ${n.map((x) => x.toFixed(0)).join(' ')}`,
);
