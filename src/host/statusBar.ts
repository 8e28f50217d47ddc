// The status bar item for the active article: tagged claims, claims without a verdict and
// suggestions left; a click opens the Annotations view. Also keeps the `khabar:isArticle` context
// key that the keybindings and menus depend on.
import * as vscode from 'vscode';
import { isUnverified } from '../core/editor/records';
import type { AnnotationIndex } from './annotations';
import { isArticle } from './articles';
import { CommandId } from './commandIds';

export class ArticleStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The counts last shown: tests read them. */
  counts: { claims: number; unverified: number; suggestions: number | undefined; records: number; orphans: number } | undefined;

  constructor(private readonly index: AnnotationIndex) {
    this.item = vscode.window.createStatusBarItem('khabar.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Khabar annotations');
    this.item.command = CommandId.ShowAnnotations;
    this.subscriptions = vscode.Disposable.from(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidOpenTextDocument(() => this.schedule(100)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('khabar')) this.update();
      }),
      index.onDidChange(() => this.schedule(400)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(1000);
      }),
    );
    // Not now: activation stays cheap, the first count waits for the first detection.
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, delay);
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const article = !!doc && isArticle(doc);
    void vscode.commands.executeCommand('setContext', 'khabar:isArticle', article);
    if (!doc || !article) {
      this.item.hide();
      this.counts = undefined;
      return;
    }
    const records = this.index.records(doc);
    const claims = records.filter((r) => r.kind === 'claim' && r.label === 'CLAIM' && r.status === 'accepted');
    const det = this.index.detections;
    // A long article is not detected as a whole just for a count.
    const detections = det.paragraphMode(doc) ? det.peek(doc) : det.get(doc);
    let suggestions: number | undefined;
    if (detections) {
      const reviewed = new Set(records.filter((r) => r.kind === 'claim').map((r) => `${r.target.start}:${r.target.end}`));
      suggestions = detections.filter((d) => d.kind === 'claim' && !reviewed.has(`${d.start}:${d.end}`)).length;
    }
    const counts = {
      claims: claims.length,
      unverified: claims.filter(isUnverified).length,
      suggestions,
      records: records.length,
      orphans: this.index.orphans(doc).length,
    };
    this.counts = counts;
    const sugg = suggestions === undefined ? '…' : String(suggestions);
    this.item.text = `$(law) ${counts.claims}  $(question) ${counts.unverified}  $(lightbulb) ${sugg}${counts.orphans ? `  $(warning) ${counts.orphans}` : ''}`;
    const tip = new vscode.MarkdownString();
    tip.appendText(vscode.l10n.t('Khabar: {0} tagged claims, {1} without a verdict, {2} suggestions to review, {3} saved annotations.', counts.claims, counts.unverified, sugg, counts.records));
    if (counts.orphans) tip.appendText('\n\n' + vscode.l10n.t('{0} annotations lost their place in the text.', counts.orphans));
    tip.appendText('\n\n' + vscode.l10n.t('Click to open the Annotations view.'));
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: tip.value, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscriptions.dispose();
  }
}
