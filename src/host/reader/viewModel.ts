// Builds what the reader shows from a document: paragraphs (core/reader/layout), the marks the
// editor draws (AnnotationIndex.marks) cut per paragraph with their explanation (markInfo, the
// hover's content), orphans, and the article's names for the claim card. Long articles (paragraph
// mode) get marks only for the paragraphs near what the reader shows.
import * as vscode from 'vscode';
import { quietSuggestion, type DecorationKey, type Mark } from '../../core/editor/marks';
import { partsText } from '../../core/editor/markInfo';
import { countWordOccurrences } from '../../core/editor/occurrences';
import type { AnnotationRecord, VerdictDef } from '../../core/annotationRecord';
import { evidenceTitles, evidenceLine } from '../../core/reader/claimCard';
import { layoutParagraphs, paragraphAt, type ParagraphSpan } from '../../core/reader/layout';
import type { ClaimFields, MarkView, NameView, OrphanView, ParagraphView } from '../../core/reader/protocol';
import type { AnnotationIndex } from '../annotations';
import { articleFacts } from '../articleFacts';
import { markInfo, type WholeText } from '../markInfo';

export interface BuiltView {
  paragraphs: ParagraphSpan[];
  views: ParagraphView[];
  orphans: OrphanView[];
  names: NameView[];
  /** Every mark shown, by id (messages name marks by these ids). */
  marks: Map<string, Mark>;
  records: Map<string, AnnotationRecord>;
  lazy: boolean;
  textLength: number;
  /** Time spent getting the marks (detection included), ms. */
  marksMs: number;
}

/** Paragraphs around the visible ones whose marks are sent too (long articles). */
const MARGIN = 30;

/** A short hash of a paragraph's text, so a detection's id does not change when text above it moves. */
function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * A mark's id in messages: a record's id, or for a detection its kind, its span relative to its
 * paragraph and the paragraph's text hash. Edits elsewhere leave it (and the paragraph's signature)
 * unchanged, so the webview keeps the paragraph's elements.
 */
export function markId(m: Mark, paragraphStart: number, paragraphHash: string): string {
  return m.record ? `r:${m.record.id}` : `d:${m.key}:${m.start - paragraphStart}:${m.end - m.start}:${paragraphHash}`;
}

function claimFields(r: AnnotationRecord): ClaimFields {
  const c = r.claim ?? {};
  const evidence = c.evidence ?? [];
  const titles = evidenceTitles(r.note, evidence);
  // The card shows evidence titles beside their links, not as note lines; saving writes them back.
  const titleLines = new Set([...titles].map(([u, t]) => evidenceLine(t, u)));
  const note = (r.note ?? '')
    .split('\n')
    .filter((l) => !titleLines.has(l.trim()))
    .join('\n')
    .trim();
  return {
    ...(c.verdict ? { verdict: c.verdict } : {}),
    ...(c.claimant ? { claimant: c.claimant.text } : {}),
    ...(c.type ? { claimType: c.type } : {}),
    evidence: evidence.map((url) => (titles.has(url) ? { url, title: titles.get(url)! } : { url })),
    ...(c.review ? { review: c.review } : {}),
    ...(note ? { note } : {}),
  };
}

/** What the marks are taken from: the document, its paragraphs, and the settings of this render. */
interface Pass {
  document: vscode.TextDocument;
  index: AnnotationIndex;
  text: string;
  paragraphs: ParagraphSpan[];
  views: ParagraphView[];
  hidden: Set<DecorationKey>;
  lazy: boolean;
  /** The paragraphs whose marks are sent. */
  from: number;
  to: number;
}

/**
 * `prev` (a quick render right after an edit): paragraphs whose text is unchanged keep their marks
 * from the previous view, moved with the text; changed ones get only the marks that need no
 * detection (figures and saved records). The full render with fresh detections follows.
 */
