// Code actions (Ctrl+.) on a detected span or a selection: accept / reject / retype a detection,
// tag a claim or quote, the claim actions (verdict, claimant, evidence), notes, removal: the same
// menu as the hover's links (markInfo.markActionMenu), with titles that name the text.
import * as vscode from 'vscode';
import type { Target } from './commands';
import type { AnnotationIndex } from './annotations';
import { isArticle } from './articles';
import { CommandId } from './commandIds';
import { markActionMenu } from './markInfo';

export const KHABAR_ACTION = vscode.CodeActionKind.QuickFix.append('khabar');

export class AnnotationCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [KHABAR_ACTION];

  constructor(private readonly index: AnnotationIndex) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    if (!isArticle(document)) return [];
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const out: vscode.CodeAction[] = [];
    const action = (title: string, command: CommandId, target: Target, preferred = false): void => {
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
      for (const a of markActionMenu(m)) action(a.long(short), a.command, a.onSpan ? { start: m.start, end: m.end, uri: t.uri! } : t, a.preferred);
    }
    if (end > start) {
      const t: Target = { start, end, uri: document.uri.toString() };
      action(vscode.l10n.t('Tag the selection as a claim'), CommandId.TagClaim, t, marks.length === 0);
      action(vscode.l10n.t('Tag the selection as a quote'), CommandId.TagQuote, t);
      action(vscode.l10n.t('Add a note on the selection…'), CommandId.AddNote, t);
      action(vscode.l10n.t('Label the selection as a name…'), CommandId.RetypeDetection, t);
    }
    return out;
  }
}
