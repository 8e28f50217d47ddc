// Detections per open document. Below the paragraph-mode threshold the whole text is detected once
// per version (document-level entity features need it); above it, paragraphs are detected on
// demand and cached by their text, so a 1 MB article only costs what is on screen and an edit only
// re-detects the paragraph it touched. The workspace entity list feeds the recognisers.
import * as vscode from 'vscode';
import type { DetectOptions } from '../core/detect';
import { BlockDetector, blocksCovering, shiftDetection, type LineSource } from '../core/editor/blocks';
import type { UserList } from '../core/entities/findEntities';
import type { Detection } from '../core/types';
import { articleFacts, documentLength } from './articleFacts';
import { detectionModule, PartLoadError, sidecarModule } from './lazy/load';

interface Entry {
  version: number;
  detections: readonly Detection[];
}

export const ENTITY_LIST_PATH = '.khabar/entities.yaml';

/** A vscode.TextDocument seen as lines for the block splitter. */
export function documentLines(document: vscode.TextDocument): LineSource {
  return {
    lineCount: document.lineCount,
    lineText: (line) => document.lineAt(line).text,
    blockText: (startLine, endLine) =>
      document.getText(new vscode.Range(startLine, 0, endLine - 1, document.lineAt(endLine - 1).text.length)),
    offsetAt: (line) => document.offsetAt(new vscode.Position(line, 0)),
  };
}

export { documentLength };

