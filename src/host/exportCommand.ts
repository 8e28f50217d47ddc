// The *Khabar: Export…* command: pick a format and a scope, choose where to save, and export with a
// cancellable progress notification, one article at a time through the same core as `khabar export`.

import * as fs from 'fs';
import * as vscode from 'vscode';
import { decodeArticle } from '../core/decode';
import { frontMatterUrl } from '../core/export/articleUrl';
import { detectionsToRecords } from '../core/export/fromDetections';
import { exportStream, FORMAT_INFO, type ExportSink } from '../core/export/exportStream';
import { safeRelativePath } from '../core/export/paths';
import { isGeneratedReport } from '../core/export/reportMarker';
import { EXPORT_FORMATS, type ExportArticle, type ExportFormat, type ExportOptions } from '../core/export/types';
import type { AnnotationRecord } from '../core/annotationRecord';
import { sidecarPathFor } from '../core/sidecar/format';
import { decodeSidecar, sidecarSizeError } from '../core/sidecar/bytes';
import { isSidecarPath } from '../core/sidecar/suffix';
import { syncWithArticle } from '../core/sidecar/sync';
import { readConfig } from './config';
import type { LazyParts } from './lazy/load';

/** What exportRegister.ts (in extension.js) hands the command besides the user's choice. */
export interface ExportRun extends ExportCommandDeps {
  /**
   * The detection and sidecar parts, loaded through extension.js's lazy/load.ts: this file (the
   * exporters part) imports no copy of the loader, so a part that cannot load is reported once.
   */
  parts: LazyParts;
}

export interface ExportCommandDeps {
  /**
   * The records of an article whose current text is `text` (the store's, for an open article), or
   * undefined to read its sidecar from disk.
   */
  getRecords?: (article: vscode.Uri, text: string) => Promise<readonly AnnotationRecord[] | undefined>;
  /** Options from settings (verdict vocabulary, reviewer); read at each export. */
  getOptions?: () => ExportOptions;
}

const ARTICLE_GLOB = '**/*.{txt,md,news,article}';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.*/**}';

type Scope = 'article' | 'folder' | 'workspace';

/** What the user chose: the format, which articles, with or without suggestions, and where to write. */
interface Plan {
  format: ExportFormat;
  scope: Scope;
  where: Where;
  includeSuggestions: boolean;
  target: vscode.Uri;
}

/** The command (registered by exportRegister.ts, which loads this file on its first run). */
export async function runExportCommand(clicked: vscode.Uri | undefined, deps: ExportRun): Promise<void> {
  const plan = await choose(clicked);
  if (!plan) return;
  const files = await articleFiles(plan.scope, plan.where);
  if (files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Khabar: no articles to export.'));
    return;
  }
  if (clashes(plan, files)) return;
  const options = exportOptions(plan, deps);
  const problems: string[] = [];
  const reanchored: Reanchored = { moved: 0, orphans: 0, lines: [] };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Khabar: exporting {0} articles', files.length), cancellable: true },
    async (progress, token) => {
      const sink = FORMAT_INFO[plan.format].folder ? folderSink(plan.target) : fileSink(plan.target);
      const result = await exportStream(plan.format, readArticles(files, deps, options, problems, reanchored), sink, {
        ...options,
        isCancelled: () => token.isCancellationRequested,
        onProgress: (done, article) => progress.report({ increment: 100 / files.length, message: `${done}/${files.length} ${article.path}` }),
      });
      await sink.close();
      for (const f of result.failures) problems.push(f.message);
      for (const f of result.skipped) problems.push(f.message);
      report(plan, options, result, problems, reanchored);
    },
  );
}

/** The questions, in order; undefined when the user leaves any of them. */
async function choose(clicked: vscode.Uri | undefined): Promise<Plan | undefined> {
  const format = await pickFormat();
  if (!format) return undefined;
  const where = await locate(clicked ?? vscode.window.activeTextEditor?.document.uri);
  const scope = await pickScope(where);
  if (!scope) return undefined;
  const suggestions = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Reviewed annotations only'), include: false },
      { label: vscode.l10n.t('Include unreviewed suggestions'), include: true },
    ],
    { title: vscode.l10n.t('Khabar: Export…'), placeHolder: vscode.l10n.t('Detected but unreviewed suggestions') },
  );
  if (!suggestions) return undefined;
  const target = await pickTarget(format, where.folder, suggestedName(format, scope, where));
  if (!target) return undefined;
  return { format, scope, where, includeSuggestions: suggestions.include, target };
}

