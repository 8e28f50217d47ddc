// conlleval-style scoring of the whole entity pipeline: sentences become one line each (tokens
// joined by single spaces, as the held-out harness feeds `khabar detect`), findEntities runs on
// that text, and its character spans are mapped back to the tokens.

import { findEntities, type EntityOptions } from '../../src/core/entities/findEntities';
import { labelType, TYPES } from '../../src/core/entities/features';
import * as fs from 'fs';
import type { EntityDetection } from '../../src/core/types';
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

/** A span file read as one document: sentences joined by line breaks, gold spans moved with them. */
export interface SpanDocument {
  text: string;
  lines: number;
  /** Where each sentence starts in `text`. */
  lineStarts: number[];
  gold: Array<{ start: number; end: number; label: string }>;
}

/**
 * JSON lines, one sentence each: {"text": "...", "spans": [{"start", "end", "label"}]} with
 * offsets into that sentence's text (UTF-16, as JavaScript counts) and labels PER, LOC, ORG, MISC.
 */
export function readSpanFile(file: string): SpanDocument {
  if (!fs.existsSync(file)) throw new Error(`--spans: no file at ${file}`);
  const doc: SpanDocument = { text: '', lines: 0, lineStarts: [], gold: [] };
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, n) => {
    if (!line.trim()) return;
    let row: { text?: unknown; spans?: unknown };
    try {
      row = JSON.parse(line) as typeof row;
    } catch (e) {
      throw new Error(`${file}:${n + 1}: not JSON (${(e as Error).message})`);
    }
    if (typeof row.text !== 'string' || row.text.includes('\n') || !Array.isArray(row.spans)) {
      throw new Error(`${file}:${n + 1}: needs "text" (one line) and "spans" (a list)`);
    }
    const at = doc.text.length;
    doc.lineStarts.push(at);
    for (const s of row.spans as Array<{ start?: unknown; end?: unknown; label?: unknown }>) {
      const { start, end, label } = s;
      if (typeof start !== 'number' || typeof end !== 'number' || !(start >= 0 && start < end && end <= row.text.length)) {
        throw new Error(`${file}:${n + 1}: span ${JSON.stringify(s)} is outside the text`);
      }
      if (typeof label !== 'string' || !(TYPES as readonly string[]).includes(label) || label === 'O') {
        throw new Error(`${file}:${n + 1}: label ${JSON.stringify(label)} is not PER, LOC, ORG or MISC`);
      }
      doc.gold.push({ start: at + start, end: at + end, label });
    }
    doc.text += row.text + '\n';
    doc.lines++;
  });
  return doc;
}

const ARABIC_LETTER = /[\u0621-\u064a\u0671-\u06d3]/;

/** Exact-span scores, and the same with both sides' spans widened to whole words (proclitics in). */
export function scoreSpans(doc: SpanDocument, found: readonly EntityDetection[]): { exact: Score; words: Score } {
  const widen = (start: number): number => {
    while (start > 0 && ARABIC_LETTER.test(doc.text[start - 1]!)) start--;
    return start;
  };
  const run = (wide: boolean): Score => {
    const byType: Record<string, Counts> = {};
    for (const t of TYPES.slice(1)) byType[t] = { tp: 0, fp: 0, fn: 0 };
    const micro = { tp: 0, fp: 0, fn: 0 };
    const key = (s: number, e: number, l: string): string => `${wide ? widen(s) : s}:${e}:${l}`;
    const gold = new Set(doc.gold.map((g) => key(g.start, g.end, g.label)));
    const pred = new Set(found.map((f) => key(f.start, f.end, f.label)));
    for (const k of pred) {
      const c = byType[k.split(':')[2]!]!;
      if (gold.has(k)) (c.tp++, micro.tp++);
      else (c.fp++, micro.fp++);
    }
    for (const k of gold) if (!pred.has(k)) (byType[k.split(':')[2]!]!.fn++, micro.fn++);
    return { byType, micro };
  };
  return { exact: run(false), words: run(true) };
}

/** Each sentence with a difference: the gold spans missed (−) and the predicted ones that are wrong (+). */
export function formatSpanErrors(doc: SpanDocument, found: readonly EntityDetection[]): string {
  const gold = new Set(doc.gold.map((g) => `${g.start}:${g.end}:${g.label}`));
  const pred = new Set(found.map((f) => `${f.start}:${f.end}:${f.label}`));
  const out: string[] = [];
  doc.lineStarts.forEach((at, n) => {
    const end = n + 1 < doc.lineStarts.length ? doc.lineStarts[n + 1]! : doc.text.length;
    const show = (s: { start: number; end: number; label: string }): string => `${s.label}«${doc.text.slice(s.start, s.end)}»`;
    const missed = doc.gold.filter((g) => g.start >= at && g.start < end && !pred.has(`${g.start}:${g.end}:${g.label}`));
    const wrong = found.filter((f) => f.start >= at && f.start < end && !gold.has(`${f.start}:${f.end}:${f.label}`));
    if (missed.length + wrong.length === 0) return;
    out.push(`${n}: ${doc.text.slice(at, end - 1)}`);
    for (const g of missed) out.push(`   − ${show(g)}`);
    for (const f of wrong) out.push(`   + ${show(f)} (${f.source ?? 'model'})`);
  });
  return out.join('\n');
}
