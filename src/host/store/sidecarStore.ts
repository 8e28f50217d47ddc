// The AnnotationStore backed by sidecar files: loads and re-anchors on open, follows edits, and
// hands the rest to its collaborators, one job each:
//   save.ts             debounced atomic saves, one at a time per file and across windows, retried
//   externalChanges.ts  the watcher, and reload / three-way merge of changes made outside
//   renames.ts          sidecars moved and deleted with their articles
//   diagnostics.ts      parse errors, orphans and the read-only state in the Problems panel
//   undoHistory.ts      the undo/redo stacks of each article
//   entry.ts            one article's state, and the file helpers they share
// It never overwrites a sidecar it could not read.

import * as vscode from 'vscode';
import { shiftAnchors } from '../../core/anchor/shift';
import type { AnnotationRecord } from '../../core/annotationRecord';
import { addRecord, applyOps, reattachRecord, removeRecord, updateRecord, type Edit } from '../../core/sidecar/edit';
import { emptySidecar, sha256Hex } from '../../core/sidecar/format';
import { reanchorKeepingFields, syncWithArticle } from '../../core/sidecar/sync';
import { readConfig } from '../config';
import type { AnnotationStore, ArticleState, RecordPatch } from '../storeApi';
import { StoreDiagnostics } from './diagnostics';
import { articleState, basename, describeErrors, isDirty, newEntry, readText, type Entry, type StoreCore } from './entry';
import { adoptDisk, ExternalChanges } from './externalChanges';
import { RenameFollower } from './renames';
import { SaveScheduler } from './save';
import { sidecarModule } from '../lazy/load';

export interface SidecarStoreOptions {
  /** Defaults to the `khabar.sidecarSuffix` setting, then `.annotations.yaml`. */
  suffix?: string;
  /** Quiet time before a change is written. */
  debounceMs?: number;
  /** Where details of failures go (the Khabar output channel). */
  log?: (message: string) => void;
  /** Longest wait between two retries of a failed save. */
  maxRetryMs?: number;
}

export function createAnnotationStore(context: vscode.ExtensionContext, options: SidecarStoreOptions = {}): SidecarStore {
  const store = new SidecarStore(options);
  context.subscriptions.push(store);
  return store;
}

export class SidecarStore implements AnnotationStore {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly problems = new StoreDiagnostics();
  private readonly subscriptions: vscode.Disposable;
  private suffix: string;
  private readonly log: (m: string) => void;
  private disposed = false;
  private readonly saves: SaveScheduler;
  private readonly external: ExternalChanges;
  private readonly renames: RenameFollower;

