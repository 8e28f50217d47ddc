// Which documents the extension treats as articles (src/host/articles.ts), against the stand-in
// `vscode` module of the decorations tests (the one module src/host/*.js resolves `vscode` to in
// this process: Node caches the resolution per folder): a report Khabar generated is never one.
import * as assert from 'assert';
import * as path from 'path';
import type * as vscode from 'vscode';
import type * as ArticlesModule from '../../src/host/articles';
import { exportArticle } from '../../src/core/export/index';
import { fixtureArticle } from './exportHelpers';
import { withVscode } from './withVscode';

const STUB = path.join(__dirname, '..', 'fixtures', 'decorations', 'vscodeStub.js');

function loadWithStub(): typeof ArticlesModule {
  return withVscode(STUB, () => require('../../src/host/articles') as typeof ArticlesModule);
}

/** A document as isArticle reads it: language, path and the text of a range of whole lines. */
function doc(languageId: string, file: string, text: string): vscode.TextDocument {
  return {
    languageId,
    uri: { path: file },
    getText: (range?: { startLine: number; endLine: number }) =>
      range ? text.split('\n').slice(range.startLine, range.endLine).map((l) => l + '\n').join('') : text,
  } as unknown as vscode.TextDocument;
}

describe('articles: a generated report is not an article', () => {
  it('an Arabic Markdown file is an article; the same content as a Khabar report is not', () => {
    const { isArticle } = loadWithStub();
    const a = fixtureArticle();
    assert.ok(isArticle(doc('markdown', '/w/news/article.md', a.text)));
    assert.ok(isArticle(doc('plaintext', '/w/news/article.txt', a.text)));
    const md = exportArticle('report-md', a) as string;
    assert.ok(!isArticle(doc('markdown', '/w/report.md', md)));
    assert.ok(!isArticle(doc('arabic-news', '/w/report.md', md)), 'even in the article language');
    assert.ok(!isArticle(doc('markdown', '/w/report.md', md.replace(/\n/g, '\r\n'))), 'CRLF');
    // The report without its marker (hand-edited away) would read as Arabic again: the marker is what decides.
    assert.ok(isArticle(doc('markdown', '/w/report.md', md.split('\n').slice(1).join('\n'))));
  });
});
