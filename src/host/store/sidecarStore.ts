// The AnnotationStore backed by sidecar files: loads and re-anchors on open, follows edits, saves
// atomically (debounced, one write at a time per file and across windows, retried), merges external changes, moves
// sidecars with their articles, and never overwrites a sidecar it could not read.

import * as vscode from 'vscode';
import { anchorFor, anchorHolds } from '../../core/anchor/anchor';
import { shiftAnchors } from '../../core/anchor/shift';
import type { AnnotationRecord, SidecarData } from '../../core/model';
import { decodeSidecar, sidecarSizeError } from '../../core/sidecar/bytes';
import { addRecord, applyOps, reattachRecord, removeRecord, updateRecord, type Edit, type RecordOp } from '../../core/sidecar/edit';
import { articlePathFor, documentInfo, emptySidecar, sha256Hex } from '../../core/sidecar/format';
import { mergeSidecars, resolveConflicts, type MergeResult } from '../../core/sidecar/merge';
import { parseSidecar, type SidecarError, type SidecarErrorKind } from '../../core/sidecar/parse';
import { serializeSidecar } from '../../core/sidecar/serialize';
import { reanchorKeepingFields, syncWithArticle } from '../../core/sidecar/sync';
import type { Document as YamlDocument } from 'yaml';
import { readConfig } from '../config';
import { copyMode, lock as lockLocal, removeLeftovers, SidecarLockedError, tempPathFor, writeTarget } from '../../platform/node/sidecarWrite';
import { lockSidecar } from './workspaceLock';
import type { AnnotationStore, ArticleState, RecordPatch } from '../storeApi';

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

interface Entry {
  article: vscode.Uri;
  sidecar: vscode.Uri;
  /** In memory: offsets valid for the open document's current text. */
  data: SidecarData;
  /** The sidecar as last read from or written to disk (undefined: no file yet). */
  diskText: string | undefined;
  diskHash: string | undefined;
  /** `diskText` parsed: the base of a three-way merge. */
  base: SidecarData | undefined;
  /** The yaml Document of a hand-edited file, so comments survive our saves. */
  doc: YamlDocument | undefined;
  readOnly: { reason: string; kind: SidecarErrorKind | 'io' | 'untrusted' } | undefined;
  /** Bumped by every change; `savedVersion` is the one on disk. */
  version: number;
  savedVersion: number;
  /** Only offsets moved since the last save (typing): written when the article is saved, not before. */
  onlyShifted: boolean;
  undo: RecordOp[][];
  redo: RecordOp[][];
  timer: ReturnType<typeof setTimeout> | undefined;
  orphanTimer: ReturnType<typeof setTimeout> | undefined;
  queue: Promise<void>;
  failures: number;
  view: ArticleState | undefined;
  /** Hashes of texts this store wrote, so its own writes seen by the watcher are not "external". */
  own: Set<string>;
}

