// The modern-news yardstick (issue 16): hand labels for sentences of SaudiNewsNet articles, kept in
// the repository as labels only (data/modern-news/labels.jsonl: article index, a hash of its url, the sentence's
// offsets in the article's `content`, a short hash of its text, the set, and spans relative to the
// sentence). The text stays in ../shared/corpus (CC BY-NC-SA: never copied into the repository);
// this builder joins the two, checks every hash, and writes the span files that
// `npm run eval -- --spans FILE` reads (evaluate.ts readSpanFile), one per set, outside the repo's
// tracked files (out/modern-news/ by default). See data/modern-news/README.md.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const MODERN_SETS = ['A', 'B', 'C'] as const;
export type ModernSet = (typeof MODERN_SETS)[number];
const LABELS = ['PER', 'LOC', 'ORG', 'MISC'];

/** One labelled sentence: where it is in the corpus, and its spans ([start, end, label], in the sentence). */
export interface ModernLabel {
  article: number;
  /** First 12 hex digits of the SHA-256 of the article's url: checks the article without storing the
   * url, which for several sources carries the headline as a slug (corpus text). */
  urlHash: string;
  start: number;
  end: number;
  hash: string;
  set: ModernSet;
  spans: Array<[number, number, string]>;
}

/** The corpus fields the builder needs, by line index (the article index). */
export interface CorpusArticle {
  url: string;
  content: string;
}

/** First 12 hex digits of the SHA-256 of the sentence's text (UTF-8): enough to notice a changed corpus. */
export function sentenceHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/** The same 12 hex digits for an article's url. */
export function urlHash(url: string): string {
  return sentenceHash(url);
}

/**
 * The selection rule's sentences of one article: `content` cut at line breaks and after . ! ? ؟
 * followed by white space or the line's end, each piece trimmed; those of 5 to 50 white-space
 * words, in order, at most `max`. Offsets are into `content` (UTF-16, as JavaScript counts).
 */
export function pickSentences(content: string, max: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const lines = /[^\n]+/g;
  for (let m = lines.exec(content); m && out.length < max; m = lines.exec(content)) {
    const cuts = [0];
    for (const c of m[0].matchAll(/[.!?؟]+(?=\s|$)/g)) cuts.push(c.index! + c[0].length);
    cuts.push(m[0].length);
    for (let i = 0; i + 1 < cuts.length && out.length < max; i++) {
      let s = m.index + cuts[i]!;
      let e = m.index + cuts[i + 1]!;
      while (s < e && /\s/.test(content[s]!)) s++;
      while (e > s && /\s/.test(content[e - 1]!)) e--;
      const words = content.slice(s, e).split(/\s+/).filter(Boolean).length;
      if (words >= 5 && words <= 50) out.push({ start: s, end: e });
    }
  }
  return out;
}

function checkLabel(row: Partial<ModernLabel>, where: string): ModernLabel {
  const int = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
  if (!int(row.article) || !int(row.start) || !int(row.end) || row.end! <= row.start!) {
    throw new Error(`${where}: needs whole numbers "article", "start" and "end" (start < end)`);
  }
  const hex12 = (v: unknown): boolean => typeof v === 'string' && /^[0-9a-f]{12}$/.test(v);
  if (!hex12(row.urlHash) || !hex12(row.hash)) {
    throw new Error(`${where}: needs a 12-digit hex "urlHash" and "hash"`);
  }
  if (!(MODERN_SETS as readonly string[]).includes(row.set as string)) throw new Error(`${where}: "set" is A, B or C`);
  if (!Array.isArray(row.spans)) throw new Error(`${where}: needs "spans" (a list)`);
  const length = row.end! - row.start!;
  for (const s of row.spans) {
    const ok = Array.isArray(s) && s.length === 3 && int(s[0]) && int(s[1]) && s[0] < s[1] && s[1] <= length;
    if (!ok || !LABELS.includes(s[2])) throw new Error(`${where}: span ${JSON.stringify(s)} is not [start, end, PER|LOC|ORG|MISC] inside the sentence`);
  }
  return row as ModernLabel;
}

