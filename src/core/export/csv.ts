// CSV per RFC 4180 (CRLF rows, quotes doubled), one row per annotation, with cells a spreadsheet
// would run as formulas neutralised by a leading apostrophe. Offsets are UTF-16, as in
// the sidecar, so a row can be matched back to the annotation it came from.

import type { AnnotationRecord } from '../annotationRecord';
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

/**
 * A cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return, e.g. `=HYPERLINK(...)` in a note or in article text) gets a leading apostrophe, the
 * neutralisation spreadsheets themselves understand (OWASP "CSV injection"); a cell that begins with
 * an apostrophe gets a second one, so `restoreFormula` reads every cell back exactly. Plain signed numbers
 * such as `-3` or `+5%` are left as they are: a spreadsheet reads them as numbers, not formulas.
 */
export function neutraliseFormula(s: string): string {
  if (!/^[=+\-@\t\r']/.test(s) || /^[+-]?[0-9٠-٩][0-9٠-٩.,٫٬]*[%٪]?$/.test(s)) return s;
  return `'${s}`;
}

/** The cell as written before `neutraliseFormula` (a cell that began with an apostrophe got a second one, so this is exact). */
export function restoreFormula(s: string): string {
  return /^'[=+\-@\t\r']/.test(s) ? s.slice(1) : s;
}

export function csvField(s: string): string {
  const v = neutraliseFormula(s);
  return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
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