export function buildView(document: vscode.TextDocument, index: AnnotationIndex, visible: [number, number] | undefined, prev?: BuiltView): BuiltView {
  const started = performance.now();
  const text = document.getText();
  const facts = articleFacts(document);
  const config = facts.config;
  const hidden = new Set(facts.hidden);
  hidden.add('orphan');
  const paragraphs = layoutParagraphs(text);
  const lazy = index.detections.paragraphMode(document);
  const [from, to] = lazy ? sentRange(paragraphs.length, visible) : [0, paragraphs.length - 1];
  const views: ParagraphView[] = paragraphs.map((p, i) => ({
    start: p.start,
    role: p.role,
    text: text.slice(p.start, p.end),
    ...(i >= from && i <= to ? { marks: [] as MarkView[] } : {}),
  }));
  const pass: Pass = { document, index, text, paragraphs, views, hidden, lazy, from, to };
  const byId = new Map<string, Mark>();
  const reused = new Set<number>();
  const marks = prev ? reusePrevious(pass, prev, byId, reused) : freshMarks(pass);
  const marksMs = performance.now() - started;
  const records = new Map<string, AnnotationRecord>();
  const names = new Map<string, NameView>();
  const wholeText = lazy ? memoisedCount(text) : undefined;
  const hashes: Array<string | undefined> = [];
  for (const m of marks) {
    // The reader shows what the editor draws: by default only the claim suggestions worth checking.
    if (m.key === 'orphan' || m.end <= m.start || quietSuggestion(m, config.highlight.claimSuggestions)) continue;
    const pi = Math.max(0, paragraphAt(paragraphs, m.start));
    const para = paragraphs[pi];
    const hash = !m.record && para ? (hashes[pi] ??= textHash(views[pi]!.text)) : '';
    const id = uniqueId(byId, markId(m, para?.start ?? 0, hash));
    byId.set(id, m);
    if (m.record) records.set(m.record.id, m.record);
    const base = markViewBase(m, id, config.verdicts, m.detection?.kind === 'entity' ? wholeText : undefined);
    for (let i = pi; i < paragraphs.length && paragraphs[i]!.start < m.end; i++) {
      const p = paragraphs[i]!;
      const list = views[i]!.marks;
      if (!list || p.end <= m.start || reused.has(i)) continue;
      list.push({ ...base, start: Math.max(0, m.start - p.start), end: Math.min(p.end, m.end) - p.start });
    }
    addName(names, m);
  }
  const orphans = orphanViews(pass, config.verdicts, records);
  for (const r of index.records(document)) records.set(r.id, r);
  return { paragraphs, views, orphans, names: prev ? prev.names : [...names.values()], marks: byId, records, lazy, textLength: text.length, marksMs };
}

/** The paragraphs whose marks a long article sends: those shown, and a margin around them. */
function sentRange(count: number, visible: [number, number] | undefined): [number, number] {
  const [a, b] = visible ?? [0, 40];
  return [Math.max(0, a - MARGIN), Math.min(count - 1, b + MARGIN)];
}

/** The marks of the paragraphs sent (all of them for a short article), detection included. */
function freshMarks(pass: Pass): Mark[] {
  const { document, index, paragraphs, hidden, from, to } = pass;
  if (!pass.lazy) return index.marks(document, hidden);
  if (to < from) return [];
  const fromLine = document.positionAt(paragraphs[from]!.start).line;
  const toLine = document.positionAt(paragraphs[to]!.end).line;
  return index.marks(document, hidden, fromLine, toLine);
}

/**
 * A quick render after an edit: unchanged paragraphs keep the previous marks (recorded in `byId`,
 * moved with the text; their indices in `reused`); the marks returned are those of changed
 * paragraphs that need no detection (short articles; a long one waits for the full render).
 */
