// Keystroke to drawn decorations on a long article, through the extension's own classes: the real
// DecorationManager over the real AnnotationIndex and DetectionService, in a fake editor from the
// shared stand-in `vscode` module (test/fakes/vscode.ts). Built as its own bundle
// (bench/tmp/keystroke.js) and required while the stand-in answers `require('vscode')`.
import * as vscode from 'vscode';
import { shiftAnchors } from '../src/core/anchor/shift';
import type { AnnotationRecord } from '../src/core/annotationRecord';
import { AnnotationIndex } from '../src/host/annotations';
import { DecorationManager } from '../src/host/decorations';
import { DetectionService } from '../src/host/detections';
import type { AnnotationStore, ArticleState } from '../src/host/storeApi';
import { FakeTextDocument, FakeTextEditor, type FakeApi } from '../test/fakes/vscode';

export interface KeystrokeTiming {
  /** Per keystroke: the change event, the store's anchor shift, and the decoration pass of the visible lines. */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  edits: number;
  /** The margin pass that follows a keystroke (cached paragraphs but the edited one). */
  marginMedianMs: number;
  /** Opening: the quick first paint, the full visible pass, and the margin. */
  firstPaintMs: number;
  fullVisibleMs: number;
  marginMs: number;
  visibleLines: number;
  rangesDrawn: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : 0;
}

/** A store that holds `records` for the one article and shifts them as the text changes. */
function memoryStore(article: vscode.Uri, records: AnnotationRecord[]): AnnotationStore & { state: ArticleState } {
  const emitter = new vscode.EventEmitter<vscode.Uri>();
  const state = { article, sidecar: article, records, orphans: [], readOnlyReason: undefined, dirty: false } as ArticleState;
  const no = (): never => {
    throw new Error('not used by the bench');
  };
  return {
    state,
    onDidChange: emitter.event,
    load: () => Promise.resolve(state),
    peek: () => state,
    add: no,
    update: no,
    remove: no,
    reattach: no,
    undo: no,
    redo: no,
    flush: () => Promise.resolve(),
    dispose: () => emitter.dispose(),
  };
}

export function measureKeystrokes(fake: FakeApi, root: string, text: string, records: AnnotationRecord[], options: { edits: number; visibleLines: number; clock: () => number }): KeystrokeTiming {
  const now = options.clock;
  const doc = new FakeTextDocument(vscode.Uri.file(`${root}/bench/article.news`) as never, 'arabic-news', text);
  const mid = doc.lineCount >> 1;
  const visible = new vscode.Range(mid, 0, Math.min(doc.lineCount - 1, mid + options.visibleLines - 1), 0);
  const editor = new FakeTextEditor(doc, [visible as never]);
  fake.visibleTextEditors.length = 0;
  fake.visibleTextEditors.push(editor);
  const store = memoryStore(doc.uri as never, records);
  const detections = new DetectionService();
  const index = new AnnotationIndex(detections, store);
  const manager = new DecorationManager(index, vscode.Uri.file(root), { orphan: 'orphan', unverified: 'unverified', quote: 'quote' });
  const ed = editor as unknown as vscode.TextEditor;
  try {
    // Opening: what the timers would run, in order (figures first, then everything, then the margin).
    let t = now();
    manager.update(ed, 'visible');
    const firstPaintMs = now() - t;
    t = now();
    manager.update(ed, 'fill');
    const fullVisibleMs = now() - t;
    t = now();
    marginUntilDone(manager, ed);
    const marginMs = now() - t;
    const samples: number[] = [];
    const margins: number[] = [];
    for (let i = 0; i < options.edits; i++) {
      const line = mid + ((i * 7) % options.visibleLines);
      const lineText = doc.lineAt(line).text;
      const space = lineText.indexOf(' ');
      const at = doc.offsetAt(new vscode.Position(line, space >= 0 ? space : 0) as never);
      t = now();
      fake.changeDocument(doc, at, 0, 'ا');
      store.state = { ...store.state, records: shiftAnchors(store.state.records, [{ rangeOffset: at, rangeLength: 0, text: 'ا' }]).records };
      manager.update(ed, 'visible');
      samples.push(now() - t);
      t = now();
      marginUntilDone(manager, ed);
      margins.push(now() - t);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    let ranges = 0;
    for (const r of editor.decorations.values()) ranges += r.length;
    return {
      medianMs: median(samples),
      p95Ms: sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? 0,
      maxMs: sorted.at(-1) ?? 0,
      edits: options.edits,
      marginMedianMs: median(margins),
      firstPaintMs,
      fullVisibleMs,
      marginMs,
      visibleLines: options.visibleLines,
      rangesDrawn: ranges,
    };
  } finally {
    manager.dispose();
    index.dispose();
    detections.dispose();
    store.dispose();
  }
}

/** Runs the margin pass until its lines are all detected (the host does it in timer slices). */
function marginUntilDone(manager: DecorationManager, editor: vscode.TextEditor): void {
  for (let k = 0; k < 10000; k++) {
    const before = manager.drawn(editor)?.window;
    manager.update(editor, 'margin');
    const after = manager.drawn(editor)?.window;
    // A slice that did not finish keeps the old drawing (same window object); a finished one redraws.
    if (after && after !== before) return;
  }
}
