// Commands of the first loop: run the recognisers on the active article, toggle highlights.
import * as vscode from 'vscode';
import type { Detection } from '../core/types';
import { isArticle } from './articles';
import type { DecorationManager } from './decorations';
import type { DetectionService } from './detections';

export const enum CommandId {
  Detect = 'khabar.detect',
  ToggleHighlights = 'khabar.toggleHighlights',
}

export function summarise(detections: readonly Detection[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of detections) counts[d.label] = (counts[d.label] ?? 0) + 1;
  return counts;
}

export function registerCommands(
  detections: DetectionService,
  decorations: DecorationManager,
  output: vscode.OutputChannel,
): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(CommandId.Detect, async (uri?: vscode.Uri) => {
      const document = uri
        ? await vscode.workspace.openTextDocument(uri)
        : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open an Arabic article first.'));
        return undefined;
      }
      if (!isArticle(document)) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('This document does not look like an Arabic article (see the khabar.enable setting).'),
        );
        return undefined;
      }
      const started = Date.now();
      const found = detections.get(document);
      const counts = summarise(found);
      output.appendLine(`${document.uri.fsPath}: ${found.length} (${Date.now() - started} ms)`);
      for (const d of found) {
        const p = document.positionAt(d.start);
        output.appendLine(`  ${p.line + 1}:${p.character + 1}\t${d.kind}\t${d.label}\t\u2068${d.text}\u2069`);
      }
      decorations.refreshAll();
      const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Khabar found {0} annotations: {1}', found.length, parts.join(', ') || '—'),
      );
      return found;
    }),
    vscode.commands.registerCommand(CommandId.ToggleHighlights, () => {
      const on = decorations.toggle();
      void vscode.window.setStatusBarMessage(on ? vscode.l10n.t('Khabar highlights on') : vscode.l10n.t('Khabar highlights off'), 2000);
    }),
  ];
}
