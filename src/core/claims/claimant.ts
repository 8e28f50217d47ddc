// Who makes a claim: the speaker after a verb (past an addressee and time words), the subject
// before a subject-first verb or the antecedent of الذي / التي, the subject of كان … قد, the
// subject of a sentence's opening verb, or the previous speaker, inherited.

import { isReportingNoun, verbGender, type ClaimScan, type Speaker } from './claimScan';
import { skipAddressee, toldAfterSpeaker } from './addressee';
import { W } from './lexicon';
import { entityAfter, phraseEnd, zoneEnd } from './phrase';
import { ADVERBS, antecedentName, kanaQadBefore, quotedNameMark, TALK } from './subjects';
import { firstWord, isComma, isDigit, isMasdar, stripConj, verbBits, VerbKind, type Sentence } from './tokens';

/**
 * The verb's object written right after it, before the speaker: ذلك (أكد ذلك مدير المرور) and a
 * preposition with a pronoun pointing back (بما أشار إليه التقرير, ما نص عليه القرار). Folded.
 */
const OBJECT_BEFORE_SPEAKER: ReadonlySet<string> = new Set(['ذلك', 'اليه', 'اليها', 'عليه', 'عليها', 'فيه', 'فيها', 'به', 'بها', 'عنه', 'عنها']);
/** Demonstratives that open adverbials (مع ذلك، خلال تلك الفترة), not subjects. Folded. */
const DISTAL: ReadonlySet<string> = new Set(['ذلك', 'تلك']);
/** Near demonstratives that may open a subject (هذا المصدر) or the writer's argument (هذا الواقع). Folded. */
const NEAR: ReadonlySet<string> = new Set(['هذا', 'هذه', 'وهذا', 'وهذه']);
/** Negation particles between a subject and its verb (not after و: ولم تكشف opens a new clause). Folded. */
const NEGATION: ReadonlySet<string> = new Set(['لم', 'لن', 'لا']);
/** Before a present verb with no subject, these make the statement the writer's (مما يؤكد أن …): no claimant. */
const NO_SPEAKER_BEFORE: ReadonlySet<string> = new Set(['مما', 'ما']);
/**
 * Verbal nouns that are a speech verb's object when they follow it (وأكد حرص الوزارة على …،
 * أكد أهمية …): the speaker is not written there. Folded; objectMasdar catches the derived patterns.
 */
const OBJECT_NOUNS: ReadonlySet<string> = new Set(['حرص', 'اهميه', 'ضروره', 'عزم', 'دعم', 'رفض', 'تمسك', 'اهتمام', 'استعداد', 'التزام',
  'استمرار', 'حاجه', 'وجود', 'عدم', 'نجاح', 'قدره', 'ثقه', 'حق', 'موقف', 'مكانه', 'دور']);
/** Verbal nouns that name a study, a report or a group, which speak (كشف استطلاع أجراه المركز أن …، أعلن تنظيم …). Folded. */
const SPEAKING_MASDARS: ReadonlySet<string> = new Set(['استطلاع', 'تحقيق', 'تحليل', 'تسجيل', 'احصاء', 'استبيان', 'اختبار', 'تقييم',
  'تنظيم']);
/** Denials: in نفت الوزارة ما نشرته صحيفة X من أن …, the statement after أن is the newspaper's. Folded. */
const DENY: ReadonlySet<string> = new Set(['نفي', 'نفت', 'نفوا', 'ينفي', 'تنفي', 'نافيا', 'نافيه']);
/** Verbs of publishing after ما (ما نشرته صحيفة …، ما تداولته وسائل …). Folded, with and without the pronoun. */
const PUBLISHED: ReadonlySet<string> = new Set(['نشرته', 'نشرت', 'نشره', 'نشر', 'ذكرته', 'اوردته', 'اوردت', 'اورده', 'تداولته',
  'تداولت', 'تناقلته', 'تناقلت', 'نقلته', 'بثته', 'بثت', 'روجته', 'روجت', 'اشاعته', 'زعمته', 'ادعته']);
/** Independent pronouns, with و / ف (folded): as a verb's subject they point back to a speaker. */
const PRONOUNS: ReadonlySet<string> = new Set(['هو', 'هي', 'هم', 'هن', 'هما', 'فهو', 'فهي', 'فهم', 'وهو', 'وهي', 'وهم', 'نحن', 'ونحن', 'فنحن']);
/**
 * لكن / إلا أن with a pronoun (لكنه أضاف، ولكنها أقرت، إلا أنه قال): the pronoun is the subject and
 * points back to the one the sentence or the one before is about. Folded.
 */
