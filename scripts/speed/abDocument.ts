// The document rules alone (applyDocument: propagation, canonical forms, the list rules) of two
// source trees in ONE process, rounds alternating, on the same tagger output: finer than
// abDetect.ts for a lever of a few percent of detect(), which the tagger's time and the machine's
// noise would hide. Each article is tagged once (the new tree's tagText), its tokens and words
// prepared once per tree (each tree its own word objects, whose rule bits fill on first use), then
// applyDocument of each tree is timed on copies of the spans; the outputs must be identical.
//
//   npx esbuild scripts/speed/abDocument.ts --bundle --platform=node --alias:khabar-old=/tmp/old/src \
//     --alias:khabar-old-model=/tmp/old/src/core/entities/tagger \
//     --outfile=/tmp/abDocument.js && nice -n 10 node /tmp/abDocument.js [articles=600] [rounds=15] [corpus]
//
// Prints the minimum round of each, old/new on it, and the median of the paired rounds' ratios.
//
// The two sides are not symmetric: the same tree on both sides (A/A) reads 0.90-0.94x, against the
// side named new. So run it both ways (a second bundle built from the old tree with the alias
// pointing at the new one) and take the lever's ratio as sqrt(direct / swapped), which cancels that
// bias: sqrt(1.023 / 0.892) = 1.07x, say.
import * as path from 'path';
import { tokenize, type Token } from '../../src/core/arabic';
import { applyDocument, type DocWord } from '../../src/core/entities/document';
import { tagText } from '../../src/core/entities/findEntities';
import { cliticForms, foldWord } from '../../src/core/entities/normalize';
import { decodeModel, prepareModel } from '../../src/core/entities/tagger';
import type { EntityDetection } from '../../src/core/types';
import { readModelBytes } from '../../src/platform/node/nerModelFile';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';
// @ts-ignore -- resolved by esbuild's --alias to the old tree
import { applyDocument as applyOld } from 'khabar-old/core/entities/document';
// @ts-ignore -- resolved by esbuild's --alias to the old tree's model module
import { decodeModel as decodeOld, prepareModel as prepareOld } from 'khabar-old-model';

const N = Number(process.argv[2] ?? 600);
const rounds = Number(process.argv[3] ?? 15);
const { texts, chars } = sampleArticles(process.argv[4] ?? DEFAULT_CORPUS, N);
const modelPath = path.resolve(process.cwd(), 'models', 'ner.model');
const modelNew = prepareModel(decodeModel(readModelBytes(modelPath)));
const modelOld = prepareOld(decodeOld(readModelBytes(process.env.KHABAR_OLD_MODEL ?? modelPath)));
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Prepared {
  text: string;
  found: EntityDetection[];
  tokens: Token[];
  words: { new: DocWord[]; old: DocWord[] };
}
/** One word object per distinct token per tree, as the tagger's word cache shares them. */
const wordCache = { new: new Map<string, DocWord>(), old: new Map<string, DocWord>() };
const wordOf = (tree: 'new' | 'old', raw: string): DocWord => {
  let w = wordCache[tree].get(raw);
  if (!w) {
    const norm = foldWord(raw);
    wordCache[tree].set(raw, (w = { norm, forms: cliticForms(norm), doc: -1, club: 0 }));
  }
  return w;
};
const prepared: Prepared[] = texts.map((text) => {
  const tokens = tokenize(text);
  return {
    text,
    found: tagText(text, modelNew),
    tokens,
    words: { new: tokens.map((t) => wordOf('new', t.text)), old: tokens.map((t) => wordOf('old', t.text)) },
  };
});
const copy = (found: EntityDetection[]): EntityDetection[] => found.map((e) => ({ ...e }));
type Apply = (text: string, found: EntityDetection[], model: unknown, options: object, shared: object) => EntityDetection[];
const runOnce = (apply: Apply, tree: 'new' | 'old', model: unknown, p: Prepared): EntityDetection[] =>
  apply(p.text, copy(p.found), model, {}, { tokens: p.tokens, words: p.words[tree] });

let same = 0;
for (const p of prepared) {
  if (JSON.stringify(runOnce(applyDocument as Apply, 'new', modelNew, p)) === JSON.stringify(runOnce(applyOld as Apply, 'old', modelOld, p))) same++;
}
// Old and new alternate article by article (the order flipping each round), so a change in the
// machine's load falls on both alike; a round's time is the sum over its articles.
const o: number[] = [];
const n: number[] = [];
for (let r = 0; r < rounds; r++) {
  let to = 0;
  let tn = 0;
  for (const p of prepared) {
    for (let side = 0; side < 2; side++) {
      const isNew = (side + r) % 2 === 0;
      const s = cpu();
      if (isNew) runOnce(applyDocument as Apply, 'new', modelNew, p);
      else runOnce(applyOld as Apply, 'old', modelOld, p);
      const d = cpu() - s;
      if (isNew) tn += d;
      else to += d;
    }
  }
  o.push(to);
  n.push(tn);
}
const min = (a: number[]): number => Math.min(...a);
const ratios = o.map((x, i) => x / n[i]!).sort((a, b) => a - b);
console.log(`identical output: ${same}/${prepared.length} articles`);
console.log(
  `${prepared.length} articles, ${chars} chars: applyDocument old ${min(o).toFixed(0)} ms, new ${min(n).toFixed(0)} ms, ` +
    `old/new ${(min(o) / min(n)).toFixed(3)}x on the minimum, median paired ${ratios[ratios.length >> 1]!.toFixed(3)}x`,
);
process.exit(same === prepared.length ? 0 : 1);
