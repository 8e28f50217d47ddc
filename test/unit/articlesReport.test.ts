// Which documents the extension treats as articles (src/host/articles.ts), against the shared
// stand-in `vscode` module (test/fakes/vscode.ts): a report Khabar generated is never one.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import type * as ArticlesModule from '../../src/host/articles';
import { exportArticle } from '../../src/core/export/exportStream';
import { fixtureArticle } from './exportHelpers';
import { FakeTextDocument, makeVscodeStub } from '../fakes/vscode';
import { withVscode } from './withVscode';

const stub = makeVscodeStub({ registrations: 0 });
const Uri = stub['Uri'] as { file(p: string): vscode.Uri };

function loadWithStub(): typeof ArticlesModule {
  return withVscode(stub, () => require('../../src/host/articles') as typeof ArticlesModule);
}

/** A document of the shared stand-in vscode (test/fakes/vscode.ts): language, path and text. */
function doc(languageId: string, file: string, text: string): vscode.TextDocument {
  return new FakeTextDocument(Uri.file(file) as never, languageId, text) as unknown as vscode.TextDocument;
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
