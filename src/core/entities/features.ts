// Feature extraction for the entity tagger, shared by training (scripts/ner) and tagging so the
// two can never drift apart. Features are 32-bit hashes of (template, strings) (featureHash.ts):
// no feature strings are built in the hot path. Tagging sums the same features' rows word by word
// (scoreSentence.ts); a unit test holds the two to the same scores, bit for bit.

import { hash1, hash2, hash3, T } from './featureHash';
import { phraseTags, type Gazetteer, type PhraseEntry } from './gazetteer';
import { analyseWord, BOS, EOS, handMap, hasForeignLetter, Own, vowelBucket, wordCache, type TokenInfo } from './words';

export { isInside, LABELS, labelType, NUM_LABELS, TYPES, type TypeIndex } from './tagset';
export { addPhrase, emptyGazetteer, type Gazetteer, type LexCounts, type Lexicon, type PhraseEntry } from './gazetteer';
export { hash1, hash2, hash3 } from './featureHash';
export { scoreSentence } from './scoreSentence';
export type { RowLookup } from './wordScores';

function analyse(raws: readonly string[], gaz: Gazetteer): TokenInfo[] {
  const infos: TokenInfo[] = new Array(raws.length);
  const hands = handMap(gaz.hand);
  const cache = wordCache(gaz);
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    let w = cache.get(raw);
    if (!w) cache.set(raw, (w = analyseWord(raw, gaz, hands)));
    infos[i] = {
      raw,
      norm: w.norm,
      core: w.core,
      shape: w.shape,
      lex: w.lex,
      hand: w.hand,
      phrase: '',
      handPhrase: '',
      article: w.article,
      forms: w.forms,
      own: w.own,
    };
  }
  markPhrases(infos, gaz.phrases, 'phrase');
  markPhrases(infos, gaz.handPhrases, 'handPhrase');
  return infos;
}

/** Greedy longest match of multi-token names; the first token may carry clitics. */
function markPhrases(infos: TokenInfo[], map: Map<string, PhraseEntry[]>, field: 'phrase' | 'handPhrase'): void {
  if (map.size === 0) return;
  const tags = phraseTags(infos, map);
  for (let i = 0; i < infos.length; i++) infos[i]![field] = tags[i] ?? '';
}

/** Growable buffer of per-token feature hashes: token i owns feats[offsets[i] .. offsets[i+1]). */
export class FeatureBuffer {
  feats = new Uint32Array(4096);
  offsets = new Uint32Array(257);
  length = 0;
  private n = 0;

  reset(): void {
    this.length = 0;
    this.n = 0;
    this.offsets[0] = 0;
  }
  push(h: number): void {
    if (this.n === this.feats.length) {
      const f = new Uint32Array(this.feats.length * 2);
      f.set(this.feats);
      this.feats = f;
    }
    this.feats[this.n++] = h;
  }
  endToken(): void {
    if (this.length + 2 > this.offsets.length) {
      const o = new Uint32Array(this.offsets.length * 2);
      o.set(this.offsets);
      this.offsets = o;
    }
    this.offsets[++this.length] = this.n;
  }
}

/**
 * How many of each token's features (the first ones) read the word itself: its form, folded
 * form, stem, and the bigrams with its neighbours. Training drops them at random (word dropout)
 * so the tagger also learns to find a name from its context, affixes and the lists.
 */
export const IDENTITY_FEATURES = 5;

/**
 * Extract features for one sentence (raw tokens) into `out`, and into `pairs` the few features
 * whose weights depend on the previous label too (they decide where one name ends and the next
 * begins). Both buffers are reset first.
 */
