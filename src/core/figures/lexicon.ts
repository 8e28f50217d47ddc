// The closed word lists the figures scanner looks tokens up in (DECLARED, below: the source of
// truth), and the lookup of their ~10,000 spellings (every clitic / hamza / ta-marbuta form). The
// spellings are expanded from the lists when the code is built, not when it runs: lexiconExpand.ts
// holds the rule, scripts/figures/genLexicon.ts writes its result to lexiconData.generated.ts, and
// a unit test checks that file against the lists. At run time the first scan only indexes those
// records (ensureLexicon), and a word's reading list is made when the word is first looked up:
// the extension activates for every plain-text and Markdown file, and a file that is not an
// article should not pay for any of it.

import { ALPHABET, DECLARED_COUNT, FORM_COUNT, PREFIXES, RECORDS } from './lexiconData.generated';

export type Entry =
  | { t: 'num'; v: number; unit?: boolean; ten?: boolean; hundred?: boolean; teenTen?: boolean; onlyTeen?: boolean }
  | { t: 'scale'; v: number; count: number; plural?: boolean }
  | { t: 'frac'; v: number }
  | { t: 'cur'; iso: string | undefined; name: string; factor: number }
  | { t: 'curq'; word: string }
  /** byteOf: a prefix word (جيجا) that is a unit only before بايت, with the unit it then makes. */
  | { t: 'unit'; unit: string; dual?: boolean; byteOf?: string }
  | { t: 'unitq'; word: string }
  | { t: 'tunit'; des: string; time: boolean; mult: number; dual?: boolean }
  | { t: 'month'; m: number; series: 'g' | 'l' }
  | { t: 'monthHead'; word: 'kanun' | 'tishrin' }
  | { t: 'hmonth'; m: number }
  | { t: 'hmonthHead'; word: 'rabi' | 'jumada' | 'dhu' }
  | { t: 'weekday'; d: number }
  | { t: 'rel'; rel: string; days: number }
  | { t: 'relHead'; period: 'year' | 'month' | 'week' | 'day' }
  | { t: 'demonstrative' }
  | { t: 'qual'; q: 'last' | 'next' | 'this' }
  | { t: 'ord'; v: number; fem: boolean; definite: boolean }
  | { t: 'yearNoun' }
  | { t: 'hourNoun' }
  | { t: 'meridiem'; add: number }
  | { t: 'pctWord' }
  | { t: 'fi' }
  | { t: 'min' }
  | { t: 'ila' }
  | { t: 'wa' }
  | { t: 'muwafiq' }
  | { t: 'yawm' }
  | { t: 'markerH' }
  | { t: 'markerG' }
  | { t: 'markerSolar' }
  /** A noun followed by the number that names its referent: رقم 6, القرار 2216. */
  | { t: 'ident'; raqm: boolean }
  /** An event or plan named with its year: كأس العالم 2022, رؤية 2030. */
  | { t: 'event' }
  /** A creative work named by a quoted number: فيلم "71". */
  | { t: 'work' }
  /** Function words that cannot be a counted noun after a number (لكن, أمام, خلال …). */
  | { t: 'fn' }
  /** A word of a match report (مباراة, فاز, هدف …): two small numbers joined by - or / near it are a score. */
  | { t: 'sport' }
  /** Words only compared by spelling (the second word of ذو القعدة, ربيع الآخر). */
  | { t: 'misc' };

/** Which clitics a word may carry: conjunction (و ف), preposition (ب ل ك), article (ال). */
export interface Clitics {
  conj?: boolean;
  prep?: boolean;
  article?: boolean;
}

/** A reading of a surface form: the entry and the clitics written in front of its stem. */
export interface Reading {
  e: Entry;
  pre: string;
  /** The entry with its prefix, built once so lookups in the hot path allocate nothing. */
  m: Entry & { pre: string };
}

/** The lists as declared below, in order: the source of truth that lexiconExpand.ts expands. */
export const DECLARED: Array<[string | string[], Entry, Clitics | undefined]> = [];

function add(words: string | string[], entry: Entry, clitics?: Clitics): void {
  DECLARED.push([words, entry, clitics]);
}

