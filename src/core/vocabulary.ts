// Khabar's vocabulary, declared once: the annotation labels and their kinds, claim types, record
// statuses, figure bounds, verdicts, the cues a claim suggestion can name, each with its Arabic and
// English names, and the actions each kind of mark offers. The sidecar schema, the validator,
// importers, exporters, hovers, the annotations view and code actions all take theirs from here;
// test/unit/vocabulary.test.ts fails when any other table (schema, l10n bundle, brat config…) disagrees.
//
// Two names were spelled two ways before this file: MISC is «أخرى» (not «اسم آخر», which reads as
// "an alias", i.e. another name for the same person) and ORDINAL is «عدد ترتيبي», the grammar's term
// for an ordinal numeral («ترتيب» alone means an ordering or a ranking).

import type { ClaimType, RecordKind, RecordLabel, RecordStatus, VerdictDef } from './annotationRecord';
import type { EntityLabel, FigureLabel } from './types';

export interface Names {
  /** Arabic, as the Arabic interface shows it. */
  ar: string;
  /** English, as the English interface shows it (also the key of its l10n translation). */
  en: string;
}

export const LABELS = {
  PER: { kind: 'entity', ar: 'شخص', en: 'Person' },
  LOC: { kind: 'entity', ar: 'مكان', en: 'Place' },
  ORG: { kind: 'entity', ar: 'مؤسسة', en: 'Organisation' },
  MISC: { kind: 'entity', ar: 'أخرى', en: 'Other' },
  NUMBER: { kind: 'figure', ar: 'عدد', en: 'Number' },
  PERCENT: { kind: 'figure', ar: 'نسبة مئوية', en: 'Percentage' },
  MONEY: { kind: 'figure', ar: 'مبلغ مالي', en: 'Money' },
  QUANTITY: { kind: 'figure', ar: 'كمية', en: 'Quantity' },
  DATE: { kind: 'figure', ar: 'تاريخ', en: 'Date' },
  TIME: { kind: 'figure', ar: 'وقت', en: 'Time' },
  DURATION: { kind: 'figure', ar: 'مدة', en: 'Duration' },
  ORDINAL: { kind: 'figure', ar: 'عدد ترتيبي', en: 'Ordinal' },
  CLAIM: { kind: 'claim', ar: 'ادعاء', en: 'Claim' },
  QUOTE: { kind: 'claim', ar: 'اقتباس', en: 'Quote' },
  NOTE: { kind: 'note', ar: 'ملاحظة', en: 'Note' },
} as const satisfies Record<RecordLabel, Names & { kind: RecordKind }>;

/** Every label, in the order menus, schemas and tag sets list them. */
export const RECORD_LABELS = Object.keys(LABELS) as RecordLabel[];
export const ENTITY_LABELS = RECORD_LABELS.filter((l): l is EntityLabel => LABELS[l].kind === 'entity');
export const FIGURE_LABELS = RECORD_LABELS.filter((l): l is FigureLabel => LABELS[l].kind === 'figure');
/** The labels of the `claim` kind: a claim and a quotation. */
export const CLAIM_LABELS = RECORD_LABELS.filter((l) => LABELS[l].kind === 'claim');
export const RECORD_KINDS = ['entity', 'figure', 'claim', 'note'] as const satisfies readonly RecordKind[];
export const RECORD_STATUSES = ['accepted', 'rejected', 'suggested'] as const satisfies readonly RecordStatus[];
export const BOUNDS = ['about', 'more-than', 'less-than', 'at-least', 'at-most'] as const;

/** Full Fact's claim types. */
export const CLAIM_TYPE_NAMES = {
  quantity: { ar: 'كمية (رقم أو ارتفاع أو انخفاض)', en: 'Quantity (a number, a rise or a fall)' },
  'correlation-causation': { ar: 'سبب ونتيجة', en: 'Cause and effect' },
  'law-rule': { ar: 'قانون أو قاعدة', en: 'Law or rule' },
  prediction: { ar: 'توقع', en: 'Prediction' },
  'personal-experience': { ar: 'تجربة شخصية', en: 'Personal experience' },
  other: { ar: 'أخرى', en: 'Other' },
} as const satisfies Record<ClaimType, Names>;
export const CLAIM_TYPES = Object.keys(CLAIM_TYPE_NAMES) as ClaimType[];

/**
 * Cues that are not words of the article: why a sentence was suggested as a claim when no verb of
 * saying was found (core/claims names them).
 */
export const CLAIM_CUE_NAMES = {
  headline: { ar: 'العنوان', en: 'the headline' },
  figure: { ar: 'رقم في الجملة', en: 'a figure in the sentence' },
  quote: { ar: 'علامات الاقتباس', en: 'quotation marks' },
} as const satisfies Record<string, Names>;

/** Names of marks that are not one label: the title of a claim suggestion, tagged claim or quote. */
export const MARK_NAMES = {
  claimSuggestion: { ar: 'ادعاء مقترح', en: 'Claim suggestion' },
  claimTagged: { ar: 'ادعاء موسوم', en: 'Tagged claim' },
  quoteTagged: { ar: 'اقتباس موسوم', en: 'Tagged quote' },
} as const satisfies Record<string, Names>;

/** Default verdict vocabulary (design/FORMATS.md); users can replace it in settings. */
export const DEFAULT_VERDICTS: readonly VerdictDef[] = [
  { key: 'true', label: 'صحيح', labelEn: 'True', rating: 5 },
  { key: 'mostly-true', label: 'صحيح في معظمه', labelEn: 'Mostly true', rating: 4 },
  { key: 'misleading', label: 'مضلل', labelEn: 'Misleading', rating: 3 },
  { key: 'mostly-false', label: 'خاطئ في معظمه', labelEn: 'Mostly false', rating: 2 },
  { key: 'false', label: 'زائف', labelEn: 'False', rating: 1 },
  { key: 'unverifiable', label: 'لا يمكن التحقق منه', labelEn: 'Unverifiable', rating: 0 },
  { key: 'opinion', label: 'رأي', labelEn: 'Opinion', rating: 0 },
  { key: 'satire', label: 'ساخر', labelEn: 'Satire', rating: 0 },
];

/** The one verdict lookup: the definition of `key` in a vocabulary (the default one when none is given). */
export function findVerdict(key: string | undefined, verdicts: readonly VerdictDef[] = DEFAULT_VERDICTS): VerdictDef | undefined {
  return key === undefined ? undefined : verdicts.find((v) => v.key === key);
}

/** A verdict's display name: its label in the vocabulary, else the key itself (a key the vocabulary lost). */
export function verdictName(key: string | undefined, verdicts: readonly VerdictDef[]): string | undefined {
  if (!key) return undefined;
  return findVerdict(key, verdicts)?.label ?? key;
}

export function isRecordLabel(x: unknown): x is RecordLabel {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(LABELS, x);
}
