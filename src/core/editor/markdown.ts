// Safe pieces of hover markdown: escaping user and sidecar text, isolating Arabic runs so mixed
// Arabic/Latin lines keep their order, and command links that can only name Khabar's own commands
// with numeric arguments (never sidecar text).

const ARABIC = '\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF';
const ARABIC_RUN = new RegExp(`[${ARABIC}](?:[${ARABIC}\\s\\d.,،٫٬%٪-]*[${ARABIC}])?`, 'gu');

export const FSI = '\u2068';
export const PDI = '\u2069';

/** Isolates the whole string (a value shown next to a label in another direction). */
export function isolate(s: string): string {
  return `${FSI}${s}${PDI}`;
}

/** Isolates each Arabic run inside mixed text; pure Latin text is left as is. */
export function isolateArabic(s: string): string {
  return s.replace(ARABIC_RUN, (run) => `${FSI}${run}${PDI}`);
}

/** Escapes Markdown and HTML so text from a document or a sidecar can only ever render as text. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => '\\' + c).replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ');
}

/** Escaped, Arabic-isolated, shortened user text for one hover line. */
export function showText(s: string, max = 160): string {
  const short = s.length > max ? s.slice(0, max - 1) + '…' : s;
  return escapeMarkdown(isolate(short));
}

/** Command ids a hover may link; the host passes the same list to `isTrusted.enabledCommands`. */
export function isKhabarCommand(id: string): boolean {
  return /^khabar\.[A-Za-z]+$/.test(id);
}

/**
 * A command link. Arguments are numbers only (an offset in the document), so nothing read from a
 * sidecar or an article can reach a command through a link.
 */
export function commandLink(title: string, command: string, args: Record<string, number> = {}): string {
  if (!isKhabarCommand(command)) throw new Error(`not a Khabar command: ${command}`);
  for (const v of Object.values(args)) if (!Number.isFinite(v)) throw new Error('command link arguments must be numbers');
  const query = Object.keys(args).length ? `?${encodeURIComponent(JSON.stringify([args]))}` : '';
  return `[${escapeMarkdown(title)}](command:${command}${query})`;
}

/** A clickable web link, or escaped text when the URL is not http(s). */
export function webLink(url: string): string {
  const trimmed = url.trim();
  let ok = false;
  try {
    const u = new URL(trimmed);
    ok = u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    ok = false;
  }
  if (!ok) return escapeMarkdown(trimmed);
  const safeHref = encodeURI(decodeSafe(trimmed)).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  return `[${escapeMarkdown(trimmed)}](${safeHref})`;
}

function decodeSafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
