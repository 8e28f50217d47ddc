// Tagging's emission scores of one sentence: each word's cached share (wordScores.ts) plus the few
// features that combine neighbouring words (contextRows.ts), the very sums extractFeatures and the
// model's table give, without building a feature list per token.

import { mixStr } from './featureHash';
import type { Gazetteer, PhraseEntry } from './gazetteer';
import { NUM_LABELS } from './tagset';
import { addCached, addClassGroups, addStored, aroundRow, G, pairRow } from './contextRows';
import { addFiltered, ROLE_M1, ROLE_M2, ROLE_OWN, ROLE_P1, ROLE_P2, scoreCache, scoreWord, type RowLookup, type ScoreCache, type WordScores } from './wordScores';
import { analyseWord, handMap, wordCache, type WordInfo } from './words';

const PAD = 2;
let sentWords: WordScores[] = [];
let phraseBuf = new Uint8Array(256);
let handPhraseBuf = new Uint8Array(256);
/** Whether a word of the sentence sentenceWords last read may open a phrase (of either list). */
let anyPhrase = false;
let anyHandPhrase = false;

/**
 * phraseTags over the sentence in `ws` (words at PAD … PAD + n - 1), as label codes into `out`:
 * 0 none, B-X = 2t - 1, I-X = 2t (the numbering of LABELS). The same greedy longest match.
 */
function phraseCodes(ws: readonly WordScores[], n: number, hand: boolean, out: Uint8Array): void {
  out.fill(0, 0, n + 1);
  // Most sentences open no phrase of either list: nothing to match then.
  if (!(hand ? anyHandPhrase : anyPhrase)) return;
  let i = 0;
  while (i < n) {
    const s = ws[i + PAD]!;
    const st = hand ? s.handPhrases : s.phrases;
    let best: PhraseEntry | undefined;
    if (st) {
      best = longestAtWords(ws, n, i, st.own, undefined);
      if (!best) for (const list of st.forms) best = longestAtWords(ws, n, i, list, best);
    }
    if (best) {
      out[i] = 2 * best.type - 1;
      for (let k = 1; k <= best.rest.length; k++) out[i + k] = 2 * best.type;
      i += best.rest.length + 1;
    } else {
      i++;
    }
  }
}

/** longestAt over the sentence in `ws`. */
function longestAtWords(ws: readonly WordScores[], n: number, i: number, list: PhraseEntry[] | undefined, best: PhraseEntry | undefined): PhraseEntry | undefined {
  if (!list) return best;
  for (const e of list) {
    if (best && e.rest.length <= best.rest.length) continue;
    if (i + e.rest.length >= n) continue;
    let ok = true;
    for (let k = 0; k < e.rest.length; k++) {
      if (ws[i + PAD + 1 + k]!.w.norm !== e.rest[k]) {
        ok = false;
        break;
      }
    }
    if (ok) best = e;
  }
  return best;
}

/** The sentence's words (at PAD … PAD + n - 1, two boundaries each side), in a buffer reused between calls. */
function sentenceWords(raws: readonly string[], gaz: Gazetteer, lookup: RowLookup, cache: ScoreCache, infosOut: WordInfo[] | undefined, at: number): WordScores[] {
  const n = raws.length;
  const hands = handMap(gaz.hand);
  const infos = wordCache(gaz);
  if (sentWords.length < n + 2 * PAD) sentWords = new Array(2 * (n + 2 * PAD));
  const ws = sentWords;
  anyPhrase = anyHandPhrase = false;
  ws[0] = ws[1] = cache.bos;
  ws[n + PAD] = ws[n + PAD + 1] = cache.eos;
  for (let i = 0; i < n; i++) {
    const raw = raws[i]!;
    let s = cache.words.get(raw);
    if (!s) {
      let w = infos.get(raw);
      if (!w) infos.set(raw, (w = analyseWord(raw, gaz, hands)));
      cache.words.set(raw, (s = scoreWord(raw, w, lookup, gaz, cache)));
    }
    ws[i + PAD] = s;
    if (s.phrases) anyPhrase = true;
    if (s.handPhrases) anyHandPhrase = true;
  }
  if (infosOut) for (let i = 0; i < n; i++) infosOut[at + i] = ws[i + PAD]!.w;
  return ws;
}

/**
 * Token i's distances, packed for the Around group: a title or place noun up to three tokens left
 * (the first found, as letter × 4 + distance; 5 bits), a speech verb up to three right (2 bits),
 * a title, place or organisation noun up to three right (5 bits).
 */
