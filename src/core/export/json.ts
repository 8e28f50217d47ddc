// The lossless export: the sidecar's {khabar, document, annotations} per article, as a JSON array.

import { sha256Hex as sha256 } from '../sha256';
import type { SidecarData } from '../annotationRecord';
import type { PreparedArticle } from './prepare';
import type { FormatWriter } from './types';

export function sha256Hex(text: string): string {
  return sha256(text);
}

export function jsonDocument(p: PreparedArticle): SidecarData & { document: { url?: string; date?: string; title?: string } } {
  const { article } = p;
  const document: SidecarData['document'] & { url?: string; date?: string; title?: string } = {
    path: article.path,
    sha256: sha256Hex(article.text),
    length: article.text.length,
  };
  if (article.url !== undefined) document.url = article.url;
  if (article.date !== undefined) document.date = article.date;
  if (article.title !== undefined) document.title = article.title;
  return { khabar: 1, document, annotations: p.records };
}

/** A streamed array, one compact document a line: pretty-printing costs more than the rest of the export. */
export function createJsonWriter(): FormatWriter {
  let first = true;
  return {
    head: () => '[\n',
    article(p) {
      const sep = first ? '' : ',\n';
      first = false;
      return sep + JSON.stringify(jsonDocument(p));
    },
    tail: () => (first ? ']\n' : '\n]\n'),
  };
}