const BUT_PRONOUNS: ReadonlySet<string> = new Set(['لكنه', 'ولكنه', 'لكنها', 'ولكنها', 'لكنهم', 'ولكنهم', 'انه', 'انها', 'انهم']);
/** Negations written with و / ف open a clause whose subject is not written before them (ولم تكشف …). Folded. */
const CLAUSE_NEGATION: ReadonlySet<string> = new Set(['ولم', 'فلم', 'ولن', 'فلن', 'ولا', 'فلا']);
/** First-person pronouns that open quoted words right after a speech verb (قال نحن …). Folded. */
const FIRST_PERSON: ReadonlySet<string> = new Set(['نحن', 'انا']);
/** Prepositions that govern the noun after them, which then cannot be a verb's subject. Folded. */
const GOVERNING: ReadonlySet<string> = new Set(['علي', 'في', 'عن', 'الي', 'مع', 'حول', 'ضمن', 'لدي']);
/** A prepositional phrase before a verb this short is an adverbial (في الملف النووي، على اختلاف أنواعها). */
const MAX_GOVERNED = 3;
/** The subject before it is taken only this short (in tokens); longer it is rather a clause. */
const MAX_BEFORE_GOVERNED = 6;
/** من جهته، من جانبها، من ناحية أخرى: "for his part", an adverbial before the verb. Folded. */
const SIDE = /^(جه|جان|ناحي)/;
/** Words that open a new clause: a subject before a verb does not reach back past them (غير أني اتصلت …). Folded. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['غير', 'اما', 'واما', 'كان', 'كانت', 'وكان', 'وكانت', 'اني', 'انني', 'اننا', 'لاني', 'لكني', 'لانني', 'بل', 'ثم', 'ولكني']);

/** A verbal noun written right after a speech verb is its object (وأكد حرص الوزارة على …). */
export function objectNoun(cs: ClaimScan, j: number): boolean {
  const z = cs.toks[j];
  if (!z || !z.word || z.n.startsWith('ال') || (z.f | z.fp) & (W.Title | W.OrgHead | W.Anonymous | W.Document | W.Honorific | W.Time | W.Break)) return false;
  if (!OBJECT_NOUNS.has(z.n) && (!objectMasdar(z.n) || SPEAKING_MASDARS.has(z.n))) return false;
  return !cs.hasEntity(z.start, z.end);
}

/**
 * The verbal noun patterns تفعيل، افتعال، استفعال (تعويض، انتشار، استمرار). Not إفعال: unvowelled
 * it is also the plural أفعال / أفعلاء (أنصار، أطباء، أنباء), and plurals speak.
 */
function objectMasdar(n: string): boolean {
  return n.length === 5 ? n[0] === 'ت' && n[3] === 'ي' : isMasdar(n);
}

/**
 * نفت الوزارة ما نشرته صحيفة «الأنباء» من أن …، ونفى ما تداولته وسائل إعلام من أن …: after a
 * denial, what was published and is denied is the publisher's statement; its claimant is the
 * publisher, written after the publishing verb (null when there is no such verb before k).
 */
function deniedPublisher(cs: ClaimScan, i: number, k: number): Speaker | null {
  const toks = cs.toks;
  if (!DENY.has(stripConj(toks[i]!.n))) return null;
  for (let m = i + 1; m + 2 < k; m++) {
    if (toks[m]!.n !== 'ما') continue;
    if (!PUBLISHED.has(toks[m + 1]!.n)) return null;
    return mediaAfter(cs, m + 2, k);
  }
  return null;
}

/** The publisher written from `from` up to من / أن or a break word (صحيفة «الأنباء»، بعض وسائل الإعلام). */
function mediaAfter(cs: ClaimScan, from: number, k: number): Speaker | null {
  const toks = cs.toks;
  let end = from;
  while (end < k) {
    const z = toks[end]!;
    const close = cs.closeOf[end]!;
    if (!z.word && close > end && close < k) {
      end = close + 1;
      continue;
    }
    if (!z.word || z.n === 'من' || (z.f & W.Break && !(end === from && z.n === 'في'))) break;
    end++;
  }
  // The statement must follow the publisher: ما نشرته صحيفة X من أن …، ما ذكر في X أن …; farther on
  // (ما ذكر في بعض الكتب … غير صحيح، بل أن …) the أن is someone else's.
  const next = end < k && toks[end]!.n === 'من' ? end + 1 : end;
  if (end <= from || next !== k) return null;
  return cs.explicit(toks[from]!.n === 'في' ? from + 1 : from, end);
}

