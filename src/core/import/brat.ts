// Reading brat standoff (`.ann` against its `.txt`): text-bound annotations with Khabar's or common
// NER labels, the Verdict and Suggested attributes, AnnotatorNotes and claimant_of relations.

import { bratNoteText } from '../export/brat';
import { CodePointIndex } from '../export/offsets';
import { readRecordMeta } from '../export/recordMeta';
import { buildRecords, mapLabel, resolveSpan, type ImportedDocument, type SpanInput } from './common';

/** What the text-bound lines gave: the spans, each T id's span index, and the other lines for later. */
interface Read {
  text: string;
  spans: SpanInput[];
  byT: Map<string, number>;
  later: string[][];
  warnings: string[];
}

export function parseBrat(ann: string, text: string, name?: string): ImportedDocument {
  const read = readTextBound(ann, text);
  // Khabar's own fields first, so the tool's lines below can tell an edit from what was exported.
  applyKhabarRecords(read);
  dropDeletedCarried(read);
  applyBratLines(read);
  const doc: ImportedDocument = { text, records: buildRecords(text, read.spans), warnings: read.warnings };
  if (name !== undefined) doc.name = name;
  return doc;
}

/** The T lines as spans (a bad or unknown one is a warning); every other line is kept for later. */
function readTextBound(ann: string, text: string): Read {
  const index = new CodePointIndex(text);
  const read: Read = { text, spans: [], byT: new Map(), later: [], warnings: [] };
  ann.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '') return;
    const cols = line.split('\t');
    const id = cols[0]!;
    if (!id.startsWith('T')) {
      read.later.push(cols);
      return;
    }
    const where = `line ${n + 1} (${id})`;
    const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(cols[1] ?? '');
    if (!m) {
      read.warnings.push(`${where}: not a text-bound annotation line`);
      return;
    }
    const mapped = mapLabel(m[1]!);
    if (!mapped) {
      read.warnings.push(`${where}: unknown label ${m[1]}, skipped`);
      return;
    }
    // Fragments of a discontinuous span (brat splits at line breaks) become the whole extent.
    const nums = m[2]!.split(/[ ;]/).map(Number);
    const start = Math.min(...nums);
    const end = Math.max(...nums);
    const fragments = m[2]!.split(';').length;
    const quote = fragments === 1 ? cols.slice(2).join('\t') : undefined;
    const span = resolveSpan(index, start, end, quote);
    if (typeof span === 'string') {
      read.warnings.push(`${where}: ${span}`);
      return;
    }
    read.byT.set(id, read.spans.length);
    read.spans.push({ ...span, ...mapped, status: 'accepted' });
  });
  return read;
}

/** `#n KhabarRecord Tn {json}`: the fields Khabar carried through the export (id, claim, note …). */
function applyKhabarRecords({ text, spans, byT, later, warnings }: Read): void {
  for (const cols of later) {
    const args = (cols[1] ?? '').split(' ');
    if (!cols[0]!.startsWith('#') || args[0] !== 'KhabarRecord') continue;
    const target = byT.get(args[1] ?? '');
    if (target === undefined) continue;
    let json: unknown;
    try {
      json = JSON.parse(cols.slice(2).join('\t'));
    } catch {
      warnings.push(`${cols[0]}: KhabarRecord is not JSON, ignored`);
      continue;
    }
    const s = spans[target]!;
    const meta = readRecordMeta(json, { kind: s.kind, label: s.label, target: { start: s.start, end: s.end, exact: text.slice(s.start, s.end), prefix: '', suffix: '' } });
    if (meta) s.meta = meta;
    else warnings.push(`${cols[0]}: KhabarRecord does not describe a valid annotation, ignored`);
  }
}

/** A note or verdict deleted in brat must not come back from the carried fields. */
function dropDeletedCarried({ spans, byT, later }: Read): void {
  const hasNote = new Set<number>();
  const hasVerdict = new Set<number>();
  for (const cols of later) {
    const id = cols[0]!;
    const args = (cols[1] ?? '').split(' ');
    const on = byT.get(args[1] ?? '');
    if (on !== undefined && id.startsWith('#') && args[0] === 'AnnotatorNotes') hasNote.add(on);
    if (on !== undefined && (id.startsWith('A') || id.startsWith('M')) && args[0] === 'Verdict') hasVerdict.add(on);
  }
  spans.forEach((s, i) => {
    if (!s.meta) return;
    if (s.meta.note !== undefined && !hasNote.has(i)) {
      const { note: _note, ...rest } = s.meta;
      s.meta = rest;
    }
    if (s.meta.claim?.verdict !== undefined && !hasVerdict.has(i)) {
      const { verdict: _verdict, ...claim } = s.meta.claim;
      s.meta = { ...s.meta, claim };
    }
  });
}

/** The tool's own lines: Suggested and Verdict attributes, AnnotatorNotes, claimant_of relations. */
function applyBratLines({ spans, byT, later }: Read): void {
  for (const cols of later) {
    const id = cols[0]!;
    const args = (cols[1] ?? '').split(' ');
    if (id.startsWith('A') || id.startsWith('M')) {
      const target = byT.get(args[1] ?? '');
      if (target === undefined) continue;
      if (args[0] === 'Suggested') spans[target]!.status = 'suggested';
      else if (args[0] === 'Verdict' && args[2] !== undefined && spans[target]!.kind === 'claim' && args[2] !== spans[target]!.meta?.claim?.verdict) spans[target]!.verdict = args[2];
    } else if (id.startsWith('#') && args[0] === 'AnnotatorNotes') {
      const target = byT.get(args[1] ?? '');
      if (target !== undefined) {
        const note = cols.slice(2).join('\t');
        const s = spans[target]!;
        // The note as exported (line breaks folded) means the exact carried note still holds.
        if (s.meta?.note !== undefined && note === bratNoteText(s.meta.note)) continue;
        s.note = s.note === undefined ? note : `${s.note}\n${note}`;
      }
    } else if (id.startsWith('R') && args[0] === 'claimant_of') {
      const a1 = byT.get((args.find((a) => a.startsWith('Arg1:')) ?? '').slice(5));
      const a2 = byT.get((args.find((a) => a.startsWith('Arg2:')) ?? '').slice(5));
      if (a1 !== undefined && a2 !== undefined && spans[a2]!.kind === 'claim') spans[a1]!.claimantOf = a2;
    }
  }
}
