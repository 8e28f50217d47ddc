// Evenly spread articles of a JSON Lines corpus (`content` or `text` per line) for the speed scripts.
import * as fs from 'fs';
import * as path from 'path';

/** The default corpus: ../shared beside the repository, read by path, never copied into it. */
export const DEFAULT_CORPUS = path.resolve(process.cwd(), '..', 'shared', 'corpus', 'saudinewsnet-3000.jsonl');

/** Up to `n` non-empty article texts taken at an even step through the file, and their total length. */
export function sampleArticles(corpus: string, n: number): { texts: string[]; chars: number } {
  const lines = fs.readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim());
  const step = Math.max(1, Math.floor(lines.length / n));
  const texts: string[] = [];
  for (let i = 0; i < lines.length && texts.length < n; i += step) {
    const o = JSON.parse(lines[i]!) as { content?: unknown; text?: unknown };
    const t = o.content ?? o.text;
    if (typeof t === 'string' && t.trim()) texts.push(t);
  }
  return { texts, chars: texts.reduce((a, t) => a + t.length, 0) };
}
