// The sidecar store under concurrency, in plain Node, on the shared fake VS Code API
// (test/fakes/vscode.ts) whose file system is the real one, so the store's own code
// (src/host/store/sidecarStore.ts) runs unchanged. Each "window" loads its own copy of the store
// module against its own stub, as two VS Code windows run two extension hosts; the stubs share only
// the disk and the file watcher's view of it (a SharedDisk).
// Cases: an external write before and during a save, two windows editing one article, the article
// or its sidecar deleted while open, a sidecar broken by git while changes are pending, and random
// interleavings of all of these. The invariant everywhere: no annotation is lost.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as vscode from 'vscode';
import type * as StoreModule from '../../src/host/store/sidecarStore';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { withVscode } from './withVscode';
import { FakeTextDocument, makeVscodeStub, SharedDisk, Uri, type FakeApi } from '../fakes/vscode';

const ARTICLE = [
  'أعلنت وزارة الصحة في بيان صدر صباح الثلاثاء أن عدد المستشفيات المشاركة في البرنامج ارتفع إلى 42 مستشفى.',
  'وقال المتحدث باسم الوزارة إن الخطة تشمل المدن الكبرى أولاً، ثم المحافظات الأصغر خلال العام المقبل.',
  'وأضاف أن تكلفة المرحلة الأولى بلغت 3.5 مليار ريال، وأن المرحلة الثانية ستبدأ في مارس.',
].join('\n');

/** Words of the article to tag, each once. */
const WORDS = ['وزارة الصحة', 'الثلاثاء', 'المستشفيات', '42 مستشفى', 'المتحدث', 'المدن الكبرى', 'المحافظات', '3.5 مليار ريال', 'مارس', 'البرنامج'];

interface Window {
  fake: FakeApi;
  store: StoreModule.SidecarStore;
  /** The article open in this window (a FakeTextDocument, as the store takes it). */
  doc: vscode.TextDocument;
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
  let disk: SharedDisk;
  const windows: Window[] = [];

  function openWindow(debounceMs = 5): Window {
    // A fresh copy of the store module bound to this window's stub, as a separate window would load it.
    const stub = makeVscodeStub({ registrations: 0 }, { disk });
    const fake = stub.fake;
    const { SidecarStore } = withVscode(stub, () => require('../../src/host/store/sidecarStore') as typeof StoreModule);
    const name = `window ${windows.length + 1}`;
    const log = process.env.KHABAR_STORE_LOG ? (m: string): void => console.log(`[${name}] ${m}`) : undefined;
    const store = new SidecarStore({ debounceMs, maxRetryMs: 50, ...(log ? { log } : {}) });
    const doc = new FakeTextDocument(Uri.file(articleFile), 'arabic-news', fs.readFileSync(articleFile, 'utf8'));
    fake.documents.push(doc);
    const w = { fake, store, doc: doc as unknown as vscode.TextDocument };
    windows.push(w);
    return w;
  }

  function trace(step: string): void {
    if (!process.env.KHABAR_STORE_LOG) return;
    console.log(`--- ${step}: disk ${JSON.stringify(notesOnDisk(sidecarFile))}`);
    for (const [i, w] of windows.entries()) {
      const st = w.store.peek(w.doc.uri);
      console.log(`    window ${i + 1}: ${JSON.stringify(st?.records.map((r) => `${r.id}:${r.note}`))} dirty=${st?.dirty}`);
    }
  }

