// Feature hashing for the entity tagger: every feature is a 32-bit FNV-style hash of its template
// number and strings, so no feature string is ever built. The template numbers are part of the
// model file's meaning: a new template goes at the end, never between.

const FNV_PRIME = 0x01000193;

export function seed(tpl: number): number {
  return (0x811c9dc5 ^ Math.imul(tpl + 1, 0x9e3779b1)) >>> 0;
}
export function mixStr(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0xffff, FNV_PRIME);
}
/** hash1(tpl, s.slice(from, to)) without building the substring. */
export function hashSub(tpl: number, s: string, from: number, to: number): number {
  let h = seed(tpl);
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0xffff, FNV_PRIME) >>> 0;
}
export function hash1(tpl: number, a: string): number {
  return mixStr(seed(tpl), a) >>> 0;
}
export function hash2(tpl: number, a: string, b: string): number {
  return mixStr(mixStr(seed(tpl), a), b) >>> 0;
}
export function hash3(tpl: number, a: string, b: string, c: string): number {
  return mixStr(mixStr(mixStr(seed(tpl), a), b), c) >>> 0;
}

// ---- templates -------------------------------------------------------------------------------

export const enum T {
  Bias,
  Word,
  Norm,
  NormM1,
  NormP1,
  NormM2,
  NormP2,
  Core,
  CoreM1,
  CoreP1,
  BigramL,
  BigramR,
  Pre2,
  Pre3,
  Suf1,
  Suf2,
  Suf3,
  NPre1,
  NPre2,
  Shape,
  ShapeCtx,
  Lex,
  LexM1,
  LexP1,
  LexCtx,
  Hand,
  HandM1,
  HandP1,
  HandM2,
  HandP2,
  HandCtx,
  Phrase,
  HandPhrase,
  Article,
  First,
  LexHandM1,
  CoreSuf2Lex,
  PhraseM1,
  PhraseP1,
  TriggerLeft,
  SpeechRight,
  LexShape,
  LexHandP1,
  NormM1Lex,
  NormP1Lex,
  TriggerRight,
  LexM2,
  LexP2,
  NisbaM1,
  Foreign,
  Vowels,
  ListComma,
  ListCommaLex,
  WawAfter,
  NisbaSelf,
  InQuote,
  PairBias,
  PairLex,
  PairHand,
  PairLexHand,
  PairShape,
  PairArticle,
}
