// The sidecar store under concurrency, in plain Node: a small fake of the VS Code API whose file
// system is the real one, so the store's own code (src/host/store/sidecarStore.ts) runs unchanged.
// Each "window" loads its own copy of the store module against its own fake API, as two VS Code
// windows run two extension hosts; they share only the disk and the file watcher's view of it.
// Cases: an external write before and during a save, two windows editing one article, the article
// or its sidecar deleted while open, a sidecar broken by git while changes are pending, and random
// interleavings of all of these. The invariant everywhere: no annotation is lost.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as StoreModule from '../../src/host/store/sidecarStore';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { withVscode } from './withVscode';
import { Disposable } from '../fakes/disposable';
import { Position, Range } from '../fakes/vscode';

type Listener<T> = (e: T) => unknown;

class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event = (l: Listener<T>): { dispose(): void } => {
    this.listeners.add(l);
    return { dispose: () => this.listeners.delete(l) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(p: string): Uri {
    return new Uri('file', p);
  }
  with(change: { path?: string }): Uri {
    return new Uri(this.scheme, change.path ?? this.path);
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

class FileSystemError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

class Diagnostic {
  source?: string;
  code?: unknown;
  relatedInformation?: unknown[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: number,
  ) {}
}

/** The shared disk as every window's watcher sees it: each fake registers here, every write notifies all. */
class Disk {
  readonly windows: FakeVscode[] = [];
  /**
   * Runs inside a store's atomic write, once the temporary file is written and before the rename is
   * called: the race window. (Not inside the rename call itself: a write landing there, after the
   * store's last instruction, is one no writer can see without the other program's cooperation.)
   */
  beforeRename: (() => void) | undefined;

  notify(file: string, kind: 'change' | 'create' | 'delete'): void {
    for (const w of this.windows) w.fireWatch(file, kind);
  }

  /** Another program (git, a text editor) writes the file; the watchers hear of it. */
  externalWrite(file: string, text: string): void {
    const existed = fs.existsSync(file);
    fs.writeFileSync(file, text);
    this.notify(file, existed ? 'change' : 'create');
  }

  externalDelete(file: string): void {
    fs.rmSync(file, { force: true });
    this.notify(file, 'delete');
  }
}

interface Watcher {
  change: Emitter<Uri>;
  create: Emitter<Uri>;
  delete: Emitter<Uri>;
  suffix: string;
}

class FakeDocument {
  version = 1;
  isClosed = false;
  readonly languageId = 'arabic-news';
  constructor(
    readonly uri: Uri,
    private text: string,
  ) {}
  /** The store takes vscode.TextDocument; this fake has the members it uses. */
  get asDocument(): import('vscode').TextDocument {
    return this as unknown as import('vscode').TextDocument;
  }
  getText(): string {
    return this.text;
  }
  positionAt(offset: number): Position {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return new Position(line, offset - (before.lastIndexOf('\n') + 1));
  }
  /** Applies an edit as VS Code does and returns the change event the store listens to. */
  edit(offset: number, length: number, insert: string): { document: FakeDocument; contentChanges: Array<{ rangeOffset: number; rangeLength: number; text: string }> } {
    this.text = this.text.slice(0, offset) + insert + this.text.slice(offset + length);
    this.version++;
    return { document: this, contentChanges: [{ rangeOffset: offset, rangeLength: length, text: insert }] };
  }
}

/** One window's `vscode` module. Prompts answer with `answers[message prefix]`, else are dismissed. */
class FakeVscode {
  readonly prompts: string[] = [];
  readonly answers = new Map<string, string>();
  readonly textDocuments: FakeDocument[] = [];
  private readonly watchers = new Set<Watcher>();
  readonly onDidChangeTextDocument = new Emitter<unknown>();
  readonly onDidDeleteFiles = new Emitter<{ files: Uri[] }>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly disk: Disk) {
    disk.windows.push(this);
  }

  fireWatch(file: string, kind: 'change' | 'create' | 'delete'): void {
    for (const w of this.watchers) if (file.endsWith(w.suffix)) w[kind].fire(Uri.file(file));
  }

  /** Waits for fs calls started through this API (the watcher callbacks chain onto them). */
  async settle(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 5));
      if (this.pending.size === 0) return;
      // Rejections are the store's to handle (a missing file is normal); only wait for them here.
      await Promise.allSettled([...this.pending]);
    }
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.then(
      () => this.pending.delete(p),
      () => this.pending.delete(p),
    );
    return p;
  }

  module(): Record<string, unknown> {
    const disk = this.disk;
    const notFound = (e: unknown): never => {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new FileSystemError(String(e), 'FileNotFound');
      throw e;
    };
    const none = (): { dispose(): void } => ({ dispose: () => undefined });
    const answer = (message: string, ...items: unknown[]): Promise<string | undefined> => {
      this.prompts.push(message);
      for (const [prefix, choice] of this.answers) if (message.startsWith(prefix) && items.includes(choice)) return Promise.resolve(choice);
      return Promise.resolve(undefined);
    };
    const fsApi = {
      readFile: (uri: Uri) => this.track(fs.promises.readFile(uri.fsPath).then((b) => new Uint8Array(b), notFound)),
      writeFile: (uri: Uri, bytes: Uint8Array) =>
        this.track(
          (async () => {
            const existed = fs.existsSync(uri.fsPath);
            await fs.promises.writeFile(uri.fsPath, bytes);
            disk.notify(uri.fsPath, existed ? 'change' : 'create');
            if (uri.fsPath.includes('.tmp-')) {
              const race = disk.beforeRename;
              disk.beforeRename = undefined;
              race?.();
            }
          })(),
        ),
      rename: (from: Uri, to: Uri, options?: { overwrite?: boolean }) =>
        this.track(
          (async () => {
            if (!options?.overwrite && fs.existsSync(to.fsPath)) throw new FileSystemError(`${to.fsPath} exists`, 'FileExists');
            await fs.promises.rename(from.fsPath, to.fsPath).catch(notFound);
            disk.notify(from.fsPath, 'delete');
            disk.notify(to.fsPath, 'change');
          })(),
        ),
      delete: (uri: Uri) =>
        this.track(
          (async () => {
            await fs.promises.rm(uri.fsPath).catch(notFound);
            disk.notify(uri.fsPath, 'delete');
          })(),
        ),
      stat: (uri: Uri) => this.track(fs.promises.stat(uri.fsPath).then((s) => ({ type: s.isDirectory() ? 2 : 1, size: s.size, mtime: s.mtimeMs, ctime: s.ctimeMs }), notFound)),
      isWritableFileSystem: () => true,
    };
    return {
      Uri,
      Range,
      Position,
      Diagnostic,
      FileSystemError,
      EventEmitter: Emitter,
      Disposable,
      DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
      DiagnosticRelatedInformation: class {
        constructor(
          readonly location: unknown,
          readonly message: string,
        ) {}
      },
      Location: class {
        constructor(
          readonly uri: Uri,
          readonly range: unknown,
        ) {}
      },
      l10n: { t: (m: string, ...args: unknown[]) => m.replace(/\{(\d+)\}/g, (_x, i: string) => String(args[Number(i)])) },
      languages: {
        createDiagnosticCollection: () => {
          const map = new Map<string, unknown>();
          return { set: (u: Uri, d: unknown) => map.set(u.toString(), d), delete: (u: Uri) => map.delete(u.toString()), get: (u: Uri) => map.get(u.toString()), clear: () => map.clear(), dispose: () => map.clear() };
        },
      },
      window: {
        showWarningMessage: answer,
        showErrorMessage: answer,
        showInformationMessage: answer,
        setStatusBarMessage: none,
      },
      workspace: {
        isTrusted: true,
        textDocuments: this.textDocuments,
        fs: fsApi,
        getConfiguration: () => ({ get: (_k: string, d?: unknown) => d }),
        createFileSystemWatcher: (glob: string) => {
          const w: Watcher = { change: new Emitter(), create: new Emitter(), delete: new Emitter(), suffix: glob.replace(/^\*\*\/\*/, '') };
          this.watchers.add(w);
          return {
            onDidChange: w.change.event,
            onDidCreate: w.create.event,
            onDidDelete: w.delete.event,
            dispose: () => this.watchers.delete(w),
          };
        },
        onDidChangeTextDocument: this.onDidChangeTextDocument.event,
        onDidDeleteFiles: this.onDidDeleteFiles.event,
        onDidSaveTextDocument: none,
        onDidCloseTextDocument: none,
        onDidRenameFiles: none,
        onDidGrantWorkspaceTrust: none,
        onDidChangeConfiguration: none,
      },
    };
  }
}

