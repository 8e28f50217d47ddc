// Developer aid: list the spans the document rules added on the dev split, with the gold tags.
import * as fs from 'fs';
import { findEntities } from '../../src/core/entities/index';
import { decodeModel } from '../../src/core/entities/model';
import { joinSentences } from './evaluate';
import { readConll } from './train';

const all = readConll('../shared/data/anercorp-train/train.txt');
const dev = all.slice(Math.round(all.length * 0.9));
const model = decodeModel(fs.readFileSync('out/ner/dev.model.gz'));
const { text } = joinSentences(dev);
const goldAt = new Map<number, string>();
const names = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'];
let pos = 0;
for (const s of dev) {
  s.tokens.forEach((t, i) => {
    goldAt.set(pos, names[s.labels[i]!]!);
    pos += t.length + 1;
  });
}
const source = process.argv[2] ?? 'document';
for (const e of findEntities(text, { model })) {
  if (e.source !== source) continue;
  console.log(e.label, e.text, '|', goldAt.get(e.start), '|', text.slice(Math.max(0, e.start - 30), e.end + 20).replace(/\n/g, ' / '));
}
