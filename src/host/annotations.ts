// One place that answers "what is marked here": detections merged with the store's records for a
// document, a range of lines or an offset. Decorations, hovers, code actions, navigation, the tree
// and the status bar all read it, so they never disagree.
import * as vscode from 'vscode';
import { mergeMarks, marksAt, type DecorationKey, type Mark } from '../core/editor/marks';
import type { AnnotationRecord } from '../core/annotationRecord';
import type { Detection } from '../core/types';
import { isArticle } from './articles';
import { articleFacts } from './articleFacts';
import type { DetectionService } from './detections';
import type { AnnotationStore, ArticleState } from './storeApi';

export class AnnotationIndex implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable;
  private readonly loading = new Set<string>();

  constructor(
    readonly detections: DetectionService,
    readonly store: AnnotationStore,
  ) {
    this.subscriptions = vscode.Disposable.from(
      this.emitter,
      store.onDidChange((uri) => this.emitter.fire(uri)),
      detections.onDidChange((uri) => this.emitter.fire(uri)),
    );
  }

  /** The store's state, loading it in the background the first time (a change event follows). */
  state(document: vscode.TextDocument): ArticleState | undefined {
    const s = this.store.peek(document.uri);
    if (s || !isArticle(document)) return s;
    const key = document.uri.toString();
    if (!this.loading.has(key)) {
      this.loading.add(key);
      this.store.load(document).then(
        () => {
          this.loading.delete(key);
          this.emitter.fire(document.uri);
        },
        () => this.loading.delete(key),
      );
    }
    return undefined;
  }

  records(document: vscode.TextDocument): readonly AnnotationRecord[] {
    return this.state(document)?.records ?? [];
  }

  orphans(document: vscode.TextDocument): readonly AnnotationRecord[] {
    return this.state(document)?.orphans ?? [];
  }

  /**
   * Marks for lines [fromLine, toLine], or for the whole document when no lines are given. `quick`:
   * figures and saved records only, for the first paint while the full detection is pending.
   */
  marks(document: vscode.TextDocument, hidden?: ReadonlySet<DecorationKey>, fromLine?: number, toLine?: number, quick = false): Mark[] {
    const length = articleFacts(document).length;
    let detections: readonly Detection[];
    // The store's state once per call: records and orphans come from the same state.
    const state = this.state(document);
    let records = state?.records ?? [];
    let orphans = state?.orphans ?? [];
    if (fromLine === undefined || toLine === undefined) detections = this.detections.get(document);
    else {
      detections = quick ? this.detections.quick(document, fromLine, toLine) : this.detections.inLines(document, fromLine, toLine);
      const from = document.offsetAt(new vscode.Position(fromLine, 0));
      const to = document.offsetAt(document.lineAt(Math.min(toLine, document.lineCount - 1)).range.end);
      records = records.filter((r) => r.target.end >= from && r.target.start <= to);
      orphans = orphans.filter((r) => Math.min(r.target.start, length) >= from && Math.min(r.target.start, length) <= to);
    }
    return mergeMarks(detections, records, orphans, length, hidden);
  }

  /** Marks under an offset, innermost first (only the offset's line is detected); `cursor` also takes a word just before it. */
  at(document: vscode.TextDocument, offset: number, cursor = false): Mark[] {
    const line = document.positionAt(offset).line;
    return marksAt(this.marks(document, undefined, line, line), offset, cursor);
  }

  /** Records (placed) covering the offset, innermost first. */
  recordsAt(document: vscode.TextDocument, offset: number): AnnotationRecord[] {
    return this.records(document)
      .filter((r) => r.target.start <= offset && offset <= r.target.end)
      .sort((a, b) => a.target.end - a.target.start - (b.target.end - b.target.start));
  }

  refresh(uri?: vscode.Uri): void {
    this.emitter.fire(uri);
  }

  dispose(): void {
    this.subscriptions.dispose();
  }
}