/** Never write the export over an article or its annotations file (the CLI's --out refuses the same). */
function clashes(plan: Plan, files: readonly vscode.Uri[]): boolean {
  if (FORMAT_INFO[plan.format].folder) return false;
  const t = plan.target.toString();
  const suffix = readConfig().sidecarSuffix;
  const clash = files.find((f) => f.toString() === t || f.with({ path: sidecarPathFor(f.path, suffix) }).toString() === t);
  if (!clash) return false;
  void vscode.window.showErrorMessage(
    vscode.l10n.t('Khabar: {0} is an article being exported, or its annotations file; choose another file.', vscode.workspace.asRelativePath(plan.target)),
  );
  return true;
}

function exportOptions(plan: Plan, deps: ExportCommandDeps): ExportOptions {
  const options: ExportOptions = { ...(deps.getOptions?.() ?? {}), includeSuggestions: plan.includeSuggestions };
  if (plan.scope !== 'article') {
    // A report on a folder is titled by the folder; a one-article report by the article's headline.
    const name = plan.scope === 'folder' && plan.where.folder ? vscode.workspace.asRelativePath(plan.where.folder, false) : vscode.workspace.name;
    options.reportTitle = name ? `تقرير خبر: ${name}` : 'تقرير خبر';
  }
  return options;
}

type ExportResult = Awaited<ReturnType<typeof exportStream>>;

/** One message on the outcome: what was written, what was left out and why, or why nothing was. */
function report(plan: Plan, options: ExportOptions, result: ExportResult, problems: string[], reanchored: Reanchored): void {
  let summary = result.cancelled
    ? vscode.l10n.t('Khabar: export cancelled after {0} articles.', result.articles)
    : vscode.l10n.t('Khabar: exported {0} articles, {1} annotations.', result.articles, result.records);
  if (reanchored.lines.length > 0) {
    // Articles edited since their annotations were saved: exported as they are now, and said so.
    summary += ' ' + vscode.l10n.t('{0} annotations were re-anchored to edited articles (the annotation files are unchanged); {1} orphaned annotations were left out.', reanchored.moved, reanchored.orphans);
    problems.push(...reanchored.lines);
  }
  if (problems.length === 0 && !result.cancelled && result.records === 0) {
    // An empty file is not a result: say why, as the CLI does (its exit code 3).
    void vscode.window.showWarningMessage(
      options.includeSuggestions
        ? vscode.l10n.t('Khabar: nothing was exported: the chosen articles have no annotations and nothing was detected in them.')
        : vscode.l10n.t('Khabar: nothing was exported: the chosen articles have no reviewed annotations. Choose "Include unreviewed suggestions" to export what Khabar detected.'),
    );
  } else if (problems.length > 0) {
    const show = vscode.l10n.t('Show problems');
    const leftOut = problems.length - reanchored.lines.length;
    void vscode.window.showWarningMessage(leftOut > 0 ? `${summary} ${vscode.l10n.t('{0} articles were left out.', leftOut)}` : summary, show).then((choice) => {
      if (choice === show) void showProblems(problems);
    });
  } else if (FORMAT_INFO[plan.format].folder) {
    void vscode.window.showInformationMessage(summary);
  } else {
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(summary, open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('vscode.open', plan.target);
    });
  }
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: FORMAT_INFO[f].description, description: f, format: f })),
    { title: vscode.l10n.t('Khabar: Export…'), placeHolder: vscode.l10n.t('Export format') },
  );
  return picked?.format;
}

interface Where {
  /** The article the command was run on (editor or explorer), if any. */
  article?: vscode.Uri;
  /** Its folder, or the folder clicked in the explorer. */
  folder?: vscode.Uri;
}

async function locate(uri: vscode.Uri | undefined): Promise<Where> {
  if (!uri) return {};
  try {
    const st = await vscode.workspace.fs.stat(uri);
    if (st.type & vscode.FileType.Directory) return { folder: uri };
  } catch {
    // An unsaved document has no file: it is still the article, with no folder on disk.
    return uri.scheme === 'untitled' ? {} : { article: uri };
  }
  return { article: uri, folder: vscode.Uri.joinPath(uri, '..') };
}

