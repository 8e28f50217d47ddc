// Claims: attributed statements and check-worthy sentences. First version: `قال … إن` only.

import type { ClaimDetection, EntityDetection, FigureDetection } from '../types';

export interface ClaimContext {
  entities: readonly EntityDetection[];
  figures: readonly FigureDetection[];
}

const SAID = /(?:^|[\s(«"“])([وف]?(?:قال|أضاف|أوضح|أكد|أشار|أفاد|ذكر|صرح|أعلن|نفى|كشف|اتهم)(?:ت)?)\s[^.؟!\n]{0,80}?\s(?:إن|أن|بأن)\s([^.؟!\n]+)/gu;

export function findClaims(text: string, _context: ClaimContext): ClaimDetection[] {
  const out: ClaimDetection[] = [];
  for (const m of text.matchAll(SAID)) {
    const body = m[2]!;
    const start = m.index + m[0].length - body.length;
    const end = start + body.trimEnd().length;
    out.push({
      kind: 'claim',
      label: 'CLAIM',
      start,
      end,
      text: text.slice(start, end),
      claimant: null,
      cue: m[1]!,
      checkWorthiness: 0.5,
    });
  }
  return out;
}
