// Every claim of a range of corpus articles as JSON lines (article, span, cue, claimant, text), as
// detect() gives them (entities and figures included), for sampling and judging by hand outside the
// repository, and for comparing two trees' claimants. The corpus is read by path, never copied.
//
//   npx esbuild scripts/claims/dump.ts --bundle --platform=node --outfile=/tmp/claimsDump.js
//   node /tmp/claimsDump.js FROM TO > claims.jsonl      (articles FROM ≤ n < TO, n = line index)
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { stripBom } from '../../src/core/arabic';
import { detect } from '../../src/core/detect';
import { installNodePlatform } from '../../src/platform/node/install';

installNodePlatform();
const corpus = process.env.KHABAR_CORPUS ?? path.resolve(process.cwd(), '..', 'shared', 'corpus', 'saudinewsnet-3000.jsonl');
const from = Number(process.argv[2] ?? 0);
const to = Number(process.argv[3] ?? from + 1);
const lines = readFileSync(corpus, 'utf8').split('\n');
for (let n = from; n < to && n < lines.length; n++) {
  if (!lines[n]!.trim()) continue;
  const o = JSON.parse(lines[n]!) as { title?: string; content?: string };
  const text = stripBom(`${o.title ?? ''}\n\n${o.content ?? ''}`);
  for (const d of detect(text)) {
    if (d.kind !== 'claim') continue;
    const c = d as typeof d & { cue?: string; claimant?: { text: string; start: number } };
    process.stdout.write(
      JSON.stringify({ n, start: d.start, end: d.end, cue: c.cue, claimant: c.claimant?.text ?? null, at: c.claimant?.start ?? null, text: d.text }) + '\n',
    );
  }
}
