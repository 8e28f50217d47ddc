// What an exporter takes and gives: one article with its records, the options every format shares,
// and the error that names the annotation whose span does not match the text.

import type { AnnotationRecord, VerdictDef } from '../annotationRecord';
import type { PreparedArticle } from './prepare';

export const EXPORT_FORMATS = [
  'json',
  'doccano',
  'prodigy',
  'labelstudio',
  'csv',
  'w3c',
  'brat',
  'conll',
  'conll-figures',
  'claimreview',
  'report-md',
  'report-html',
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

export interface ExportArticle {
  /** Path of the article relative to the export root, with forward slashes. */
  path: string;
  /** The article text (BOM removed); record offsets are UTF-16 indices into it. */
  text: string;
  records: readonly AnnotationRecord[];
  /** Where the article was published, if known (ClaimReview appearance, W3C ids and target source): front matter or the sidecar's document.url. */
  url?: string;
  /** ISO date the article was published. */
  date?: string;
  title?: string;
}

export interface ExportOptions {
  /** Export records with status 'suggested' too (detected, not yet reviewed). */
  includeSuggestions?: boolean;
  /** Verdict vocabulary; DEFAULT_VERDICTS when absent. */
  verdicts?: readonly VerdictDef[];
  /** CSV: start with a UTF-8 BOM so spreadsheets read Arabic correctly. */
  bom?: boolean;
  /** ClaimReview: the organisation publishing the review, when a record has no author. */
  reviewer?: string;
  /** ClaimReview: publication date of the reviews when a record has no modified/created date (ISO). */
  reviewDate?: string;
  /**
   * Where the articles are published: an article without its own URL is at this URL joined with
   * its path (W3C ids and targets). http(s) only.
   */
  baseUrl?: string;
  /**
   * Reports: the HTML `<title>` of a report on several articles (a folder). Without it the title
   * is the first article's headline, which is right for a one-article report.
   */
  reportTitle?: string;
  /**
   * Told of an annotation left out while the rest of its article is written (ClaimReview: a
   * review without its fact-check URL, author or date).
   */
  onSkip?: (problem: ExportError) => void;
}

/** A multi-file result (brat): paths relative to the export root. */
export interface ExportFiles {
  files: Array<{ path: string; content: string }>;
}

export type ExportOutput = string | ExportFiles;

export class ExportError extends Error {
  constructor(
    message: string,
    readonly article: string,
    readonly annotationId?: string,
  ) {
    super(annotationId === undefined ? `${article}: ${message}` : `${article}: annotation ${annotationId}: ${message}`);
    this.name = 'ExportError';
  }
}

/**
 * One format's writer for a stream of articles: `head` once, `article` per article (in order),
 * `tail` once. Writers keep only counters between articles, so memory stays bounded.
 */
export interface FormatWriter {
  head(): string;
  article(prepared: PreparedArticle): string | ExportFiles;
  tail(): string;
}
