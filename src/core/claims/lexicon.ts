// Word lists the claim detector reads: speech verbs, complementisers, titles, organisation heads,
// documents, and the words that raise or lower check-worthiness. All stored folded (see foldToken).

import { fold } from '../arabic';

/**
 * Fold one token for lookup, as `fold` does for letters (diacritics, tatweel and direction marks
 * dropped; أ إ آ ٱ → ا, ى → ي, ة → ه) but in one pass without regular expressions: the detector folds
 * every token of the article and has to stay well under a millisecond.
 */
export function foldToken(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x64b && c <= 0x652) || c === 0x670 || c === 0x640 || (c >= 0x200b && c <= 0x200f) || c === 0x61c) {
      changed = true;
      continue;
    }
    if (c === 0x623 || c === 0x625 || c === 0x622 || c === 0x671) {
      out += 'ا';
      changed = true;
    } else if (c === 0x649) {
      out += 'ي';
      changed = true;
    } else if (c === 0x629) {
      out += 'ه';
      changed = true;
    } else {
      out += s[i];
    }
  }
  return changed ? out : s;
}

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(fold));
}

/** Past-tense speech verbs; the feminine (-ت) and plural (-وا) forms are generated below. */
const PAST_BASE = `قال أضاف أوضح أكد أشار أفاد ذكر صرح أعلن كشف اتهم تابع أردف لفت نوه شدد اعتبر زعم أقر
  اعترف حذر رجح توقع استبعد أفصح نقل`;
/**
 * Forms that do not follow the -ت/-وا pattern (final alef maqsura or hamza). أبلغ / أخبر are not
 * read: after أبلغهم the noun is the subject (أبلغهم الوزير أن …) or the message (أبلغهم تطمينات
 * الرئيس عن …), which these rules cannot tell apart yet.
 */
const PAST_IRREGULAR = `نفى نفت نفوا ادعى ادعت ادعوا رأى رأت رأوا`;
const PRESENT = `يقول تقول يضيف تضيف يوضح توضح يؤكد تؤكد يشير تشير يفيد تفيد يذكر تذكر يصرح تصرح يعلن تعلن
  ينفي تنفي يكشف تكشف يتهم تتهم يرى ترى يعتبر تعتبر يزعم تزعم يحذر تحذر يتوقع تتوقع يقر تقر يعترف تعترف
  يقولون يؤكدون يرون يعتبرون`;
/** Circumstantial participles that continue the current speaker: مشيرا إلى أن، مؤكدا أن. */
const PARTICIPLES = `مشيرا مشيرة مؤكدا مؤكدة لافتا لافتة موضحا موضحة مضيفا مضيفة معتبرا معتبرة مشددا مشددة
  منوها منوهة مبينا مبينة متوقعا متوقعة محذرا محذرة زاعما زاعمة نافيا نافية كاشفا كاشفة متابعا متهما قائلا قائلة متهمة`;
/**
 * بيّن (explained): written like بين (between), so it is a speech verb only opening a clause
 * (وبين الفارس أن …, بينت الوزارة أن …). تبين (it turned out) is left out. أبان (made clear) folds
 * like إبان (during: إبان الحرب): the same rule, unless its hamza is written (see tokens.ts).
 */
const EXPLAIN_VERBS = `بين بينت بينوا يبين ابان ابانت ابانوا`;
/** Footer lines that credit or link the story (رابط الخبر بصحيفة …: headline) are not headlines. */
const FOOTER_HEADS = `رابط اقرأ شاهد للمزيد`;
/** "It came in / was stated in X that …": the claimant follows في. */
const LOCATIVE_VERBS = `جاء جاءت ورد وردت`;

function pastForms(): string[] {
  const out: string[] = [];
  for (const w of PAST_BASE.split(/\s+/).filter(Boolean)) out.push(w, w + 'ت', w + 'وا');
  return out;
}

const PAST_VERBS: ReadonlySet<string> = set([...pastForms(), PAST_IRREGULAR].join(' '));
const PRESENT_VERBS: ReadonlySet<string> = set(PRESENT);
const PARTICIPLE_VERBS: ReadonlySet<string> = set(PARTICIPLES);
const LOCATIVE: ReadonlySet<string> = set(LOCATIVE_VERBS);
/** Verbs that take `عن` before their content: أعلن عن تقليص، كشف عن خطة. */
const TAKES_AN: ReadonlySet<string> = set('اعلن اعلنت اعلنوا يعلن تعلن كشف كشفت كشفوا يكشف تكشف كاشفا كاشفة');
/** Verbs whose content may be a bare object noun: أعلنت الوزارة تسجيل …، نفى الوزير وجود …. */
const TAKES_OBJECT: ReadonlySet<string> = set(`اعلن اعلنت اعلنوا يعلن تعلن كشف كشفت يكشف تكشف نفى نفت ينفي
  تنفي اكد اكدت يؤكد تؤكد`);
