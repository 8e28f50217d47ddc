// A stand-in for the `vscode` module, shared by the bench and the unit tests: it times the
// extension's activate() in plain Node, and drives the real DecorationManager over a text document
// and an editor (FakeTextDocument, FakeTextEditor) whose edits fire the workspace's change event.
// It answers what activation touches (events, registrations, configuration defaults); anything it
// does not know becomes a no-op that returns a disposable, so new host code still loads. Numbers
// measured with it are labelled "with a stub vscode API": the real editor adds its own cost.
// The sidecar store's tests run on it too: workspace.fs is the real disk (with a switch that makes
// writes fail), file-system watchers and workspace events fire when a test says so, prompts answer
// what a test queued, diagnostics and messages are recorded (FakeApi lists it all). Several stubs
// made with one SharedDisk are several windows on one folder: each hears the others' writes through
// its file-system watchers (the store's concurrency fuzz runs two windows so).

// `import =` keeps the real module object (a namespace import would be a copy, and the hook would miss).
import Module = require('module');
import * as nodeFs from 'fs';
import * as nodePath from 'path';
import { Disposable } from './disposable';

type Listener = (e: unknown) => unknown;


class EventEmitter {
  private readonly listeners = new Set<Listener>();
  readonly event = (l: Listener): Disposable => {
    this.listeners.add(l);
    return new Disposable(() => this.listeners.delete(l));
  };
  fire(e: unknown): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    if (typeof a === 'number' && typeof b === 'number') {
      this.start = new Position(a, b);
      this.end = new Position(c ?? a, d ?? b);
    } else {
      this.start = a as Position;
      this.end = b as Position;
    }
  }
}

/**
 * A text document as VS Code's model presents it: offsets and positions over a line index that an
 * edit updates incrementally (VS Code's piece tree does; a keystroke never rescans the text).
 */
export class FakeTextDocument {
  version = 1;
  isClosed = false;
  private starts: number[] = [0];

  constructor(
    readonly uri: Uri,
    readonly languageId: string,
    private text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }
  get fileName(): string {
    return this.uri.fsPath;
  }
  get isDirty(): boolean {
    return this.version > 1;
  }
  get isUntitled(): boolean {
    return this.uri.scheme === 'untitled';
  }
  getText(range?: Range): string {
    if (!range) return this.text;
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
  lineAt(lineOrPos: number | Position): { text: string; range: Range; lineNumber: number } {
    const line = typeof lineOrPos === 'number' ? lineOrPos : lineOrPos.line;
    const start = this.starts[line]!;
    let end = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return { text: this.text.slice(start, end), range: new Range(line, 0, line, end - start), lineNumber: line };
  }
  offsetAt(p: Position): number {
    const line = Math.max(0, Math.min(p.line, this.starts.length - 1));
    const start = this.starts[line]!;
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
    return Math.min(start + Math.max(0, p.character), next);
  }
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return new Position(lo, o - this.starts[lo]!);
  }
  /**
   * Replaces [offset, offset + length) with `insert` and returns the change event VS Code would fire;
   * the caller fires it (FakeApi.changeDocument does both). Only the lines the edit touches are re-indexed.
   */
  edit(offset: number, length: number, insert: string): { document: FakeTextDocument; contentChanges: Array<{ rangeOffset: number; rangeLength: number; text: string; range: Range }> } {
    const range = new Range(this.positionAt(offset), this.positionAt(offset + length));
    this.text = this.text.slice(0, offset) + insert + this.text.slice(offset + length);
    const delta = insert.length - length;
    const line = range.start.line;
    const added: number[] = [];
    for (let i = 0; i < insert.length; i++) if (insert.charCodeAt(i) === 10) added.push(offset + i + 1);
    // The starts of lines inside the replaced text go, those of the inserted lines come in.
    if (range.end.line !== line || added.length > 0) this.starts.splice(line + 1, range.end.line - line, ...added);
    for (let l = line + 1 + added.length; l < this.starts.length; l++) this.starts[l]! += delta;
    this.version++;
    return { document: this, contentChanges: [{ rangeOffset: offset, rangeLength: length, text: insert, range }] };
  }
}

