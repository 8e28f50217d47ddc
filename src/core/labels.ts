// Arabic names of annotation labels, shared by hovers, reports and exports so a label reads the
// same everywhere.

import type { RecordLabel } from './model';

export const LABEL_AR: Readonly<Record<RecordLabel, string>> = {
  PER: 'شخص',
  LOC: 'مكان',
  ORG: 'مؤسسة',
  MISC: 'أخرى',
  NUMBER: 'عدد',
  PERCENT: 'نسبة مئوية',
  MONEY: 'مبلغ مالي',
  QUANTITY: 'كمية',
  DATE: 'تاريخ',
  TIME: 'وقت',
  DURATION: 'مدة',
  ORDINAL: 'عدد ترتيبي',
  CLAIM: 'ادعاء',
  QUOTE: 'اقتباس',
  NOTE: 'ملاحظة',
};
