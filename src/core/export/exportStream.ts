// Exporting articles in every format: `exportArticle` for one article, `exportStream` for a folder,
// written incrementally from an async iterator so memory stays bounded whatever the folder's size.

import { createBratWriter } from './brat';
import { createClaimReviewWriter } from './claimReview';
import { createConllWriter } from './conll';
import { createCsvWriter } from './csv';
import { createJsonWriter, jsonDocument } from './json';
import { createJsonlWriter, doccanoLine, prodigyLine } from './jsonl';
import { createLabelStudioWriter } from './labelStudio';
import { prepareArticle } from './prepare';
import { createHtmlReportWriter, createMarkdownReportWriter } from './report';
import { createW3cWriter } from './w3c';
import { ExportError, type ExportArticle, type ExportFormat, type ExportOptions, type ExportOutput, type FormatWriter } from './types';

export interface FormatInfo {
  /** File extension of the single output file (brat writes a folder). */
  extension: string;
  description: string;
  /** True when the output is a folder of files rather than one stream. */
  folder: boolean;
}

export const FORMAT_INFO: Readonly<Record<ExportFormat, FormatInfo>> = {
  json: { extension: 'json', description: 'JSON, lossless (as in the sidecar)', folder: false },
  doccano: { extension: 'jsonl', description: 'doccano JSONL', folder: false },
  prodigy: { extension: 'jsonl', description: 'Prodigy JSONL', folder: false },
  labelstudio: { extension: 'json', description: 'Label Studio JSON (an array of tasks)', folder: false },
  csv: { extension: 'csv', description: 'CSV (RFC 4180)', folder: false },
  w3c: { extension: 'jsonld', description: 'W3C Web Annotation (JSON-LD)', folder: false },
  brat: { extension: 'ann', description: 'brat standoff (.ann + .txt)', folder: true },
  conll: { extension: 'conll', description: 'CoNLL BIO, entities (token TAG, ANERcorp tokenisation)', folder: false },
  'conll-figures': { extension: 'conll', description: 'CoNLL BIO, figures (token TAG)', folder: false },
  claimreview: { extension: 'json', description: 'schema.org ClaimReview (JSON-LD)', folder: false },
  'report-md': { extension: 'md', description: 'Report (Markdown)', folder: false },
  'report-html': { extension: 'html', description: 'Report (HTML)', folder: false },
};

export function createWriter(format: ExportFormat, options: ExportOptions = {}): FormatWriter {
  switch (format) {
    case 'json':
      return createJsonWriter();
    case 'doccano':
      return createJsonlWriter(doccanoLine);
    case 'prodigy':
      return createJsonlWriter(prodigyLine);
    case 'labelstudio':
      return createLabelStudioWriter();
    case 'csv':
      return createCsvWriter(options);
    case 'w3c':
      return createW3cWriter(options);
    case 'brat':
      return createBratWriter(options);
    case 'conll':
      return createConllWriter('entities');
    case 'conll-figures':
      return createConllWriter('figures');
    case 'claimreview':
      return createClaimReviewWriter(options);
    case 'report-md':
      return createMarkdownReportWriter(options);
    case 'report-html':
      return createHtmlReportWriter(options);
  }
}

/**
 * One article in one format. JSON gives the single `{khabar, document, annotations}` object; the
 * other formats give what a one-article folder export would. Throws ExportError on a bad span.
 */
export function exportArticle(format: ExportFormat, article: ExportArticle, options: ExportOptions = {}): ExportOutput {
  const prepared = prepareArticle(article, options);
  if (format === 'json') return JSON.stringify(jsonDocument(prepared), null, 2) + '\n';
  const w = createWriter(format, options);
  const head = w.head();
  const body = w.article(prepared);
  const tail = w.tail();
  if (typeof body !== 'string') return body;
  return head + body + tail;
}

export interface ExportSink {
  write(chunk: string): void | Promise<void>;
  /** For folder formats (brat): a file at a path relative to the export root, already checked safe. */
  writeFile(path: string, content: string): void | Promise<void>;
}

export interface ExportStreamOptions extends ExportOptions {
  /** Checked between articles; when it returns true the export stops (the tail is still written). */
  isCancelled?: () => boolean;
  onProgress?: (done: number, article: ExportArticle) => void;
}

export interface ExportStreamResult {
  articles: number;
  records: number;
  /** Articles left out because a span did not match or a required field was missing. */
  failures: ExportError[];
  /** Annotations left out of an article that was otherwise written (an incomplete ClaimReview). */
  skipped: ExportError[];
  cancelled: boolean;
}

/** Streams articles into a sink; an article that fails its checks is skipped whole and reported. */
export async function exportStream(
  format: ExportFormat,
  articles: AsyncIterable<ExportArticle> | Iterable<ExportArticle>,
  sink: ExportSink,
  options: ExportStreamOptions = {},
): Promise<ExportStreamResult> {
  const result: ExportStreamResult = { articles: 0, records: 0, failures: [], skipped: [], cancelled: false };
  const writer = createWriter(format, {
    ...options,
    onSkip: (e) => {
      result.skipped.push(e);
      options.onSkip?.(e);
    },
  });
  const head = writer.head();
  if (head) await sink.write(head);
  let done = 0;
  for await (const article of articles) {
    if (options.isCancelled?.()) {
      result.cancelled = true;
      break;
    }
    let out: ExportOutput;
    let count = 0;
    try {
      const prepared = prepareArticle(article, options);
      count = prepared.records.length;
      out = writer.article(prepared);
    } catch (e) {
      if (!(e instanceof ExportError)) throw e;
      result.failures.push(e);
      options.onProgress?.(++done, article);
      continue;
    }
    if (typeof out === 'string') {
      if (out) await sink.write(out);
    } else {
      for (const f of out.files) await sink.writeFile(f.path, f.content);
    }
    result.articles++;
    result.records += count;
    options.onProgress?.(++done, article);
  }
  const tail = writer.tail();
  if (tail) await sink.write(tail);
  return result;
}
