// Shared by the export and import tests: the fixture article (Arabic with emoji outside the BMP
// before most spans, so code point and UTF-16 offsets differ) and its sidecar.

import * as fs from 'fs';
import * as path from 'path';
import type { ExportArticle } from '../../src/core/export/types';
import { parseSidecar } from '../../src/core/sidecar/parse';

export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/export');

export function fixtureArticle(): ExportArticle {
  const text = fs.readFileSync(path.join(FIXTURES, 'article.txt'), 'utf8');
  const sidecar = parseSidecar(fs.readFileSync(path.join(FIXTURES, 'article.txt.annotations.yaml'), 'utf8'));
  if (!sidecar.ok) throw new Error(`fixture sidecar does not read: ${JSON.stringify(sidecar.errors)}`);
  return {
    path: 'news/article.txt',
    text,
    records: sidecar.data.annotations,
    url: 'https://news.example.org/2025/01/health-screening',
    date: '2025-01-14',
  };
}

/** Slicing by code points, written independently of CodePointIndex. */
export function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
