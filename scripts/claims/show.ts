// Print the claim candidates of one article, for eyeballing the detector during development.
// Usage: npx tsc -p tsconfig.test.json && node out/scripts/claims/show.js FILE [--with-detect]

import { readFileSync } from 'node:fs';
import { stripBom } from '../../src/core/arabic';
import { findClaims } from '../../src/core/claims/index';
import { findEntities } from '../../src/core/entities/findEntities';
import { findFigures } from '../../src/core/figures/index';
import { installNodePlatform } from '../../src/platform/node/install';

installNodePlatform();

const file = process.argv[2];
if (!file) {
  console.error('usage: show.js FILE [--with-detect]');
  process.exit(2);
}
const text = stripBom(readFileSync(file, 'utf8'));
const withDetect = process.argv.includes('--with-detect');
const claims = findClaims(text, {
  entities: withDetect ? findEntities(text) : [],
  figures: withDetect ? findFigures(text) : [],
});
for (const c of claims) {
  const who = c.claimant ? `${c.claimant.text} @${c.claimant.start}` : '—';
  console.log(`[${c.start},${c.end}) ${c.checkWorthiness.toFixed(2)} cue=${c.cue} claimant=${who}\n    ${c.text.replace(/\s+/g, ' ')}`);
}
