// One Khabar Reader panel: a right-to-left webview of one article. It renders the article's
// paragraphs and marks (viewModel.ts), sends only the paragraphs that changed, follows document,
// sidecar and detection changes, and applies what the webview asks after validating it.
import * as vscode from 'vscode';
import type { RenderMessage, ParagraphEntry, WebviewMessage } from '../../core/reader/protocol';
import { validateMessage } from '../../core/reader/protocol';
import type { AnnotationIndex } from '../annotations';
import type { Commands } from '../commands';
import { articleFacts } from '../articleFacts';
import { applyReaderMessage, readOnlyReason } from './actions';
import { buildView, paragraphSignature, type BuiltView } from './viewModel';
import { initMessage } from './strings';

export const READER_VIEW_TYPE = 'khabar.reader';

export interface ReaderDeps {
  index: AnnotationIndex;
  commands: Commands;
  output: vscode.OutputChannel;
  extensionUri: vscode.Uri;
  onRender?: (ms: number) => void;
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class ReaderPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sentSignatures: string[] = [];
  private sentRest = '';
  private view: BuiltView | undefined;
  private visible: [number, number] | undefined;
  private ready = false;
  private version = 0;
  private disposed = false;
  private quickTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not yet rendered arrived (Date.now()), for the render's timing. */
  private changedAt = 0;
  /** Host time of the last render (build + post), ms. */
  lastRenderMs = 0;
  /** Renders posted to the webview (tests wait on it). */
  renders = 0;
  /** When the panel was made and when its webview said it was ready (Date.now()), for tests. */
  readonly createdAt = Date.now();
  readyAt = 0;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.emitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public document: vscode.TextDocument,
    private readonly deps: ReaderDeps,
  ) {
    const webview = panel.webview;
    webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'khabar.svg');
    panel.title = vscode.l10n.t('Reader: {0}', document.uri.path.split('/').pop() ?? '');
    webview.html = this.html();
    this.subscriptions = vscode.Disposable.from(
      webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.schedule(0);
      }),
    );
  }

  private html(): string {
    const webview = this.panel.webview;
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'reader.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'reader', 'reader.css'));
    // The fonts are declared in reader.css with URLs relative to it (../../dist/fonts/…), which the
    // webview resolves to asWebviewUri resources under the same roots: no inline style is needed.
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `script-src 'nonce-${n}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
<title>Khabar</title>
</head>
<body>
<div id="app" class="app"></div>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  reveal(): void {
    this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, false);
  }

  /** Renders after `delay` ms; repeated calls within it coalesce. */
  schedule(delay = 40): void {
    if (this.disposed) return;
    if (this.changedAt === 0) this.changedAt = Date.now();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, delay);
  }

  /**
   * The document changed: show the new text at once (unchanged paragraphs keep their marks, changed
   * ones get figures and saved records), then the full render with fresh detections after a pause.
   */
  edited(): void {
    if (this.disposed) return;
    if (this.changedAt === 0) this.changedAt = Date.now();
    if (!this.quickTimer) {
      this.quickTimer = setTimeout(() => {
        this.quickTimer = undefined;
        if (this.view) this.render(true);
      }, 0);
    }
    this.schedule(120);
  }

  /** Builds the view and posts what changed since the last render. */
  render(quick = false): void {
    if (this.disposed || !this.ready || !this.panel.visible) return;
    const started = performance.now();
    const view = buildView(this.document, this.deps.index, this.visible, quick ? this.view : undefined);
    const old = new Map<string, number[]>();
    this.sentSignatures.forEach((sig, i) => {
      const list = old.get(sig);
      if (list) list.push(i);
      else old.set(sig, [i]);
    });
    const signatures: string[] = [];
    const entries: ParagraphEntry[] = view.views.map((p) => {
      const sig = paragraphSignature(p);
      signatures.push(sig);
      const reuse = old.get(sig)?.shift();
      return reuse !== undefined ? { reuse, start: p.start } : p;
    });
    const readOnly = readOnlyReason(this.document, this.deps.index);
    const rest = JSON.stringify([view.orphans, view.names, readOnly ?? null, entries.map((e) => ('reuse' in e ? e.reuse : -1))]);
    this.view = view;
    const changed = entries.some((e, i) => !('reuse' in e) || e.reuse !== i) || entries.length !== this.sentSignatures.length || rest !== this.sentRest;
    this.sentSignatures = signatures;
    this.sentRest = rest;
    if (!changed) {
      this.changedAt = 0;
      return;
    }
    const message: RenderMessage = {
      type: 'render',
      version: ++this.version,
      title: this.document.uri.path.split('/').pop() ?? '',
      paragraphs: entries,
      orphans: view.orphans,
      names: view.names,
      ...(readOnly ? { readOnly } : {}),
      lazy: view.lazy,
      timing: { changedAt: this.changedAt || Date.now(), sentAt: Date.now(), buildMs: performance.now() - started, marksMs: view.marksMs },
    };
    this.changedAt = 0;
    void this.panel.webview.postMessage(message);
    this.renders++;
    this.lastRenderMs = performance.now() - started;
    this.deps.onRender?.(this.lastRenderMs);
  }

  setDocument(document: vscode.TextDocument): void {
    if (document === this.document) return;
    this.document = document;
    this.schedule(0);
  }

  /** The editor's cursor moved: the reader scrolls to its paragraph. */
  cursor(offset: number): void {
    if (this.ready) void this.panel.webview.postMessage({ type: 'cursor', offset });
  }

  private status(text: string, error = false): void {
    void this.panel.webview.postMessage({ type: 'status', text, error });
  }

  private async receive(raw: unknown): Promise<void> {
    const view = this.view;
    // The facts of this document version (a scroll sends a message: the text is not copied for its length).
    const facts = articleFacts(this.document);
    const result = validateMessage(raw, {
      textLength: facts.length,
      paragraphCount: view?.paragraphs.length ?? 0,
      hasMark: (id) => !!view?.marks.has(id),
      hasRecord: (id) => !!view?.records.has(id),
      verdictKeys: new Set(facts.config.verdicts.map((v) => v.key)),
    });
    if (!result.ok) {
      const type = typeof raw === 'object' && raw !== null ? String((raw as { type?: unknown }).type).slice(0, 40) : typeof raw;
      this.deps.output.appendLine(`reader: ignored message (${type}): ${result.error}`);
      return;
    }
    const message: WebviewMessage = result.message;
    try {
      if (message.type === 'ready') {
        this.ready = true;
        this.readyAt = Date.now();
        this.sentSignatures = [];
        this.sentRest = '';
        void this.panel.webview.postMessage(initMessage(this.document.uri, facts.config.verdicts));
        this.render();
        return;
      }
      if (message.type === 'visible') {
        const before = this.visible;
        this.visible = [message.from, message.to];
        if (view?.lazy && (!before || before[0] !== message.from || before[1] !== message.to)) this.schedule(60);
        return;
      }
      if (!view) return;
      const done = await applyReaderMessage(message, { document: this.document, view, ...this.deps });
      if (done) this.status(done.text, done.error);
      this.schedule(0);
    } catch (e) {
      this.deps.output.appendLine(`reader: ${message.type}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      this.status(vscode.l10n.t('Khabar: {0}', e instanceof Error ? e.message : String(e)), true);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.quickTimer) clearTimeout(this.quickTimer);
    this.subscriptions.dispose();
    this.panel.dispose();
    this.emitter.fire();
    this.emitter.dispose();
  }
}