/** The speaker of a verb whose complementiser is at token k. */
export function speaker(cs: ClaimScan, i: number, k: number, kind: VerbKind): Speaker | null {
  const toks = cs.toks;
  if (kind === VerbKind.Participle) return participleSpeaker(cs, i);
  if (kind === VerbKind.Locative) {
    // وجاء في بيان الوزارة أن …
    if (i + 2 < k && toks[i + 1]!.n === 'في') return cs.explicit(i + 2, zoneEnd(cs, i + 2, k, true));
    return null;
  }
  // ونفت الوزارة ما نشرته صحيفة «الأنباء» من أن …: the statement denied is the newspaper's.
  const denied = deniedPublisher(cs, i, k);
  if (denied) return denied;
  // ونفى ما ذكر في بعض وسائل الإعلام أن …: a passive report names its medium after في.
  if (i > 0 && (toks[i - 1]!.n === 'ما' || toks[i - 1]!.n === 'لما') && toks[i + 1]?.n === 'في' && i + 2 < k) {
    const medium = mediaAfter(cs, i + 2, k);
    if (medium) return medium;
  }
  if (verbBits(toks[i]!) & W.Relay) {
    for (let r = i + 1; r < k - 1; r++) {
      if (toks[r]!.n === 'عن') return cs.explicit(r + 1, zoneEnd(cs, r + 1, k, false));
      // ونقل التلفزيون عنه قوله إن …: the one quoted is the speaker named before.
      if ((toks[r]!.n === 'عنه' || toks[r]!.n === 'عنها') && r > i + 1) return cs.inherit();
    }
  }
  // فهي أكدت لهما …، وهو يقول إن …: a pronoun written as the subject before the verb stands for the
  // one named before; the words after the verb (an addressee, an object) are not the speaker.
  if (i - 1 >= cs.current.a && PRONOUNS.has(toks[i - 1]!.n)) return cs.inherit(i);
  // أعلن أمس الأربعاء وزير الخارجية …، قد أعلن مسبقا أن …: time words and adverbs may come before the speaker.
  let from = i + 1;
  while (from < k && (toks[from]!.f & W.Time || ADVERBS.has(toks[from]!.n))) from++;
  // ثم يوضح أكثر: «…»: أكثر with no من after it is an adverb (more), not the speaker (أكثر من مسؤول is one).
  if (from + 1 === k && from === i + 1 && toks[from]!.n === 'اكثر') return cs.inherit(i);
  if (from > i + 1 && from < k && toks[from]!.f & W.Break) from = i + 1;
  // قال نحن نقود …، قال أنا …: a first-person pronoun after the verb opens the quoted words; the
  // speaker is the one named before.
  if (from < k && FIRST_PERSON.has(toks[from]!.n)) return cs.inherit(i);
  // أكد ذلك مدير المرور …، بما أشار إليه التقرير، كلمة أوضح فيها أن …: the object is not the speaker.
  if (from < k && OBJECT_BEFORE_SPEAKER.has(toks[from]!.n)) from++;
  // قال هذا البيت، أكد هذه الحقيقة: a near demonstrative before a plain noun is the object; the one who
  // speaks is the subject named before (هذا المصدر، هذه الصحيفة still speak).
  if (from + 1 < k && NEAR.has(toks[from]!.n) && toks[from + 1]!.word && !((toks[from + 1]!.f | toks[from + 1]!.fp) & (W.Title | W.OrgHead | W.Anonymous | W.Document)) &&
    !cs.hasEntity(toks[from + 1]!.start, toks[from + 1]!.end)) return cs.inherit(i);
  // وأكد حرص الوزارة على …، أكد أهمية أن …: a verbal noun right after the verb is its object; so is
  // a feminine reporting noun after a masculine verb (وأكد متابعة السفارة للحادث).
  if (from === i + 1 && (objectNoun(cs, from) || (verbGender(toks[i]!) === 1 && isReportingNoun(toks[from]!.n) && (toks[from]!.n.endsWith('ه') || toks[from]!.n.endsWith('ات'))))) return cs.inherit(i);
  // أكد لـ"الاقتصادية" مصدر …، الذي أكد لوزير الخارجية أن …: the addressee is not the speaker.
  from = skipAddressee(cs, from, k);
  let end = zoneEnd(cs, from, k, false);
  // قال المدير لضيفه إن …، وأكدت الشرطة للصحيفة أن …: who was told, written after the speaker right
  // before the complementiser, is not part of him.
  if (end === k && end - 1 > from && toldAfterSpeaker(cs, end - 1)) end--;
  // أعلنت شركة «إنوكيم» مؤخرا أن …: an adverb after the speaker is not part of him.
  while (end - 1 > from && ADVERBS.has(toks[end - 1]!.n)) end--;
  if (end > from) return cs.explicit(from, end);
  // أما شرطة لوس أنجلوس فأكدت للصحيفة أن …: the topic between أما and the فـ verb speaks; when
  // no such topic can be read, nobody is named (not the speaker of the sentence before).
  const topic = amaTopic(cs, i);
  if (topic !== undefined) return topic;
  // … الذي أكد لوزير الخارجية أن …: the relative clause's antecedent, when gender agrees.
  if (relativeBefore(cs, i)) {
    const found = subjectBefore(cs, i);
    if (found && found.strength !== 'inherited') return found;
  }
  // فالبعض يقول عنه إنه …: nothing after the verb, a subject-like word right before it (the sentence's
  // opening subject when it ends there: أما مدير البرنامج في جامعة … فأكد).
  if (i > cs.current.a && toks[i - 1]!.word && ((toks[i - 1]!.f | toks[i - 1]!.fp) & (W.Title | W.OrgHead | W.Anonymous | W.Document) ||
    cs.hasEntity(toks[i - 1]!.start, toks[i - 1]!.end))) {
    const opening = cs.previous;
    if (opening && opening.claimant.end === toks[i - 1]!.end && opening.claimant.start >= toks[cs.current.a]!.start) return opening;
    const found = subjectBefore(cs, i);
    if (found && found.strength !== 'inherited') return found;
  }
  return kanaQadSubject(cs, i) ?? cs.inherit(i);
}

