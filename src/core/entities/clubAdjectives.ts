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
export function countryWords(): ReadonlySet<string> {
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
  'مطار مطاري ميناء مرفأ شاطئ معتقل سجن استاد إستاد ملعب ملتقى مؤتمر معرض منتدى سباق شمال جنوب شرق غرب وسط ريف ساحل إقليم قطاع ضواحي جبل نهر وادي سهل خليج محافظ عمدة حاكم سفير أمير رئيس ملف برلمان معبر مقر متحف مشفى'
    .split(' ')
    .map(foldWord),
);

/** Continents: no club, and a nationality after one is a person's («عن قارة آسيا الكوري الجنوبي تشونغ»). */
export const CONTINENTS: ReadonlySet<string> = new Set('آسيا أسيا إفريقيا أفريقيا افريقيا أوروبا أوربا أمريكا أميركا أستراليا أوقيانوسيا'.split(' ').map(foldWord));

/** The word's forms without the proclitics (وليون → ليون): the word itself first. */
const formsOf = (w: DocWord): string[] => [w.norm, ...w.forms];

/** Whether a town's word, as the tagger or the lists read it, may be a club's name here. */
function townWord(w: DocWord): boolean {
  // الجولان السوري، الريف المغربي، المحيط الهندي: a masculine region with the article, not a club.
  if (formsOf(w).some((f) => f.startsWith('ال'))) return false;
  return !formsOf(w).some((f) => countryWords().has(f) || CONTINENTS.has(f));
}

/**
 * Nouns that may stand in construct before a club («مباراة ريفربلايت الأرجنتيني», «نجم فولفسبورغ
 * البلجيكي», «حارس إنتراخت فرانكفورت الألماني», «بلقاء بني ياس الإماراتي»): the club's own words
 * and the game's. Any other ordinary noun there (مستشفى, مكتب, مركز, قصر, فندق) is the head the
 * adjective agrees with: «مستشفى صيدا اللبناني» is the hospital, not a club.
 */
const CLUB_NOUNS = new Set(
  'نادي فريق مباراة مباريات لقاء مواجهة نجم لاعب لاعبي حارس مهاجم مدافع مدرب جمهور جماهير مشجع مشجعي'.split(' ').map(foldWord),
);

/** A person's title with the article right before the name: «اللاعب سيدني الأسترالي» is a player. */
const PERSON_NOUNS = new Set('لاعب مدرب مهاجم مدافع حارس نجم دولي'.split(' ').map(foldWord));

/**
 * Words that make a document a sports story: the rule reads a masculine adjective as a club's only
 * there. Only words that are hardly anything else (no هدف, «target»; no الدوري, «periodic»; no
 * فريق, the army rank and «فريق عمل»), with or without the article and proclitics.
 */
const SPORT_WORDS = new Set(
  'مباراة مباريات مباراتين مبارتين مباراته لاعب لاعبين لاعبي لاعبو لاعبه نادي أندية منتخب مدرب مدربه مهاجم مهاجمه مدافع حارس مرمى شوط الشوط كرة ملعب ملاعب هدفين تعادل هداف'
    .split(' ')
    .map(foldWord),
);

/** Whether any word of the text is one of SPORT_WORDS. */
export function sportsStory(words: readonly DocWord[]): boolean {
  for (const w of words) if (clubBits(w) & Club.Sport) return true;
  return false;
}

/** A bare «نادي» or «فريق» (document.ts clubsAfterHeads; not «الفريق», also a military rank). */
const CLUB_HEADS = new Set(['نادي', 'فريق'].map(foldWord));

/** What the club rules ask of a word alone (clubBits). */
export const enum Club {
  /** Always set: the bits are computed. */
  Known = 1,
  /** A club head (CLUB_HEADS), the word or a clitic reading of it. */
  Head = 2,
  /** A masculine nationality adjective (nationalityAdjective). */
  Nationality = 4,
  /** A sports word (SPORT_WORDS), with or without the article and proclitics. */
  Sport = 8,
}

/**
 * The club rules' questions about a word alone, computed once per distinct word (the tagger's word
 * analysis keeps them, as it keeps wordBits) instead of at every token of every document.
 */
export function clubBits(w: DocWord): number {
  if (w.club & Club.Known) return w.club;
  let bits = Club.Known;
  if (CLUB_HEADS.has(w.norm) || w.forms.some((f) => CLUB_HEADS.has(f))) bits |= Club.Head;
  if (nationalityAdjective(w.norm)) bits |= Club.Nationality;
  for (const f of formsOf(w)) {
    if (SPORT_WORDS.has(f) || (f.startsWith('ال') && SPORT_WORDS.has(f.slice(2)))) {
      bits |= Club.Sport;
      break;
    }
  }
  // |=: clubNames.ts keeps its own bits (from ClubName.Known up) in the same field.
  return (w.club |= bits);
}

