// Khabar's entry point: build the services, register them, push every Disposable. Nothing heavy
// runs here: detection (its code, in dist/detection.js, and the entity model) loads on the first
// visible article, the exporters (dist/exporters.js) on the first export.
import * as vscode from 'vscode';
import type { DecorationKey } from './core/editor/marks';
import { AnnotationIndex } from './host/annotations';
import { registerArticleLanguage } from './host/articleLanguage';
import { AnnotationsView } from './host/annotationsView';
import { AnnotationCodeActions } from './host/codeActions';
import { Commands } from './host/commands';
import { DecorationManager, type DrawnKey } from './host/decorations';
import { DetectionService } from './host/detections';
import type { ExportCommandDeps } from './host/exportCommand';
import { registerExportCommand } from './host/exportRegister';
import { setCommandLog } from './host/commandRegistry';
import { readConfig, watchConfig } from './host/config';
import { AnnotationHoverProvider } from './host/hover';
import { registerOnboarding } from './host/onboarding';
import { ReaderManager, type ReaderApi } from './host/reader/reader';
import { ArticleStatus } from './host/statusBar';
import type { AnnotationStore } from './host/storeApi';
import { registerStoreCommands } from './host/store/orphanCommands';
import { createAnnotationStore } from './host/store/sidecarStore';
import { installNativeSha256 } from './platform/node/nativeSha256';
import { setPartLoadLog } from './host/lazy/load';

export interface DrawnSpan {
  start: number;
  end: number;
  text: string;
}

/**
 * What activate() returns, for the e2e tests and the benchmark (decorations cannot be read back
 * through VS Code's API). Offsets are UTF-16 code units into the document, end exclusive.
 */
export interface KhabarApi {
  /** Time activate() took, ms. */
  activationMs: number;
  detections: DetectionService;
  decorations: DecorationManager;
  /** Detections merged with records: `index.marks(document)` is what the editor shows. */
  index: AnnotationIndex;
  /** The sidecar store every editing command writes through. */
  store: AnnotationStore;
  commands: Commands;
  status: ArticleStatus;
  view: AnnotationsView;
  /** The Khabar Reader: open(document) opens or reveals an article's panel; panelFor(uri) finds it. */
  reader: ReaderApi;
  /**
   * What was last drawn in an editor, per decoration key (PER, LOC, ORG, MISC, figure,
   * claimSuggestion, claimTagged, note, orphan, and the gutter verdicts verdict-true, verdict-mixed,
   * verdict-false, verdict-other, verdict-unrated, verdict-quote), plus the verdict texts and timing.
   * Orphans and gutter verdicts are empty spans (a line start / a claim's start). `partial` is true for the quick
   * first paint of a newly opened (or scrolled-to) text: figures and saved records only, the full
   * detection follows at once — tests that look for names or claims wait for `partial === false`.
   */
  drawn(
    editor: vscode.TextEditor,
  ): { spans: Record<DrawnKey, DrawnSpan[]>; badges: string[]; version: number; ms: number; window: [number, number]; partial: boolean } | undefined;
  /** Recomputes and draws an editor's decorations now; returns the host-side time in ms. */
  updateNow(editor: vscode.TextEditor): number;
  /** Inserts text at an offset, then updates the decorations at once; returns the update time in ms (the bench's "per edit"). */
  measureEdit(editor: vscode.TextEditor, offset: number, text: string): Promise<number>;
}

const SELECTOR: vscode.DocumentSelector = [
  { language: 'arabic-news' },
  { language: 'plaintext' },
  { language: 'markdown' },
];

function drawnSpans(decorations: DecorationManager, editor: vscode.TextEditor): ReturnType<KhabarApi['drawn']> {
  const s = decorations.drawn(editor);
  if (!s) return undefined;
  const doc = editor.document;
  const spans = {} as Record<DrawnKey, DrawnSpan[]>;
  for (const [key, ranges] of s.ranges) {
    spans[key] = ranges.map((r) => ({ start: doc.offsetAt(r.start), end: doc.offsetAt(r.end), text: doc.getText(r) }));
  }
  return { spans, badges: s.badges, version: s.version, ms: s.ms, window: s.window, partial: s.partial };
}

/** The services activate() builds, in the order they depend on each other. */
interface Services {
  output: vscode.OutputChannel;
  detections: DetectionService;
  store: AnnotationStore;
  index: AnnotationIndex;
  decorations: DecorationManager;
  commands: Commands;
  status: ArticleStatus;
  view: AnnotationsView;
  reader: ReaderManager;
}