/**
 * `كشف ذلك لـ«اليوم» مدير عام الفرع …`: the speaker after a verb whose object (ذلك at i + 1) is the
 * statement before it, past an addressee, up to limit; null when none is found.
 */
export function speakerAfterThat(cs: ClaimScan, i: number, limit: number): Speaker | null {
  const from = skipAddressee(cs, i + 2, limit);
  let end = zoneEnd(cs, from, limit, false);
  // أوضح ذلك مدير الشؤون الصحية في منطقة الرياض الدكتور خالد العلي، وقال …: nothing but the
  // speaker stands between ذلك and the comma, so he runs to it.
  if (end > from && end < limit) {
    const whole = zoneEnd(cs, from, limit, true);
    if (whole - from <= MAX_AFTER_THAT && (whole >= limit || isComma(cs.toks[whole]!.raw)) && !hasVerbOrComplementiser(cs, end, whole)) end = whole;
  }
  return end > from ? cs.explicit(from, end) : null;
}

/** A speaker after ذلك runs to the comma only this far (long title chains with a place and a name). */
const MAX_AFTER_THAT = 16;

function hasVerbOrComplementiser(cs: ClaimScan, a: number, b: number): boolean {
  for (let j = a; j < b; j++) if (cs.toks[j]!.vk !== VerbKind.None || cs.toks[j]!.f & W.Complementiser) return true;
  return false;
}

/** فيه، عنه، إليها …: a preposition with a pronoun pointing back, written after a verb (أكد فيها …). */
export function isObjectPronoun(n: string): boolean {
  return n !== 'ذلك' && OBJECT_BEFORE_SPEAKER.has(n);
}

/** الذي before a masculine verb, التي before a feminine one (ending in ت). */
function relativeBefore(cs: ClaimScan, i: number): boolean {
  const rel = cs.toks[i - 1];
  const verb = cs.toks[i]!;
  return !!rel && (rel.n === 'الذي' ? !verb.n.endsWith('ت') : rel.n === 'التي' && verb.n.endsWith('ت'));
}

/** وكان وزير الدفاع قد أعلن أن …: the subject between كان and قد. */
function kanaQadSubject(cs: ClaimScan, i: number): Speaker | null {
  const toks = cs.toks;
  if (i < 2 || toks[i - 1]!.n !== 'قد') return null;
  // وكان رئيس اللجنة الدكتور عبدالله البرقان، قد أعلن: a comma may close the subject before قد.
  const end = isComma(toks[i - 2]!.raw) ? i - 2 : i - 1;
  for (let j = end - 1; j >= Math.max(0, i - 16); j--) {
    const n = stripConj(toks[j]!.n);
    // الخطيب كان قد صرح: with nothing between كان and قد the subject stands before كان.
    if (n === 'كان' || n === 'كانت') return j + 1 < end ? cs.explicit(j + 1, end) : subjectBeforeKana(cs, j);
    if (!toks[j]!.word) return null;
  }
  return null;
}

