// conlleval-style scoring of the whole entity pipeline: sentences become one line each (tokens
// joined by single spaces, as the held-out harness feeds `khabar detect`), findEntities runs on
// that text, and its character spans are mapped back to the tokens.

import { findEntities, type EntityOptions } from '../../src/core/entities/index';
import { labelType, TYPES } from '../../src/core/entities/features';
import type { Sentence } from './train';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  byType: Record<string, Counts>;
  micro: Counts;
}

interface Chunk {
  sent: number;
  start: number;
  end: number;
  type: number;
}

/** Chunks as conlleval reads BIO: an I- after O or another type opens a chunk too. */
function chunks(labels: readonly number[], sent: number): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | undefined;
  for (let i = 0; i <= labels.length; i++) {
    const y = i < labels.length ? labels[i]! : 0;
    const t = labelType(y);
    const begins = y !== 0 && ((y & 1) === 1 || !cur || cur.type !== t);
    if (cur && (y === 0 || begins)) {
      cur.end = i;
      out.push(cur);
      cur = undefined;
    }
    if (begins) cur = { sent, start: i, end: i + 1, type: t };
  }
  return out;
}

export function joinSentences(sentences: readonly Sentence[]): { text: string; starts: number[][] } {
  const starts: number[][] = [];
  let text = '';
  for (const s of sentences) {
    const st: number[] = [];
    for (let i = 0; i < s.tokens.length; i++) {
      if (i > 0) text += ' ';
      st.push(text.length);
      text += s.tokens[i];
    }
    starts.push(st);
    text += '\n';
  }
  return { text, starts };
}

/** Predicted BIO labels per sentence, from findEntities's spans over the joined text. */
export function predictLabels(sentences: readonly Sentence[], options: EntityOptions): number[][] {
  const { text, starts } = joinSentences(sentences);
  const found = findEntities(text, options);
  const pred = sentences.map((s) => new Array<number>(s.tokens.length).fill(0));
  // Token index by character: walk sentences in order.
  const flat: Array<{ sent: number; tok: number; start: number; end: number }> = [];
  sentences.forEach((s, si) =>
    s.tokens.forEach((t, ti) => flat.push({ sent: si, tok: ti, start: starts[si]![ti]!, end: starts[si]![ti]! + t.length })),
  );
  let k = 0;
  for (const e of found) {
    while (k < flat.length && flat[k]!.end <= e.start) k++;
    let first = true;
    const type = (TYPES as readonly string[]).indexOf(e.label);
    for (let j = k; j < flat.length && flat[j]!.start < e.end; j++) {
      const f = flat[j]!;
      pred[f.sent]![f.tok] = first ? 2 * type - 1 : 2 * type;
      first = false;
    }
  }
  return pred;
}

export function score(gold: readonly Sentence[], pred: readonly number[][]): Score {
  const byType: Record<string, Counts> = {};
  for (const t of TYPES.slice(1)) byType[t] = { tp: 0, fp: 0, fn: 0 };
  const micro = { tp: 0, fp: 0, fn: 0 };
  gold.forEach((s, si) => {
    const g = chunks(s.labels, si);
    const p = chunks(pred[si]!, si);
    const gk = new Set(g.map((c) => `${c.start}:${c.end}:${c.type}`));
    const pk = new Set(p.map((c) => `${c.start}:${c.end}:${c.type}`));
    for (const c of p) {
      const b = byType[TYPES[c.type]!]!;
      if (gk.has(`${c.start}:${c.end}:${c.type}`)) {
        b.tp++;
        micro.tp++;
      } else {
        b.fp++;
        micro.fp++;
      }
    }
    for (const c of g) {
      if (!pk.has(`${c.start}:${c.end}:${c.type}`)) {
        byType[TYPES[c.type]!]!.fn++;
        micro.fn++;
      }
    }
  });
  return { byType, micro };
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p: 100 * p, r: 100 * r, f: 100 * f };
}

export function formatScore(s: Score, title: string): string {
  const rows = [`${title}`, '', '| type | precision | recall | F1 | gold | predicted |', '|---|---:|---:|---:|---:|---:|'];
  const row = (name: string, c: Counts): string => {
    const { p, r, f } = prf(c);
    return `| ${name} | ${p.toFixed(2)} | ${r.toFixed(2)} | ${f.toFixed(2)} | ${c.tp + c.fn} | ${c.tp + c.fp} |`;
  };
  for (const t of TYPES.slice(1)) rows.push(row(t, s.byType[t]!));
  rows.push(row('**micro**', s.micro));
  // AQMAR's MIS* classes (chemical elements, software, scripts) are far broader than ANERcorp's
  // MISC: the three name types alone are the fairer cross-corpus comparison.
  const names = { tp: 0, fp: 0, fn: 0 };
  for (const t of ['PER', 'LOC', 'ORG']) for (const k of ['tp', 'fp', 'fn'] as const) names[k] += s.byType[t]![k];
  rows.push(row('micro, PER + LOC + ORG', names));
  return rows.join('\n');
}
