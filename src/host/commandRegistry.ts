// The one way to register a Khabar command: errors go to the Khabar output channel (with the stack)
// and to a short message, whichever room the command lives in.
import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { PartLoadError } from './lazy/load';

/** Where command failures are written; activate() sets the output channel before registering anything. */
let failureLog: ((line: string) => void) | undefined;

export function setCommandLog(log: (line: string) => void): vscode.Disposable {
  failureLog = log;
  return { dispose: () => (failureLog = undefined) };
}

/** Registers a command whose failures are logged with their stack and shown in a short message. */
export function registerCommand(id: CommandId, fn: (arg?: unknown) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (arg?: unknown) => {
    try {
      return await fn(arg);
    } catch (e) {
      // A part that cannot load has said so already (lazy/load.ts), once.
      if (e instanceof PartLoadError) return undefined;
      failureLog?.(`${id}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Khabar: {0}', e instanceof Error ? e.message : String(e)));
      return undefined;
    }
  });
}
