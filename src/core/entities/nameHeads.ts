// Names after the head noun of a company, a body or a facility: «شركة الجفالي», «مجموعة
// الجريسي», «حديقة شاند», «تعليم حائل». The tagger reads the name by itself and knows it as a family
// name or a town, and the document rules then spread that reading; the head noun says what the
// name names. A document rule (document.ts runs it before and after propagation).
//
// Where the head goes follows ANERcorp (train part: «شركة O B-ORG» 15 times, «مسجد O B-ORG» 19,
// «مدرسة O B-ORG» 5, «مطار O B-LOC» 7, «حديقة O B-LOC»; «جامعة B-ORG I-ORG» 23, «كلية» and «معهد»
// inside too) and the modern-news labels («مستشفى الملك فهد التخصصي», «مكتب عمل حائل» ORG over the
// whole name). Only a bare head counts: «الشركة يائيل ماجوير» is the company's person, «وزير الصحة
// خالد الفالح» the minister.

import type { Token } from '../arabic';
import type { EntityDetection, EntityLabel } from '../types';
import type { DocWord } from './document';
import type { TaggerModel } from './tagger';
import { cliticForms, foldWord } from './normalize';
import { lineBreakBetween, mostlyOrganisation, withAdded } from './documentWords';
import { countryNames } from './lexicon';

/** What a person's name after the head is, and whether the head joins the span. */
interface HeadRule {
  label: EntityLabel;
  /** The head is part of the name (جامعة الملك سعود), not outside it (شركة الجفالي). */
  inside: boolean;
  /** Which label of span the rule reads: a person's name, or a place (تعليم حائل). */
  from: EntityLabel;
  /** Not when the name is a country's (صحة مصر: its health, not a department). */
  notCountry?: boolean;
  /** Only when the lists or the training data know the name as an organisation (فريق ميلان, not فريق محمد العلي). */
  knownOrg?: boolean;
}

const RULES: ReadonlyArray<[string, HeadRule]> = [
  // Companies and groups: the family name is the firm's (شركة عبداللطيف جميل, مجموعة الجريسي).
  ['شركة شركات مجموعة مؤسسة مصرف بنك مصنع مصانع', { label: 'ORG', inside: false, from: 'PER' }],
  // Mosques and schools named after a person are bodies (ANERcorp: مسجد O B-ORG).
  ['مسجد جامع مدرسة', { label: 'ORG', inside: false, from: 'PER' }],
  // Universities, colleges, institutes, hospitals: the head is part of the body's name.
  ['جامعة كلية معهد أكاديمية مستشفى مستوصف', { label: 'ORG', inside: true, from: 'PER' }],
  // Parks, palaces, museums, hotels, towers, airports, stadiums: a place.
  ['حديقة منتزه قصر متحف فندق برج مطار ملعب استاد منتجع', { label: 'LOC', inside: false, from: 'PER' }],
  // Not «تطبيق» (app): far more often the verbal noun "applying", with its subject after it
  // (تطبيق ترامب لسياسات الهجرة، تطبيق مصر للاتفاقية).
  // Saudi regional departments named by their town: «تعليم حائل», «صحة الباحة»; never by a country
  // (صحة مصر الاقتصادية: Egypt's economic health, تعليم مصر: its education).
  ['تعليم صحة', { label: 'ORG', inside: true, from: 'LOC', notCountry: true }],
  // Municipalities, of a town or a city-state (بلدية المبرز، أمانة عمان، بلدية الكويت).
  ['بلدية أمانة', { label: 'ORG', inside: true, from: 'LOC' }],
  // Clubs named after their town or a person (نادي ليون، نادي هورست): ANERcorp's word after a bare
  // نادي or فريق is B-ORG about 50 times, B-LOC once; never a national side (فريق البرازيل).
  ['نادي فريق', { label: 'ORG', inside: false, from: 'LOC', notCountry: true }],
  ['نادي', { label: 'ORG', inside: false, from: 'PER' }],
  // In news «فريق» + a person is most often that person's team (فريق محمد العلي، ضمن فريق أحمد
  // زويل): a club only when the name is known as one (فريق ميلان read as a person).
  ['فريق', { label: 'ORG', inside: false, from: 'PER', knownOrg: true }],
];

