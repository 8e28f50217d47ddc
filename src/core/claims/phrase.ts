// Where a speaker's noun phrase ends, without a parser: a name the entity recogniser found, a
// title or organisation chain (رئيس الوزراء العراقي، وزارة الدفاع) followed by name words, a body
// a person belongs to (مصدر في دائرة الصحة), up to a break word or punctuation.

import type { EntityDetection } from '../types';
import type { ClaimScan } from './claimScan';
import { W } from './lexicon';
import { isDigit, isMasdar, isNisba, VerbKind } from './tokens';

/** صادر / صدر (issued), folded: a document or paper after it is named by its issuer or place. */
const ISSUED: ReadonlySet<string> = new Set(['صادر', 'صادره', 'الصادر', 'الصادره', 'صدر', 'صدرت']);

/** Quantity words naming part of a group after them with من (عدد من، بعض من، مجموعة من). Folded. */
const PARTITIVE: ReadonlySet<string> = new Set(['عدد', 'بعض', 'مجموعه', 'العديد', 'عشرات', 'مئات', 'جمله', 'كثير', 'الكثير',
  'غالبيه', 'معظم', 'اغلب', 'احد', 'احدي']);
/** Who is in charge of something, named with على (المشرف العام على …، القائم على …). Folded. */
const SUPERVISOR: ReadonlySet<string> = new Set(['المشرف', 'مشرف', 'المشرفه', 'مشرفه', 'القائم', 'القائمه', 'القائمين']);

/** Bodies addressed with لـ after a person's name that are no organisation heads of the lexicon (لإدارة النادي). Folded. */
const ADDRESSEE_BODIES: ReadonlySet<string> = new Set(['اداره', 'نادي', 'جمهور', 'جماهير']);

/** First token after `from` that ends a speaker (a break word or punctuation), not beyond `k`. */
export function zoneEnd(cs: ClaimScan, from: number, k: number, punctuationOnly: boolean): number {
  const toks = cs.toks;
  let j = from;
  while (j < k) {
    const z = toks[j]!;
    if (!z.word) {
      const close = cs.closeOf[j]!;
      if (close > j && close < k) {
        j = close + 1;
        continue;
      }
      break;
    }
    // المسؤول طالبا عدم ذكر اسمه: the speaker ends before his wish to stay unnamed.
    if (!punctuationOnly && j > from && toks[j + 1]?.n === 'عدم') break;
    // أوضح اللاعب محمد الشهري لإدارة النادي أنه …: after a person's name, لـ + a body is the addressee.
    if (!punctuationOnly && j > from && z.n[0] === 'ل' && z.n[1] !== 'ل' && (z.fp & W.OrgHead || ADDRESSEE_BODIES.has(z.n.slice(1))) &&
      personEndsAt(cs, toks[j - 1]!.end)) break;
    if (!punctuationOnly && z.f & W.Break) {
      // الحكومة المحلية في الأنبار، السلطات في كابول: a body named with its place ends after the place.
      const place = bodyPlaceEnd(cs, from, j, k);
      if (place > j) {
        j = place;
        break;
      }
      // الناطق الإعلامي في مديرية الدفاع المدني في منطقة عسير العقيد محمد العاصمي: the person named after the units.
      const person = personPastUnits(cs, from, j, k);
      if (person > j) {
        j = person;
        break;
      }
      if (!unitContinues(cs, from, j, k)) break;
      j += 2;
      continue;
    }
    j++;
  }
  return withEntities(cs, from, j, k);
}

/**
 * `مصدر في دائرة الصحة`، `النائب في البرلمان`، `مدير الدائرة في الوزارة رياض …`: a person or
 * source named by the body they belong to. Only after a title or source head, and only when an
 * organisation head follows, so `الوزير في بيان` and `الوزير في بغداد` still end at في. A document
 * or body after صادر goes on too: `تقرير صادر عن الهيئة العامة للسياحة`.
 */
function unitContinues(cs: ClaimScan, from: number, j: number, k: number): boolean {
  const toks = cs.toks;
  const z = toks[j]!;
  if (j === from || j + 1 >= k) return false;
  // عدد من مديري المدارس، بعض المسؤولين …: a part of a group is named with the group.
  if (z.n === 'من' && j === from + 1 && PARTITIVE.has(toks[from]!.n)) return toks[j + 1]!.word;
  // المشرف العام على العلاقات العامة بالوزارة: who is in charge of what.
  if (z.n === 'علي' && z.raw !== 'علي' && SUPERVISOR.has(toks[from]!.n) && j - from <= 2) return toks[j + 1]!.word;
  if (z.n !== 'في' && z.n !== 'عن') return false;
  const head = toks[from]!.f | toks[from]!.fp;

  // تقرير صادر عن هيئة السياحة، الصحيفة الصادرة في لندن: a document or body named by who issues it.
  if (head & (W.Document | W.OrgHead) && ISSUED.has(toks[j - 1]!.n)) return true;
  if (!(head & (W.Title | W.Anonymous | W.OrgHead))) return false;
  return (toks[j + 1]!.f & W.OrgHead) !== 0;
}