/** An editor showing a document: its visible lines, and the decorations last set per type. */
export class FakeTextEditor {
  readonly decorations = new Map<unknown, unknown[]>();
  setCalls = 0;
  constructor(
    readonly document: FakeTextDocument,
    public visibleRanges: Range[],
  ) {}
  setDecorations(type: unknown, ranges: unknown[]): void {
    this.setCalls++;
    this.decorations.set(type, ranges);
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(p: string): Uri {
    return new Uri('file', p);
  }
  static parse(s: string): Uri {
    const m = /^([a-z][\w+.-]*):(?:\/\/[^/]*)?(.*)$/i.exec(s);
    return m ? new Uri(m[1]!, m[2]!) : new Uri('file', s);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...parts].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { path?: string }): Uri {
    return new Uri(this.scheme, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

/** A class that accepts any constructor arguments and keeps them as fields (ThemeColor, MarkdownString, TreeItem…). */
function plainClass(name: string): new (...args: unknown[]) => object {
  const C = class {
    args: unknown[];
    value = '';
    constructor(...args: unknown[]) {
      this.args = args;
      if (typeof args[0] === 'string') this.value = args[0];
    }
    appendMarkdown(s: string): this {
      this.value += s;
      return this;
    }
    appendText(s: string): this {
      this.value += s;
      return this;
    }
    appendCodeblock(s: string): this {
      this.value += s;
      return this;
    }
  };
  Object.defineProperty(C, 'name', { value: name });
  return C;
}

class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Refactor = new CodeActionKind('refactor');
  static readonly RefactorRewrite = new CodeActionKind('refactor.rewrite');
  static readonly Source = new CodeActionKind('source');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind): boolean {
    return this.value === other.value || other.value.startsWith(this.value + '.');
  }
  intersects(other: CodeActionKind): boolean {
    return this.contains(other) || other.contains(this);
  }
}

/** As VS Code's: the factories set `code`; one made directly has the code 'Unknown'. */
export class FileSystemError extends Error {
  static FileNotFound(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, 'FileNotFound');
  }
  static FileExists(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, 'FileExists');
  }
  static FileNotADirectory(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, 'FileNotADirectory');
  }
  static FileIsADirectory(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, 'FileIsADirectory');
  }
  static NoPermissions(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, 'NoPermissions');
  }
  static Unavailable(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, 'Unavailable');
  }
  readonly code: string;
  constructor(messageOrUri?: string | Uri, code = 'Unknown') {
    super(typeof messageOrUri === 'string' ? messageOrUri : messageOrUri ? `${code} (${messageOrUri.toString()})` : code);
    this.code = code;
  }
}

export class Location {
  constructor(
    readonly uri: Uri,
    readonly range: Range | Position,
  ) {}
}

export class DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}

export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;

export class Diagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: Uri };
  relatedInformation?: DiagnosticRelatedInformation[];
  tags?: number[];
  constructor(
    public range: Range,
    public message: string,
    public severity: number = DiagnosticSeverity.Error,
  ) {}
}

interface WorkspaceFolder {
  readonly uri: Uri;
  readonly name: string;
  readonly index: number;
}

export class RelativePattern {
  baseUri: Uri;
  get base(): string {
    return this.baseUri.fsPath;
  }
  constructor(
    base: WorkspaceFolder | Uri | string,
    public pattern: string,
  ) {
    this.baseUri = typeof base === 'string' ? Uri.file(base) : base instanceof Uri ? base : base.uri;
  }
}

