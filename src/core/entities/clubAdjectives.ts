// A town right before a masculine nationality adjective is a club: «ملبورن الأسترالي», «سيلتيك
// الاسكتلندي», «ليون الفرنسي». A town takes the feminine (ملبورن الأسترالية, the city); the
// masculine agrees with the unwritten نادي / فريق. ANERcorp's train part has a non-country place
// word before a masculine nationality adjective about 70 times as ORG (B-ORG 35, I-ORG 34:
// «ميلان الإيطالي», «برشلونة الإسباني», «بايرن ميونيخ الألماني») against a handful as LOC, most of
// which agree with a head noun before the town («مطاري عمان الأردني», «شمال أفريقيا الروماني»)
// or name a masculine region with the article («الريف المغربي»), both left alone here.
// A document rule (document.ts runs it after propagation, so a club here does not spread the
// town's other mentions, which may well be the town).

import type { Token } from '../arabic';
import type { EntityDetection } from '../types';
import type { DocWord } from './document';
import type { TaggerModel } from './tagger';
import { foldWord } from './normalize';
import { ARABIC_WORD, coveredTokens, lineBreakBetween, spanOf, withAdded } from './documentWords';
import { listedCommonWord } from './commonWords';
import { countryNames } from './lexicon';

/**
 * Folded one-word country names. Not the words of longer ones: الإقليم, الجنوب, الاتحاد would make
 * الإقليمي, الجنوبي, الاتحادي nationalities.
 */
let countries: ReadonlySet<string> | undefined;
function countryWords(): ReadonlySet<string> {
  if (countries) return countries;
  const set = new Set<string>();
  for (const name of countryNames()) {
    const words = name.trim().split(/\s+/);
    if (words.length === 1) set.add(foldWord(words[0]!));
  }
  // Short names of longer ones (السعودية, الإمارات, كوريا), other spellings (امريكا, انكلترا),
  // and the home nations of British football.
  for (const w of 'السعودية الإمارات كوريا امريكا اميركا انجلترا انكلترا اسكتلندا ويلز استراليا النمسا هولندا'.split(' ')) set.add(foldWord(w));
  return (countries = set);
}

/** Irregular nationality adjectives (folded, with the article), whose country is not their stem. */
const IRREGULAR = new Set(['الإنجليزي', 'الانجليزي', 'الإنكليزي', 'الانكليزي', 'البريطاني'].map(foldWord));

/**
 * Whether a folded word is a masculine nationality adjective with the article (الهولندي, الإسباني,
 * الأسترالي, البرازيلي): ال + a stem + ي, where the stem names a country (هولند+ا, إسبان+يا,
 * البرازيل, السعود+ية). Not النووي, الدولي, الحالي (no country), nor the feminine …ية.
 */
export function nationalityAdjective(w: string): boolean {
  if (w.length < 6 || !w.startsWith('ال') || w.charCodeAt(w.length - 1) !== 0x064a || w.endsWith('يي')) return false;
  if (IRREGULAR.has(w)) return true;
  const stem = w.slice(2, -1);
  const c = countryWords();
  return c.has(stem) || c.has('ال' + stem) || c.has(stem + 'ا') || c.has(stem + 'يا') || c.has('ال' + stem + 'يه');
}

/**
 * Masculine nouns a town's adjective may agree with instead (مطار عمان الأردني, شمال أفريقيا
 * الروماني, شاطئ سان لورنزو الإسباني, عمدة لندن البريطاني): with one of these right before the
 * town, the rule stands aside.
 */
const MASCULINE_HEADS = new Set(
  'مطار مطاري ميناء مرفأ شاطئ معتقل سجن استاد إستاد ملعب ملتقى مؤتمر معرض منتدى سباق شمال جنوب شرق غرب وسط ريف ساحل إقليم قطاع ضواحي جبل نهر وادي سهل خليج محافظ عمدة حاكم سفير أمير رئيس ملف برلمان'
    .split(' ')
    .map(foldWord),
);