/**
 * `الحكومة المحلية في الأنبار`، `السلطات في كابول`: after a body (an organisation head at `from`),
 * في and a place the entity recogniser found right after it name the body; the token after the
 * place, or j when there is no such place. People are not named so (الوزير في الرياض: where he spoke).
 */
export function bodyPlaceEnd(cs: ClaimScan, from: number, j: number, k: number): number {
  const toks = cs.toks;
  if (j === from || toks[j]!.n !== 'في' || j + 1 >= k) return j;
  const head = toks[from]!.f | toks[from]!.fp;
  if (!(head & W.OrgHead) || head & W.Title) return j;
  const start = toks[j + 1]!.start;
  for (let x = cs.entityIndex(start); x < cs.entities.length; x++) {
    const e = cs.entities[x]!;
    if (e.start > start) break;
    if (e.start !== start || e.label !== 'LOC') continue;
    let end = j + 1;
    while (end < k && toks[end]!.end <= e.end) end++;
    return end;
  }
  return j;
}

/** A person the entity recogniser found ends at offset end. */
function personEndsAt(cs: ClaimScan, end: number): boolean {
  for (let x = cs.entityIndex(Math.max(0, end - 60)); x < cs.entities.length; x++) {
    const e = cs.entities[x]!;
    if (e.start >= end) break;
    if (e.end === end && e.label === 'PER') return true;
  }
  return false;
}

/** Extend a heuristic speaker [from, end) to the end of a name the entity recogniser found in it. */
export function withEntities(cs: ClaimScan, from: number, end: number, limit: number): number {
  if (cs.entities.length === 0 || end <= from) return end;
  const toks = cs.toks;
  const zs = toks[from]!.start;
  const ze = toks[end - 1]!.end;
  const lim = toks[limit - 1] ? toks[limit - 1]!.end : ze;
  let stop = ze;
  for (let x = cs.entityIndex(zs); x < cs.entities.length; x++) {
    const e = cs.entities[x]!;
    if (e.start >= ze) break;
    if (e.end > zs && e.end > stop && e.end <= lim) stop = e.end;
  }
  while (end < limit && toks[end]!.end <= stop) end++;
  return end;
}

/** A noun phrase being read: where it has got to, whether a title chain was read, and whether it names a person. */
interface PhraseState {
  j: number;
  chain: boolean;
  person: boolean;
}

/**
 * Where a subject noun phrase starting at `from` ends, without a parser: an entity if one starts
 * there; else a title or organisation chain (رئيس الوزراء العراقي، وزارة الدفاع) followed by name words.
 */
