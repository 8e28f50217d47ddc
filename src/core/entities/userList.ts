// The workspace's own entity list (.khabar/entities.yaml): names to add or retype, names to
// remove, glosses. It overrides the model wherever the two disagree. Its YAML reading is in
// parseUserList.ts: the yaml library is the sidecar part's (dist/sidecar.js), not detection's.

import { tokenize } from '../arabic';
import type { EntityDetection, EntityLabel } from '../types';
import { cliticForms, foldWord } from './normalize';

export interface UserEntry {
  text: string;
  label?: EntityLabel;
  remove?: boolean;
  gloss?: string;
}

export interface UserList {
  entries: UserEntry[];
}

function foldedKey(text: string): string {
  return tokenize(text)
    .map((t) => foldWord(t.text))
    .join(' ');
}

/** Folded keys a span may match: as written, and with proclitics off its first word. */
function spanKeys(text: string): string[] {
  const toks = tokenize(text).map((t) => foldWord(t.text));
  if (toks.length === 0) return [];
  const keys = [toks.join(' ')];
  for (const f of cliticForms(toks[0]!)) keys.push([f, ...toks.slice(1)].join(' '));
  return keys;
}

export function applyUserList(text: string, found: EntityDetection[], list: UserList): EntityDetection[] {
  if (list.entries.length === 0) return found;
  // The last entry for a name wins, so a user can append corrections.
  const byKey = new Map<string, UserEntry>();
  for (const e of list.entries) byKey.set(foldedKey(e.text), e);
  const match = (spanText: string): UserEntry | undefined => {
    for (const k of spanKeys(spanText)) {
      const e = byKey.get(k);
      if (e) return e;
    }
    return undefined;
  };

  // Occurrences of the user's names (labelled entries) anywhere in the text, token-aligned.
  const tokens = tokenize(text);
  const folded = tokens.map((t) => foldWord(t.text));
  const maxLen = Math.max(...[...byKey.keys()].map((k) => k.split(' ').length));
  const added: EntityDetection[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let len = Math.min(maxLen, tokens.length - i); len >= 1; len--) {
      const rest = folded.slice(i + 1, i + len).join(' ');
      let entry: UserEntry | undefined;
      for (const f of [folded[i]!, ...cliticForms(folded[i]!)]) {
        entry = byKey.get(len > 1 ? `${f} ${rest}` : f);
        if (entry) break;
      }
      if (!entry || entry.remove || !entry.label) continue;
      const start = tokens[i]!.start;
      const end = tokens[i + len - 1]!.end;
      const d: EntityDetection = {
        kind: 'entity',
        label: entry.label,
        start,
        end,
        text: text.slice(start, end),
        canonical: entry.text,
        source: 'user',
      };
      if (entry.gloss !== undefined) d.gloss = entry.gloss;
      added.push(d);
      i += len - 1;
      break;
    }
  }

  const out: EntityDetection[] = [];
  for (const d of found) {
    if (added.some((a) => a.start < d.end && d.start < a.end)) continue;
    const entry = match(d.text);
    if (entry?.remove) continue;
    if (entry) {
      const copy: EntityDetection = { ...d, source: 'user' };
      if (entry.label) copy.label = entry.label;
      if (entry.gloss !== undefined) copy.gloss = entry.gloss;
      out.push(copy);
    } else {
      out.push(d);
    }
  }
  out.push(...added);
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  // The user's names are counted among themselves; their canonical form is the list's spelling.
  const counts = new Map<string, number>();
  for (const d of added) counts.set(d.canonical!, (counts.get(d.canonical!) ?? 0) + 1);
  for (const d of added) d.mentions = counts.get(d.canonical!)!;
  return out;
}
