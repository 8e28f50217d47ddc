// MONEY: a number (with its scale words) followed by a currency name, symbol, abbreviation or code,
// or preceded by a symbol. currency = ISO 4217 (undefined when the name alone does not tell, as for
// دينار / ليرة without a country: value.unit holds the name then). Sub-units are converted:
// 55 سنتا → 0.55 USD.

import type { FigureValue } from '../types';
import { bounded } from './bounds';
import { isLatin, isLetter, roundValue } from './chars';
import { get, type ScanContext, type TailContext } from './scanContext';

const LATIN_CODES: Record<string, string> = {
  USD: 'USD', SAR: 'SAR', EUR: 'EUR', GBP: 'GBP', AED: 'AED', KWD: 'KWD', QAR: 'QAR', EGP: 'EGP',
  IQD: 'IQD', SYP: 'SYP', JOD: 'JOD', BHD: 'BHD', OMR: 'OMR', LBP: 'LBP', TRY: 'TRY', YER: 'YER',
};
const ABBREV: Array<[string, string]> = [
  ['ر.س', 'SAR'], ['ل.س', 'SYP'], ['ل.ل', 'LBP'], ['د.ك', 'KWD'], ['د.إ', 'AED'], ['د.ا', 'AED'],
  ['ج.م', 'EGP'], ['د.أ', 'JOD'], ['د.ع', 'IQD'], ['ر.ق', 'QAR'], ['ر.ع', 'OMR'], ['د.ب', 'BHD'],
];
/** Currency symbols, written before (digits.ts) or after the number. */
export const SYMBOLS: Record<string, string> = { '$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const COUNTRY_CURRENCY: Record<string, Record<string, string>> = {
  'ريال': { سعودي: 'SAR', قطري: 'QAR', عماني: 'OMR', يمني: 'YER', ايراني: 'IRR' },
  'دولار': { امريكي: 'USD', اميركي: 'USD', كندي: 'CAD', استرالي: 'AUD' },
  'جنيه': { مصري: 'EGP', سوداني: 'SDG', استرليني: 'GBP' },
  'دينار': { كويتي: 'KWD', اردني: 'JOD', بحريني: 'BHD', عراقي: 'IQD', ليبي: 'LYD', تونسي: 'TND', جزائري: 'DZD' },
  'درهم': { اماراتي: 'AED', مغربي: 'MAD' },
  'ليرة': { سورية: 'SYP', سوري: 'SYP', لبنانية: 'LBP', لبناني: 'LBP', تركية: 'TRY', تركي: 'TRY' },
  'فرنك': { سويسري: 'CHF' },
  'يوان': { صيني: 'CNY' },
  'روبية': { هندي: 'INR' },
  'روبل': { روسي: 'RUB' },
  'ين': { ياباني: 'JPY' },
};

/** MONEY: symbol after, abbreviation, Latin code, currency word, or a currency symbol before. */
export function moneyTail(sc: ScanContext, c: TailContext): number | undefined {
  const { ph, forced, e, v, scale, q, ch } = c;
  const t = sc.text;
  if (ch && SYMBOLS[ch] && !forced) return sc.emit(ph.s, q + 1, 'MONEY', bounded(sc, ph.s, e, { number: v, currency: SYMBOLS[ch] }), scale);
  for (const [ab, iso] of ABBREV) {
    if (t.startsWith(ab, q) && !isLetter(t.charCodeAt(q + ab.length))) {
      return sc.emit(ph.s, q + ab.length, 'MONEY', bounded(sc, ph.s, e, { number: v, currency: iso }), scale);
    }
  }
  if (ch && isLatin(t.charCodeAt(q)) && !forced) {
    const code = t.slice(q, q + 3).toUpperCase();
    if (LATIN_CODES[code] && !isLatin(t.charCodeAt(q + 3))) {
      return sc.emit(ph.s, q + 3, 'MONEY', bounded(sc, ph.s, e, { number: v, currency: LATIN_CODES[code] }), scale);
    }
  }
  const word = currencyWord(sc, c);
  if (word !== undefined) return word;
  if (forced?.label === 'MONEY') {
    return sc.emit(ph.s, e, 'MONEY', bounded(sc, ph.s, e, { number: v, currency: forced.currency }), scale);
  }
  return undefined;
}

/** A currency name after the number (ريال, دولار أمريكي, سنتا), converted from a sub-unit. */
function currencyWord(sc: ScanContext, c: TailContext): number | undefined {
  const { ph, e, v, scale, w } = c;
  const cur = get(w, 'cur');
  if (!(w && cur && cur.pre === '')) return undefined;
  let iso = cur.iso;
  let end = w.e;
  const w2 = sc.nextWord(end);
  const adj = get(w2, 'curq');
  const table = COUNTRY_CURRENCY[cur.name];
  if (w2 && adj && table && table[adj.word]) {
    iso = table[adj.word];
    end = w2.e;
  }
  const value: FigureValue = { number: roundValue(v * cur.factor) };
  if (iso) value.currency = iso;
  else value.unit = cur.name;
  return sc.emit(ph.s, end, 'MONEY', bounded(sc, ph.s, e, value), scale);
}
