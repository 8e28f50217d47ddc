// The sidecar lock for file systems reached only through VS Code's workspace.fs (virtual and remote
// workspaces). Local sidecars use the write path every writer shares, src/platform/node/sidecarWrite.ts, with
// the same lock file name and bounds; this is its counterpart where Node's fs cannot reach.

import type * as vscode from 'vscode';
import { LOCK_STALE_MS, LOCK_WAIT_MS, SidecarLockedError } from '../../platform/node/sidecarWrite';

/**
 * For sidecars outside the local disk (virtual and remote file systems, reached only through
 * workspace.fs; local ones use src/platform/node/sidecarWrite.ts): `<sidecar>.lock`, created only if absent.
 * Resolves to its release. A lock held past `waitMs` fails the save (retried later, never written
 * without the lock); one older than LOCK_STALE_MS is a crashed window's and is removed.
 */
export async function lockSidecar(sidecar: vscode.Uri, wfs: vscode.FileSystem, log: (m: string) => void, waitMs = LOCK_WAIT_MS): Promise<() => Promise<void>> {
  const lock = sidecar.with({ path: `${sidecar.path}.lock` });
  const token = `${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
  const drop = (): Promise<void> => Promise.resolve(wfs.delete(lock)).then(undefined, () => undefined);
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    if (await createExclusive(wfs, lock, token)) {
      return async () => {
        // Only our own lock: after a long stall it may have been judged stale and taken by another window.
        const held = await readText(wfs, lock);
        if (held.kind === 'text' && held.text === token) await drop();
      };
    }
    const held = await Promise.resolve(wfs.stat(lock)).then(
      (st) => st,
      () => undefined,
    );
    if (held && Date.now() - held.mtime > LOCK_STALE_MS) {
      log(`${lock.fsPath}: removing a stale lock`);
      await drop();
      continue;
    }
    if (Date.now() > deadline) throw new SidecarLockedError(lock.path, undefined);
    await new Promise((r) => setTimeout(r, Math.min(100, 5 * 2 ** attempt)));
  }
}

/**
 * Creates `uri` holding `text` unless it exists: false if it does. workspace.fs has no exclusive
 * create, so: write a file of our own, then rename it without overwriting (the best that API allows).
 */
async function createExclusive(wfs: vscode.FileSystem, uri: vscode.Uri, text: string): Promise<boolean> {
  const mine = uri.with({ path: `${uri.path}-${text}` });
  await wfs.writeFile(mine, new TextEncoder().encode(text));
  try {
    await wfs.rename(mine, uri, { overwrite: false });
    return true;
  } catch (err) {
    await Promise.resolve(wfs.delete(mine)).then(undefined, () => undefined);
    if (await exists(wfs, uri)) return false;
    throw err;
  }
}

async function exists(wfs: vscode.FileSystem, uri: vscode.Uri): Promise<boolean> {
  try {
    await wfs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

type ReadOutcome = { kind: 'text'; text: string } | { kind: 'error' };

async function readText(wfs: vscode.FileSystem, uri: vscode.Uri): Promise<ReadOutcome> {
  try {
    return { kind: 'text', text: new TextDecoder().decode(await wfs.readFile(uri)) };
  } catch {
    return { kind: 'error' };
  }
}
