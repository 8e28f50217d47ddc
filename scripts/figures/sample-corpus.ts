// Development aid: print figures found in random SaudiNewsNet sentences (read by path, printed to the
// terminal only — the corpus is never copied into the repository) to see what the scanner misses.
// Usage: sample-corpus [count] [seed] [--label=DATE] [--misses]  (--misses: digit runs not inside a figure)

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFigures } from '../../src/core/figures/index';

const args = process.argv.slice(2);
const count = parseInt(args.find((a) => /^\d+$/.test(a)) ?? '40', 10);
const seed = parseInt(args.filter((a) => /^\d+$/.test(a))[1] ?? '1', 10);
const label = args.find((a) => a.startsWith('--label='))?.slice(8);
const misses = args.includes('--misses');
const corpus = resolve(process.env.KHABAR_CORPUS ?? '../shared/corpus/saudinewsnet-3000.jsonl'); // run from the repo root
const lines = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim());

let state = seed;
const random = (): number => {
  state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
  return state / 0x7fffffff;
};

let shown = 0;
for (let tries = 0; shown < count && tries < 100000; tries++) {
  const line = Math.floor(random() * lines.length);
  const text = (JSON.parse(lines[line]) as { content: string }).content;
  const figs = findFigures(text).filter((f) => !label || f.label === label);
  if (misses) {
    const covered = new Uint8Array(text.length);
    for (const f of findFigures(text)) covered.fill(1, f.start, f.end);
    for (const m of text.matchAll(/[0-9٠-٩]+/g)) {
      if (!covered[m.index] && shown < count) {
        console.log(`${line}:${m.index}  …${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\n/g, ' ')}…`);
        shown++;
        break;
      }
    }
    continue;
  }
  if (figs.length === 0) continue;
  const f = figs[Math.floor(random() * figs.length)];
  const ctx = `${text.slice(Math.max(0, f.start - 30), f.start)}[[${f.text}]]${text.slice(f.end, f.end + 30)}`.replace(/\n/g, ' ');
  console.log(`${line}:${f.start} ${f.label} ${JSON.stringify(f.value)}  ${ctx}`);
  shown++;
}
