// Claims cued by a speech verb: قال / أكد / أعلن … أن (indirect speech, the claim after the
// complementiser or the one direct quote that is its content), participles that continue a
// statement (مشيرا إلى أن), أعلن + a verbal noun with no أن (أعلنت الوزارة تسجيل …), and اتهم.

import { MIN_QUOTE_WORDS, type ClaimScan, type Draft, type Speaker } from './claimScan';
import { VERB_BITS, W } from './lexicon';
import { isObjectPronoun, objectNoun, openingSubject, openingVerbSubject, participleSpeaker, speaker, speakerAfterThat, speakerLike, subjectBefore } from './claimant';
import { phraseEnd } from './phrase';
import { ADVERBS, subjectFirstClause } from './subjects';
import { firstWord, isComma, isMasdar, markedExplain, verbBits, VerbKind, type Sentence, type Tok } from './tokens';

/** Particles before a subjunctive present verb (folded): أن، بأن، لن، كي، لكي. */
const SUBJUNCTIVE: ReadonlySet<string> = new Set(['ان', 'بان', 'لن', 'كي', 'لكي']);

/** Negation particles before a verb, bare or with و / ف (folded). */
export const NEGATED_BEFORE: ReadonlySet<string> = new Set(['لم', 'ولم', 'فلم', 'لن', 'ولن', 'فلن', 'لا', 'ولا', 'فلا']);

/** How far after a speech verb the complementiser may be: long title chains plus "في تصريحات لـ… في …". */
const MAX_ZONE = 26;

/** The claim cued by the speech verb at token i (of the given kind) in segment seg. */
export function verb(cs: ClaimScan, i: number, kind: VerbKind, seg: Sentence): Draft | null {
  const toks = cs.toks;
  const t = toks[i]!;
  const base = verbBits(t) | ((t.f | t.fp) & W.Explain);
  // بسجن 12 متهما، 5 متهمين: a participle after a number is the counted noun.
  if (kind === VerbKind.Participle && countedNoun(toks[i - 1], t.n)) return null;
  if (base & W.Accuse) return accuse(cs, i, seg);
  if (kind === VerbKind.Locative && toks[i + 1]?.n !== 'في') return null;
  // تفترض أن يري كل شخص …، لن يقول أحد إن …: a present verb after أن / لن / كي is wished, expected
  // or denied, not reported.
  if (kind === VerbKind.Present && i > 0 && SUBJUNCTIVE.has(toks[i - 1]!.n)) return null;
  const limit = Math.min(seg.b, i + 1 + MAX_ZONE);
  const k = complementiser(cs, i, base, limit, seg);
  if (k < 0) return null;
  // ولم تكشف عن تفاصيل، لم يعلن الجيش حصيلة …: what was not disclosed or announced is no statement
  // (a negated verb with أن still reports: لم يستبعد أن …).
  if (i > 0 && NEGATED_BEFORE.has(toks[i - 1]!.n) && (k >= limit || toks[k]!.n === 'عن')) return null;
  if (kind === VerbKind.Participle && !onlyAddressee(cs, i + 1, k)) return null;
  // بيّن takes its أن close by (وبين الفارس أن …); farther away بين is "between". A title right after
  // it (وبين المدير التنفيذي للسوق الدكتور …، أن) or the written shadda / hamza (وبيّن، وأبان) allow a
  // longer speaker.
  if (base & W.Explain && (k >= limit || (k - i > 8 && !markedExplain(t.raw) && !(k - i <= 14 && (toks[i + 1]!.f | toks[i + 1]!.fp) & (W.Title | W.OrgHead | W.Anonymous))))) return null;
  // A verb with no conjunction, inside the sentence, straight before its complementiser has its
  // subject before it: الوزارة تؤكد أن …، لكن المهدي، أكد لـ«الشرق الأوسط» أن ….
  // An adverb may stand between them (الرئيس السابق أعلن سابقا أن …).
  const svo = (kind === VerbKind.Present || kind === VerbKind.Past) && (t.f & VERB_BITS) !== 0 &&
    i > firstWord(toks, cs.current) && k < limit && onlyAddressee(cs, ADVERBS.has(toks[i + 1]!.n) ? i + 2 : i + 1, k) &&
    (toks[i - 1]!.word || isComma(toks[i - 1]!.raw));
  // With no أن, only a past verb announces (أعلنت الوزارة تسجيل …); a present one mostly means
  // "shows" (أجواء تؤكد العلاقات، مما يؤكد زيادة): no claim. Headlines are read in headline.ts.
  if (k >= limit) {
    // أوضح ذلك X، وقال …: the statement came before; X speaks on.
    if (toks[i + 1]?.n === 'ذلك' && kind === VerbKind.Past) {
      const after = speakerAfterThat(cs, i, seg.b);
      if (after) cs.previous = after;
      return null;
    }
    return base & W.TakesObject && kind !== VerbKind.Present ? objectClaim(cs, i, seg, t.raw) : null;
  }
  // ويذكر أن، يذكر هنا أن، ويذكر أيضا أن: the aside may carry an adverb before its أن.
  if (kind === VerbKind.Present && base & W.PassiveAside && (k === i + 1 || (k === i + 2 && (toks[i + 1]!.n === 'هنا' || toks[i + 1]!.f & W.Time)))) return null;

  let sp = svo ? subjectBefore(cs, i) : speaker(cs, i, k, kind);
  // يذكر أن الرئيس السابق أعلن في كلمته أن …: in a clause that writes its subject before the verb,
  // that subject speaks; when none can be read, no one does (not the speaker of a sentence before).
  if ((!sp || sp.strength === 'inherited') && kind !== VerbKind.Participle && subjectFirstClause(cs, i)) {
    const before = svo ? null : subjectBefore(cs, i);
    sp = before && before.strength !== 'inherited' && speakerLike(cs, before) ? before : null;
  }
  // وكشف النقاب عن …: with no subject written it is passive (was unveiled); no one speaks.
  if (sp?.strength === 'inherited' && toks[i + 1]?.n === 'النقاب') sp = null;
  const z = toks[k]!;
  let a = z.word || z.raw === ':' ? k + 1 : k;
  let b = seg.b;
  // Content that is one direct quote is the quote's words: أن "…"، دون تفاصيل.
  if (a < b && cs.closeOf[a]! > a) {
    const close = cs.closeOf[a]!;
    if (close - a - 1 >= MIN_QUOTE_WORDS && close < seg.b) {
      b = close;
      a++;
    }
  }
  return { a, b, speaker: sp, cue: t.raw };
}

