// Human names of labels, kinds, groups and entity sources in the display language (Arabic with the English key).
import * as vscode from 'vscode';
import type { DecorationKey } from '../core/editor/marks';
import type { GroupId } from '../core/editor/tree';
import type { EntityDetection } from '../core/types';

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

/** What found an entity, in words (the CLI's JSON keeps the key). */
export function entitySourceName(source: NonNullable<EntityDetection['source']>): string {
  switch (source) {
    case 'model':
      return vscode.l10n.t('the entity model');
    case 'document':
      return vscode.l10n.t('another mention of the name in this article');
    case 'context':
      return vscode.l10n.t('the words around it (a list of names, or a word such as محافظة before it)');
    case 'gazetteer':
      return vscode.l10n.t("Khabar's list of well-known names");
    case 'user':
      return vscode.l10n.t('your entity list (.khabar/entities.yaml)');
  }
}

/** The name of a group of the annotations view, and of the same kind in the reader's legend. */
export function groupName(id: GroupId): string {
  switch (id) {
    case 'claims':
      return vscode.l10n.t('Tagged claims');
    case 'quotes':
      return vscode.l10n.t('Quotes');
    case 'suggestions':
      return vscode.l10n.t('Claim suggestions');
    case 'figures':
      return vscode.l10n.t('Figures');
    case 'notes':
      return vscode.l10n.t('Notes');
    case 'rejected':
      return vscode.l10n.t('Rejected');
    case 'orphans':
      return vscode.l10n.t('Orphans (text not found)');
    default:
      return labelName(id);
  }
}

/** The group a kind of mark is listed under (annotations view) and named by (reader legend). */
export function groupOfKey(key: DecorationKey): GroupId {
  switch (key) {
    case 'figure':
      return 'figures';
    case 'claimSuggestion':
      return 'suggestions';
    case 'claimTagged':
      return 'claims';
    case 'note':
      return 'notes';
    case 'orphan':
      return 'orphans';
    default:
      return key;
  }
}
