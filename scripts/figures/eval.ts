// Scores findFigures on the hand-written dev and held-back sets (test/fixtures/figures/*.yaml; heldout2
// was written after the issue-16 rules were frozen and scored once):
// value-correct recall (gold figures found with the exact span, label and value) and span precision
// (predicted spans that are gold spans). `--verbose` lists every miss and every extra span.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { findFigures } from '../../src/core/figures/index';
import type { FigureLabel, FigureValue } from '../../src/core/types';

interface GoldFigure {
  text: string;
  occurrence?: number;
  label: FigureLabel;
  value: FigureValue;
}
interface Item {
  split: string;
  text: string;
  articleDate?: string;
  figures: GoldFigure[];
}
export interface Score {
  gold: number;
  valueCorrect: number;
  predicted: number;
  spanCorrect: number;
  recall: number;
  precision: number;
  problems: string[];
}

function sameValue(a: FigureValue, b: FigureValue): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof FigureValue>;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (typeof x === 'number' && typeof y === 'number') {
      if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x))) return false;
    } else if (x !== y) return false;
  }
  return true;
}

export function score(items: Item[]): Score {
  const s: Score = { gold: 0, valueCorrect: 0, predicted: 0, spanCorrect: 0, recall: 0, precision: 0, problems: [] };
  for (const item of items) {
    const gold = item.figures.map((g) => {
      let at = -1;
      for (let k = 0; k < (g.occurrence ?? 1); k++) at = item.text.indexOf(g.text, at + 1);
      if (at < 0) throw new Error(`gold text not in sentence: ${g.text} | ${item.text}`);
      return { ...g, start: at, end: at + g.text.length };
    });
    const pred = findFigures(item.text, { articleDate: item.articleDate, findDateline: false });
    s.gold += gold.length;
    s.predicted += pred.length;
    for (const g of gold) {
      const p = pred.find((x) => x.start === g.start && x.end === g.end);
      if (p && p.label === g.label && sameValue(p.value, g.value)) s.valueCorrect++;
      else {
        s.problems.push(
          `MISS ${g.label} «${g.text}» ${JSON.stringify(g.value)}` +
            (p ? `\n     got ${p.label} ${JSON.stringify(p.value)}` : '') +
            `\n     in: ${item.text}`,
        );
      }
    }
    for (const p of pred) {
      if (gold.some((g) => g.start === p.start && g.end === p.end)) s.spanCorrect++;
      else s.problems.push(`EXTRA ${p.label} «${p.text}» ${JSON.stringify(p.value)}\n     in: ${item.text}`);
    }
  }
  s.recall = s.gold ? s.valueCorrect / s.gold : 1;
  s.precision = s.predicted ? s.spanCorrect / s.predicted : 1;
  return s;
}

function load(file: string): Item[] {
  return parse(readFileSync(file, 'utf8')) as Item[];
}

if (require.main === module) {
  const dir = resolve('test/fixtures/figures'); // run from the repo root
  const verbose = process.argv.includes('--verbose');
  for (const name of ['dev', 'heldout', 'heldout2']) {
    const r = score(load(`${dir}/${name}.yaml`));
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `${name.padEnd(8)} value-correct recall ${pct(r.recall)} (${r.valueCorrect}/${r.gold})   ` +
        `span precision ${pct(r.precision)} (${r.spanCorrect}/${r.predicted})`,
    );
    if (verbose) for (const p of r.problems) console.log('  ' + p);
  }
}