/**
 * A participle written after a number in the counted noun's form: singular accusative after 11–99
 * (24 متهما), plural after 3–10 (5 متهمين); not after a year (في 6 أغسطس 2015 مبينة).
 */
function countedNoun(before: Tok | undefined, n: string): boolean {
  if (!before?.word || !/^[0-9٠-٩]{1,2}$/.test(before.raw)) return false;
  const count = Number(before.raw.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)));
  return count >= 11 ? n.endsWith('ا') : count >= 3 && (n.endsWith('ين') || n.endsWith('ون'));
}

/**
 * The complementiser (أن، إن), عن after a verb that takes it, a colon or a direct quote after the
 * verb at i: its token, limit when none comes before it, or −1 when the verb cues no claim (another
 * verb comes first, or أن follows a word that is no speech: بعد أن).
 */
function complementiser(cs: ClaimScan, i: number, base: number, limit: number, seg: Sentence): number {
  const toks = cs.toks;
  let k = i + 1;
  for (; k < limit; k++) {
    const z = toks[k]!;
    if (!z.word) {
      const close = cs.closeOf[k]!;
      if (close > k) {
        if ((close - k - 1 >= MIN_QUOTE_WORDS && !quotedName(cs, k, close, seg.b)) || close >= seg.b) break;
        k = close; // a quoted name inside the speaker: حركة "حماس"، صحيفة «وول ستريت جورنال»
        continue;
      }
      if (z.raw === ':' && !cs.timeColon(k)) break;
      continue;
    }
    if (z.f & W.Complementiser) {
      if (toks[k - 1]!.f & W.NotSpeechBeforeAn) return -1;
      // إن شاء الله is a blessing, not a complementiser; «سي إن إن» (CNN) is a name.
      if (toks[k + 1]?.n === 'شاء') continue;
      if (z.n === 'ان' && toks[k - 1]?.n === 'سي' && toks[k + 1]?.n === 'ان') {
        k++;
        continue;
      }
      break;
    }
    if (z.n === 'عن' && base & W.TakesAn) break;
    // وأفاد مصدر أمني، لم يكشف عن اسمه، بأن …: the source's anonymity, not a verb of its own.
    if (z.vk !== VerbKind.None && NEGATED_BEFORE.has(toks[k - 1]!.n) && toks[k + 1]?.n === 'عن' && toks[k + 2]?.n.startsWith('اسم')) {
      k += 2;
      continue;
    }
    if (z.vk !== VerbKind.None) return -1;
  }
  return k;
}