/** Continents: no club, and a nationality after one is a person's («عن قارة آسيا الكوري الجنوبي تشونغ»). */
const CONTINENTS = new Set('آسيا أسيا إفريقيا أفريقيا افريقيا أوروبا أوربا أمريكا أميركا أستراليا أوقيانوسيا'.split(' ').map(foldWord));

/** The word's forms without the proclitics (وليون → ليون): the word itself first. */
const formsOf = (w: DocWord): string[] => [w.norm, ...w.forms];

/** Whether a town's word, as the tagger or the lists read it, may be a club's name here. */
function townWord(w: DocWord): boolean {
  // الجولان السوري، الريف المغربي، المحيط الهندي: a masculine region with the article, not a club.
  if (formsOf(w).some((f) => f.startsWith('ال'))) return false;
  return !formsOf(w).some((f) => countryWords().has(f) || CONTINENTS.has(f));
}

/**
 * Whether token k, right before a town, is a masculine noun the adjective may agree with, or a
 * place noun or event noun of the hand lists (مدينة دبي الإماراتي: the city, whatever the
 * agreement; ملتقى شيامن الصيني, the meeting's).
 */
function headBefore(text: string, tokens: readonly Token[], words: readonly DocWord[], k: number, model: TaggerModel): boolean {
  if (k < 0 || lineBreakBetween(text, tokens, k + 1, k)) return false;
  const h = model.gaz.hand;
  return formsOf(words[k]!).some((f) => MASCULINE_HEADS.has(f) || h.placeTriggers.has(f) || h.eventHeads.has(f));
}

/**
 * Places (the tagger's, or an untagged word the hand lists know as a place) right
 * before a masculine nationality adjective on the same line, relabelled or tagged ORG; the
 * adjective stays outside, as ANERcorp has it («ليون B-ORG الفرنسي O»). A country (قطر القطري,
 * the country's side as ANERcorp tags it sometimes, sometimes not) and a town after a masculine
 * head noun are left.
 */
export function clubsBeforeNationality(text: string, tokens: readonly Token[], words: readonly DocWord[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  let out: EntityDetection[] | undefined;
  let added: EntityDetection[] | undefined;
  let taken: Uint8Array | undefined;
  let ti = 0;
  let n = 0;
  for (let i = 1; i < tokens.length; i++) {
    if (!nationalityAdjective(words[i]!.norm) || lineBreakBetween(text, tokens, i, i - 1)) continue;
    // The span (if any) that ends with token i − 1.
    while (n < found.length && found[n]!.end <= tokens[i - 1]!.start) n++;
    const e = found[n];
    if (e && e.start < tokens[i - 1]!.end) {
      if (e.label !== 'LOC' || e.end > tokens[i - 1]!.end) continue;
      while (ti < tokens.length && tokens[ti]!.end <= e.start) ti++;
      if (ti >= tokens.length || tokens[ti]!.start !== e.start) continue;
      let ok = !headBefore(text, tokens, words, ti - 1, model);
      for (let k = ti; ok && k < i; k++) ok = townWord(words[k]!);
      if (!ok) continue;
      out ??= found.slice();
      out[n] = { ...e, label: 'ORG' };
      continue;
    }
    // An untagged word the hand lists know as a place (مرسيليا الفرنسي). Not one the training
    // data alone tags as a place: «المخطط شبه الإقليمي» (شبه of شبه الجزيرة).
    taken ??= coveredTokens(tokens, found);
    if (taken[i - 1]) continue;
    const w = words[i - 1]!;
    if (!ARABIC_WORD.test(w.norm) || listedCommonWord(w.norm) || !townWord(w) || headBefore(text, tokens, words, i - 2, model)) continue;
    if (!formsOf(w).some((f) => model.gaz.hand.places.has(f))) continue;
    (added ??= []).push(spanOf(text, tokens, i - 1, i - 1, 'ORG', 'context'));
  }
  const relabelled = out ?? found;
  return added ? withAdded(relabelled, added) : relabelled;
}