/** A speaker-like subject written before a bare كان at j (الخطيب كان صرح، الهيئة كانت قد أعلنت). */
function subjectBeforeKana(cs: ClaimScan, j: number): Speaker | null {
  if (j <= cs.current.a || (cs.toks[j]!.n !== 'كان' && cs.toks[j]!.n !== 'كانت')) return null;
  const found = subjectBefore(cs, j);
  return found && found.strength !== 'inherited' && speakerLike(cs, found) ? found : null;
}

/** Quotes and brackets a topic after أما may hold (أما صحيفة «اعتماد» الإصلاحية فرأت). */
const TOPIC_MARKS: ReadonlySet<string> = new Set(['«', '»', '"', '“', '”', '(', ')']);

/** Third-person pronouns as a topic after أما (أما هو فقال): the speaker named before. */
const TOPIC_PRONOUNS: ReadonlySet<string> = new Set(['هو', 'هي', 'هم', 'هما', 'هن']);

/**
 * A sentence opening أما (وأما) with the verb at i written with فـ (فأكدت، فقد أكد): the topic
 * between them as the speaker, a pronoun's referent inherited, null when the topic is no plain
 * noun phrase (أما بالنسبة لـ …); undefined when the sentence is not so built or the topic is long.
 */
function amaTopic(cs: ClaimScan, i: number): Speaker | null | undefined {
  const toks = cs.toks;
  let v = i;
  if (toks[v - 1]?.n === 'فقد') v--;
  else if (toks[i]!.n[0] !== 'ف') return undefined;
  const a = firstWord(toks, cs.current);
  if (a >= v - 1 || (toks[a]!.n !== 'اما' && toks[a]!.n !== 'واما')) return undefined;
  if (v - a - 1 === 1 && TOPIC_PRONOUNS.has(toks[a + 1]!.n)) return cs.inherit(i);
  // أما تهاني العقيل، فرأت: a comma may close the topic.
  let e = v;
  if (isComma(toks[e - 1]!.raw) && e - 1 > a + 1) e--;
  // A longer topic (an apposition between commas, another verb: أما بخصوص …، فيتمسك …، فيقولون) is
  // left to the rules below.
  if (e - a - 1 > 8) return undefined;
  for (let j = a + 1; j < e; j++) if (toks[j]!.word ? toks[j]!.vk !== VerbKind.None : !TOPIC_MARKS.has(toks[j]!.raw)) return undefined;
  // أما عن هجوم طالبان فيقول: the topic is what is spoken about, the speaker is the one before.
  if (prepositionAt(cs, a + 1)) return undefined;
  if (toks[a + 1]!.n === 'بالنسبه') return null;
  // أما «فايننشال تايمز» فرأت: a quoted name, without its quotes.
  if (!toks[a + 1]!.word && cs.closeOf[a + 1] === e - 1) return cs.explicit(a + 2, e - 1);
  return cs.explicit(a + 1, e);
}

