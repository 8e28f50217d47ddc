// The extension's sidecar store against the shared stand-in `vscode` module (test/fakes/vscode.ts)
// and real files: one article's life, step by step.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as vscode from 'vscode';
import { anchorFor } from '../../src/core/anchor/anchor';
import type { Anchor } from '../../src/core/annotationRecord';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { FakeTextDocument, Uri } from '../fakes/vscode';
import type * as StoreModule from '../../src/host/store/sidecarStore';
import { loadStoreWithFake } from './withVscode';

const ARTICLE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sidecar', 'article.txt');


async function until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) assert.fail(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('sidecar store (extension host, stand-in vscode)', function () {
  this.timeout(20000);
  const { F, S } = loadStoreWithFake();
  let dir: string;
  let articlePath: string;
  let sidecar: string;
  let doc: FakeTextDocument;
  let store: StoreModule.SidecarStore;
  let d: vscode.TextDocument;
  const uri = (): vscode.Uri => doc.uri as unknown as vscode.Uri;
  const state = () => store.peek(uri())!;
  const at = (q: string): Anchor => {
    const s = doc.getText().indexOf(q);
    assert.ok(s >= 0, q);
    return anchorFor(doc.getText(), s, s + q.length);
  };
  const onDisk = () => {
    const r = parseSidecar(fs.readFileSync(sidecar, 'utf8'));
    assert.ok(r.ok);
    return r.data;
  };
  const external = (text: string): void => {
    fs.writeFileSync(sidecar, text);
    F.watchers[F.watchers.length - 1]!.change.fire(Uri.file(sidecar));
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-store-'));
    articlePath = path.join(dir, 'article.txt');
    sidecar = articlePath + '.annotations.yaml';
    fs.copyFileSync(ARTICLE, articlePath);
    doc = new FakeTextDocument(Uri.file(articlePath), 'plaintext', fs.readFileSync(articlePath, 'utf8'));
    F.documents.push(doc);
    d = doc as unknown as vscode.TextDocument;
    store = new S.SidecarStore({ debounceMs: 10, maxRetryMs: 50 });
  });
  after(() => {
    store.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an article without annotations creates no file', async () => {
    const st = await store.load(d);
    assert.deepStrictEqual([st.records.length, st.orphans.length, st.readOnlyReason], [0, 0, undefined]);
    await store.flush();
    assert.ok(!fs.existsSync(sidecar));
  });

  it('adding writes the sidecar after the debounce, atomically, with ids by kind', async () => {
    const r = await store.add(d, { kind: 'entity', label: 'PER', status: 'accepted', target: at('أحمد السالم') });
    assert.strictEqual(r.id, 'e1');
    assert.strictEqual(state().dirty, true);
    await until(() => fs.existsSync(sidecar) && !state().dirty, 'the debounced save');
    assert.deepStrictEqual(onDisk().annotations.map((a) => a.id), ['e1']);
    assert.deepStrictEqual(fs.readdirSync(dir).filter((f) => f.includes('.tmp-')), []);
  });

  it('typing moves anchors at once, and they are written when the article is saved', async () => {
    const before = onDisk().annotations[0]!.target.start;
    F.changeDocument(doc, 0, 0, 'عاجل: ');
    const r = state().records[0]!;
    assert.strictEqual(doc.getText().slice(r.target.start, r.target.end), 'أحمد السالم');
    await new Promise((res) => setTimeout(res, 50));
    assert.strictEqual(onDisk().annotations[0]!.target.start, before, 'typing alone does not write');
    fs.writeFileSync(articlePath, doc.getText());
    F.emit.saveDoc.fire(doc);
    await until(() => onDisk().annotations[0]!.target.start === before + 6, 'the save with the article');
    // Nothing derived from the whole text is written: no hash or length that every keystroke changes.
    assert.ok(!/sha256|length/.test(fs.readFileSync(sidecar, 'utf8')));
  });

  it('an external change with nothing unsaved here is reloaded', async () => {
    external(fs.readFileSync(sidecar, 'utf8').replace('status: accepted', 'status: accepted\n    note: "من git"') + '# تعليق من زميل\n');
    await until(() => state().records[0]!.note === 'من git', 'the reload');
  });

  it('an external change while we have unsaved changes is merged, keeping their comment', async () => {
    await store.add(d, { kind: 'entity', label: 'ORG', status: 'accepted', target: at('وزارة الصحة') });
    external(fs.readFileSync(sidecar, 'utf8').replace('note: "من git"', 'note: "من git"\n    author: زميل'));
    await until(() => state().records.some((r) => r.author === 'زميل') && state().records.length === 2, 'the merge');
    await store.flush();
    const text = fs.readFileSync(sidecar, 'utf8');
    assert.ok(text.includes('# تعليق من زميل') && text.includes('author: زميل') && text.includes('وزارة الصحة'), text);
  });

  it('a true conflict is shown, and "Take theirs" takes theirs', async () => {
    await store.update(d, 'e1', { note: 'نسختي' });
    F.answers.push('Take theirs');
    external(fs.readFileSync(sidecar, 'utf8').replace('note: "من git"', 'note: "نسختهم"'));
    await until(() => state().records.find((r) => r.id === 'e1')!.note === 'نسختهم', 'the resolution');
    assert.ok(F.log.some((l) => l.startsWith('warning:') && l.includes('changed on both sides')));
  });

  it('a sidecar with conflict markers makes annotations read-only, with diagnostics, and is never overwritten', async () => {
    await store.flush();
    const good = fs.readFileSync(sidecar, 'utf8');
    // (Version 3: the records the editor made carry a `/` far.)
    const v = /^khabar: \d+/.exec(good)![0];
    const broken = good.replace(v, `<<<<<<< HEAD\n${v}\n=======\n${v}\n>>>>>>> theirs`);
    external(broken);
    await until(() => state().readOnlyReason !== undefined, 'read-only');
    assert.match(state().readOnlyReason!, /conflict/);
    assert.strictEqual(F.diagnostics(Uri.file(sidecar))!.length, 3);
    assert.ok(F.diagnostics(doc.uri)!.some((x) => x.code === 'sidecar-read-only'));
    await assert.rejects(store.add(d, { kind: 'note', label: 'NOTE', status: 'accepted', target: at('الزرقاء') }), /read-only/);
    F.changeDocument(doc, 0, 0, 'x');
    F.emit.saveDoc.fire(doc);
    await new Promise((res) => setTimeout(res, 50));
    await store.flush();
    assert.strictEqual(fs.readFileSync(sidecar, 'utf8'), broken);
    external(good);
    await until(() => state().readOnlyReason === undefined, 'writable again');
    for (const r of state().records) assert.strictEqual(doc.getText().slice(r.target.start, r.target.end), r.target.exact);
  });

  it('deleting an annotated passage makes an orphan with a diagnostic; restoring the text brings it back', async () => {
    const s = doc.getText().indexOf('وزارة الصحة');
    F.changeDocument(doc, s, 'وزارة الصحة'.length, '');
    assert.strictEqual(state().orphans.length, 1);
    const codes = F.diagnostics(doc.uri)!.map((x) => (x.code as { value: string }).value);
    assert.deepStrictEqual(codes, [`orphan:${state().orphans[0]!.id}`]);
    F.changeDocument(doc, s, 0, 'وزارة الصحة');
    await until(() => state().orphans.length === 0, 'the orphan to come back');
    assert.strictEqual(F.diagnostics(doc.uri), undefined);
  });

  it('a failed save is reported once, keeps the change in memory, and is retried', async () => {
    F.failWrites.on = true;
    await store.update(d, 'e1', { note: 'بعد الفشل' });
    await until(() => F.log.some((l) => l.startsWith('error: Khabar could not save')), 'the error message');
    assert.strictEqual(state().dirty, true);
    assert.strictEqual(state().records.find((r) => r.id === 'e1')!.note, 'بعد الفشل');
    await new Promise((res) => setTimeout(res, 200));
    assert.strictEqual(F.log.filter((l) => l.startsWith('error: Khabar could not save')).length, 1, 'one message for a run of failures');
    F.failWrites.on = false;
    await until(() => !state().dirty, 'the retry');
    assert.strictEqual(onDisk().annotations.find((a) => a.id === 'e1')!.note, 'بعد الفشل');
  });

  it('undo and redo', async () => {
    assert.ok(await store.undo(d));
    assert.notStrictEqual(state().records.find((r) => r.id === 'e1')!.note, 'بعد الفشل');
    assert.ok(await store.redo(d));
    assert.strictEqual(state().records.find((r) => r.id === 'e1')!.note, 'بعد الفشل');
    assert.strictEqual(await store.redo(d), false);
  });

  it('a sidecar saved as Windows-1256 is neither read as U+FFFD nor overwritten; the change waits for the repair', async () => {
    await store.flush();
    const good = fs.readFileSync(sidecar);
    // "الرقم" in Windows-1256 bytes, as another editor might save a hand edit.
    const bad = Buffer.concat([good, Buffer.from('project: "\xc7\xe1\xd1\xde\xe3"\n', 'latin1')]);
    fs.writeFileSync(sidecar, bad);
    F.watchers[F.watchers.length - 1]!.change.fire(Uri.file(sidecar));
    await store.update(d, 'e1', { note: 'بعد الترميز' });
    await until(() => F.log.some((l) => /^error: Khabar could not save.*line \d+: not valid UTF-8 \(byte 0xC7/.test(l)), 'the refusal');
    await new Promise((res) => setTimeout(res, 150));
    assert.ok(fs.readFileSync(sidecar).equals(bad), 'the file keeps its bytes');
    assert.strictEqual(state().records.find((r) => r.id === 'e1')!.note, 'بعد الترميز');
    fs.writeFileSync(sidecar, good);
    await until(() => onDisk().annotations.find((a) => a.id === 'e1')!.note === 'بعد الترميز', 'the save after the repair');
  });

  it('renaming the article moves its sidecar and updates document.path', async () => {
    await store.flush();
    const renamed = path.join(dir, 'renamed.txt');
    fs.renameSync(articlePath, renamed);
    F.emit.renameFiles.fire({ files: [{ oldUri: Uri.file(articlePath), newUri: Uri.file(renamed) }] });
    await until(() => fs.existsSync(renamed + '.annotations.yaml') && !fs.existsSync(sidecar), 'the move');
    await store.flush();
    const r = parseSidecar(fs.readFileSync(renamed + '.annotations.yaml', 'utf8'));
    assert.ok(r.ok);
    assert.strictEqual(r.data.document.path, 'renamed.txt');
  });
});
