// Foreign clubs whose name is a club word and a town: «إنتراخت فرانكفورت», «هيرتا برلين», «سبورتينغ
// لشبونة», «ماكابي تل أبيب», «بروسيا دورتموند». The tagger knows the town and often leaves the club
// word out, or cuts the name in two (ORG «سبورتينغ» + LOC «لشبونة»), or reads the whole as a person
// («ديبورتيفو لاكورونيا»). The first words below open a club's name and are hardly anything else
// in Arabic news, so a place right after one is the club's second half: one ORG span over both.
// So is a town before the word that ends an English club's name («مانشيستر | يونايتد», «ملبورن |
// سيتي»). A document rule (document.ts runs it after the club rules), so the town's other mentions
// stay places.

import type { Token } from '../arabic';
import type { EntityDetection } from '../types';
import type { DocWord } from './document';
import type { TaggerModel } from './tagger';
import { foldWord } from './normalize';
import { ARABIC_WORD, knownName, lineBreakBetween, mostlyOrganisation, spanOf } from './documentWords';
import { listedCommonWord } from './commonWords';
import { Club, clubBits, CONTINENTS, countryWords, nationalityAdjective, sportsStory } from './clubAdjectives';

/**
 * Words that open a foreign club's name before its town (folded; spelling variants). Not
 * «ريال» (also the currency), «باير» (a surname), «نهضة» or «وفاق» (ordinary words), «أولمبي».
 */
const CLUB_FIRST = new Set(
  `إنتراخت انتراخت هيرتا هرتا سبورتينغ سبورتينج سبورتنغ سبورتنج ماكابي مكابي هبوعيل هابوعيل هابويل
  هبوئيل هابوئيل أبويل ابويل بوروسيا بروسيا دينامو ديناموا سبارتاك لوكوموتيف أتلتيكو اتلتيكو
  أتليتيكو اتليتيكو ديبورتيفو أولمبيك اولمبيك أوليمبيك فيردر ستيوا سلافيا زينيت شاختار سيسكا مولودية حسنية`
    .split(/\s+/)
    .filter(Boolean)
    .map(foldWord),
);

/**
 * Clubs whose every word is a place's or a saint's, which the tagger cuts into two places
 * («باريس | سان جرمان»): matched whole, the first word with or without its proclitics.
 */
const CLUB_PHRASES: readonly (readonly string[])[] = ['باريس سان جرمان', 'باريس سان جيرمان', 'باريس سان جرمين', 'باريس سان جيرمين'].map((p) =>
  p.split(' ').map(foldWord),
);

const CLUB_PHRASE_FIRSTS: ReadonlySet<string> = new Set(CLUB_PHRASES.map((p) => p[0]!));

/** The last token of a club phrase at token i, or −1. */
function clubPhraseAt(tokens: readonly Token[], words: readonly DocWord[], i: number): number {
  const w = words[i]!;
  const first = CLUB_PHRASE_FIRSTS.has(w.norm) ? w.norm : w.forms.find((f) => CLUB_PHRASE_FIRSTS.has(f));
  if (first === undefined) return -1;
  for (const p of CLUB_PHRASES) {
    if (i + p.length > tokens.length || p[0] !== first) continue;
    let k = 1;
    while (k < p.length && words[i + k]!.norm === p[k]) k++;
    if (k === p.length) return i + k - 1;
  }
  return -1;
}

/**
 * Words that end an English club's name after its town (مانشستر يونايتد, ملبورن سيتي). «سيتي»
 * also ends towns (نيويورك سيتي, مكسيكو سيتي) and malls (القطيف سيتي مول), and alone names a bank
 * (مجموعة سيتي): it joins only in a sports story, where the tagger read it as an organisation of
 * its own or as a person with its town. «يونايتد» after a town is a club in any story (the shares
 * or the sponsor of «مانشستر يونايتد»), unless a company's word follows it (UNITED_COMPANY).
 */
const CLUB_LAST = new Set(['يونايتد', 'سيتي'].map(foldWord));
const UNITED = foldWord('يونايتد');

/**
 * What clubsWithTownNames asks of a word alone, computed once per distinct word and kept in
 * DocWord.club above clubAdjectives.ts's Club bits: the pass asked up to a dozen Set lookups of
 * every token of the document (the word and each clitic reading in three lists), and on a big
 * file each read the word's strings from all over the heap.
 */