/** The noun phrase just before a subject-first verb, back to punctuation or a break word. */
export function subjectBefore(cs: ClaimScan, i: number): Speaker | null {
  const toks = cs.toks;
  // الشركة لم تكشف …، الوزارة لن تعلن …، أما لوبين فقد قال …: the subject stands before the particle.
  if (i - 1 > cs.current.a && (NEGATION.has(toks[i - 1]!.n) || toks[i - 1]!.n === 'فقد')) return subjectBefore(cs, i - 1);
  // لكنه أضاف أن …، وعبر الوزير عن الأمل ولكنه أقر أن …، ولم تكشف عن …: the subject is not written
  // here; the sentence's opening verb names it, else the speaker before.
  if (i - 1 >= cs.current.a && toks[i - 1]!.word) {
    const n = toks[i - 1]!.n;
    const but = BUT_PRONOUNS.has(n) && (n.startsWith('ل') || n.startsWith('ول') || toks[i - 2]?.n === 'الا');
    if (but || CLAUSE_NEGATION.has(n)) return openingVerbSubject(cs, i - 1) ?? cs.inherit(i);
  }
  let j = i;
  // وكان المدرب قد أكد أن …: the subject between كان and قد; الخطيب كان صرح: the one before كان.
  const kq = toks[i - 1]?.n === 'قد' ? kanaQadSubject(cs, i) : subjectBeforeKana(cs, i - 1);
  if (kq) return kq;
  // مما يؤكد أن …، وهو ما يشير إلى أن …: a present verb after ما states the writer's inference (a past
  // one continues the subject: وهو ما قالت إنه ضروري).
  if (i - 1 >= cs.current.a && toks[i]!.vk === VerbKind.Present && NO_SPEAKER_BEFORE.has(toks[i - 1]!.n)) return null;
  // السفير أسامة نقلي الذي أكد أن …: the antecedent of الذي (التي with a feminine verb) speaks.
  if (i - 1 > cs.current.a && relativeBefore(cs, i)) {
    const found = subjectBefore(cs, i - 1);
    // Only a speaker-like antecedent (a title, body, source or a name): not الأمر الذي يشير.
    if (found && found.strength !== 'inherited' && speakerLike(cs, found)) return antecedentName(cs, found);
    return cs.inherit(i);
  }
  // المهدي رئيس الجمعية، أكد …: one comma may sit between the subject and its verb.
  if (j - 1 > cs.current.a && isComma(toks[j - 1]!.raw)) {
    const found = subjectBefore(cs, j - 1);
    return found && found.strength !== 'inherited' ? found : cs.inherit(i);
  }
  while (j > cs.current.a && i - j < 8) {
    const z = toks[j - 1]!;
    if (z.word ? z.f & (W.Break | W.Complementiser) || z.vk !== VerbKind.None || CLAUSE_OPENERS.has(z.n) : !quotedNameMark(cs, j - 1, i)) break;
    j--;
  }
  // غير أني اتصلت بالمدير الذي أكد …: a verb and its prepositional object: the object is the antecedent.
  if (i - j >= 2 && toks[j]!.f === 0 && toks[j]!.fp === 0 && 'بل'.includes(toks[j + 1]!.n[0]!) && toks[j + 1]!.f === 0 &&
    toks[j + 1]!.fp & (W.Title | W.OrgHead | W.Anonymous) && !cs.hasEntity(toks[j]!.start, toks[j]!.end)) j++;
  // فهو يقول إنه …، وهي تؤكد أن …: a pronoun subject stands for the speaker named before.
  if (i - j === 1 && PRONOUNS.has(toks[j]!.n)) return cs.inherit(i);
  // على اختلاف أنواعها يقول: …، صالحي كبير المفاوضين في الملف النووي صرح …: a phrase governed by a
  // preposition is no subject; the subject may stand before the preposition (a speaker-like phrase),
  // else the speaker named before speaks on. من only so in من جهته / من جانبها (رد من التلفزيون يشير
  // names its source after من).
  if (j > cs.current.a && j < i && i - j <= MAX_GOVERNED && governed(cs, j, i) && !speakerWords(cs, j, i)) {
    const before = j - 1 > cs.current.a ? subjectBefore(cs, j - 1) : null;
    const at = before ? cs.tokenAt(before.claimant.start) : 0;
    // Not a phrase right after a verb: that is the verb's own subject and object (أعلنت الهيئة القبض …).
    if (before && before.strength !== 'inherited' && cs.tokenAt(before.claimant.end) - at < MAX_BEFORE_GOVERNED &&
      !(at > 0 && toks[at - 1]!.vk !== VerbKind.None)) {
      if (speakerLike(cs, before)) return before;
      // السكان في غزة يقولون …: a plain subject that opens the sentence is still its subject; the
      // speaker of an earlier sentence is not.
      if (at === firstWord(toks, cs.current) && !prepositionAt(cs, at)) return before;
    }
    // أعلنت رئاسة أمن الدولة القبض على خلية في منطقة القصيم قالت إنهم …: the subject of the verb
    // that opens the sentence.
    return openingVerbSubject(cs, j - 1) ?? cs.inherit(i);
  }
  // Only a phrase that looks like a subject: a title, body, source or document, a known name,
  // or a short name (مهدي المطري); not a fronted topic (أما عن تصنيف وجودها … قالت).
  let subjectLike = i - j <= 2 && j < i;
  for (let k = j; k < i && !subjectLike; k++) {
    if ((toks[k]!.f | toks[k]!.fp) & (W.Title | W.OrgHead | W.Anonymous | W.Document)) subjectLike = true;
  }
  if (!subjectLike && j < i && cs.hasEntity(toks[j]!.start, toks[i - 1]!.end)) subjectLike = true;
  // ومع ذلك، يعترف بأن …؛ خلال تلك الفترة، أوضح أن …: an adverbial before the comma, not the subject.
  for (let k = j; k < i && subjectLike; k++) if (DISTAL.has(toks[k]!.n)) subjectLike = false;
  // هذا الواقع يؤكد أن …: a demonstrative before a plain noun is the writer's argument, not a speaker
  // (هذا المصدر، هذه الدراسة still speak).
  if (subjectLike && j < i && NEAR.has(toks[j]!.n)) {
    let flagged = false;
    for (let k = j + 1; k < i; k++) if ((toks[k]!.f | toks[k]!.fp) & (W.Title | W.OrgHead | W.Anonymous | W.Document)) flagged = true;
    if (!flagged && !cs.hasEntity(toks[j]!.start, toks[i - 1]!.end)) return null;
  }
  return subjectLike ? cs.explicit(j, i) : cs.inherit(i);
}

