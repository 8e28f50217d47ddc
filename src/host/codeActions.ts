// Code actions (Ctrl+.) on a detected span or a selection: accept / reject / retype a detection,
// tag a claim or quote, the claim actions (verdict, claimant, evidence), notes, removal.
import * as vscode from 'vscode';
import type { Target } from './commands';
import type { AnnotationIndex } from './annotations';
import { isArticle } from './articles';

export const KHABAR_ACTION = vscode.CodeActionKind.QuickFix.append('khabar');

export class AnnotationCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [KHABAR_ACTION];

  constructor(private readonly index: AnnotationIndex) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    if (!isArticle(document)) return [];
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const out: vscode.CodeAction[] = [];
    const action = (title: string, command: string, target: Target, preferred = false): void => {
      const a = new vscode.CodeAction(title, KHABAR_ACTION);
      a.command = { title, command, arguments: [target] };
      a.isPreferred = preferred;
      out.push(a);
    };
    const marks = this.index.at(document, start).filter((m) => m.key !== 'orphan');
    const seen = new Set<string>();
    for (const m of marks) {
      const t: Target = { start: m.start, end: m.end, uri: document.uri.toString(), ...(m.record ? { recordId: m.record.id } : {}) };
      const quote = m.record?.target.exact ?? m.detection?.text ?? '';
      const short = quote.length > 30 ? quote.slice(0, 29) + '…' : quote;
      const key = `${m.key}:${m.start}:${m.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (m.key === 'claimTagged') {
        if (m.record?.label === 'CLAIM') action(vscode.l10n.t('Set verdict… «{0}»', short), 'khabar.setVerdict', t, true);
        action(vscode.l10n.t('Set claimant…'), 'khabar.setClaimant', t);
        action(vscode.l10n.t('Set claim type…'), 'khabar.setClaimType', t);
        action(vscode.l10n.t('Add evidence link…'), 'khabar.addEvidence', t);
        action(vscode.l10n.t('Add note…'), 'khabar.addNote', t);
        action(vscode.l10n.t('Remove the tag «{0}»', short), 'khabar.removeAnnotation', t);
      } else if (m.key === 'claimSuggestion') {
        const sugg: Target = { start: m.start, end: m.end, uri: document.uri.toString() };
        action(vscode.l10n.t('Tag as claim «{0}»', short), 'khabar.tagClaim', sugg, true);
        action(vscode.l10n.t('Tag as quote'), 'khabar.tagQuote', sugg);
        action(vscode.l10n.t('Not a claim (reject the suggestion)'), 'khabar.rejectDetection', sugg);
      } else if (m.record) {
        action(vscode.l10n.t('Change the type of «{0}»…', short), 'khabar.retypeDetection', t);
        action(vscode.l10n.t('Add note…'), 'khabar.addNote', t);
        action(vscode.l10n.t('Remove «{0}»', short), 'khabar.removeAnnotation', t);
      } else if (m.detection) {
        action(vscode.l10n.t('Accept «{0}»', short), 'khabar.acceptDetection', t);
        action(vscode.l10n.t('Reject «{0}»', short), 'khabar.rejectDetection', t);
        if (m.detection.kind === 'entity') {
          action(vscode.l10n.t('Change the type of «{0}»…', short), 'khabar.retypeDetection', t);
          action(vscode.l10n.t('Add «{0}» to the entity list…', short), 'khabar.addToEntityList', t);
        }
      }
    }
    if (end > start) {
      const t: Target = { start, end, uri: document.uri.toString() };
      action(vscode.l10n.t('Tag the selection as a claim'), 'khabar.tagClaim', t, marks.length === 0);
      action(vscode.l10n.t('Tag the selection as a quote'), 'khabar.tagQuote', t);
      action(vscode.l10n.t('Add a note on the selection…'), 'khabar.addNote', t);
      action(vscode.l10n.t('Label the selection as a name…'), 'khabar.retypeDetection', t);
    }
    return out;
  }
}
