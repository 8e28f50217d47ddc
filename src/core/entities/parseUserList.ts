// Reads the workspace's entity list (.khabar/entities.yaml) into a UserList. Apart from
// userList.ts (which applies a list) because of the yaml library: in the extension this module is
// bundled into the sidecar part (dist/sidecar.js) with the one copy of yaml, so detection
// (dist/detection.js) carries no YAML code and an article without a list or a sidecar loads none.
import { parse } from 'yaml';
import type { EntityLabel } from '../types';
import type { UserEntry, UserList } from './userList';

const LABELS = new Set<string>(['PER', 'LOC', 'ORG', 'MISC']);

/**
 * Parse the YAML text of .khabar/entities.yaml. Either a list of entries or `{entities: [...]}`;
 * each entry is `{text, label?, remove?, gloss?}` (PERS is accepted for PER). Throws with a
 * message naming the bad entry.
 */
export function parseUserList(yamlText: string): UserList {
  const doc: unknown = parse(yamlText);
  if (doc === null || doc === undefined) return { entries: [] };
  const list = Array.isArray(doc) ? doc : (doc as { entities?: unknown }).entities;
  if (!Array.isArray(list)) throw new Error('entities.yaml: expected a list of entries or an `entities:` list');
  const entries: UserEntry[] = [];
  list.forEach((raw: unknown, i: number) => {
    const where = `entities.yaml: entry ${i + 1}`;
    if (typeof raw !== 'object' || raw === null) throw new Error(`${where}: expected a mapping with text:`);
    const r = raw as Record<string, unknown>;
    if (typeof r.text !== 'string' || r.text.trim() === '') throw new Error(`${where}: text must be a non-empty string`);
    const entry: UserEntry = { text: r.text.trim() };
    if (r.label !== undefined) {
      const label = String(r.label).toUpperCase() === 'PERS' ? 'PER' : String(r.label).toUpperCase();
      if (!LABELS.has(label)) throw new Error(`${where}: label must be PER, LOC, ORG or MISC, not ${String(r.label)}`);
      entry.label = label as EntityLabel;
    }
    if (r.remove !== undefined) {
      if (typeof r.remove !== 'boolean') throw new Error(`${where}: remove must be true or false`);
      entry.remove = r.remove;
    }
    if (r.gloss !== undefined) {
      if (typeof r.gloss !== 'string') throw new Error(`${where}: gloss must be a string`);
      entry.gloss = r.gloss;
    }
    if (!entry.remove && !entry.label && entry.gloss === undefined) {
      throw new Error(`${where}: give a label, a gloss, or remove: true`);
    }
    entries.push(entry);
  });
  return { entries };
}
