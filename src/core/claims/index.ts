// Claims: attributed statements (indirect speech, direct quotes, headlines, بحسب-sources) and
// unattributed sentences with figures, each with its claimant and a check-worthiness score.
//
// The detector works on tokens (tokens.ts, from arabic.ts) grouped into quote-aware sentences
// (sentences.ts). It needs no entity recogniser (titles, organisation heads, documents and
// time/preposition breaks bound the speaker: phrase.ts, claimant.ts) and uses PER/ORG/LOC entities,
// when given, to extend a speaker to the whole name. The cues: headline.ts, speechVerbs.ts,
// sources.ts (بحسب … and direct quotes); findClaims.ts reads each sentence with them. Figures from
// the figure recogniser and its own number-word scan make a sentence quantitative (figureMarks.ts).
// The score is documented at scoreClaim (score.ts).

export { findClaims, type ClaimContext } from './findClaims';