/** A fresh copy of the store module bound to `fake`, as a separate window would load it. */
function loadStoreFor(fake: FakeVscode): typeof StoreModule {
  return withVscode(fake.module(), () => require('../../src/host/store/sidecarStore') as typeof StoreModule);
}

const ARTICLE = [
  'أعلنت وزارة الصحة في بيان صدر صباح الثلاثاء أن عدد المستشفيات المشاركة في البرنامج ارتفع إلى 42 مستشفى.',
  'وقال المتحدث باسم الوزارة إن الخطة تشمل المدن الكبرى أولاً، ثم المحافظات الأصغر خلال العام المقبل.',
  'وأضاف أن تكلفة المرحلة الأولى بلغت 3.5 مليار ريال، وأن المرحلة الثانية ستبدأ في مارس.',
].join('\n');

/** Words of the article to tag, each once. */
const WORDS = ['وزارة الصحة', 'الثلاثاء', 'المستشفيات', '42 مستشفى', 'المتحدث', 'المدن الكبرى', 'المحافظات', '3.5 مليار ريال', 'مارس', 'البرنامج'];

interface Window {
  fake: FakeVscode;
  store: StoreModule.SidecarStore;
  doc: FakeDocument;
}

function record(text: string, quote: string, note: string): Omit<AnnotationRecord, 'id'> {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return {
    kind: 'entity',
    label: 'ORG',
    status: 'accepted',
    note,
    target: { start, end: start + quote.length, exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + quote.length, start + quote.length + 32) },
  };
}

