// One fresh process's first figure scan, as one JSON line for scripts/speed/coldLoad.js: the word
// lists' indexing (ensureLexicon, on the first scan) and the first findFigures of the article named
// on the command line, CPU ms. Bundle it from each tree to compare (the lexicon module of trees
// before the generated records has the same ensureLexicon entry point):
//
//   npx esbuild scripts/speed/coldFiguresChild.ts --bundle --platform=node --outfile=out/coldFigures.js
//   nice -n 10 node scripts/speed/coldLoad.js ARTICLE.txt 20 staged OLD/out/coldFigures.js out/coldFigures.js
import * as fs from 'fs';
import { findFigures } from '../../src/core/figures/index';
import { ensureLexicon } from '../../src/core/figures/lexicon';

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const text = fs.readFileSync(process.argv[2]!, 'utf8');
const t0 = cpu();
ensureLexicon();
const t1 = cpu();
const found = findFigures(text).length;
const t2 = cpu();
process.stdout.write(JSON.stringify({ lexicon: t1 - t0, firstScan: t2 - t1, total: t2 - t0, found }) + '\n');
