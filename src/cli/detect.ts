// `khabar detect [--format json|text] FILE...`: one JSON object per file (the public contract
// documented in the README), or a readable listing.

import { detect } from '../core/detect';
import { userListFor } from '../core/entities/userListFile';
import type { AnnotationKind, Detection } from '../core/types';
import { parseArgs, readArticle, UsageError } from './io';

export const DETECT_HELP = `Usage: khabar detect [options] FILE... (use - for stdin)

Prints what Khabar finds in each article: entities, figures and claims.

Options:
  --format json|text   json: one JSON object per file per line (default); text: one line per finding
  --kinds LIST         comma-separated subset of entity,figure,claim (default: all)
  --article-date DATE  the article's date (YYYY-MM-DD) for relative dates like "أمس"
  --max-size BYTES     refuse files larger than this (default 10 MB)
  --entities FILE      the user's entity list (default: the nearest .khabar/entities.yaml)
`;

export function runDetect(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const { flags, positional } = parseArgs(argv, {
    values: ['format', 'kinds', 'article-date', 'max-size', 'entities'],
    booleans: ['help'],
  });
  if (flags.has('help')) {
    out(DETECT_HELP);
    return 0;
  }
  const format = (flags.get('format') as string | undefined) ?? 'json';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not ${format}`);
  if (positional.length === 0) throw new UsageError('detect needs at least one FILE (or - for stdin)');
  const kinds = parseKinds(flags.get('kinds') as string | undefined);
  const articleDate = flags.get('article-date') as string | undefined;
  if (articleDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(articleDate)) {
    throw new UsageError('--article-date must be YYYY-MM-DD');
  }
  const maxSize = parseSize(flags.get('max-size') as string | undefined);
  let failed = 0;
  for (const file of positional) {
    const r = readArticle(file, maxSize);
    if (!r.ok) {
      err(`khabar: ${file}: ${r.reason}`);
      failed++;
      continue;
    }
    let annotations: Detection[];
    try {
      annotations = detect(r.text, {
        kinds,
        figures: articleDate ? { articleDate } : {},
        entities: { userList: userListFor(file, flags.get('entities') as string | undefined) },
      });
    } catch (e) {
      // A recogniser failing on one article must not cost the user the rest of the batch.
      err(`khabar: ${file}: internal error: ${(e as Error).message}`);
      failed++;
      continue;
    }
    if (format === 'json') {
      out(JSON.stringify({ file, annotations }));
    } else {
      out(formatText(file, r.text, annotations));
    }
  }
  return failed > 0 ? 1 : 0;
}

function parseKinds(v: string | undefined): ReadonlySet<AnnotationKind> | undefined {
  if (v === undefined) return undefined;
  const all: AnnotationKind[] = ['entity', 'figure', 'claim'];
  const set = new Set<AnnotationKind>();
  for (const k of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!all.includes(k as AnnotationKind)) throw new UsageError(`--kinds: unknown kind ${k} (use ${all.join(',')})`);
    set.add(k as AnnotationKind);
  }
  return set;
}

export function parseSize(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\s*([kKmMgG]?)[bB]?$/.exec(v);
  if (!m) throw new UsageError(`--max-size must be a size like 5000000, 500K or 20M, not ${v}`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * mult;
}

function formatText(file: string, text: string, annotations: readonly Detection[]): string {
  const lines: string[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const position = (offset: number): string => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${lo + 1}:${offset - lineStarts[lo]! + 1}`;
  };
  for (const a of annotations) {
    let extra = '';
    if (a.kind === 'figure') extra = ' ' + JSON.stringify(a.value);
    else if (a.kind === 'claim') extra = a.claimant ? ` claimant=${a.claimant.text}` : '';
    else if (a.canonical && a.canonical !== a.text) extra = ` = ${a.canonical}`;
    // Isolate the Arabic quote so a terminal lays the line out left to right.
    lines.push(`${file}:${position(a.start)}\t${a.kind}\t${a.label}\t\u2068${a.text.replace(/\s+/g, ' ')}\u2069${extra}`);
  }
  if (lines.length === 0) lines.push(`${file}: nothing found`);
  return lines.join('\n');
}
