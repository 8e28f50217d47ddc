// One big file in a fresh process, as `khabar detect` sees it: `node bench/tmp/bigfile.js FILE`
// prints {chars, detectMs, tokenizeMs, modelMs, baseRssMB, peakRssMB} as JSON. A child per size
// so that each peak RSS is that file's alone (the bench's own process holds the whole corpus).
import * as fs from 'fs';
import { tokenize } from '../src/core/arabic';
import { detect } from '../src/core/detect';
import { loadModel } from '../src/core/entities/findEntities';
import { installNodePlatform } from '../src/platform/node/install';
import { cpuMs } from './clock';

// The core reads the shipped model through the platform layer, as the CLI and run.ts install it.
installNodePlatform();

export interface BigFileResult {
  chars: number;
  detectMs: number;
  tokenizeMs: number;
  modelMs: number;
  /** RSS with the model loaded and the text read, before detection. */
  baseRssMB: number;
  peakRssMB: number;
  found: number;
  /** With `--again`: a second detect() of the same text in the same process (every word seen, the
   * code optimised), CPU ms — what the per-article rows measure, as against the first, cold call. */
  againMs?: number;
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: bigfile.js FILE [--again]');
  let t = cpuMs();
  loadModel();
  const modelMs = cpuMs() - t;
  const text = fs.readFileSync(file, 'utf8');
  t = cpuMs();
  tokenize(text);
  const tokenizeMs = cpuMs() - t;
  (globalThis as { gc?: () => void }).gc?.();
  const baseRssMB = process.memoryUsage().rss / 2 ** 20;
  t = cpuMs();
  const found = detect(text).length;
  const detectMs = cpuMs() - t;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  const result: BigFileResult = { chars: text.length, detectMs, tokenizeMs, modelMs, baseRssMB, peakRssMB, found };
  if (process.argv.includes('--again')) {
    t = cpuMs();
    detect(text);
    result.againMs = cpuMs() - t;
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

main();