export function activate(context: vscode.ExtensionContext): KhabarApi {
  const started = performance.now();
  // The entity model's part of the platform comes with the detection part (host/lazy/detection.ts).
  installNativeSha256();
  // First: every configuration listener registered after this one reads the new settings.
  const configWatch = watchConfig();
  const output = vscode.window.createOutputChannel('Khabar');
  const commandLog = setCommandLog((line) => output.appendLine(line));
  setPartLoadLog((line) => output.appendLine(line));
  const detections = new DetectionService(output);
  const store: AnnotationStore = createAnnotationStore(context, { log: (m) => output.appendLine(m) });
  reportSuffixProblem(output);
  activeStore = store;
  const s = buildServices(context, output, detections, store);
  context.subscriptions.push(
    configWatch,
    output,
    commandLog,
    detections,
    s.index,
    s.decorations,
    s.status,
    s.view,
    vscode.languages.registerHoverProvider(SELECTOR, new AnnotationHoverProvider(s.index)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new AnnotationCodeActions(s.index), {
      providedCodeActionKinds: AnnotationCodeActions.providedCodeActionKinds,
    }),
    s.commands.register(),
    registerStoreCommands(store),
    registerOnboarding(context),
    s.reader.register(),
    registerArticleLanguage(context),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('khabar.sidecarSuffix')) reportSuffixProblem(output);
    }),
  );
  registerExportCommand(context, exportDeps(store));
  void vscode.commands.executeCommand('setContext', 'khabar:highlightsOn', true);
  return khabarApi(performance.now() - started, s);
}

function buildServices(context: vscode.ExtensionContext, output: vscode.OutputChannel, detections: DetectionService, store: AnnotationStore): Services {
  const index = new AnnotationIndex(detections, store);
  const decorations = new DecorationManager(index, context.extensionUri, {
    orphan: vscode.l10n.t('orphaned annotation'),
    unverified: vscode.l10n.t('not yet rated'),
    quote: vscode.l10n.t('quote'),
  });
  const commands = new Commands(index, decorations, output);
  const status = new ArticleStatus(index);
  const view = new AnnotationsView(index);
  const reader = new ReaderManager({ index, commands, output, extensionUri: context.extensionUri });
  return { output, detections, store, index, decorations, commands, status, view, reader };
}

/** A sidecar suffix setting that cannot be used is said once, in the output and a warning. */
function reportSuffixProblem(output: vscode.OutputChannel): void {
  const c = readConfig();
  if (c.sidecarSuffixProblem === undefined) return;
  output.appendLine(`khabar.sidecarSuffix: ${c.sidecarSuffixProblem}`);
  void vscode.window.showWarningMessage(vscode.l10n.t('Khabar: the khabar.sidecarSuffix setting cannot be used ({0}); annotations are kept in {1} files.', c.sidecarSuffixProblem, c.sidecarSuffix));
}

/** Exports read an open article's records from the store (they include unsaved changes), others from disk. */
function exportDeps(store: AnnotationStore): ExportCommandDeps {
  return {
    getRecords: (article) => {
      const state = store.peek(article);
      return Promise.resolve(state ? [...state.records, ...state.orphans] : undefined);
    },
    getOptions: () => {
      const config = readConfig();
      return {
        verdicts: config.verdicts,
        ...(config.author ? { reviewer: config.author } : {}),
        ...(config.exportBaseUrl ? { baseUrl: config.exportBaseUrl } : {}),
      };
    },
  };
}

function khabarApi(activationMs: number, s: Services): KhabarApi {
  const { decorations } = s;
  return {
    activationMs,
    detections: s.detections,
    decorations,
    index: s.index,
    store: s.store,
    commands: s.commands,
    status: s.status,
    view: s.view,
    reader: s.reader,
    drawn: (editor) => drawnSpans(decorations, editor),
    updateNow: (editor) => decorations.update(editor),
    measureEdit: async (editor, offset, text) => {
      const at = editor.document.positionAt(offset);
      await editor.edit((b) => b.insert(at, text));
      return decorations.update(editor);
    },
  };
}

/** The store of the running extension, so deactivate() can wait for its pending saves. */
let activeStore: AnnotationStore | undefined;

/**
 * VS Code waits (a few seconds) for the promise deactivate() returns before it disposes the
 * subscriptions: annotations still waiting for their debounced save are written here, not lost
 * when the window closes.
 */
export function deactivate(): Promise<void> | undefined {
  const store = activeStore;
  activeStore = undefined;
  return store?.flush();
}

export type { DecorationKey };
