// Hand-written word lists the tagger uses as features: titles, speech verbs, place and
// organisation head nouns, name connectors, and small gazetteers of places and first names.
// Every entry is folded with `foldWord` before use, so hamza and ta marbuta variants match.

import { foldWord } from './normalize';

/** Words that precede a person's name and stay outside the span (ANERcorp convention). */
const TITLES = `
الرئيس رئيس الرئيسة رئيسة الملك الملكة الأمير الأميرة الشيخ الشيخة السيد السيدة الدكتور الدكتورة د
المستشار المستشارة الوزير وزير وزيرة الوزيرة الجنرال العقيد اللواء العميد الفريق المشير الرائد النقيب
النائب نائب السفير سفير المبعوث مبعوث المتحدث الناطق الأمين أمين المدير مدير الإمام البابا الأب القس
الحاج الأستاذ المهندس المحامي القاضي زعيم الزعيم المرشد السلطان العاهل ولي الشاعر الكاتب الروائي
الفنان الفنانة المطرب المطربة الممثل الممثلة اللاعب المدرب المخرج الصحفي المراسل مراسل الكاردينال
المطران البطريرك الرئيسان الوزيرة قائد القائد المفوض المندوب مساعد مستشار زميله نظيره نظيرته
`;

/** Verbs that follow (or precede) a speaker: the name next to them is usually a person or body. */
const SPEECH_VERBS = `
قال قالت أعلن أعلنت أكد أكدت أضاف أضافت صرح صرحت أوضح أوضحت أشار أشارت ذكر ذكرت أفاد أفادت نفى نفت
دعا دعت طالب طالبت اعتبر اعتبرت رأى رأت كشف كشفت اتهم اتهمت حذر حذرت أبلغ أبلغت وصف وصفت يقول تقول
أعرب أعربت شدد شددت لفت لفتت زار زارت التقى التقت استقبل استقبلت بحث بحثت وقع وقعت ترأس ترأست
`;

/** Nouns that head a place name but stay outside it (مدينة القدس → القدس is LOC). */
const PLACE_TRIGGERS = `
مدينة مدينه بلدة قرية محافظة ولاية منطقة إقليم جزيرة عاصمة العاصمة نهر بحر جبل مقاطعة دولة حي مخيم
مطار ميناء شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي ضواحي أنحاء قضاء مدن عواصم بلدات دول
`;

/** Nouns that open an organisation's name (وزارة الخارجية, حزب العمال, جامعة القاهرة). */
const ORG_HEADS = `
وزارة حزب مجلس جامعة شركة منظمة اتحاد هيئة لجنة جمعية مؤسسة وكالة بنك مصرف صندوق جبهة حركة جيش قوات
محكمة نادي فريق منتدى مركز معهد أكاديمية رابطة نقابة مكتب دائرة مديرية صحيفة جريدة مجلة قناة إذاعة
تلفزيون البرلمان الكونغرس الكنيست مجموعة تحالف كتلة ائتلاف جماعة مجمع بورصة سوق مصنع مستشفى مدرسة
كلية برنامج مفوضية الحكومة حكومة الوزارة الحزب المجلس الجامعة الشركة المنظمة الاتحاد الهيئة اللجنة
الجمعية المؤسسة الوكالة البنك المصرف الصندوق الجبهة الحركة الجيش القوات المحكمة النادي الفريق
مجلسي شركات منظمات وزارات أحزاب
`;

/** Tokens inside personal names (عبد الله, أبو مازن, بن لادن, آل سعود). */
const CONNECTORS = `بن ابن أبو أبي أبا عبد آل بنت أم ولد`;