/**
 * A quote inside a speaker zone that names something rather than quoting it: after a body or a
 * title (منظمة «زيمبابوي كونسرفايشن تاسكفورس»، موقع "جي إس إم أرينا"), or short with the
 * complementiser still to come.
 */
function quotedName(cs: ClaimScan, open: number, close: number, limit: number): boolean {
  const toks = cs.toks;
  const before = toks[open - 1];
  // Only an indefinite head names what follows (صحيفة «…»); after البيان the quote is its words.
  if (before && before.word && !before.n.startsWith('ال') && (before.f | before.fp) & (W.OrgHead | W.Title)) return true;
  if (close - open - 1 > 5) return false;
  for (let j = close + 1; j < Math.min(limit, close + 7); j++) {
    if (toks[j]!.f & W.Complementiser) return true;
    if (cs.closeOf[j]! > j) return false;
  }
  return false;
}

/** Between a participle and its complementiser only إلى, an addressee (لـ«الشرق الأوسط») or marks. */
function onlyAddressee(cs: ClaimScan, from: number, k: number): boolean {
  for (let j = from; j < k; j++) {
    const z = cs.toks[j]!;
    const close = cs.closeOf[j]!;
    if (!z.word && close > j && close < k) j = close;
    else if (z.word && !(z.f & W.Break)) return false;
  }
  return true;
}

/**
 * No complementiser: `أعلنت واشنطن وبغداد، الاتفاق على …` (speaker up to the comma) or
 * `أعلنت الوزارة تسجيل …` (speaker from the title/name heuristic or an entity).
 */
function objectClaim(cs: ClaimScan, i: number, seg: Sentence, cue: string): Draft | null {
  const toks = cs.toks;
  const object = toks[i + 1]?.n;
  // كشف ذلك لـ«اليوم» مدير عام الفرع: the statement came before; the speaker speaks on (وقال …).
  if (object === 'ذلك') {
    const after = speakerAfterThat(cs, i, seg.b);
    if (after) cs.previous = after;
    return null;
  }
  // وأكد حرص الوزارة على …: a verbal noun object; the speaker is not written, the statement is the object.
  if (objectNoun(cs, i + 1)) return seg.b - (i + 1) >= 3 ? { a: i + 1, b: seg.b, speaker: cs.inherit(i), cue } : null;
  // التي أكد فيها التزام بلاده …: no speaker is written; the statement follows the pronoun.
  if (object !== undefined && isObjectPronoun(object)) return seg.b - (i + 2) >= 3 ? { a: i + 2, b: seg.b, speaker: cs.inherit(i), cue } : null;
  for (let k = i + 1; k < Math.min(seg.b, i + 9); k++) {
    const z = toks[k]!;
    if (z.word) {
      if (z.f & W.Break) break;
      continue;
    }
    if ((z.raw === '،' || z.raw === ',') && k > i + 1) {
      // أعلن الجيش، الثلاثاء، مقتل …: the day between commas is not part of the statement.
      let a = k + 1;
      while (a < seg.b && (toks[a]!.f & W.Time || isComma(toks[a]!.raw))) a++;
      return { a, b: seg.b, speaker: cs.explicit(i + 1, k), cue };
    }
    break;
  }
  let end = phraseEnd(cs, i + 1, seg.b);
  // أكد رئيس المجلس الشيخ فلان الفلاني فرار قيادات …: a name the recogniser ran into the verbal noun
  // that heads the statement ends before it.
  if (end - 2 > i && swallowedMasdar(cs, end - 1)) end--;
  if (end <= i + 1 || seg.b - end < 3) return null;
  return { a: end, b: seg.b, speaker: cs.explicit(i + 1, end), cue };
}

/**
 * Verbal nouns that head what أكد / أعلن / كشف report (فرار، مقتل، وصول) and are no one's name
 * (not the pattern isMasdar reads: انتصار، ابتسام، اعتدال are names too). Folded.
 */