const ACCUSE: ReadonlySet<string> = set('اتهم اتهمت اتهموا يتهم تتهم متهما متهمة');
/**
 * `ويذكر أن` with no subject is the newsroom's own aside, not a report of someone's words; so is
 * `ويتوقع أن` (read يُتوقّع, "it is expected"), which names no one who expects.
 */
const PASSIVE_ASIDE: ReadonlySet<string> = set('يذكر يتوقع');
/** `نقلت الوكالة عن مسؤول قوله إن …`: the speaker is the one after عن, not the relaying outlet. */
const RELAY: ReadonlySet<string> = set('نقل نقلت نقلوا');

/** Complementisers that open reported content. `ب` is بـ written with a tatweel (بـ"الاتفاق"). */
const COMPLEMENTISERS: ReadonlySet<string> = set(`إن أن بأن إنه أنه إنها أنها إنهم أنهم إنهما أنهما إننا
  أننا إنني أنني بأنه بأنها بأنهم بأننا فإن فإنه فإنها ب لقد`);
/** أن after these is a verbal complement (قبل أن، يجب أن), never reported speech. */
const NOT_SPEECH_BEFORE_AN: ReadonlySet<string> = set('قبل بعد منذ دون بدون يجب ينبغي يمكن حتى إلا لابد بد');

/** Source prepositions: بحسب البيان، وفق بيان لوزارة الدفاع، نقلا عن مصدر. */
const SOURCE_PREPS: ReadonlySet<string> = set('بحسب حسب وبحسب وحسب وفق وفقا ووفق ووفقا نقلا ونقلا طبقا');

/** Words that end the speaker: prepositions, time words, relative pronouns, media addressees. */
const SPEAKER_BREAKS: ReadonlySet<string> = set(`في خلال على عن إلى من مع أمام عبر لدى عقب بعد قبل حول ضمن
  أثناء عند حين بينما فيما كما حيث قد لقد يوم أمس اليوم الليلة صباح مساء ظهر فجر مساء الأحد الاثنين الثلاثاء
  الأربعاء الخميس الجمعة السبت الشهر الأسبوع الذي التي الذين اللذين اللتين لوكالة لقناة لصحيفة لصحافيين للصحافيين
  للصحفيين لصحفيين لموقع لتلفزيون للتلفزيون لوسائل للصحافة لإذاعة لمراسل لشبكة ل ب بحسب وفق وفقا نقلا وذلك
  قوله قولها قولهم ردا تعليقا النظر الانتباه وهو وهي هو هي لكن ولكن ما`);

/** Titles that head a chain before a name: رئيس الوزراء العراقي مصطفى الكاظمي. */
const TITLES: ReadonlySet<string> = set(`رئيس رئيسة نائب وزير وزيرة الوزير الوزيرة الرئيس الرئيسة المتحدث
  المتحدثة متحدث الناطق الناطقة ناطق مدير مديرة المدير المديرة أمين الأمين سفير السفير قائد القائد مستشار
  المستشار عضو العضو النائب محافظ المحافظ زعيم الزعيم الملك الأمير ولي الشيخ الدكتور د العميد اللواء الفريق
  العقيد الجنرال المبعوث مبعوث ممثل الممثل مسؤول المسؤول خبير الخبير محلل المحلل أستاذ الأستاذ حاكم الحاكم
  منسق المنسق مفوض المفوض المدعي رئيسا عميد نقيب النقيب محامي المحامي محامية المحامية`);
/** Anonymous sources: a claimant, but a weak one. */
const ANONYMOUS: ReadonlySet<string> = set(`مصدر المصدر مصادر المصادر مسؤول مسؤولون مسؤولين شهود مراقبون خبراء محللون
  البعض بعضهم آخرون كثيرون`);
