// The Khabar Reader's registrations: the open command, one panel per article (re-running reveals
// it), the serializer that restores panels after a reload, and the listeners that keep every panel
// in step with its document, the store and the detections, and with the editor's cursor.
import * as vscode from 'vscode';
import { isArticle } from '../articles';
import { CommandId } from '../commandIds';
import { registerCommand } from '../commandRegistry';
import { READER_VIEW_TYPE, ReaderPanel, webviewOptions, type ReaderDeps } from './readerPanel';

export const OPEN_READER_COMMAND = CommandId.OpenReader;

/** What the e2e tests and benchmarks read (see KhabarApi.reader). */
export interface ReaderApi {
  open(document?: vscode.TextDocument): Promise<ReaderPanel | undefined>;
  panelFor(uri: vscode.Uri): ReaderPanel | undefined;
  /** Host time of the last render of any panel, ms. */
  readonly lastRenderMs: number;
}

export class ReaderManager implements vscode.Disposable, ReaderApi {
  private readonly panels = new Map<string, ReaderPanel>();
  /** Set once by register(). */
  private subscriptions: vscode.Disposable | undefined;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;
  lastRenderMs = 0;

  constructor(private readonly deps: ReaderDeps) {}

  register(): vscode.Disposable {
    const { index } = this.deps;
    this.subscriptions = vscode.Disposable.from(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.panelFor(e.document.uri)?.edited();
      }),
      index.onDidChange((uri) => {
        if (uri) this.panelFor(uri)?.schedule(20);
        else for (const p of this.panels.values()) p.schedule(20);
      }),
      // A closed document's object goes stale; the reader follows the one VS Code opens next.
      vscode.workspace.onDidOpenTextDocument((d) => this.panelFor(d.uri)?.setDocument(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('khabar')) for (const p of this.panels.values()) p.schedule(20);
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const p of this.panels.values()) p.schedule(0);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const panel = this.panelFor(e.textEditor.document.uri);
        if (!panel || e.kind === undefined) return;
        const offset = e.textEditor.document.offsetAt(e.selections[0]!.active);
        if (this.cursorTimer) clearTimeout(this.cursorTimer);
        this.cursorTimer = setTimeout(() => panel.cursor(offset), 50);
      }),
    );
    return vscode.Disposable.from(
      this,
      registerCommand(OPEN_READER_COMMAND, async (arg?: unknown) => {
        const document = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : undefined;
        return this.open(document);
      }),
      vscode.window.registerWebviewPanelSerializer(READER_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
          const uri = typeof state === 'object' && state !== null && typeof (state as { uri?: unknown }).uri === 'string' ? (state as { uri: string }).uri : undefined;
          try {
            if (!uri) throw new Error('no article');
            const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
            if (this.panels.has(document.uri.toString())) throw new Error('already open');
            this.attach(panel, document);
          } catch {
            panel.dispose();
          }
        },
      }),
    );
  }

  panelFor(uri: vscode.Uri): ReaderPanel | undefined {
    return this.panels.get(uri.toString());
  }

  async open(document?: vscode.TextDocument): Promise<ReaderPanel | undefined> {
    const doc = document ?? vscode.window.activeTextEditor?.document ?? this.lastArticle();
    if (!doc || !isArticle(doc)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open an Arabic article first.'));
      return undefined;
    }
    const existing = this.panels.get(doc.uri.toString());
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(READER_VIEW_TYPE, vscode.l10n.t('Reader'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, webviewOptions(this.deps.extensionUri));
    return this.attach(panel, doc);
  }

  private lastArticle(): vscode.TextDocument | undefined {
    return vscode.window.visibleTextEditors.map((e) => e.document).find((d) => isArticle(d));
  }

  private attach(panel: vscode.WebviewPanel, document: vscode.TextDocument): ReaderPanel {
    const key = document.uri.toString();
    const reader = new ReaderPanel(panel, document, { ...this.deps, onRender: (ms) => (this.lastRenderMs = ms) });
    this.panels.set(key, reader);
    const sub = reader.onDidDispose(() => {
      if (this.panels.get(key) === reader) this.panels.delete(key);
      sub.dispose();
    });
    return reader;
  }

  dispose(): void {
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    this.subscriptions?.dispose();
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}
