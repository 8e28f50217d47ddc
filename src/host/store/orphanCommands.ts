// The orphan commands: re-attach a lost annotation to the current selection, or delete it.
// Called from the annotations view (with the item), a diagnostic's quick fix, or the palette.

import * as vscode from 'vscode';
import type { AnnotationRecord } from '../../core/annotationRecord';
import type { AnnotationStore } from '../storeApi';
import { CommandId } from '../commandIds';
import { registerCommand } from '../commandRegistry';

export const STORE_COMMANDS = { reattachOrphan: CommandId.ReattachOrphan, deleteOrphan: CommandId.DeleteOrphan } as const;

/** What the commands accept: a tree item, `{uri, recordId}`, a record, or nothing (active editor + pick). */
interface Arg {
  uri?: string | vscode.Uri;
  recordId?: string;
  id?: string;
  record?: { id?: string };
  item?: { record?: { id?: string } };
}

export function registerStoreCommands(store: AnnotationStore): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommand(STORE_COMMANDS.reattachOrphan, (arg?: unknown) => reattach(store, arg)),
    registerCommand(STORE_COMMANDS.deleteOrphan, (arg?: unknown) => remove(store, arg)),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new OrphanActions(), { providedCodeActionKinds: OrphanActions.kinds }),
  );
}

async function reattach(store: AnnotationStore, raw: unknown): Promise<boolean> {
  const target = await resolve(store, raw, vscode.l10n.t('Re-attach which annotation to the selection?'));
  if (!target) return false;
  const editor =
    vscode.window.visibleTextEditors.find((e) => e.document === target.document && !e.selection.isEmpty) ??
    (vscode.window.activeTextEditor?.document === target.document ? vscode.window.activeTextEditor : undefined);
  if (!editor || editor.selection.isEmpty) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the words the annotation belongs to, then run “Re-attach orphaned annotation” again.'));
    return false;
  }
  const start = editor.document.offsetAt(editor.selection.start);
  const end = editor.document.offsetAt(editor.selection.end);
  try {
    return await store.reattach(target.document, target.record.id, start, end);
  } catch (err) {
    void vscode.window.showWarningMessage(String(err instanceof Error ? err.message : err));
    return false;
  }
}

async function remove(store: AnnotationStore, raw: unknown): Promise<boolean> {
  const target = await resolve(store, raw, vscode.l10n.t('Delete which orphaned annotation?'));
  if (!target) return false;
  try {
    if (!(await store.remove(target.document, target.record.id))) return false;
  } catch (err) {
    void vscode.window.showWarningMessage(String(err instanceof Error ? err.message : err));
    return false;
  }
  const undo = vscode.l10n.t('Undo');
  void vscode.window.showInformationMessage(vscode.l10n.t('Deleted the orphaned annotation “{0}”.', short(target.record.target.exact)), undo).then((c) => {
    if (c === undo) void store.undo(target.document);
  });
  return true;
}

async function resolve(store: AnnotationStore, raw: unknown, title: string): Promise<{ document: vscode.TextDocument; record: AnnotationRecord } | undefined> {
  const arg: Arg = typeof raw === 'object' && raw !== null && !(raw instanceof vscode.Uri) ? (raw as Arg) : {};
  const uri = raw instanceof vscode.Uri ? raw : typeof arg.uri === 'string' ? vscode.Uri.parse(arg.uri) : arg.uri;
  let document: vscode.TextDocument | undefined;
  if (uri) document = await vscode.workspace.openTextDocument(uri);
  else document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the article first.'));
    return undefined;
  }
  const state = await store.load(document);
  const id = arg.recordId ?? arg.id ?? arg.record?.id ?? arg.item?.record?.id;
  const all = [...state.orphans, ...state.records];
  if (id !== undefined) {
    const record = all.find((r) => r.id === id);
    return record ? { document, record } : undefined;
  }
  if (state.orphans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This article has no orphaned annotations.'));
    return undefined;
  }
  if (state.orphans.length === 1) return { document, record: state.orphans[0]! };
  const pick = await vscode.window.showQuickPick(
    state.orphans.map((r) => ({ label: short(r.target.exact), description: `${r.id} · ${r.label}`, record: r })),
    { title },
  );
  return pick ? { document, record: pick.record } : undefined;
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 70 ? one.slice(0, 69) + '…' : one;
}

/** Quick fixes on the orphan diagnostics the store publishes. */
class OrphanActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
      if (d.source !== 'khabar' || !code.startsWith('orphan:')) continue;
      const id = code.slice('orphan:'.length);
      const arg = { uri: document.uri.toString(), recordId: id };
      const re = new vscode.CodeAction(vscode.l10n.t('Re-attach {0} to the selection', id), vscode.CodeActionKind.QuickFix);
      re.command = { title: re.title, command: STORE_COMMANDS.reattachOrphan, arguments: [arg] };
      re.diagnostics = [d];
      const del = new vscode.CodeAction(vscode.l10n.t('Delete orphaned annotation {0}', id), vscode.CodeActionKind.QuickFix);
      del.command = { title: del.title, command: STORE_COMMANDS.deleteOrphan, arguments: [arg] };
      del.diagnostics = [d];
      out.push(re, del);
    }
    return out;
  }
}
