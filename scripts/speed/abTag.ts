// tagText() (the entity tagger alone) of two source trees in ONE process over the same corpus articles, rounds alternating,
// so the machine's load hits both alike: checks the output is identical and prints the CPU-time
// ratio (the minimum round of each), and the model load of each. The old tree is any checkout of
// the repository (e.g. `git archive <commit> | tar -x -C /tmp/old`), reached through an alias:
//
//   (the old tree needs node_modules beside it: ln -s $PWD/node_modules /tmp/old/)
//   npx esbuild scripts/speed/abTag.ts --bundle --platform=node --alias:khabar-old=/tmp/old/src \
//     --alias:khabar-old-model=/tmp/old/src/core/entities/tagger \
//     --outfile=/tmp/abTag.js && nice -n 10 node /tmp/abTag.js [articles=300] [rounds=3] [corpus]
//
// khabar-old-model is the old tree's module with decodeModel and prepareModel: entities/tagger.ts
// since the renames of issue 19, entities/model.ts in a tree from before them. When the model
// file's format changed between the trees, give the old tree its own file (the same model in its
// layout): KHABAR_OLD_MODEL=/tmp/old/models/ner.model node /tmp/abTag.js …
import { tagText as tagNew } from '../../src/core/entities/findEntities';
import { loadBothModels, sameThenPaired } from './abRounds';
import { DEFAULT_CORPUS, sampleArticles } from './corpusSample';
// @ts-ignore -- resolved by esbuild's --alias to the old tree
import { tagText as tagOld } from 'khabar-old/core/entities/findEntities';

const N = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 3);
const { texts, chars } = sampleArticles(process.argv[4] ?? DEFAULT_CORPUS, N);
const { modelNew, modelOld } = loadBothModels();
sameThenPaired(texts, chars, rounds, (t) => tagOld(t, modelOld), (t) => tagNew(t, modelNew));