/** A glob as VS Code reads it (`**`, `*`, `?`, `{a,b}`, `[…]`), matched against a path relative to its base. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i);
      re += end > i ? glob.slice(i, end + 1).replace('[!', '[^') : '\\[';
      if (end > i) i = end;
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A Node error from the disk as the FileSystemError workspace.fs throws for it. */
function fsError(err: unknown, uri: Uri): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  const make = {
    ENOENT: FileSystemError.FileNotFound,
    EEXIST: FileSystemError.FileExists,
    ENOTDIR: FileSystemError.FileNotADirectory,
    EISDIR: FileSystemError.FileIsADirectory,
    EACCES: FileSystemError.NoPermissions,
    EPERM: FileSystemError.NoPermissions,
  }[code ?? ''];
  return make ? make(`${(err as Error).message} (${uri.fsPath})`) : err;
}

/**
 * workspace.fs over the real disk, for `file` URIs, asynchronous as VS Code's is (calls from two
 * windows interleave at the disk); `failWrites.on` makes every write fail as a read-only folder does.
 * Every call is in `pending` until it settles. With `disk`, each write is heard by the watchers of
 * every window on that disk, as VS Code's file watcher reports writes made through workspace.fs.
 */
function diskFileSystem(failWrites: { on: boolean }, pending: Set<Promise<unknown>>, disk: SharedDisk | undefined): Record<string, unknown> {
  const FileType = { File: 1, Directory: 2, SymbolicLink: 64 };
  const onDisk = <T>(uri: Uri, fn: () => Promise<T>): Promise<T> => {
    const p = (async () => {
      try {
        return await fn();
      } catch (err) {
        throw fsError(err, uri);
      }
    })();
    pending.add(p);
    const done = (): void => void pending.delete(p);
    p.then(done, done);
    return p;
  };
  const refuseWrite = (uri: Uri): void => {
    if (failWrites.on) throw FileSystemError.NoPermissions(`EACCES: permission denied, read-only folder (${uri.fsPath})`);
  };
  const exists = (file: string): boolean => nodeFs.existsSync(file);
  return {
    readFile: (uri: Uri) => onDisk(uri, async () => new Uint8Array(await nodeFs.promises.readFile(uri.fsPath))),
    writeFile: (uri: Uri, content: Uint8Array) =>
      onDisk(uri, async () => {
        refuseWrite(uri);
        const existed = exists(uri.fsPath);
        await nodeFs.promises.writeFile(uri.fsPath, content);
        disk?.wrote(uri.fsPath, existed ? 'change' : 'create');
      }),
    stat: (uri: Uri) =>
      onDisk(uri, async () => {
        const st = await nodeFs.promises.stat(uri.fsPath);
        const link = (await nodeFs.promises.lstat(uri.fsPath)).isSymbolicLink() ? FileType.SymbolicLink : 0;
        return { type: (st.isDirectory() ? FileType.Directory : FileType.File) | link, ctime: st.ctimeMs, mtime: st.mtimeMs, size: st.size };
      }),
    readDirectory: (uri: Uri) =>
      onDisk(uri, async () => (await nodeFs.promises.readdir(uri.fsPath, { withFileTypes: true })).map((e) => [e.name, e.isDirectory() ? FileType.Directory : FileType.File] as [string, number])),
    createDirectory: (uri: Uri) =>
      onDisk(uri, async () => {
        refuseWrite(uri);
        const existed = exists(uri.fsPath);
        await nodeFs.promises.mkdir(uri.fsPath, { recursive: true });
        if (!existed) disk?.wrote(uri.fsPath, 'create');
      }),
    rename: (source: Uri, target: Uri, options?: { overwrite?: boolean }) =>
      onDisk(source, async () => {
        refuseWrite(target);
        const existed = exists(target.fsPath);
        if (!options?.overwrite && existed) throw FileSystemError.FileExists(target);
        await nodeFs.promises.rename(source.fsPath, target.fsPath);
        disk?.wrote(source.fsPath, 'delete');
        disk?.wrote(target.fsPath, existed ? 'change' : 'create');
      }),
    copy: (source: Uri, target: Uri, options?: { overwrite?: boolean }) =>
      onDisk(source, async () => {
        refuseWrite(target);
        const existed = exists(target.fsPath);
        if (!options?.overwrite && existed) throw FileSystemError.FileExists(target);
        await nodeFs.promises.cp(source.fsPath, target.fsPath, { recursive: true });
        disk?.wrote(target.fsPath, existed ? 'change' : 'create');
      }),
    delete: (uri: Uri, options?: { recursive?: boolean; useTrash?: boolean }) =>
      onDisk(uri, async () => {
        refuseWrite(uri);
        await nodeFs.promises.rm(uri.fsPath, { recursive: options?.recursive ?? false });
        disk?.wrote(uri.fsPath, 'delete');
      }),
    isWritableFileSystem: (scheme: string) => (scheme === 'file' ? true : undefined),
  };
}

