// Where an article lives on the web, for the formats that name it by URL (W3C ids and targets,
// ClaimReview appearance): its own URL (front matter or the sidecar's document.url), else a base
// URL joined with its path. Only absolute http(s) URLs ever come out.

import type { ExportArticle } from './types';

/** An absolute http(s) URL, or undefined: javascript:, data:, file: and relative references are never written. */
export function webUrl(s: string | undefined): string | undefined {
  if (s === undefined || !/^https?:\/\//i.test(s.trim())) return undefined;
  try {
    const u = new URL(s.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The article's canonical URL: its own (front matter or sidecar), else the base URL joined with
 * its path (each segment percent-encoded; a base without a trailing slash is taken as a folder).
 */
export function articleUrl(article: ExportArticle, baseUrl?: string): string | undefined {
  const own = webUrl(article.url);
  if (own !== undefined) return own;
  const base = webUrl(baseUrl);
  if (base === undefined) return undefined;
  const folder = base.endsWith('/') ? base : `${base}/`;
  return new URL(article.path.split('/').map(encodeURIComponent).join('/'), folder).href;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/;

/** Length of the front-matter block (`---` lines) at the top of the article, 0 when it has none. */
export function frontMatterLength(text: string): number {
  return FRONT_MATTER.exec(text.slice(0, 4000))?.[0].length ?? 0;
}

/**
 * `url:` (or `canonical:`) in a front-matter block at the top of the article (`---` lines), when
 * it is an http(s) URL. Only an explicit field counts: a link in the text may be a source, not the article.
 */
export function frontMatterUrl(text: string): string | undefined {
  const fm = FRONT_MATTER.exec(text.slice(0, 4000));
  if (!fm) return undefined;
  const m = /^(?:url|canonical)\s*:\s*(["']?)(\S+?)\1\s*$/im.exec(fm[1]!);
  return m ? webUrl(m[2]) : undefined;
}
