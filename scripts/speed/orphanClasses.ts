// Needless orphans of the re-anchoring bench classified by the evidence at their right place
// (issue 15): why, how often the quote occurs, its length (short < 8 ≤ mid < 12 ≤ long), which
// stored side is there whole beside it (P/S/-), and whether the shift at the record before (L) or
// the article's change in length (G) points at it. Same pool and draws as reanchorQuality.ts;
// tune on seeds other than 15 and 77.
//
//   npx esbuild scripts/speed/orphanClasses.ts --bundle --platform=node --outfile=out/oc.js
//   nice -n 10 node out/oc.js SEED [SCRIPTS=10000] [--rows]
import { loadCorpus } from '../../bench/corpus';
import { reanchor } from '../../src/core/anchor/anchor';
import { sides } from '../../src/core/anchor/evidence';
import { normalize } from '../../src/core/anchor/text';
import { judge, positions, randomEdits, randomSpans, recordsFor, rng } from '../../test/unit/anchorEdits';

const seed = Number(process.argv[2] ?? 21);
const scripts = Number(process.argv[3] ?? 10_000);
const corpus = loadCorpus(undefined, process.cwd());
const pool: string[] = [];
const usable = corpus.articles.filter((a) => a.length >= 300 && a.length <= 20_000);
const step = Math.max(1, Math.floor(usable.length / 60));
for (let i = 0; i < usable.length && pool.length < 60; i += step) pool.push(usable[i]!);
const classes: Record<string, number> = {};
const rows: string[] = [];
for (let n = 0; n < scripts; n++) {
  const r = rng(seed * 1_000_003 + n);
  const text = pool[n % pool.length]!;
  const spans = randomSpans(text, r, Math.max(5, Math.floor(text.length / 40)));
  const ed = randomEdits(text, r, 1 + Math.floor(r() * 5));
  const records = recordsFor(text, spans);
  const out = reanchor(ed.text, records, { oldLength: text.length });
  const index = positions(ed);
  const gd = ed.text.length - text.length;
  const nt = normalize(ed.text);
  const order = records.map((_, i) => i).sort((a, b) => records[a]!.target.start - records[b]!.target.start || a - b);
  let local = gd;
  const localAt = new Map<number, number>();
  for (const i of order) {
    localAt.set(i, local);
    const o = out.records[i]!;
    if (!o.orphan) local = o.target.start - records[i]!.target.start;
  }
  out.records.forEach((rec, i) => {
    const orig = { start: spans[i]![0], end: spans[i]![1] };
    let v = judge(orig, rec, ed, index);
    if (v === 'needless-orphan' && (out.candidates[rec.id] ?? []).some((c) => judge(orig, { ...rec, orphan: false, target: { ...rec.target, start: c.start, end: c.end } }, ed, index) === 'copy')) v = 'copy-tie';
    if (v !== 'needless-orphan') return;
    const t = records[i]!.target;
    const now = index[orig.start]!;
    const nq = normalize(t.exact);
    let nocc = 0;
    if (nq.length > 0) for (let p = nt.indexOf(nq); p >= 0; p = nt.indexOf(nq, p + 1)) nocc++;
    const ns = normalize(ed.text.slice(0, now)).length;
    const s = sides(t)(nt, ns, ns + nq.length);
    const atLocal = now === t.start + localAt.get(i)!;
    const atGlobal = now === t.start + gd;
    const whole = s.plainPrefix === 1 ? 'P' : s.plainSuffix === 1 ? 'S' : '-';
    const lenC = nq.length >= 12 ? 'long' : nq.length >= 8 ? 'mid' : 'short';
    const key = `${rec.id in out.why ? out.why[rec.id] : '?'} occ=${nocc === 1 ? '1' : 'n'} ${lenC} whole=${whole} hint=${atLocal ? 'L' : atGlobal ? 'G' : '-'}`;
    classes[key] = (classes[key] ?? 0) + 1;
    rows.push(`${key}\t${n}\t${rec.id}\t${ed.kinds.join(',')}\tsp=${s.prefix.toFixed(2)} ss=${s.suffix.toFixed(2)} wp=${s.plainPrefix.toFixed(2)} ws=${s.plainSuffix.toFixed(2)} rp=${s.runPrefix} rs=${s.runSuffix}\tnow-local=${now - t.start - localAt.get(i)!}\t«${t.exact}»`);
  });
}
for (const [k, v] of Object.entries(classes).sort((a, b) => b[1] - a[1])) console.log(v, k);
if (process.argv.includes('--rows')) for (const r of rows) console.log(r);