// Number words: masculine and feminine, nominative and oblique.
const UNITS: Array<[string[], number]> = [
  [['واحد', 'واحدة', 'واحدا'], 1],
  [['اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'إثنين', 'إثنان'], 2],
  [['ثلاث', 'ثلاثة'], 3],
  [['أربع', 'أربعة'], 4],
  [['خمس', 'خمسة'], 5],
  [['ست', 'ستة'], 6],
  [['سبع', 'سبعة'], 7],
  [['ثمان', 'ثماني', 'ثمانية'], 8],
  [['تسع', 'تسعة'], 9],
];
for (const [ws, v] of UNITS) {
  // "ست" takes only و: لست is "I am not", بست a loan word.
  for (const w of ws) add(w, { t: 'num', v, unit: true }, w === 'ست' ? { conj: true, prep: false, article: true } : undefined);
}
add(['عشر', 'عشرة'], { t: 'num', v: 10, teenTen: true });
add(['أحد', 'إحدى', 'احدى', 'حادي', 'اثنا', 'اثني', 'اثنتا', 'اثنتي'], { t: 'num', v: 0, onlyTeen: true }, { conj: true, prep: true, article: false });
const TENS: Array<[string, number]> = [
  ['عشرون', 20], ['عشرين', 20], ['ثلاثون', 30], ['ثلاثين', 30], ['أربعون', 40], ['أربعين', 40],
  ['خمسون', 50], ['خمسين', 50], ['ستون', 60], ['ستين', 60], ['سبعون', 70], ['سبعين', 70],
  ['ثمانون', 80], ['ثمانين', 80], ['تسعون', 90], ['تسعين', 90],
];
for (const [w, v] of TENS) add(w, { t: 'num', v, ten: true });
add(['مائة', 'مئة', 'مائه'], { t: 'num', v: 100, hundred: true });
add(['مائتان', 'مائتين', 'مئتان', 'مئتين', 'مائتا', 'مائتي', 'مئتا', 'مئتي'], { t: 'num', v: 200 });
const HUNDREDS = ['ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع'];
HUNDREDS.forEach((u, i) => {
  add([u + 'مائة', u + 'مئة'], { t: 'num', v: (i + 3) * 100 });
});
add('ثمانمائة', { t: 'num', v: 800 });
add('ثمانمئة', { t: 'num', v: 800 });

// Scale words: singular, accusative singular, plural, dual (which carries its own count).
const SCALES: Array<[number, string[], string[], string[]]> = [
  [1e3, ['ألف', 'ألفا', 'الف', 'الفا'], ['آلاف', 'الاف', 'ألوف'], ['ألفان', 'ألفين', 'ألفا', 'ألفي']],
  [1e6, ['مليون', 'مليونا'], ['ملايين'], ['مليونان', 'مليونين', 'مليوني', 'مليونا']],
  [1e9, ['مليار', 'مليارا', 'بليون', 'بليونا'], ['مليارات', 'بلايين'], ['ملياران', 'مليارين', 'ملياري', 'بليوني']],
  [1e12, ['تريليون', 'تريليونا', 'ترليون'], ['تريليونات'], ['تريليوني', 'تريليونين']],
];
for (const [v, singular, plural, dual] of SCALES) {
  // "ألفا" is both the accusative singular and the construct dual; it is read as a singular.
  add(dual.filter((d) => !singular.includes(d)), { t: 'scale', v, count: 2 }, { conj: true, prep: true, article: false });
  add(plural, { t: 'scale', v, count: 1, plural: true }, { conj: true, prep: true, article: false });
  add(singular, { t: 'scale', v, count: 1 }, { conj: true, prep: true, article: false });
}
add(['نصف'], { t: 'frac', v: 0.5 });
add(['ربع'], { t: 'frac', v: 0.25 });
add(['ثلث'], { t: 'frac', v: 1 / 3 });

// Currencies. A country adjective after the name may change the code (دينار كويتي).
const NOCLITIC: Clitics = { conj: false, prep: false, article: false };
const CUR_WORDS: Array<[string[], string | undefined, string]> = [
  [['ريال', 'ريالا', 'ريالات', 'ريالاً'], 'SAR', 'ريال'],
  [['دولار', 'دولارا', 'دولارات', 'دولاراً'], 'USD', 'دولار'],
  [['يورو'], 'EUR', 'يورو'],
  [['جنيه', 'جنيها', 'جنيهات'], 'EGP', 'جنيه'],
  [['استرليني', 'إسترليني'], 'GBP', 'جنيه إسترليني'],
  [['دينار', 'دينارا', 'دنانير'], undefined, 'دينار'],
  [['درهم', 'درهما', 'دراهم'], 'AED', 'درهم'],
  [['ليرة', 'ليرات'], undefined, 'ليرة'],
  [['ين'], 'JPY', 'ين'],
  [['يوان'], 'CNY', 'يوان'],
  [['روبية', 'روبيات'], 'INR', 'روبية'],
  [['فرنك', 'فرنكا', 'فرنكات'], 'CHF', 'فرنك'],
  [['تومان'], 'IRR', 'تومان'],
  [['روبل', 'روبلا', 'روبلات'], 'RUB', 'روبل'],
];
for (const [ws, iso, name] of CUR_WORDS) add(ws, { t: 'cur', iso, name, factor: 1 }, NOCLITIC);
add(['سنت', 'سنتا', 'سنتات'], { t: 'cur', iso: 'USD', name: 'سنت', factor: 0.01 }, NOCLITIC);
add(['هللة', 'هللات', 'هلله'], { t: 'cur', iso: 'SAR', name: 'هللة', factor: 0.01 }, NOCLITIC);
add(['قرش', 'قرشا', 'قروش'], { t: 'cur', iso: 'EGP', name: 'قرش', factor: 0.01 }, NOCLITIC);
for (const w of ['سعودي', 'أمريكي', 'أميركي', 'كويتي', 'أردني', 'بحريني', 'عراقي', 'ليبي', 'تونسي', 'جزائري',
  'إماراتي', 'مغربي', 'قطري', 'عماني', 'يمني', 'إيراني', 'مصري', 'سوداني', 'سوري', 'سورية', 'لبناني', 'لبنانية',
  'تركي', 'تركية', 'كندي', 'أسترالي', 'استرالي', 'إسترليني', 'استرليني', 'سويسري', 'صيني', 'هندي', 'روسي', 'ياباني']) {
  add(w, { t: 'curq', word: w.replace(/[أإ]/g, 'ا') }, NOCLITIC);
  // The accusative after a number: "35 جنيها مصريا", "236 ريالا يمنيا".
  if (w.endsWith('ي')) add(w + 'ا', { t: 'curq', word: w.replace(/[أإ]/g, 'ا') }, NOCLITIC);
}
// Measurement units (QUANTITY). The unit reported is the singular as written here.
const UNIT_WORDS: Array<[string[], string]> = [
  [['طن', 'طنا', 'أطنان', 'طناً'], 'طن'],
  [['برميل', 'براميل'], 'برميل'],
  [['كيلوغرام', 'كيلوغراما', 'كيلوجرام', 'كيلوجراما', 'كغ', 'كجم', 'كيلو', 'كيلوغرامات', 'كيلوجرامات'], 'كيلوغرام'],
  [['غرام', 'غراما', 'جرام', 'جراما', 'غرامات', 'جرامات'], 'غرام'],
  [['لتر', 'لترا', 'لترات'], 'لتر'],
  [['متر', 'مترا', 'أمتار', 'م2', 'م3'], 'متر'],
  [['سنتيمتر', 'سنتيمترا', 'سم', 'سنتيمترات'], 'سنتيمتر'],
  [['مليمتر', 'مليمترا', 'ملم', 'مم'], 'مليمتر'],
  [['كيلومتر', 'كيلومترا', 'كيلومترات', 'كم', 'كلم'], 'كيلومتر'],
  [['ميل', 'ميلا', 'أميال'], 'ميل'],
  [['قدم', 'أقدام'], 'قدم'],
  [['بوصة', 'بوصات', 'إنش', 'انش', 'إنشات', 'انشات'], 'بوصة'],
  [['هكتار', 'هكتارا', 'هكتارات'], 'هكتار'],
  [['فدان', 'فدانا', 'أفدنة'], 'فدان'],
  [['دونم', 'دونما', 'دونمات'], 'دونم'],
  [['ميغاواط', 'ميجاوات', 'ميجاواط', 'ميغاوات', 'ميغاوط'], 'ميغاواط'],
  [['كيلوواط', 'كيلووات'], 'كيلوواط'],
  [['غيغاواط', 'جيجاوات', 'جيجاواط'], 'غيغاواط'],
  [['واط', 'وات'], 'واط'],
  [['درجة', 'درجات'], 'درجة'],
  [['نقطة', 'نقاط'], 'نقطة'],
  [['عقدة'], 'عقدة'],
  [['قدم مكعب'], 'قدم مكعب'],
  // Data sizes keep their prefix: "4 جيجابايت" is four gigabytes, not four bytes.
  [['بايت'], 'بايت'],
  [['كيلوبايت'], 'كيلوبايت'],
  [['ميغابايت', 'ميجابايت'], 'ميغابايت'],
  [['غيغابايت', 'جيجابايت'], 'غيغابايت'],
  [['تيرابايت'], 'تيرابايت'],
];
// Each with its accusative after a number when not listed (45 برميلا): the singular + ا after a consonant.
for (const [ws, u] of UNIT_WORDS) add(/[^ةاويى ]$/.test(u) && !u.includes(' ') && !ws.includes(u + 'ا') ? [...ws, u + 'ا'] : ws, { t: 'unit', unit: u }, NOCLITIC);
// The prefix written as its own word ("4 جيجا بايت"); alone ("4 جيجا") it is left unread.
for (const [ws, unit] of [[['ميغا', 'ميجا'], 'ميغابايت'], [['غيغا', 'جيجا'], 'غيغابايت'], [['تيرا'], 'تيرابايت']] as Array<[string[], string]>) {
  add(ws, { t: 'unit', unit, byteOf: unit }, NOCLITIC);
}
const UNIT_QUALIFIERS: Array<[string[], string]> = [
  [['مربع', 'مربعا', 'مربعة'], 'مربع'],
  [['مكعب', 'مكعبا', 'مكعبة'], 'مكعب'],
  [['مئوية'], 'مئوية'],
  [['فهرنهايت'], 'فهرنهايت'],
  [['يوميا', 'يومياً'], 'يوميا'],
  [['أساس'], 'أساس'],
];
for (const [ws, word] of UNIT_QUALIFIERS) add(ws, { t: 'unitq', word }, NOCLITIC);

// Time units (DURATION); duals carry their own count of two.
const TUNITS: Array<[string[], string, boolean, number, string[]]> = [
  [['ثانية', 'ثوان', 'ثواني', 'ثوانٍ'], 'S', true, 1, ['ثانيتين', 'ثانيتان']],
  [['دقيقة', 'دقائق'], 'M', true, 1, ['دقيقتين', 'دقيقتان']],
  [['ساعة', 'ساعات'], 'H', true, 1, ['ساعتين', 'ساعتان']],
  [['يوم', 'يوما', 'أيام', 'يوماً'], 'D', false, 1, ['يومين', 'يومان']],
  [['أسبوع', 'أسبوعا', 'أسابيع'], 'W', false, 1, ['أسبوعين', 'أسبوعان']],
  [['شهر', 'شهرا', 'أشهر', 'شهور', 'شهراً'], 'M', false, 1, ['شهرين', 'شهران']],
  [['سنة', 'سنوات', 'سنين', 'عام', 'عاما', 'أعوام', 'عاماً'], 'Y', false, 1, ['سنتين', 'سنتان', 'عامين', 'عامان']],
  [['عقد', 'عقود'], 'Y', false, 10, ['عقدين']],
  [['قرن', 'قرون'], 'Y', false, 100, ['قرنين']],
];
for (const [ws, des, time, mult, duals] of TUNITS) {
  // With the article they start a reversed duration: "الأشهر الستة الماضية", "الساعات الـ48".
  add(ws, { t: 'tunit', des, time, mult }, { conj: true, prep: true, article: true });
  add(duals, { t: 'tunit', des, time, mult, dual: true }, { conj: true, prep: true, article: true });
}

// Months: Egyptian/Gulf series, Levantine series (two-word ones via a head word), Hijri.
const GMONTHS: string[][] = [
  ['يناير', 'كانون'],
  ['فبراير', 'فبرایر'],
  ['مارس'],
  ['أبريل', 'إبريل', 'ابريل', 'أفريل'],
  ['مايو', 'ماي', 'مايس'],
  ['يونيو', 'يونيه', 'جوان'],
  ['يوليو', 'يوليه', 'جويلية'],
  ['أغسطس', 'اغسطس', 'أغشت'],
  ['سبتمبر', 'شتنبر'],
  ['أكتوبر', 'اكتوبر'],
  ['نوفمبر', 'نونبر'],
  ['ديسمبر', 'دجنبر'],
];
GMONTHS.forEach((ws, i) => {
  add(ws.filter((w) => w !== 'كانون'), { t: 'month', m: i + 1, series: 'g' }, { conj: true, prep: true, article: false });
});
const LMONTHS: Array<[string, number]> = [
  ['شباط', 2], ['آذار', 3], ['نيسان', 4], ['أيار', 5], ['حزيران', 6], ['تموز', 7], ['آب', 8], ['أيلول', 9],
];
for (const [w, m] of LMONTHS) add(w, { t: 'month', m, series: 'l' }, { conj: true, prep: true, article: false });
add('كانون', { t: 'monthHead', word: 'kanun' }, { conj: true, prep: true, article: false });
add('تشرين', { t: 'monthHead', word: 'tishrin' }, { conj: true, prep: true, article: false });
const HMONTHS: Array<[string[], number]> = [
  [['محرم'], 1], [['صفر'], 2], [['رجب'], 7], [['شعبان'], 8], [['رمضان'], 9], [['شوال'], 10],
];
for (const [ws, m] of HMONTHS) add(ws, { t: 'hmonth', m }, { conj: true, prep: true, article: false });
add('ربيع', { t: 'hmonthHead', word: 'rabi' }, { conj: true, prep: true, article: false });
add(['جمادى', 'جمادي'], { t: 'hmonthHead', word: 'jumada' }, { conj: true, prep: true, article: false });
add(['القعدة', 'الحجة', 'الآخر', 'الآخرة', 'الألف', 'المليون', 'المليار'], { t: 'misc' }, NOCLITIC);
add(['ذو', 'ذي'], { t: 'hmonthHead', word: 'dhu' }, { conj: true, prep: true, article: false });

const WEEKDAYS: Array<[string[], number]> = [
  [['الأحد'], 0], [['الاثنين', 'الإثنين'], 1], [['الثلاثاء'], 2], [['الأربعاء'], 3], [['الخميس'], 4], [['الجمعة'], 5], [['السبت'], 6],
];
for (const [ws, d] of WEEKDAYS) add(ws, { t: 'weekday', d });

add(['أمس', 'الأمس'], { t: 'rel', rel: 'yesterday', days: -1 });
add(['غدا', 'غداً', 'غدًا'], { t: 'rel', rel: 'tomorrow', days: 1 }, { conj: true, prep: false, article: false });
add(['غد'], { t: 'rel', rel: 'tomorrow', days: 1 }, NOCLITIC); // only after يوم / بعد (relativeDates.ts)
add(['هذا', 'هذه'], { t: 'demonstrative' }, { conj: true, prep: true, article: false }); // لهذا العام too
add(['العام', 'السنة'], { t: 'relHead', period: 'year' });
add(['الشهر'], { t: 'relHead', period: 'month' });
add(['الأسبوع'], { t: 'relHead', period: 'week' });
add(['الماضي', 'الماضية', 'الماضيين', 'المنصرم', 'المنصرمة', 'الفائت', 'الفائتة', 'السابق', 'السابقة'], { t: 'qual', q: 'last' });
add(['المقبل', 'المقبلة', 'المقبلين', 'القادم', 'القادمة', 'القادمين'], { t: 'qual', q: 'next' });
add(['الجاري', 'الجارية', 'الحالي', 'الحالية'], { t: 'qual', q: 'this' });

const ORDS: Array<[number, string, string, string, string]> = [
  [1, 'أول', 'أولى', 'الأول', 'الأولى'],
  [2, 'ثاني', 'ثانية', 'الثاني', 'الثانية'],
  [3, 'ثالث', 'ثالثة', 'الثالث', 'الثالثة'],
  [4, 'رابع', 'رابعة', 'الرابع', 'الرابعة'],
  [5, 'خامس', 'خامسة', 'الخامس', 'الخامسة'],
  [6, 'سادس', 'سادسة', 'السادس', 'السادسة'],
  [7, 'سابع', 'سابعة', 'السابع', 'السابعة'],
  [8, 'ثامن', 'ثامنة', 'الثامن', 'الثامنة'],
  [9, 'تاسع', 'تاسعة', 'التاسع', 'التاسعة'],
  [10, 'عاشر', 'عاشرة', 'العاشر', 'العاشرة'],
];
for (const [v, m, f, dm, df] of ORDS) {
  // "ثانية" alone is the unit "second", so bare feminine ordinals are left out.
  add(m, { t: 'ord', v, fem: false, definite: false }, { conj: true, prep: true, article: false });
  if (v === 1) add(f, { t: 'ord', v, fem: true, definite: false }, { conj: true, prep: true, article: false });
  add(dm, { t: 'ord', v, fem: false, definite: true });
  add(df, { t: 'ord', v, fem: true, definite: true });
}
add(['الحادي', 'الحادية'], { t: 'ord', v: 1, fem: false, definite: true });

add(['عام', 'العام', 'عامي', 'سنة', 'السنة', 'موسم', 'مواليد', 'منذ', 'حتى', 'بحلول', 'مطلع', 'نهاية', 'أواخر', 'أوائل', 'منتصف', 'خلال', 'ميزانية',
  'ربيع', 'صيف', 'خريف', 'شتاء'],
  { t: 'yearNoun' }, { conj: true, prep: true, article: false });
add(['الساعة'], { t: 'hourNoun' }, { conj: true, prep: true, article: false });
const MERIDIEM: Array<[string[], number]> = [
  [['صباحا', 'صباحاً', 'صباحًا', 'فجرا', 'فجراً', 'ص'], 0],
  [['مساء', 'مساءً', 'مساءا', 'عصرا', 'عصراً', 'ليلا', 'ليلاً', 'م'], 12],
  [['ظهرا', 'ظهراً'], -1],
];
for (const [ws, a] of MERIDIEM) add(ws, { t: 'meridiem', add: a }, NOCLITIC);
add(['المئة', 'المائة', 'المئه', 'المائه', 'المية'], { t: 'pctWord' }, { conj: false, prep: true, article: false });
add(['في', 'فى'], { t: 'fi' }, NOCLITIC);
add(['من'], { t: 'min' }, { conj: true, prep: false, article: false });
add(['على', 'عن', 'قبل', 'بعد'], { t: 'misc' }, { conj: true, prep: false, article: false });
add(['إلى', 'الى', 'حتى'], { t: 'ila' }, NOCLITIC);
add(['و'], { t: 'wa' }, NOCLITIC);
add(['الموافق', 'الموافقة'], { t: 'muwafiq' }, { conj: true, prep: false, article: false });
add(['يوم'], { t: 'yawm' }, { conj: true, prep: true, article: false });
add(['هـ', 'هــ', 'هـــ', 'ه', 'هجري', 'هجرية', 'للهجرة'], { t: 'markerH' }, NOCLITIC);
add(['م', 'ميلادي', 'ميلادية', 'للميلاد'], { t: 'markerG' }, NOCLITIC);
add(['شمسي', 'شمسية', 'ش'], { t: 'markerSolar' }, NOCLITIC);
add('رقم', { t: 'ident', raqm: true });
add(['قرار', 'مادة', 'بند', 'فقرة', 'آية', 'مرسوم', 'صفحة', 'تحويلة', 'لائحة'], { t: 'ident', raqm: false });
// "سورة النساء 93" (its verse, across the sura's name), "السكري من النوع 2" (a type, not a count).
add(['سورة', 'نوع'], { t: 'ident', raqm: false });
add('رمز', { t: 'ident', raqm: false });
// Systems and devices named with a version or a model number: أندرويد 5.0, ويندوز 10, آيفون 6.
// "آي فون 5", "ويندوز فون 8": فون is the phone of a product name.
add(['أندرويد', 'اندرويد', 'ويندوز', 'آيفون', 'ايفون', 'أيفون', 'آيباد', 'ايباد', 'أيباد', 'جالاكسي', 'غالاكسي', 'جالكسي', 'فون'], { t: 'ident', raqm: false });
add(['فيلم', 'كتاب', 'رواية', 'أغنية', 'مسلسل', 'ألبوم', 'مسرحية', 'قصيدة'], { t: 'work' });
add(['لكن', 'ولكن', 'بل', 'حيث', 'كما', 'ثم', 'أمام', 'خلال', 'مع', 'ضد', 'وفق', 'لدى', 'عند', 'بينما', 'فيما', 'وقد', 'قد'],
  { t: 'fn' }, NOCLITIC);
add(['كأس', 'بطولة', 'مونديال', 'أولمبياد', 'أولمبيا', 'أولمبيات', 'دورة', 'نسخة', 'رؤية', 'خطة', 'استراتيجية', 'إستراتيجية',
  'إكسبو', 'اكسبو', 'تصفيات', 'انتخابات', 'قمة', 'منتدى', 'معرض', 'مهرجان', 'موازنة', 'مسابقة', 'ملتقى', 'مؤتمر', 'ندوة', 'ماراثون', 'جائزة', 'احتفالية', 'دوري',
  'أحداث', 'حرب', 'ثورة', 'انتفاضة', 'أزمة', 'نكسة', 'نكبة', 'زلزال', 'هجمات' /* أحداث 2011، حرب 1967 */], { t: 'event' });

add(['مباراة', 'مباراته', 'مبارياته', 'نتيجة', 'فاز', 'يفوز', 'فوز', 'تغلب', 'هزم', 'خسر', 'خسارة', 'تعادل', 'هدف', 'هدفين', 'هدفا', 'أهداف',
  'الشوط', 'الدوري', 'المنتخب', 'فريق', 'الفريق', 'لقاء', 'ملعب'], { t: 'sport' });

/**
 * A one-hash Bloom filter over the lexicon's surface forms: the scanner hashes each word while
 * reading it and only slices a string for a Map lookup when the filter says it may be known
 * (most words in news are not figure words; this keeps the pass allocation-free for them).
 */
export const BLOOM_BITS = 22;
export const BLOOM = new Uint32Array(1 << (BLOOM_BITS - 5));

export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}
export const HASH_SEED = 0x811c9dc5 | 0;

/** The same filter over only the words a figure can start with (not في, من, عام …), for the main loop. */
export const TRIGGER_BLOOM = new Uint32Array(1 << (BLOOM_BITS - 5));

const TRIGGER_TYPES = new Set<Entry['t']>(['weekday', 'rel', 'relHead', 'demonstrative', 'month', 'monthHead', 'hmonth',
  'hmonthHead', 'num', 'scale', 'frac', 'ord', 'hourNoun']);

/** Whether a reading may start a figure: 1 always, 2 only with the article before it (a reversed duration), 0 never. */
function triggerKind(e: Entry): number {
  if (TRIGGER_TYPES.has(e.t)) return 1;
  return e.t === 'tunit' ? (e.dual ? 1 : 2) : 0;
}

/** The last letters of every spelling with an identifier reading (رقم, قرار, مادة …): words ending otherwise are not looked up. */
export const IDENT_FINALS = new Set<number>();

/** The letters that stand for the spellings' characters in the generated records (ALPHABET says which). */
export const FORM_CODE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Digits of the generated records (lexiconData.generated.ts): an entry index in two, a prefix index in one. */
export const RECORD_CODE = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

// The spellings as the generated records give them, kept compact: RECORDS itself holds every
// form's characters and reading codes; an open-addressing table over the forms' hashes (the hash
// the scanner computes anyway) points at them. Reading lists are made on a form's first lookup and
// shared by every word spelled so (nothing changes them): a few hundred per article instead of
// ten thousand lists and twenty thousand objects made, kept and promoted by the collector up front.
/** Bits of the lookup table: at least 15, and room for twice the spellings (probes stay short, a miss always ends). */
let tableBits = 15;
let table = new Int32Array(0);
let formStart = new Int32Array(0);
let formLength = new Uint8Array(0);
let readingsEnd = new Int32Array(0);
let formDecode = new Uint16Array(0);
let forms = 0;
let lists: Array<Reading[] | undefined> = [];
/** One Reading per (entry, prefix) pair, made when first needed. */
const readingOf = new Map<number, Reading>();

let expanded = false;

/**
 * Fills the lookup table, BLOOM, TRIGGER_BLOOM and IDENT_FINALS from the generated records, once.
 * Every reader of them calls this first (a figure scan does, when its context is made); later
 * calls return at once.
 */
export function ensureLexicon(): void {
  if (expanded) return;
  if (DECLARED_COUNT !== DECLARED.length) throw new Error('figures: lexiconData.generated.ts is stale; run scripts/figures/genLexicon.ts');
  const r = RECORDS;
  // Which readings trigger a figure or name an identifier: decided once per entry and per prefix.
  const codeValue = new Int8Array(128).fill(-1);
  for (let k = 0; k < RECORD_CODE.length; k++) codeValue[RECORD_CODE.charCodeAt(k)] = k;
  const kind = DECLARED.map(([, e]) => triggerKind(e));
  const isIdent = DECLARED.map(([, e]) => e.t === 'ident');
  const definite = PREFIXES.map((pre) => /(?:ال|لل)$/.test(pre));
  // The spellings' characters are written as ASCII letters: decoded by one table load each.
  const decode = new Uint16Array(128);
  for (let k = 0; k < ALPHABET.length; k++) decode[FORM_CODE.charCodeAt(k)] = ALPHABET.charCodeAt(k);
  formDecode = decode;
  const count = FORM_COUNT;
  formStart = new Int32Array(count);
  formLength = new Uint8Array(count);
  readingsEnd = new Int32Array(count);
  while (1 << tableBits < 2 * count) tableBits++;
  table = new Int32Array(1 << tableBits);
  const mask = (1 << tableBits) - 1;
  let f = 0;
  let k = 0;
  while (k < r.length) {
    if (r.charCodeAt(k) === 0x0a) {
      k++;
      continue;
    }
    const s = k;
    let h = HASH_SEED;
    // hashStep, written out: this loop runs over every character of every spelling, cold.
    for (let c = r.charCodeAt(k); c !== 0x3d; c = r.charCodeAt(++k)) {
      if (k >= r.length || f >= count) throw new Error(DAMAGED);
      h = Math.imul(h ^ decode[c]!, 16777619);
    }
    formStart[f] = s;
    formLength[f] = k - s;
    let trigger = false;
    let ident = false;
    for (k++; r.charCodeAt(k) !== 0x3b; k += 3) {
      if (k + 2 >= r.length) throw new Error(DAMAGED);
      const entry = codeValue[r.charCodeAt(k)]! * RECORD_CODE.length + codeValue[r.charCodeAt(k + 1)]!;
      const kd = kind[entry]!;
      if (kd === 1 || (kd === 2 && definite[codeValue[r.charCodeAt(k + 2)]!]!)) trigger = true;
      if (isIdent[entry]) ident = true;
    }
    readingsEnd[f] = k;
    k++;
    const bit = h >>> (32 - BLOOM_BITS);
    BLOOM[bit >>> 5] |= 1 << (bit & 31);
    if (trigger) TRIGGER_BLOOM[bit >>> 5] |= 1 << (bit & 31);
    if (ident) IDENT_FINALS.add(decode[r.charCodeAt(s + formLength[f]! - 1)]!);
    let slot = h >>> (32 - tableBits);
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = f + 1;
    f++;
  }
  if (f !== count) throw new Error(DAMAGED);
  forms = f;
  lists = new Array<Reading[] | undefined>(f);
  // Only now: a failed fill throws again on the next scan instead of leaving empty tables behind.
  expanded = true;
}

const DAMAGED = 'figures: lexiconData.generated.ts is damaged; run scripts/figures/genLexicon.ts';

/** Number of spellings known (0 before ensureLexicon()). */
export function lexiconSize(): number {
  return forms;
}

/**
 * The readings of a spelling, shortest prefix first (a bare word beats a clitic reading), or
 * undefined; h is its hash (hashStep from HASH_SEED over its characters), which the caller has.
 */
export function lookupForm(key: string, h: number): readonly Reading[] | undefined {
  const mask = (1 << tableBits) - 1;
  const r = RECORDS;
  for (let slot = h >>> (32 - tableBits); table[slot] !== 0; slot = (slot + 1) & mask) {
    const f = table[slot]! - 1;
    const len = formLength[f]!;
    if (len !== key.length) continue;
    const s = formStart[f]!;
    let k = 0;
    while (k < len && formDecode[r.charCodeAt(s + k)] === key.charCodeAt(k)) k++;
    if (k === len) return lists[f] ?? (lists[f] = readingsOfForm(f));
  }
  return undefined;
}

function readingsOfForm(f: number): Reading[] {
  const r = RECORDS;
  const out: Reading[] = [];
  const n = RECORD_CODE.length;
  for (let k = formStart[f]! + formLength[f]! + 1; k < readingsEnd[f]!; k += 3) {
    const entry = RECORD_CODE.indexOf(r[k]!) * n + RECORD_CODE.indexOf(r[k + 1]!);
    const pre = RECORD_CODE.indexOf(r[k + 2]!);
    const id = entry * n + pre;
    let reading = readingOf.get(id);
    if (!reading) {
      const e = DECLARED[entry]![1];
      const p = PREFIXES[pre]!;
      reading = { e, pre: p, m: { ...e, pre: p } };
      readingOf.set(id, reading);
    }
    out.push(reading);
  }
  return out;
}