/** Common Arabic given names (a name after a title is a person; a list helps when no title is there). */
const GIVEN_NAMES = `
محمد أحمد محمود مصطفى علي حسن حسين عمر عثمان خالد إبراهيم إسماعيل يوسف يعقوب موسى عيسى سليمان داود
سعيد سعد سعود فهد فيصل عبدالله عبدالعزيز عبدالرحمن عبدالرحيم عبدالكريم عبدالمجيد عبدالقادر عبدالحميد
صالح ناصر منصور جمال كمال طارق زياد نبيل وليد هشام هاني سامي سمير رامي رائد عادل فؤاد جورج ميشال
ميشيل إلياس بطرس حنا جبران نجيب رفيق سليم كريم مروان عماد إياد أنور حسني ياسر صدام معمر حافظ بشار
نوري جلال مسعود رجب عبد أيمن أسامة حمد تميم زايد مكتوم راشد قابوس عبدالعزيز نايف سلطان بندر تركي
الوليد مراد رشيد لطفي بوعلام نزار عمرو زكريا يحيى إدريس حمزة بلال أنس معاذ قاسم هادي مهدي جعفر
فاطمة عائشة مريم زينب خديجة ليلى سلمى نور هدى منى سعاد سميرة نادية رانيا هيفاء نانسي فيروز أم ماجدة
كوفي جون جيمس جورج توني ديفيد مايكل بيل دونالد هيلاري كوندوليزا جاك نيكولا فلاديمير ديك كولن
`;

/** Well-known places the country list (Intl.DisplayNames) does not cover: cities, regions, short forms. */
const PLACES = `
القاهرة الإسكندرية بغداد البصرة الموصل أربيل كركوك النجف كربلاء الفلوجة دمشق حلب حمص حماة اللاذقية
بيروت طرابلس صيدا صور عمان الزرقاء إربد القدس غزة رام_الله نابلس الخليل جنين بيت_لحم أريحا
تل_أبيب حيفا يافا الرياض جدة مكة المدينة الدمام الكويت الدوحة المنامة أبوظبي دبي الشارقة مسقط صنعاء
عدن الخرطوم دارفور تونس الجزائر وهران الرباط الدار_البيضاء مراكش فاس نواكشوط بنغازي مصراتة طهران
أنقرة إسطنبول اسطنبول كابول قندهار إسلام_آباد كراتشي نيودلهي بكين طوكيو موسكو واشنطن نيويورك
لندن باريس برلين روما مدريد بروكسل جنيف فيينا أثينا لاهاي ستوكهولم أوسلو كوبنهاغن أمستردام
فرانكفورت ميونيخ ميلانو برشلونة أمريكا أميركا بريطانيا إنجلترا انجلترا أوروبا أفريقيا إفريقيا آسيا
الخليج الشرق_الأوسط سيناء الجولان الضفة كردستان الشيشان البلقان كوسوفو البوسنة القرم تكساس كاليفورنيا
فلوريدا هوليوود سوريا سورية فلسطين إسرائيل الولايات_المتحدة لبنان العراق مصر الأردن السعودية اليمن
ليبيا السودان المغرب موريتانيا البحرين قطر الإمارات إيران تركيا أفغانستان باكستان الهند الصين
اليابان روسيا فرنسا ألمانيا إيطاليا إسبانيا اسبانيا كندا أستراليا البرازيل الأرجنتين المكسيك
`;

