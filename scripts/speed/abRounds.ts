// What abDetect.ts and abTag.ts share: both trees' models loaded from the same bytes, and the
// paired-rounds A/B: both trees' runs alternate round by round (old first on odd rounds), so the
// machine's load hits both alike; prints the minimum round of each, old/new on it, and the median
// and quartiles of the paired rounds' ratios. Bundled with the scripts' --alias for khabar-old-model.
import * as path from 'path';
import { decodeModel, prepareModel } from '../../src/core/entities/tagger';
import { readModelBytes } from '../../src/platform/node/nerModelFile';
// @ts-ignore -- resolved by esbuild's --alias to the old tree's model module (see abDetect.ts's
// header; it must decode gunzipped bytes, as every tree since src/platform/node does)
import { decodeModel as decodeOld, prepareModel as prepareOld } from 'khabar-old-model';

/** CPU time of this process in ms (user + system). */
export const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Each round's CPU ms of runOld (o) and runNew (n), the first of each pair alternating (new first on even rounds). */
export function alternate(rounds: number, runOld: () => number, runNew: () => number): { o: number[]; n: number[] } {
  const o: number[] = [];
  const n: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2) {
      o.push(runOld());
      n.push(runNew());
    } else {
      n.push(runNew());
      o.push(runOld());
    }
  }
  return { o, n };
}

/** Runs `rounds` alternating rounds of runOld/runNew (each returns its CPU ms) and prints the ratios. */
export function pairedRounds(label: string, chars: number, rounds: number, runOld: () => number, runNew: () => number): void {
  const { o, n } = alternate(rounds, runOld, runNew);
  const min = (a: number[]): number => Math.min(...a);
  console.log(
    `${label}, ${chars} chars: old ${min(o).toFixed(0)} ms (${(chars / min(o) / 1000).toFixed(2)} M chars/s), ` +
      `new ${min(n).toFixed(0)} ms (${(chars / min(n) / 1000).toFixed(2)} M chars/s), old/new ${(min(o) / min(n)).toFixed(3)}x; ` +
      `rounds old ${o.map((x) => x.toFixed(0)).join(' ')}, new ${n.map((x) => x.toFixed(0)).join(' ')}`,
  );
  // The paired rounds (old and new of one round ran back to back, so under about the same load).
  const paired = o.map((x, i) => x / n[i]!).sort((a, b) => a - b);
  console.log(`paired rounds old/new: median ${paired[paired.length >> 1]!.toFixed(3)}x, quartiles ${paired[paired.length >> 2]!.toFixed(3)}–${paired[(3 * paired.length) >> 2]!.toFixed(3)}x`);
}

/**
 * models/ner.model decoded by the new tree (as loadModel() does) and by the old tree (from
 * KHABAR_OLD_MODEL when the model file's format changed between them), each load's CPU time printed.
 */
export function loadBothModels(): { modelNew: ReturnType<typeof prepareModel>; modelOld: unknown } {
  const modelPath = path.resolve(process.cwd(), 'models', 'ner.model');
  let t0 = cpu();
  const modelNew = prepareModel(decodeModel(readModelBytes(modelPath)));
  const loadNewMs = cpu() - t0;
  t0 = cpu();
  const modelOld: unknown = prepareOld(decodeOld(readModelBytes(process.env.KHABAR_OLD_MODEL ?? modelPath)));
  const loadOldMs = cpu() - t0;
  console.log(`first model load (CPU): old ${loadOldMs.toFixed(1)} ms, new ${loadNewMs.toFixed(1)} ms`);
  return { modelNew, modelOld };
}

/**
 * The old and new tree's call on each text: checks the output is identical (JSON), then times both
 * over all texts in paired rounds (pairedRounds); exits 1 when any text's output differs.
 */
export function sameThenPaired(texts: readonly string[], chars: number, rounds: number, runOld: (t: string) => unknown, runNew: (t: string) => unknown): never {
  let same = 0;
  for (const t of texts) if (JSON.stringify(runNew(t)) === JSON.stringify(runOld(t))) same++;
  const run = (f: (t: string) => unknown) => (): number => {
    const s = cpu();
    for (const t of texts) f(t);
    return cpu() - s;
  };
  console.log(`identical output: ${same}/${texts.length} articles`);
  pairedRounds(`${texts.length} articles`, chars, rounds, run(runOld), run(runNew));
  process.exit(same === texts.length ? 0 : 1);
}