export function phraseEnd(cs: ClaimScan, from: number, limit: number): number {
  const toks = cs.toks;
  if (from >= limit || !toks[from]!.word) return from;
  const st: PhraseState = { j: from, chain: false, person: false };
  // A name the entity recogniser found, right at the start (a place only there: أعلنت روسيا) or
  // after a title chain (وزير المالية جواكيم ليفي), then perhaps an appositive title.
  if (toks[from]!.f & W.Honorific) return from + 1;
  const e = entityAfter(cs, from, limit);
  // A bare head noun tagged alone (منظمة) is a partial name: the heuristics see further.
  const bareHead = e !== null && e.start === toks[from]!.start && e.end <= toks[from]!.end &&
    (toks[from]!.f & (W.OrgHead | W.Title | W.Document | W.Anonymous)) !== 0;
  if (e && !bareHead) {
    while (st.j < limit && toks[st.j]!.end <= e.end) st.j++;
    // الاتحاد العربي السعودي لكرة القدم: a body's adjectives and field the recogniser left out.
    if (e.label === 'ORG' && (toks[from]!.f | toks[from]!.fp) & W.OrgHead) bodyTail(cs, st, limit);
    // رئيس اللجنة بالاتحاد السعودي الدكتور فهد العلي: a title after the body, then its person
    // (after a person's name the title is his own: مدحت حماد أستاذ الدراسات).
    if (st.j < limit && toks[st.j]!.f & W.Title) {
      titleChain(cs, st, limit);
      if (st.person && e.label !== 'PER') personAfterTitle(cs, st, limit);
    }
    return st.j;
  }
  // اللاعب خالد الشمري، المدرب الوطني سعد العلي: a definite noun or two naming a role, then a person.
  const role = roleBeforePerson(cs, from, limit);
  if (role > from) return role;
  titleChain(cs, st, limit);
  // تقرير علمي حديث صادر عن مركز …: one more adjective, then the issuer.
  if (st.chain && st.j + 2 < limit && toks[st.j]!.word && !(toks[st.j]!.f & W.Break) && ISSUED.has(toks[st.j + 1]!.n) &&
    unitContinues(cs, from, st.j + 2, limit)) st.j++;
  if (st.chain && st.j < limit && ISSUED.has(toks[st.j]!.n) && unitContinues(cs, from, st.j + 1, limit)) st.j++;
  if (st.chain && !st.person && st.j < limit) {
    const place = bodyPlaceEnd(cs, from, st.j, limit);
    if (place > st.j) return place;
  }
  if (st.chain && st.j < limit && unitContinues(cs, from, st.j, limit)) {
    // An indefinite body after في / عن is read as a chain with its genitive (دائرة الصحة، مركز مدار
    // للأبحاث); a definite one (في البرلمان) is taken whole.
    st.j += toks[st.j + 1]!.n.startsWith('ال') ? 2 : 1;
    while (st.j < limit && toks[st.j]!.word && isNisba(toks[st.j]!.n)) st.j++;
    titleChain(cs, st, limit);
  }
  // Organisations and documents are not followed by a personal name; people may be.
  if (st.chain && !st.person) return st.j;
  const names = nameWords(cs, st, limit);
  // An appositive title after the name: عبدالله البرقان رئيس لجنة الاحتراف.
  if (names > 0 && st.j < limit && toks[st.j]!.f & W.Title) titleChain(cs, st, limit);
  return st.j;
}

/** A person the recogniser found starting at token j: the token after its end, or -1. */
function personAt(cs: ClaimScan, j: number, limit: number): number {
  const z = cs.toks[j];
  if (!z || j >= limit || !z.word) return -1;
  for (let x = cs.entityIndex(z.start); x < cs.entities.length; x++) {
    const e = cs.entities[x]!;
    if (e.start > z.start) break;
    if (e.start !== z.start || e.label !== 'PER') continue;
    let k = j;
    while (k < limit && cs.toks[k]!.end <= e.end) k++;
    return k;
  }
  return -1;
}

/** After a title chain that names a person, the person's name: one the recogniser found, else name words. */
function personAfterTitle(cs: ClaimScan, st: PhraseState, limit: number): void {
  const end = personAt(cs, st.j, limit);
  if (end > st.j) st.j = end;
  else nameWords(cs, st, limit);
}

/**
 * One or two plain definite nouns (no title, body or break word of the lexicon) right before a
 * person the recogniser found: the role and the name (اللاعب خالد الشمري). The token after the
 * name, or `from` when the phrase is not so built.
 */
function roleBeforePerson(cs: ClaimScan, from: number, limit: number): number {
  const toks = cs.toks;
  for (let j = from; j < Math.min(limit, from + 2); j++) {
    const z = toks[j]!;
    if (!z.word || !z.n.startsWith('ال') || z.f !== 0 || z.vk !== VerbKind.None || cs.hasEntity(z.start, z.end, true)) return from;
    const end = personAt(cs, j + 1, limit);
    if (end > j + 1) return end;
  }
  return from;
}

/** The adjectives (nisba) and one لـ-field (لكرة القدم، للتنمية) after a body's name. */
function bodyTail(cs: ClaimScan, st: PhraseState, limit: number): void {
  const toks = cs.toks;
  while (st.j < limit && toks[st.j]!.word && isNisba(toks[st.j]!.n) && !(toks[st.j]!.f & W.Break)) st.j++;
  const z = toks[st.j];
  if (!z || st.j >= limit || !z.word || z.f & W.Break || z.raw.startsWith('لـ') || (z.fp & (W.Title | W.Anonymous))) return;
  if (z.n.startsWith('لل') && z.n.length > 4) st.j++;
  else if (z.n[0] === 'ل' && z.n.length > 3 && !/(?:ه|ها|هم|هما|هن)$/.test(z.raw) && toks[st.j + 1]?.word && toks[st.j + 1]!.n.startsWith('ال') &&
    st.j + 1 < limit && !(toks[st.j + 1]!.f & W.Break) && toks[st.j + 1]!.vk === VerbKind.None) st.j += 2;
}

