// CSV per RFC 4180 (CRLF rows, quotes doubled), one row per annotation. Offsets are UTF-16, as in
// the sidecar, so a row can be matched back to the annotation it came from.

import type { AnnotationRecord } from '../model';
import type { PreparedArticle } from './prepare';
import type { ExportOptions, FormatWriter } from './types';

export const CSV_COLUMNS = [
  'file',
  'id',
  'kind',
  'label',
  'start',
  'end',
  'text',
  'value',
  'status',
  'verdict',
  'claimant',
  'note',
  'author',
  'created',
  'modified',
] as const;

export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

function recordRow(path: string, r: AnnotationRecord): string {
  return csvRow([
    path,
    r.id,
    r.kind,
    r.label,
    String(r.target.start),
    String(r.target.end),
    r.target.exact,
    r.value ? JSON.stringify(r.value) : '',
    r.status,
    r.claim?.verdict ?? '',
    r.claim?.claimant?.text ?? '',
    r.note ?? '',
    r.author ?? '',
    r.created ?? '',
    r.modified ?? '',
  ]);
}

export function createCsvWriter(options: ExportOptions): FormatWriter {
  return {
    head: () => (options.bom ? '\uFEFF' : '') + csvRow(CSV_COLUMNS),
    article: (p: PreparedArticle) => p.records.map((r) => recordRow(p.article.path, r)).join(''),
    tail: () => '',
  };
}

/** Parses RFC 4180 CSV (used by the tests to read exports back; tolerates a leading BOM). */
export function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