/** Whether a watcher's glob pattern (a string, or a RelativePattern) covers a file. */
function watches(globPattern: unknown, file: string): boolean {
  if (globPattern instanceof RelativePattern) {
    const base = globPattern.baseUri.fsPath;
    return file.startsWith(`${base}/`) && globToRegExp(globPattern.pattern).test(file.slice(base.length + 1));
  }
  return typeof globPattern === 'string' && globToRegExp(globPattern).test(file);
}

/**
 * One disk under several windows, as two VS Code windows (two extension hosts) on one folder have:
 * stubs made with the same SharedDisk hear, through their file-system watchers, every write any of
 * them makes through workspace.fs, and every change a test makes as another program (git, an editor).
 */
export class SharedDisk {
  /** The windows on this disk, in the order they were made. */
  readonly windows: FakeApi[] = [];
  /**
   * Called once a write through workspace.fs is on disk and its watchers are told, before the
   * caller goes on, with the file and what happened to it: a test makes another program act in that
   * window (a race) from here.
   */
  afterWrite: ((file: string, kind: 'change' | 'create' | 'delete') => void) | undefined;

  /** A write through some window's workspace.fs: every window's watchers hear of it, then afterWrite runs. */
  wrote(file: string, kind: 'change' | 'create' | 'delete'): void {
    this.notify(file, kind);
    this.afterWrite?.(file, kind);
  }

  /** Tells the live watchers of every window whose pattern covers `file`. */
  notify(file: string, kind: 'change' | 'create' | 'delete'): void {
    for (const w of this.windows) for (const watcher of w.watchers) if (!watcher.disposed && !watcher.ignores[kind] && watches(watcher.globPattern, file)) watcher[kind].fire(Uri.file(file));
  }

  /** Another program writes the file; the watchers hear of it. */
  externalWrite(file: string, text: string): void {
    const existed = nodeFs.existsSync(file);
    nodeFs.writeFileSync(file, text);
    this.notify(file, existed ? 'change' : 'create');
  }

  /** Another program deletes the file; the watchers hear of it. */
  externalDelete(file: string): void {
    nodeFs.rmSync(file, { force: true });
    this.notify(file, 'delete');
  }
}

const noopDisposable = (): Disposable => new Disposable();

/** An object whose unknown members are functions returning disposables (registerX, onDidX, createX). */
function namespace(known: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(known, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      if (prop in target) return target[prop];
      if (prop === 'then') return undefined; // never look like a promise
      return (..._args: unknown[]) => stubObject();
    },
  });
}

/** What a createX() returns: a disposable whose other members are no-ops. */
function stubObject(): Record<string, unknown> {
  return namespace({ dispose: () => undefined, event: noopDisposable, show: () => undefined, hide: () => undefined });
}

/** Counts what activate() registered: a sanity check that activation really ran. */
export interface StubCounters {
  registrations: number;
}

/** An event of the stub that a test fires. */
export interface FakeEvent<T = unknown> {
  fire(e: T): void;
}

