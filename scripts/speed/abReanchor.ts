// reanchor() of two source trees in ONE process, rounds alternating, on the four scenarios of
// BENCHMARKS.md (10,000 one-word annotations each): a lead sentence and a word cut in 600K
// characters of corpus text; 1,000 characters inserted near the top of 400K; a 5K-character run of
// paragraphs moved 200K further in 600K; the sidecar bench's synthetic 400K article with 1,000
// characters inserted. Prints the CPU minimum of each side per scenario and old/new, and — when
// the old tree is meant to decide the same (--same) — checks every output identical, there and on
// edit scripts of measureReanchoring's kind.
//
//   git archive <commit> src | tar -x -C /tmp/old
//   npx esbuild scripts/speed/abReanchor.ts --bundle --platform=node --alias:khabar-old=/tmp/old/src \
//     --outfile=/tmp/abReanchor.js && nice -n 10 node /tmp/abReanchor.js [rounds=4] [runs=5] [--same=2000] [--crlf]
import { anchorFor, reanchor as reanchorNew } from '../../src/core/anchor/anchor';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { syntheticArticle, syntheticSidecar } from '../../bench/sidecarBench';
import { randomEdits, randomSpans, recordsFor, rng } from '../../test/unit/anchorEdits';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';
// @ts-ignore -- resolved by esbuild's --alias to the old tree
import { reanchor as reanchorOld } from 'khabar-old/core/anchor/anchor';

type Re = (text: string, records: readonly AnnotationRecord[], o: { oldLength?: number }) => unknown;
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rounds = Number(args[0] ?? 4);
const runs = Number(args[1] ?? 5);
const sameScripts = Number(process.argv.find((a) => a.startsWith('--same='))?.split('=')[1] ?? 0);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Corpus text of at least `length` characters (articles joined by blank lines). */
function corpusText(length: number): string {
  const { texts } = sampleArticles(DEFAULT_CORPUS, 3000);
  let out = '';
  for (const t of texts) {
    if (out.length >= length) break;
    out += (out ? '\n\n' : '') + t;
  }
  return out.slice(0, length);
}

/** `count` whole words spread evenly over text. */
function words(text: string, count: number): AnnotationRecord[] {
  const all: [number, number][] = [];
  const re = /[^\s.،,:؛]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) all.push([m.index, m.index + m[0].length]);
  const step = all.length / count;
  const out: AnnotationRecord[] = [];
  for (let i = 0; i < count; i++) {
    const [a, b] = all[Math.floor(i * step)]!;
    out.push({ id: `e${i + 1}`, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, a, b) });
  }
  return out;
}

interface Scenario {
  name: string;
  text: string;
  records: AnnotationRecord[];
  oldLength: number;
}
const scenarios: Scenario[] = [];
{
  const t = corpusText(600_000);
  const records = words(t, 10_000);
  const lead = 'عاجل: أعلنت الوزارة اليوم نتائج جديدة للمشروع الذي بدأ العام الماضي.\n\n';
  const cut = t.indexOf(' ', 300_000);
  const next = t.indexOf(' ', cut + 1);
  scenarios.push({ name: 'lead sentence + word cut (600K)', text: lead + t.slice(0, cut) + t.slice(next), records, oldLength: t.length });
  // A run of paragraphs of about 5K characters moved 200K further.
  const a = t.indexOf('\n\n', 100_000) + 2;
  let b = t.indexOf('\n\n', a + 5_000) + 2;
  if (b < 2) b = a + 5_000;
  const c = t.indexOf('\n\n', b + 200_000) + 2;
  const moved = t.slice(0, a) + t.slice(b, c) + t.slice(a, b) + t.slice(c);
  scenarios.push({ name: 'moved passage (5K by 200K in 600K)', text: moved, records, oldLength: t.length });
}
{
  const t = corpusText(400_000);
  const records = words(t, 10_000);
  const ins = syntheticArticle(1000, 7);
  const at = t.indexOf(' ', 2_000) + 1;
  scenarios.push({ name: '1,000 inserted near the top (400K)', text: t.slice(0, at) + ins + t.slice(at), records, oldLength: t.length });
}
{
  const text = syntheticArticle(400_000);
  const data = syntheticSidecar(text, 10000);
  const inserted = text.slice(0, 100) + syntheticArticle(1000, 7) + text.slice(100);
  scenarios.push({ name: 'synthetic 400K + 1,000 inserted', text: inserted, records: data.annotations, oldLength: text.length });
}

