// Highlights in visible editors. Only what VS Code draws outside the line's text (backgrounds,
// borders, gutter icons, overview ruler; see core/editor/styles.ts), so an Arabic line is never cut
// into separately laid-out parts and reads in its own order; a tagged claim's verdict is a gutter
// icon, not text inside the line. One whole-line decoration lays Arabic lines out right to left. Scenarios handled: open/switch editor (drawn at once), typing
// (debounced; a newer edit cancels a pending update), scrolling a long article (only the visible
// lines plus a margin are detected), store or settings change (redrawn), close (state dropped).
import * as vscode from 'vscode';
import { DECORATION_KEYS, quietSuggestion, type Mark } from '../core/editor/marks';
import { MARK_STYLES, RTL_LINE_OPTIONS, VERDICT_CLASSES, VERDICT_STYLES, readsRightToLeft, verdictClass, type OverlayStyle, type StyleKey } from '../core/editor/styles';
import type { VerdictDef } from '../core/annotationRecord';
import type { AnnotationIndex } from './annotations';
import { articleFacts } from './articleFacts';
import type { KhabarConfig } from './config';
import { verdictName } from '../core/vocabulary';

/** Lines detected beyond the visible ones in paragraph mode, so small scrolls need no work. */
const MARGIN_LINES = 80;
const TYPING_DELAY_MS = 150;
const WHOLE_TYPING_DELAY_MS = 400;
const SCROLL_DELAY_MS = 40;
const MARGIN_DELAY_MS = 60;
/** Longest stretch of fill or margin detection before yielding to the extension host. */
const SLICE_MS = 20;

export type DrawnKey = StyleKey;

const DRAWN_KEYS: readonly DrawnKey[] = [...DECORATION_KEYS, ...VERDICT_CLASSES.map((c) => `verdict-${c}` as const)];

/**
 * visible: what events ask for (may draw a quick first paint); full: detect what is visible now;
 * fill: the same after a quick first paint, detected in slices so the host keeps answering hovers
 * and keystrokes while a long article's first screen is analysed; margin: add the lines around the
 * visible ones, in slices.
 */
type Pass = 'visible' | 'full' | 'fill' | 'margin';

export interface DrawnState {
  ranges: Map<DrawnKey, vscode.Range[]>;
  /** In text order: the verdict of each tagged claim or quote drawn, a warning per orphan (tests, status). */
  badges: string[];
  version: number;
  /** Lines that were computed: [from, to]. */
  window: [number, number];
  /** True for the quick first paint (figures and saved records only); the full one follows. */
  partial: boolean;
  ms: number;
}

export interface DecorationStrings {
  orphan: string;
  unverified: string;
  quote: string;
}

