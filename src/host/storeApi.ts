// The contract between the editor features and the sidecar store (src/host/store/**).
// Everything the user tags goes through it; the store owns loading, saving, anchoring and merging.

import type * as vscode from 'vscode';
import type { AnnotationRecord } from '../core/annotationRecord';

/** What the store knows about one article. */
export interface ArticleState {
  readonly article: vscode.Uri;
  readonly sidecar: vscode.Uri;
  /** Records placed in the current text (offsets valid for the open document's current version). */
  readonly records: readonly AnnotationRecord[];
  /** Records whose anchor was lost or ambiguous; kept, shown, re-attachable. */
  readonly orphans: readonly AnnotationRecord[];
  /** Set when the sidecar cannot be written (does not parse, fails the schema, newer version, conflict markers). */
  readonly readOnlyReason: string | undefined;
  /** True while local changes are not yet on disk. */
  readonly dirty: boolean;
}

export type RecordPatch = Partial<Omit<AnnotationRecord, 'id'>>;

export interface AnnotationStore extends vscode.Disposable {
  /** Fires after any change to an article's records (local edit, reload, merge, re-anchor). */
  readonly onDidChange: vscode.Event<vscode.Uri>;
  /** Loads (once) and returns the state for an article document. */
  load(document: vscode.TextDocument): Promise<ArticleState>;
  /** The state if already loaded, without I/O. */
  peek(article: vscode.Uri): ArticleState | undefined;
  /** Adds a record; the id is assigned by the store (prefix by kind: c, e, f, n). Returns the stored record. */
  add(document: vscode.TextDocument, record: Omit<AnnotationRecord, 'id'>): Promise<AnnotationRecord>;
  update(document: vscode.TextDocument, id: string, patch: RecordPatch): Promise<AnnotationRecord | undefined>;
  remove(document: vscode.TextDocument, id: string): Promise<boolean>;
  /** Re-attach an orphan (or any record) to a new range of the current text. */
  reattach(document: vscode.TextDocument, id: string, start: number, end: number): Promise<boolean>;
  /** Reverts the last change made through this store for the article; false if nothing to undo. */
  undo(document: vscode.TextDocument): Promise<boolean>;
  redo(document: vscode.TextDocument): Promise<boolean>;
  /** Writes pending changes now (tests, shutdown). */
  flush(article?: vscode.Uri): Promise<void>;
}
