// How long claim detection takes on top of entity and figure recognition, per 5,000 characters.
// Usage: npx tsc -p tsconfig.test.json && node out/scripts/claims/speed.js [FILE...]
// Without files it times the shared real article and the claim dev articles.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { stripBom } from '../../src/core/arabic';
import { findClaims } from '../../src/core/claims/index';
import { findEntities } from '../../src/core/entities/findEntities';
import { findFigures } from '../../src/core/figures/index';
import { installNodePlatform } from '../../src/platform/node/install';

installNodePlatform();

const root = path.resolve(__dirname, '..', '..', '..');
function defaultFiles(): string[] {
  const files: string[] = [];
  const shared = path.resolve(root, '..', 'shared', 'articles', 'iraq-coalition-redeployment.txt');
  if (existsSync(shared)) files.push(shared);
  const dev = path.join(root, 'test', 'fixtures', 'claims');
  if (existsSync(dev)) for (const f of readdirSync(dev)) if (f.endsWith('.txt')) files.push(path.join(dev, f));
  return files;
}

/** The entity model may be missing in a fresh checkout (it is built separately); time without it then. */
function entitiesOf(text: string): ReturnType<typeof findEntities> {
  try {
    return findEntities(text);
  } catch (e) {
    console.error(`(entities unavailable: ${(e as Error).message.split('\n')[0]})`);
    return [];
  }
}

const files = process.argv.length > 2 ? process.argv.slice(2) : defaultFiles();
for (const file of files) {
  const text = stripBom(readFileSync(file, 'utf8'));
  const context = { entities: entitiesOf(text), figures: findFigures(text) };
  const rounds = 2000;
  for (let i = 0; i < 200; i++) findClaims(text, context); // warm the JIT
  // CPU time, not wall time: on a shared machine the wall clock also counts other processes' turns.
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let n = 0;
  for (let i = 0; i < rounds; i++) n += findClaims(text, context).length;
  const wall = Number(process.hrtime.bigint() - t0) / 1e6 / rounds;
  const used = process.cpuUsage(c0);
  const cpu = (used.user + used.system) / 1000 / rounds;
  const per5k = (ms: number): string => ((ms * 5000) / Math.max(1, text.length)).toFixed(3);
  console.log(
    `${path.basename(file)}\t${text.length} chars\t${(n / rounds).toFixed(0)} claims\t` +
      `cpu ${cpu.toFixed(3)} ms (${per5k(cpu)} per 5,000 chars)\twall ${wall.toFixed(3)} ms (${per5k(wall)} per 5,000 chars)`,
  );
}
