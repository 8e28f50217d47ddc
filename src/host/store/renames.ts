// Sidecars follow their articles: renamed with them (unless the new name is taken), and offered
// for deletion with them. The entry of an open article is re-keyed to its new name.

import * as vscode from 'vscode';
import { articlePathFor } from '../../core/sidecar/format';
import type { StoreDiagnostics } from './diagnostics';
import { basename, exists, type Entry, type StoreCore } from './entry';

export class RenameFollower {
  constructor(
    private readonly core: StoreCore,
    private readonly diagnostics: StoreDiagnostics,
  ) {}

  async onRename(ev: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of ev.files) {
      if (articlePathFor(oldUri.path, this.core.suffix()) !== undefined) continue;
      const e = this.core.entries.get(oldUri.toString());
      if (e) await e.queue;
      if (await this.moveSidecar(oldUri, newUri)) {
        if (e) this.rekey(e, newUri);
      }
    }
  }

  /** True when the article's annotations now sit beside its new name (moved, or there were none). */
  private async moveSidecar(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<boolean> {
    const from = this.core.sidecarFor(oldUri);
    const to = this.core.sidecarFor(newUri);
    if (!(await exists(from))) return true;
    if (await exists(to)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} was renamed, but {1} already exists, so its annotations stay in {2}.', basename(newUri), basename(to), basename(from)),
      );
      return false;
    }
    try {
      await vscode.workspace.fs.rename(from, to, { overwrite: false });
      return true;
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Khabar could not move {0} with its article: {1}', basename(from), String(err)));
      return false;
    }
  }

  private rekey(e: Entry, newArticle: vscode.Uri): void {
    this.core.entries.delete(e.article.toString());
    this.diagnostics.forgetArticle(e.article);
    this.diagnostics.clearSidecar(e.sidecar);
    e.article = newArticle;
    e.sidecar = this.core.sidecarFor(newArticle);
    e.view = undefined;
    this.core.entries.set(newArticle.toString(), e);
    if (e.data.document.path !== basename(newArticle)) {
      e.data = { ...e.data, document: { ...e.data.document, path: basename(newArticle) } };
      this.core.changed(e, true);
    } else {
      this.core.refresh(e);
    }
  }

  async onDelete(ev: vscode.FileDeleteEvent, cancelSave: (e: Entry) => void): Promise<void> {
    for (const uri of ev.files) {
      if (articlePathFor(uri.path, this.core.suffix()) !== undefined) continue;
      const sidecar = this.core.sidecarFor(uri);
      if (!(await exists(sidecar))) continue;
      const del = vscode.l10n.t('Delete annotations');
      const keep = vscode.l10n.t('Keep');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} was deleted. Delete its annotations file {1} too?', basename(uri), basename(sidecar)),
        del,
        keep,
      );
      if (choice !== del) continue;
      const e = this.core.entries.get(uri.toString());
      if (e) {
        cancelSave(e);
        this.core.entries.delete(uri.toString());
        this.diagnostics.forgetArticle(uri);
      }
      try {
        await vscode.workspace.fs.delete(sidecar, { useTrash: true });
      } catch {
        await vscode.workspace.fs.delete(sidecar, { useTrash: false });
      }
    }
  }
}