export function extractFeatures(raws: readonly string[], gaz: Gazetteer, out: FeatureBuffer, pairs: FeatureBuffer): void {
  out.reset();
  pairs.reset();
  const infos = analyse(raws, gaz);
  const n = infos.length;
  const at = (i: number): TokenInfo => (i < 0 ? BOS : i >= n ? EOS : infos[i]!);
  let quoteOpen = -1;
  for (let i = 0; i < n; i++) {
    const t = infos[i]!;
    const m1 = at(i - 1);
    const p1 = at(i + 1);
    wordFeatures(t, m1, p1, at(i - 2), at(i + 2), i, out);
    neighbourFeatures(at, i, out);
    quoteOpen = quoteFeature(t, i, quoteOpen, out);
    const c = t.core;
    if (c.length >= 4 && t.article === 'a' && c.charCodeAt(c.length - 1) === 0x064a) {
      out.push(hash3(T.NisbaSelf, m1.hand, m1.lex, p1.hand));
    }
    out.endToken();
    pairs.push(hash1(T.PairBias, ''));
    pairs.push(t.own[Own.PairLex]!);
    pairs.push(t.own[Own.PairHand]!);
    pairs.push(t.own[Own.PairLexHand]!);
    pairs.push(t.own[Own.PairShape]!);
    pairs.push(hash2(T.PairArticle, t.article, m1.hand));
    pairs.endToken();
  }
}

/** Token t's features from itself and its neighbours' words and classes, in extraction order. */
function wordFeatures(t: TokenInfo, m1: TokenInfo, p1: TokenInfo, m2: TokenInfo, p2: TokenInfo, i: number, out: FeatureBuffer): void {
  const own = t.own;
  // The features that read the word's identity come first (IDENTITY_FEATURES of them), so
  // training can drop them together.
  out.push(own[Own.Word]!);
  out.push(own[Own.Norm]!);
  out.push(own[Own.Core]!);
  out.push(hash2(T.BigramL, m1.norm, t.norm));
  out.push(hash2(T.BigramR, t.norm, p1.norm));
  out.push(hash1(T.Bias, ''));
  out.push(hash1(T.NormM1, m1.norm));
  out.push(hash1(T.NormP1, p1.norm));
  out.push(hash1(T.NormM2, m2.norm));
  out.push(hash1(T.NormP2, p2.norm));
  out.push(hash1(T.CoreM1, m1.core));
  out.push(hash1(T.CoreP1, p1.core));
  const c = t.core;
  if (c.length >= 3) {
    out.push(own[Own.Pre2]!);
    out.push(own[Own.Pre3]!);
    out.push(own[Own.Suf1]!);
    out.push(own[Own.Suf2]!);
    out.push(own[Own.Suf3]!);
  }
  if (t.norm.length >= 3) {
    out.push(own[Own.NPre1]!);
    out.push(own[Own.NPre2]!);
  }
  out.push(own[Own.Shape]!);
  out.push(hash3(T.ShapeCtx, m1.shape, t.shape, p1.shape));
  out.push(own[Own.Lex]!);
  out.push(hash1(T.LexM1, m1.lex));
  out.push(hash1(T.LexP1, p1.lex));
  out.push(hash3(T.LexCtx, m1.lex, t.lex, p1.lex));
  out.push(own[Own.Hand]!);
  out.push(hash1(T.HandM1, m1.hand));
  out.push(hash1(T.HandP1, p1.hand));
  out.push(hash1(T.HandM2, m2.hand));
  out.push(hash1(T.HandP2, p2.hand));
  out.push(hash3(T.HandCtx, m1.hand, t.hand, p1.hand));
  out.push(hash2(T.LexHandM1, t.lex, m1.hand));
  out.push(own[Own.LexShape]!);
  if (t.phrase) out.push(hash1(T.Phrase, t.phrase));
  if (t.handPhrase) out.push(hash1(T.HandPhrase, t.handPhrase));
  out.push(hash2(T.PhraseM1, m1.phrase, t.phrase));
  out.push(hash2(T.PhraseP1, t.phrase, p1.phrase));
  out.push(own[Own.Article]!);
  if (i === 0) out.push(hash1(T.First, ''));
  if (c.length >= 3) out.push(own[Own.CoreSuf2Lex]!);
}