/** Title, body, document and source words with their complements: وزير الخارجية، المتحدث الرسمي للوزارة. */
function titleChain(cs: ClaimScan, st: PhraseState, limit: number): void {
  const toks = cs.toks;
  while (st.j < limit && toks[st.j]!.f & (W.Title | W.OrgHead | W.Document | W.Anonymous)) {
    const definite = toks[st.j]!.n.startsWith('ال');
    // A second definite body is a new noun phrase (the object): اتهمت منظمة … الشركة بـ.
    if (st.chain && definite && !(toks[st.j]!.f & W.Title)) break;
    if (toks[st.j]!.f & (W.Title | W.Anonymous)) st.person = true;
    const title = (toks[st.j]!.f & W.Title) !== 0;
    st.j++;
    st.chain = true;
    // A definite title takes one adjective and one لـ-complement: الأمين العام للجائزة، المتحدث الرسمي للوزارة.
    if (definite && title) {
      const adj = toks[st.j];
      if (adj && st.j < limit && adj.word && adj.n.startsWith('ال') && !(adj.f & (W.OrgHead | W.Title | W.Document | W.Break)) &&
        !isMasdar(adj.n.slice(2)) && adj.vk === VerbKind.None) st.j++;
      const comp = toks[st.j];
      if (comp && st.j < limit && comp.word && comp.n.startsWith('لل') && !(comp.f & W.Break)) st.j++;
    }
    // An indefinite head takes a genitive (وزارة الدفاع، رئيس الوزراء) or a quoted name (منظمة "…");
    // a body then its field (مركز مدار للأبحاث والتطوير).
    if (!definite && st.j < limit && toks[st.j]!.word && !(toks[st.j]!.f & W.Break)) {
      st.j++;
      // A genitive that is itself indefinite takes its own: رئاسة أمن الدولة، هيئة كبار العلماء.
      const gen = toks[st.j - 1]!;
      const next = toks[st.j];
      if (st.j < limit && !gen.n.startsWith('ال') && gen.vk === VerbKind.None && !(gen.f & (W.OrgHead | W.Title | W.Document | W.Anonymous | W.NameLink)) &&
        next?.word && next.n.startsWith('ال') && next.vk === VerbKind.None && !((next.f | next.fp) & (W.Break | W.OrgHead | W.Title | W.Document | W.Anonymous)) &&
        !isMasdar(next.n.slice(2)) && !cs.hasEntity(next.start, next.end)) st.j++;
      if (!title && st.j < limit && toks[st.j]!.word && toks[st.j]!.n.startsWith('لل') && !(toks[st.j]!.f & W.Break)) {
        st.j++;
        if (st.j < limit && toks[st.j]!.word && toks[st.j]!.n.startsWith('وال') && !(toks[st.j]!.f & W.Break)) st.j++;
      }
    }
    else if (!definite && st.j < limit && cs.closeOf[st.j]! > st.j && cs.closeOf[st.j]! - st.j <= 5) st.j = cs.closeOf[st.j]! + 1;
    // وزير الشؤون البلدية والقروية: adjectives, the last perhaps joined with و.
    while (st.j < limit && toks[st.j]!.word && (isNisba(toks[st.j]!.n) || (toks[st.j]!.n[0] === 'و' && isNisba(toks[st.j]!.n.slice(1)) &&
      isNisba(toks[st.j - 1]!.n)))) st.j++;
  }
}

/** Up to three name words after a title chain or alone (محمد بن عبدالله المشوح); returns how many. */
function nameWords(cs: ClaimScan, st: PhraseState, limit: number): number {
  const toks = cs.toks;
  let names = 0;
  while (st.j < limit && names < 3) {
    const z = toks[st.j]!;
    if (!z.word || z.f & W.Break || z.vk !== VerbKind.None || isDigit(z.n.charCodeAt(0)) || isMasdar(z.n)) break;
    // Kinship links do not count against the name's length: محمد بن عبدالله المشوح.
    if (z.f & W.NameLink && names > 0) {
      st.j++;
      continue;
    }
    if (z.n.startsWith('ال')) {
      // A family name closes a personal name (مصطفى الكاظمي); a bare الـ-word may be the subject
      // itself; a definite body after a name is the object (اتهم … ديمبسي الحكومة).
      if ((names > 0 || !st.chain) && !(z.f & (W.OrgHead | W.Document | W.Title | W.Anonymous))) st.j++;
      break;
    }
    if (st.chain && names === 0 && z.n.length <= 2) break;
    st.j++;
    names++;
    if (!st.chain && names === 1 && !looksLikeNameContinuation(cs, st.j, limit)) break;
  }
  return names;
}