  constructor(options: SidecarStoreOptions = {}) {
    this.suffix = options.suffix ?? configuredSuffix();
    this.log = options.log ?? (() => undefined);
    const core: StoreCore = {
      entries: this.entries,
      log: this.log,
      sidecarFor: (a) => this.sidecarFor(a),
      suffix: () => this.suffix,
      openDocument,
      changed: (e, save) => this.changed(e, save),
      refresh: (e) => this.refresh(e),
    };
    this.external = new ExternalChanges(core, this.problems);
    this.renames = new RenameFollower(core, this.problems);
    this.saves = new SaveScheduler({
      debounceMs: options.debounceMs ?? 300,
      maxRetryMs: options.maxRetryMs ?? 60_000,
      log: this.log,
      openDocument,
      disposed: () => this.disposed,
      takeExternal: (e, text) => this.external.take(e, text),
      saved: (e) => {
        e.view = undefined;
        this.emitter.fire(e.article);
      },
    });
    this.external.watch();
    this.subscriptions = vscode.Disposable.from(
      this.emitter,
      this.problems,
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onArticleSaved(d)),
      vscode.workspace.onDidCloseTextDocument((d) => void this.onClose(d)),
      vscode.workspace.onDidRenameFiles((e) => void this.renames.onRename(e)),
      vscode.workspace.onDidDeleteFiles((e) => void this.renames.onDelete(e, (x) => this.saves.cancel(x))),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.onTrust()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (options.suffix === undefined && e.affectsConfiguration('khabar.sidecarSuffix')) {
          this.suffix = configuredSuffix();
          this.external.watch();
        }
      }),
    );
  }

  /** The collection of the store's diagnostics (sidecar errors, orphans, read-only articles). */
  get diagnostics(): vscode.DiagnosticCollection {
    return this.problems.collection;
  }

  // ---- the AnnotationStore contract ----

  async load(document: vscode.TextDocument): Promise<ArticleState> {
    return articleState(await this.entryFor(document));
  }

  peek(article: vscode.Uri): ArticleState | undefined {
    const e = this.entries.get(article.toString());
    return e ? articleState(e) : undefined;
  }

  async add(document: vscode.TextDocument, record: Omit<AnnotationRecord, 'id'>): Promise<AnnotationRecord> {
    const e = await this.writableEntry(document);
    const r = addRecord(e.data, record);
    this.apply(e, r);
    return r.record;
  }

  async update(document: vscode.TextDocument, id: string, patch: RecordPatch): Promise<AnnotationRecord | undefined> {
    const e = await this.writableEntry(document);
    const r = updateRecord(e.data, id, patch);
    if (!r) return undefined;
    this.apply(e, r);
    return r.record;
  }

  async remove(document: vscode.TextDocument, id: string): Promise<boolean> {
    const e = await this.writableEntry(document);
    const r = removeRecord(e.data, id);
    if (!r) return false;
    this.apply(e, r);
    return true;
  }

  async reattach(document: vscode.TextDocument, id: string, start: number, end: number): Promise<boolean> {
    const e = await this.writableEntry(document);
    const r = reattachRecord(e.data, id, document.getText(), start, end);
    if (!r) return false;
    this.apply(e, r);
    return true;
  }

  async undo(document: vscode.TextDocument): Promise<boolean> {
    const e = await this.writableEntry(document);
    const ops = e.history.undo();
    if (!ops) return false;
    e.data = applyOps(e.data, ops, 'before', document.getText());
    this.changed(e, true);
    return true;
  }

  async redo(document: vscode.TextDocument): Promise<boolean> {
    const e = await this.writableEntry(document);
    const ops = e.history.redo();
    if (!ops) return false;
    e.data = applyOps(e.data, ops, 'after', document.getText());
    this.changed(e, true);
    return true;
  }

  async flush(article?: vscode.Uri): Promise<void> {
    const list = article ? [this.entries.get(article.toString())].filter((x): x is Entry => !!x) : [...this.entries.values()];
    await Promise.all(list.map((e) => this.saves.flush(e)));
  }

  dispose(): void {
    this.disposed = true;
    for (const e of this.entries.values()) {
      this.saves.cancel(e);
      if (e.orphanTimer) clearTimeout(e.orphanTimer);
      // A last chance for pending annotation changes; the extension host waits briefly on shutdown.
      if (isDirty(e)) void this.saves.save(e);
    }
    this.external.dispose();
    this.subscriptions.dispose();
  }

  /** The sidecar beside an article, with the configured suffix. */
  sidecarFor(article: vscode.Uri): vscode.Uri {
    return article.with({ path: article.path + this.suffix });
  }

  /** Every loaded article, for the orphan commands. */
  loaded(): readonly ArticleState[] {
    return [...this.entries.values()].map(articleState);
  }

  // ---- loading ----

  private async entryFor(document: vscode.TextDocument): Promise<Entry> {
    const key = document.uri.toString();
    const existing = this.entries.get(key);
    if (existing) return existing;
    let p = this.loading.get(key);
    if (!p) {
      p = this.read(document).finally(() => this.loading.delete(key));
      this.loading.set(key, p);
    }
    return p;
  }

  private async writableEntry(document: vscode.TextDocument): Promise<Entry> {
    const e = await this.entryFor(document);
    if (e.readOnly) throw new Error(vscode.l10n.t('Annotations of this article are read-only: {0}', e.readOnly.reason));
    return e;
  }

  private async read(document: vscode.TextDocument): Promise<Entry> {
    const article = document.uri;
    const sidecar = this.sidecarFor(article);
    const e = newEntry(article, sidecar, emptySidecar(document.getText(), basename(article)));
    const disk = await readText(sidecar);
    if (disk.kind === 'error') {
      e.readOnly = { reason: vscode.l10n.t('{0} cannot be read ({1})', basename(sidecar), disk.message), kind: 'io' };
    } else if (disk.kind === 'text') {
      this.takeDisk(e, disk.text, document);
    }
    if (!e.readOnly && !vscode.workspace.isTrusted) {
      e.readOnly = { reason: vscode.l10n.t('Restricted Mode: trust this folder to tag and save annotations'), kind: 'untrusted' };
    }
    this.entries.set(article.toString(), e);
    this.problems.publish(e, openDocument(e.article));
    return e;
  }

  /** Adopts what is on disk as the state (no local changes to keep). */
  private takeDisk(e: Entry, text: string, document: vscode.TextDocument): void {
    const parsed = sidecarModule().parseSidecar(text);
    if (!parsed.ok) {
      e.diskText = text;
      e.diskHash = sha256Hex(text);
      e.readOnly = { reason: describeErrors(basename(e.sidecar), parsed.kind, parsed.errors), kind: parsed.kind };
      this.problems.sidecarErrors(e.sidecar, parsed.kind, parsed.errors);
      return;
    }
    adoptDisk(e, text, parsed);
    e.readOnly = undefined;
    this.problems.clearSidecar(e.sidecar);
    const sync = syncWithArticle(parsed.data, document.getText(), basename(e.article));
    e.data = sync.data;
    if (sync.moved.length > 0 || sync.orphans.some((id) => !parsed.data.annotations.find((a) => a.id === id)?.orphan)) {
      this.log(`${basename(e.sidecar)}: ${sync.moved.length} anchors moved, ${sync.orphans.length} orphans after the article changed`);
      // The re-anchored state is worth keeping: written with the next save of the article or annotation change.
      e.version++;
      e.onlyShifted = true;
    }
  }

  // ---- changes ----

  private apply(e: Entry, edit: Edit): void {
    e.data = edit.data;
    e.history.record(edit.ops);
    this.changed(e, true);
  }

  /** `save`: a change of annotations (written soon); otherwise offsets that followed typing. */
  private changed(e: Entry, save: boolean): void {
    e.version++;
    e.view = undefined;
    if (save) {
      e.onlyShifted = false;
      this.saves.schedule(e);
    } else if (e.version - 1 === e.savedVersion) {
      e.onlyShifted = true;
    }
    this.problems.publish(e, openDocument(e.article));
    this.emitter.fire(e.article);
  }

  private refresh(e: Entry): void {
    e.view = undefined;
    this.problems.publish(e, openDocument(e.article));
    this.emitter.fire(e.article);
  }

  private onTrust(): void {
    for (const e of this.entries.values()) {
      if (e.readOnly?.kind !== 'untrusted') continue;
      e.readOnly = undefined;
      this.refresh(e);
    }
  }

  private onEdit(ev: vscode.TextDocumentChangeEvent): void {
    const e = this.entries.get(ev.document.uri.toString());
    if (!e || ev.contentChanges.length === 0 || e.data.annotations.length === 0) return;
    const changes = ev.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }));
    const shifted = shiftAnchors(e.data.annotations, changes);
    if (shifted.records.every((r, i) => r === e.data.annotations[i])) return;
    e.data = { ...e.data, annotations: shifted.records };
    this.changed(e, false);
    // An orphan may come back (undo of a deletion, a paste): look again once typing pauses.
    if (e.data.annotations.some((a) => a.orphan)) {
      if (e.orphanTimer) clearTimeout(e.orphanTimer);
      e.orphanTimer = setTimeout(() => {
        e.orphanTimer = undefined;
        this.retryOrphans(e, ev.document);
      }, 400);
    }
  }

  private retryOrphans(e: Entry, document: vscode.TextDocument): void {
    if (document.isClosed || this.entries.get(e.article.toString()) !== e) return;
    const orphans = e.data.annotations.filter((a) => a.orphan);
    if (orphans.length === 0) return;
    const r = reanchorKeepingFields(document.getText(), orphans);
    if (r.reattached.length === 0) return;
    const back = new Map(r.records.filter((x) => !x.orphan).map((x) => [x.id, x]));
    e.data = { ...e.data, annotations: e.data.annotations.map((a) => back.get(a.id) ?? a) };
    this.changed(e, false);
  }

  private onArticleSaved(document: vscode.TextDocument): void {
    const e = this.entries.get(document.uri.toString());
    if (e && e.version !== e.savedVersion) this.saves.schedule(e);
  }

  private async onClose(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const e = this.entries.get(key);
    if (!e) return;
    if (e.orphanTimer) clearTimeout(e.orphanTimer);
    if (isDirty(e)) {
      this.saves.cancel(e);
      this.saves.enqueue(e);
    }
    await e.queue;
    // Offsets that only followed unsaved typing are dropped with the document: the file on disk
    // still has the old text, and the next load re-anchors against whatever is there.
    if (this.entries.get(key) === e) {
      this.entries.delete(key);
      this.problems.forgetArticle(e.article);
      this.emitter.fire(e.article);
    }
  }
}

function configuredSuffix(): string {
  return readConfig().sidecarSuffix;
}

function openDocument(article: vscode.Uri): vscode.TextDocument | undefined {
  const key = article.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}
