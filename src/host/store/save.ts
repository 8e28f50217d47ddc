// Saving one article's sidecar: debounced, one write at a time per file, under the sidecar's lock
// (across windows and the CLI), merged with whatever landed on disk meanwhile, atomically renamed
// into place, and retried with back-off when it fails (nothing is lost: the state stays in memory).

import * as vscode from 'vscode';
import { anchorFor, anchorHolds, contextIdentical } from '../../core/anchor/anchor';
import type { SidecarData } from '../../core/annotationRecord';
import { documentInfo, sha256Hex } from '../../core/sidecar/format';
import { copyMode, lock as lockLocal, removeLeftovers, SidecarLockedError, tempPathFor, writeTarget } from '../../platform/node/sidecarWrite';
import { basename, canWrite, readText, type Entry } from './entry';
import { lockSidecar } from './workspaceLock';
import { sidecarModule } from '../lazy/load';

export interface SaveOptions {
  debounceMs: number;
  maxRetryMs: number;
  log: (message: string) => void;
  openDocument(article: vscode.Uri): vscode.TextDocument | undefined;
  /** The store is shutting down: offsets that only followed typing are not written any more. */
  disposed(): boolean;
  /** Takes in a change made on disk by someone else (reload, merge, or read-only): externalChanges.ts. */
  takeExternal(e: Entry, text: string | undefined): Promise<void>;
  /** A save went through: the entry's view is stale. */
  saved(e: Entry): void;
}

/** One version of the state, ready to write. */
interface Snapshot {
  version: number;
  data: SidecarData;
  text: string;
}

export class SaveScheduler {
  constructor(private readonly o: SaveOptions) {}

  /** Writes after a quiet time. */
  schedule(e: Entry): void {
    this.cancel(e);
    e.timer = setTimeout(() => {
      e.timer = undefined;
      this.enqueue(e);
    }, this.o.debounceMs);
  }

  cancel(e: Entry): void {
    if (e.timer) clearTimeout(e.timer);
    e.timer = undefined;
  }

  /** Writes for one file never overlap: each waits for the previous one. */
  enqueue(e: Entry): void {
    e.queue = e.queue.then(() => this.save(e)).catch((err: unknown) => this.o.log(`save failed: ${String(err)}`));
  }

  /** Writes now if there is something to write; resolves when the file's queue is empty. */
  flush(e: Entry): Promise<void> {
    this.cancel(e);
    if (e.version !== e.savedVersion) this.enqueue(e);
    return e.queue;
  }

  async save(e: Entry): Promise<void> {
    if (e.readOnly || e.version === e.savedVersion || (this.o.disposed() && e.onlyShifted)) return;
    if (!canWrite(e.sidecar)) return;
    // Someone may have changed the file since we last looked (the watcher can lag): merge first.
    if (!(await this.catchUp(e))) return;
    if (e.diskText === undefined && e.data.annotations.length === 0) {
      // Nothing to keep and no file: do not litter the folder with empty sidecars.
      e.savedVersion = e.version;
      return;
    }
    let first: Snapshot;
    try {
      first = this.snapshot(e);
    } catch (err) {
      this.failed(e, err);
      return;
    }
    const written = await this.write(e, first);
    if (!written) return;
    e.diskText = written.text;
    e.diskHash = written.hash;
    e.base = written.data;
    if (e.failures > 0) void vscode.window.showInformationMessage(vscode.l10n.t('Khabar saved the annotations of {0} after all.', basename(e.article)));
    e.failures = 0;
    if (e.version === written.version) {
      e.savedVersion = written.version;
      e.onlyShifted = false;
    }
    this.o.saved(e);
  }

