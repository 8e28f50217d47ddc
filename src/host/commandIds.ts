// Every command Khabar contributes, by id: the one source of command ids for the extension host and
// the reader's webview (src/webview/markActions.ts bundles this file, so it imports nothing).
// test/unit/vocabulary.test.ts checks this list against package.json's contributes.commands and
// that no id is spelled out elsewhere; test/unit/readerActions.test.ts checks the reader's table.
// Commands are registered through commandRegistry.ts.

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
