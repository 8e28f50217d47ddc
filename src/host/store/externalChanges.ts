// Changes to a sidecar made outside this store (another window, git, a hand edit, the CLI): the
// watcher that notices them, and taking them in: reload when there is nothing of ours to keep,
// three-way merge when there is, read-only (keeping ours in memory) when the new file cannot be read.

import * as vscode from 'vscode';
import type { SidecarData } from '../../core/annotationRecord';
import { articlePathFor, sha256Hex } from '../../core/sidecar/format';
import { mergeSidecars, resolveConflicts, type MergeResult } from '../../core/sidecar/merge';
import type { parseSidecar } from '../../core/sidecar/parse';
import { syncWithArticle } from '../../core/sidecar/sync';
import type { StoreDiagnostics } from './diagnostics';
import { basename, describeErrors, isDirty, readText, type Entry, type StoreCore } from './entry';
import { sidecarModule } from '../lazy/load';

type Parsed = Extract<ReturnType<typeof parseSidecar>, { ok: true }>;
type Unparsed = Extract<ReturnType<typeof parseSidecar>, { ok: false }>;

export class ExternalChanges implements vscode.Disposable {
  private watcher: vscode.FileSystemWatcher | undefined;

  constructor(
    private readonly core: StoreCore,
    private readonly diagnostics: StoreDiagnostics,
  ) {}

  /** (Re)creates the watcher for sidecars with the current suffix. */
  watch(): void {
    this.watcher?.dispose();
    const suffix = this.core.suffix();
    const w = vscode.workspace.createFileSystemWatcher(`**/*${suffix}`);
    const onDisk = (uri: vscode.Uri): void => {
      const article = articlePathFor(uri.path, suffix);
      if (article === undefined) return;
      const e = this.core.entries.get(uri.with({ path: article }).toString());
      if (!e) return;
      e.queue = e.queue
        .then(async () => {
          const disk = await readText(e.sidecar);
          if (disk.kind === 'error') return;
          const text = disk.kind === 'text' ? disk.text : undefined;
          if (text !== undefined && e.own.has(sha256Hex(text))) return;
          if (text === e.diskText) return;
          await this.take(e, text);
        })
        .catch((err: unknown) => this.core.log(`reload failed: ${String(err)}`));
    };
    w.onDidChange(onDisk);
    w.onDidCreate(onDisk);
    w.onDidDelete(onDisk);
    this.watcher = w;
  }

  dispose(): void {
    this.watcher?.dispose();
  }

  /** The sidecar on disk changed under us: reload, merge, or (unreadable) go read-only keeping ours. */
  async take(e: Entry, text: string | undefined): Promise<void> {
    e.own.clear();
    if (text === undefined) return this.deleted(e);
    const parsed = sidecarModule().parseSidecar(text);
    if (!parsed.ok) return this.unreadable(e, text, parsed);
    const document = this.core.openDocument(e.article);
    const wasReadOnly = e.readOnly !== undefined;
    e.readOnly = undefined;
    this.diagnostics.clearSidecar(e.sidecar);
    const dirty = isDirty(e);
    const theirs = document ? syncWithArticle(parsed.data, document.getText(), basename(e.article)).data : parsed.data;
    const base = e.base;
    adoptDisk(e, text, parsed);
    if (!dirty && !wasReadOnly) {
      e.data = theirs;
      e.savedVersion = ++e.version;
      e.onlyShifted = false;
      e.history.clear();
      this.core.refresh(e);
      return;
    }
    this.merge(e, base, theirs, document);
  }

  private merge(e: Entry, base: SidecarData | undefined, theirs: SidecarData, document: vscode.TextDocument | undefined): void {
    const merged = mergeSidecars(base, e.data, theirs, document ? { text: document.getText() } : {});
    e.data = merged.data;
    e.history.clear();
    this.core.changed(e, true);
    // Not awaited: this may run inside a save holding the sidecar's lock, and the question may stay
    // unanswered for long; the answer is applied to the records as they are by then.
    void this.reportMerge(e, merged);
  }

  /** Deleted by someone else. Our annotations are not dropped silently. */
  private async deleted(e: Entry): Promise<void> {
    e.diskText = undefined;
    e.diskHash = undefined;
    e.doc = undefined;
    e.readOnly = undefined;
    this.diagnostics.clearSidecar(e.sidecar);
    if (e.data.annotations.length === 0) return;
    const restore = vscode.l10n.t('Restore');
    const discard = vscode.l10n.t('Discard annotations');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The annotations file {0} was deleted outside the editor. Restore it from memory?', basename(e.sidecar)),
      restore,
      discard,
    );
    if (choice === discard) {
      e.data = { ...e.data, annotations: [] };
      e.savedVersion = ++e.version;
      this.core.refresh(e);
    } else {
      this.core.changed(e, true);
    }
  }

  private unreadable(e: Entry, text: string, parsed: Unparsed): void {
    e.diskText = text;
    e.diskHash = sha256Hex(text);
    e.readOnly = { reason: describeErrors(basename(e.sidecar), parsed.kind, parsed.errors), kind: parsed.kind };
    this.diagnostics.sidecarErrors(e.sidecar, parsed.kind, parsed.errors);
    this.core.refresh(e);
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} changed on disk and cannot be read; annotations are read-only until it is fixed. Your unsaved annotation changes are kept in memory.', basename(e.sidecar)),
    );
  }

  private async reportMerge(e: Entry, merged: MergeResult): Promise<void> {
    const name = basename(e.sidecar);
    if (merged.renamed.length > 0) {
      this.core.log(`${name}: ids created on both sides, theirs renamed: ${merged.renamed.map((r) => `${r.from}→${r.to}`).join(', ')}`);
    }
    if (merged.conflicts.length === 0) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Khabar merged changes to {0} made outside the editor.', name), 5000);
      return;
    }
    for (const c of merged.conflicts) {
      this.core.log(`${name}: conflict on ${c.id}${c.field ? `.${c.field}` : ''} (${c.kind}): ours=${JSON.stringify(c.ours)} theirs=${JSON.stringify(c.theirs)}`);
    }
    const mine = vscode.l10n.t('Keep mine');
    const theirs = vscode.l10n.t('Take theirs');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} was changed outside the editor while you had unsaved annotation changes. {1} annotations were changed on both sides (details in the Khabar output).',
        name,
        String(new Set(merged.conflicts.map((c) => c.id)).size),
      ),
      { modal: false },
      mine,
      theirs,
    );
    if (choice === theirs) {
      e.data = resolveConflicts({ ...merged, data: e.data }, 'theirs');
      this.core.changed(e, true);
    }
  }
}

/** The file on disk, parsed, is now the base of the next merge. */
export function adoptDisk(e: Entry, text: string, parsed: Parsed): void {
  e.diskText = text;
  e.diskHash = sha256Hex(text);
  e.doc = parsed.doc;
  e.base = parsed.data;
}