/** A file-system watcher something created, with its pattern and the events a test fires on it. */
export interface FakeWatcher {
  globPattern: unknown;
  /** The events its creator asked not to hear (createFileSystemWatcher's ignore flags). */
  ignores: { create: boolean; change: boolean; delete: boolean };
  /** Set by dispose(): a disposed watcher hears nothing from a shared disk. */
  disposed: boolean;
  change: FakeEvent<Uri>;
  create: FakeEvent<Uri>;
  delete: FakeEvent<Uri>;
}

/** The stub's live parts: the editors it shows, the documents open, and the events a test or the bench fires. */
export interface FakeApi {
  visibleTextEditors: FakeTextEditor[];
  /** Documents open without an editor (workspace.textDocuments is these and the editors' documents). */
  documents: FakeTextDocument[];
  /** Applies an edit to a document and fires workspace.onDidChangeTextDocument, as typing does. */
  changeDocument(doc: FakeTextDocument, offset: number, length: number, insert: string): void;
  /** Fires window.onDidChangeVisibleTextEditors with the current editors. */
  showEditors(): void;
  /** Every decoration type created, with its render options. */
  decorationTypes: Array<{ key: string; options: unknown; dispose(): void }>;
  /** Settings by full name (`khabar.sidecarSuffix`); a missing one reads as the caller's default. */
  settings: Record<string, unknown>;
  /** How many times workspace.getConfiguration was called (what a settings cache saves). */
  configurationReads: number;
  /** workspace.workspaceFolders (findFiles searches their files on disk). */
  workspaceFolders: WorkspaceFolder[] | undefined;
  /** Every message shown, as `error: …`, `warning: …`, `info: …` or `status: …`. */
  log: string[];
  /** What the next messages shown answer, in order (a message with none left is dismissed: undefined). */
  answers: Array<string | undefined>;
  /** While `on`, every write through workspace.fs fails with NoPermissions, as in a read-only folder. */
  failWrites: { on: boolean };
  /** Every file-system watcher created, oldest first. */
  watchers: FakeWatcher[];
  /** Resolves once no workspace.fs call is in flight (what its callers chain onto them has run too). */
  settle(): Promise<void>;
  /** The diagnostics every collection holds for `uri`, or undefined if none has an entry for it. */
  diagnostics(uri: Uri): Diagnostic[] | undefined;
  /** workspace events a test fires: a save, a close, renames and deletions in the explorer, settings changed, trust granted. */
  emit: {
    saveDoc: FakeEvent<FakeTextDocument>;
    closeDoc: FakeEvent<FakeTextDocument>;
    renameFiles: FakeEvent<{ files: Array<{ oldUri: Uri; newUri: Uri }> }>;
    deleteFiles: FakeEvent<{ files: Uri[] }>;
    configuration: FakeEvent<{ affectsConfiguration(section: string): boolean }>;
    grantTrust: FakeEvent<void>;
    workspaceFolders: FakeEvent<{ added: readonly WorkspaceFolder[]; removed: readonly WorkspaceFolder[] }>;
  };
}

/** Options of makeVscodeStub. */
export interface StubOptions {
  /** The disk this window shares with the other stubs made with it (and the watcher events that go with it). */
  disk?: SharedDisk;
}

export function makeVscodeStub(counters: StubCounters, options: StubOptions = {}): Record<string, unknown> & { fake: FakeApi } {
  return namespace(makeKnown(counters, options)) as Record<string, unknown> & { fake: FakeApi };
}

