// A minimal stand-in for the `vscode` module so the bench can time the extension's activate() in
// plain Node. It answers what activation touches (events, registrations, configuration defaults);
// anything it does not know becomes a no-op that returns a disposable, so new host code still loads.
// Numbers measured with it are labelled "with a stub vscode API": the real editor adds its own cost.

// `import =` keeps the real module object (a namespace import would be a copy, and the hook would miss).
import Module = require('module');

type Listener = (e: unknown) => unknown;

class Disposable {
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  constructor(private readonly fn: () => unknown = () => undefined) {}
  dispose(): void {
    this.fn();
  }
}

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

class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

class Range {
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

export function makeVscodeStub(counters: StubCounters): Record<string, unknown> {
  return namespace(makeKnown(counters));
}

function makeKnown(counters: StubCounters): Record<string, unknown> {
  const register = (..._args: unknown[]): Disposable => {
    counters.registrations++;
    return new Disposable();
  };
  const memento = { get: (_k: string, d?: unknown) => d, update: () => Promise.resolve(), keys: () => [] };
  return {
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
      visibleTextEditors: [],
      activeTextEditor: undefined,
      createOutputChannel: () => stubObject(),
      createTextEditorDecorationType: () => stubObject(),
      createStatusBarItem: () => stubObject(),
      registerTreeDataProvider: register,
      registerWebviewViewProvider: register,
      createTreeView: () => stubObject(),
      onDidChangeVisibleTextEditors: register,
      onDidChangeActiveTextEditor: register,
      onDidChangeTextEditorSelection: register,
      onDidChangeTextEditorVisibleRanges: register,
    }),
    workspace: namespace({
      textDocuments: [],
      workspaceFolders: undefined,
      isTrusted: true,
      findFiles: () => Promise.resolve([]),
      getConfiguration: configuration,
      onDidChangeTextDocument: register,
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
  try {
    return fn();
  } finally {
    internals._resolveFilename = original;
    delete require.cache[fakePath];
  }
}