  /**
   * Writes a temporary file, takes the lock, takes in what landed meanwhile, and renames the file
   * into place. Undefined when nothing was written (a failure is reported and retried).
   */
  private async write(e: Entry, first: Snapshot): Promise<(Snapshot & { hash: string }) | undefined> {
    // A local sidecar goes through the write path every writer shares (src/platform/node/sidecarWrite.ts): its
    // lock, leftovers of killed writers cleaned, and the temporary file beside the real file, so a
    // symlinked sidecar stays a symlink. Other file systems have only what workspace.fs offers.
    const local = e.sidecar.scheme === 'file';
    const target = local ? vscode.Uri.file(writeTarget(e.sidecar.fsPath)) : e.sidecar;
    const tmp = local ? vscode.Uri.file(tempPathFor(target.fsPath)) : e.sidecar.with({ path: `${e.sidecar.path}.tmp-${Math.random().toString(36).slice(2, 10)}` });
    let unlock: (() => Promise<void>) | undefined;
    let hash: string | undefined;
    let renamed = false;
    try {
      await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(first.text));
      // Another window's save, or any other program, may have written the sidecar since the read
      // above (the temporary file takes a while to write): a rename now would silently drop that
      // write. So, with other Khabar windows held off by the lock, look again, merge what landed,
      // and only then rename. The lock is taken after the slow write to keep it short.
      const held = await this.lock(e, local);
      unlock = held.release;
      const snap = await this.settle(e, first, tmp);
      if (!snap) return undefined;
      // Our lock may have been judged stale after a long stall (a suspended machine) and taken over.
      if (!held.stillHeld()) throw new Error(vscode.l10n.t('another writer took over the lock of {0} while this save was stalled', basename(e.sidecar)));
      if (local) copyMode(target.fsPath, tmp.fsPath);
      hash = sha256Hex(snap.text);
      e.own.add(hash);
      await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
      renamed = true;
      return { ...snap, hash };
    } catch (err) {
      if (hash !== undefined) e.own.delete(hash);
      // Another window or `khabar check --fix` is writing and kept at it: try again later, never without the lock.
      this.failed(e, err instanceof SidecarLockedError ? new Error(vscode.l10n.t('{0} is being saved by another program; will retry', basename(e.sidecar))) : err);
      return undefined;
    } finally {
      if (!renamed) await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      await unlock?.();
    }
  }

  private async lock(e: Entry, local: boolean): Promise<{ release: () => Promise<void>; stillHeld: () => boolean }> {
    if (!local) return { release: await lockSidecar(e.sidecar, vscode.workspace.fs, this.o.log), stillHeld: () => true };
    const held = await lockLocal(e.sidecar.fsPath, { log: this.o.log });
    try {
      removeLeftovers(e.sidecar.fsPath, { log: this.o.log });
    } catch (err) {
      await held.release();
      throw err;
    }
    return { release: () => Promise.resolve(held.release()), stillHeld: held.held };
  }

  /**
   * Under the lock: until the file on disk is the one we merged with, take in its changes and write
   * the temporary file again. Undefined when there is nothing left to write.
   */
  private async settle(e: Entry, first: Snapshot, tmp: vscode.Uri): Promise<Snapshot | undefined> {
    let snap = first;
    for (let round = 0; ; round++) {
      const before = e.diskHash;
      if (!(await this.catchUp(e))) return undefined;
      if (e.diskHash === before) return snap;
      if (round === 3) throw new Error(vscode.l10n.t('the file keeps changing while being saved'));
      snap = this.snapshot(e);
      await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(snap.text));
    }
  }

  private snapshot(e: Entry): Snapshot {
    const version = e.version;
    const data = this.dataToWrite(e);
    return { version, data, text: sidecarModule().serializeSidecar(data, e.doc, { reuseDocument: true }) };
  }

  /**
   * Reads the sidecar and takes in a change by anyone else (reload or three-way merge). False when
   * there is nothing to write any more (read-only now, merged into what is on disk) or the read failed.
   */
  private async catchUp(e: Entry): Promise<boolean> {
    const disk = await readText(e.sidecar);
    if (disk.kind === 'error') {
      this.failed(e, new Error(disk.message));
      return false;
    }
    const diskText = disk.kind === 'text' ? disk.text : undefined;
    const diskHash = diskText === undefined ? undefined : sha256Hex(diskText);
    if (diskHash === e.diskHash || (diskHash !== undefined && e.own.has(diskHash))) return true;
    await this.o.takeExternal(e, diskText);
    return !e.readOnly && e.version !== e.savedVersion;
  }

  /** The in-memory state with anchor context and the document block refreshed from the open text. */
  private dataToWrite(e: Entry): SidecarData {
    const document = this.o.openDocument(e.article);
    if (!document) return e.data;
    const text = document.getText();
    const annotations = e.data.annotations.map((a) => {
      if (a.orphan) return a;
      if (!anchorHolds(text, a.target)) return a;
      if (contextIdentical(text, a.target, a.target.start, a.target.end)) return a;
      // Spread over the old target: a person's own fields in it (`checked_by: …`) stay; `far` is
      // Khabar's, and goes when the fresh anchor has none.
      const { far: _far, ...kept } = a.target;
      return { ...a, target: { ...kept, ...anchorFor(text, a.target.start, a.target.end) } };
    });
    return { ...e.data, document: { ...e.data.document, ...documentInfo(text, basename(e.article)) }, annotations };
  }

  /** Logs, tells the user once, and retries with a growing delay. */
  private failed(e: Entry, err: unknown): void {
    e.failures++;
    const message = err instanceof Error ? err.message : String(err);
    this.o.log(`${e.sidecar.fsPath}: save failed (attempt ${e.failures}): ${message}`);
    const delay = Math.min(this.o.maxRetryMs, 1000 * 2 ** Math.min(e.failures - 1, 10));
    if (e.failures === 1) {
      const retry = vscode.l10n.t('Retry now');
      void vscode.window
        .showErrorMessage(
          vscode.l10n.t('Khabar could not save the annotations of {0}: {1}. They are kept in memory and saving will be retried.', basename(e.article), message),
          retry,
        )
        .then((choice) => {
          if (choice === retry) this.enqueue(e);
        });
    }
    this.cancel(e);
    e.timer = setTimeout(() => {
      e.timer = undefined;
      this.enqueue(e);
    }, delay);
  }
}
