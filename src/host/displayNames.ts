// Human names of labels, kinds, groups and entity sources in the display language (Arabic with the English key).
import * as vscode from 'vscode';
import type { DecorationKey } from '../core/editor/marks';
import type { GroupId } from '../core/editor/tree';
import type { ClaimType } from '../core/annotationRecord';
import type { EntityDetection } from '../core/types';
import { CLAIM_CUE_NAMES, CLAIM_TYPE_NAMES, isRecordLabel, LABELS, MARK_NAMES } from '../core/vocabulary';

/** Whether VS Code shows its interface in Arabic (verdicts then need no English gloss). */
export function arabicInterface(): boolean {
  return /^ar\b/.test(vscode.env.language);
}

// The l10n bundle's Arabic for each English name is the vocabulary's Arabic (test/unit/vocabulary.test.ts).
export function labelName(label: string): string {
  return isRecordLabel(label) ? vscode.l10n.t(LABELS[label].en) : label;
}

/** A claim type's name (the key itself for a type this version does not know). */
export function claimTypeName(type: string): string {
  return Object.prototype.hasOwnProperty.call(CLAIM_TYPE_NAMES, type) ? vscode.l10n.t(CLAIM_TYPE_NAMES[type as ClaimType].en) : type;
}

/** Why a sentence was suggested as a claim: the article's own cue word, or a named reason (headline, figure, quote). */
export function cueName(cue: string): string {
  return Object.prototype.hasOwnProperty.call(CLAIM_CUE_NAMES, cue) ? vscode.l10n.t(CLAIM_CUE_NAMES[cue as keyof typeof CLAIM_CUE_NAMES].en) : cue;
}

/** The name of a mark that is more than its label: a claim suggestion, a tagged claim or quote. */
export function markName(kind: keyof typeof MARK_NAMES): string {
  return vscode.l10n.t(MARK_NAMES[kind].en);
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
