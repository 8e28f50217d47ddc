// findFigures() of two source trees in ONE process over the same corpus articles, rounds
// alternating, so the machine's load hits both alike: counts the articles whose figures are
// identical and prints the CPU-time ratio (the minimum round of each). The figures stage alone, as
// `npm run bench` times it. The old tree is any checkout (`git archive <commit> | tar -x -C /tmp/old`):
//
//   npx esbuild scripts/speed/abFigures.ts --bundle --platform=node --alias:khabar-old=/tmp/old/src \
//     --outfile=/tmp/abFigures.js && nice -n 10 node --expose-gc /tmp/abFigures.js [articles=1000] [rounds=6] [corpus]
import { findFigures as figNew } from '../../src/core/figures/index';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';
// @ts-ignore -- resolved by esbuild's --alias to the old tree
import { findFigures as figOld } from 'khabar-old/core/figures/index';

const N = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 6);
const { texts, chars } = sampleArticles(process.argv[4] ?? DEFAULT_CORPUS, N);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
let same = 0;
for (const t of texts) if (JSON.stringify(figNew(t)) === JSON.stringify(figOld(t))) same++;
const run = (f: (t: string) => unknown): number => {
  gc();
  const s = cpu();
  for (const t of texts) f(t);
  return cpu() - s;
};
const o: number[] = [];
const n: number[] = [];
// Under a heavy load (2 cores, several helpers) whole-pass rounds vary 2-3x; the trees therefore
// also alternate article by article, each call timed alone, so a busy second hits both alike.
const oa: number[] = [];
const na: number[] = [];
// And each article's fastest call of each tree over all rounds, summed: a load burst rarely hits
// every round of the same article.
const om = new Float64Array(texts.length).fill(Infinity);
const nm = new Float64Array(texts.length).fill(Infinity);
for (let r = 0; r < rounds; r++) {
  if (r % 2) {
    o.push(run(figOld));
    n.push(run(figNew));
  } else {
    n.push(run(figNew));
    o.push(run(figOld));
  }
  let so = 0;
  let sn = 0;
  for (let k = 0; k < texts.length; k++) {
    const t = texts[k]!;
    for (const first of k % 2 ? [0, 1] : [1, 0]) {
      const s = cpu();
      if (first) figNew(t);
      else figOld(t);
      const d = cpu() - s;
      if (first) {
        sn += d;
        if (d < nm[k]!) nm[k] = d;
      } else {
        so += d;
        if (d < om[k]!) om[k] = d;
      }
    }
  }
  oa.push(so);
  na.push(sn);
}
const min = (a: number[]): number => Math.min(...a);
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1]!;
// Each round's old/new ratio: the two halves of a round ran back to back, under the same load.
const pairs = o.map((x, i) => x / n[i]!);
const mcs = (ms: number): string => `${(chars / ms / 1000).toFixed(2)} M chars/s`;
console.log(`identical figures: ${same}/${texts.length} articles`);
console.log(
  `${texts.length} articles, ${chars} chars: old ${min(o).toFixed(0)} ms (${mcs(min(o))}), new ${min(n).toFixed(0)} ms (${mcs(min(n))}), ` +
    `old/new ${(min(o) / min(n)).toFixed(3)}x (median of the rounds' ratios ${median(pairs).toFixed(3)}x); ` +
    `article by article: old/new ${median(oa.map((x, i) => x / na[i]!)).toFixed(3)}x (median of ${rounds}), sums ${oa.reduce((a, b) => a + b, 0).toFixed(0)} / ${na.reduce((a, b) => a + b, 0).toFixed(0)} ms; ` +
    `sum of each article's fastest call: old ${om.reduce((a, b) => a + b, 0).toFixed(1)} ms, new ${nm.reduce((a, b) => a + b, 0).toFixed(1)} ms, old/new ${(om.reduce((a, b) => a + b, 0) / nm.reduce((a, b) => a + b, 0)).toFixed(3)}x; rounds old ${o.map((x) => x.toFixed(0)).join(' ')}, new ${n.map((x) => x.toFixed(0)).join(' ')}`,
);
