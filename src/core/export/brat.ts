// brat standoff: `name.ann` beside a copy of the text `name.txt`, offsets in code points. Claims get a
// Verdict attribute, notes an AnnotatorNotes line, claimants a claimant_of relation, and unreviewed
// suggestions a Suggested attribute so an import brings them back as suggestions.

import type { PreparedArticle } from './prepare';
import { safeRelativePath } from './paths';
import { ExportError, type ExportFiles, type FormatWriter } from './types';

/** brat pairs `X.txt` with `X.ann`; non-.txt articles keep their extension in X so names never collide. */
export function bratBaseName(articlePath: string): string {
  return articlePath.endsWith('.txt') ? articlePath.slice(0, -4) : articlePath;
}

/** The `.ann` text. A span crossing a line break becomes discontinuous fragments, as brat requires. */
export function bratAnn(p: PreparedArticle): string {
  const text = p.article.text;
  const lines: string[] = [];
  const tIds = new Map<string, string>();
  p.records.forEach((r, i) => tIds.set(r.id, `T${i + 1}`));
  let a = 0;
  let note = 0;
  let rel = 0;
  const extra: string[] = [];
  for (const r of p.records) {
    const t = tIds.get(r.id)!;
    const frags: Array<[number, number]> = [];
    const re = /[^\r\n]+/g;
    const exact = r.target.exact;
    for (let m = re.exec(exact); m; m = re.exec(exact)) {
      const s = r.target.start + m.index;
      frags.push([s, s + m[0].length]);
    }
    // Fragments cannot hold line breaks, so one at either end would silently leave the span.
    if (frags.length === 0 || /^[\r\n]|[\r\n]$/.test(exact)) {
      throw new ExportError('brat cannot hold a span that starts or ends with a line break', p.article.path, r.id);
    }
    const offsets = frags.map(([s, e]) => `${p.index.toCodePoint(s)} ${p.index.toCodePoint(e)}`).join(';');
    const quote = frags.map(([s, e]) => text.slice(s, e)).join(' ');
    lines.push(`${t}\t${r.label} ${offsets}\t${quote}`);
    if (r.status === 'suggested') extra.push(`A${++a}\tSuggested ${t}`);
    if (r.claim?.verdict !== undefined) {
      if (!/^[\w-]+$/.test(r.claim.verdict)) throw new ExportError(`verdict ${JSON.stringify(r.claim.verdict)} is not a brat attribute value`, p.article.path, r.id);
      extra.push(`A${++a}\tVerdict ${t} ${r.claim.verdict}`);
    }
    const ref = r.claim?.claimant?.ref;
    if (ref !== undefined && tIds.has(ref)) extra.push(`R${++rel}\tclaimant_of Arg1:${tIds.get(ref)!} Arg2:${t}`);
    if (r.note !== undefined && r.note !== '') extra.push(`#${++note}\tAnnotatorNotes ${t}\t${r.note.replace(/\s+/g, ' ')}`);
  }
  return lines.concat(extra).map((l) => l + '\n').join('');
}

export function bratFiles(p: PreparedArticle): ExportFiles {
  let base: string;
  try {
    base = bratBaseName(safeRelativePath(p.article.path));
  } catch (e) {
    throw new ExportError((e as Error).message, p.article.path);
  }
  return {
    files: [
      { path: `${base}.txt`, content: p.article.text },
      { path: `${base}.ann`, content: bratAnn(p) },
    ],
  };
}

/** brat's annotation.conf for the types Khabar writes, so the folder opens in brat as it is. */
export const BRAT_ANNOTATION_CONF = `[entities]
PER
LOC
ORG
MISC
NUMBER
PERCENT
MONEY
QUANTITY
DATE
TIME
DURATION
ORDINAL
CLAIM
QUOTE
NOTE

[relations]
claimant_of Arg1:PER|ORG|MISC|LOC, Arg2:CLAIM|QUOTE

[events]

[attributes]
Verdict Arg:CLAIM|QUOTE, Value:true|mostly-true|misleading|mostly-false|false|unverifiable|opinion|satire
Suggested Arg:<ENTITY>
`;

export function createBratWriter(): FormatWriter {
  let first = true;
  return {
    head: () => '',
    article(p) {
      const out = bratFiles(p);
      if (first) out.files.push({ path: 'annotation.conf', content: BRAT_ANNOTATION_CONF });
      first = false;
      return out;
    },
    tail: () => '',
  };
}