const enum ClubName {
  /** Set once the bits below are computed. */
  Known = 1 << 8,
  /** CLUB_LAST holds the word. */
  Last = 1 << 9,
  /** CLUB_PHRASE_FIRSTS holds the word or one of its clitic readings (clubPhraseAt may match). */
  PhraseFirst = 1 << 10,
  /** CLUB_FIRST holds the word or one of its clitic readings (procliticLength may be ≥ 0). */
  First = 1 << 11,
}

function nameBits(w: DocWord): number {
  if (w.club & ClubName.Known) return w.club;
  let bits = ClubName.Known;
  if (CLUB_LAST.has(w.norm)) bits |= ClubName.Last;
  if (CLUB_PHRASE_FIRSTS.has(w.norm) || w.forms.some((f) => CLUB_PHRASE_FIRSTS.has(f))) bits |= ClubName.PhraseFirst;
  if (CLUB_FIRST.has(w.norm) || w.forms.some((f) => CLUB_FIRST.has(f))) bits |= ClubName.First;
  return (w.club |= bits);
}

/** Words after «يونايتد» that make it a company's name (يونايتد إيرلاينز, يونايتد تكنولوجيز), not a club's. */
const UNITED_COMPANY = new Set('إيرلاينز ايرلاينز إيرلاينس ايرلاينس إيرويز ايرويز تكنولوجيز هيلث هيلثكير'.split(' ').map(foldWord));

/**
 * «بروسيا» is also ب + روسيا («علاقاتها بروسيا»): it opens a club only in a sports story.
 */
const AMBIGUOUS = new Set(['بروسيا'].map(foldWord));

/** Whether a folded word, as written, opens a club's name (withoutProclitics keeps its first letter: بروسيا, فيردر). */
export function clubFirstWord(folded: string): boolean {
  return CLUB_FIRST.has(folded);
}

/**
 * The proclitics' length on a club's first word: 0 when the word is a club word as written,
 * 1–2 when a clitic reading is (وهيرتا, لسبورتينغ), −1 when neither.
 */
function procliticLength(token: Token, w: DocWord, set: ReadonlySet<string>): number {
  if (set.has(w.norm)) return 0;
  for (const f of w.forms) {
    if (!set.has(f)) continue;
    for (let k = 1; k <= 2 && k < token.text.length; k++) {
      if (foldWord(token.text.slice(k)) === f) return k;
    }
  }
  return -1;
}

/**
 * For each spans array of one clubsWithTownNames pass, the running maximum of their ends, so the
 * first span ending after a position is found by binary search: asking every span from the first,
 * for each candidate token, was quadratic on a big file (the arrays are never changed once made).
 */
let runningEnds = new WeakMap<readonly EntityDetection[], Int32Array>();