/** Heads of organisation names: وزارة الدفاع، هيئة الإحصاء، الحكومة العراقية. */
const ORG_HEADS: ReadonlySet<string> = set(`وزارة الوزارة هيئة الهيئة لجنة اللجنة مجلس المجلس حزب الحزب حركة
  الحركة جيش الجيش شركة الشركة وكالة الوكالة منظمة المنظمة بنك البنك مصرف المصرف صندوق الصندوق جامعة
  الجامعة مكتب المكتب قيادة القيادة الحكومة حكومة الرئاسة رئاسة البرلمان الأمم الاتحاد اتحاد تحالف التحالف
  الشرطة مديرية المديرية السلطات سلطات محكمة المحكمة النيابة الادعاء مركز المركز معهد المعهد صحيفة الصحيفة
  قناة القناة البيت الكرملين البنتاغون الخارجية الداخلية الدفاع جهاز الجهاز دائرة الدائرة بلدية البلدية
  سفارة السفارة القوات قوات ائتلاف الائتلاف كتلة الكتلة محافظة المحافظة نقابة النقابة جمعية الجمعية
  منظمة رابطة الرابطة موقع الموقع مرصد المرصد جماعة الجماعة صحيفتا`);
/** Documents that speak: البيان، التقرير. */
const DOCUMENTS: ReadonlySet<string> = set(`البيان بيان التقرير تقرير الرسالة رسالة الوثيقة وثيقة المذكرة
  الإعلان البلاغ التصريح تصريح الدراسة دراسة المسح الإحصاءات الأرقام البيانات إحصاءات إحصائيات الإحصائيات أرقام
  بيانات معطيات المعطيات تقديرات التقديرات نتائج النتائج تقارير التقارير`);

/** Time words that may sit between a verb and its speaker: أعلن أمس الأربعاء وزير الخارجية …. */
const TIME_WORDS: ReadonlySet<string> = set(`أمس اليوم الليلة صباح مساء ظهر فجر يوم الأحد الاثنين الثلاثاء الأربعاء
  الخميس الجمعة السبت أول`);
/** Adverbs that may sit where the speaker would (قالت وقتها: «…»، قال بدوره إن …، قال ذات مرة إن …): skipped like time words. */
const SPEAKER_ADVERBS: ReadonlySet<string> = set('وقتها حينها آنذاك حينذاك يومها بدوره بدورها أيضا مرة');
/** Honorifics that stand for a named person already introduced: وأكد معاليه أهمية …. */
const HONORIFICS: ReadonlySet<string> = set('معاليه سموه فضيلته سعادته جلالته دولته سماحته');
/** Links inside a personal name: محمد بن سلمان، عبد الله، آل سعود. */
const NAME_LINKS: ReadonlySet<string> = set('بن ابن بنت أبو أبي أم آل عبد');
/** Speakers of scripture and hadith: قال الله تعالى، قال النبي ﷺ. */
const SACRED: ReadonlySet<string> = set('الله تعالى النبي الرسول رسول المصطفى سبحانه جل');

/** Number words that make a sentence quantitative when the figure recogniser is silent. */
const NUMBER_WORDS: ReadonlySet<string> = set(`ألف آلاف ألفا ألفين مليون ملايين مليونا مليوني مليار مليارات
  ملياري المئة المائة بالمئة بالمائة مئات عشرات أضعاف ضعف ضعفي نصف ثلث ربع ثلاثة أربعة خمسة ستة سبعة
  ثمانية تسعة عشرة عشرين عشرون ثلاثين ثلاثون أربعين أربعون خمسين خمسون ستين ستون سبعين سبعون ثمانين ثمانون
  تسعين تسعون مئة مائة مئتي مائتي مئتين مائتين ثلاثمائة أربعمائة خمسمائة مليونين مليارين`);
const YEAR_WORDS: ReadonlySet<string> = set('عام العام عامي سنة السنة لعام بعام');

/** Comparison and change: what a figure is measured against is what a fact-checker checks. */
const COMPARATIVES: ReadonlySet<string> = set(`أكثر أقل أعلى أدنى أكبر أصغر أسرع أبطأ أفضل أسوأ الأكبر الأعلى
  الأدنى الأقل الأكثر الأسوأ الأفضل ارتفاع ارتفع ارتفعت انخفاض انخفض انخفضت تراجع تراجعت زيادة زاد زادت
  نمو نما تضاعف تضاعفت مقارنة بالمقارنة ضعف أضعاف قياسي قياسية لأكثر لأقل بأكثر بأقل تقليص تقلص تقلصت
  قفز قفزت هبط هبطت`);
