// Figures: numbers, percentages, money, quantities, dates, times, durations and ordinals in Arabic
// news text, found by one left-to-right pass that only tries the grammar at digits and known words
// (scan.ts). Each label is decided in its own module, named below.
//
// Label rules (the same everywhere, so a highlight means one thing):
// - PERCENT (percent.ts): a number with %, ٪ (either side), في المئة / في المائة / بالمئة / بالمائة. unit "percent".
//   Brackets around the number join the span ((4.8) في المائة); a plus sign before it is no phone prefix
//   there (+1.5 في المئة); في المئة with no number read before it is no figure.
// - MONEY (money.ts): a number (with its scale words) followed by a currency name, symbol, abbreviation or code,
//   or preceded by a symbol. currency = ISO 4217 (undefined when the name alone does not tell, as
//   for دينار / ليرة without a country). Sub-units are converted: 55 سنتا → 0.55 USD.
// - QUANTITY (quantity.ts): a number followed by a unit of measure from a closed list (طن, برميل, كيلومتر, درجة,
//   نقطة …). unit = the singular unit (+ مربع / مكعب / مئوية / يوميا when written; + في الساعة for a
//   speed: 35 كم/ساعة → "كيلومتر في الساعة").
// - NUMBER (number.ts): any other count. A counted noun (3 آلاف عسكري) is NOT part of the span: the noun
//   class is open and the value does not depend on it, so the span ends after the scale word.
// - DURATION (duration.ts): a number followed by a time unit (25 عاما → P25Y, عشرين دقيقة → PT20M, including
//   ages), and duals of time units on their own (الشهرين المقبلين → P2M); a race time 1/15/8 دقيقة is one
//   duration (PT1M15.8S, number = its seconds).
// - DATE (dates.ts, year.ts, relativeDates.ts): day/month/year in any order the text uses (numeric or with
//   month names of the three series, paired months, Hijri with conversion), a year after a year word
//   (عام 2014 → span "2014"), a year with هـ / م, weekday names, and relative dates (أمس, العام الماضي,
//   أبريل الماضي).
// - TIME (time.ts): hh:mm, or الساعة + hour (digits or ordinal word), with صباحا / مساء … folded into 24 h;
//   an afternoon part after the end of a span of hours carries to its start (الرابعة حتى العاشرة مساء → 16:00);
//   ليلا after an hour 1–4 is past midnight (الثانية ليلا → 02:00, العاشرة ليلا → 22:00).
// - ORDINAL (ordinal.ts): ordinal words (المرحلة الثالثة → "الثالثة", 3) and الـ + digits with nothing after,
//   unless a plural or a measure before it makes them a count (الدول الأعضاء الـ28, مسافة الـ1200).
// Which rule is tried first after a number: afterNumber.ts. Numbers that are no figures (list items, (2) and
// section numbers alone on their lines,
// القرار 2216 and the slashed parts after رقم ( 104 / 47 ), سورة البقرة 255, النوع 2, إف 16): notFigures.ts. Ranges (من 3 إلى 5 ملايين): ranges.ts.
// Context words (عام, الساعة, نحو, أكثر من) are not in the span; bound words set value.bound (bounds.ts).
// Word-based figures span whole tokens, clitics included (وأمس, لخمسة), as ANERcorp does.
//
// Relative dates are resolved against the article date (options.articleDate, else the dateline found
// by findArticleDate). When there is none, value.relative holds one of:
//   yesterday | day-before-yesterday | tomorrow | day-after-tomorrow (بعد غد)
//   last-year | this-year | next-year | last-month | this-month | next-month | last-week | this-week | next-week
//   month:MM;last | month:MM;this | month:MM;next   (أبريل الماضي → month:04;last)
//   month:MM                  a bare month name: that month of the article's year
//   month:MM;day:DD           day and month without a year: the article's year
//   hijri-month:MM;day:DD     the same in the Hijri calendar: the article's Hijri year
//   hijri-month:MM;last|this|next  (رمضان الماضي); resolved to value.hijri yyyy-mm, no Gregorian date
//   day:DD;last-month | day:DD;this-month | day:DD;next-month   (26 الشهر الجاري)
//   (a day-month may also end in ;last|;this|;next when a qualifier follows it: 4 تموز المقبل)
//   weekday:NAME;last | weekday:NAME;next  (السبت الماضي)
//   weekday:NAME              a bare weekday: the one on or before the article date
//   weekday:NAME;tomorrow     a weekday after غدا / يوم غد (غدا الاثنين): that weekday from 5 days before
//                             the article date + 1 to the day after it (the article date + 2)
//   weekday:NAME;day-after-tomorrow  the same after بعد غد, around the article date + 2 (−3 … +3):
//                             articles are often dated a few days after they were written (a text
//                             dated Tuesday 2015-07-21 saying غدا الجمعة means Friday 07-17), now
//                             and then the day before

export { findArticleDate, findFigures, type FigureOptions } from './scan';
export { describeFigure, figureLabelName } from './describe';
