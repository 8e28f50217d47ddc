// Export throughput on a corpus (default: the shared 3,000-article SaudiNewsNet sample, read in place):
// detect every article, then export all of them in every format and print MB/s and peak heap.
// Run: npx esbuild scripts/benchExport.ts --bundle --platform=node --outfile=/tmp/benchExport.js && node /tmp/benchExport.js [CORPUS.jsonl]

import * as fs from 'fs';
import * as path from 'path';
import { detect } from '../src/core/detect';
import { benchExport, formatExportBench } from '../bench/exportBench';
import { detectionsToRecords } from '../src/core/export/fromDetections';
import type { ExportArticle } from '../src/core/export/types';
import { installNodePlatform } from '../src/platform/node/install';

installNodePlatform();

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cacheAt = args.indexOf('--cache');
  // --cache FILE keeps the detected articles between runs (outside the repo: the corpus is never copied in).
  const cache = cacheAt >= 0 ? args.splice(cacheAt, 2)[1] : undefined;
  if (cache && fs.existsSync(cache)) {
    const cached = JSON.parse(fs.readFileSync(cache, 'utf8')) as ExportArticle[];
    process.stdout.write(formatExportBench(await benchExport(cached)) + '\n');
    return;
  }
  // The shared folder beside the clone (run from the clone's root), or KHABAR_SHARED; never a copy inside the repo.
  const corpus = args[0] ?? path.join(process.env['KHABAR_SHARED'] ?? path.resolve('..', 'shared'), 'corpus', 'saudinewsnet-3000.jsonl');
  const lines = fs.readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const articles: ExportArticle[] = [];
  const t0 = performance.now();
  lines.forEach((line, i) => {
    const o = JSON.parse(line) as { content?: string; url?: string; date?: string; title?: string };
    const text = o.content ?? '';
    const a: ExportArticle = { path: `corpus/${String(i + 1).padStart(5, '0')}.txt`, text, records: detectionsToRecords(text, detect(text)) };
    if (o.url) a.url = o.url;
    if (o.date) a.date = o.date;
    if (o.title) a.title = o.title;
    articles.push(a);
  });
  if (cache) fs.writeFileSync(cache, JSON.stringify(articles));
  process.stderr.write(`detected ${articles.length} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const rows = await benchExport(articles);
  process.stdout.write(formatExportBench(rows) + '\n');
  const slowest = rows.reduce((m, r) => Math.min(m, r.mbPerSecond), Infinity);
  process.stdout.write(`slowest format: ${slowest.toFixed(1)} MB/s (target ≥ 5)\n`);
}

void main();
