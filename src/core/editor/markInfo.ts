// What a mark's explanation says, as data: a title, lead paragraphs, name/value rows, warnings and
// the actions it offers. The editor's hover renders it as Markdown (below) and the reader renders
// the same object as a popover, so both always say the same thing.

import { commandLink, escapeMarkdown, showText, webLink } from './markdown';

/**
 * A piece of text in an explanation. `user`: text from the article or the sidecar (isolated and
 * shortened to `max`); `url`: a web link (clickable only when http(s)); `strong`/`em`: emphasis.
 */
export interface InfoPart {
  text: string;
  user?: boolean;
  max?: number;
  url?: boolean;
  strong?: boolean;
  em?: boolean;
}

export interface InfoRow {
  name: string;
  value: InfoPart[];
}

export interface InfoAction {
  title: string;
  /** A Khabar command id (`khabar.tagClaim`…); the reader maps it to its own operation. */
  command: string;
}

export interface MarkInfo {
  title: InfoPart[];
  lead: InfoPart[][];
  rows: InfoRow[];
  warnings: string[];
  actions: InfoAction[];
}

export function emptyInfo(): MarkInfo {
  return { title: [], lead: [], rows: [], warnings: [], actions: [] };
}

function partMarkdown(p: InfoPart): string {
  let s: string;
  if (p.url) s = webLink(p.text);
  else if (p.user) s = showText(p.text, p.max);
  else s = escapeMarkdown(p.text);
  if (p.strong) s = `**${s}**`;
  if (p.em) s = `_${s}_`;
  return s;
}

export function partsMarkdown(parts: readonly InfoPart[]): string {
  return parts.map(partMarkdown).join('');
}

/** The Markdown the editor's hover shows; command links carry only the mark's offset. */
export function infoMarkdown(info: MarkInfo, offset: number): string {
  let md = `${partsMarkdown(info.title)}\n\n`;
  for (const lead of info.lead) md += `${partsMarkdown(lead)}\n\n`;
  for (const row of info.rows) md += `- ${escapeMarkdown(row.name)}: ${partsMarkdown(row.value)}\n`;
  for (const w of info.warnings) md += `\n⚠ ${escapeMarkdown(w)}\n`;
  md += '\n' + info.actions.map((a) => commandLink(a.title, a.command, { offset })).join(' · ');
  return md;
}

/** Plain text of parts (aria labels, tests). */
export function partsText(parts: readonly InfoPart[]): string {
  return parts
    .map((p) => {
      const max = p.user ? (p.max ?? 160) : Infinity;
      return p.text.length > max ? p.text.slice(0, max - 1) + '…' : p.text;
    })
    .join('');
}
