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
import { installNodePlatform } from '../src/platform/node/install';
import { FakeTextDocument, FakeTextEditor, type FakeApi } from '../test/fakes/vscode';

export interface KeystrokeTiming {
  /** Per keystroke: the change event, the store's anchor shift, and the decoration pass of the visible lines. */
  medianMs: number;
  p95Ms: number;
  /** The same over the first round of edits, while V8 still optimises the path (see measureKeystrokes). */
  coldP95Ms: number;
  coldMaxMs: number;
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

/**
 * The stand-in document as VS Code's extension host holds one (MirrorTextModel): an array of lines
 * and lazily re-summed line starts, so a keystroke rewrites one line. The shared stand-in keeps the
 * whole text as one string; after each edit V8 flattens that 1 MB string on the next read (10–30 ms
 * measured here), a cost of the stand-in that VS Code does not have and that hid the extension's own
 * per-keystroke time. The text is read with '\n' line ends (the bench corpus has no '\r').
 */
class LineDocument extends FakeTextDocument {
  private lines: string[];
  /** starts[i] = offset of line i, valid for i < validUpTo (VS Code's PrefixSumComputer). */
  private readonly lineStarts: number[] = [];
  private validUpTo = 0;

  constructor(uri: vscode.Uri, languageId: string, text: string) {
    super(uri as never, languageId, '');
    this.lines = text.split('\n');
  }
  override get lineCount(): number {
    return this.lines.length;
  }
  private start(line: number): number {
    const starts = this.lineStarts;
    for (let i = this.validUpTo; i <= line; i++) starts[i] = i === 0 ? 0 : starts[i - 1]! + this.lines[i - 1]!.length + 1;
    if (line >= this.validUpTo) this.validUpTo = line + 1;
    return starts[line]!;
  }
  override getText(range?: vscode.Range): string {
    if (!range) return this.lines.join('\n');
    const a = this.validate(range.start);
    const b = this.validate(range.end);
    if (a.line === b.line) return this.lines[a.line]!.slice(a.character, b.character);
    const parts = [this.lines[a.line]!.slice(a.character), ...this.lines.slice(a.line + 1, b.line), this.lines[b.line]!.slice(0, b.character)];
    return parts.join('\n');
  }
  private validate(p: vscode.Position): { line: number; character: number } {
    const line = Math.max(0, Math.min(p.line, this.lines.length - 1));
    return { line, character: Math.max(0, Math.min(p.character, this.lines[line]!.length)) };
  }
  override lineAt(lineOrPos: number | vscode.Position): { text: string; range: vscode.Range; lineNumber: number } {
    const line = typeof lineOrPos === 'number' ? lineOrPos : lineOrPos.line;
    const text = this.lines[line]!;
    return { text, range: new vscode.Range(line, 0, line, text.length), lineNumber: line };
  }
  override offsetAt(p: vscode.Position): number {
    const { line, character } = this.validate(p);
    return this.start(line) + character;
  }
  override positionAt(offset: number): vscode.Position {
    const last = this.lines.length - 1;
    const o = Math.max(0, Math.min(offset, this.start(last) + this.lines[last]!.length));
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, o - this.lineStarts[lo]!);
  }
  override edit(offset: number, length: number, insert: string): ReturnType<FakeTextDocument['edit']> {
    const a = this.positionAt(offset);
    const b = this.positionAt(offset + length);
    const joined = this.lines[a.line]!.slice(0, a.character) + insert + this.lines[b.line]!.slice(b.character);
    this.lines.splice(a.line, b.line - a.line + 1, ...joined.split('\n'));
    this.validUpTo = Math.min(this.validUpTo, a.line + 1);
    this.version++;
    return { document: this, contentChanges: [{ rangeOffset: offset, rangeLength: length, text: insert, range: new vscode.Range(a, b) as never }] };
  }
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
  // This bundle holds its own copy of the core: without the platform installed here the entity model
  // is missing, DetectionService falls back to figures only, and a keystroke would be timed without
  // the tagger (as it was before this line).
  installNodePlatform();
  const doc = new LineDocument(vscode.Uri.file(`${root}/bench/article.news`), 'arabic-news', text);
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
    // The first round of edits is timed apart: each function of the path reaches V8's optimising
    // compiler during it, and under the bench's --single-threaded flag that compile runs on the main
    // thread (VS Code's extension host compiles on a background thread). The second round is steady typing.
    const cold = typeKeys({ fake, doc, store, manager, editor: ed, mid, visibleLines: options.visibleLines, now }, 0, options.edits);
    const { samples, margins } = typeKeys({ fake, doc, store, manager, editor: ed, mid, visibleLines: options.visibleLines, now }, options.edits, options.edits);
    let ranges = 0;
    for (const r of editor.decorations.values()) ranges += r.length;
    return {
      medianMs: median(samples),
      coldP95Ms: percentile(cold.samples, 0.95),
      coldMaxMs: Math.max(...cold.samples),
      p95Ms: percentile(samples, 0.95),
      maxMs: Math.max(...samples),
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

interface Typing {
  fake: FakeApi;
  doc: LineDocument;
  store: ReturnType<typeof memoryStore>;
  manager: DecorationManager;
  editor: vscode.TextEditor;
  mid: number;
  visibleLines: number;
  now: () => number;
}

/** Types `count` characters, each at the start of a visible line, timing each keystroke and the margin pass after it. */
function typeKeys(t: Typing, first: number, count: number): { samples: number[]; margins: number[] } {
  const samples: number[] = [];
  const margins: number[] = [];
  for (let i = first; i < first + count; i++) {
    const line = t.mid + ((i * 7) % t.visibleLines);
    const lineText = t.doc.lineAt(line).text;
    const space = lineText.indexOf(' ');
    const at = t.doc.offsetAt(new vscode.Position(line, space >= 0 ? space : 0) as never);
    let t0 = t.now();
    t.fake.changeDocument(t.doc, at, 0, 'ا');
    t.store.state = { ...t.store.state, records: shiftAnchors(t.store.state.records, [{ rangeOffset: at, rangeLength: 0, text: 'ا' }]).records };
    t.manager.update(t.editor, 'visible');
    samples.push(t.now() - t0);
    t0 = t.now();
    marginUntilDone(t.manager, t.editor);
    margins.push(t.now() - t0);
  }
  return { samples, margins };
}

function percentile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
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
