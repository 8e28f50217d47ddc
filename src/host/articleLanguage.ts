// A mostly-Arabic `.txt` or `.md` file opens as Plain Text or Markdown: a monospace font, no wrap
// (each paragraph's start off-screen to the right), and Markdown's grammar cuts Arabic lines into
// parts that read out of order. The article language has an Arabic font, advanced wrapping and no
// in-line scopes. Setting `khabar.articleLanguage`: `ask` (once per file, the default), `always`
// (switch without asking), `never`.
import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE, isArticle } from './articles';
import { readConfig, updateGlobalSetting } from './config';

const SWITCHABLE = new Set(['plaintext', 'markdown']);
const DECLINED_KEY = 'khabar.articleLanguage.declined';
/** How many declined files are remembered (oldest forgotten first). */
const DECLINED_LIMIT = 500;

export function registerArticleLanguage(context: vscode.ExtensionContext): vscode.Disposable {
  const asking = new Set<string>();
  const declined = (): string[] => context.workspaceState.get<string[]>(DECLINED_KEY, []);

  const consider = async (document: vscode.TextDocument): Promise<void> => {
    if (!SWITCHABLE.has(document.languageId) || document.uri.scheme === 'output') return;
    const m = readConfig().articleLanguage;
    if (m === 'never' || !isArticle(document)) return;
    const key = document.uri.toString();
    if (m === 'always') {
      await vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE);
      return;
    }
    if (asking.has(key) || declined().includes(key)) return;
    asking.add(key);
    try {
      const yes = vscode.l10n.t('Read as Arabic article');
      const always = vscode.l10n.t('Always');
      const no = vscode.l10n.t('Not for this file');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t(
          'This file is mostly Arabic. Open it as an Arabic news article, with an Arabic font, wrapped lines and every line in its reading order?',
        ),
        yes,
        always,
        no,
      );
      if (answer === yes || answer === always) {
        if (answer === always) await updateGlobalSetting('articleLanguage', 'always');
        if (!document.isClosed) await vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE);
      } else if (answer === no) {
        await context.workspaceState.update(DECLINED_KEY, [...declined(), key].slice(-DECLINED_LIMIT));
      }
    } finally {
      asking.delete(key);
    }
  };

  const considerVisible = (): void => {
    for (const e of vscode.window.visibleTextEditors) void consider(e.document);
  };
  considerVisible();
  return vscode.Disposable.from(
    vscode.window.onDidChangeVisibleTextEditors(considerVisible),
    vscode.workspace.onDidChangeConfiguration((ev) => {
      if (ev.affectsConfiguration('khabar.articleLanguage')) considerVisible();
    }),
  );
}