const CAUSALS: ReadonlySet<string> = set(`بسبب نتيجة جراء إثر أدى أدت يؤدي تؤدي بفضل لأن سبب تسبب تسببت
  بسببه بسببها أسفر أسفرت ناجم ناجمة`);
const OPINION: ReadonlySet<string> = set(`أعتقد نعتقد أظن نظن أرى نرى نأمل آمل أتمنى نتمنى يجب ينبغي
  نرحب ندين نستنكر أشعر نشعر رأيي برأيي أفضل الضروري`);
const FUTURE: ReadonlySet<string> = set('سوف لن سيكون ستكون سيتم ستتم سنعمل سيعمل ستعمل مستقبلا');
/** Words starting with سي/ست/سن that are not future verbs. */
const NOT_FUTURE: ReadonlySet<string> = set(`سياسة السياسة سياسي سياسية سياسيين سيطرة السيطرة سيارة سيارات
  ستين ستة ستون سنة سنوات سنويا سنوي سنوية ستار سيناء سيدة سيد سنغافورة سيول سيئة سيئ ستراتيجية سنتيمتر سنتا`);

/** What a folded word is to the detector, as bits: one map lookup per token answers every list. */
export const W = {
  Past: 1 << 0,
  Present: 1 << 1,
  Participle: 1 << 2,
  Locative: 1 << 3,
  TakesAn: 1 << 4,
  TakesObject: 1 << 5,
  Accuse: 1 << 6,
  PassiveAside: 1 << 7,
  Complementiser: 1 << 8,
  NotSpeechBeforeAn: 1 << 9,
  SourcePrep: 1 << 10,
  Break: 1 << 11,
  Title: 1 << 12,
  Anonymous: 1 << 13,
  OrgHead: 1 << 14,
  Document: 1 << 15,
  Number: 1 << 16,
  Year: 1 << 17,
  Comparative: 1 << 18,
  Causal: 1 << 19,
  Opinion: 1 << 20,
  Future: 1 << 21,
  NotFuture: 1 << 22,
  Relay: 1 << 23,
  NameLink: 1 << 24,
  Sacred: 1 << 25,
  Honorific: 1 << 26,
  Time: 1 << 27,
  Explain: 1 << 28,
  Footer: 1 << 29,
} as const;
export const VERB_BITS = W.Past | W.Present | W.Participle | W.Locative;

export const LEXICON: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (words: ReadonlySet<string>, f: number): void => {
    for (const w of words) m.set(w, (m.get(w) ?? 0) | f);
  };
  add(PAST_VERBS, W.Past);
  add(PRESENT_VERBS, W.Present);
  add(PARTICIPLE_VERBS, W.Participle);
  add(LOCATIVE, W.Locative);
  add(TAKES_AN, W.TakesAn);
  add(TAKES_OBJECT, W.TakesObject);
  add(ACCUSE, W.Accuse);
  add(PASSIVE_ASIDE, W.PassiveAside);
  add(COMPLEMENTISERS, W.Complementiser);
  add(NOT_SPEECH_BEFORE_AN, W.NotSpeechBeforeAn);
  add(SOURCE_PREPS, W.SourcePrep);
  add(SPEAKER_BREAKS, W.Break);
  add(TITLES, W.Title);
  add(ANONYMOUS, W.Anonymous);
  add(ORG_HEADS, W.OrgHead);
  add(DOCUMENTS, W.Document);
  add(NUMBER_WORDS, W.Number);
  add(YEAR_WORDS, W.Year);
  add(COMPARATIVES, W.Comparative);
  add(CAUSALS, W.Causal);
  add(OPINION, W.Opinion);
  add(FUTURE, W.Future);
  add(NOT_FUTURE, W.NotFuture);
  add(RELAY, W.Relay);
  add(NAME_LINKS, W.NameLink);
  add(SACRED, W.Sacred);
  add(HONORIFICS, W.Honorific);
  add(TIME_WORDS, W.Time);
  add(SPEAKER_ADVERBS, W.Time | W.Break);
  add(set(EXPLAIN_VERBS), W.Explain);
  add(set(FOOTER_HEADS), W.Footer);
  return m;
})();

/** The longest lexicon word: longer tokens skip the lookup. */
export const MAX_WORD_LENGTH = Math.max(...[...LEXICON.keys()].map((w) => w.length));
