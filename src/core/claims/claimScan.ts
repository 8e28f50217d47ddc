// The state of one claim detection and what every rule shares: the tokens and quote pairs, the
// entities found by the recogniser (searched by position), the speakers read so far (inherited by
// a verb with no subject), and turning a token range into a claimant.

import type { Claimant, EntityDetection } from '../types';
import { W } from './lexicon';
import { phraseEnd } from './phrase';
import { keepAtEnd } from './sentences';
import { firstWord, isComma, isDigit, VerbKind, type Sentence, type Tok } from './tokens';

/** How many earlier speakers a verb with no subject may look back over for one of its gender. */
const HISTORY = 8;
/**
 * A newspaper's own reporting named as the subject (كشفت متابعة «الوطن»، أظهر رصد الصحيفة): the
 * newspaper after it is the speaker. Folded.
 */
const OWN_REPORTING: ReadonlySet<string> = new Set(['متابعه', 'متابعات', 'رصد', 'جوله', 'تحقيق', 'تقصي']);
/** متابعة، رصد، جولة …: a newspaper's reporting, which speaks as the newspaper after a verb that agrees. */
export function isReportingNoun(n: string): boolean {
  return OWN_REPORTING.has(n);
}

/** How far back (characters) a verb may reach for an earlier speaker of its gender: about a paragraph. */
const MAX_AGREEMENT_REACH = 600;
/** Broken plurals of sources, feminine in agreement (قالت مصادر). Folded. */
const FEMININE_PLURALS: ReadonlySet<string> = new Set(['مصادر', 'المصادر', 'وسائل']);

/** Grammatical gender as agreement shows it: 1 masculine, 2 feminine, 3 a plural of people, 0 unknown. */
export type Gender = 0 | 1 | 2 | 3;
/** Plurals of people without the sound ending (-ون، -ين). Folded. */
const HUMAN_PLURALS: ReadonlySet<string> = new Set(['خبراء', 'شهود']);

/** The gender a speech verb agrees in: قالت، تقول، مشيرة feminine; قال، يقول، مشيرا masculine; plural unknown. */
export function verbGender(t: Tok): Gender {
  const n = t.n.length > 3 && (t.n[0] === 'و' || t.n[0] === 'ف') && t.f === 0 ? t.n.slice(1) : t.n;
  if (t.vk === VerbKind.Past) {
    if (n.endsWith('وا')) return 0;
    // لفت (drew attention) ends in ت as its root does; لفتت is the feminine.
    return n.endsWith('ت') && n !== 'لفت' ? 2 : 1;
  }
  if (t.vk === VerbKind.Present) return n.endsWith('ون') ? 0 : n[0] === 'ت' ? 2 : n[0] === 'ي' ? 1 : 0;
  if (t.vk === VerbKind.Participle) return n.endsWith('ه') ? 2 : 1;
  return 0;
}

/** A quote with fewer words than this is a name or a scare quote ("القتالي"), not a statement. */
export const MIN_QUOTE_WORDS = 3;

export interface Speaker {
  claimant: Claimant;
  /** How the speaker was found, for scoring. */
  strength: 'named' | 'document' | 'anonymous' | 'inherited';
}

/** A claim found, before its span is trimmed and scored. */
export interface Draft {
  /** Token range of the claim, end exclusive. */
  a: number;
  b: number;
  speaker: Speaker | null;
  cue: string;
}

/** A title, body or document word written with a proclitic و، ل or ب (not لل) that is not itself one. */
function cliticOnSpeakerWord(z: Tok): boolean {
  const head = W.Title | W.OrgHead | W.Document | W.Anonymous;
  return z.n.length > 3 && 'ولب'.includes(z.n[0]!) && z.n[1] !== 'ل' && !(z.f & head) && (z.fp & head) !== 0 && z.raw[0] === z.n[0];
}

export class ClaimScan {
  /** The last explicit speakers, newest last: a verb with no subject inherits one that agrees with it. */
  private readonly history: Speaker[] = [];
  private last: Speaker | null = null;

  /** The last explicit speaker, inherited by a verb with no subject (وأضاف أن …). */
  get previous(): Speaker | null {
    return this.last;
  }

