// The annotations view's content: marks grouped by kind with counts, filtered by label, status or
// verdict, plus the orphans; and the per-article summary of a sidecar in workspace mode.

import type { AnnotationRecord } from '../annotationRecord';
import type { Mark } from './marks';

export type GroupId = 'claims' | 'quotes' | 'suggestions' | 'PER' | 'LOC' | 'ORG' | 'MISC' | 'figures' | 'notes' | 'rejected' | 'orphans';

export const GROUP_ORDER: readonly GroupId[] = [
  'claims',
  'quotes',
  'suggestions',
  'PER',
  'LOC',
  'ORG',
  'MISC',
  'figures',
  'notes',
  'rejected',
  'orphans',
];

export interface TreeFilter {
  labels?: ReadonlySet<string>;
  /** accepted | rejected | suggested (a detection not yet reviewed counts as suggested). */
  statuses?: ReadonlySet<string>;
  /** Verdict keys; 'none' matches a claim without a verdict. Marks that are not claims are dropped. */
  verdicts?: ReadonlySet<string>;
}

export interface TreeItemData {
  group: GroupId;
  start: number;
  end: number;
  label: string;
  status: string;
  text: string;
  verdict?: string;
  record?: AnnotationRecord;
}

export interface Group {
  id: GroupId;
  items: TreeItemData[];
}

function groupOf(m: Mark): GroupId {
  if (m.key === 'orphan') return 'orphans';
  if (m.record?.status === 'rejected') return 'rejected';
  switch (m.key) {
    case 'claimTagged':
      return m.record?.label === 'QUOTE' ? 'quotes' : 'claims';
    case 'claimSuggestion':
      return 'suggestions';
    case 'figure':
      return 'figures';
    case 'note':
      return 'notes';
    default:
      return m.key;
  }
}

export function matchesFilter(item: TreeItemData, f: TreeFilter): boolean {
  if (f.labels && f.labels.size > 0 && !f.labels.has(item.label)) return false;
  if (f.statuses && f.statuses.size > 0 && !f.statuses.has(item.status)) return false;
  if (f.verdicts && f.verdicts.size > 0) {
    if (item.label !== 'CLAIM' && item.label !== 'QUOTE') return false;
    if (!f.verdicts.has(item.verdict ?? 'none')) return false;
  }
  return true;
}

/**
 * Groups marks (plus rejected records, which are not drawn but are listed so they can be undone)
 * in GROUP_ORDER; empty groups are left out.
 */
export function groupMarks(
  marks: readonly Mark[],
  rejected: readonly AnnotationRecord[],
  text: (start: number, end: number) => string,
  filter: TreeFilter = {},
): Group[] {
  const groups = new Map<GroupId, TreeItemData[]>();
  const add = (item: TreeItemData): void => {
    if (!matchesFilter(item, filter)) return;
    const list = groups.get(item.group);
    if (list) list.push(item);
    else groups.set(item.group, [item]);
  };
  for (const m of marks) {
    const r = m.record;
    const label = r?.label ?? m.detection?.label ?? m.key;
    const item: TreeItemData = {
      group: groupOf(m),
      start: m.start,
      end: m.end,
      label,
      status: r?.status ?? 'suggested',
      text: m.key === 'orphan' && r ? r.target.exact : text(m.start, m.end),
    };
    if (r?.claim?.verdict) item.verdict = r.claim.verdict;
    if (r) item.record = r;
    add(item);
  }
  for (const r of rejected) {
    add({ group: 'rejected', start: r.target.start, end: r.target.end, label: r.label, status: 'rejected', text: r.target.exact, record: r });
  }
  return GROUP_ORDER.filter((g) => groups.has(g)).map((id) => ({ id, items: groups.get(id)! }));
}

export interface SidecarSummary {
  total: number;
  claims: number;
  /** Claims per verdict key; 'none' for claims without one. */
  verdicts: Record<string, number>;
  orphans: number;
}

/** Counts from a parsed sidecar object (tolerant: anything malformed is skipped, never thrown on). */
export function summariseSidecar(data: unknown): SidecarSummary | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const list = (data as Record<string, unknown>)['annotations'];
  if (!Array.isArray(list)) return undefined;
  const s: SidecarSummary = { total: 0, claims: 0, verdicts: {}, orphans: 0 };
  for (const a of list as unknown[]) {
    if (typeof a !== 'object' || a === null) continue;
    const r = a as Record<string, unknown>;
    if (r['status'] === 'rejected') continue;
    s.total++;
    if (r['orphan'] === true) s.orphans++;
    if (r['kind'] === 'claim' && r['label'] !== 'QUOTE') {
      s.claims++;
      const claim = r['claim'];
      const v = typeof claim === 'object' && claim !== null ? (claim as Record<string, unknown>)['verdict'] : undefined;
      const key = typeof v === 'string' && v ? v : 'none';
      s.verdicts[key] = (s.verdicts[key] ?? 0) + 1;
    }
  }
  return s;
}

/** Longest row text, in characters, that fits a sidebar of usual width without being cut. */
export const ROW_TEXT_MAX = 36;

/**
 * A row of the annotations view for right-to-left text. The view is a left-to-right list that cuts
 * an over-long row at its right edge, which is where Arabic text *starts*: so the text is shortened
 * here, at a word boundary, with the ellipsis at its logical end, and what must stay visible (verdict,
 * claimant) leads the row. The whole row is a right-to-left isolate (RLI … PDI), so it reads from the
 * right whatever the workbench's direction.
 */
export function rowLabel(text: string, lead: readonly string[] = [], max = ROW_TEXT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let short = flat;
  if (flat.length > max) {
    const cut = flat.slice(0, max);
    const space = cut.lastIndexOf(' ');
    short = `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  const parts = [...lead.filter((p) => p.trim() !== ''), short];
  return `\u2067${parts.join(' · ')}\u2069`;
}
