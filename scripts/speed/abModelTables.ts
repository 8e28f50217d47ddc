// The emission table's layout against an old tree's, in ONE process, rounds alternating: each
// round decodes a fresh model in each tree from the same bytes (so every word's rows are looked
// up again: the cold path, where the table is read most) and times detect() over the same corpus
// articles with it, then a second pass with the same model (warm caches). Checks the output is
// identical and prints the CPU-time ratios (minimum round of each) and each tree's load.
//
//   npx esbuild scripts/speed/abModelTables.ts --bundle --platform=node --alias:khabar-old=/tmp/old/src \
//     --outfile=/tmp/abModelTables.js && nice -n 10 node --expose-gc /tmp/abModelTables.js [articles=300] [rounds=6] [MODEL]
//
// When the model file's format changed between the trees, KHABAR_OLD_MODEL names the old tree's
// file (the same model in its layout); MODEL is then the new tree's.
import * as path from 'path';
import { detect as detectNew } from '../../src/core/detect';
import { decodeModel, prepareModel } from '../../src/core/entities/tagger';
import { readModelBytes } from '../../src/platform/node/nerModelFile';
import { installNodePlatform } from '../../src/platform/node/install';
// @ts-ignore -- resolved by esbuild's --alias to the old tree
import { detect as detectOld } from 'khabar-old/core/detect';
// @ts-ignore -- resolved by esbuild's --alias to the old tree
import { decodeModel as decodeOld, prepareModel as prepareOld } from 'khabar-old/core/entities/tagger';
// @ts-ignore -- resolved by esbuild's --alias to the old tree
import { installNodePlatform as installOld } from 'khabar-old/platform/node/install';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';

installNodePlatform();
installOld();
const N = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 6);
const modelPath = path.resolve(process.argv[4] ?? path.join(process.cwd(), 'models', 'ner.model'));
const oldModelPath = process.env.KHABAR_OLD_MODEL ?? modelPath;
const { texts, chars } = sampleArticles(DEFAULT_CORPUS, N);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
type Detect = (t: string, o: object) => unknown;
const trees: Array<{ name: string; load: () => unknown; detect: Detect; loadMs: number[]; cold: number[]; warm: number[]; out?: string }> = [
  { name: 'old', load: () => prepareOld(decodeOld(readModelBytes(oldModelPath))), detect: detectOld as Detect, loadMs: [], cold: [], warm: [] },
  { name: 'new', load: () => prepareModel(decodeModel(readModelBytes(modelPath))), detect: detectNew, loadMs: [], cold: [], warm: [] },
];
let differ = 0;
for (let r = 0; r < rounds; r++) {
  for (const t of r % 2 ? [...trees].reverse() : trees) {
    gc();
    let s = cpu();
    const model = t.load();
    t.loadMs.push(cpu() - s);
    const outs: unknown[] = [];
    s = cpu();
    for (const x of texts) outs.push(t.detect(x, { entities: { model } }));
    t.cold.push(cpu() - s);
    s = cpu();
    for (const x of texts) t.detect(x, { entities: { model } });
    t.warm.push(cpu() - s);
    if (r === 0) t.out = JSON.stringify(outs);
  }
}
if (trees[0]!.out !== trees[1]!.out) differ++;
const min = (a: number[]): number => Math.min(...a);
const med = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1]!;
const [o, n] = trees as [(typeof trees)[0], (typeof trees)[0]];
console.log(`${texts.length} articles, ${chars} chars, ${rounds} rounds; output ${differ ? 'DIFFERS' : 'identical'}`);
for (const k of ['loadMs', 'cold', 'warm'] as const) {
  console.log(`${k}: old min ${min(o[k]).toFixed(1)} med ${med(o[k]).toFixed(1)}, new min ${min(n[k]).toFixed(1)} med ${med(n[k]).toFixed(1)}; old/new min ${(min(o[k]) / min(n[k])).toFixed(3)}x, med ${(med(o[k]) / med(n[k])).toFixed(3)}x`);
}
process.exit(differ ? 1 : 0);
