// The walkthrough's helpers: open the sample article (copied into the workspace when it can be, so
// tagging it writes a sidecar there rather than inside the extension's folder).
import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { registerCommand } from './commandRegistry';

export const SAMPLE = 'samples/sample-article.ar.txt';

export async function openSample(extensionUri: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const source = vscode.Uri.joinPath(extensionUri, SAMPLE);
  let target = source;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && vscode.workspace.isTrusted) {
    const copy = vscode.Uri.joinPath(folder.uri, 'khabar-sample.ar.txt');
    try {
      await vscode.workspace.fs.stat(copy);
    } catch {
      await vscode.workspace.fs.copy(source, copy, { overwrite: false });
    }
    target = copy;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  return vscode.window.showTextDocument(doc);
}

export function registerOnboarding(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommand(CommandId.OpenSample, () => openSample(context.extensionUri)),
    registerCommand(CommandId.OpenWalkthrough, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#khabar.gettingStarted`, false),
    ),
  );
}
