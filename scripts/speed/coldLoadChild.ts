// One fresh process's model load and first article, stage by stage (CPU ms), printed as one JSON
// line: the child scripts/speed/coldLoad.js starts ten or more times per build. The article's
// text comes from the file named on the command line (a corpus article kept outside the repository).
import * as fs from 'fs';
import { detect } from '../../src/core/detect';
import { loadModel } from '../../src/core/entities/findEntities';
import { handLexicon } from '../../src/core/entities/lexicon';
import { installNodePlatform } from '../../src/platform/node/install';

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const text = fs.readFileSync(process.argv[2]!, 'utf8');
const staged = process.argv[3] !== 'whole';
installNodePlatform();
const t0 = cpu();
const w0 = performance.now();
const out: Record<string, number> = {};
if (staged) {
  handLexicon();
  const t1 = cpu();
  const model = loadModel();
  const t2 = cpu();
  void model.gaz.lex.size;
  const t3 = cpu();
  Object.assign(out, { hand: t1 - t0, load: t2 - t1, lex: t3 - t2 });
}
const t4 = cpu();
const found = detect(text).length;
const t5 = cpu();
out.detect = t5 - t4;
out.total = t5 - t0;
out.wall = performance.now() - w0;
out.found = found;
process.stdout.write(JSON.stringify(out) + '\n');
