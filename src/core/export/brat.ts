// brat standoff: `name.ann` beside a copy of the text `name.txt`, offsets in code points. Claims get a
// Verdict attribute, notes an AnnotatorNotes line, claimants a claimant_of relation, and unreviewed
// suggestions a Suggested attribute so an import brings them back as suggestions.

import type { PreparedArticle } from './prepare';
import { safeRelativePath } from './paths';
import { recordMeta } from './recordMeta';
import { type VerdictDef } from '../annotationRecord';
import { CLAIM_LABELS, DEFAULT_VERDICTS, ENTITY_LABELS, FIGURE_LABELS, RECORD_LABELS } from '../vocabulary';
import { ExportError, type ExportFiles, type ExportOptions, type FormatWriter } from './types';

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
    if (r.note !== undefined && r.note !== '') extra.push(`#${++note}\tAnnotatorNotes ${t}\t${bratNoteText(r.note)}`);
    // brat's ids are T1, T2, … and its notes one line: Khabar's id and fields (the exact note with
    // its line breaks, claim, value, dates) ride in a comment line of their own, as JSON.
    extra.push(`#${++note}\tKhabarRecord ${t}\t${JSON.stringify(recordMeta(r))}`);
  }
  return lines.concat(extra).map((l) => l + '\n').join('');
}

/** A note as one brat comment line (brat notes cannot hold line breaks or tabs). */
export function bratNoteText(note: string): string {
  return note.replace(/\s+/g, ' ');
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

const ENTITY_TYPES = ENTITY_LABELS.join('|');
const FIGURE_TYPES = FIGURE_LABELS.join('|');
const CLAIM_TYPES = CLAIM_LABELS.join('|');

/**
 * brat's annotation.conf for the types Khabar writes, so the folder opens in brat as it is and its
 * checker (verify_annotations) is silent. brat refuses any two overlapping text spans unless an
 * `<OVERLAP>` rule in [relations] allows the pair of types; `<OVL-TYPE>:<ANY>` allows nesting,
 * identical spans and crossing in either order. The rules are the overlaps Khabar's model makes: a
 * claim or quotation holds names and figures (and a hand-drawn one may cut or equal them), claims
 * and quotations nest, a name and a figure may share words (a year inside an organisation's
 * name), and a note may sit anywhere. Names never overlap names, nor figures figures, so those
 * stay errors in brat. Verdict values are the configured vocabulary.
 */
export function bratAnnotationConf(verdicts: readonly VerdictDef[] = DEFAULT_VERDICTS): string {
  return `[entities]
${RECORD_LABELS.join('\n')}

[relations]
<OVERLAP>\tArg1:${ENTITY_TYPES}|${FIGURE_TYPES}, Arg2:${CLAIM_TYPES}, <OVL-TYPE>:<ANY>
<OVERLAP>\tArg1:${CLAIM_TYPES}, Arg2:${CLAIM_TYPES}, <OVL-TYPE>:<ANY>
<OVERLAP>\tArg1:${ENTITY_TYPES}, Arg2:${FIGURE_TYPES}, <OVL-TYPE>:<ANY>
<OVERLAP>\tArg1:NOTE, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>
claimant_of\tArg1:${ENTITY_TYPES}, Arg2:${CLAIM_TYPES}

[events]

[attributes]
Verdict\tArg:${CLAIM_TYPES}, Value:${verdicts.map((v) => v.key).filter((k) => /^[\w-]+$/.test(k)).join('|')}
Suggested\tArg:<ENTITY>
`;
}

/** The default annotation.conf (default verdicts). */
export const BRAT_ANNOTATION_CONF = bratAnnotationConf();

export function createBratWriter(options: ExportOptions = {}): FormatWriter {
  let first = true;
  return {
    head: () => '',
    article(p) {
      const out = bratFiles(p);
      if (first) out.files.push({ path: 'annotation.conf', content: bratAnnotationConf(options.verdicts) });
      first = false;
      return out;
    },
    tail: () => '',
  };
}