/**
 * Adjectives that end a body's name (مستشفى الملك فهد التخصصي، مستشفى الملك خالد الجامعي، كلية
 * الملك فهد الأمنية): the name runs over them whether or not the tagger's span took them in.
 */
const BODY_ADJECTIVES = new Set(
  'التخصصي الجامعي العام المركزي العسكري التعليمي المرجعي الجامعية العسكرية الأمنية التقنية الطبية الصحية الأهلية'
    .split(' ')
    .map(foldWord),
);
const GENERAL = foldWord('العام');
/** «العام» before these is «the year» (العام الماضي), not the general hospital. */
const YEAR_WORDS = new Set('الماضي المقبل القادم الحالي الجاري المنصرم الدراسي نفسه'.split(' ').map(foldWord));

/**
 * Royal and princely titles that bodies are named with (جامعة الملك سعود, مستشفى الأمير سلطان
 * العسكري, كلية الملك فهد الأمنية): between a head that is part of the name and a person's name,
 * the body's name runs from the head over the title.
 */
const ROYAL_TITLES = new Set(['الملك', 'الملكة', 'الأمير', 'الأميرة', 'السلطان'].map(foldWord));

/** Folded country names (ICU's), which no health or education department is named by. */
let countries: ReadonlySet<string> | undefined;
function isCountry(name: string): boolean {
  countries ??= new Set(countryNames().map((c) => c.split(/\s+/).map(foldWord).join(' ')));
  return countries.has(name.split(/\s+/).map(foldWord).join(' '));
}

/**
 * Whether the lists or the training data know a name as an organisation: the name itself, or one
 * of its words (ميلان, يوفنتوس; مانشستر يونايتد by يونايتد, 26 ORG); not سلمان (4 PER, 3 ORG).
 */
function knownOrganisation(name: string, model: TaggerModel): boolean {
  const folded = name.split(/\s+/).map(foldWord);
  const hand = model.gaz.hand;
  if (folded.length > 1 && hand.orgPhrases.includes(folded.join(' '))) return true;
  return folded.some((w) => {
    return hand.organisations.has(w) || mostlyOrganisation(w, model);
  });
}

/**
 * A place with ب or ل on it (بجدة، بعنيزة، للرياض), which ends a body's name rather than belonging
 * to it (مستشفى الملك فهد بجدة): the place's form without the proclitic, or undefined.
 */
function attachedPlace(w: DocWord, model: TaggerModel): string | undefined {
  const c = w.norm.charCodeAt(0);
  if (c !== 0x0628 && c !== 0x0644) return undefined;
  const forms = cliticForms(w.norm);
  const f = forms[forms.length - 1];
  return f !== undefined && model.gaz.hand.places.has(f) ? f : undefined;
}

/** Folded head noun → rules by the label they read. */
const HEADS = new Map<string, Partial<Record<EntityLabel, HeadRule>>>();
for (const [words, rule] of RULES) {
  for (const w of words.split(' ')) {
    const f = foldWord(w);
    const m = HEADS.get(f) ?? {};
    m[rule.from] = rule;
    HEADS.set(f, m);
  }
}

/** The head rule of a bare head noun, with or without و ف ب ل on it (لشركة, بمستشفى); «الشركة» is none. */
function headOf(w: DocWord): { head: string; rules: Partial<Record<EntityLabel, HeadRule>> } | undefined {
  let rules = HEADS.get(w.norm);
  if (rules) return { head: w.norm, rules };
  for (const f of w.forms) {
    rules = HEADS.get(f);
    if (rules) return { head: f, rules };
  }
  return undefined;
}