function reusePrevious(pass: Pass, prev: BuiltView, byId: Map<string, Mark>, reused: Set<number>): Mark[] {
  const { document, index, paragraphs, views, hidden, from, to } = pass;
  const oldByText = new Map<string, number[]>();
  prev.views.forEach((v, i) => {
    if (!v.marks) return;
    const list = oldByText.get(v.text);
    if (list) list.push(i);
    else oldByText.set(v.text, [i]);
  });
  const marks: Mark[] = [];
  for (let i = from; i <= to; i++) {
    const v = views[i]!;
    const oi = oldByText.get(v.text)?.shift();
    const old = oi === undefined ? undefined : prev.views[oi];
    if (old?.marks) {
      reused.add(i);
      v.marks = old.marks;
      const delta = v.start - old.start;
      for (const mv of old.marks) {
        const m = prev.marks.get(mv.id);
        if (m && !byId.has(mv.id)) byId.set(mv.id, { ...m, start: m.start + delta, end: m.end + delta });
      }
    } else if (!pass.lazy) {
      const line = document.positionAt(paragraphs[i]!.start).line;
      marks.push(...index.marks(document, hidden, line, line, true).filter((m) => m.start < paragraphs[i]!.end && m.end > paragraphs[i]!.start));
    }
  }
  return marks;
}

/** A long article's names are counted in the whole text (as the hover does), once per name. */
function memoisedCount(text: string): (name: string) => number {
  const counts = new Map<string, number>();
  return (name) => {
    let n = counts.get(name);
    if (n === undefined) counts.set(name, (n = countWordOccurrences(text, name)));
    return n;
  };
}

function uniqueId(byId: Map<string, Mark>, id: string): string {
  if (!byId.has(id)) return id;
  let n = 2;
  while (byId.has(`${id}#${n}`)) n++;
  return `${id}#${n}`;
}

/** What the reader is told about a mark, apart from where it is: its kind, record, claim fields and explanation. */
export function markViewBase(m: Mark, id: string, verdicts: readonly VerdictDef[], wholeText?: WholeText): Omit<MarkView, 'start' | 'end'> {
  const info = markInfo(m, verdicts, wholeText);
  return {
    id,
    key: m.key,
    label: m.record?.label ?? m.detection?.label ?? m.key,
    detection: !m.record,
    ...(m.record ? { recordId: m.record.id } : {}),
    ...(m.record?.kind === 'claim' ? { claim: claimFields(m.record) } : {}),
    aria: partsText(info.title),
    info,
  };
}

/** People and organisations, for the claim card's claimant list. */
function addName(names: Map<string, NameView>, m: Mark): void {
  const entityLabel = m.record?.label ?? m.detection?.label;
  if (!((m.key === 'PER' || m.key === 'ORG') && (entityLabel === 'PER' || entityLabel === 'ORG'))) return;
  const name = (m.detection?.kind === 'entity' ? m.detection.canonical : undefined) ?? m.record?.target.exact ?? m.detection?.text ?? '';
  if (!name) return;
  const hit = names.get(name);
  if (hit) hit.offsets.push(m.start);
  else names.set(name, { text: name, label: m.key, offsets: [m.start] });
}

function orphanViews(pass: Pass, verdicts: readonly VerdictDef[], records: Map<string, AnnotationRecord>): OrphanView[] {
  const { text } = pass;
  const state = pass.index.store.peek(pass.document.uri);
  const orphanRecords = [...(state?.records.filter((r) => r.orphan) ?? []), ...(state?.orphans ?? [])];
  return orphanRecords.map((r) => {
    records.set(r.id, r);
    const m: Mark = { key: 'orphan', start: Math.min(r.target.start, text.length), end: Math.min(r.target.start, text.length), record: r };
    return { id: `o:${r.id}`, recordId: r.id, label: r.label, exact: r.target.exact, info: markInfo(m, verdicts) };
  });
}

/** A paragraph's identity for diffing: same text, role and marks ⇒ the webview keeps its element. */
export function paragraphSignature(p: ParagraphView): string {
  return JSON.stringify([p.role, p.text, p.marks ?? null]);
}
