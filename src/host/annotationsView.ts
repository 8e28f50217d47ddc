// The Annotations view: the active article's marks grouped by kind with counts (claims, quotes,
// suggestions, names, figures, notes, rejected, orphans), a filter by label / status / verdict,
// and a workspace mode listing every annotated article with its claim counts and verdicts.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Mark } from '../core/editor/marks';
import { groupMarks, rowLabel, summariseSidecar, type Group, type GroupId, type SidecarSummary, type TreeFilter, type TreeItemData } from '../core/editor/tree';
import { mergeMarks } from '../core/editor/marks';
import { articlePathFor } from '../core/sidecar/format';
import { CLAIM_LABELS, ENTITY_LABELS, FIGURE_LABELS } from '../core/vocabulary';
import type { AnnotationIndex } from './annotations';
import { isArticle } from './articles';
import { CommandId } from './commandIds';
import { registerCommand } from './commandRegistry';
import { readConfig } from './config';
import { verdictLabel } from './decorations';
import { documentLength } from './detections';
import { groupName, labelName } from './displayNames';
import { sidecarModule } from './lazy/load';

/** Every sidecar in the workspace (the store's suffix, setting `khabar.sidecarSuffix`), with its article and counts. */
export async function annotatedArticles(): Promise<{ article: vscode.Uri; sidecar: vscode.Uri; summary: SidecarSummary | undefined }[]> {
  const suffix = readConfig().sidecarSuffix;
  const files = await vscode.workspace.findFiles(`**/*${suffix}`, '**/node_modules/**', 2000);
  const out: { article: vscode.Uri; sidecar: vscode.Uri; summary: SidecarSummary | undefined }[] = [];
  for (const sidecar of files.sort((a, b) => a.path.localeCompare(b.path))) {
    const articlePath = articlePathFor(sidecar.path, suffix);
    if (articlePath === undefined) continue;
    let summary: SidecarSummary | undefined;
    try {
      summary = summariseSidecar(sidecarModule().parseYaml(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar))));
    } catch {
      summary = undefined;
    }
    out.push({ article: sidecar.with({ path: articlePath }), sidecar, summary });
  }
  return out;
}

type Node =
  | { type: 'group'; uri: string; group: Group }
  | { type: 'item'; uri: string; item: TreeItemData; start: number; end: number; recordId?: string }
  | { type: 'article'; uri: string; sidecar: vscode.Uri; summary: SidecarSummary | undefined }
  | { type: 'verdict'; uri: string; key: string; count: number }
  | { type: 'info'; text: string };

const GROUP_ICONS: Record<GroupId, string> = {
  claims: 'law',
  quotes: 'quote',
  suggestions: 'lightbulb',
  PER: 'person',
  LOC: 'location',
  ORG: 'organization',
  MISC: 'tag',
  figures: 'symbol-number',
  notes: 'note',
  rejected: 'circle-slash',
  orphans: 'warning',
};

