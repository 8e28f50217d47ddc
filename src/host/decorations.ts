// Highlights for detections in visible editors. Background/border only and whole tokens, so Arabic
// letters stay joined and the line's order never changes. Updates are debounced per editor.
import * as vscode from 'vscode';
import type { Detection } from '../core/types';
import { isArticle } from './articles';
import { readConfig } from './config';
import type { DetectionService } from './detections';

export type DecorationKey = 'PER' | 'LOC' | 'ORG' | 'MISC' | 'figure' | 'claim';

function makeType(color: string, border: string, extra: vscode.DecorationRenderOptions = {}): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(color),
    border: '1px solid',
    borderColor: new vscode.ThemeColor(border),
    borderRadius: '3px',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    ...extra,
  });
}

export class DecorationManager implements vscode.Disposable {
  private readonly types: Record<DecorationKey, vscode.TextEditorDecorationType>;
  private readonly timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private enabled = true;
  /** What was last drawn, per editor: tests and the status bar read it. */
  readonly drawn = new WeakMap<vscode.TextEditor, Map<DecorationKey, readonly Detection[]>>();

  constructor(private readonly detections: DetectionService) {
    this.types = {
      PER: makeType('khabar.personBackground', 'khabar.personBorder'),
      LOC: makeType('khabar.placeBackground', 'khabar.placeBorder'),
      ORG: makeType('khabar.organisationBackground', 'khabar.organisationBorder'),
      MISC: makeType('khabar.miscBackground', 'khabar.miscBorder'),
      figure: makeType('khabar.figureBackground', 'khabar.figureBorder'),
      claim: vscode.window.createTextEditorDecorationType({
        textDecoration: 'underline dotted',
        backgroundColor: new vscode.ThemeColor('khabar.claimSuggestionBackground'),
        isWholeLine: false,
      }),
    };
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.schedule(e, 0))),
      vscode.workspace.onDidChangeTextDocument((ev) => {
        for (const e of vscode.window.visibleTextEditors) if (e.document === ev.document) this.schedule(e, 250);
      }),
      vscode.workspace.onDidChangeConfiguration((ev) => {
        if (ev.affectsConfiguration('khabar')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const e of vscode.window.visibleTextEditors) this.schedule(e, 0);
  }

  toggle(): boolean {
    this.enabled = !this.enabled;
    this.refreshAll();
    return this.enabled;
  }

  private schedule(editor: vscode.TextEditor, delay: number): void {
    const pending = this.timers.get(editor);
    if (pending) clearTimeout(pending);
    this.timers.set(
      editor,
      setTimeout(() => {
        this.timers.delete(editor);
        this.update(editor);
      }, delay),
    );
  }

  update(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const byKey = new Map<DecorationKey, Detection[]>();
    for (const k of Object.keys(this.types) as DecorationKey[]) byKey.set(k, []);
    if (this.enabled && isArticle(doc)) {
      const config = readConfig(doc.uri).highlight;
      for (const d of this.detections.get(doc)) {
        if (d.kind === 'entity' && config.entities) byKey.get(d.label)!.push(d);
        else if (d.kind === 'figure' && config.figures) byKey.get('figure')!.push(d);
        else if (d.kind === 'claim' && config.claims) byKey.get('claim')!.push(d);
      }
    }
    for (const [key, list] of byKey) {
      editor.setDecorations(
        this.types[key],
        list.map((d) => new vscode.Range(doc.positionAt(d.start), doc.positionAt(d.end))),
      );
    }
    this.drawn.set(editor, byKey);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
    for (const t of Object.values(this.types)) t.dispose();
  }
}
