#!/usr/bin/env node
// Cold model load and first article in fresh processes, builds alternating: each build is a bundle
// of scripts/speed/coldLoadChild.ts (from its own source tree, so it finds that tree's models/),
// started N times per build; prints min and median of each stage (CPU ms) per build.
//
//   npx esbuild scripts/speed/coldLoadChild.ts --bundle --platform=node --outfile=out/coldLoad.js
//   nice -n 10 node scripts/speed/coldLoad.js ARTICLE.txt [N=10] [staged|whole] BUNDLE…
const { execFileSync } = require('child_process');

const [article, n = '10', mode = 'staged', ...bundles] = process.argv.slice(2);
if (!article || bundles.length === 0) {
  console.error('usage: coldLoad.js ARTICLE.txt [N] [staged|whole] BUNDLE…');
  process.exit(2);
}
const runs = bundles.map(() => []);
for (let r = 0; r < Number(n); r++) {
  bundles.forEach((b, i) => {
    runs[i].push(JSON.parse(execFileSync(process.execPath, [b, article, mode], { encoding: 'utf8' })));
  });
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
bundles.forEach((b, i) => {
  const keys = Object.keys(runs[i][0]).filter((k) => k !== 'found');
  const found = new Set(runs[i].map((x) => x.found));
  const parts = keys.map((k) => {
    const xs = runs[i].map((x) => x[k]);
    return `${k} ${Math.min(...xs).toFixed(1)}/${median(xs).toFixed(1)}`;
  });
  console.log(`${b}: ${parts.join(', ')} (min/median ms of ${runs[i].length}; findings ${[...found].join(',')})`);
});