/** data/modern-news/labels.jsonl: one JSON object a line; a line that breaks the format throws, naming it. */
export function readLabels(file: string): ModernLabel[] {
  const out: ModernLabel[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, n) => {
    if (!line.trim()) return;
    let row: Partial<ModernLabel>;
    try {
      row = JSON.parse(line) as Partial<ModernLabel>;
    } catch (e) {
      throw new Error(`${file}:${n + 1}: not JSON (${(e as Error).message})`);
    }
    out.push(checkLabel(row, `${file}:${n + 1}`));
  });
  return out;
}

/** The corpus as JSON lines (SaudiNewsNet's `url` and `content`), indexed by line. */
export function readCorpus(file: string): CorpusArticle[] {
  if (!fs.existsSync(file)) throw new Error(`no corpus at ${file} (the SaudiNewsNet sample lives in ../shared/corpus/)`);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const a = JSON.parse(line) as Partial<CorpusArticle>;
      return { url: String(a.url ?? ''), content: String(a.content ?? '') };
    });
}

/** One row of a span file, as readSpanFile reads it (plus where the sentence came from). */
export interface SpanRow {
  article: number;
  text: string;
  spans: Array<{ start: number; end: number; label: string }>;
}

/**
 * The labelled sentences of the sets asked for, joined to their corpus text, in file order.
 * Throws when an article is missing, its url's hash differs, the offsets fall outside it, or the text
 * there no longer has the label's hash (a changed corpus: the labels would land on other words).
 */
export function buildSpanRows(labels: readonly ModernLabel[], corpus: readonly CorpusArticle[], sets: readonly ModernSet[]): SpanRow[] {
  return labels
    .filter((l) => sets.includes(l.set))
    .map((l) => {
      const where = `article ${l.article} [${l.start}, ${l.end})`;
      const a = corpus[l.article];
      if (!a) throw new Error(`${where}: the corpus has only ${corpus.length} articles`);
      if (urlHash(a.url) !== l.urlHash) throw new Error(`${where}: the corpus has another article there (url ${a.url}; its hash is not the label's ${l.urlHash})`);
      if (l.end > a.content.length) throw new Error(`${where}: the article's content is ${a.content.length} characters long`);
      const text = a.content.slice(l.start, l.end);
      if (text.includes('\n')) throw new Error(`${where}: the sentence spans a line break`);
      const hash = sentenceHash(text);
      if (hash !== l.hash) throw new Error(`${where}: text hash ${hash} does not match the label's ${l.hash} (has the corpus changed?)`);
      return { article: l.article, text, spans: l.spans.map(([start, end, label]) => ({ start, end, label })) };
    });
}

/** Writes one span file per set (`<dir>/<set>.jsonl`) and returns their paths. */
export function writeSpanFiles(labelsFile: string, corpusFile: string, sets: readonly ModernSet[], dir: string): string[] {
  const labels = readLabels(labelsFile);
  const corpus = readCorpus(corpusFile);
  fs.mkdirSync(dir, { recursive: true });
  return sets.map((set) => {
    const rows = buildSpanRows(labels, corpus, [set]);
    if (rows.length === 0) throw new Error(`${labelsFile}: no sentences in set ${set}`);
    const file = path.join(dir, `${set}.jsonl`);
    fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    return file;
  });
}

/** "A,B" → ['A', 'B']; anything but A, B, C throws. */
export function parseSets(value: string): ModernSet[] {
  const sets = value.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  for (const s of sets) if (!(MODERN_SETS as readonly string[]).includes(s)) throw new Error(`--modern: sets are A, B or C, not ${JSON.stringify(s)}`);
  if (sets.length === 0) throw new Error('--modern needs a set: A, B or C (e.g. --modern A)');
  return sets as ModernSet[];
}