/** How many words a person's title holding a place may run before the name (مدير منتخب المملكة العربية السعودية …). */
const MAX_TITLE_WITH_PLACE = 10;

/** The entity that starts a subject at `from`, directly or after title words only. */
export function entityAfter(cs: ClaimScan, from: number, limit: number): EntityDetection | null {
  const toks = cs.toks;
  const first = toks[from]!;
  let placeInTitle = false;
  for (let x = cs.entityIndex(first.start); x < cs.entities.length; x++) {
    const e = cs.entities[x]!;
    if (e.end <= first.start) continue;
    if (e.start < first.start) return null;
    if (e.start === first.start) return e;
    // مدير منتخب المملكة العربية السعودية لكرة القدم سابقا عبد الرحمن …: a place inside a person's
    // title chain; the person named after it is the subject.
    if (e.label === 'LOC' && first.f & W.Title) {
      placeInTitle = true;
      continue;
    }
    if (e.label === 'LOC' || !(first.f & (W.Title | W.OrgHead))) return null;
    const reach = titleReaches(cs, from, limit, e.start, placeInTitle ? MAX_TITLE_WITH_PLACE : 6);
    if (reach === Reach.Plain && !(placeInTitle && e.label !== 'PER')) return e;
    // الناطق الإعلامي في مديرية الدفاع المدني في منطقة عسير العقيد محمد العاصمي: the body or place
    // a person's title names after في; the person is the one named with a title right before him.
    if (reach === Reach.None || !(first.f & W.Title)) return null;
    if (e.label === 'PER') return cs.toks[cs.tokenAt(e.start) - 1]!.f & W.Title ? e : null;
    placeInTitle = true;
  }
  return null;
}

/**
 * After a title at `from` and في at j: a person the recogniser found further on, with a title right
 * before him, reached past في + bodies or places only (titleReaches); the token after his name, or j.
 */
function personPastUnits(cs: ClaimScan, from: number, j: number, k: number): number {
  const toks = cs.toks;
  if (toks[j]!.n !== 'في' || !(toks[from]!.f & W.Title) || !unitAfter(cs, j + 1)) return j;
  const stop = toks[Math.min(k, from + MAX_TITLE_WITH_UNIT + 1) - 1]!.end;
  for (let x = cs.entityIndex(toks[j]!.end); x < cs.entities.length; x++) {
    const e = cs.entities[x]!;
    if (e.start >= stop) return j;
    if (e.label !== 'PER') continue;
    const at = cs.tokenAt(e.start);
    if (at >= k || toks[at]!.start !== e.start || !(toks[at - 1]!.f & W.Title) || titleReaches(cs, from, k, e.start, 0) !== Reach.Unit) return j;
    let end = at;
    while (end < k && toks[end]!.end <= e.end) end++;
    return end;
  }
  return j;
}

/** How a title reaches a name: with plain words, also past في + a body or place, or not at all. */
const enum Reach { None, Plain, Unit }

/** A title's words may run past في + a body or place (في مديرية …، في منطقة عسير) this far before the name. */
const MAX_TITLE_WITH_UNIT = 12;

/** Whether the tokens from `from` up to offset `start` are title words (at most max), or also في + a body or place. */
function titleReaches(cs: ClaimScan, from: number, limit: number, start: number, max: number): Reach {
  const toks = cs.toks;
  let unit = false;
  let k = from;
  for (; k < limit && toks[k]!.start < start; k++) {
    const z = toks[k]!;
    if (!z.word || z.vk !== VerbKind.None || k - from > MAX_TITLE_WITH_UNIT) return Reach.None;
    if (z.f & W.Break) {
      if (z.n !== 'في' || k === from || !unitAfter(cs, k + 1)) return Reach.None;
      unit = true;
    }
  }
  if (unit) return Reach.Unit;
  return k - from - 1 > max ? Reach.None : Reach.Plain;
}

/** A body or place right after في: an organisation head (مديرية، وزارة) or a place word before a place the recogniser found (منطقة عسير). */
function unitAfter(cs: ClaimScan, j: number): boolean {
  const z = cs.toks[j];
  if (!z || !z.word) return false;
  if (z.f & W.OrgHead) return true;
  const next = cs.toks[j + 1];
  return next !== undefined && (cs.hasEntity(z.start, z.end, true) || (next.word && cs.hasEntity(next.start, next.end, true)));
}

function looksLikeNameContinuation(cs: ClaimScan, j: number, limit: number): boolean {
  const z = cs.toks[j];
  return j < limit && z !== undefined && z.word && !z.n.startsWith('و') && !(z.f & W.Break) && !(z.f & W.Title);
}