/**
 * The subject written right after the verb that opens the current sentence (a title, body, source or
 * a person or organisation the recogniser found), when it ends before `limit`; null otherwise.
 */
export function openingVerbSubject(cs: ClaimScan, limit: number): Speaker | null {
  const toks = cs.toks;
  let a = firstWord(toks, cs.current);
  // لم تكشف الشركة عن قيمة الصفقة، لكنها قالت …: past a negation the verb opens the sentence.
  if (a + 1 < limit && (NEGATION.has(toks[a]!.n) || CLAUSE_NEGATION.has(toks[a]!.n))) a++;
  if (a + 1 >= limit || toks[a]!.vk === VerbKind.None) return null;
  let from = a + 1;
  while (from < limit && toks[from]!.f & W.Time) from++;
  const z = toks[from];
  if (!z || from >= limit || !z.word) return null;
  const e = z.f & (W.Title | W.OrgHead | W.Anonymous) ? null : entityAfter(cs, from, limit);
  if (!(z.f & (W.Title | W.OrgHead | W.Anonymous)) && !(e && e.start === z.start && (e.label === 'PER' || e.label === 'ORG'))) return null;
  const end = phraseEnd(cs, from, limit);
  return end > from ? cs.explicit(from, end) : null;
}

/** Token a is a preposition, bare or after و / ف (وعن تجربته في السجن قال: no subject). */
function prepositionAt(cs: ClaimScan, a: number): boolean {
  const n = cs.toks[a]!.n;
  const bare = n.length > 1 && (n[0] === 'و' || n[0] === 'ف') ? n.slice(1) : n;
  return GOVERNING.has(n) || GOVERNING.has(bare) || bare === 'من';
}

/** The phrase [j, i) is governed by the preposition before it (من only with جهة / جانب / ناحية after it). */
function governed(cs: ClaimScan, j: number, i: number): boolean {
  const p = cs.toks[j - 1]!;
  if (!p.word || p.raw === 'علي') return false;
  if (p.n === 'من') return i - j <= 2 && SIDE.test(cs.toks[j]!.n);
  return GOVERNING.has(p.n);
}

/** A title, body, source or document word in [a, b), or a person or organisation the recogniser found there. */
function speakerWords(cs: ClaimScan, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if ((cs.toks[k]!.f | cs.toks[k]!.fp) & (W.Title | W.OrgHead | W.Anonymous | W.Document | W.Honorific | W.Sacred)) return true;
  return cs.hasEntity(cs.toks[a]!.start, cs.toks[b - 1]!.end);
}

/** A title, body, source or document word in the claimant, or a person or organisation in it. */
export function speakerLike(cs: ClaimScan, sp: Speaker): boolean {
  const toks = cs.toks;
  for (let k = cs.tokenAt(sp.claimant.start); k < toks.length && toks[k]!.start < sp.claimant.end; k++) {
    if ((toks[k]!.f | toks[k]!.fp) & (W.Title | W.OrgHead | W.Anonymous | W.Document | W.Honorific)) return true;
  }
  return cs.hasEntity(sp.claimant.start, sp.claimant.end);
}

/**
 * A participle's subject is the sentence's subject: the speaker of its first statement, or the
 * subject of a non-speech verb that opens it (`ودعت الوزارة …، مؤكدة أن`), else the previous speaker.
 */
