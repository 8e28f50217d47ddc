// Which documents Khabar serves: its own article language always, plaintext and markdown when
// mostly Arabic (setting `khabar.enable`). Decided once per document version (articleFacts.ts).
import type * as vscode from 'vscode';
import { ARTICLE_LANGUAGE, articleFacts } from './articleFacts';

export { ARTICLE_LANGUAGE };

export function isArticle(document: vscode.TextDocument): boolean {
  return articleFacts(document).article;
}
