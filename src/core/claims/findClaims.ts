// The claim detector's entry point: tokens grouped into quote-aware sentences, each sentence read
// for attributed statements (headline, speech verbs, sources, quotes), else taken as a claim when
// it holds a figure; then spans are trimmed, overlaps dropped and each claim scored.

import type { ClaimDetection, EntityDetection, FigureDetection } from '../types';
import { ClaimScan, type Draft } from './claimScan';
import { figureSentence, markFigures } from './figureMarks';
import { footer, headline } from './headline';
import { W } from './lexicon';
import { openingSubject } from './claimant';
import { scoreClaim } from './score';
import { pairQuotes, splitSentences, trimSpan } from './sentences';
import { quote, source } from './sources';
import { verb } from './speechVerbs';
import { toTokens, VerbKind, type Sentence } from './tokens';

export interface ClaimContext {
  entities: readonly EntityDetection[];
  figures: readonly FigureDetection[];
}

export function findClaims(text: string, context: ClaimContext): ClaimDetection[] {
  const toks = toTokens(text);
  if (toks.length === 0) return [];
  const closeOf = pairQuotes(toks);
  const sentences = splitSentences(text, toks, closeOf);
  const figureTok = markFigures(toks, context.figures);
  const entities = context.entities
    .filter((e) => e.label === 'PER' || e.label === 'ORG' || e.label === 'LOC')
    .slice()
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const cs = new ClaimScan(text, toks, closeOf, entities);

  const drafts: Draft[] = [];
  for (const s of sentences) {
    if (footer(cs, s)) continue;
    const found = sentence(cs, s);
    if (found.length > 0) {
      drafts.push(...found);
      continue;
    }
    const fig = figureSentence(toks, s, figureTok);
    if (fig) drafts.push(fig);
  }

  const out: ClaimDetection[] = [];
  let lastEnd = -1;
  for (const dr of drafts) {
    const span = trimSpan(toks, closeOf, dr.a, dr.b);
    if (!span) continue;
    const start = toks[span.a]!.start;
    const end = toks[span.b - 1]!.end;
    if (start < lastEnd) continue;
    lastEnd = end;
    out.push({
      kind: 'claim',
      label: 'CLAIM',
      start,
      end,
      text: text.slice(start, end),
      claimant: dr.speaker ? dr.speaker.claimant : null,
      cue: dr.cue,
      checkWorthiness: scoreClaim(toks, span.a, span.b, dr, figureTok),
    });
  }
  return out;
}

/** The attributed statements of one sentence: a headline, or each segment's cues in turn. */
function sentence(cs: ClaimScan, s: Sentence): Draft[] {
  const head = headline(cs, s);
  if (head) return [head];
  cs.current = s;
  cs.sentenceSpeaker = null;
  const out: Draft[] = [];
  const toks = cs.toks;
  // استقبل الوزير خالد العمري الوفد. وأكد أن …: a verb with no subject continues the subject of
  // the sentence before, whatever its verb was.
  const opening = openingSubject(cs, s);
  if (opening) cs.previous = opening;
  // A participle or a ", و-verb" starts a new statement inside the sentence: قال إن …، مشيرا إلى أن ….
  let segStart = s.a;
  const segments: Sentence[] = [];
  for (let i = s.a + 1; i < s.b; i++) {
    const kind = toks[i]!.vk;
    const afterComma = !toks[i - 1]!.word && (toks[i - 1]!.raw === '،' || toks[i - 1]!.raw === ',');
    const split = kind === VerbKind.Participle || (afterComma && kind === VerbKind.Past && 'وف'.includes(toks[i]!.n[0]!));
    if (split && i > segStart) {
      segments.push({ a: segStart, b: i });
      segStart = i;
    }
  }
  segments.push({ a: segStart, b: s.b });
  for (const seg of segments) segment(cs, seg, s, out);
  return out;
}

/** Reads one segment left to right: a speech verb, a source word or an opening quote may start a claim. */
function segment(cs: ClaimScan, seg: Sentence, s: Sentence, out: Draft[]): void {
  const toks = cs.toks;
  let i = seg.a;
  while (i < seg.b) {
    const t = toks[i]!;
    let d: Draft | null = null;
    if (t.word) {
      const kind = t.vk;
      if (kind !== VerbKind.None) d = verb(cs, i, kind, seg);
      else if (t.f & W.SourcePrep) d = source(cs, i, seg, s);
    } else if (cs.closeOf[i]! > i) {
      d = quote(cs, i, seg);
    }
    if (d && cs.sacred(d.speaker)) {
      if (d.speaker!.strength !== 'inherited') cs.previous = d.speaker;
      i = Math.max(d.b, i + 1);
      continue;
    }
    if (d && d.b > d.a) {
      out.push(d);
      if (d.speaker && d.speaker.strength !== 'inherited') cs.previous = d.speaker;
      if (d.speaker && !cs.sentenceSpeaker) cs.sentenceSpeaker = d.speaker;
      i = Math.max(d.b, i + 1);
    } else {
      i++;
    }
  }
}
