// Entity spans without the proclitics attached to their first word (وبغداد → بغداد), as Khabar's
// spans are defined; token-level scoring and the CoNLL export still tag whole tokens.

import type { EntityDetection } from '../types';
import type { TaggerModel } from './tagger';
import { cliticForms, foldWord } from './normalize';
import { lexName, listedName } from './documentWords';
import { clubFirstWord } from './clubNames';

/**
 * Spans without the proclitics attached to their first word (وبغداد → بغداد, بمكة → مكة,
 * والسعودية → السعودية), as Khabar's spans are defined: the quote, the hover and the exports name
 * the entity itself. A proclitic comes off only when what is left is a name the lists or the
 * training data know, or starts with the article while the whole word is unknown (والعرضيات), and
 * never when the whole word is itself a listed name (بغداد, لبنان, كندا, فرنسا keep their first
 * letter). ل + ال (للأمم) keeps its ل: the article's alef is not in the text. Token-level scoring
 * (ANERcorp, the CoNLL export) is unchanged: a span that starts inside a token still tags it.
 */
export function withoutProclitics(found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  // Words of the document's mentions, folded: a bare form the document itself names
  // (جوزيب بارتوميو … وبارتوميو) is known too, whatever the lists say.
  const firsts = new Set<string>();
  for (const e of found) {
    for (const m of e.text.matchAll(/[\u0621-\u065f\u0670-\u06d3\u0640]+/g)) firsts.add(foldWord(m[0]));
  }
  // Whole mentions of several words, folded: «ودير الزغب» is «دير الزغب» when the document also
  // names it bare, though a stem of three letters (دير) is not enough on its own.
  // So are the last words of a longer mention: «وخان يونس» after «بلدية خان يونس».
  const phrases = new Set<string>();
  for (const e of found) {
    if (!/\s/.test(e.text)) continue;
    const words = foldPhrase(e.text).split(' ');
    for (let k = 0; k + 2 <= words.length; k++) phrases.add(words.slice(k).join(' '));
  }
  let changed = false;
  const out = found.map((e) => {
    if (clubName(e)) return e;
    const cut = procliticLength(e.text, model, firsts) || phraseProclitic(e.text, phrases);
    if (cut === 0) return e;
    changed = true;
    return { ...e, start: e.start + cut, text: e.text.slice(cut) };
  });
  return changed ? out : found;
}

/**
 * A club's name of several words that opens with a club word as written: بروسيا of «بروسيا
 * دورتموند», فيردر of «فيردر بريمن» keep their first letter (not ب + روسيا; «بروسيا» alone, a
 * place, still loses it).
 */
function clubName(e: EntityDetection): boolean {
  if (e.label !== 'ORG') return false;
  const space = e.text.search(/\s/);
  return space > 0 && clubFirstWord(foldWord(e.text.slice(0, space)));
}

/** A text's words folded and joined by one space. */
function foldPhrase(text: string): string {
  return text.trim().split(/\s+/).map(foldWord).join(' ');
}

/**
 * Proclitics (one or two of و ف ب ك ل) before a mention of several words that the document also
 * names without them (ودير الزغب … دير الزغب): their length, or 0.
 */
function phraseProclitic(spanText: string, phrases: ReadonlySet<string>): number {
  if (!/\s/.test(spanText)) return 0;
  for (let k = 1; k <= 2; k++) {
    if (!'وفبكل'.includes(spanText[k - 1]!)) return 0;
    // «كو لاتيرال», «وو فو شنغ»: a proclitic is attached to the word after it.
    if (k >= spanText.length || /\s/.test(spanText[k]!)) return 0;
    if (phrases.has(foldPhrase(spanText.slice(k)))) return k;
  }
  return 0;
}

/** How many characters of proclitics to take off the start of a span's text (0: none). */
function procliticLength(spanText: string, model: TaggerModel, firsts: ReadonlySet<string>): number {
  const c0 = spanText.charCodeAt(0);
  // و ف ب ك ل: anything else starts no proclitic.
  if (c0 !== 0x0648 && c0 !== 0x0641 && c0 !== 0x0628 && c0 !== 0x0643 && c0 !== 0x0644) return 0;
  let end = 0;
  while (end < spanText.length && ARABIC_LETTER_OR_MARK.test(spanText[end]!)) end++;
  const raw = spanText.slice(0, end);
  const word = foldWord(raw);
  // The lists hold bare names: بغداد, لبنان, كندا are names as written.
  if (listedName(word, model)) return 0;
  // ANERcorp tags whole tokens, so its statistics know بالعراق as a place just as they know
  // بلير as a person: a stem they also know overrules the whole word only with the article
  // (بالعراق → العراق), or when the lists know it (وسوريا → سوريا).
  const wordIsName = lexName(word, model);
  const lex = model.gaz.lex;
  for (const form of cliticForms(word)) {
    const article = form.startsWith('ال');
    const known =
      listedName(form, model) ||
      (form.length >= 4 && firsts.has(form)) ||
      // A stem of three letters the lists do not hold is too often a different word (باغا, a
      // town, is not ب + آغا).
      (form.length >= 4 && lexName(form, model) && (article || !wordIsName)) ||
      (article && form.length >= 5 && !lex.has(word));
    if (!known) continue;
    for (let k = 1; k <= 3 && k < raw.length; k++) {
      if (foldWord(raw.slice(k)) === form) return k;
    }
  }
  return 0;
}

/** Arabic letters and the marks that may sit on them (harakat, tatweel): one word's characters. */
const ARABIC_LETTER_OR_MARK = /[\u0621-\u065f\u0670-\u06d3\u0640]/;