/** The notes on disk: each added annotation carries a unique note, so "lost" is exact. */
function notesOnDisk(sidecar: string): string[] {
  if (!fs.existsSync(sidecar)) return [];
  const text = fs.readFileSync(sidecar, 'utf8');
  return [...text.matchAll(/^ {4}note: "?([^"\n]+)"?$/gm)].map((m) => m[1]!).sort();
}

describe('fuzz: the sidecar store under concurrency (fake VS Code API, real files)', function () {
  this.timeout(60000);
  let dir = '';
  let articleFile = '';
  let sidecarFile = '';
  let disk: Disk;
  const windows: Window[] = [];

  function openWindow(debounceMs = 5): Window {
    const fake = new FakeVscode(disk);
    const { SidecarStore } = loadStoreFor(fake);
    const name = `window ${windows.length + 1}`;
    const log = process.env.KHABAR_STORE_LOG ? (m: string): void => console.log(`[${name}] ${m}`) : undefined;
    const store = new SidecarStore({ debounceMs, maxRetryMs: 50, ...(log ? { log } : {}) });
    const doc = new FakeDocument(Uri.file(articleFile), fs.readFileSync(articleFile, 'utf8'));
    fake.textDocuments.push(doc);
    const w = { fake, store, doc };
    windows.push(w);
    return w;
  }

  function trace(step: string): void {
    if (!process.env.KHABAR_STORE_LOG) return;
    console.log(`--- ${step}: disk ${JSON.stringify(notesOnDisk(sidecarFile))}`);
    for (const [i, w] of windows.entries()) {
      const st = w.store.peek(w.doc.uri as unknown as import('vscode').Uri);
      console.log(`    window ${i + 1}: ${JSON.stringify(st?.records.map((r) => `${r.id}:${r.note}`))} dirty=${st?.dirty}`);
    }
  }

  async function settleAll(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      for (const w of windows) await w.store.flush();
      for (const w of windows) await w.fake.settle();
    }
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-store-'));
    articleFile = path.join(dir, 'article.ar.txt');
    sidecarFile = `${articleFile}.annotations.yaml`;
    fs.writeFileSync(articleFile, ARTICLE);
    disk = new Disk();
  });

  afterEach(async () => {
    for (const w of windows.splice(0)) w.store.dispose();
    await new Promise((r) => setTimeout(r, 20));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an external write before a pending save is merged, not overwritten', async () => {
    // A long debounce: A's save happens at flush, after the other write has landed.
    const a = openWindow(60000);
    await a.store.load(a.doc.asDocument);
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[0]!, 'mine-1'));
    await a.store.flush();
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[1]!, 'mine-2')); // pending
    trace('after mine-2');
    // git pull: another reviewer's sidecar, which has mine-1 and their own note.
    const b = openWindow();
    await b.store.load(b.doc.asDocument);
    trace('b loaded');
    await b.store.add(b.doc.asDocument, record(ARTICLE, WORDS[2]!, 'theirs-1'));
    await b.store.flush();
    trace('b flushed');
    await settleAll();
    trace('settled');
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['mine-1', 'mine-2', 'theirs-1']);
    for (const w of windows) {
      assert.deepStrictEqual(
        (await w.store.load(w.doc.asDocument)).records.map((r) => r.note).sort(),
        ['mine-1', 'mine-2', 'theirs-1'],
      );
    }
  });

  it('an external write landing during a save (between the temporary file and the rename) is not lost', async () => {
    const a = openWindow();
    await a.store.load(a.doc.asDocument);
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[0]!, 'mine-1'));
    await a.store.flush();
    const before = fs.readFileSync(sidecarFile, 'utf8');
    const theirs = before.replace('    note: mine-1\n', '    note: mine-1\n    author: someone-else\n');
    assert.notStrictEqual(theirs, before);
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[1]!, 'mine-2'));
    disk.beforeRename = () => disk.externalWrite(sidecarFile, theirs);
    await a.store.flush();
    await settleAll();
    const onDisk = fs.readFileSync(sidecarFile, 'utf8');
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['mine-1', 'mine-2']);
    assert.match(onDisk, /author: someone-else/, 'the field written by the other program was overwritten by the save');
  });

  it('two windows on one article, both with unsaved additions (same next id), saved one after the other: all kept', async () => {
    const a = openWindow(60000);
    const b = openWindow(60000);
    await a.store.load(a.doc.asDocument);
    await b.store.load(b.doc.asDocument);
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[0]!, 'a-1'));
    await b.store.add(b.doc.asDocument, record(ARTICLE, WORDS[1]!, 'b-1'));
    await a.store.flush();
    await b.store.flush();
    await settleAll();
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['a-1', 'b-1']);
    for (const w of [a, b]) {
      const state = await w.store.load(w.doc.asDocument);
      assert.deepStrictEqual(
        state.records.map((r) => r.note).sort(),
        ['a-1', 'b-1'],
      );
      assert.strictEqual(new Set(state.records.map((r) => r.id)).size, state.records.length, 'ids collide');
    }
  });

  it('two windows on one article saving at the same moment: each one\'s additions reach the other and the disk', async () => {
    const a = openWindow();
    const b = openWindow();
    await a.store.load(a.doc.asDocument);
    await b.store.load(b.doc.asDocument);
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[0]!, 'a-1'));
    await settleAll();
    await b.store.add(b.doc.asDocument, record(ARTICLE, WORDS[1]!, 'b-1'));
    await settleAll();
    // Both tag at the same time, before either has seen the other's write (same next id on both sides).
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[2]!, 'a-2'));
    await b.store.add(b.doc.asDocument, record(ARTICLE, WORDS[3]!, 'b-2'));
    await Promise.all([a.store.flush(), b.store.flush()]);
    await settleAll();
    const want = ['a-1', 'a-2', 'b-1', 'b-2'];
    assert.deepStrictEqual(notesOnDisk(sidecarFile), want);
    for (const w of [a, b]) {
      const state = await w.store.load(w.doc.asDocument);
      assert.deepStrictEqual(
        state.records.map((r) => r.note).sort(),
        want,
      );
      assert.strictEqual(new Set(state.records.map((r) => r.id)).size, state.records.length, 'ids collide');
    }
  });

  it('the article deleted in the editor while open: the sidecar and pending annotations are kept unless the user says delete', async () => {
    const a = openWindow();
    await a.store.load(a.doc.asDocument);
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[0]!, 'kept-1'));
    await a.store.flush();
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[1]!, 'kept-2')); // pending when the article goes
    fs.rmSync(articleFile);
    a.fake.onDidDeleteFiles.fire({ files: [Uri.file(articleFile)] });
    await a.fake.settle();
    await settleAll();
    assert.ok(a.fake.prompts.some((p) => /was deleted\. Delete its annotations file/.test(p)), a.fake.prompts.join('\n'));
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['kept-1', 'kept-2']);
  });

  it('the article deleted outside the editor while open: nothing is lost and saving still works', async () => {
    const a = openWindow();
    await a.store.load(a.doc.asDocument);
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[0]!, 'kept-1'));
    fs.rmSync(articleFile); // rm in a terminal: VS Code keeps the document open, marked deleted
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[1]!, 'kept-2'));
    await settleAll();
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['kept-1', 'kept-2']);
  });

  it('the sidecar deleted outside while open is restored from memory unless the user discards', async () => {
    const a = openWindow();
    await a.store.load(a.doc.asDocument);
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[0]!, 'kept-1'));
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[1]!, 'kept-2'));
    await settleAll();
    disk.externalDelete(sidecarFile);
    await settleAll();
    assert.ok(a.fake.prompts.some((p) => /was deleted outside the editor/.test(p)), a.fake.prompts.join('\n'));
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['kept-1', 'kept-2']);
  });

  it('a sidecar broken by a git merge while changes are pending is never overwritten; the changes survive its repair', async () => {
    const a = openWindow();
    await a.store.load(a.doc.asDocument);
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[0]!, 'base-1'));
    await settleAll();
    const good = fs.readFileSync(sidecarFile, 'utf8');
    await a.store.add(a.doc.asDocument, record(ARTICLE, WORDS[1]!, 'pending-1'));
    const broken = `<<<<<<< HEAD\n${good}=======\n${good}>>>>>>> theirs\n`;
    disk.externalWrite(sidecarFile, broken);
    await settleAll();
    assert.strictEqual(fs.readFileSync(sidecarFile, 'utf8'), broken, 'a sidecar with conflict markers was overwritten');
    const state = await a.store.load(a.doc.asDocument);
    assert.ok(state.readOnlyReason && /conflict/.test(state.readOnlyReason), String(state.readOnlyReason));
    assert.deepStrictEqual(
      state.records.map((r) => r.note).sort(),
      ['base-1', 'pending-1'],
    );
    // The person resolves the conflict by taking the old file: the pending change is merged back in.
    disk.externalWrite(sidecarFile, good);
    await settleAll();
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['base-1', 'pending-1']);
  });

  it('random interleavings of two windows and external writers never lose an annotation', async function () {
    this.timeout(120000);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), window: fc.integer({ min: 0, max: 1 }), word: fc.integer({ min: 0, max: WORDS.length - 1 }) }),
      fc.record({ kind: fc.constant('flush' as const), window: fc.integer({ min: 0, max: 1 }) }),
      fc.record({ kind: fc.constant('settle' as const) }),
      fc.record({ kind: fc.constant('rewrite' as const) }),
      fc.record({ kind: fc.constant('raceRewrite' as const) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 10 }), async (ops) => {
        for (const w of windows.splice(0)) w.store.dispose();
        fs.rmSync(sidecarFile, { force: true });
        disk = new Disk();
        const ws = [openWindow(), openWindow()];
        for (const w of ws) await w.store.load(w.doc.asDocument);
        const added: string[] = [];
        for (const o of ops) {
          if (o.kind === 'add') {
            const note = `n${run}-${added.length}`;
            await ws[o.window]!.store.add(ws[o.window]!.doc.asDocument, record(ARTICLE, WORDS[o.word]!, note));
            added.push(note);
          } else if (o.kind === 'flush') {
            await ws[o.window]!.store.flush();
          } else if (o.kind === 'settle') {
            await settleAll();
          } else if (fs.existsSync(sidecarFile)) {
            // Another program rewrites the file with the same content in its own layout (a comment on top).
            const text = fs.readFileSync(sidecarFile, 'utf8');
            const rewritten = text.startsWith('#') ? text : `# reviewed\n${text}`;
            if (o.kind === 'rewrite') disk.externalWrite(sidecarFile, rewritten);
            else disk.beforeRename = () => disk.externalWrite(sidecarFile, rewritten);
          }
        }
        await settleAll();
        disk.beforeRename = undefined;
        run++;
        assert.deepStrictEqual(notesOnDisk(sidecarFile), added.slice().sort(), `ops: ${JSON.stringify(ops)}`);
      }),
      { numRuns: 25, seed: Number(process.env.KHABAR_FUZZ_SEED ?? 20261129) },
    );
  });
});
