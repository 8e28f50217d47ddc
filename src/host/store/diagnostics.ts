// What the store shows in the Problems panel: a sidecar's parse errors on the sidecar, and on the
// article its orphaned annotations and why its annotations are read-only.

import * as vscode from 'vscode';
import type { SidecarError, SidecarErrorKind } from '../../core/sidecar/parse';
import { basename, type Entry } from './entry';

export class StoreDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('khabar-sidecar');
  /** Articles with diagnostics set, so a keystroke that changes nothing does not touch the collection. */
  private readonly withDiagnostics = new Set<string>();

  sidecarErrors(sidecar: vscode.Uri, kind: SidecarErrorKind, errors: readonly SidecarError[]): void {
    this.collection.set(
      sidecar,
      errors.map((x) => {
        const line = Math.max(0, x.line - 1);
        const col = Math.max(0, x.col - 1);
        const d = new vscode.Diagnostic(new vscode.Range(line, col, line, col + 1), x.message, vscode.DiagnosticSeverity.Error);
        d.source = 'khabar';
        d.code = kind;
        return d;
      }),
    );
  }

  /** The sidecar reads again (or is gone): its errors go. */
  clearSidecar(sidecar: vscode.Uri): void {
    this.collection.delete(sidecar);
  }

  /** The article is no longer followed (closed, renamed, deleted). */
  forgetArticle(article: vscode.Uri): void {
    this.collection.delete(article);
    this.withDiagnostics.delete(article.toString());
  }

  /** Orphans, and the read-only state, as warnings on the article (`document`: its open text, for positions). */
  publish(e: Entry, document: vscode.TextDocument | undefined): void {
    const at = (offset: number): vscode.Range => {
      // positionAt clamps to the document, so a stale orphan offset is safe.
      const p = document ? document.positionAt(Math.max(0, offset)) : new vscode.Position(0, 0);
      return new vscode.Range(p, p);
    };
    const list: vscode.Diagnostic[] = [];
    if (e.readOnly && e.readOnly.kind !== 'untrusted') list.push(readOnlyDiagnostic(e, at(0)));
    for (const a of e.data.annotations) {
      if (!a.orphan) continue;
      const quote = a.target.exact.length > 60 ? a.target.exact.slice(0, 59) + '…' : a.target.exact;
      const d = new vscode.Diagnostic(
        at(a.target.start),
        vscode.l10n.t('Orphaned annotation {0} ({1}): “{2}” is no longer in the text. Re-attach it to a selection or delete it.', a.id, a.label, quote),
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'khabar';
      // The id travels in the code (not the translated message) for the quick fixes; the link opens the sidecar.
      d.code = { value: `orphan:${a.id}`, target: e.sidecar };
      list.push(d);
    }
    // Called on every keystroke that moves an anchor: touch the collection only when there is news.
    const key = e.article.toString();
    if (list.length > 0) {
      this.collection.set(e.article, list);
      this.withDiagnostics.add(key);
    } else if (this.withDiagnostics.delete(key)) {
      this.collection.delete(e.article);
    }
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function readOnlyDiagnostic(e: Entry, range: vscode.Range): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, vscode.l10n.t('Annotations are read-only: {0}', e.readOnly!.reason), vscode.DiagnosticSeverity.Warning);
  d.source = 'khabar';
  d.code = 'sidecar-read-only';
  d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(e.sidecar, new vscode.Position(0, 0)), basename(e.sidecar))];
  return d;
}
