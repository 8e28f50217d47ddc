// The entity model's cold load and the first article's wait, each in a fresh process: what a
// session really pays once (the warm load in pieces.ts measureModelLoad runs code already compiled).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BigFileResult } from './bigFile';
import type { Results } from './types';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/**
 * The model load a session really pays, cold, and what the first article waits for: bench/tmp/bigfile.js
 * in 11 fresh processes on one small corpus article (1,000–2,000 characters): its `loadModel()`
 * (hand lists, gunzip, decode, prepare) and then that load plus tokenising and `detect()`ing the
 * article, CPU time; min and median. The article goes to the system's temporary folder and is deleted.
 */
export function measureColdStart(articles: readonly string[]): NonNullable<Results['modelLoadCold']> {
  const article = articles.find((a) => a.length >= 1000 && a.length <= 2000);
  if (!article) return { ms: null, note: 'n/a (no corpus article of 1,000–2,000 characters)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-bench-'));
  const file = path.join(dir, 'article.txt');
  fs.writeFileSync(file, article);
  // bench/tmp/bigfile.js, built beside this bundle (bench/build.js).
  const script = path.join(__dirname, 'bigfile.js');
  const load: number[] = [];
  const first: number[] = [];
  try {
    for (let i = 0; i < 11; i++) {
      const r = JSON.parse(execFileSync(process.execPath, [script, file], { encoding: 'utf8' })) as BigFileResult;
      load.push(r.modelMs);
      first.push(r.modelMs + r.tokenizeMs + r.detectMs);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const lo = (xs: number[]): number => Math.min(...xs);
  return {
    ms: median(load),
    firstArticleMs: median(first),
    note: `median of 11 fresh processes (min ${lo(load).toFixed(1)} ms); with the first article of ${article.length.toLocaleString('en')} chars tokenised and detect()ed: median ${median(first).toFixed(1)} ms, min ${lo(first).toFixed(1)} ms`,
  };
}
