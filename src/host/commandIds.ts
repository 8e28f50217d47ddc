// Every command Khabar contributes, by id, and the one way to register one: errors go to the
// Khabar output channel (with the stack) and to a short message, whichever room the command lives in.
// test/unit/vocabulary.test.ts checks this list against package.json's contributes.commands.
import * as vscode from 'vscode';

export const enum CommandId {
  Detect = 'khabar.detect',
  ToggleHighlights = 'khabar.toggleHighlights',
  TagClaim = 'khabar.tagClaim',
  TagQuote = 'khabar.tagQuote',
  SetVerdict = 'khabar.setVerdict',
  SetClaimant = 'khabar.setClaimant',
  SetClaimType = 'khabar.setClaimType',
  AddEvidence = 'khabar.addEvidence',
  AddNote = 'khabar.addNote',
  RemoveAnnotation = 'khabar.removeAnnotation',
  AcceptDetection = 'khabar.acceptDetection',
  RejectDetection = 'khabar.rejectDetection',
  RetypeDetection = 'khabar.retypeDetection',
  NextAnnotation = 'khabar.nextAnnotation',
  PreviousAnnotation = 'khabar.previousAnnotation',
  NextClaim = 'khabar.nextClaim',
  PreviousClaim = 'khabar.previousClaim',
  NextSuggestion = 'khabar.nextSuggestion',
  NextUnverifiedClaim = 'khabar.nextUnverifiedClaim',
  Undo = 'khabar.undo',
  Redo = 'khabar.redo',
  ShowAnnotations = 'khabar.showAnnotations',
  AddToEntityList = 'khabar.addToEntityList',
  Reveal = 'khabar.revealAnnotation',
  FilterAnnotations = 'khabar.filterAnnotations',
  ClearAnnotationFilter = 'khabar.clearAnnotationFilter',
  ToggleWorkspaceMode = 'khabar.toggleWorkspaceMode',
  ShowArticleAnnotations = 'khabar.showArticleAnnotations',
  ShowWorkspaceAnnotations = 'khabar.showWorkspaceAnnotations',
  RefreshAnnotations = 'khabar.refreshAnnotations',
  OpenSample = 'khabar.openSample',
  OpenWalkthrough = 'khabar.openWalkthrough',
  Export = 'khabar.export',
  ReattachOrphan = 'khabar.reattachOrphan',
  DeleteOrphan = 'khabar.deleteOrphan',
  OpenReader = 'khabar.openReader',
}

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
      failureLog?.(`${id}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Khabar: {0}', e instanceof Error ? e.message : String(e)));
      return undefined;
    }
  });
}