function distances(ws: readonly WordScores[], i: number, n: number): number {
  let trig = 0;
  for (let d = 1; d <= 3 && i - d >= 0; d++) {
    const c = ws[i + PAD - d]!.trigL;
    if (c !== 0) {
      trig = c * 4 + d;
      break;
    }
  }
  let sp = 0;
  for (let d = 1; d <= 3 && i + d < n; d++) {
    if (ws[i + PAD + d]!.speech) {
      sp = d;
      break;
    }
  }
  let right = 0;
  for (let d = 1; d <= 3 && i + d < n; d++) {
    const c = ws[i + PAD + d]!.trigR;
    if (c !== 0) {
      right = c * 4 + d;
      break;
    }
  }
  return trig | (sp << 5) | (right << 7);
}

/**
 * The emission scores of one sentence (n × NUM_LABELS into `scores`, which must hold them; zeroed
 * here) and each token's summed pair row into `pairRows[i]` (rows are shared between tokens and
 * must not be changed; left alone when the model has no pair table): exactly what extractFeatures
 * followed by summing every token's rows gives, with each distinct word's features looked up once
 * and the features that combine only classes of neighbouring words read from a small cache by number.
 * With `infosOut`, each word's analysis is also stored at infosOut[at + i] (the document rules read it).
 */
export function scoreSentence(
  raws: readonly string[],
  gaz: Gazetteer,
  lookup: RowLookup,
  scores: Float64Array,
  pairRows: Float64Array[],
  infosOut?: WordInfo[],
  at = 0,
): void {
  const pairs = lookup.pairs;
  const n = raws.length;
  const cache = scoreCache(lookup, gaz);
  const ctx = cache.ctx;
  const ws = sentenceWords(raws, gaz, lookup, cache, infosOut, at);
  const pool = cache.pool; // after sentenceWords, which may grow it
  if (phraseBuf.length < n + 1) {
    phraseBuf = new Uint8Array(2 * (n + 1));
    handPhraseBuf = new Uint8Array(2 * (n + 1));
  }
  const phrase = phraseBuf;
  const handPhrase = handPhraseBuf;
  phraseCodes(ws, n, false, phrase);
  phraseCodes(ws, n, true, handPhrase);
  scores.fill(0, 0, n * NUM_LABELS);
  let quoteOpen = -1;
  for (let i = 0; i < n; i++) {
    const base = i * NUM_LABELS;
    const ts = ws[i + PAD]!;
    const ms = ws[i + PAD - 1]!;
    const ps = ws[i + PAD + 1]!;
    const m2s = ws[i + PAD - 2]!;
    const t = ts.w;
    const a0 = ts.at + ROLE_OWN;
    const a1 = ms.at + ROLE_M1;
    const a2 = ps.at + ROLE_P1;
    const a3 = m2s.at + ROLE_M2;
    const a4 = ws[i + PAD + 2]!.at + ROLE_P2;
    for (let y = 0; y < NUM_LABELS; y++) {
      scores[base + y] = pool[a0 + y]! + pool[a1 + y]! + pool[a2 + y]! + pool[a3 + y]! + pool[a4 + y]!;
    }
    // The word-pair features mostly have no row: the filter skips those probes of the big table.
    addFiltered(lookup, mixStr(ms.bigL, t.norm) >>> 0, scores, base);
    addFiltered(lookup, mixStr(ts.bigR, ps.w.norm) >>> 0, scores, base);
    addFiltered(lookup, mixStr(ms.normM1, t.lex) >>> 0, scores, base);
    addFiltered(lookup, mixStr(ps.normP1, t.lex) >>> 0, scores, base);
    addClassGroups(ctx, lookup, m2s, ms, ts, ps, scores, base);
    // The Around group: phrase codes, distances, and how far inside a quotation the token is.
    const ph = phrase[i]!;
    const phrases = (i === 0 ? 1 : 0) | (ph << 1) | (handPhrase[i]! << 5) | ((i > 0 ? phrase[i - 1]! : 0) << 9) | (phrase[i + 1]! << 13); // phraseCodes leaves out[n] = 0
    let inq = 0;
    const q = ts.quote;
    if (q !== 0) {
      quoteOpen = q === 3 || (q === 1 && quoteOpen >= 0) ? -1 : i;
    } else if (quoteOpen >= 0 && i - quoteOpen <= 6) {
      const d = i - quoteOpen;
      inq = d === 1 ? 1 : d === 2 ? 2 : 3;
    }
    const around = distances(ws, i, n) | (inq << 12);
    if (!addCached(ctx, G.Around, phrases, around, ts.lexId, scores, base)) {
      aroundRow(lookup, phrases, around, t.lex);
      addStored(ctx, G.Around, phrases, around, ts.lexId, scores, base);
    }
    if (pairs) pairRows[i] = pairRow(ctx, pairs, ms, ts);
  }
}
