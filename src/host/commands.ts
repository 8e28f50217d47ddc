// Khabar's commands: detect, tag and review claims, accept/reject/retype detections, notes,
// navigation, undo/redo, highlights, the entity list. Each takes an optional target (a hover link's
// offset, a code action's span, a tree item) and falls back to the active editor's selection
// (commandTarget.ts). The commands live by subject in claimCommands.ts, recordCommands.ts and
// navigationCommands.ts; this class registers them all through the one registry.
import * as vscode from 'vscode';
import type { Detection } from '../core/types';
import type { AnnotationIndex } from './annotations';
import { ClaimCommands } from './claimCommands';
import { CommandId } from './commandIds';
import { registerCommand } from './commandRegistry';
import { ArticleAccess, isServedArticle } from './commandTarget';
import type { DecorationManager } from './decorations';
import { NavigationCommands } from './navigationCommands';
import { RecordCommands } from './recordCommands';

export { CommandId };
export type { Target } from './commandTarget';

export class Commands {
  readonly claims: ClaimCommands;
  readonly records: RecordCommands;
  readonly navigation: NavigationCommands;

  constructor(
    private readonly index: AnnotationIndex,
    private readonly decorations: DecorationManager,
    private readonly output: vscode.OutputChannel,
  ) {
    const access = new ArticleAccess(index);
    this.claims = new ClaimCommands(access);
    this.records = new RecordCommands(access);
    this.navigation = new NavigationCommands(access);
  }

  register(): vscode.Disposable {
    const reg = registerCommand;
    const { claims: c, records: r, navigation: n } = this;
    return vscode.Disposable.from(
      reg(CommandId.Detect, (a) => this.detect(a)),
      reg(CommandId.ToggleHighlights, () => this.toggleHighlights()),
      reg(CommandId.TagClaim, (a) => c.tag(a, 'CLAIM')),
      reg(CommandId.TagQuote, (a) => c.tag(a, 'QUOTE')),
      reg(CommandId.SetVerdict, (a) => c.setVerdict(a)),
      reg(CommandId.SetClaimant, (a) => c.setClaimant(a)),
      reg(CommandId.SetClaimType, (a) => c.setClaimType(a)),
      reg(CommandId.AddEvidence, (a) => c.addEvidence(a)),
      reg(CommandId.AddNote, (a) => r.addNote(a)),
      reg(CommandId.RemoveAnnotation, (a) => r.remove(a)),
      reg(CommandId.AcceptDetection, (a) => r.review(a, 'accepted')),
      reg(CommandId.RejectDetection, (a) => r.review(a, 'rejected')),
      reg(CommandId.RetypeDetection, (a) => r.retype(a)),
      reg(CommandId.NextAnnotation, () => n.go('all', 'next')),
      reg(CommandId.PreviousAnnotation, () => n.go('all', 'previous')),
      reg(CommandId.NextClaim, () => n.go('claims', 'next')),
      reg(CommandId.PreviousClaim, () => n.go('claims', 'previous')),
      reg(CommandId.NextSuggestion, () => n.go('suggestions', 'next')),
      reg(CommandId.NextUnverifiedClaim, () => n.go('unverified', 'next')),
      reg(CommandId.Undo, () => n.undoRedo('undo')),
      reg(CommandId.Redo, () => n.undoRedo('redo')),
      reg(CommandId.ShowAnnotations, () => vscode.commands.executeCommand('khabar.annotations.focus')),
      reg(CommandId.AddToEntityList, (a) => r.addToEntityList(a)),
      reg(CommandId.Reveal, (a) => n.reveal(a)),
    );
  }

  detect(arg: unknown): readonly Detection[] | undefined {
    const document = arg instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString()) : vscode.window.activeTextEditor?.document;
    if (!isServedArticle(document)) return undefined;
    const started = Date.now();
    const found = this.index.detections.get(document);
    const counts: Record<string, number> = {};
    for (const d of found) counts[d.label] = (counts[d.label] ?? 0) + 1;
    this.output.appendLine(`${document.uri.fsPath}: ${found.length} (${Date.now() - started} ms)`);
    for (const d of found) {
      const p = document.positionAt(d.start);
      this.output.appendLine(`  ${p.line + 1}:${p.character + 1}\t${d.kind}\t${d.label}\t\u2068${d.text}\u2069`);
    }
    this.decorations.refreshAll();
    const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Khabar found {0} annotations: {1}', found.length, parts.join(', ') || '—'));
    return found;
  }

  toggleHighlights(): boolean {
    const on = this.decorations.toggle();
    void vscode.commands.executeCommand('setContext', 'khabar:highlightsOn', on);
    void vscode.window.setStatusBarMessage(on ? vscode.l10n.t('Khabar highlights on') : vscode.l10n.t('Khabar highlights off'), 2000);
    return on;
  }
}