export function participleSpeaker(cs: ClaimScan, i: number): Speaker | null {
  if (cs.sentenceSpeaker) return { claimant: cs.sentenceSpeaker.claimant, strength: 'inherited' };
  const toks = cs.toks;
  const a = cs.current.a;
  const subject = a + 1;
  // وكان رئيس اللجنة الدكتور فهد العلي قد تحدث بعد الاجتماع قائلا: …: the subject between كان and قد.
  const kana = kanaQadBefore(cs, i);
  if (kana) {
    cs.previous = kana;
    return kana;
  }
  if (subject < i && toks[a]!.word && toks[a]!.n.length > 2 && 'وف'.includes(toks[a]!.n[0]!)) {
    const head = toks[subject]!.f;
    if (head & (W.Title | W.OrgHead | W.Anonymous | W.Document)) {
      const found = cs.explicit(subject, phraseEnd(cs, subject, i));
      if (found) {
        cs.previous = found;
        return found;
      }
    }
  }
  // وحول الحادثة يكشف المدرب خالد العلي ملابساتها قائلا: …: the subject of a speech verb earlier
  // in the sentence, which had no أن of its own.
  // A talking verb may open the sentence (وتحدث لـ«الرياض» المدرب …): a speech verb there was read
  // already.
  for (let v = i - 1; v >= a; v--) {
    const z = toks[v]!;
    const talk = TALK.has(stripConj(z.n));
    if (v === a ? !talk : z.vk !== VerbKind.Past && z.vk !== VerbKind.Present && !talk) continue;
    let from = v + 1;
    while (from < i && toks[from]!.f & W.Time) from++;
    // تحدث لـ(الجزيرة) مدير المنتخب …: who was spoken to is not the speaker.
    from = skipAddressee(cs, from, i);
    const head = from < i ? toks[from]! : undefined;
    if (!head?.word) break;
    let end = -1;
    if (head.f & (W.Title | W.OrgHead | W.Anonymous | W.Honorific)) end = phraseEnd(cs, from, i);
    else {
      // A person, perhaps after one or two descriptive words (المدرب السابق خالد العلي).
      for (let x = cs.entityIndex(head.start); x < cs.entities.length && end < 0; x++) {
        const e = cs.entities[x]!;
        if (e.end <= head.start) continue;
        if (e.label !== 'PER' && !(e.label === 'ORG' && e.start === head.start)) break;
        let k = from;
        while (k < i && toks[k]!.end <= e.start && toks[k]!.word && toks[k]!.n.startsWith('ال') && !(toks[k]!.f & W.Break)) k++;
        if (k - from > 2 || toks[k]?.start !== e.start) break;
        while (k < i && toks[k]!.end <= e.end) k++;
        end = k;
      }
    }
    if (end <= from) break;
    const found = cs.explicit(from, end);
    if (found) {
      cs.previous = found;
      return found;
    }
    break;
  }
  return cs.inherit(i);
}

/**
 * The subject of a sentence that opens with a verb outside the speech lists (التقى وزير الخارجية
 * عادل الجبير نظيره …): a title, body, source or honorific, or a person or organisation the entity
 * recogniser found, right after the verb (time words allowed between).
 */
export function openingSubject(cs: ClaimScan, s: Sentence): Speaker | null {
  const toks = cs.toks;
  let a = firstWord(toks, s);
  // ولا يختلف كريم الزين مع هذا التحليل، لكنه يضيف أن …: past a negation the verb opens the sentence.
  if (a + 1 < s.b && (NEGATION.has(toks[a]!.n) || CLAUSE_NEGATION.has(toks[a]!.n))) a++;
  const v = toks[a];
  if (!v || a + 2 >= s.b || v.vk !== VerbKind.None || v.n.length < 3 || isDigit(v.n.charCodeAt(0))) return null;
  if ((v.f | v.fp) & (W.Break | W.Complementiser | W.Title | W.OrgHead | W.Document | W.Anonymous | W.SourcePrep | W.Time | W.Honorific)) return null;
  let from = a + 1;
  while (from < s.b - 1 && toks[from]!.f & W.Time) from++;
  const z = toks[from]!;
  if (!z.word) return null;
  const head = z.f & (W.Title | W.OrgHead | W.Anonymous | W.Honorific);
  const e = head ? null : entityAfter(cs, from, s.b);
  if (!head && !(e && e.start === z.start && (e.label === 'PER' || e.label === 'ORG'))) return null;
  // A definite first word is a noun (الاجتماع …) unless a bare title follows it: التقى وزير …، التزمت وزارة ….
  if (v.n.startsWith('ال') && !(head && !z.n.startsWith('ال') && v.n.length <= 6)) return null;
  const found = cs.explicit(from, phraseEnd(cs, from, s.b));
  return found && found.strength !== 'document' ? found : null;
}
