// The re-anchoring measurement of `npm run bench` (bench/anchoring.ts) alone, for any seed, with the
// silently wrong and needless orphans listed: tune on seeds other than the bench's (15) and the
// fresh check's (77), then report those once.
//
//   npx esbuild scripts/speed/reanchorQuality.ts --bundle --platform=node --outfile=out/rq.js
//   nice -n 10 node out/rq.js SEED [SCRIPTS=10000] [--show=wrong,needless-orphan,idempotence] [--max=20]
//   nice -n 10 node out/rq.js 15 --bench     # exactly measureReanchoring's numbers, as npm run bench
// (from the repository's root: the corpus is ../shared/corpus/saudinewsnet-3000.jsonl, or --corpus=PATH)
import { measureReanchoring } from '../../bench/anchoring';
import { loadCorpus } from '../../bench/corpus';
import { reanchor } from '../../src/core/anchor/anchor';
import { judge, positions, randomEdits, randomSpans, recordsFor, rng, type Verdict } from '../../test/unit/anchorEdits';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flag = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const seed = Number(args[0] ?? 21);
const scripts = Number(args[1] ?? 10_000);
const show = new Set((flag('show') ?? 'wrong,needless-orphan').split(',')) as Set<string>;
const max = Number(flag('max') ?? 20);
// (Run from the repository's root: the corpus path is relative to it.)
const corpus = loadCorpus(flag('corpus'), process.cwd());
if (corpus.generated) throw new Error(`no corpus: ${corpus.note}`);

if (process.argv.includes('--bench')) {
  // Exactly what the bench reports.
  const m = measureReanchoring(corpus.articles, scripts, 60, seed);
  const pct = (n: number): string => ((100 * n) / m.placements).toFixed(3) + '%';
  console.log(JSON.stringify({ seed, scripts: m.scripts, placements: m.placements, wrong: m.counts.wrong, needless: pct(m.counts['needless-orphan']), ties: pct(m.counts['copy-tie']), notIdempotent: m.notIdempotent, wrongByKind: m.wrongByKind, cpuMs: Math.round(m.cpuMs) }));
  process.exit(0);
}

// The same pool and draws as measureReanchoring, every bad outcome shown with its surroundings.
const pool: string[] = [];
const usable = corpus.articles.filter((a) => a.length >= 300 && a.length <= 20_000);
const step = Math.max(1, Math.floor(usable.length / 60));
for (let i = 0; i < usable.length && pool.length < 60; i += step) pool.push(usable[i]!);
const counts: Record<string, number> = {};
let placements = 0;
let notIdem = 0;
let shown = 0;
const line = (s: string): string => s.replace(/\n/g, '⏎').replace(/\r/g, '␍');
for (let n = 0; n < scripts; n++) {
  const r = rng(seed * 1_000_003 + n);
  const text = pool[n % pool.length]!;
  const spans = randomSpans(text, r, Math.max(5, Math.floor(text.length / 40)));
  const ed = randomEdits(text, r, 1 + Math.floor(r() * 5));
  const records = recordsFor(text, spans);
  const out = reanchor(ed.text, records, { oldLength: text.length });
  const dbg = (globalThis as any).DBGMAP ?? {};
  const index = positions(ed);
  out.records.forEach((rec, i) => {
    const orig = { start: spans[i]![0], end: spans[i]![1] };
    let v: Verdict = judge(orig, rec, ed, index);
    if (v === 'needless-orphan' && (out.candidates[rec.id] ?? []).some((c) => judge(orig, { ...rec, orphan: false, target: { ...rec.target, start: c.start, end: c.end } }, ed, index) === 'copy')) v = 'copy-tie';
    placements++;
    counts[v] = (counts[v] ?? 0) + 1;
    if (show.has(v) && shown < max) {
      shown++;
      const t = records[i]!.target;
      const now = index[orig.start]!;
      console.log(`--- ${v} script ${n} ${rec.id} kinds=${ed.kinds.join(',')} why=${out.why[rec.id] ?? ''}`);
      console.log(`  old   [${t.start}] «${line(t.prefix)}|${line(t.exact)}|${line(t.suffix)}»`);
      console.log(`  right [${now}] «${now >= 0 ? line(ed.text.slice(Math.max(0, now - 32), now)) + '|' + line(ed.text.slice(now, now + t.exact.length)) + '|' + line(ed.text.slice(now + t.exact.length, now + t.exact.length + 32)) : '(gone)'}»`);
      if (!rec.orphan) {
        const p = rec.target;
        console.log(`  put   [${p.start}] «${line(ed.text.slice(Math.max(0, p.start - 32), p.start))}|${line(p.exact)}|${line(ed.text.slice(p.end, p.end + 32))}»`);
      } else console.log(`  cands ${JSON.stringify(out.candidates[rec.id])}`);
      if (process.env.DBG) console.log('  dbg ' + JSON.stringify(dbg[rec.id]));
    }
  });
  const again = reanchor(ed.text, out.records, { oldLength: ed.text.length });
  if (again.moved.length > 0 || again.records.some((x, i) => JSON.stringify(x) !== JSON.stringify(out.records[i]))) {
    notIdem++;
    if (show.has('idempotence')) {
      const changed = again.records.filter((x, i) => JSON.stringify(x) !== JSON.stringify(out.records[i])).map((x) => x.id);
      console.log(`--- not idempotent: script ${n} kinds=${ed.kinds.join(',')} changed ${changed.join(' ')}; moved ${again.moved.join(' ')}`);
    }
  }
}
const pct = (k: string): string => ((100 * (counts[k] ?? 0)) / placements).toFixed(3) + '%';
console.log(JSON.stringify({ seed, scripts, placements, wrong: counts.wrong ?? 0, needless: pct('needless-orphan'), needlessN: counts['needless-orphan'] ?? 0, ties: pct('copy-tie'), notIdempotent: notIdem }));