async function pickScope(where: Where): Promise<Scope | undefined> {
  const items: Array<vscode.QuickPickItem & { scope: Scope }> = [];
  if (where.article) items.push({ label: vscode.l10n.t('This article'), description: vscode.workspace.asRelativePath(where.article), scope: 'article' });
  if (where.folder) items.push({ label: vscode.l10n.t('This folder'), description: vscode.workspace.asRelativePath(where.folder), scope: 'folder' });
  if (vscode.workspace.workspaceFolders?.length) items.push({ label: vscode.l10n.t('The whole workspace'), scope: 'workspace' });
  if (items.length === 0) return undefined;
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Khabar: Export…'), placeHolder: vscode.l10n.t('What to export') });
  return picked?.scope;
}

/**
 * The file name the save dialog suggests: what is exported and in which format, so two exports
 * never suggest the same name (`article-khabar-w3c.jsonld` for article.ar.txt, `news-khabar-csv.csv`).
 */
function suggestedName(format: ExportFormat, scope: Scope, where: Where): string {
  const ext = FORMAT_INFO[format].extension;
  const base = (uri: vscode.Uri | undefined): string | undefined => uri?.path.split('/').filter(Boolean).pop();
  let stem: string | undefined;
  if (scope === 'article') stem = base(where.article)?.replace(/(\.ar)?\.(txt|md|news|article)$/i, '');
  else if (scope === 'folder') stem = base(where.folder);
  else stem = vscode.workspace.workspaceFolders?.[0]?.name;
  const safe = (stem ?? '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return `${safe ? `${safe}-` : ''}khabar-${format}.${ext}`;
}

async function pickTarget(format: ExportFormat, folder: vscode.Uri | undefined, name: string): Promise<vscode.Uri | undefined> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? folder;
  if (FORMAT_INFO[format].folder) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Export here'),
      title: vscode.l10n.t('Folder for the brat files'),
      ...(base ? { defaultUri: base } : {}),
    });
    return picked?.[0];
  }
  const ext = FORMAT_INFO[format].extension;
  return vscode.window.showSaveDialog({
    filters: { [FORMAT_INFO[format].description]: [ext] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Khabar: Export…'),
    ...(base ? { defaultUri: vscode.Uri.joinPath(base, name) } : {}),
  });
}

