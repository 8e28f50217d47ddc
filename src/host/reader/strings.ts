// The reader's user-facing strings, translated by the host (vscode.l10n) and sent to the webview in
// its first message: the webview has no access to VS Code's localisation.
import * as vscode from 'vscode';
import type { DecorationKey } from '../../core/editor/marks';
import type { InitMessage } from '../../core/reader/protocol';
import type { VerdictDef } from '../../core/annotationRecord';
import { claimTypeName, groupName, groupOfKey, labelName } from '../displayNames';
import { CLAIM_TYPES, ENTITY_LABELS } from '../../core/vocabulary';

export function readerStrings(): Record<string, string> {
  return {
    toolbar: vscode.l10n.t('Reader tools'),
    reviewQueue: vscode.l10n.t('Review queue'),
    highlights: vscode.l10n.t('Highlights'),
    orphans: vscode.l10n.t('Orphaned annotations ({0})'),
    help: vscode.l10n.t('Keys: j/k next/previous mark · n/p next/previous suggestion · t tag as claim · a accept · r reject · e edit · Enter show in the editor · q review queue'),
    card: vscode.l10n.t('Claim card'),
    verdict: vscode.l10n.t('Verdict'),
    verdictSearch: vscode.l10n.t('Search verdicts in Arabic or English'),
    claimant: vscode.l10n.t('Claimant'),
    claimantPlaceholder: vscode.l10n.t('Type a name or press ↓ to pick one'),
    claimType: vscode.l10n.t('Claim type'),
    none: vscode.l10n.t('(none)'),
    evidence: vscode.l10n.t('Evidence'),
    link: vscode.l10n.t('Link'),
    linkTitle: vscode.l10n.t('Title'),
    addLink: vscode.l10n.t('Add link'),
    removeLink: vscode.l10n.t('Remove link'),
    review: vscode.l10n.t('Published fact-check'),
    note: vscode.l10n.t('Note'),
    quote: vscode.l10n.t('A quote, not a claim'),
    save: vscode.l10n.t('Save'),
    cancel: vscode.l10n.t('Cancel'),
    cardHint: vscode.l10n.t('Ctrl+Enter saves · Esc closes'),
    queueProgress: vscode.l10n.t('Suggestion {0} of {1}'),
    queueHint: vscode.l10n.t('a accept · r reject · s skip · t tag with the card · Esc stop'),
    queueDone: vscode.l10n.t('No claim suggestions left to review.'),
    saved: vscode.l10n.t('Saved.'),
    selectFirst: vscode.l10n.t('Select the text of the claim first.'),
    badUrl: vscode.l10n.t('Enter a web address starting with https:// or http://'),
    retypeAs: vscode.l10n.t('Change the type to…'),
    empty: vscode.l10n.t('This article has no text yet.'),
    noMatch: vscode.l10n.t('No match'),
  };
}

const LEGEND: DecorationKey[] = ['PER', 'LOC', 'ORG', 'MISC', 'figure', 'claimSuggestion', 'claimTagged', 'note'];

export function initMessage(uri: vscode.Uri, verdicts: readonly VerdictDef[]): InitMessage {
  const lang = vscode.env.language || 'en';
  return {
    type: 'init',
    uri: uri.toString(),
    uiLang: lang,
    uiDir: /^(ar|fa|he|ur)\b/.test(lang) ? 'rtl' : 'ltr',
    strings: readerStrings(),
    verdicts: [...verdicts],
    claimTypes: CLAIM_TYPES.map((key) => ({ key, name: claimTypeName(key) })),
    legend: LEGEND.map((key) => ({ key, name: groupName(groupOfKey(key)) })),
    entityLabels: ENTITY_LABELS.map((key) => ({ key, name: labelName(key) })),
  };
}
