// Warm CPU time of each detect() stage over corpus articles, in one process (the minimum of
// `rounds` passes each), to see which stage to work on: each stage alone over all the articles,
// then each timed per call in detect()'s own order (figures, entities, claims per article), which
// costs more than alone since the stages evict each other's data from the processor's caches:
//
//   npx esbuild scripts/speed/stageTimes.ts --bundle --platform=node --outfile=/tmp/stageTimes.js
//   nice -n 10 node /tmp/stageTimes.js [articles=400] [rounds=5] [corpus]
import * as path from 'path';
import { tokenize, withSharedTokens } from '../../src/core/arabic';
import { findClaims } from '../../src/core/claims/index';
import { detect } from '../../src/core/detect';
import { findEntities, tagText } from '../../src/core/entities/findEntities';
import { decodeModel, prepareModel } from '../../src/core/entities/tagger';
import { findFigures } from '../../src/core/figures/index';
import { readModelBytes } from '../../src/platform/node/nerModelFile';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';

const N = Number(process.argv[2] ?? 400);
const rounds = Number(process.argv[3] ?? 5);
const { texts, chars } = sampleArticles(process.argv[4] ?? DEFAULT_CORPUS, N);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const model = prepareModel(decodeModel(readModelBytes(path.resolve(process.cwd(), 'models', 'ner.model'))));
const ents = texts.map((t) => withSharedTokens(t, () => findEntities(t, { model })));
const figs = texts.map((t) => findFigures(t));
const claimsOf = (t: string, figures: ReturnType<typeof findFigures>, entities: ReturnType<typeof findEntities>): unknown => findClaims(t, { entities, figures });
const stages: Array<[string, (t: string, i: number) => unknown]> = [
  ['tokenize', (t) => tokenize(t)],
  ['figures', (t) => findFigures(t)],
  ['tagText', (t) => tagText(t, model)],
  ['entities (tag + document)', (t) => withSharedTokens(t, () => findEntities(t, { model }))],
  ['claims (given entities, figures)', (t, i) => withSharedTokens(t, () => findClaims(t, { entities: ents[i]!, figures: figs[i]! }))],
  ['figures, entities, claims by hand', (t) => withSharedTokens(t, () => claimsOf(t, findFigures(t), findEntities(t, { model })))],
  ['entities, figures, claims by hand', (t) => withSharedTokens(t, () => { const e = findEntities(t, { model }); return claimsOf(t, findFigures(t), e); })],
  ['detect', (t) => detect(t, { entities: { model } })],
];
const best = new Map<string, number>();
for (let r = 0; r < rounds; r++) {
  for (const [name, f] of stages) {
    const s = cpu();
    for (let i = 0; i < texts.length; i++) f(texts[i]!, i);
    const ms = cpu() - s;
    best.set(name, Math.min(best.get(name) ?? Infinity, ms));
  }
}
// Each stage's share inside detect()'s own order (figures, entities, claims per article), timed per call.
const inCtx = { figures: Infinity, entities: Infinity, claims: Infinity };
for (let r = 0; r < rounds; r++) {
  const acc = { figures: 0, entities: 0, claims: 0 };
  for (const t of texts) {
    withSharedTokens(t, () => {
      let s = cpu();
      const f = findFigures(t);
      let e2 = cpu();
      acc.figures += e2 - s;
      s = e2;
      const e = findEntities(t, { model });
      e2 = cpu();
      acc.entities += e2 - s;
      s = e2;
      findClaims(t, { entities: e, figures: f });
      acc.claims += cpu() - s;
    });
  }
  for (const k of ['figures', 'entities', 'claims'] as const) inCtx[k] = Math.min(inCtx[k], acc[k]);
}
console.log(`in detect()'s order, timed per call (min of rounds): figures ${inCtx.figures.toFixed(0)} ms, entities ${inCtx.entities.toFixed(0)} ms, claims ${inCtx.claims.toFixed(0)} ms`);
const whole = best.get('detect')!;
for (const [name] of stages) {
  const ms = best.get(name)!;
  console.log(`${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${(chars / ms / 1000).toFixed(2).padStart(6)} M chars/s  ${((100 * ms) / whole).toFixed(1).padStart(5)}% of detect`);
}