/** The first of the spans (sorted by start) that ends after pos, or their number when none does. */
function firstEndingAfter(found: readonly EntityDetection[], pos: number): number {
  let ends = runningEnds.get(found);
  if (!ends) {
    ends = new Int32Array(found.length);
    let max = -1;
    for (let n = 0; n < found.length; n++) ends[n] = max = Math.max(max, found[n]!.end);
    runningEnds.set(found, ends);
  }
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index of the first span (sorted by start) that overlaps token t, or −1. */
function spanAt(found: readonly EntityDetection[], t: Token): number {
  const n = firstEndingAfter(found, t.start);
  return n < found.length && found[n]!.start < t.end ? n : -1;
}

/** The index of the token that ends at or right before `end`, from `from` on. */
function tokenEndingAt(tokens: readonly Token[], from: number, end: number): number {
  let k = from;
  while (k + 1 < tokens.length && tokens[k + 1]!.start < end) k++;
  return k;
}

/**
 * A club's first word followed on the same line by a place: a LOC or ORG span that starts at the
 * next token (the tagger's town, or the club rules' ORG), or an untagged word or phrase the hand
 * lists know as a place. The club word's own span, if any, must start at it and end no later
 * than the town. Left alone: a town with و (a list: «ماكابي وبرلين»), a country or a continent
 * («أولمبيك مصر» is no club name), a person or title after the word («هيرتا مولر», the writer).
 */
export function clubsWithTownNames(text: string, tokens: readonly Token[], words: readonly DocWord[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  runningEnds = new WeakMap();
  let out: EntityDetection[] | undefined;
  let sports: boolean | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (nameBits(words[i + 1]!) & ClubName.Last && !lineBreakBetween(text, tokens, i + 1, i)) {
      const joined = townAndLastWord(text, tokens, words, out ?? found, i + 1, model, () => (sports ??= sportsStory(words)));
      if (joined) {
        out = joined;
        i++;
        continue;
      }
    }
    const bits = nameBits(words[i]!);
    if (!(bits & (ClubName.PhraseFirst | ClubName.First))) continue;
    const phrase = bits & ClubName.PhraseFirst ? clubPhraseAt(tokens, words, i) : -1;
    if (phrase >= 0) {
      out = asClub(text, tokens, out ?? found, i, phrase, procliticLength(tokens[i]!, words[i]!, CLUB_PHRASE_FIRSTS));
      i = phrase;
      continue;
    }
    const cut = bits & ClubName.First ? procliticLength(tokens[i]!, words[i]!, CLUB_FIRST) : -1;
    if (cut < 0 || lineBreakBetween(text, tokens, i + 1, i)) continue;
    if (AMBIGUOUS.has(words[i]!.norm) && !(sports ??= sportsStory(words))) continue;
    const cur = out ?? found;
    const own = spanAt(cur, tokens[i]!);
    if (own >= 0 && cur[own]!.start < tokens[i]!.start) continue;
    let last: number;
    const nextSpan = spanAt(cur, tokens[i + 1]!);
    if (own >= 0 && cur[own]!.end > tokens[i]!.end) {
      // The club word and its town in one span already, read as a place or a person
      // («ديبورتيفو لاكورونيا»).
      last = tokenEndingAt(tokens, i, cur[own]!.end);
      if (cur[own]!.label === 'PER' && !personAsClub(words, i, last, model, (sports ??= sportsStory(words)))) continue;
    } else if (nextSpan >= 0) {
      const e = cur[nextSpan]!;
      if (e.start !== tokens[i + 1]!.start || (e.label !== 'LOC' && e.label !== 'ORG')) continue;
      last = tokenEndingAt(tokens, i + 1, e.end);
    } else {
      last = listedPlaceAt(tokens, words, i + 1, model);
      if (last < 0) continue;
    }
    if (!townAfter(words, i + 1, last)) continue;
    out = asClub(text, tokens, cur, i, last, cut);
    i = last;
  }
  return out ?? found;
}

/**
 * A town and the word after it that ends a club's name (token j: يونايتد, سيتي) made one ORG span:
 * «مانشيستر | يونايتد» (LOC + ORG), «ملبورن | سيتي», «سوانسي سيتي» read as a person; «سيتي» only in
 * a sports story. Undefined when the rule does not apply.
 */
function townAndLastWord(
  text: string,
  tokens: readonly Token[],
  words: readonly DocWord[],
  cur: EntityDetection[],
  j: number,
  model: TaggerModel,
  sports: () => boolean,
): EntityDetection[] | undefined {
  if (words[j]!.norm === UNITED) {
    if (j + 1 < tokens.length && !lineBreakBetween(text, tokens, j + 1, j) && UNITED_COMPANY.has(words[j + 1]!.norm)) return undefined;
  } else if (!sports()) return undefined;
  const own = spanAt(cur, tokens[j]!);
  const before = spanAt(cur, tokens[j - 1]!);
  if (before < 0) return undefined;
  const e = cur[before]!;
  let first = j - 1;
  while (first > 0 && tokens[first]!.start > e.start) first--;
  if (own === before) {
    // «سوانسي سيتي» as a person: the club, in a sports story, with no title before it. Two words
    // only: «واتفورد ونوريتش سيتي» is two clubs, not one.
    if (e.label !== 'PER' || e.end !== tokens[j]!.end || first !== j - 1 || !sports()) return undefined;
    if (first > 0 && [words[first - 1]!.norm, ...words[first - 1]!.forms].some((f) => model.gaz.hand.titles.has(f))) return undefined;
    return asClub(text, tokens, cur, first, j, 0);
  }
  if (e.label !== 'LOC' || e.end !== tokens[j - 1]!.end || e.start !== tokens[first]!.start) return undefined;
  // «تشيلسي ومانشستر يونايتد»: a و here is the club's, so only a country is refused.
  for (let k = first; k < j; k++) {
    if ([words[k]!.norm, ...words[k]!.forms].some((f) => countryWords().has(f) || CONTINENTS.has(f))) return undefined;
  }
  if (own >= 0) {
    const o = cur[own]!;
    if (o.label !== 'ORG' || o.start !== tokens[j]!.start || o.end !== tokens[j]!.end) return undefined;
  } else if (words[j]!.norm !== UNITED) return undefined;
  return asClub(text, tokens, cur, first, j, 0);
}

/**
 * Whether a person's span that opens with a club word is the club: only in a sports story, with
 * no title before it («الكاتبة هيرتا مولر») and no word after the club word that the lists or the
 * training data know as a person's («هيرتا مولر», the writer, even beside a match report).
 */
function personAsClub(words: readonly DocWord[], i: number, last: number, model: TaggerModel, sports: boolean): boolean {
  if (!sports) return false;
  const titles = model.gaz.hand.titles;
  if (i > 0 && [words[i - 1]!.norm, ...words[i - 1]!.forms].some((f) => titles.has(f))) return false;
  for (let k = i + 1; k <= last; k++) if (knownName(words[k]!.norm, 'PER', model)) return false;
  return true;
}

/** The spans with tokens first…last made one ORG span (its first `cut` characters, proclitics, left out). */
function asClub(text: string, tokens: readonly Token[], cur: EntityDetection[], first: number, last: number, cut: number): EntityDetection[] {
  const whole = spanOf(text, tokens, first, last, 'ORG', 'context');
  const club = cut > 0 ? { ...whole, start: whole.start + cut, text: whole.text.slice(cut) } : whole;
  const from = tokens[first]!.start;
  const to = tokens[last]!.end;
  // (The spans overlapping the club's tokens: from the first ending after its start, while they start before its end.)
  const inside: EntityDetection[] = [];
  for (let n = firstEndingAfter(cur, from); n < cur.length && cur[n]!.start < to; n++) if (cur[n]!.end > from) inside.push(cur[n]!);
  // The tagger's ORG over the same words: kept, its source too, without the proclitic
  // («وسبورتينغ لشبونة»: the proclitic step would not know سبورتينغ).
  const one = inside.length === 1 ? inside[0]! : undefined;
  if (one && one.label === 'ORG' && (one.start === club.start || one.start === whole.start) && one.end === club.end) {
    if (one.start === club.start) return cur;
    return cur.map((e) => (e === one ? { ...one, start: club.start, text: club.text } : e));
  }
  // A span that starts before the club's first token or runs on past its last is a longer name
  // the tagger read («نادي باريس سان جرمان» whole): left as it is.
  if (inside.some((e) => e.start < tokens[first]!.start || e.end > tokens[last]!.end)) return cur;
  // (The other spans in their order, the club after every span starting at or before it: what a
  // stable sort by start of the others with the club pushed last gives, without sorting them all.)
  const kept: EntityDetection[] = [];
  let placed = false;
  for (const e of cur) {
    if (e.end > from && e.start < to) continue;
    if (!placed && e.start > club.start) {
      kept.push(club);
      placed = true;
    }
    kept.push(e);
  }
  if (!placed) kept.push(club);
  return kept;
}

/** The town's words: no و before it (a list), no country or continent. */
function townAfter(words: readonly DocWord[], first: number, last: number): boolean {
  // وبرلين: a list of places, not the club's town.
  const w = words[first]!;
  if (w.norm.startsWith('و') && w.forms.includes(w.norm.slice(1))) return false;
  for (let k = first; k <= last; k++) {
    const f = words[k]!.norm;
    if (countryWords().has(f) || CONTINENTS.has(f)) return false;
  }
  return true;
}

/** The last token of a hand-listed place (a word, or a phrase of up to three words) at token k, or −1. */
function listedPlaceAt(tokens: readonly Token[], words: readonly DocWord[], k: number, model: TaggerModel): number {
  const hand = model.gaz.hand;
  if (hand.places.has(words[k]!.norm)) return k;
  let phrase = words[k]!.norm;
  for (let j = k + 1; j < tokens.length && j < k + 3; j++) {
    phrase += ' ' + words[j]!.norm;
    if (hand.placePhrases.includes(phrase)) return j;
  }
  return -1;
}

/**
 * Irregular town adjectives (folded): البيضاوي of الدار البيضاء, السكندري of الإسكندرية.
 */
const IRREGULAR_TOWN_ADJECTIVES = new Set(['البيضاوي', 'البيضاوية', 'السكندري', 'السكندرية'].map(foldWord));

/** Places of the lists that are peoples' lands or regions, not towns: their adjective names no club (الكردستاني). */
const REGIONS = new Set('فلسطين كردستان الشيشان دارفور سيناء الجولان القرم كشمير التبت الأحواز الأناضول القوقاز سيبيريا البلقان كردفان حضرموت ظفار'.split(' ').map(foldWord));

/**
 * Definite nouns a town's adjective describes without naming a club: «الفريق المراكشي», «الجمهور
 * الفاسي», «اللاعب التطواني», «النادي الباريسي» (Paris Saint-Germain, described, not named; so
 * «النادي المكناسي», a club's own name, is missed too), with the article; their stems here.
 */
const DESCRIBED_NOUNS = new Set(
  `فريق جمهور جماهير ملعب لاعب لاعبين لاعبون مدرب نادي منتخب شارع شعب إعلام صحافة ممثل بطل دوري موسم
  ديربي قطب مهاجم حارس مدافع نجم مسؤول رئيس مكتب مجلس طاقم عميد مشجع مشجعين أندية مدينة حرم مسجد جامع
  مطبخ تراث فن طرب زي أمن قضاء والي عامل`
    .split(/\s+/)
    .filter(Boolean)
    .map(foldWord),
);

/**
 * Whether a folded word is the adjective of a town that is no country (ال + a stem + ي or ية, the
 * stem a town of the hand lists): التطواني (تطوان), الفاسي (فاس), المراكشي (مراكش), المكناسي
 * (مكناس); and البيضاوي, السكندري. A nationality (المغربي, الإسباني) is not one, nor a region's or a
 * people's adjective (الخليجي: خليج is no place; الكردستاني, الفلسطيني).
 */
export function townAdjective(w: string, model: TaggerModel): boolean {
  if (w.length < 6 || !w.startsWith('ال')) return false;
  if (IRREGULAR_TOWN_ADJECTIVES.has(w)) return true;
  const feminine = w.endsWith('يه');
  if (!feminine && (!w.endsWith('ي') || w.endsWith('يي'))) return false;
  // The stem itself is a town of the hand lists (one set lookup first: most adjectives stop here).
  // With ة added, البصرية and الجدية would be Basra's and Jeddah's; an ordinary word is no town
  // (الصورية: صور, Tyre, is also «pictures»).
  const stem = w.slice(2, feminine ? -2 : -1);
  if (!model.gaz.hand.places.has(stem) || countryWords().has(stem) || REGIONS.has(stem) || listedCommonWord(stem)) return false;
  if (nationalityAdjective(feminine ? w.slice(0, -1) : w)) return false;
  // The training data's word: mostly untagged (an adjective of a people or a faith) or mostly a
  // person's (الطرابلسي, الحلبي: family names), no club's adjective.
  const c = model.gaz.lex.get(w);
  return !c || (c[0] * 2 < c[0] + c[1] + c[2] + c[3] + c[4] && c[1] <= c[3]);
}

/**
 * A club named by a word and its town's adjective, as Maghreb and Egyptian clubs are: «المغرب
 * التطواني», «الكوكب المراكشي», «المولودية الوجدية», «الرجاء البيضاوي», «الاتحاد السكندري». In a
 * sports story, a town adjective (townAdjective) right after a definite word on the same line makes
 * one ORG span of both: an ORG span the tagger read there, or a word with evidence of naming a club
 * (clubEvidence: the country «المغرب» of «المغرب الفاسي», tagged LOC or not; الرجاء, الكوكب), or
 * a two-word name before it whose first word has it («الاتحاد الرياضي الفاسي»). Left alone: a
 * person or a MISC span before it («محمد الفاسي»), a place that is no country («مطار أورلي
 * الباريسي»), a word the adjective only describes (DESCRIBED_NOUNS, the titles of the lists:
 * «الفريق المراكشي»; any word without the evidence: «المناخ اللندني», «القدود الحلبية»), a span
 * that runs on past the adjective.
 */
export function clubsWithTownAdjectives(text: string, tokens: readonly Token[], words: readonly DocWord[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  runningEnds = new WeakMap();
  let out: EntityDetection[] | undefined;
  let sports: boolean | undefined;
  for (let i = 1; i < tokens.length; i++) {
    // (The last letter first: ي, or ه for a folded ة; most words stop there.)
    const norm = words[i]!.norm;
    const last = norm.charCodeAt(norm.length - 1);
    if ((last !== 0x064a && last !== 0x0647) || !townAdjective(norm, model) || lineBreakBetween(text, tokens, i, i - 1)) continue;
    if (!(sports ??= sportsStory(words))) return found;
    if (!sportNear(words, i)) continue;
    const cur = out ?? found;
    const own = spanAt(cur, tokens[i]!);
    const before = spanAt(cur, tokens[i - 1]!);
    let first = i - 1;
    if (before >= 0) {
      const e = cur[before]!;
      if (e.label === 'PER' || e.label === 'MISC' || e.end > tokens[i]!.end || (own >= 0 && own !== before)) continue;
      while (first > 0 && tokens[first]!.start > e.start) first--;
      if (own === before && e.label === 'ORG') continue;
      // A place the tagger read (مطار أورلي الباريسي) names no club unless it is a country or a club's word.
      if (e.label === 'LOC' && !clubEvidence(words[first]!, model)) continue;
    } else {
      if (own >= 0 || !clubWordBefore(words[i - 1]!, model)) continue;
      // «الاتحاد الرياضي الفاسي»: one more definite word of the name, when the evidence is on it.
      const two = i >= 2 && !lineBreakBetween(text, tokens, i - 1, i - 2) && spanAt(cur, tokens[i - 2]!) < 0 && words[i - 1]!.norm.endsWith('ي');
      if (two && clubWordBefore(words[i - 2]!, model) && clubEvidence(words[i - 2]!, model)) first = i - 2;
      else if (!clubEvidence(words[i - 1]!, model)) continue;
    }
    out = asClub(text, tokens, cur, first, i, 0);
  }
  return out ?? found;
}

/** Words either side of a town adjective in which a sports word makes its story a sports one. */
const SPORT_WINDOW = 150;

/**
 * A sports word within SPORT_WINDOW words of token i: a file of many articles is a sports story as
 * a whole when any of them is, the story around the adjective may not be («الجمعية المراكشية» in
 * a report on Marrakesh's charities, a sports report further on).
 */
function sportNear(words: readonly DocWord[], i: number): boolean {
  const end = Math.min(words.length, i + SPORT_WINDOW + 1);
  for (let k = Math.max(0, i - SPORT_WINDOW); k < end; k++) if (clubBits(words[k]!) & Club.Sport) return true;
  return false;
}

/**
 * Whether a word's reading says it may name a club: a country (المغرب of «المغرب التطواني»), an
 * organisation of the lists (الرجاء, الوداد), or a word the training data tags as an organisation
 * at least twice and in a sixth or more of its sightings, more often than as anything else named
 * (الكوكب, المولودية, الجمعية, الاتحاد). Not a word only ever read as an ordinary one (المناخ,
 * الطقس, العقار, التصميم, الشاب) or unknown to it (القدود): a town's adjective describes those.
 */
function clubEvidence(w: DocWord, model: TaggerModel): boolean {
  for (const f of [w.norm, ...w.forms]) {
    if (countryWords().has(f) || model.gaz.hand.organisations.has(f) || mostlyOrganisation(f, model)) return true;
  }
  return false;
}

/** Whether an untagged word may open a club's name before a town adjective: definite, no person's or described noun. */
function clubWordBefore(w: DocWord, model: TaggerModel): boolean {
  if (!ARABIC_WORD.test(w.norm) || !w.norm.startsWith('ال')) return false;
  const stem = w.norm.slice(2);
  if (DESCRIBED_NOUNS.has(stem) || model.gaz.hand.titles.has(w.norm) || model.gaz.hand.placeTriggers.has(stem)) return false;
  return !knownName(w.norm, 'PER', model) && !model.gaz.hand.givenNames.has(w.norm);
}
