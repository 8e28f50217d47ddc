// What saving the reader's claim card does to a claim: the card shows every field, so what it sends
// is the claim's whole new state (an empty field clears it). Verdicts and evidence go through the
// same builders as the editor's commands (core/editor/records).

import { withEvidence, withVerdict } from '../editor/records';
import type { ClaimInfo, VerdictDef } from '../annotationRecord';
import type { SaveClaimMessage } from './protocol';
import { findVerdict } from '../vocabulary';

export interface CardResult {
  claim: ClaimInfo;
  note: string | undefined;
}

/**
 * The sidecar keeps evidence as a list of links; a link's title is kept as a line of the note
 * («title — url»), added once, so it survives exports that only know the link.
 */
export function evidenceLine(title: string, url: string): string {
  return `${title} — ${url}`;
}

export function applyCard(current: { claim?: ClaimInfo; note?: string }, card: SaveClaimMessage, vocabulary: readonly VerdictDef[]): CardResult {
  let claim: ClaimInfo = { ...(current.claim ?? {}) };
  const verdict = findVerdict(card.verdict, vocabulary);
  if (verdict && card.label === 'CLAIM') claim = withVerdict(claim, verdict, vocabulary);
  else {
    delete claim.verdict;
    delete claim.rating;
  }
  if (card.claimant) claim.claimant = claim.claimant?.text === card.claimant ? claim.claimant : { text: card.claimant };
  else delete claim.claimant;
  if (card.claimType) claim.type = card.claimType;
  else delete claim.type;
  delete claim.evidence;
  for (const e of card.evidence) claim = withEvidence(claim, e.url);
  if (card.review) claim.review = card.review;
  else delete claim.review;
  let note = card.note?.trim() ?? '';
  for (const e of card.evidence) {
    if (!e.title) continue;
    const line = evidenceLine(e.title, e.url);
    if (!note.split('\n').some((l) => l.trim() === line)) note = note ? `${note}\n${line}` : line;
  }
  return { claim, note: note || undefined };
}

/** Evidence titles read back from a note's «title — url» lines, for the card. */
export function evidenceTitles(note: string | undefined, urls: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!note) return out;
  for (const line of note.split('\n')) {
    const t = line.trim();
    for (const u of urls) {
      const suffix = ` — ${u}`;
      if (t.endsWith(suffix) && t.length > suffix.length) out.set(u, t.slice(0, -suffix.length));
    }
  }
  return out;
}