async function articleFiles(scope: Scope, where: Where): Promise<vscode.Uri[]> {
  if (scope === 'article') return where.article ? [where.article] : [];
  const pattern = scope === 'folder' && where.folder ? new vscode.RelativePattern(where.folder, ARTICLE_GLOB) : ARTICLE_GLOB;
  const suffix = readConfig().sidecarSuffix;
  const found = (await vscode.workspace.findFiles(pattern, EXCLUDE_GLOB)).filter((f) => !isSidecarPath(f.path, suffix));
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What re-anchoring in memory did across the export: counts, and one line per article for the details. */
interface Reanchored {
  moved: number;
  orphans: number;
  lines: string[];
}

/** Articles read one at a time: the open document's text when it is open (what the store's offsets refer to). */
async function* readArticles(
  files: readonly vscode.Uri[],
  deps: ExportRun,
  options: ExportOptions,
  problems: string[],
  reanchored: Reanchored,
): AsyncGenerator<ExportArticle> {
  for (const uri of files) {
    const rel = vscode.workspace.asRelativePath(uri, false);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string;
    if (open) {
      text = open.getText();
    } else {
      const decoded = decodeArticle(await vscode.workspace.fs.readFile(uri));
      if (!decoded.ok) {
        problems.push(`${rel}: ${decoded.reason}`);
        continue;
      }
      text = decoded.text;
    }
    // A report Khabar wrote into the folder earlier is its output, not an article.
    if (isGeneratedReport(text)) continue;
    let records = await deps.getRecords?.(uri, text);
    // Re-anchored only when its records are the ones exported (an open article's come from the store).
    const loaded = await readSidecar(deps.parts, uri, records === undefined ? text : undefined);
    // An open article without a sidecar has an empty store: its suggestions are the detections.
    if (records !== undefined && records.length === 0 && loaded === undefined && options.includeSuggestions) records = undefined;
    if (records === undefined) {
      if (typeof loaded === 'string') {
        problems.push(`${rel}: ${loaded}`);
        continue;
      }
      if (loaded !== undefined) {
        records = loaded.records;
      } else if (!options.includeSuggestions) records = [];
      else {
        try {
          records = detectionsToRecords(text, deps.parts.detection().detect(text));
        } catch (e) {
          problems.push(`${rel}: ${(e as Error).message}`);
          continue;
        }
      }
    }
    const orphans = records.filter((r) => r.orphan).map((r) => r.id);
    const moved = typeof loaded === 'object' && records === loaded.records ? loaded.moved : 0;
    if (orphans.length > 0 || moved > 0) {
      reanchored.orphans += orphans.length;
      reanchored.moved += moved;
      reanchored.lines.push(
        vscode.l10n.t('{0}: {1} annotations re-anchored to the edited text, {2} orphaned annotations left out: {3}', rel, moved, orphans.length, orphans.join(', ') || '-'),
      );
    }
    const article: ExportArticle = { path: rel.replace(/\\/g, '/'), text, records };
    const url = (typeof loaded === 'object' ? loaded.url : undefined) ?? frontMatterUrl(text);
    if (url !== undefined) article.url = url;
    yield article;
  }
}

/**
 * The sidecar's records (the sidecar named by `khabar.sidecarSuffix`), re-anchored in memory to the
 * article's current `text` when given (an edit since the last save moves them or makes orphans; the
 * file is not written), and its article URL; undefined without one, or why it cannot be used.
 */
export async function readSidecar(
  parts: Pick<LazyParts, 'sidecar'>,
  article: vscode.Uri,
  text?: string,
): Promise<{ records: readonly AnnotationRecord[]; moved: number; url?: string } | string | undefined> {
  const uri = article.with({ path: sidecarPathFor(article.path, readConfig().sidecarSuffix) });
  let bytes: Uint8Array;
  try {
    const large = sidecarSizeError((await vscode.workspace.fs.stat(uri)).size);
    if (large) return vscode.l10n.t('its sidecar does not read ({0}, line {1})', large.message, 1);
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
  // The same strict reading as the store and the CLI: invalid UTF-8 is refused, not turned into U+FFFD.
  const decoded = decodeSidecar(bytes);
  if (!decoded.ok) return vscode.l10n.t('its sidecar does not read ({0}, line {1})', decoded.errors[0]!.message, decoded.errors[0]!.line);
  const r = parts.sidecar().parseSidecar(decoded.text);
  if (!r.ok) return vscode.l10n.t('its sidecar does not read ({0}, line {1})', r.kind, r.errors[0]?.line ?? 1);
  try {
    safeRelativePath(r.data.document.path);
  } catch (e) {
    return vscode.l10n.t('its sidecar was refused: {0}', (e as Error).message);
  }
  const url = r.data.document.url === undefined ? {} : { url: r.data.document.url };
  if (text === undefined) return { records: r.data.annotations, moved: 0, ...url };
  const sync = syncWithArticle(r.data, text, article.path.slice(article.path.lastIndexOf('/') + 1));
  const moved = sync.moved.filter((id) => !sync.orphans.includes(id)).length;
  return { records: sync.data.annotations, moved, ...url };
}

interface ClosableSink extends ExportSink {
  close(): Promise<void>;
}

/**
 * One output file. Local files are streamed with Node so a large folder never sits in memory;
 * other file systems (remote, virtual) only offer whole-file writes, so the output is collected.
 */
function fileSink(target: vscode.Uri): ClosableSink {
  if (target.scheme === 'file') {
    const stream = fs.createWriteStream(target.fsPath);
    let failure: Error | undefined;
    stream.on('error', (e) => (failure = e));
    return {
      write: (chunk) => {
        if (failure || stream.write(chunk)) return undefined;
        // Resolve on error too, or a failed disk would leave the export waiting for a drain forever.
        return new Promise<void>((resolve) => {
          stream.once('drain', () => resolve());
          stream.once('error', () => resolve());
        });
      },
      writeFile: () => undefined,
      close: () =>
        new Promise<void>((resolve, reject) => stream.end(() => (failure ? reject(failure) : resolve()))),
    };
  }
  const chunks: string[] = [];
  return {
    write: (chunk) => void chunks.push(chunk),
    writeFile: () => undefined,
    close: () => Promise.resolve(vscode.workspace.fs.writeFile(target, new TextEncoder().encode(chunks.join('')))),
  };
}

function folderSink(root: vscode.Uri): ClosableSink {
  return {
    write: () => undefined,
    writeFile: async (rel, content) => {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, ...safeRelativePath(rel).split('/')), new TextEncoder().encode(content));
    },
    close: () => Promise.resolve(),
  };
}

async function showProblems(problems: readonly string[]): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ content: problems.join('\n') + '\n', language: 'plaintext' });
  await vscode.window.showTextDocument(doc);
}
