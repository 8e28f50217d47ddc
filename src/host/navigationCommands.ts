// Moving between annotations (all, tagged claims, suggestions, claims without a verdict), undo and
// redo of annotation changes, and revealing an annotation from the tree or the reader.
import * as vscode from 'vscode';
import { mergeMarks, type Mark } from '../core/editor/marks';
import { step, stepByChunks, uniqueSpans, type Direction } from '../core/editor/navigate';
import { isUnverified } from '../core/editor/records';
import { ArticleAccess, isTarget, num, select } from './commandTarget';
import { isArticle } from './articles';
import { documentLength } from './detections';

export type Walk = 'all' | 'claims' | 'suggestions' | 'unverified';

/** Lines detected at a time when walking a long article. */
const SCAN_LINES = 200;

export class NavigationCommands {
  constructor(private readonly a: ArticleAccess) {}

  /** Which marks a navigation command visits. */
  private wanted(what: Walk): (m: Mark) => boolean {
    switch (what) {
      case 'all':
        return (m) => m.key !== 'orphan';
      case 'claims':
        return (m) => m.key === 'claimTagged' && m.record?.label === 'CLAIM';
      case 'suggestions':
        return (m) => m.key === 'claimSuggestion' && !m.record;
      case 'unverified':
        return (m) => m.key !== 'orphan' && m.record !== undefined && isUnverified(m.record);
    }
  }

  /** Spans to walk for a navigation command over the whole document, sorted. */
  spans(document: vscode.TextDocument, what: Walk): Mark[] {
    const keep = this.wanted(what);
    // Claims live in the store: no detection needed to walk them.
    const marks =
      what === 'claims' || what === 'unverified'
        ? mergeMarks([], this.a.index.records(document), [], documentLength(document))
        : this.a.index.marks(document);
    return uniqueSpans(marks.filter(keep));
  }

  /**
   * The next/previous mark from an offset in a long article, detecting chunk by chunk from the
   * cursor outwards instead of the whole text (which would take seconds at 1 MB).
   */
  private scan(document: vscode.TextDocument, what: Walk, offset: number, direction: Direction): Mark | undefined {
    const keep = this.wanted(what);
    const line = document.positionAt(offset).line;
    return stepByChunks(document.lineCount, line, offset, direction, SCAN_LINES, (from, to) =>
      uniqueSpans(this.a.index.marks(document, undefined, from, to).filter(keep)),
    );
  }

  go(what: Walk, direction: Direction): Mark | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isArticle(editor.document)) return undefined;
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.start);
    const long = (what === 'all' || what === 'suggestions') && this.a.index.detections.paragraphMode(doc) && !this.a.index.detections.peek(doc);
    const target = long ? this.scan(doc, what, offset, direction) : step(this.spans(doc, what), offset, direction);
    if (!target) {
      const msg: Record<Walk, string> = {
        all: vscode.l10n.t('No annotations in this article.'),
        claims: vscode.l10n.t('No tagged claims in this article.'),
        suggestions: vscode.l10n.t('No claim suggestions left to review.'),
        unverified: vscode.l10n.t('Every tagged claim has a verdict.'),
      };
      void vscode.window.setStatusBarMessage(msg[what], 3000);
      return undefined;
    }
    select(editor, doc, target.start, target.end);
    return target;
  }

  async undoRedo(which: 'undo' | 'redo'): Promise<boolean> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isArticle(document)) return false;
    if (!(await this.a.writable(document))) return false;
    const done = which === 'undo' ? await this.a.index.store.undo(document) : await this.a.index.store.redo(document);
    if (!done) void vscode.window.setStatusBarMessage(which === 'undo' ? vscode.l10n.t('Nothing to undo in the annotations.') : vscode.l10n.t('Nothing to redo in the annotations.'), 3000);
    return done;
  }

  async reveal(arg: unknown): Promise<void> {
    if (!isTarget(arg) || typeof arg.uri !== 'string') return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
    const start = num(arg.start) ?? 0;
    select(editor, document, start, num(arg.end) ?? start);
  }
}