/** VS Code render options for an overlay-only style (see core/editor/styles.ts). */
export function renderOptions(style: OverlayStyle, media: vscode.Uri): vscode.DecorationRenderOptions {
  const o: vscode.DecorationRenderOptions = { rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
  if (style.background) o.backgroundColor = new vscode.ThemeColor(style.background);
  if (style.border) {
    o.borderColor = new vscode.ThemeColor(style.border.color);
    o.borderStyle = style.border.style;
    o.borderWidth = style.border.width;
    if (style.border.radius) o.borderRadius = style.border.radius;
  }
  if (style.gutterIcon) {
    o.gutterIconPath = vscode.Uri.joinPath(media, style.gutterIcon);
    o.gutterIconSize = '80%';
  }
  if (style.overviewRuler) {
    o.overviewRulerColor = new vscode.ThemeColor(style.overviewRuler.color);
    o.overviewRulerLane = RULER_LANES[style.overviewRuler.lane];
  }
  return o;
}

const RULER_LANES = {
  left: vscode.OverviewRulerLane.Left,
  center: vscode.OverviewRulerLane.Center,
  right: vscode.OverviewRulerLane.Right,
  full: vscode.OverviewRulerLane.Full,
} as const;

export function verdictLabel(key: string | undefined, vocabulary: readonly VerdictDef[]): string | undefined {
  return verdictName(key, vocabulary);
}

export class DecorationManager implements vscode.Disposable {
  private readonly types: Record<DrawnKey, vscode.TextEditorDecorationType>;
  /** Right-to-left layout of whole Arabic lines (see RTL_LINE_OPTIONS): drawn whether highlights are on or off. */
  private readonly rtlLines: vscode.TextEditorDecorationType;
  private readonly timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable;
  private readonly state = new WeakMap<vscode.TextEditor, DrawnState>();
  private enabled = true;
  /** The last update's duration per document (ms): the bench and the e2e tests read it. */
  lastUpdateMs = 0;

  constructor(
    private readonly index: AnnotationIndex,
    extensionUri: vscode.Uri,
    private readonly strings: DecorationStrings,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const types = {} as Record<DrawnKey, vscode.TextEditorDecorationType>;
    for (const key of DECORATION_KEYS) types[key] = vscode.window.createTextEditorDecorationType(renderOptions(MARK_STYLES[key], media));
    for (const c of VERDICT_CLASSES) types[`verdict-${c}`] = vscode.window.createTextEditorDecorationType(renderOptions(VERDICT_STYLES[c], media));
    this.types = types;
    this.rtlLines = vscode.window.createTextEditorDecorationType({ ...RTL_LINE_OPTIONS, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
    this.subscriptions = vscode.Disposable.from(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.schedule(e, 0))),
      vscode.window.onDidChangeTextEditorVisibleRanges((ev) => {
        const s = this.state.get(ev.textEditor);
        const visible = ev.visibleRanges;
        if (!s || visible.length === 0) return;
        const first = visible[0]!.start.line;
        const last = visible[visible.length - 1]!.end.line;
        if (first < s.window[0] || last > s.window[1]) this.schedule(ev.textEditor, SCROLL_DELAY_MS);
      }),
      vscode.workspace.onDidChangeTextDocument((ev) => {
        if (ev.contentChanges.length === 0) return;
        // A whole-text detection costs more than a paragraph's: wait for a longer pause in typing.
        const delay = this.index.detections.paragraphMode(ev.document) ? TYPING_DELAY_MS : WHOLE_TYPING_DELAY_MS;
        for (const e of vscode.window.visibleTextEditors) if (e.document === ev.document) this.schedule(e, delay);
      }),
      vscode.workspace.onDidChangeConfiguration((ev) => {
        if (ev.affectsConfiguration('khabar')) this.refreshAll();
      }),
      index.onDidChange((uri) => {
        for (const e of vscode.window.visibleTextEditors) {
          if (!uri || e.document.uri.toString() === uri.toString()) this.schedule(e, 30);
        }
      }),
    );
    this.refreshAll();
  }

  get highlightsOn(): boolean {
    return this.enabled;
  }

  refreshAll(): void {
    for (const e of vscode.window.visibleTextEditors) this.schedule(e, 0);
  }

  toggle(): boolean {
    this.enabled = !this.enabled;
    for (const e of vscode.window.visibleTextEditors) this.update(e);
    return this.enabled;
  }

  private schedule(editor: vscode.TextEditor, delay: number, pass: Pass = 'visible'): void {
    const pending = this.timers.get(editor);
    if (pending) clearTimeout(pending);
    this.timers.set(
      editor,
      setTimeout(() => {
        this.timers.delete(editor);
        this.update(editor, pass);
      }, delay),
    );
  }

  /** What was last drawn in an editor (tests, status bar). */
  drawn(editor: vscode.TextEditor): DrawnState | undefined {
    return this.state.get(editor);
  }

  /**
   * Recomputes and draws now; returns the time it took in ms. In paragraph mode the visible lines
   * come first and the margin around them follows in a second, cancellable pass.
   */
  update(editor: vscode.TextEditor, pass: Pass = 'full'): number {
    const started = performance.now();
    const pending = this.timers.get(editor);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(editor);
    }
    const doc = editor.document;
    const ranges = new Map<DrawnKey, vscode.Range[]>();
    const options = new Map<DrawnKey, vscode.DecorationOptions[]>();
    for (const k of DRAWN_KEYS) options.set(k, []);
    const badges: string[] = [];
    let window: [number, number] = [0, doc.lineCount - 1];
    let next: Pass | undefined;
    // What is known of this document version (settings, article or not, hidden kinds): decided once per version.
    const facts = articleFacts(doc);
    const { article, config, hidden } = facts;
    if (this.enabled && article) {
      const det = this.index.detections;
      const prev = this.state.get(editor);
      const paragraphs = det.paragraphMode(doc);
      if (paragraphs) {
        const visible = editor.visibleRanges;
        const first = visible.length ? visible[0]!.start.line : 0;
        const last = visible.length ? visible[visible.length - 1]!.end.line : Math.min(doc.lineCount - 1, 100);
        const margin = pass === 'margin' ? MARGIN_LINES : 0;
        window = [Math.max(0, first - margin), Math.min(doc.lineCount - 1, last + margin)];
        if ((pass === 'margin' || pass === 'fill') && !det.warm(doc, window[0], window[1], SLICE_MS)) {
          // Not all cached yet: keep what is drawn, continue after the host has had a breath.
          this.schedule(editor, 1, pass);
          return performance.now() - started;
        }
      }
      // Opening (or scrolling to) text not detected yet: figures and saved records first, at once;
      // the full run follows. Not after typing, where the drawn highlights already follow the text.
      const quick = pass === 'visible' && (!prev || prev.version === doc.version) && !det.ready(doc, window[0], window[1]);
      const marks: Mark[] = paragraphs || quick ? this.index.marks(doc, hidden, window[0], window[1], quick) : this.index.marks(doc, hidden);
      if (quick) next = paragraphs ? 'fill' : 'full';
      else if (paragraphs && pass !== 'margin') next = 'margin';
      this.collect(marks, doc, config, options, badges);
    }
    const rtl: vscode.Range[] = [];
    if (article && config.rightToLeftLines) {
      for (let l = window[0]; l <= window[1]; l++) {
        const line = doc.lineAt(l);
        if (readsRightToLeft(line.text)) rtl.push(line.range);
      }
    }
    editor.setDecorations(this.rtlLines, rtl);
    for (const [key, list] of options) {
      editor.setDecorations(this.types[key], list);
      ranges.set(key, list.map((o) => o.range));
    }
    const ms = performance.now() - started;
    this.lastUpdateMs = ms;
    this.state.set(editor, { ranges, badges, version: doc.version, window, ms, partial: next === 'full' || next === 'fill' });
    if (next) this.schedule(editor, next === 'margin' ? MARGIN_DELAY_MS : 0, next);
    return ms;
  }

  /** Each mark as the options of its decoration type; tagged claims also get their verdict in the gutter and a badge. */
  private collect(marks: readonly Mark[], doc: vscode.TextDocument, config: KhabarConfig, options: Map<DrawnKey, vscode.DecorationOptions[]>, badges: string[]): void {
    for (const m of marks) {
      if (quietSuggestion(m, config.highlight.claimSuggestions)) continue;
      const start = doc.positionAt(m.start);
      if (m.key === 'orphan') {
        const line = start.line;
        options.get('orphan')!.push({ range: new vscode.Range(line, 0, line, 0) });
        badges.push(`⚠ ${this.strings.orphan}`);
        continue;
      }
      const range = new vscode.Range(start, doc.positionAt(m.end));
      options.get(m.key)!.push({ range });
      if (m.key === 'claimTagged' && m.record) {
        const r = m.record;
        const cls = config.highlight.verdictBadge ? verdictClass(r.label, r.claim?.verdict, r.claim?.rating, config.verdicts) : 'unrated';
        // The gutter icon goes on the claim's first line, where its reader starts it.
        options.get(`verdict-${cls}`)!.push({ range: new vscode.Range(start, start) });
        const label = r.label === 'QUOTE' ? this.strings.quote : (verdictLabel(r.claim?.verdict, config.verdicts) ?? this.strings.unverified);
        badges.push(`⚖ ${label}`);
      }
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.subscriptions.dispose();
    for (const t of Object.values(this.types)) t.dispose();
    this.rtlLines.dispose();
  }
}
