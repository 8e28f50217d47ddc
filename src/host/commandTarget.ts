// Where a command acts, and what every annotation command needs to find it: the target (a hover
// link's offset, a code action's span, a tree item, else the editor's selection), the record or
// detection under it, and whether the article's annotations may be written.
import * as vscode from 'vscode';
import type { Mark } from '../core/editor/marks';
import type { AnnotationRecord } from '../core/annotationRecord';
import type { Detection } from '../core/types';
import type { AnnotationIndex } from './annotations';
import { isArticle } from './articles';

/** Where a command acts: from a hover link (offset), a code action (start/end), or a tree item (uri, record). */
export interface Target {
  offset?: number;
  start?: number;
  end?: number;
  uri?: string;
  recordId?: string;
}

export interface Resolved {
  editor: vscode.TextEditor | undefined;
  document: vscode.TextDocument;
  start: number;
  end: number;
}

export function isTarget(x: unknown): x is Target {
  return typeof x === 'object' && x !== null && !(x instanceof vscode.Uri);
}

export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

export async function resolve(arg: unknown): Promise<Resolved | undefined> {
  const t: Target = isTarget(arg) ? arg : {};
  let editor = vscode.window.activeTextEditor;
  let document = editor?.document;
  if (typeof t.uri === 'string' && document?.uri.toString() !== t.uri) {
    document = await vscode.workspace.openTextDocument(vscode.Uri.parse(t.uri));
    editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  }
  if (!isServedArticle(document)) return undefined;
  const start = num(t.start) ?? num(t.offset);
  const end = num(t.end) ?? start;
  if (start !== undefined && end !== undefined) return { editor, document, start, end };
  if (!editor) return undefined;
  const sel = editor.selection;
  return { editor, document, start: document.offsetAt(sel.start), end: document.offsetAt(sel.end) };
}

export function now(): string {
  return new Date().toISOString();
}

export function select(editor: vscode.TextEditor | undefined, document: vscode.TextDocument, start: number, end: number): void {
  if (!editor) return;
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** True for an article Khabar serves; otherwise tells the user why the command does nothing. */
export function isServedArticle(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an Arabic article first.'));
    return false;
  }
  if (!isArticle(document)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This document does not look like an Arabic article (see the khabar.enable setting).'));
    return false;
  }
  return true;
}

/** The annotations under a command's target, and whether they may be written. */
export class ArticleAccess {
  constructor(readonly index: AnnotationIndex) {}

  /** Writing needs a trusted workspace and a sidecar that may be written; says why not otherwise. */
  async writable(document: vscode.TextDocument): Promise<boolean> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Khabar is read-only in Restricted Mode: trust this workspace to save annotations.'));
      return false;
    }
    const state = await this.index.store.load(document);
    if (state.readOnlyReason) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The annotations file cannot be written: {0}', state.readOnlyReason));
      return false;
    }
    return true;
  }

  marksAt(r: Resolved): Mark[] {
    return this.index.at(r.document, r.start, true);
  }

  /** The record a command acts on: a tree item's id, else the innermost record under the target. */
  async recordAt(r: Resolved, arg: unknown, want?: (rec: AnnotationRecord) => boolean): Promise<AnnotationRecord | undefined> {
    const state = await this.index.store.load(r.document);
    const all = [...state.records, ...state.orphans];
    const id = isTarget(arg) && typeof arg.recordId === 'string' ? arg.recordId : undefined;
    if (id) return all.find((x) => x.id === id);
    const hits = this.index.recordsAt(r.document, r.start).filter((x) => (want ? want(x) : true));
    if (r.end > r.start) {
      const exact = hits.find((x) => x.target.start === r.start && x.target.end === r.end);
      if (exact) return exact;
    }
    return hits[0];
  }

  detectionAt(r: Resolved, want?: (d: Detection) => boolean): Detection | undefined {
    const found = this.marksAt(r)
      .map((m) => m.detection)
      .filter((d): d is Detection => !!d && (want ? want(d) : true));
    if (r.end > r.start) {
      const exact = found.find((d) => d.start === r.start && d.end === r.end);
      if (exact) return exact;
    }
    return found[0];
  }

  claimRecordAt(r: Resolved, arg: unknown): Promise<AnnotationRecord | undefined> {
    return this.recordAt(r, arg, (x) => x.kind === 'claim' && x.status !== 'rejected');
  }
}