/** Well-known organisations, clubs, companies, parties and media (`_` joins multi-word names). */
const ORGANISATIONS = `
الأمم_المتحدة مجلس_الأمن الاتحاد_الأوروبي الاتحاد_الأفريقي جامعة_الدول_العربية الجامعة_العربية
حلف_شمال_الأطلسي الناتو اليونسكو اليونيسف الفاو أوبك اوبك الإنتربول منظمة_الصحة_العالمية
صندوق_النقد_الدولي البنك_الدولي منظمة_التجارة_العالمية الوكالة_الدولية_للطاقة_الذرية الصليب_الأحمر
الهلال_الأحمر مجلس_التعاون_الخليجي منظمة_التحرير_الفلسطينية السلطة_الفلسطينية الكونغرس الكنيست
البنتاغون الكرملين الإليزيه البيت_الأبيض
حماس فتح حزب_الله الليكود كاديما طالبان القاعدة البعث الإخوان_المسلمين الجهاد_الإسلامي
رويترز فرانس_برس أسوشيتد_برس الجزيرة العربية بي_بي_سي سي_إن_إن الأهرام الأخبار معاريف هآرتس
يديعوت_أحرونوت نيويورك_تايمز واشنطن_بوست الغارديان لوموند
ريال_مدريد برشلونة مانشستر_يونايتد مانشستر_سيتي ارسنال أرسنال ليفربول تشيلسي تشلسي توتنهام
ميلان انتر_ميلان إنتر_ميلان يوفنتوس روما لاتسيو بايرن_ميونيخ بوروسيا_دورتموند باريس_سان_جيرمان
أياكس بنفيكا بورتو سلتيك رينجرز الأهلي الزمالك الإسماعيلي الهلال النصر الشباب الوحدة الترجي
الوداد الرجاء السد الريان الغرافة
تويوتا نيسان هوندا فولكسفاغن مرسيدس بي_إم_دبليو جنرال_موتورز فورد رينو بيجو فيات هيونداي
مايكروسوفت غوغل جوجل آبل أبل إنتل آي_بي_إم سامسونج سامسونغ نوكيا سوني بوينغ إيرباص أرامكو
شل توتال إكسون_موبيل بريتش_بتروليوم فيسبوك أمازون
`;

function toSet(block: string): Set<string> {
  const out = new Set<string>();
  for (const w of block.split(/\s+/)) if (w && !w.includes('_')) out.add(foldWord(w));
  return out;
}

/** Entries written with `_` are multi-word names; they go to the phrase gazetteer instead. */
function phrasesOf(block: string): string[] {
  return block.split(/\s+/).filter((w) => w.includes('_')).map((w) => w.replace(/_/g, ' '));
}

export interface HandLexicon {
  titles: Set<string>;
  speech: Set<string>;
  placeTriggers: Set<string>;
  orgHeads: Set<string>;
  connectors: Set<string>;
  givenNames: Set<string>;
  places: Set<string>;
  /** Multi-word place names (folded, space-separated tokens). */
  placePhrases: string[];
  organisations: Set<string>;
  orgPhrases: string[];
}

let cached: HandLexicon | undefined;

/** The lists, folded, plus every country name ICU knows in Arabic. */
export function handLexicon(): HandLexicon {
  if (cached) return cached;
  const places = toSet(PLACES);
  const placePhrases = phrasesOf(PLACES);
  for (const name of countryNames()) {
    if (/\s/.test(name.trim())) placePhrases.push(name.trim());
    else places.add(foldWord(name));
  }
  cached = {
    titles: toSet(TITLES),
    speech: toSet(SPEECH_VERBS),
    placeTriggers: toSet(PLACE_TRIGGERS),
    orgHeads: toSet(ORG_HEADS),
    connectors: toSet(CONNECTORS),
    givenNames: toSet(GIVEN_NAMES),
    places,
    placePhrases: placePhrases.map((p) => p.split(/\s+/).map(foldWord).join(' ')),
    organisations: toSet(ORGANISATIONS),
    orgPhrases: phrasesOf(ORGANISATIONS).map((p) => p.split(/\s+/).map(foldWord).join(' ')),
  };
  return cached;
}

/** Multi-word country names come back whole so a phrase gazetteer can use them. */
export function countryNames(): string[] {
  const out: string[] = [];
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames(['ar'], { type: 'region' });
  } catch {
    return out;
  }
  const A = 65;
  for (let a = 0; a < 26; a++) {
    for (let b = 0; b < 26; b++) {
      const code = String.fromCharCode(A + a, A + b);
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      // Unknown codes echo back in Latin letters; keep only real Arabic names.
      if (name && name !== code && /[\u0621-\u064a]/.test(name) && !/[()]/.test(name)) out.push(name);
    }
  }
  return out;
}
