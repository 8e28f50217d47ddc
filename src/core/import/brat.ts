// Reading brat standoff (`.ann` against its `.txt`): text-bound annotations with Khabar's or common
// NER labels, the Verdict and Suggested attributes, AnnotatorNotes and claimant_of relations.

import { bratNoteText } from '../export/brat';
import { CodePointIndex } from '../export/offsets';
import { readRecordMeta } from '../export/recordMeta';
import { buildRecords, mapLabel, resolveSpan, type ImportedDocument, type SpanInput } from './common';

export function parseBrat(ann: string, text: string, name?: string): ImportedDocument {
  const index = new CodePointIndex(text);
  const warnings: string[] = [];
  const spans: SpanInput[] = [];
  const byT = new Map<string, number>();
  const later: string[][] = [];
  ann.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '') return;
    const cols = line.split('\t');
    const id = cols[0]!;
    if (!id.startsWith('T')) {
      later.push(cols);
      return;
    }
    const where = `line ${n + 1} (${id})`;
    const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(cols[1] ?? '');
    if (!m) {
      warnings.push(`${where}: not a text-bound annotation line`);
      return;
    }
    const mapped = mapLabel(m[1]!);
    if (!mapped) {
      warnings.push(`${where}: unknown label ${m[1]}, skipped`);
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
      warnings.push(`${where}: ${span}`);
      return;
    }
    byT.set(id, spans.length);
    spans.push({ ...span, ...mapped, status: 'accepted' });
  });
  // Khabar's own fields first, so the tool's lines below can tell an edit from what was exported.
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
  // A note or verdict deleted in brat must not come back from the carried fields.
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
  const doc: ImportedDocument = { text, records: buildRecords(text, spans), warnings };
  if (name !== undefined) doc.name = name;
  return doc;
}