export class DetectionService implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly warnedTooLarge = new Set<string>();
  private readonly blockDetectors = new Map<string, BlockDetector>();
  /** Per workspace folder: its entity list file's text as last read (undefined: none), parsed on first use. */
  private readonly userLists = new Map<string, { uri: vscode.Uri; text: string; parsed?: { list: UserList | undefined } }>();
  /** Per document: the version its dateline was looked up for, and the date found. */
  private readonly articleDates = new WeakMap<vscode.TextDocument, { version: number; date: string | undefined }>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable;
  private reported = false;
  private degradedUntil = 0;
  /** What warm() last found all cached, for the inLines() of the same lines and version that follows it (see warm). */
  private warmed = new WeakMap<vscode.TextDocument, { version: number; from: number; to: number; detections: Detection[] }>();

  constructor(private readonly output?: vscode.OutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${ENTITY_LIST_PATH}`);
    const reload = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) void this.loadUserList(folder).then(() => this.invalidate());
    };
    this.subscriptions = vscode.Disposable.from(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cache.delete(d.uri.toString());
        this.warnedTooLarge.delete(d.uri.toString());
      }),
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      this.emitter,
    );
    for (const folder of vscode.workspace.workspaceFolders ?? []) void this.loadUserList(folder);
  }

  /**
   * Reads the folder's entity list file; parsing waits for the first detection that uses it
   * (userList), so activation loads no part for it, whatever file is open.
   */
  private async loadUserList(folder: vscode.WorkspaceFolder): Promise<void> {
    const uri = vscode.Uri.joinPath(folder.uri, ENTITY_LIST_PATH);
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError)) this.output?.appendLine(`${uri.fsPath}: ${String(e)}`);
    }
    const key = folder.uri.toString();
    const had = this.userLists.get(key);
    if (text === undefined) this.userLists.delete(key);
    else this.userLists.set(key, { uri, text });
    if (had?.text !== text) this.invalidate();
  }

  /** The folder's entity list, parsed (by the sidecar part, where the yaml library is) on first use; a bad list is logged then, once per change. */
  private userList(key: string): UserList | undefined {
    const entry = this.userLists.get(key);
    if (!entry) return undefined;
    if (!entry.parsed) {
      try {
        entry.parsed = { list: sidecarModule().parseUserList(entry.text) };
      } catch (e) {
        entry.parsed = { list: undefined };
        if (!(e instanceof PartLoadError)) this.output?.appendLine(`${entry.uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return entry.parsed.list;
  }

  /** Drops every cached result (the entity list changed) and tells the views. */
  invalidate(): void {
    this.cache.clear();
    this.warmed = new WeakMap();
    for (const b of this.blockDetectors.values()) b.clear();
    this.emitter.fire(undefined);
  }

  private folderKey(document: vscode.TextDocument): string {
    return vscode.workspace.getWorkspaceFolder(document.uri)?.uri.toString() ?? '';
  }

  private options(document: vscode.TextDocument): DetectOptions {
    const list = this.userList(this.folderKey(document));
    const options: DetectOptions = list ? { entities: { userList: list } } : {};
    // A paragraph has no dateline of its own: relative dates resolve against the article's.
    const articleDate = this.articleDate(document);
    if (articleDate) options.figures = { articleDate };
    return options;
  }

  /**
   * The date of the article's dateline (its first lines), once per version. It needs the detection
   * part: when that cannot load (load.ts reports it once), there is no date, and detection itself
   * falls back (run) rather than throwing out of a decoration pass, a hover or the status bar.
   */
  private articleDate(document: vscode.TextDocument): string | undefined {
    const hit = this.articleDates.get(document);
    if (hit && hit.version === document.version) return hit.date;
    let date: string | undefined;
    try {
      date = detectionModule().findArticleDate(document.getText(new vscode.Range(0, 0, 8, 0)));
    } catch {
      date = undefined;
    }
    this.articleDates.set(document, { version: document.version, date });
    return date;
  }

  private run(text: string, options: DetectOptions): Detection[] {
    if (this.degradedUntil > Date.now()) return this.runFiguresOnly(text, options);
    try {
      const found = detectionModule().detect(text, options);
      if (this.degradedUntil > 0) {
        // Recovered: results cached while degraded lack entities and claims.
        this.degradedUntil = 0;
        setTimeout(() => this.invalidate(), 0);
      }
      return found;
    } catch (e) {
      // A missing or unreadable entity model must not take the editor down, nor be retried on every
      // paragraph: figures (which need no model) carry on for a minute, then the full run is tried again.
      this.degradedUntil = Date.now() + 60_000;
      if (!this.reported && !(e instanceof PartLoadError)) {
        this.reported = true;
        this.output?.appendLine(`detection failed, showing figures only: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
      return this.runFiguresOnly(text, options);
    }
  }

  private runFiguresOnly(text: string, options: DetectOptions): Detection[] {
    try {
      return detectionModule().detect(text, { ...options, kinds: new Set(['figure']) });
    } catch {
      return [];
    }
  }

  private blocks(document: vscode.TextDocument): BlockDetector {
    const key = this.folderKey(document);
    let b = this.blockDetectors.get(key);
    if (!b) {
      const options = (): DetectOptions => this.options(document);
      b = new BlockDetector((text) => this.run(text, options()));
      this.blockDetectors.set(key, b);
    }
    return b;
  }

  /** True when this document is detected paragraph by paragraph. */
  paragraphMode(document: vscode.TextDocument): boolean {
    return articleFacts(document).paragraphMode;
  }

  tooLarge(document: vscode.TextDocument): boolean {
    const facts = articleFacts(document);
    if (!facts.tooLarge) return false;
    const length = facts.length;
    const limit = facts.config.maxFileSize;
    // Say once per document why nothing is highlighted, rather than leaving the user guessing.
    const key = document.uri.toString();
    if (!this.warnedTooLarge.has(key)) {
      this.warnedTooLarge.add(key);
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Khabar does not analyse {0}: it has {1} characters, more than the khabar.maxFileSize limit of {2}.',
          vscode.workspace.asRelativePath(document.uri),
          length.toLocaleString('en-US'),
          limit.toLocaleString('en-US'),
        ),
      );
    }
    return true;
  }

  /** Detections for the whole current version. In paragraph mode this visits every paragraph (cached). */
  get(document: vscode.TextDocument): readonly Detection[] {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.detections;
    let detections: readonly Detection[];
    if (this.tooLarge(document)) detections = [];
    else if (this.paragraphMode(document)) {
      detections = this.blocks(document).detectLines(documentLines(document), 0, document.lineCount - 1);
    } else detections = this.run(document.getText(), this.options(document));
    this.cache.set(key, { version: document.version, detections });
    return detections;
  }

  /** Detections touching lines [fromLine, toLine]; cheap in paragraph mode. */
  inLines(document: vscode.TextDocument, fromLine: number, toLine: number): readonly Detection[] {
    if (this.tooLarge(document)) return [];
    const hit = this.peek(document);
    if (!hit && this.paragraphMode(document)) {
      const w = this.warmed.get(document);
      this.warmed.delete(document);
      if (w && w.version === document.version && w.from === fromLine && w.to === toLine) return w.detections;
      return this.blocks(document).detectLines(documentLines(document), fromLine, toLine);
    }
    const all = hit ?? this.get(document);
    const from = document.offsetAt(new vscode.Position(fromLine, 0));
    const to = document.offsetAt(document.lineAt(Math.min(toLine, document.lineCount - 1)).range.end);
    return all.filter((d) => d.end >= from && d.start <= to);
  }

  /**
   * Detects (into the paragraph cache) the blocks of lines [fromLine, toLine] for at most about
   * `budgetMs`, so a large range is prepared in slices between which the extension host answers
   * hovers and keystrokes. True when everything in the range is cached.
   */
  warm(document: vscode.TextDocument, fromLine: number, toLine: number, budgetMs: number): boolean {
    if (!this.paragraphMode(document) || this.tooLarge(document)) return true;
    const started = performance.now();
    const src = documentLines(document);
    const detector = this.blocks(document);
    const blocks = blocksCovering(src, fromLine, toLine);
    const texts: string[] = [];
    for (const b of blocks) {
      const text = src.blockText(b.startLine, b.endLine);
      detector.relative(text);
      texts.push(text);
      if (performance.now() - started > budgetMs) return false;
    }
    // All cached: the decoration pass asks for these lines next (inLines), and would build every
    // block's text again (a margin pass after a keystroke allocated a sixth of its garbage that way).
    const detections: Detection[] = [];
    blocks.forEach((b, i) => {
      const base = src.offsetAt(b.startLine);
      for (const d of detector.relative(texts[i]!)) detections.push(shiftDetection(d, base));
    });
    this.warmed.set(document, { version: document.version, from: fromLine, to: toLine, detections });
    return true;
  }

  /** True when detections for lines [fromLine, toLine] are already computed (no detection needed). */
  ready(document: vscode.TextDocument, fromLine: number, toLine: number): boolean {
    if (this.tooLarge(document) || this.peek(document)) return true;
    if (!this.paragraphMode(document)) return false;
    const src = documentLines(document);
    const detector = this.blocks(document);
    return blocksCovering(src, fromLine, toLine).every((b) => detector.has(src.blockText(b.startLine, b.endLine)));
  }

  /**
   * Figures only for lines [fromLine, toLine]: the figure recogniser needs no model and takes a few
   * milliseconds, so a newly opened article shows something at once while the full run follows.
   */
  quick(document: vscode.TextDocument, fromLine: number, toLine: number): Detection[] {
    if (this.tooLarge(document)) return [];
    const last = Math.min(toLine, document.lineCount - 1);
    const range = new vscode.Range(fromLine, 0, last, document.lineAt(last).text.length);
    const base = document.offsetAt(range.start);
    return this.runFiguresOnly(document.getText(range), this.options(document)).map((d) => shiftDetection(d, base));
  }

  /** Cached detections without computing. */
  peek(document: vscode.TextDocument): readonly Detection[] | undefined {
    const hit = this.cache.get(document.uri.toString());
    return hit && hit.version === document.version ? hit.detections : undefined;
  }

  /** The detections under an offset, innermost first. */
  at(document: vscode.TextDocument, offset: number): Detection[] {
    const line = document.positionAt(offset).line;
    return this.inLines(document, line, line)
      .filter((d) => d.start <= offset && offset <= d.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  dispose(): void {
    this.subscriptions.dispose();
    this.cache.clear();
    this.blockDetectors.clear();
  }
}