  /**
   * Runs `race` inside the next atomic save, once its temporary file is written and before the rename
   * is called: the race window. (Not inside the rename call itself: a write landing there, after the
   * store's last instruction, is one no writer can see without the other program's cooperation.)
   */
  function beforeRename(race: () => void): void {
    disk.afterWrite = (file, kind) => {
      if (kind === 'delete' || !file.includes('.tmp-')) return;
      disk.afterWrite = undefined;
      race();
    };
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
    disk = new SharedDisk();
  });

  afterEach(async () => {
    for (const w of windows.splice(0)) w.store.dispose();
    await new Promise((r) => setTimeout(r, 20));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an external write before a pending save is merged, not overwritten', async () => {
    // A long debounce: A's save happens at flush, after the other write has landed.
    const a = openWindow(60000);
    await a.store.load(a.doc);
    await a.store.add(a.doc, record(ARTICLE, WORDS[0]!, 'mine-1'));
    await a.store.flush();
    await a.store.add(a.doc, record(ARTICLE, WORDS[1]!, 'mine-2')); // pending
    trace('after mine-2');
    // git pull: another reviewer's sidecar, which has mine-1 and their own note.
    const b = openWindow();
    await b.store.load(b.doc);
    trace('b loaded');
    await b.store.add(b.doc, record(ARTICLE, WORDS[2]!, 'theirs-1'));
    await b.store.flush();
    trace('b flushed');
    await settleAll();
    trace('settled');
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['mine-1', 'mine-2', 'theirs-1']);
    for (const w of windows) {
      assert.deepStrictEqual(
        (await w.store.load(w.doc)).records.map((r) => r.note).sort(),
        ['mine-1', 'mine-2', 'theirs-1'],
      );
    }
  });

  it('an external write landing during a save (between the temporary file and the rename) is not lost', async () => {
    const a = openWindow();
    await a.store.load(a.doc);
    await a.store.add(a.doc, record(ARTICLE, WORDS[0]!, 'mine-1'));
    await a.store.flush();
    const before = fs.readFileSync(sidecarFile, 'utf8');
    const theirs = before.replace('    note: mine-1\n', '    note: mine-1\n    author: someone-else\n');
    assert.notStrictEqual(theirs, before);
    await a.store.add(a.doc, record(ARTICLE, WORDS[1]!, 'mine-2'));
    beforeRename(() => disk.externalWrite(sidecarFile, theirs));
    await a.store.flush();
    await settleAll();
    const onDisk = fs.readFileSync(sidecarFile, 'utf8');
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['mine-1', 'mine-2']);
    assert.match(onDisk, /author: someone-else/, 'the field written by the other program was overwritten by the save');
  });

  it('two windows on one article, both with unsaved additions (same next id), saved one after the other: all kept', async () => {
    const a = openWindow(60000);
    const b = openWindow(60000);
    await a.store.load(a.doc);
    await b.store.load(b.doc);
    await a.store.add(a.doc, record(ARTICLE, WORDS[0]!, 'a-1'));
    await b.store.add(b.doc, record(ARTICLE, WORDS[1]!, 'b-1'));
    await a.store.flush();
    await b.store.flush();
    await settleAll();
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['a-1', 'b-1']);
    for (const w of [a, b]) {
      const state = await w.store.load(w.doc);
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
    await a.store.load(a.doc);
    await b.store.load(b.doc);
    await a.store.add(a.doc, record(ARTICLE, WORDS[0]!, 'a-1'));
    await settleAll();
    await b.store.add(b.doc, record(ARTICLE, WORDS[1]!, 'b-1'));
    await settleAll();
    // Both tag at the same time, before either has seen the other's write (same next id on both sides).
    await a.store.add(a.doc, record(ARTICLE, WORDS[2]!, 'a-2'));
    await b.store.add(b.doc, record(ARTICLE, WORDS[3]!, 'b-2'));
    await Promise.all([a.store.flush(), b.store.flush()]);
    await settleAll();
    const want = ['a-1', 'a-2', 'b-1', 'b-2'];
    assert.deepStrictEqual(notesOnDisk(sidecarFile), want);
    for (const w of [a, b]) {
      const state = await w.store.load(w.doc);
      assert.deepStrictEqual(
        state.records.map((r) => r.note).sort(),
        want,
      );
      assert.strictEqual(new Set(state.records.map((r) => r.id)).size, state.records.length, 'ids collide');
    }
  });

  it('the article deleted in the editor while open: the sidecar and pending annotations are kept unless the user says delete', async () => {
    const a = openWindow();
    await a.store.load(a.doc);
    await a.store.add(a.doc, record(ARTICLE, WORDS[0]!, 'kept-1'));
    await a.store.flush();
    await a.store.add(a.doc, record(ARTICLE, WORDS[1]!, 'kept-2')); // pending when the article goes
    fs.rmSync(articleFile);
    a.fake.emit.deleteFiles.fire({ files: [Uri.file(articleFile)] });
    await a.fake.settle();
    await settleAll();
    assert.ok(a.fake.log.some((p) => /was deleted\. Delete its annotations file/.test(p)), a.fake.log.join('\n'));
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['kept-1', 'kept-2']);
  });

  it('the article deleted outside the editor while open: nothing is lost and saving still works', async () => {
    const a = openWindow();
    await a.store.load(a.doc);
    await a.store.add(a.doc, record(ARTICLE, WORDS[0]!, 'kept-1'));
    fs.rmSync(articleFile); // rm in a terminal: VS Code keeps the document open, marked deleted
    await a.store.add(a.doc, record(ARTICLE, WORDS[1]!, 'kept-2'));
    await settleAll();
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['kept-1', 'kept-2']);
  });

  it('the sidecar deleted outside while open is restored from memory unless the user discards', async () => {
    const a = openWindow();
    await a.store.load(a.doc);
    await a.store.add(a.doc, record(ARTICLE, WORDS[0]!, 'kept-1'));
    await a.store.add(a.doc, record(ARTICLE, WORDS[1]!, 'kept-2'));
    await settleAll();
    disk.externalDelete(sidecarFile);
    await settleAll();
    assert.ok(a.fake.log.some((p) => /was deleted outside the editor/.test(p)), a.fake.log.join('\n'));
    assert.deepStrictEqual(notesOnDisk(sidecarFile), ['kept-1', 'kept-2']);
  });

  it('a sidecar broken by a git merge while changes are pending is never overwritten; the changes survive its repair', async () => {
    const a = openWindow();
    await a.store.load(a.doc);
    await a.store.add(a.doc, record(ARTICLE, WORDS[0]!, 'base-1'));
    await settleAll();
    const good = fs.readFileSync(sidecarFile, 'utf8');
    await a.store.add(a.doc, record(ARTICLE, WORDS[1]!, 'pending-1'));
    const broken = `<<<<<<< HEAD\n${good}=======\n${good}>>>>>>> theirs\n`;
    disk.externalWrite(sidecarFile, broken);
    await settleAll();
    assert.strictEqual(fs.readFileSync(sidecarFile, 'utf8'), broken, 'a sidecar with conflict markers was overwritten');
    const state = await a.store.load(a.doc);
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
        disk = new SharedDisk();
        const ws = [openWindow(), openWindow()];
        for (const w of ws) await w.store.load(w.doc);
        const added: string[] = [];
        for (const o of ops) {
          if (o.kind === 'add') {
            const note = `n${run}-${added.length}`;
            await ws[o.window]!.store.add(ws[o.window]!.doc, record(ARTICLE, WORDS[o.word]!, note));
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
            else beforeRename(() => disk.externalWrite(sidecarFile, rewritten));
          }
        }
        await settleAll();
        disk.afterWrite = undefined;
        run++;
        assert.deepStrictEqual(notesOnDisk(sidecarFile), added.slice().sort(), `ops: ${JSON.stringify(ops)}`);
      }),
      { numRuns: 25, seed: Number(process.env.KHABAR_FUZZ_SEED ?? 20261129) },
    );
  });
});