/** Characters of proclitics on a raw token before its folded form `head` (بمستشفى → 1). */
function procliticChars(raw: string, head: string): number {
  for (let k = 0; k <= 3 && k < raw.length; k++) if (foldWord(raw.slice(k)) === head) return k;
  return 0;
}

/**
 * Spans right after a bare head noun, relabelled by the head (and widened over it when the head is
 * part of the name). A span that does not start a token, a head on another line or inside another
 * span, and labels the head does not read are left alone.
 */
export function headedNames(text: string, tokens: readonly Token[], words: readonly DocWord[], found: EntityDetection[], model: TaggerModel): EntityDetection[] {
  // (Copied only at the first change: most documents have none.)
  let out: EntityDetection[] | undefined;
  let places: EntityDetection[] | undefined;
  let ti = 0;
  let prevEnd = -1;
  for (let n = 0; n < found.length; n++) {
    const e = found[n]!;
    const before = prevEnd;
    prevEnd = Math.max(prevEnd, e.end);
    if (e.label !== 'PER' && e.label !== 'LOC' && e.label !== 'MISC') continue;
    while (ti < tokens.length && tokens[ti]!.end <= e.start) ti++;
    if (ti === 0 || ti >= tokens.length || tokens[ti]!.start !== e.start) continue;
    let k = ti - 1;
    let h = headOf(words[k]!);
    let from = e.label;
    if (!h && k >= 1 && ROYAL_TITLES.has(words[k]!.norm) && !lineBreakBetween(text, tokens, k, k - 1)) {
      // «مستشفى الملك فهد التخصصي»: a royal title between the head and the name it is named after.
      h = headOf(words[k - 1]!);
      k--;
      if (!h?.rules.PER?.inside) continue;
      from = 'PER';
    } else if (h && e.label === 'MISC' && ROYAL_TITLES.has(words[ti]!.norm) && h.rules.PER?.inside) {
      // «بمستشفى الملك خالد الجامعي» with the title read into a MISC span.
      from = 'PER';
    }
    if (before > tokens[k]!.start) continue;
    const rule = h?.rules[from];
    if (!h || !rule || lineBreakBetween(text, tokens, ti, ti - 1)) continue;
    if (rule.notCountry && isCountry(e.text)) continue;
    if (rule.knownOrg && !knownOrganisation(e.text, model)) continue;
    // The name's last token: before a place with ب / ل on it (مستشفى الملك فهد بجدة: جدة stays a
    // place), else over the adjectives that end a body's name (التخصصي، الجامعي).
    let last = ti;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < e.end) last++;
    let end = e.end;
    let cut = false;
    for (let j = ti + 1; j <= last; j++) {
      const place = attachedPlace(words[j]!, model);
      if (!place || (from === 'PER' && e.label === 'MISC' && j === ti + 1)) continue;
      end = tokens[j - 1]!.end;
      const ps = tokens[j]!.start + procliticChars(tokens[j]!.text, place);
      (places ??= []).push({ kind: 'entity', label: 'LOC', start: ps, end: tokens[j]!.end, text: text.slice(ps, tokens[j]!.end), source: 'gazetteer' });
      cut = true;
      break;
    }
    if (!cut && rule.inside) {
      const next = found[n + 1];
      for (let j = last + 1; j < tokens.length && (!next || next.start >= tokens[j]!.end); j++) {
        const w = words[j]!.norm;
        if (!BODY_ADJECTIVES.has(w) || lineBreakBetween(text, tokens, j, j - 1)) break;
        if (w === GENERAL && j + 1 < tokens.length && YEAR_WORDS.has(words[j + 1]!.norm)) break;
        end = tokens[j]!.end;
      }
    }
    out ??= found.slice();
    const start = rule.inside ? tokens[k]!.start + procliticChars(tokens[k]!.text, h.head) : e.start;
    out[n] = { ...e, label: rule.label, start, end, text: text.slice(start, end) };
    prevEnd = Math.max(before, end);
  }
  return places ? withAdded(out!, places) : out ?? found;
}
