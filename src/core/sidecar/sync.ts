// Bringing a loaded sidecar up to date with its article's current text: the one step the CLI's
// `check`, the extension's load and its reload after an external change all share.

import { anchorHolds, reanchor, type Candidate } from '../anchor/anchor';
import type { SidecarData } from '../model';
import { documentInfo, sha256Hex } from './format';

export interface SyncResult {
  data: SidecarData;
  /** Ids whose anchor moved (including orphans that came back). */
  moved: string[];
  orphans: string[];
  reattached: string[];
  why: Record<string, 'missing' | 'ambiguous'>;
  /** For each orphan, the places considered and not taken (best first), for a person to choose from. */
  candidates: Record<string, Candidate[]>;
  /** True when `data` differs from the input (anchors or the document block): worth saving. */
  changed: boolean;
}

/** Re-anchors `data` in `text` unless the text is the one it was saved against. `path` is the article's name. */
export function syncWithArticle(data: SidecarData, text: string, path = data.document.path): SyncResult {
  const unchanged =
    data.document.length === text.length &&
    data.document.sha256 === sha256Hex(text) &&
    data.annotations.every((a) => a.orphan || anchorHolds(text, a.target));
  if (unchanged && path === data.document.path) {
    const orphans = data.annotations.filter((a) => a.orphan).map((a) => a.id);
    // Orphans are retried even on an unchanged text: a hand edit of the sidecar may have fixed them.
    if (orphans.length === 0) return { data, moved: [], orphans: [], reattached: [], why: {}, candidates: {}, changed: false };
  }
  const r = reanchor(text, data.annotations, { oldLength: data.document.length });
  // A person's own fields of the block (url) are kept; the three Khabar computes are refreshed.
  const document = { ...data.document, ...documentInfo(text, path) };
  const docChanged = document.sha256 !== data.document.sha256 || document.length !== data.document.length || path !== data.document.path;
  const recordsChanged = r.records.some((rec, i) => rec !== data.annotations[i]);
  return {
    data: docChanged || recordsChanged ? { ...data, document, annotations: r.records } : data,
    moved: r.moved,
    orphans: r.orphans,
    reattached: r.reattached,
    why: r.why,
    candidates: r.candidates,
    changed: docChanged || recordsChanged,
  };
}
