// The detection rows of the bench for two source trees in ONE process, rounds alternating so the
// machine's load hits both alike: whole passes of detect() over the corpus articles (with a bare
// tokenize() pass in each round, for the ratio), then the 5,000-character slices of the joined
// articles, one slice of each tree in turn. The old tree is any checkout that has
// src/platform/node/install.ts (e.g. `git archive <commit> | tar -x -C /tmp/old`, with
// node_modules linked in), reached through an alias:
//
//   npx esbuild scripts/speed/abDetectFull.ts --bundle --platform=node --alias:khabar-old=/tmp/old/src \
//     --outfile=/tmp/abDetectFull.js && nice -n 10 node --expose-gc --single-threaded /tmp/abDetectFull.js [articles=all] [rounds=4]
//
// Output identity is checked by abDetect.ts and compareBuilds.js; this one only times.
import { tokenize } from '../../src/core/arabic';
import { detect as detectNew } from '../../src/core/detect';
import { installNodePlatform } from '../../src/platform/node/install';
// @ts-ignore -- resolved by esbuild's --alias to the old tree
import { detect as detectOld } from 'khabar-old/core/detect';
// @ts-ignore -- resolved by esbuild's --alias to the old tree
import { installNodePlatform as instOld } from 'khabar-old/platform/node/install';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';
installNodePlatform();
instOld();
const { texts, chars } = sampleArticles(DEFAULT_CORPUS, Number(process.argv[2] ?? 1e9));
const rounds = Number(process.argv[3] ?? 4);
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const pass = (f: (t: string) => unknown): number => { gc(); const t0 = cpu(); for (const t of texts) f(t); return cpu() - t0; };
for (const t of texts) { detectOld(t); detectNew(t); }
const tok: number[] = []; const o: number[] = []; const n: number[] = [];
for (let r = 0; r < rounds; r++) {
  tok.push(pass((t) => tokenize(t)));
  if (r % 2) { o.push(pass(detectOld)); n.push(pass(detectNew)); } else { n.push(pass(detectNew)); o.push(pass(detectOld)); }
}
const joined = texts.join('\n\n');
const so: number[] = []; const sn: number[] = [];
for (let i = 0, k = 0; i + 5000 <= joined.length && k < 2000; i += 5000, k++) {
  const piece = joined.slice(i, i + 5000);
  const one = (f: (t: string) => unknown): number => { const t0 = cpu(); f(piece); return cpu() - t0; };
  if (k % 2) { so.push(one(detectOld)); sn.push(one(detectNew)); } else { sn.push(one(detectNew)); so.push(one(detectOld)); }
}
const pct = (a: number[], p: number): number => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!; };
const mn = (a: number[]): number => Math.min(...a);
const ms = (chars / 1000);
console.log(`${texts.length} articles, ${chars} chars, ${rounds} alternating rounds (min): tokenisation ${mn(tok).toFixed(1)} ms`);
console.log(`old detect ${mn(o).toFixed(0)} ms = ${(ms / mn(o)).toFixed(2)} M chars/s = ${(mn(o) / mn(tok)).toFixed(1)}x tokenisation; rounds ${o.map((x) => x.toFixed(0)).join(' ')}`);
console.log(`new detect ${mn(n).toFixed(0)} ms = ${(ms / mn(n)).toFixed(2)} M chars/s = ${(mn(n) / mn(tok)).toFixed(1)}x tokenisation; rounds ${n.map((x) => x.toFixed(0)).join(' ')}`);
console.log(`old/new ${(mn(o) / mn(n)).toFixed(3)}x; paired rounds ${o.map((x, i) => (x / n[i]!).toFixed(2)).join(' ')}`);
console.log(`5K slices (${sn.length}, old and new alternating per slice): old median ${pct(so, 50).toFixed(2)} p95 ${pct(so, 95).toFixed(2)} p99 ${pct(so, 99).toFixed(2)} ms; new median ${pct(sn, 50).toFixed(2)} p95 ${pct(sn, 95).toFixed(2)} p99 ${pct(sn, 99).toFixed(2)} ms`);
