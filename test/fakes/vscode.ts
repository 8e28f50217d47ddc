// A stand-in for the `vscode` module, shared by the bench and the unit tests: it times the
// extension's activate() in plain Node, and drives the real DecorationManager over a text document
// and an editor (FakeTextDocument, FakeTextEditor) whose edits fire the workspace's change event.
// It answers what activation touches (events, registrations, configuration defaults); anything it
// does not know becomes a no-op that returns a disposable, so new host code still loads. Numbers
// measured with it are labelled "with a stub vscode API": the real editor adds its own cost.

// `import =` keeps the real module object (a namespace import would be a copy, and the hook would miss).
import Module = require('module');
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
   * Replaces [offset, offset + length) with `insert` (no line breaks in it) and returns the change
   * event VS Code would fire; the caller fires it (FakeApi.changeDocument does both).
   */
  edit(offset: number, length: number, insert: string): { document: FakeTextDocument; contentChanges: Array<{ rangeOffset: number; rangeLength: number; text: string; range: Range }> } {
    if (/[\r\n]/.test(insert) || /[\r\n]/.test(this.text.slice(offset, offset + length))) throw new Error('FakeTextDocument.edit: line breaks are not supported');
    const range = new Range(this.positionAt(offset), this.positionAt(offset + length));
    this.text = this.text.slice(0, offset) + insert + this.text.slice(offset + length);
    const delta = insert.length - length;
    const line = range.start.line;
    for (let l = line + 1; l < this.starts.length; l++) this.starts[l]! += delta;
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

class Uri {
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

function configuration(): Record<string, unknown> {
  return {
    get: (_key: string, fallback?: unknown) => fallback,
    has: () => false,
    inspect: () => undefined,
    update: () => Promise.resolve(),
  };
}

/** Counts what activate() registered: a sanity check that activation really ran. */
export interface StubCounters {
  registrations: number;
}

/** The stub's live parts: the editors it shows and the events a test or the bench fires. */
export interface FakeApi {
  visibleTextEditors: FakeTextEditor[];
  /** Applies an edit to a document and fires workspace.onDidChangeTextDocument, as typing does. */
  changeDocument(doc: FakeTextDocument, offset: number, length: number, insert: string): void;
  /** Fires window.onDidChangeVisibleTextEditors with the current editors. */
  showEditors(): void;
  /** Every decoration type created, with its render options. */
  decorationTypes: Array<{ key: string; options: unknown; dispose(): void }>;
}

export function makeVscodeStub(counters: StubCounters): Record<string, unknown> & { fake: FakeApi } {
  return namespace(makeKnown(counters)) as Record<string, unknown> & { fake: FakeApi };
}

function makeKnown(counters: StubCounters): Record<string, unknown> {
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
  const editors: FakeTextEditor[] = [];
  const decorationTypes: FakeApi['decorationTypes'] = [];
  const fake: FakeApi = {
    visibleTextEditors: editors,
    changeDocument(doc, offset, length, insert) {
      changeText.fire(doc.edit(offset, length, insert));
    },
    showEditors() {
      changeEditors.fire(editors);
    },
    decorationTypes,
  };
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
    Diagnostic: plainClass('Diagnostic'),
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    RelativePattern: plainClass('RelativePattern'),
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
    FileSystemError: class FileSystemError extends Error {
      static FileNotFound(m?: unknown): Error {
        return new FileSystemError(String(m ?? 'FileNotFound'));
      }
      code = 'FileNotFound';
    },
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
    }),
    workspace: namespace({
      get textDocuments() {
        return editors.map((e) => e.document);
      },
      workspaceFolders: undefined,
      isTrusted: true,
      findFiles: () => Promise.resolve([]),
      getConfiguration: configuration,
      onDidChangeTextDocument: changeText.event,
      onDidOpenTextDocument: register,
      onDidCloseTextDocument: register,
      onDidSaveTextDocument: register,
      onDidChangeConfiguration: register,
      onDidRenameFiles: register,
      onDidDeleteFiles: register,
      createFileSystemWatcher: () => namespace({ onDidChange: register, onDidCreate: register, onDidDelete: register, dispose: () => undefined }),
      fs: namespace({}),
      getWorkspaceFolder: () => undefined,
      asRelativePath: (p: unknown) => String(p),
    }),
    languages: namespace({
      registerHoverProvider: register,
      registerCodeActionsProvider: register,
      registerCodeLensProvider: register,
      createDiagnosticCollection: () => stubObject(),
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