const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
if (process.argv.includes('--crlf')) {
  // The slow case of BENCHMARKS.md: a whole 600K article converted to CRLF (seconds per run: timed
  // once each, old first).
  const t = corpusText(600_000);
  const records = words(t, 10_000);
  const crlf = t.replace(/\n/g, '\r\n');
  let t0 = cpu();
  const o = reanchorOld(crlf, records, { oldLength: t.length });
  const mo = cpu() - t0;
  t0 = cpu();
  const n = reanchorNew(crlf, records, { oldLength: t.length });
  const mn = cpu() - t0;
  console.log(`CRLF 600K: old ${mo.toFixed(0)} ms, new ${mn.toFixed(0)} ms, new/old ${(mn / mo).toFixed(2)}x; output ${same(o, n) ? 'identical' : 'differs'}`);
  process.exit(0);
}
let differ = 0;
for (const s of scenarios) {
  const o = reanchorOld(s.text, s.records, { oldLength: s.oldLength }) as { records: AnnotationRecord[] };
  const n = reanchorNew(s.text, s.records, { oldLength: s.oldLength });
  const ok = same(o, n) && same(reanchorOld(s.text, o.records, { oldLength: s.text.length }), reanchorNew(s.text, n.records, { oldLength: s.text.length }));
  if (!ok) differ++;
  console.log(`${s.name}: ${s.text.length} chars, ${n.moved.length} moved, ${n.orphans.length} orphans; output ${ok ? 'identical' : 'DIFFERS'}`);
}
if (sameScripts > 0) {
  const { texts } = sampleArticles(DEFAULT_CORPUS, 3000);
  const pool = texts.filter((a) => a.length >= 300 && a.length <= 20_000);
  let bad = 0;
  for (const seed of [15, 16, 17]) {
    for (let k = 0; k < Math.ceil(sameScripts / 3); k++) {
      const r = rng(seed * 1_000_003 + k);
      const text = pool[(k * 37) % pool.length]!;
      const spans = randomSpans(text, r, Math.max(5, Math.floor(text.length / 40)));
      const ed = randomEdits(text, r, 1 + Math.floor(r() * 5));
      const recs = recordsFor(text, spans);
      const o = reanchorOld(ed.text, recs, { oldLength: text.length }) as { records: AnnotationRecord[] };
      const n = reanchorNew(ed.text, recs, { oldLength: text.length });
      if (!same(o, n) || !same(reanchorOld(ed.text, o.records, { oldLength: ed.text.length }), reanchorNew(ed.text, n.records, { oldLength: ed.text.length }))) bad++;
    }
  }
  console.log(`${3 * Math.ceil(sameScripts / 3)} edit scripts (seeds 15–17): ${bad === 0 ? 'identical' : bad + ' DIFFER'}`);
  if (bad > 0) differ++;
}
const time = (f: Re, s: Scenario): number => {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = cpu();
    f(s.text, s.records, { oldLength: s.oldLength });
    best = Math.min(best, cpu() - t0);
  }
  return best;
};
for (const s of scenarios) {
  // (A warm-up of each.)
  time(reanchorOld as Re, s);
  time(reanchorNew as Re, s);
  const o: number[] = [];
  const n: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2) {
      o.push(time(reanchorOld as Re, s));
      n.push(time(reanchorNew as Re, s));
    } else {
      n.push(time(reanchorNew as Re, s));
      o.push(time(reanchorOld as Re, s));
    }
  }
  const mo = Math.min(...o);
  const mn = Math.min(...n);
  console.log(`${s.name}: old ${mo.toFixed(1)} ms, new ${mn.toFixed(1)} ms, new/old ${(mn / mo).toFixed(2)}x`);
}
process.exit(sameScripts > 0 && differ > 0 ? 1 : 0);