/** A dash or slash between two names of one place («مطار مالبينسا - ميلانو»). */
const JOINER = /^[-–—/]$/;

/**
 * Whether token k, right before a town, is a head the adjective may agree with: a masculine noun,
 * a place noun or event noun of the hand lists (مطار عمان الأردني; مدينة دبي الإماراتي: the city,
 * whatever the agreement; ملتقى شيامن الصيني, the meeting's), or any ordinary noun without the
 * article, in construct with the town (مستشفى صيدا اللبناني, مكتب باريس الفرنسي), unless it is a
 * club's or a game's noun (نادي, مباراة, نجم). A person's title with the article there
 * (اللاعب سيدني الأسترالي) makes the name a person's: that too stops the rule. The head may
 * stand one word further back past a dash or another place's word («مطار مالبينسا - ميلانو
 * الإيطالي»).
 */
function headBefore(text: string, tokens: readonly Token[], words: readonly DocWord[], k: number, model: TaggerModel, inPlace: () => Uint8Array): boolean {
  let seen = 0;
  let dash = false;
  for (;;) {
    if (k < 0 || lineBreakBetween(text, tokens, k + 1, k)) return false;
    if (JOINER.test(tokens[k]!.text)) {
      if (dash) return false;
      dash = true;
      k--;
      continue;
    }
    if (isHead(words[k]!, model)) return true;
    // One more word back past a dash or a place's word (مالبينسا ميلانو), once.
    if (++seen >= 2 || (!dash && !placeWord(k, words[k]!, model, inPlace))) return false;
    k--;
  }
}

function isHead(w: DocWord, model: TaggerModel): boolean {
  const h = model.gaz.hand;
  const forms = formsOf(w);
  if (forms.some((f) => MASCULINE_HEADS.has(f) || h.placeTriggers.has(f) || h.eventHeads.has(f))) return true;
  if (forms.some((f) => f.startsWith('ال') && (h.titles.has(f) || PERSON_NOUNS.has(f.slice(2))))) return true;
  if (forms.some((f) => f.startsWith('ال') || CLUB_NOUNS.has(f))) return false;
  return listedCommonWord(w.norm) || forms.some((f) => h.orgHeads.has(f));
}

/** Whether token k is a place's word: inside a LOC span (inPlace: insideLoc's marks), or a place of the hand lists. */
function placeWord(k: number, w: DocWord, model: TaggerModel, inPlace: () => Uint8Array): boolean {
  if (inPlace()[k]) return true;
  return formsOf(w).some((f) => model.gaz.hand.places.has(f));
}

/**
 * 1 for each token wholly inside a LOC span of `found` (the span's start at or before the token's,
 * its end at or after the token's; in any order), made once per rule's pass: asking every span for
 * each candidate token made the rule quadratic on a big file.
 */
function insideLoc(tokens: readonly Token[], found: readonly EntityDetection[]): Uint8Array {
  const marks = new Uint8Array(tokens.length);
  for (const e of found) {
    if (e.label !== 'LOC') continue;
    // The first token starting at or after the span's start; tokens are in order and never overlap,
    // so those also ending by the span's end follow it in a run.
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokens[mid]!.start < e.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < tokens.length && tokens[k]!.end <= e.end; k++) marks[k] = 1;
  }
  return marks;
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
  let sports: boolean | undefined;
  let places: Uint8Array | undefined;
  const inPlace = (): Uint8Array => (places ??= insideLoc(tokens, found));
  for (let i = 1; i < tokens.length; i++) {
    if (!(clubBits(words[i]!) & Club.Nationality) || lineBreakBetween(text, tokens, i, i - 1)) continue;
    // Outside a sports story the adjective is the place's («وزار حماة السوري», a verb's subject).
    if (!(sports ??= sportsStory(words))) return found;
    // The span (if any) that ends with token i − 1.
    while (n < found.length && found[n]!.end <= tokens[i - 1]!.start) n++;
    const e = found[n];
    if (e && e.start < tokens[i - 1]!.end) {
      if (e.label !== 'LOC' || e.end > tokens[i - 1]!.end) continue;
      while (ti < tokens.length && tokens[ti]!.end <= e.start) ti++;
      if (ti >= tokens.length || tokens[ti]!.start !== e.start) continue;
      let ok = !headBefore(text, tokens, words, ti - 1, model, inPlace);
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
    if (!ARABIC_WORD.test(w.norm) || listedCommonWord(w.norm) || !townWord(w) || headBefore(text, tokens, words, i - 2, model, inPlace)) continue;
    if (!formsOf(w).some((f) => model.gaz.hand.places.has(f))) continue;
    (added ??= []).push(spanOf(text, tokens, i - 1, i - 1, 'ORG', 'context'));
  }
  const relabelled = out ?? found;
  return added ? withAdded(relabelled, added) : relabelled;
}