function makeKnown(counters: StubCounters, options: StubOptions): Record<string, unknown> {
  const register = (..._args: unknown[]): Disposable => {
    counters.registrations++;
    return new Disposable();
  };
  /** An event that counts its registrations and really calls its listeners when fired. */
  const liveEvent = (): { event: (l: Listener) => Disposable; fire: (e: unknown) => void } => {
    const emitter = new EventEmitter();
    return {
      event: (l: Listener) => {
        counters.registrations++;
        return emitter.event(l);
      },
      fire: (e: unknown) => emitter.fire(e),
    };
  };
  const changeText = liveEvent();
  const changeEditors = liveEvent();
  const openDoc = liveEvent();
  const emit = {
    saveDoc: liveEvent(),
    closeDoc: liveEvent(),
    renameFiles: liveEvent(),
    deleteFiles: liveEvent(),
    configuration: liveEvent(),
    grantTrust: liveEvent(),
    workspaceFolders: liveEvent(),
  };
  const editors: FakeTextEditor[] = [];
  const decorationTypes: FakeApi['decorationTypes'] = [];
  const collections: Array<Map<string, Diagnostic[]>> = [];
  const pending = new Set<Promise<unknown>>();
  const fake: FakeApi = {
    visibleTextEditors: editors,
    documents: [],
    changeDocument(doc, offset, length, insert) {
      changeText.fire(doc.edit(offset, length, insert));
    },
    showEditors() {
      changeEditors.fire(editors);
    },
    decorationTypes,
    settings: {},
    configurationReads: 0,
    workspaceFolders: undefined,
    log: [],
    answers: [],
    failWrites: { on: false },
    watchers: [],
    async settle() {
      for (let i = 0; i < 20; i++) {
        await new Promise((r) => setTimeout(r, 5));
        if (pending.size === 0) return;
        // Rejections are the caller's to handle (a missing file is normal); only wait for them here.
        await Promise.allSettled([...pending]);
      }
    },
    diagnostics(uri) {
      const held = collections.filter((c) => c.has(uri.toString()));
      return held.length ? held.flatMap((c) => c.get(uri.toString())!) : undefined;
    },
    emit,
  };
  const textDocuments = (): FakeTextDocument[] => {
    const docs = fake.documents.filter((d) => !d.isClosed);
    for (const e of editors) if (!docs.includes(e.document)) docs.push(e.document);
    return docs;
  };
  /** workspace.getConfiguration(section): reads and writes `fake.settings` under `section.key`. */
  const configuration = (section?: string): Record<string, unknown> => {
    fake.configurationReads++;
    const full = (key: string): string => (section ? `${section}.${key}` : key);
    return {
      get: (key: string, fallback?: unknown) => (full(key) in fake.settings ? fake.settings[full(key)] : fallback),
      has: (key: string) => full(key) in fake.settings,
      inspect: (key: string) => ({ key: full(key), globalValue: fake.settings[full(key)] }),
      update: (key: string, value: unknown) => {
        const name = full(key);
        if (value === undefined) delete fake.settings[name];
        else fake.settings[name] = value;
        emit.configuration.fire({ affectsConfiguration: (s: string) => name === s || name.startsWith(`${s}.`) });
        return Promise.resolve();
      },
    };
  };
  const message =
    (kind: string) =>
    (text: string): Promise<string | undefined> => {
      fake.log.push(`${kind}: ${text}`);
      return Promise.resolve(fake.answers.shift());
    };
  /** workspace.findFiles: the files under each workspace folder (or the pattern's base) whose relative path matches. */
  const findFiles = (include: string | RelativePattern, exclude?: string | null, maxResults?: number): Promise<Uri[]> => {
    const roots = include instanceof RelativePattern ? [include.baseUri] : (fake.workspaceFolders ?? []).map((f) => f.uri);
    const wanted = globToRegExp(include instanceof RelativePattern ? include.pattern : include);
    const unwanted = exclude ? globToRegExp(exclude) : undefined;
    const found: Uri[] = [];
    const walk = (root: string, rel: string): void => {
      for (const e of nodeFs.readdirSync(nodePath.join(root, rel), { withFileTypes: true })) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(root, r);
        else if (wanted.test(r) && !(unwanted && unwanted.test(r))) found.push(Uri.file(nodePath.join(root, r)));
      }
    };
    for (const root of roots) walk(root.fsPath, '');
    return Promise.resolve(maxResults === undefined ? found : found.slice(0, maxResults));
  };
  options.disk?.windows.push(fake);
  const fs = diskFileSystem(fake.failWrites, pending, options.disk);
  const memento = { get: (_k: string, d?: unknown) => d, update: () => Promise.resolve(), keys: () => [] };
  return {
    fake,
    version: '1.100.0-stub',
    Disposable,
    EventEmitter,
    Position,
    Range,
    Selection: Range,
    Uri,
    ThemeColor: plainClass('ThemeColor'),
    ThemeIcon: plainClass('ThemeIcon'),
    MarkdownString: plainClass('MarkdownString'),
    Hover: plainClass('Hover'),
    TreeItem: plainClass('TreeItem'),
    CodeAction: plainClass('CodeAction'),
    CodeActionKind,
    Diagnostic,
    DiagnosticSeverity,
    DiagnosticRelatedInformation,
    Location,
    RelativePattern,
    StatusBarAlignment: { Left: 1, Right: 2 },
    DecorationRangeBehavior: { OpenOpen: 0, ClosedClosed: 1, OpenClosed: 2, ClosedOpen: 3 },
    OverviewRulerLane: { Left: 1, Center: 2, Right: 4, Full: 7 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    FileSystemError,
    l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])) },
    env: namespace({ language: 'en', appName: 'stub', clipboard: { writeText: () => Promise.resolve() } }),
    window: namespace({
      visibleTextEditors: editors,
      get activeTextEditor() {
        return editors[0];
      },
      createOutputChannel: () => stubObject(),
      createTextEditorDecorationType: (options: unknown) => {
        const t = { key: `type${decorationTypes.length + 1}`, options, dispose: () => undefined };
        decorationTypes.push(t);
        return t;
      },
      createStatusBarItem: () => stubObject(),
      registerTreeDataProvider: register,
      registerWebviewViewProvider: register,
      createTreeView: () => stubObject(),
      onDidChangeVisibleTextEditors: changeEditors.event,
      onDidChangeActiveTextEditor: register,
      onDidChangeTextEditorSelection: register,
      onDidChangeTextEditorVisibleRanges: register,
      showErrorMessage: message('error'),
      showWarningMessage: message('warning'),
      showInformationMessage: message('info'),
      setStatusBarMessage: (text: string) => {
        fake.log.push(`status: ${text}`);
        return new Disposable();
      },
    }),
    workspace: namespace({
      get textDocuments() {
        return textDocuments();
      },
      get workspaceFolders() {
        return fake.workspaceFolders;
      },
      isTrusted: true,
      findFiles,
      getConfiguration: configuration,
      onDidChangeTextDocument: changeText.event,
      onDidOpenTextDocument: openDoc.event,
      onDidCloseTextDocument: emit.closeDoc.event,
      onDidSaveTextDocument: emit.saveDoc.event,
      onDidChangeConfiguration: emit.configuration.event,
      onDidGrantWorkspaceTrust: emit.grantTrust.event,
      onDidChangeWorkspaceFolders: emit.workspaceFolders.event,
      onDidRenameFiles: emit.renameFiles.event,
      onDidDeleteFiles: emit.deleteFiles.event,
      createFileSystemWatcher: (globPattern: unknown, ignoreCreateEvents = false, ignoreChangeEvents = false, ignoreDeleteEvents = false) => {
        const [change, create, del] = [liveEvent(), liveEvent(), liveEvent()];
        const w: FakeWatcher = { globPattern, ignores: { create: ignoreCreateEvents, change: ignoreChangeEvents, delete: ignoreDeleteEvents }, disposed: false, change, create, delete: del };
        fake.watchers.push(w);
        return {
          onDidChange: change.event,
          onDidCreate: create.event,
          onDidDelete: del.event,
          ignoreChangeEvents,
          ignoreCreateEvents,
          ignoreDeleteEvents,
          dispose: () => {
            w.disposed = true;
          },
        };
      },
      /** An open document by URI, else the file read from disk (and then open); `{ content }` opens an untitled one. */
      openTextDocument: async (what: Uri | { content?: string; language?: string }) => {
        if (!(what instanceof Uri)) {
          const doc = new FakeTextDocument(Uri.parse(`untitled:Untitled-${fake.documents.length + 1}`), what.language ?? 'plaintext', what.content ?? '');
          fake.documents.push(doc);
          openDoc.fire(doc);
          return doc;
        }
        const open = textDocuments().find((d) => d.uri.toString() === what.toString());
        if (open) return open;
        const bytes = (await (fs.readFile as (u: Uri) => Promise<Uint8Array>)(what)) as Uint8Array;
        const doc = new FakeTextDocument(what, 'plaintext', new TextDecoder().decode(bytes));
        fake.documents.push(doc);
        openDoc.fire(doc);
        return doc;
      },
      fs,
      getWorkspaceFolder: (uri: Uri) => fake.workspaceFolders?.find((f) => uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`)),
      asRelativePath: (p: unknown) => String(p),
    }),
    languages: namespace({
      registerHoverProvider: register,
      registerCodeActionsProvider: register,
      registerCodeLensProvider: register,
      createDiagnosticCollection: (name?: string) => {
        const held = new Map<string, Diagnostic[]>();
        collections.push(held);
        const set = (uri: Uri | Array<[Uri, Diagnostic[] | undefined]>, diagnostics?: Diagnostic[]): void => {
          if (Array.isArray(uri)) for (const [u, d] of uri) set(u, d);
          else if (diagnostics === undefined) held.delete(uri.toString());
          else held.set(uri.toString(), [...diagnostics]);
        };
        return {
          name,
          set,
          delete: (uri: Uri) => void held.delete(uri.toString()),
          clear: () => held.clear(),
          get: (uri: Uri) => held.get(uri.toString()),
          has: (uri: Uri) => held.has(uri.toString()),
          forEach: (fn: (uri: Uri, d: Diagnostic[]) => void) => held.forEach((d, u) => fn(Uri.parse(u), d)),
          dispose: () => {
            held.clear();
            collections.splice(collections.indexOf(held), 1);
          },
        };
      },
      match: () => 0,
    }),
    commands: namespace({
      registerCommand: register,
      registerTextEditorCommand: register,
      executeCommand: () => Promise.resolve(undefined),
    }),
    extensions: namespace({ getExtension: () => undefined }),
    makeContext: () => ({
      subscriptions: [] as Disposable[],
      extensionPath: '/stub',
      extensionUri: Uri.file('/stub'),
      globalState: memento,
      workspaceState: memento,
      globalStorageUri: Uri.file('/stub/global'),
      storageUri: undefined,
      extensionMode: 1,
      asAbsolutePath: (p: string) => `/stub/${p}`,
    }),
  };
}

interface ModuleInternals {
  _resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string;
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

/** Makes `require('vscode')` return the stub for the duration of fn; the original resolver is restored after. */
export function withStubbedVscode<T>(stub: Record<string, unknown>, fn: () => T): T {
  const internals = Module as unknown as ModuleInternals;
  const original = internals._resolveFilename;
  const fakePath = '/__khabar_bench__/vscode.js';
  const cached = new Module(fakePath);
  cached.exports = stub;
  cached.loaded = true;
  require.cache[fakePath] = cached;
  internals._resolveFilename = function (this: unknown, request: string, parent: unknown, ...rest: unknown[]): string {
    if (request === 'vscode') return fakePath;
    return original.call(this, request, parent, ...rest);
  };
  // Node reuses the file a directory's `require('vscode')` resolved to before (another test's stand-in,
  // still cached) without asking the resolver again: answer 'vscode' before that cache is consulted.
  const originalLoad = internals._load;
  internals._load = function (this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
    if (request === 'vscode') return stub;
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    return fn();
  } finally {
    internals._resolveFilename = original;
    internals._load = originalLoad;
    delete require.cache[fakePath];
  }
}