/** Token i's trigger distances, lexicon pairs with its neighbours, name and list features, in extraction order. */
function neighbourFeatures(at: (i: number) => TokenInfo, i: number, out: FeatureBuffer): void {
  const t = at(i);
  const m1 = at(i - 1);
  const p1 = at(i + 1);
  const m2 = at(i - 2);
  const p2 = at(i + 2);
  const c = t.core;
  // A title or place noun up to three tokens left, a speech verb up to two right.
  let trig = '';
  for (let k = 1; k <= 3 && !trig; k++) {
    const h = at(i - k).hand;
    if (h === 'T' || h === 'Tc' || h === 'L' || h === 'Lc' || h === 'H' || h === 'Hc' || h === 'V' || h === 'Vc') trig = h[0]! + k;
  }
  out.push(hash1(T.TriggerLeft, trig));
  let sp = '';
  for (let k = 1; k <= 3 && !sp; k++) {
    const h = at(i + k).hand;
    if (h === 'V' || h === 'Vc') sp = 'V' + k;
  }
  out.push(hash1(T.SpeechRight, sp));
  let right = '';
  for (let k = 1; k <= 3 && !right; k++) {
    const h = at(i + k).hand;
    if (h === 'T' || h === 'Tc' || h === 'H' || h === 'Hc' || h === 'L' || h === 'Lc') right = h[0]! + k;
  }
  out.push(hash2(T.TriggerRight, right, t.lex));
  out.push(hash2(T.LexHandP1, t.lex, p1.hand));
  out.push(hash2(T.NormM1Lex, m1.norm, t.lex));
  out.push(hash2(T.NormP1Lex, p1.norm, t.lex));
  // A nationality adjective just before (البرازيلي أندرسون, الفرنسي وليام غالاس).
  const m1n = m1.norm;
  if (m1n.length >= 5 && m1n.startsWith('ال') && m1n.charCodeAt(m1n.length - 1) === 0x064a) {
    out.push(hash2(T.NisbaM1, t.lex, t.hand));
  }
  out.push(hash1(T.LexM2, m2.lex));
  out.push(hash1(T.LexP2, p2.lex));
  if (hasForeignLetter(t.raw)) out.push(hash2(T.Foreign, t.lex, t.shape));
  // Transliterated names spell their vowels out (كوندوليزا, ستيفن); Arabic words mostly don't.
  if (c.length >= 4) out.push(hash3(T.Vowels, vowelBucket(c), t.shape, t.lex));
  // Names in a list (، وعلي الحجار ، ونيكول سابا): what stood before the comma or the و.
  if (m1.norm === '،' || m1.norm === ',') {
    const waw = t.norm.charCodeAt(0) === 0x0648 && t.norm.length >= 4 ? 'w' : '-';
    out.push(hash3(T.ListComma, m2.lex, m2.hand, waw));
    out.push(hash3(T.ListCommaLex, m2.lex, t.lex, waw));
  } else if (t.norm.charCodeAt(0) === 0x0648 && t.norm.length >= 4) {
    out.push(hash3(T.WawAfter, m1.lex, m1.hand, t.lex));
  }
}

/** The InQuote feature of token i, given where the open quotation started (-1: none); returns the new start. */
function quoteFeature(t: TokenInfo, i: number, quoteOpen: number, out: FeatureBuffer): number {
  // Titles of works, events and currencies-in-quotes are MISC or ORG in ANERcorp: how far inside
  // a quotation the token is ("…" has no direction, so quotes toggle).
  const q = t.norm;
  if (q === '"' || q === '«' || q === '»' || q === '“' || q === '”') {
    quoteOpen = q === '»' || q === '”' || (q === '"' && quoteOpen >= 0) ? -1 : i;
  } else if (quoteOpen >= 0 && i - quoteOpen <= 6) {
    const d = i - quoteOpen;
    out.push(hash2(T.InQuote, d === 1 ? '1' : d === 2 ? '2' : 'n', t.lex));
  }
  return quoteOpen;
}