export class AnnotationsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscriptions: vscode.Disposable;
  private readonly view: vscode.TreeView<Node>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private document: vscode.TextDocument | undefined;
  filter: TreeFilter = {};
  workspaceMode = false;

  constructor(private readonly index: AnnotationIndex) {
    this.view = vscode.window.createTreeView('khabar.annotations', { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = vscode.Disposable.from(
      this.emitter,
      this.view,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(50)),
      index.onDidChange(() => this.schedule(300)),
      vscode.workspace.onDidChangeTextDocument((ev) => {
        if (ev.document === this.document) this.schedule(800);
      }),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) this.schedule(0);
      }),
      registerCommand(CommandId.FilterAnnotations, () => this.pickFilter()),
      registerCommand(CommandId.ClearAnnotationFilter, () => this.setFilter({})),
      registerCommand(CommandId.ToggleWorkspaceMode, () => this.setWorkspaceMode(!this.workspaceMode)),
      registerCommand(CommandId.ShowArticleAnnotations, () => this.setWorkspaceMode(false)),
      registerCommand(CommandId.ShowWorkspaceAnnotations, () => this.setWorkspaceMode(true)),
      registerCommand(CommandId.RefreshAnnotations, () => this.schedule(0)),
    );
    void vscode.commands.executeCommand('setContext', 'khabar:workspaceMode', false);
    void vscode.commands.executeCommand('setContext', 'khabar:filterActive', false);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.view.visible) this.emitter.fire(undefined);
    }, delay);
  }

  setWorkspaceMode(on: boolean): void {
    this.workspaceMode = on;
    void vscode.commands.executeCommand('setContext', 'khabar:workspaceMode', on);
    this.emitter.fire(undefined);
  }

  setFilter(f: TreeFilter): void {
    this.filter = f;
    const active = !!(f.labels?.size || f.statuses?.size || f.verdicts?.size);
    void vscode.commands.executeCommand('setContext', 'khabar:filterActive', active);
    this.view.message = active ? vscode.l10n.t('Filtered view') : undefined;
    this.emitter.fire(undefined);
  }

  private async pickFilter(): Promise<void> {
    type Item = vscode.QuickPickItem & { facet?: 'labels' | 'statuses' | 'verdicts'; value?: string };
    const sep = (label: string): Item => ({ label, kind: vscode.QuickPickItemKind.Separator });
    const has = (facet: 'labels' | 'statuses' | 'verdicts', v: string): boolean => this.filter[facet]?.has(v) ?? false;
    const items: Item[] = [sep(vscode.l10n.t('Type'))];
    for (const l of [...CLAIM_LABELS, ...ENTITY_LABELS, ...FIGURE_LABELS, 'NOTE']) {
      items.push({ label: labelName(l), description: l, facet: 'labels', value: l, picked: has('labels', l) });
    }
    items.push(sep(vscode.l10n.t('Status')));
    for (const [s, name] of [['accepted', vscode.l10n.t('accepted')], ['suggested', vscode.l10n.t('suggested')], ['rejected', vscode.l10n.t('rejected')]] as const) {
      items.push({ label: name, description: s, facet: 'statuses', value: s, picked: has('statuses', s) });
    }
    items.push(sep(vscode.l10n.t('Verdict')));
    const verdicts = readConfig(this.document?.uri).verdicts;
    for (const v of verdicts) items.push({ label: v.label, description: v.labelEn, facet: 'verdicts', value: v.key, picked: has('verdicts', v.key) });
    items.push({ label: vscode.l10n.t('No verdict yet'), description: 'none', facet: 'verdicts', value: 'none', picked: has('verdicts', 'none') });
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Show only…') });
    if (!picked) return;
    const f: { labels: Set<string>; statuses: Set<string>; verdicts: Set<string> } = { labels: new Set(), statuses: new Set(), verdicts: new Set() };
    for (const p of picked) if (p.facet && p.value) f[p.facet].add(p.value);
    this.setFilter(f);
  }

  // ---- TreeDataProvider --------------------------------------------------------------------------

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'group': {
        const t = new vscode.TreeItem(groupName(node.group.id), node.group.id === 'claims' || node.group.id === 'orphans' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        t.description = String(node.group.items.length);
        t.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.group.id]);
        t.contextValue = `group-${node.group.id}`;
        return t;
      }
      case 'item': {
        const it = node.item;
        const verdicts = readConfig(vscode.Uri.parse(node.uri)).verdicts;
        // Verdict and claimant lead the row: the view cuts long rows where Arabic text begins.
        const lead: string[] = [];
        if (it.group === 'claims') lead.push(verdictLabel(it.verdict, verdicts) ?? vscode.l10n.t('not yet rated'));
        if (it.record?.claim?.claimant) lead.push(it.record.claim.claimant.text);
        if (it.record?.note) lead.push('✎');
        const t = new vscode.TreeItem(rowLabel(it.text, lead), vscode.TreeItemCollapsibleState.None);
        if (it.group !== 'claims' && it.group !== 'suggestions' && it.group !== 'quotes' && it.group !== 'notes') t.description = labelName(it.label);
        t.tooltip = new vscode.MarkdownString().appendText(`${labelName(it.label)} — ${it.text}${it.record?.note ? `\n\n${it.record.note}` : ''}`);
        t.contextValue = it.group === 'orphans' ? 'orphan' : it.group === 'claims' ? 'claim' : it.group === 'suggestions' ? 'suggestion' : it.record ? 'record' : 'detection';
        t.command = { title: vscode.l10n.t('Reveal'), command: CommandId.Reveal, arguments: [{ uri: node.uri, start: node.start, end: node.end }] };
        return t;
      }
      case 'article': {
        const rel = vscode.workspace.asRelativePath(vscode.Uri.parse(node.uri));
        const t = new vscode.TreeItem(rel, node.summary && node.summary.claims > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        const s = node.summary;
        t.description = s ? vscode.l10n.t('{0} claims · {1} annotations', s.claims, s.total) + (s.orphans ? ` · ⚠ ${s.orphans}` : '') : vscode.l10n.t('cannot be read');
        t.iconPath = new vscode.ThemeIcon('file-text');
        t.resourceUri = vscode.Uri.parse(node.uri);
        t.contextValue = 'article';
        t.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [vscode.Uri.parse(node.uri)] };
        return t;
      }
      case 'verdict': {
        const verdicts = readConfig(vscode.Uri.parse(node.uri)).verdicts;
        const t = new vscode.TreeItem(node.key === 'none' ? vscode.l10n.t('not yet rated') : (verdictLabel(node.key, verdicts) ?? node.key));
        t.description = String(node.count);
        t.iconPath = new vscode.ThemeIcon('law');
        return t;
      }
      case 'info': {
        const t = new vscode.TreeItem(node.text);
        t.iconPath = new vscode.ThemeIcon('info');
        return t;
      }
    }
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.workspaceMode ? this.articles() : this.groups();
    if (node.type === 'group') {
      return node.group.items.map((item) => ({ type: 'item', uri: node.uri, item, start: item.start, end: item.end, ...(item.record ? { recordId: item.record.id } : {}) }));
    }
    if (node.type === 'article' && node.summary) {
      return Object.entries(node.summary.verdicts)
        .sort((a, b) => b[1] - a[1])
        .map(([key, count]) => ({ type: 'verdict', uri: node.uri, key, count }));
    }
    return [];
  }

  private groups(): Node[] {
    const editor = vscode.window.activeTextEditor;
    const doc = editor && isArticle(editor.document) ? editor.document : undefined;
    this.document = doc;
    this.view.description = doc ? path.basename(doc.uri.path) : undefined;
    void vscode.commands.executeCommand('setContext', 'khabar:viewHasArticle', !!doc);
    if (!doc) return [];
    const det = this.index.detections;
    let marks: Mark[];
    const out: Node[] = [];
    if (det.paragraphMode(doc) && !det.peek(doc)) {
      // A long article: list what is saved now, without detecting the whole text for the tree.
      marks = mergeMarks([], this.index.records(doc), this.index.orphans(doc), documentLength(doc));
      out.push({ type: 'info', text: vscode.l10n.t('Long article: suggestions are shown in the editor as you scroll.') });
    } else marks = this.index.marks(doc);
    const rejected = this.index.records(doc).filter((r) => r.status === 'rejected');
    const text = (s: number, e: number): string => doc.getText(new vscode.Range(doc.positionAt(s), doc.positionAt(e)));
    for (const g of groupMarks(marks, rejected, text, this.filter)) out.push({ type: 'group', uri: doc.uri.toString(), group: g });
    return out;
  }

  private async articles(): Promise<Node[]> {
    this.view.description = vscode.l10n.t('All articles');
    return (await annotatedArticles()).map((a) => ({ type: 'article', uri: a.article.toString(), sidecar: a.sidecar, summary: a.summary }));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscriptions.dispose();
  }
}
