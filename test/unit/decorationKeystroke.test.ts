// Typing in a long article redraws its highlights through the real DecorationManager, driven by
// the stand-in `vscode` module the bench uses too (test/fakes/vscode.ts): the change event reaches
// the manager, only the edited paragraph is detected again, and what is drawn follows the text.
import * as assert from 'assert';
import * as path from 'path';
import { makeVscodeStub, withStubbedVscode, FakeTextDocument, FakeTextEditor } from '../fakes/vscode';
import type * as Annotations from '../../src/host/annotations';
import type * as Decorations from '../../src/host/decorations';
import type * as Detections from '../../src/host/detections';
import { goldenDocs } from './golden';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface R {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Host modules another test loaded against its own stand-in would keep that one's `vscode`: drop them. */
function forgetHostModules(): void {
  const host = path.join(ROOT, 'out', 'src', 'host') + path.sep;
  for (const k of Object.keys(require.cache)) if (k.startsWith(host)) delete require.cache[k];
}


/** Long enough for paragraph mode (over 20,000 characters): the written sentences, a paragraph each. */
function longArticle(): string {
  return goldenDocs()
    .filter((d) => d.id.endsWith('#all'))
    .map((d) => d.text)
    .join('');
}
describe('decorations: a keystroke in a long article (real DecorationManager, stand-in vscode)', function () {
  this.timeout(60000);
  before(forgetHostModules);
  after(forgetHostModules);

  it('the change event schedules a redraw, and the visible pass draws the typed figure where it is', () => {
    const stub = makeVscodeStub({ registrations: 0 });
    withStubbedVscode(stub, () => {
      const vscode = require('vscode') as typeof import('vscode');
      const { DecorationManager } = require('../../src/host/decorations') as typeof Decorations;
      const { AnnotationIndex } = require('../../src/host/annotations') as typeof Annotations;
      const { DetectionService } = require('../../src/host/detections') as typeof Detections;
      const text = longArticle();
      assert.ok(text.length > 30000 && text.split('\n').length > 200);
      const doc = new FakeTextDocument(vscode.Uri.file(path.join(ROOT, 'article.news')) as never, 'arabic-news', text);
      const editor = new FakeTextEditor(doc, [new vscode.Range(100, 0, 130, 0) as never]);
      stub.fake.visibleTextEditors.push(editor);
      const emitter = new vscode.EventEmitter<unknown>();
      const state = { article: doc.uri, sidecar: doc.uri, records: [], orphans: [], readOnlyReason: undefined, dirty: false };
      const store = { onDidChange: emitter.event, peek: () => state, load: () => Promise.resolve(state) };
      const detections = new DetectionService();
      const index = new AnnotationIndex(detections, store as never);
      const manager = new DecorationManager(index, vscode.Uri.file(ROOT), { orphan: 'o', unverified: 'u', quote: 'q' });
      const ed = editor as unknown as import('vscode').TextEditor;
      try {
        assert.ok(detections.paragraphMode(doc as never));
        manager.update(ed, 'full');
        const drawnBefore = manager.drawn(ed)!;
        assert.deepStrictEqual(drawnBefore.window, [100, 130]);
        // Type a figure into the middle of line 110.
        const line = 110;
        const lineText = doc.lineAt(line).text;
        const col = lineText.indexOf(' ') + 1;
        const typed = '٤٥ مليون دولار ';
        const setBefore = editor.setCalls;
        stub.fake.changeDocument(doc, doc.offsetAt(new vscode.Position(line, col) as never), 0, typed);
        // The manager heard the change: a redraw is pending (the debounce timer), not yet drawn.
        assert.strictEqual(editor.setCalls, setBefore);
        assert.strictEqual((manager as unknown as { timers: Map<unknown, unknown> }).timers.size, 1);
        manager.update(ed, 'visible');
        const drawn = manager.drawn(ed)!;
        assert.strictEqual(drawn.version, doc.version);
        const all: R[] = [...drawn.ranges.values()].flat() as unknown as R[];
        const hit = all.find((r) => r.start.line === line && r.start.character === col);
        assert.ok(hit, `no range drawn at ${line}:${col}; ranges on that line: ${JSON.stringify(all.filter((r) => r.start.line === line))}`);
        assert.ok(hit.end.character >= col + '٤٥ مليون'.length, JSON.stringify(hit));
        // Text after the insertion moved right on that line: nothing is drawn across the old offsets.
        for (const r of all.filter((x) => x.start.line === line && x.start.character > col)) {
          const drawnText = doc.getText(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) as never);
          assert.ok(drawnText.trim().length > 0 && !/^\s|\s$/.test(drawnText), `a range on whitespace: «${drawnText}»`);
        }
      } finally {
        manager.dispose();
        index.dispose();
        detections.dispose();
      }
    });
  });

  it("the detections warm() keeps for the next pass are never served for another version or other lines", () => {
    const stub = makeVscodeStub({ registrations: 0 });
    withStubbedVscode(stub, () => {
      const vscode = require('vscode') as typeof import('vscode');
      const { DetectionService } = require('../../src/host/detections') as typeof Detections;
      const text = longArticle();
      const doc = new FakeTextDocument(vscode.Uri.file(path.join(ROOT, 'article.news')) as never, 'arabic-news', text);
      const kept = new DetectionService();
      const fresh = new DetectionService();
      const d = doc as never;
      try {
        assert.ok(kept.paragraphMode(d));
        // The same version and lines: what a fresh service finds.
        assert.ok(kept.warm(d, 100, 130, 1e9));
        assert.deepStrictEqual(kept.inLines(d, 100, 130), fresh.inLines(d, 100, 130));
        // Other lines of the same version: not the kept window.
        assert.ok(kept.warm(d, 100, 130, 1e9));
        const fewer = kept.inLines(d, 100, 115);
        assert.deepStrictEqual(fewer, fresh.inLines(d, 100, 115));
        assert.ok(fewer.length < fresh.inLines(d, 100, 130).length, 'lines 116-130 hold detections of their own');
        // A figure typed after warm(): the next version's detections hold it.
        assert.ok(kept.warm(d, 100, 130, 1e9));
        const at = doc.offsetAt(new vscode.Position(110, doc.lineAt(110).text.indexOf(' ') + 1) as never);
        stub.fake.changeDocument(doc, at, 0, '٤٥ مليون دولار ');
        const after = kept.inLines(d, 100, 130);
        assert.ok(after.some((x) => x.start === at && x.kind === 'figure'), 'the typed figure is detected');
        assert.deepStrictEqual(after, fresh.inLines(d, 100, 130));
      } finally {
        kept.dispose();
        fresh.dispose();
      }
    });
  });
});