const UNDO_LIMIT = 200;

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
  readonly diagnostics = vscode.languages.createDiagnosticCollection('khabar-sidecar');
  private readonly subscriptions: vscode.Disposable;
  private readonly withDiagnostics = new Set<string>();
  private watcher: vscode.FileSystemWatcher | undefined;
  private suffix: string;
  private readonly debounceMs: number;
  private readonly maxRetryMs: number;
  private readonly log: (m: string) => void;
  private disposed = false;

  constructor(options: SidecarStoreOptions = {}) {
    this.suffix = options.suffix ?? configuredSuffix();
    this.debounceMs = options.debounceMs ?? 300;
    this.maxRetryMs = options.maxRetryMs ?? 60_000;
    this.log = options.log ?? (() => undefined);
    this.watch();
    this.subscriptions = vscode.Disposable.from(
      this.emitter,
      this.diagnostics,
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onArticleSaved(d)),
      vscode.workspace.onDidCloseTextDocument((d) => void this.onClose(d)),
      vscode.workspace.onDidRenameFiles((e) => void this.onRename(e)),
      vscode.workspace.onDidDeleteFiles((e) => void this.onDelete(e)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const e of this.entries.values()) {
          if (e.readOnly?.kind !== 'untrusted') continue;
          e.readOnly = undefined;
          e.view = undefined;
          this.publishDiagnostics(e);
          this.emitter.fire(e.article);
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (options.suffix === undefined && e.affectsConfiguration('khabar.sidecarSuffix')) {
          this.suffix = configuredSuffix();
          this.watch();
        }
      }),
    );
  }

  // ---- the AnnotationStore contract ----

  async load(document: vscode.TextDocument): Promise<ArticleState> {
    return this.view(await this.entryFor(document));
  }

  peek(article: vscode.Uri): ArticleState | undefined {
    const e = this.entries.get(article.toString());
    return e ? this.view(e) : undefined;
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
    const ops = e.undo.pop();
    if (!ops) return false;
    e.data = applyOps(e.data, ops, 'before', document.getText());
    e.redo.push(ops);
    this.changed(e, true);
    return true;
  }

  async redo(document: vscode.TextDocument): Promise<boolean> {
    const e = await this.writableEntry(document);
    const ops = e.redo.pop();
    if (!ops) return false;
    e.data = applyOps(e.data, ops, 'after', document.getText());
    e.undo.push(ops);
    this.changed(e, true);
    return true;
  }

  async flush(article?: vscode.Uri): Promise<void> {
    const list = article ? [this.entries.get(article.toString())].filter((x): x is Entry => !!x) : [...this.entries.values()];
    await Promise.all(
      list.map((e) => {
        if (e.timer) clearTimeout(e.timer);
        e.timer = undefined;
        if (e.version !== e.savedVersion) this.enqueueSave(e);
        return e.queue;
      }),
    );
  }

  dispose(): void {
    this.disposed = true;
    for (const e of this.entries.values()) {
      if (e.timer) clearTimeout(e.timer);
      if (e.orphanTimer) clearTimeout(e.orphanTimer);
      // A last chance for pending annotation changes; the extension host waits briefly on shutdown.
      if (e.version !== e.savedVersion && !e.onlyShifted) void this.save(e);
    }
    this.watcher?.dispose();
    this.subscriptions.dispose();
  }

  /** The sidecar beside an article, with the configured suffix. */
  sidecarFor(article: vscode.Uri): vscode.Uri {
    return article.with({ path: article.path + this.suffix });
  }

  /** Every loaded article, for the orphan commands. */
  loaded(): readonly ArticleState[] {
    return [...this.entries.values()].map((e) => this.view(e));
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
    const text = document.getText();
    const name = basename(article);
    const e: Entry = {
      article,
      sidecar,
      data: emptySidecar(text, name),
      diskText: undefined,
      diskHash: undefined,
      base: undefined,
      doc: undefined,
      readOnly: undefined,
      version: 0,
      savedVersion: 0,
      onlyShifted: false,
      undo: [],
      redo: [],
      timer: undefined,
      orphanTimer: undefined,
      queue: Promise.resolve(),
      failures: 0,
      view: undefined,
      own: new Set(),
    };
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
    this.publishDiagnostics(e);
    return e;
  }

  /** Adopts what is on disk as the state (no local changes to keep). */
  private takeDisk(e: Entry, text: string, document: vscode.TextDocument | undefined): void {
    const parsed = parseSidecar(text);
    e.diskText = text;
    e.diskHash = sha256Hex(text);
    if (!parsed.ok) {
      e.readOnly = { reason: describeErrors(basename(e.sidecar), parsed.kind, parsed.errors), kind: parsed.kind };
      this.sidecarErrors(e, parsed.kind, parsed.errors);
      return;
    }
    e.readOnly = undefined;
    this.diagnostics.delete(e.sidecar);
    e.base = parsed.data;
    e.doc = parsed.doc;
    const current = document ?? this.openDocument(e.article);
    if (!current) {
      e.data = parsed.data;
      return;
    }
    const sync = syncWithArticle(parsed.data, current.getText(), basename(e.article));
    e.data = sync.data;
    if (sync.moved.length > 0 || sync.orphans.some((id) => !parsed.data.annotations.find((a) => a.id === id)?.orphan)) {
      this.log(`${basename(e.sidecar)}: ${sync.moved.length} anchors moved, ${sync.orphans.length} orphans after the article changed`);
      // The re-anchored state is worth keeping: written with the next save of the article or annotation change.
      e.version++;
      e.onlyShifted = true;
    }
  }

  private openDocument(article: vscode.Uri): vscode.TextDocument | undefined {
    const key = article.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  // ---- changes ----

  private apply(e: Entry, edit: Edit): void {
    e.data = edit.data;
    e.undo.push(edit.ops);
    if (e.undo.length > UNDO_LIMIT) e.undo.shift();
    e.redo = [];
    this.changed(e, true);
  }

  /** `save`: a change of annotations (written soon); otherwise offsets that followed typing. */
  private changed(e: Entry, save: boolean): void {
    e.version++;
    e.view = undefined;
    if (save) {
      e.onlyShifted = false;
      this.scheduleSave(e);
    } else if (e.version - 1 === e.savedVersion) {
      e.onlyShifted = true;
    }
    this.publishDiagnostics(e);
    this.emitter.fire(e.article);
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
    if (e && e.version !== e.savedVersion) this.scheduleSave(e);
  }

  private async onClose(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const e = this.entries.get(key);
    if (!e) return;
    if (e.orphanTimer) clearTimeout(e.orphanTimer);
    if (e.version !== e.savedVersion && !e.onlyShifted) {
      if (e.timer) clearTimeout(e.timer);
      e.timer = undefined;
      this.enqueueSave(e);
    }
    await e.queue;
    // Offsets that only followed unsaved typing are dropped with the document: the file on disk
    // still has the old text, and the next load re-anchors against whatever is there.
    if (this.entries.get(key) === e) {
      this.entries.delete(key);
      this.diagnostics.delete(e.article);
      this.withDiagnostics.delete(key);
      this.emitter.fire(e.article);
    }
  }

  // ---- saving ----

  private scheduleSave(e: Entry): void {
    if (e.timer) clearTimeout(e.timer);
    e.timer = setTimeout(() => {
      e.timer = undefined;
      this.enqueueSave(e);
    }, this.debounceMs);
  }

  /** Writes for one file never overlap: each waits for the previous one. */
  private enqueueSave(e: Entry): void {
    e.queue = e.queue.then(() => this.save(e)).catch((err: unknown) => this.log(`save failed: ${String(err)}`));
  }

  private async save(e: Entry): Promise<void> {
    if (e.readOnly || e.version === e.savedVersion || (this.disposed && e.onlyShifted)) return;
    if (!canWrite(e.sidecar)) return;
    // Someone may have changed the file since we last looked (the watcher can lag): merge first.
    if (!(await this.catchUp(e))) return;
    if (e.diskText === undefined && e.data.annotations.length === 0) {
      // Nothing to keep and no file: do not litter the folder with empty sidecars.
      e.savedVersion = e.version;
      return;
    }
    let version = e.version;
    let data = this.dataToWrite(e);
    let text: string;
    try {
      text = serializeSidecar(data, e.doc, { reuseDocument: true });
    } catch (err) {
      this.saveFailed(e, err);
      return;
    }
    // A local sidecar goes through the write path every writer shares (src/platform/node/sidecarWrite.ts): its
    // lock, leftovers of killed writers cleaned, and the temporary file beside the real file, so a
    // symlinked sidecar stays a symlink. Other file systems have only what workspace.fs offers.
    const local = e.sidecar.scheme === 'file';
    const target = local ? vscode.Uri.file(writeTarget(e.sidecar.fsPath)) : e.sidecar;
    const tmp = local ? vscode.Uri.file(tempPathFor(target.fsPath)) : e.sidecar.with({ path: `${e.sidecar.path}.tmp-${Math.random().toString(36).slice(2, 10)}` });
    let unlock: (() => Promise<void>) | undefined;
    let stillHeld: () => boolean = () => true;
    let hash: string | undefined;
    let renamed = false;
    try {
      await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
      // Another window's save, or any other program, may have written the sidecar since the read
      // above (the temporary file takes a while to write): a rename now would silently drop that
      // write. So, with other Khabar windows held off by the lock, look again, merge what landed,
      // and only then rename. The lock is taken after the slow write to keep it short.
      if (local) {
        const held = await lockLocal(e.sidecar.fsPath, { log: this.log });
        unlock = () => Promise.resolve(held.release());
        stillHeld = held.held;
        removeLeftovers(e.sidecar.fsPath, { log: this.log });
      } else {
        unlock = await lockSidecar(e.sidecar, vscode.workspace.fs, this.log);
      }
      for (let round = 0; ; round++) {
        const before = e.diskHash;
        if (!(await this.catchUp(e))) return;
        if (e.diskHash === before) break;
        if (round === 3) throw new Error(vscode.l10n.t('the file keeps changing while being saved'));
        version = e.version;
        data = this.dataToWrite(e);
        text = serializeSidecar(data, e.doc, { reuseDocument: true });
        await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
      }
      // Our lock may have been judged stale after a long stall (a suspended machine) and taken over.
      if (!stillHeld()) throw new Error(vscode.l10n.t('another writer took over the lock of {0} while this save was stalled', basename(e.sidecar)));
      if (local) copyMode(target.fsPath, tmp.fsPath);
      hash = sha256Hex(text);
      e.own.add(hash);
      await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
      renamed = true;
    } catch (err) {
      if (hash !== undefined) e.own.delete(hash);
      // Another window or `khabar check --fix` is writing and kept at it: try again later, never without the lock.
      this.saveFailed(e, err instanceof SidecarLockedError ? new Error(vscode.l10n.t('{0} is being saved by another program; will retry', basename(e.sidecar))) : err);
      return;
    } finally {
      if (!renamed) await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      await unlock?.();
    }
    e.diskText = text;
    e.diskHash = hash;
    e.base = data;
    if (e.failures > 0) void vscode.window.showInformationMessage(vscode.l10n.t('Khabar saved the annotations of {0} after all.', basename(e.article)));
    e.failures = 0;
    if (e.version === version) {
      e.savedVersion = version;
      e.onlyShifted = false;
    }
    e.view = undefined;
    this.emitter.fire(e.article);
  }

  /**
   * Reads the sidecar and takes in a change by anyone else (reload or three-way merge). False when
   * there is nothing to write any more (read-only now, merged into what is on disk) or the read failed.
   */
  private async catchUp(e: Entry): Promise<boolean> {
    const disk = await readText(e.sidecar);
    if (disk.kind === 'error') {
      this.saveFailed(e, new Error(disk.message));
      return false;
    }
    const diskText = disk.kind === 'text' ? disk.text : undefined;
    const diskHash = diskText === undefined ? undefined : sha256Hex(diskText);
    if (diskHash === e.diskHash || (diskHash !== undefined && e.own.has(diskHash))) return true;
    await this.external(e, diskText);
    return !e.readOnly && e.version !== e.savedVersion;
  }

  /** The in-memory state with anchor context and the document block refreshed from the open text. */
  private dataToWrite(e: Entry): SidecarData {
    const document = this.openDocument(e.article);
    if (!document) return e.data;
    const text = document.getText();
    const annotations = e.data.annotations.map((a) => {
      if (a.orphan) return a;
      if (!anchorHolds(text, a.target)) return a;
      const fresh = anchorFor(text, a.target.start, a.target.end);
      // Spread over the old target: a person's own fields in it (`checked_by: …`) stay.
      return fresh.prefix === a.target.prefix && fresh.suffix === a.target.suffix ? a : { ...a, target: { ...a.target, ...fresh } };
    });
    return { ...e.data, document: { ...e.data.document, ...documentInfo(text, basename(e.article)) }, annotations };
  }

  private saveFailed(e: Entry, err: unknown): void {
    e.failures++;
    const message = err instanceof Error ? err.message : String(err);
    this.log(`${e.sidecar.fsPath}: save failed (attempt ${e.failures}): ${message}`);
    const delay = Math.min(this.maxRetryMs, 1000 * 2 ** Math.min(e.failures - 1, 10));
    if (e.failures === 1) {
      const retry = vscode.l10n.t('Retry now');
      void vscode.window
        .showErrorMessage(
          vscode.l10n.t('Khabar could not save the annotations of {0}: {1}. They are kept in memory and saving will be retried.', basename(e.article), message),
          retry,
        )
        .then((choice) => {
          if (choice === retry) this.enqueueSave(e);
        });
    }
    if (e.timer) clearTimeout(e.timer);
    e.timer = setTimeout(() => {
      e.timer = undefined;
      this.enqueueSave(e);
    }, delay);
  }

  // ---- external changes ----

  private watch(): void {
    this.watcher?.dispose();
    const w = vscode.workspace.createFileSystemWatcher(`**/*${this.suffix}`);
    const onDisk = (uri: vscode.Uri): void => {
      const article = articlePathFor(uri.path, this.suffix);
      if (article === undefined) return;
      const e = this.entries.get(uri.with({ path: article }).toString());
      if (!e) return;
      e.queue = e.queue
        .then(async () => {
          const disk = await readText(e.sidecar);
          if (disk.kind === 'error') return;
          const text = disk.kind === 'text' ? disk.text : undefined;
          if (text !== undefined && e.own.has(sha256Hex(text))) return;
          if (text === e.diskText) return;
          await this.external(e, text);
        })
        .catch((err: unknown) => this.log(`reload failed: ${String(err)}`));
    };
    w.onDidChange(onDisk);
    w.onDidCreate(onDisk);
    w.onDidDelete(onDisk);
    this.watcher = w;
  }

  /** The sidecar on disk changed under us: reload, merge, or (unreadable) go read-only keeping ours. */
  private async external(e: Entry, text: string | undefined): Promise<void> {
    e.own.clear();
    const document = this.openDocument(e.article);
    if (text === undefined) {
      // Deleted by someone else. Our annotations are not dropped silently.
      e.diskText = undefined;
      e.diskHash = undefined;
      e.doc = undefined;
      e.readOnly = undefined;
      this.diagnostics.delete(e.sidecar);
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
        e.view = undefined;
        this.publishDiagnostics(e);
        this.emitter.fire(e.article);
      } else {
        this.changed(e, true);
      }
      return;
    }
    const parsed = parseSidecar(text);
    if (!parsed.ok) {
      e.diskText = text;
      e.diskHash = sha256Hex(text);
      e.readOnly = { reason: describeErrors(basename(e.sidecar), parsed.kind, parsed.errors), kind: parsed.kind };
      this.sidecarErrors(e, parsed.kind, parsed.errors);
      e.view = undefined;
      this.publishDiagnostics(e);
      this.emitter.fire(e.article);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} changed on disk and cannot be read; annotations are read-only until it is fixed. Your unsaved annotation changes are kept in memory.', basename(e.sidecar)),
      );
      return;
    }
    const wasReadOnly = e.readOnly !== undefined;
    e.readOnly = undefined;
    this.diagnostics.delete(e.sidecar);
    const dirty = e.version !== e.savedVersion && !e.onlyShifted;
    const theirs = document ? syncWithArticle(parsed.data, document.getText(), basename(e.article)).data : parsed.data;
    const base = e.base;
    e.diskText = text;
    e.diskHash = sha256Hex(text);
    e.doc = parsed.doc;
    e.base = parsed.data;
    if (!dirty && !wasReadOnly) {
      e.data = theirs;
      e.savedVersion = ++e.version;
      e.onlyShifted = false;
      e.undo = [];
      e.redo = [];
      e.view = undefined;
      this.publishDiagnostics(e);
      this.emitter.fire(e.article);
      return;
    }
    const merged = mergeSidecars(base, e.data, theirs, document ? { text: document.getText() } : {});
    e.data = merged.data;
    e.undo = [];
    e.redo = [];
    this.changed(e, true);
    // Not awaited: this may run inside a save holding the sidecar's lock, and the question may stay
    // unanswered for long; the answer is applied to the records as they are by then.
    void this.reportMerge(e, merged);
  }

  private async reportMerge(e: Entry, merged: MergeResult): Promise<void> {
    if (merged.renamed.length > 0) {
      this.log(`${basename(e.sidecar)}: ids created on both sides, theirs renamed: ${merged.renamed.map((r) => `${r.from}→${r.to}`).join(', ')}`);
    }
    if (merged.conflicts.length === 0) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Khabar merged changes to {0} made outside the editor.', basename(e.sidecar)), 5000);
      return;
    }
    for (const c of merged.conflicts) {
      this.log(`${basename(e.sidecar)}: conflict on ${c.id}${c.field ? `.${c.field}` : ''} (${c.kind}): ours=${JSON.stringify(c.ours)} theirs=${JSON.stringify(c.theirs)}`);
    }
    const mine = vscode.l10n.t('Keep mine');
    const theirs = vscode.l10n.t('Take theirs');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} was changed outside the editor while you had unsaved annotation changes. {1} annotations were changed on both sides (details in the Khabar output).',
        basename(e.sidecar),
        String(new Set(merged.conflicts.map((c) => c.id)).size),
      ),
      { modal: false },
      mine,
      theirs,
    );
    if (choice === theirs) {
      e.data = resolveConflicts({ ...merged, data: e.data }, 'theirs');
      this.changed(e, true);
    }
  }

  // ---- renames and deletions of articles ----

  private async onRename(ev: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of ev.files) {
      if (articlePathFor(oldUri.path, this.suffix) !== undefined) continue;
      const from = this.sidecarFor(oldUri);
      const to = this.sidecarFor(newUri);
      const e = this.entries.get(oldUri.toString());
      if (e) await e.queue;
      if (!(await exists(from))) {
        if (e) this.rekey(e, newUri);
        continue;
      }
      if (await exists(to)) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('{0} was renamed, but {1} already exists, so its annotations stay in {2}.', basename(newUri), basename(to), basename(from)),
        );
        continue;
      }
      try {
        await vscode.workspace.fs.rename(from, to, { overwrite: false });
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Khabar could not move {0} with its article: {1}', basename(from), String(err)));
        continue;
      }
      if (e) this.rekey(e, newUri);
    }
  }

  private rekey(e: Entry, newArticle: vscode.Uri): void {
    this.entries.delete(e.article.toString());
    this.diagnostics.delete(e.article);
    this.withDiagnostics.delete(e.article.toString());
    this.diagnostics.delete(e.sidecar);
    e.article = newArticle;
    e.sidecar = this.sidecarFor(newArticle);
    e.view = undefined;
    this.entries.set(newArticle.toString(), e);
    if (e.data.document.path !== basename(newArticle)) {
      e.data = { ...e.data, document: { ...e.data.document, path: basename(newArticle) } };
      this.changed(e, true);
    } else {
      this.publishDiagnostics(e);
      this.emitter.fire(e.article);
    }
  }

  private async onDelete(ev: vscode.FileDeleteEvent): Promise<void> {
    for (const uri of ev.files) {
      if (articlePathFor(uri.path, this.suffix) !== undefined) continue;
      const sidecar = this.sidecarFor(uri);
      if (!(await exists(sidecar))) continue;
      const del = vscode.l10n.t('Delete annotations');
      const keep = vscode.l10n.t('Keep');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} was deleted. Delete its annotations file {1} too?', basename(uri), basename(sidecar)),
        del,
        keep,
      );
      if (choice !== del) continue;
      const e = this.entries.get(uri.toString());
      if (e) {
        if (e.timer) clearTimeout(e.timer);
        this.entries.delete(uri.toString());
        this.diagnostics.delete(uri);
      }
      try {
        await vscode.workspace.fs.delete(sidecar, { useTrash: true });
      } catch {
        await vscode.workspace.fs.delete(sidecar, { useTrash: false });
      }
    }
  }

  // ---- what the user sees ----

  private view(e: Entry): ArticleState {
    if (!e.view) {
      const records = e.data.annotations.filter((a) => !a.orphan);
      const orphans = e.data.annotations.filter((a) => a.orphan);
      e.view = {
        article: e.article,
        sidecar: e.sidecar,
        records,
        orphans,
        readOnlyReason: e.readOnly?.reason,
        dirty: e.version !== e.savedVersion && !e.onlyShifted,
      };
    }
    return e.view;
  }

  private sidecarErrors(e: Entry, kind: SidecarErrorKind, errors: readonly SidecarError[]): void {
    this.diagnostics.set(
      e.sidecar,
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

  /** Orphans, and the read-only state, as warnings on the article. */
  private publishDiagnostics(e: Entry): void {
    const document = this.openDocument(e.article);
    const list: vscode.Diagnostic[] = [];
    const at = (offset: number): vscode.Range => {
      // positionAt clamps to the document, so a stale orphan offset is safe.
      const p = document ? document.positionAt(Math.max(0, offset)) : new vscode.Position(0, 0);
      return new vscode.Range(p, p);
    };
    if (e.readOnly && e.readOnly.kind !== 'untrusted') {
      const d = new vscode.Diagnostic(at(0), vscode.l10n.t('Annotations are read-only: {0}', e.readOnly.reason), vscode.DiagnosticSeverity.Warning);
      d.source = 'khabar';
      d.code = 'sidecar-read-only';
      d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(e.sidecar, new vscode.Position(0, 0)), basename(e.sidecar))];
      list.push(d);
    }
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
      this.diagnostics.set(e.article, list);
      this.withDiagnostics.add(key);
    } else if (this.withDiagnostics.delete(key)) {
      this.diagnostics.delete(e.article);
    }
  }
}

