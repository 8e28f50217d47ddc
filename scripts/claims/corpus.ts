// Claim detection over the SaudiNewsNet sample (read by path, never copied): counts, cue mix,
// claimant share and speed, plus a few articles printed for reading.
// Usage: npx tsc -p tsconfig.test.json && node out/scripts/claims/corpus.js [--show N] [--skip K]

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { stripBom } from '../../src/core/arabic';
import { findClaims } from '../../src/core/claims/index';

const root = path.resolve(__dirname, '..', '..', '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'saudinewsnet-3000.jsonl');
if (!existsSync(corpus)) {
  console.error(`no corpus at ${corpus}`);
  process.exit(1);
}
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const show = arg('--show', 0);
const skip = arg('--skip', 0);

const texts = readFileSync(corpus, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => {
    const o = JSON.parse(l) as { title?: string; content?: string };
    return stripBom(`${o.title ?? ''}\n\n${o.content ?? ''}`);
  });

let claims = 0;
let withClaimant = 0;
let chars = 0;
const cues = new Map<string, number>();
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (const text of texts) {
  chars += text.length;
  for (const c of findClaims(text, { entities: [], figures: [] })) {
    claims++;
    if (c.claimant) withClaimant++;
    const kind = c.cue === 'figure' || c.cue === 'quote' || c.cue === 'headline' ? c.cue : 'verb/source';
    cues.set(kind, (cues.get(kind) ?? 0) + 1);
  }
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const used = process.cpuUsage(c0);
const cpu = (used.user + used.system) / 1000;
console.log(`${texts.length} articles, ${chars} chars: ${claims} candidates, ${withClaimant} with a claimant`);
console.log(`cues: ${[...cues].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(
  `wall ${ms.toFixed(0)} ms, cpu ${cpu.toFixed(0)} ms in all: ${((cpu * 5000) / chars).toFixed(3)} ms cpu per 5,000 chars ` +
    '(one pass, JIT cold, GC included)',
);

for (const text of texts.slice(skip, skip + show)) {
  console.log('\n========\n' + text.slice(0, 3000));
  console.log('--------');
  for (const c of findClaims(text, { entities: [], figures: [] })) {
    console.log(`${c.checkWorthiness.toFixed(2)} [${c.cue}] ${c.claimant ? c.claimant.text : '—'} :: ${c.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
}
