// Writes src/core/figures/lexiconData.generated.ts: the figure word lists of lexicon.ts expanded
// into every spelling (lexiconExpand.ts), so the extension indexes records instead of expanding
// ten thousand spellings on its first scan. Run after changing the lists:
//
//   npx esbuild scripts/figures/genLexicon.ts --bundle --platform=node --outfile=out/scripts/genLexicon.js && node out/scripts/genLexicon.js
//
// test/unit/figuresLexicon.test.ts fails while the file is stale.
import * as fs from 'fs';
import * as path from 'path';
import { generatedLexiconSource } from '../../src/core/figures/lexiconExpand';

const file = path.resolve(__dirname, '..', '..', 'src', 'core', 'figures', 'lexiconData.generated.ts');
const text = generatedLexiconSource();
const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
if (old === text) console.log(`${path.relative(process.cwd(), file)} is up to date`);
else {
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(process.cwd(), file)} (${text.length} characters)`);
}
