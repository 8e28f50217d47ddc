// One article's state in the sidecar store, and the small file helpers every part of the store
// shares. The store (sidecarStore.ts) owns the table of entries; its collaborators (saving,
// external changes, renames, diagnostics) work on the entry they are given.

import * as vscode from 'vscode';
import type { SidecarData } from '../../core/annotationRecord';
import { decodeSidecar, sidecarSizeError } from '../../core/sidecar/bytes';
import type { SidecarError, SidecarErrorKind } from '../../core/sidecar/parse';
import type { Document as YamlDocument } from 'yaml';
import type { ArticleState } from '../storeApi';
import { UndoHistory } from './undoHistory';

export interface Entry {
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
  history: UndoHistory;
  /** The debounced or retried save (save.ts). */
  timer: ReturnType<typeof setTimeout> | undefined;
  orphanTimer: ReturnType<typeof setTimeout> | undefined;
  /** Reads and writes of this sidecar, one after the other. */
  queue: Promise<void>;
  failures: number;
  view: ArticleState | undefined;
  /** Hashes of texts this store wrote, so its own writes seen by the watcher are not "external". */
  own: Set<string>;
}

export function newEntry(article: vscode.Uri, sidecar: vscode.Uri, data: SidecarData): Entry {
  return {
    article,
    sidecar,
    data,
    diskText: undefined,
    diskHash: undefined,
    base: undefined,
    doc: undefined,
    readOnly: undefined,
    version: 0,
    savedVersion: 0,
    onlyShifted: false,
    history: new UndoHistory(),
    timer: undefined,
    orphanTimer: undefined,
    queue: Promise.resolve(),
    failures: 0,
    view: undefined,
    own: new Set(),
  };
}

/** Annotation changes not on disk yet (offsets that only followed typing do not count). */
export function isDirty(e: Entry): boolean {
  return e.version !== e.savedVersion && !e.onlyShifted;
}

/** What the editor features see of an entry, built once per change. */
export function articleState(e: Entry): ArticleState {
  if (!e.view) {
    const records = e.data.annotations.filter((a) => !a.orphan);
    const orphans = e.data.annotations.filter((a) => a.orphan);
    e.view = {
      article: e.article,
      sidecar: e.sidecar,
      records,
      orphans,
      readOnlyReason: e.readOnly?.reason,
      dirty: isDirty(e),
    };
  }
  return e.view;
}

/** What the store's collaborators may ask of it. */
export interface StoreCore {
  readonly entries: Map<string, Entry>;
  readonly log: (message: string) => void;
  sidecarFor(article: vscode.Uri): vscode.Uri;
  suffix(): string;
  openDocument(article: vscode.Uri): vscode.TextDocument | undefined;
  /** `save`: a change of annotations (written soon); otherwise offsets that followed typing. */
  changed(e: Entry, save: boolean): void;
  /** The entry's state changed without a new version: rebuild its view, diagnostics, and tell listeners. */
  refresh(e: Entry): void;
}

// ---- helpers ----

export function basename(uri: vscode.Uri): string {
  const p = uri.path;
  return p.slice(p.lastIndexOf('/') + 1);
}

export function canWrite(uri: vscode.Uri): boolean {
  return uri.scheme !== 'untitled' && vscode.workspace.fs.isWritableFileSystem(uri.scheme) !== false;
}

export type ReadOutcome = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'error'; message: string };

export async function readText(uri: vscode.Uri): Promise<ReadOutcome> {
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

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function describeErrors(name: string, kind: SidecarErrorKind, errors: readonly SidecarError[]): string {
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
