// An AnnotationStore kept in memory only: used when no sidecar can be written (virtual documents,
// tests of the editor features) and as the fallback until a document is saved. Records follow
// edits through the change events, and every change can be undone.
import * as vscode from 'vscode';
import { shiftAnchors } from '../core/anchor/shift';
import type { AnnotationRecord } from '../core/model';
import type { AnnotationStore, ArticleState, RecordPatch } from './storeApi';

interface State {
  article: vscode.Uri;
  records: AnnotationRecord[];
  undo: AnnotationRecord[][];
  redo: AnnotationRecord[][];
  next: number;
}

const PREFIX: Record<string, string> = { claim: 'c', entity: 'e', figure: 'f', note: 'n' };

export class MemoryStore implements AnnotationStore {
  private readonly states = new Map<string, State>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((ev) => {
        const s = this.states.get(ev.document.uri.toString());
        if (!s || ev.contentChanges.length === 0 || s.records.length === 0) return;
        const changes = ev.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }));
        const shifted = shiftAnchors(s.records, changes).records;
        if (shifted.some((r, i) => r !== s.records[i])) {
          s.records = shifted;
          this.emitter.fire(s.article);
        }
      }),
    );
  }

  private state(uri: vscode.Uri): State {
    const key = uri.toString();
    let s = this.states.get(key);
    if (!s) {
      s = { article: uri, records: [], undo: [], redo: [], next: 1 };
      this.states.set(key, s);
    }
    return s;
  }

  private view(s: State): ArticleState {
    return {
      article: s.article,
      sidecar: s.article.with({ path: s.article.path + '.annotations.yaml' }),
      records: s.records.filter((r) => !r.orphan),
      orphans: s.records.filter((r) => r.orphan),
      readOnlyReason: undefined,
      dirty: false,
    };
  }

  private commit(s: State, records: AnnotationRecord[]): void {
    s.undo.push(s.records);
    s.redo = [];
    s.records = records;
    this.emitter.fire(s.article);
  }

  load(document: vscode.TextDocument): Promise<ArticleState> {
    return Promise.resolve(this.view(this.state(document.uri)));
  }

  peek(article: vscode.Uri): ArticleState | undefined {
    const s = this.states.get(article.toString());
    return s ? this.view(s) : undefined;
  }

  add(document: vscode.TextDocument, record: Omit<AnnotationRecord, 'id'>): Promise<AnnotationRecord> {
    const s = this.state(document.uri);
    const stored: AnnotationRecord = { id: `${PREFIX[record.kind] ?? 'a'}${s.next++}`, ...record };
    this.commit(s, [...s.records, stored]);
    return Promise.resolve(stored);
  }

  update(document: vscode.TextDocument, id: string, patch: RecordPatch): Promise<AnnotationRecord | undefined> {
    const s = this.state(document.uri);
    const i = s.records.findIndex((r) => r.id === id);
    if (i < 0) return Promise.resolve(undefined);
    const next = { ...s.records[i]!, ...patch, id };
    this.commit(s, s.records.map((r, j) => (j === i ? next : r)));
    return Promise.resolve(next);
  }

  remove(document: vscode.TextDocument, id: string): Promise<boolean> {
    const s = this.state(document.uri);
    if (!s.records.some((r) => r.id === id)) return Promise.resolve(false);
    this.commit(s, s.records.filter((r) => r.id !== id));
    return Promise.resolve(true);
  }

  reattach(document: vscode.TextDocument, id: string, start: number, end: number): Promise<boolean> {
    const s = this.state(document.uri);
    const text = document.getText();
    const i = s.records.findIndex((r) => r.id === id);
    if (i < 0 || start < 0 || end > text.length || start >= end) return Promise.resolve(false);
    const r = { ...s.records[i]! };
    delete r.orphan;
    r.target = { start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
    this.commit(s, s.records.map((x, j) => (j === i ? r : x)));
    return Promise.resolve(true);
  }

  undo(document: vscode.TextDocument): Promise<boolean> {
    const s = this.state(document.uri);
    const prev = s.undo.pop();
    if (!prev) return Promise.resolve(false);
    s.redo.push(s.records);
    s.records = prev;
    this.emitter.fire(s.article);
    return Promise.resolve(true);
  }

  redo(document: vscode.TextDocument): Promise<boolean> {
    const s = this.state(document.uri);
    const next = s.redo.pop();
    if (!next) return Promise.resolve(false);
    s.undo.push(s.records);
    s.records = next;
    this.emitter.fire(s.article);
    return Promise.resolve(true);
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.states.clear();
  }
}