  set previous(sp: Speaker | null) {
    this.last = sp;
    if (!sp) return;
    if (this.history.length === HISTORY) this.history.shift();
    this.history.push(sp);
  }
  /** The sentence being read, and the speaker of its first statement: a participle continues it. */
  current: Sentence = { a: 0, b: 0 };
  sentenceSpeaker: Speaker | null = null;

  /** The longest entity, so a binary search by start can find every entity ending after a point. */
  private readonly longestEntity: number;

  constructor(
    readonly text: string,
    readonly toks: readonly Tok[],
    readonly closeOf: Int32Array,
    readonly entities: readonly EntityDetection[],
  ) {
    let longest = 0;
    for (const e of entities) longest = Math.max(longest, e.end - e.start);
    this.longestEntity = longest;
  }

  /** Index of the first entity that may end after `pos`: lookups stay logarithmic in long articles. */
  entityIndex(pos: number): number {
    const from = pos - this.longestEntity;
    let lo = 0;
    let hi = this.entities.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entities[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** An entity the recogniser found overlapping [start, end): a person or organisation, or of any label (`anyLabel`). */
  hasEntity(start: number, end: number, anyLabel = false): boolean {
    for (let x = this.entityIndex(start); x < this.entities.length; x++) {
      const e = this.entities[x]!;
      if (e.start >= end) break;
      if (e.end > start && (anyLabel || e.label === 'PER' || e.label === 'ORG')) return true;
    }
    return false;
  }

  /** Whether one entity the recogniser found covers [start, end), of one of `labels` when given. */
  entityCovers(start: number, end: number, labels?: readonly string[]): boolean {
    for (let x = this.entityIndex(start); x < this.entities.length; x++) {
      const e = this.entities[x]!;
      if (e.start > start) break;
      if (e.end >= end && (!labels || labels.includes(e.label))) return true;
    }
    return false;
  }

  /** A newspaper or body starts at token j: a definite word or a body's head, or a name the recogniser found. */
  private namesOwner(j: number): boolean {
    const z = this.toks[j]!;
    if (!z.word || z.vk !== VerbKind.None || z.f & W.Break) return false;
    if (z.n.startsWith('ال') || (z.f | z.fp) & W.OrgHead) return true;
    for (let x = this.entityIndex(z.start); x < this.entities.length; x++) {
      const e = this.entities[x]!;
      if (e.start > z.start) break;
      if (e.start === z.start && e.label !== 'LOC') return true;
    }
    return false;
  }

  /** The claimant written at tokens [a, b), edge punctuation dropped, with how it was found. */
  explicit(a: number, b: number): Speaker | null {
    const toks = this.toks;
    while (b > a && !toks[b - 1]!.word && !keepAtEnd(toks, a, b - 1)) b--;
    while (a < b && !toks[a]!.word) a++;
    if (b <= a) return null;
    // كشفت متابعة «الوطن» أن …: the newspaper speaks, not its reporting.
    if (b - a >= 2 && OWN_REPORTING.has(toks[a]!.n) && (this.closeOf[a + 1]! > a + 1 || this.namesOwner(a + 1))) {
      const close = this.closeOf[a + 1]!;
      if (close > a + 1 && close < b) b = close + 1;
      else b = Math.min(b, Math.max(a + 2, phraseEnd(this, a + 1, b)));
      a++;
    }
    const end = toks[b - 1]!.end;
    const first = toks[a]!.f | toks[a]!.fp;
    // والشرطة تؤكد …، لنائب الرئيس X الذي اتهم …، وفقا لوزارة …: a و / ل / ب on a title or body word
    // is no part of the speaker (لل keeps it: its alef is gone).
    const start = toks[a]!.start + (cliticOnSpeakerWord(toks[a]!) ? 1 : 0);
    const strength: Speaker['strength'] = first & W.Document && b - a <= 3
      ? 'document'
      : first & W.Anonymous && !this.hasEntity(start, end)
        ? 'anonymous'
        : 'named';
    return { claimant: { start, end, text: this.text.slice(start, end) }, strength };
  }

  /**
   * The previous explicit speaker, inherited. With the verb at `verb` (وتابعت، مشيرة، وأضاف), the
   * newest earlier speaker of the verb's gender when the previous one clearly has the other.
   */
  inherit(verb?: number): Speaker | null {
    let sp = this.last;
    if (!sp || verb === undefined) return sp ? { claimant: sp.claimant, strength: 'inherited' } : null;
    const want = verbGender(this.toks[verb]!);
    // كثيرون، آخرون، مسؤولون … are never the subject of a singular verb (ويشير، وقال).
    const had = want ? this.genderOf(sp) : 0;
    if (had === 3) sp = null;
    // Only a past verb that opens its sentence (وتابعت أن …) has no subject of its own for certain;
    // inside a sentence the subject is most often that of its first verb, which is not read here, and
    // a present one there is mostly impersonal (ويتوقع أن: it is expected that).
    if (want && had && had !== want && this.toks[verb]!.vk === VerbKind.Past && verb === firstWord(this.toks, this.current)) {
      const from = this.toks[verb]!.start - MAX_AGREEMENT_REACH;
      // With none of the verb's gender among them, its subject was named where no speaker is read
      // (وكانت نائبة الوزير قد التقت … وادعت أن): no one, not a speaker of the other gender.
      const last = sp;
      sp = null;
      for (let h = this.history.length - 2; h >= 0 && this.history[h]!.claimant.start >= from; h--) {
        if (this.history[h] !== last && this.genderOf(this.history[h]!) === want) {
          sp = this.history[h]!;
          break;
        }
      }
    }
    return sp ? { claimant: sp.claimant, strength: 'inherited' } : null;
  }

  /**
   * A speaker's gender: from the speech verb written right before or after it (قالت الوزارة،
   * الوزارة تؤكد), else from its head word (الوزارة، مصادر feminine; الوزير، مصدر masculine).
   */
  private genderOf(sp: Speaker): Gender {
    const toks = this.toks;
    const a = this.tokenAt(sp.claimant.start);
    let b = this.tokenAt(sp.claimant.end);
    const head = toks[a];
    if (!head) return 0;
    const bits = head.f | head.fp;
    // A plural of people (مسؤولون، خبراء) is neither: a singular verb before it (وقال مسؤولون) does not count.
    const n = head.f === 0 && head.fp !== 0 ? head.n.slice(1) : head.n;
    if (bits & W.Anonymous && (n.endsWith('ون') || n.endsWith('ين') || HUMAN_PLURALS.has(n))) return 3;
    if (a > 0 && toks[a - 1]!.word) {
      const g = verbGender(toks[a - 1]!);
      if (g) return g;
    }
    if (b < toks.length && !toks[b]!.word && isComma(toks[b]!.raw)) b++;
    if (b < toks.length && toks[b]!.word) {
      const g = verbGender(toks[b]!);
      if (g) return g;
    }
    if (bits & W.Honorific) return 1;
    // A proper name's ending tells nothing (حمزة، أسامة are men): only common nouns are read.
    if (!(bits & (W.Title | W.Anonymous | W.Document | W.OrgHead)) && !n.startsWith('ال')) return 0;
    if (n.endsWith('ه') || n.endsWith('ات') || FEMININE_PLURALS.has(n)) return 2;
    return bits & (W.Title | W.Anonymous | W.Document) ? 1 : 0;
  }

  /** A colon between digits (10:30) is a time, not a quote's colon. */
  timeColon(k: number): boolean {
    const z = this.toks[k]!;
    return z.start > 0 && isDigit(this.text.charCodeAt(z.start - 1)) && isDigit(this.text.charCodeAt(z.end));
  }

  /** The first token starting at or after pos (binary search). */
  tokenAt(pos: number): number {
    const toks = this.toks;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid]!.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Scripture and prophetic sayings are quoted, not claimed: no candidate for them. */
  sacred(sp: Speaker | null): boolean {
    if (!sp) return false;
    const lo = this.tokenAt(sp.claimant.start);
    return lo < this.toks.length && (this.toks[lo]!.f & W.Sacred) !== 0;
  }
}