const MASDAR_HEADS: ReadonlySet<string> = new Set(['فرار', 'هروب', 'مقتل', 'مصرع', 'وفاه', 'سقوط', 'وصول', 'رحيل', 'عوده', 'بدء', 'وقوع',
  'حدوث', 'قرب', 'تراجع', 'خروج', 'دخول', 'نزوح', 'هجوم', 'مشاركه', 'موافقه', 'قبول', 'صدور', 'نفاد', 'غياب', 'حضور', 'فوز', 'خساره',
  'رفض', 'دعم', 'عدم', 'وجود', 'نجاح', 'فشل', 'اعتقال', 'انسحاب', 'استمرار', 'ارتفاع', 'انخفاض', 'انتهاء', 'اكتمال', 'اطلاق', 'اختفاء',
  'انطلاق', 'تسجيل', 'تعيين', 'توقيع', 'تحرير', 'اصابه']);

/** Token j is a verbal noun that a person the recogniser found ends on, after a word of the same name. */
function swallowedMasdar(cs: ClaimScan, j: number): boolean {
  const z = cs.toks[j]!;
  if (!z.word || !MASDAR_HEADS.has(z.n) || !cs.toks[j - 1]!.word) return false;
  return cs.entityCovers(cs.toks[j - 1]!.start, z.end, ['PER']);
}

/**
 * The subject written before an accusing verb that has no conjunction of its own (المحكمة اتهمت،
 * التي اتهمت): a title, body, source or name; null when none is (واتهم، أمس اتهمت).
 */
function subjectAccuser(cs: ClaimScan, i: number): Speaker | null {
  const toks = cs.toks;
  if (i <= firstWord(toks, cs.current) || !toks[i - 1]!.word || !(toks[i]!.f & VERB_BITS)) return null;

  const before = subjectBefore(cs, i);
  return before && before.strength !== 'inherited' && speakerLike(cs, before) ? before : null;
}

/** `اتهم X Y بـ…`: the accuser is the phrase after the verb, the claim the accusation. */
function accuse(cs: ClaimScan, i: number, seg: Sentence): Draft | null {
  const next = cs.toks[i + 1];
  // اتُّهم بـ…: the passive names no accuser.
  if (!next || (next.n[0] === 'ب' && next.n.length > 3)) return null;
  const end = phraseEnd(cs, i + 1, seg.b);
  if (end <= i + 1 || seg.b - end < 2) return null;
  const kind = cs.toks[i]!.vk;
  // رفعت الجمعية شكوى أمام المحكمة تتهم فيها الشركة بـ…: a pronoun after the verb makes it a clause
  // about a noun before (the complaint); the sentence's opening subject accuses, if one is read.
  if (isObjectPronoun(next.n)) {
    if (seg.b - (i + 2) < 2) return null;
    return { a: i + 2, b: seg.b, speaker: openingSubject(cs, cs.current) ?? openingVerbSubject(cs, i), cue: cs.toks[i]!.raw };
  }
  // وكانت المحكمة اتهمت الوزير بـ…، الهيئة التي اتهمت الشركة بـ…: with its subject written before
  // it, the verb's object is the accused and the subject accuses.
  const accuser = kind !== VerbKind.Participle ? subjectAccuser(cs, i) : null;
  if (accuser) return { a: i + 1, b: seg.b, speaker: accuser, cue: cs.toks[i]!.raw };
  // واتهم السلطات بالتقصير …: one noun phrase and then بـ: it is the accused; the accuser is the
  // subject of the sentence before.
  const after = cs.toks[end];
  const accusedOnly = kind !== VerbKind.Participle && !!after?.word && (after.n.startsWith('بال') || (after.n[0] === 'ب' && isMasdar(after.n.slice(1)))) &&
    !((cs.toks[i + 1]!.f | cs.toks[i + 1]!.fp) & (W.Title | W.Anonymous)) && !cs.hasEntity(cs.toks[i + 1]!.start, cs.toks[end - 1]!.end);
  if (accusedOnly) return { a: i + 1, b: seg.b, speaker: cs.inherit(i), cue: cs.toks[i]!.raw };
  const sp = kind === VerbKind.Participle ? participleSpeaker(cs, i) : cs.explicit(i + 1, end);
  return { a: kind === VerbKind.Participle ? i + 1 : end, b: seg.b, speaker: sp, cue: cs.toks[i]!.raw };
}
