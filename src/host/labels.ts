// Human names of labels, kinds and groups in the display language (Arabic with the English key).
import * as vscode from 'vscode';

export function labelName(label: string): string {
  switch (label) {
    case 'PER':
      return vscode.l10n.t('Person');
    case 'LOC':
      return vscode.l10n.t('Place');
    case 'ORG':
      return vscode.l10n.t('Organisation');
    case 'MISC':
      return vscode.l10n.t('Other name');
    case 'NUMBER':
      return vscode.l10n.t('Number');
    case 'PERCENT':
      return vscode.l10n.t('Percentage');
    case 'MONEY':
      return vscode.l10n.t('Money');
    case 'QUANTITY':
      return vscode.l10n.t('Quantity');
    case 'DATE':
      return vscode.l10n.t('Date');
    case 'TIME':
      return vscode.l10n.t('Time');
    case 'DURATION':
      return vscode.l10n.t('Duration');
    case 'ORDINAL':
      return vscode.l10n.t('Ordinal');
    case 'CLAIM':
      return vscode.l10n.t('Claim');
    case 'QUOTE':
      return vscode.l10n.t('Quote');
    case 'NOTE':
      return vscode.l10n.t('Note');
    default:
      return label;
  }
}
