// schema.org ClaimReview JSON-LD, one per rated claim, with the fields Google's Fact Check tools
// read: claimReviewed (short; the whole claim in itemReviewed.text), reviewRating (name and
// alternateName), itemReviewed Claim (author typed by the claimant's label, appearance), author,
// datePublished, url.

import type { AnnotationRecord } from '../annotationRecord';
import { articleUrl, webUrl } from './articleUrl';
import { claimRating, findVerdict, isRated } from './exportNames';
import type { PreparedArticle } from './prepare';
import { ExportError, type ExportOptions, type FormatWriter } from './types';

/** Google's advice: a claimReviewed short enough to show whole (about 75 characters). */
export const CLAIM_REVIEWED_MAX = 75;

/**
 * The claim in at most `max` characters (code points), cut at the last word boundary that fits and
 * ended with an ellipsis; the whole claim is kept in itemReviewed.text.
 */
export function shortClaim(text: string, max = CLAIM_REVIEWED_MAX): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(t);
  if (chars.length <= max) return t;
  const head = chars.slice(0, max - 1).join('');
  const cut = head.search(/\s\S*$/);
  return `${(cut > 0 ? head.slice(0, cut) : head).replace(/[\s،,؛;:.]+$/, '')}…`;
}

/** schema.org type of the claim's author: an organisation when the claimant is tagged ORG. */
function claimantType(p: PreparedArticle, r: AnnotationRecord): 'Organization' | 'Person' {
  const ref = r.claim?.claimant?.ref;
  const entity = ref === undefined ? undefined : p.article.records.find((x) => x.id === ref);
  return entity?.label === 'ORG' ? 'Organization' : 'Person';
}

export function claimReview(p: PreparedArticle, r: AnnotationRecord, options: ExportOptions): Record<string, unknown> {
  const where = p.article.path;
  const claim = r.claim ?? {};
  // `url` is the page of the published fact-check, not the article the claim appeared in.
  if (claim.review === undefined) throw new ExportError('a ClaimReview needs the URL of the published fact-check: set the claim\'s review link', where, r.id);
  const url = webUrl(claim.review);
  if (url === undefined) throw new ExportError(`the claim's review link ${JSON.stringify(claim.review.slice(0, 60))} is not an http(s) URL`, where, r.id);
  const reviewer = r.author ?? options.reviewer;
  if (reviewer === undefined) throw new ExportError('a ClaimReview needs an author: set the annotation\'s author or --reviewer', where, r.id);
  const datePublished = dateOnly(r.modified ?? r.created ?? options.reviewDate);
  if (datePublished === undefined) {
    throw new ExportError('a ClaimReview needs a publication date: the annotation has no created/modified date', where, r.id);
  }
  const verdict = findVerdict(claim.verdict, options.verdicts);
  const rating = claimRating(r, options.verdicts);
  const ratingName = verdict?.label ?? claim.verdict ?? (rating ? `${rating.value}/${rating.best}` : '');
  const reviewRating: Record<string, unknown> = { '@type': 'Rating', name: ratingName, alternateName: ratingName };
  if (rating) Object.assign(reviewRating, { ratingValue: rating.value, bestRating: rating.best, worstRating: rating.worst });
  const item: Record<string, unknown> = { '@type': 'Claim', text: r.target.exact };
  if (claim.claimant) item.author = { '@type': claimantType(p, r), name: claim.claimant.text };
  const claimDate = dateOnly(claim.date ?? p.article.date);
  if (claimDate !== undefined) item.datePublished = claimDate;
  const appearance = webUrl(claim.appearance) ?? articleUrl(p.article, options.baseUrl);
  if (appearance !== undefined) item.appearance = { '@type': 'CreativeWork', url: appearance };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: shortClaim(r.target.exact),
    itemReviewed: item,
    author: { '@type': 'Organization', name: reviewer },
    datePublished,
    reviewRating,
    inLanguage: 'ar',
  };
}

function dateOnly(s: string | undefined): string | undefined {
  const m = s === undefined ? null : /^\d{4}-\d{2}-\d{2}/.exec(s);
  return m ? m[0] : undefined;
}

/**
 * One ClaimReview per rated claim. A claim whose review is incomplete (no fact-check URL, author or
 * date) is skipped and reported through `options.onSkip`; the article's other reviews are written.
 */
export function createClaimReviewWriter(options: ExportOptions): FormatWriter {
  let first = true;
  return {
    head: () => '[',
    article(p) {
      const items: string[] = [];
      for (const r of p.records.filter(isRated)) {
        try {
          items.push(JSON.stringify(claimReview(p, r, options)));
        } catch (e) {
          if (!(e instanceof ExportError)) throw e;
          options.onSkip?.(e);
        }
      }
      if (items.length === 0) return '';
      const out = (first ? '\n  ' : ',\n  ') + items.join(',\n  ');
      first = false;
      return out;
    },
    tail: () => (first ? ']\n' : '\n]\n'),
  };
}
