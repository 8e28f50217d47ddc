// Figures: numbers, percentages, money, quantities, dates, times, durations, ordinals.
// First version: digit runs and per-cent forms only; the full recogniser replaces this module.

import type { FigureDetection } from '../types';

export interface FigureOptions {
  /** The article's own date (ISO yyyy-mm-dd) for resolving relative dates; found from the dateline when absent. */
  articleDate?: string;
}

const NUMBER = /[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*(\s*(?:%|٪|في الم[ائ]{1,2}ة|بالم[ائ]{1,2}ة))?/g;

export function findFigures(text: string, _options: FigureOptions = {}): FigureDetection[] {
  const out: FigureDetection[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    const digits = m[0].replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[,٬]/g, '').replace('٫', '.');
    const number = parseFloat(digits);
    out.push({
      kind: 'figure',
      label: m[1] ? 'PERCENT' : 'NUMBER',
      start,
      end,
      text: m[0],
      value: m[1] ? { number, unit: 'percent' } : { number },
    });
  }
  return out;
}
