// What a validated reader message does: every change goes through the AnnotationStore (undo,
// atomic save) with the editor commands' own record builders, and only when the workspace is
// trusted and the sidecar writable — the rules of commands.ts.
import * as vscode from 'vscode';
import { articleUrl, claimRecord, trimSpan } from '../../core/editor/records';
import { applyCard } from '../../core/reader/claimCard';
import type { SaveClaimMessage, WebviewMessage } from '../../core/reader/protocol';
import type { ClaimDetection } from '../../core/types';
import type { AnnotationIndex } from '../annotations';
import type { Commands } from '../commands';
import { readConfig } from '../config';
import type { BuiltView } from './viewModel';
import { detectionModule } from '../lazy/load';

export interface ActionContext {
  document: vscode.TextDocument;
  view: BuiltView;
  index: AnnotationIndex;
  commands: Commands;
}

export interface ActionResult {
  text: string;
  error?: boolean;
}

/** Why the reader cannot write now (Restricted Mode, an unwritable sidecar), or undefined. */
export function readOnlyReason(document: vscode.TextDocument, index: AnnotationIndex): string | undefined {
  if (!vscode.workspace.isTrusted) return vscode.l10n.t('Khabar is read-only in Restricted Mode: trust this workspace to save annotations.');
  const reason = index.store.peek(document.uri)?.readOnlyReason;
  return reason ? vscode.l10n.t('The annotations file cannot be written: {0}', reason) : undefined;
}

async function saveClaim(m: SaveClaimMessage, c: ActionContext): Promise<ActionResult> {
  const { document, index } = c;
  const config = readConfig(document.uri);
  const now = new Date().toISOString();
  const existing = m.recordId ? c.view.records.get(m.recordId) : undefined;
  if (existing) {
    const { claim, note } = applyCard(existing, m, config.verdicts);
    await index.store.update(document, existing.id, { label: m.label, status: 'accepted', claim, note, modified: now });
    return { text: vscode.l10n.t('Saved.') };
  }
  const text = document.getText();
  const span = trimSpan(text, m.start, m.end);
  if (span.end <= span.start) return { text: vscode.l10n.t('Select the text of the claim first.'), error: true };
  const state = await index.store.load(document);
  const twin = state.records.find((x) => x.kind === 'claim' && x.target.start === span.start && x.target.end === span.end);
  if (twin) {
    const { claim, note } = applyCard(twin, m, config.verdicts);
    await index.store.update(document, twin.id, { label: m.label, status: 'accepted', claim, note, modified: now });
    return { text: vscode.l10n.t('Saved.') };
  }
  // The suggestion the claim was tagged from (if any) gives its claimant and check-worthiness.
  const suggestion = [...c.view.marks.values()]
    .map((x) => x.detection)
    .find((d): d is ClaimDetection => d?.kind === 'claim' && d.start <= span.start && span.end <= d.end);
  const date = detectionModule().findArticleDate(text.slice(0, 2000));
  const appearance = articleUrl(text) ?? (config.appearanceUrl || undefined);
  const record = claimRecord(text, span.start, span.end, m.label, {
    now,
    ...(config.author ? { author: config.author } : {}),
    ...(suggestion ? { suggestion } : {}),
    ...(date ? { date } : {}),
    ...(appearance ? { appearance } : {}),
  });
  const { claim, note } = applyCard(record, m, config.verdicts);
  await index.store.add(document, { ...record, claim, ...(note ? { note } : {}) });
  return { text: vscode.l10n.t('Saved.') };
}

/** Shows the span in the article's text editor (beside the reader), keeping the reader focused. */
export async function revealInEditor(document: vscode.TextDocument, start: number, end: number): Promise<void> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: true });
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
}

export async function applyReaderMessage(m: WebviewMessage, c: ActionContext): Promise<ActionResult | undefined> {
  const { document } = c;
  if (m.type === 'reveal') {
    await revealInEditor(document, m.start, m.end);
    return undefined;
  }
  if (m.type === 'ready' || m.type === 'visible') return undefined;
  let readOnly = readOnlyReason(document, c.index);
  if (!readOnly) {
    const reason = (await c.index.store.load(document)).readOnlyReason;
    if (reason) readOnly = vscode.l10n.t('The annotations file cannot be written: {0}', reason);
  }
  if (readOnly) return { text: readOnly, error: true };
  const uri = document.uri.toString();
  switch (m.type) {
    case 'saveClaim':
      return saveClaim(m, c);
    case 'review': {
      const mark = c.view.marks.get(m.markId)!;
      await c.commands.records.review({ uri, start: mark.start, end: mark.end }, m.status);
      return undefined;
    }
    case 'retype': {
      const mark = c.view.marks.get(m.markId)!;
      await c.commands.records.review({ uri, start: mark.start, end: mark.end }, 'accepted', m.label);
      return undefined;
    }
    case 'remove':
      await c.index.store.remove(document, m.recordId);
      return undefined;
    case 'addToEntityList': {
      const mark = c.view.marks.get(m.markId)!;
      await c.commands.records.addToEntityList({ uri, start: mark.start, end: mark.end });
      return undefined;
    }
    case 'undo':
      await c.index.store.undo(document);
      return undefined;
    case 'redo':
      await c.index.store.redo(document);
      return undefined;
  }
}