// ---- helpers ----

function configuredSuffix(): string {
  return readConfig().sidecarSuffix;
}

function basename(uri: vscode.Uri): string {
  const p = uri.path;
  return p.slice(p.lastIndexOf('/') + 1);
}

function canWrite(uri: vscode.Uri): boolean {
  return uri.scheme !== 'untitled' && vscode.workspace.fs.isWritableFileSystem(uri.scheme) !== false;
}

type ReadOutcome = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'error'; message: string };

async function readText(uri: vscode.Uri): Promise<ReadOutcome> {
  if (uri.scheme === 'untitled') return { kind: 'missing' };
  try {
    // The size from stat first: a huge file is refused without being read (the CLI does the same).
    const large = sidecarSizeError((await vscode.workspace.fs.stat(uri)).size);
    if (large) return { kind: 'error', message: large.message };
    const decoded = decodeSidecar(await vscode.workspace.fs.readFile(uri));
    if (!decoded.ok) return { kind: 'error', message: `line ${decoded.errors[0]!.line}: ${decoded.errors[0]!.message}` };
    return { kind: 'text', text: decoded.text };
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return { kind: 'missing' };
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function describeErrors(name: string, kind: SidecarErrorKind, errors: readonly SidecarError[]): string {
  const first = errors[0];
  const where = first ? `${name}:${first.line}:${first.col}` : name;
  switch (kind) {
    case 'conflict':
      return vscode.l10n.t('{0} has unresolved git merge conflict markers', where);
    case 'version':
      return first?.message ?? vscode.l10n.t('{0} was written by a newer Khabar', name);
    case 'too-large':
      return vscode.l10n.t('{0} is too large to load', name);
    default:
      return `${where}: ${first?.message ?? kind}`;
  }
}
