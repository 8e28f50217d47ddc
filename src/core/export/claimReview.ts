// schema.org ClaimReview JSON-LD, one per rated claim, with the fields Google's Fact Check tools
// read: claimReviewed, reviewRating (with alternateName), itemReviewed Claim, author, datePublished, url.

import type { AnnotationRecord } from '../model';
import { claimRating, findVerdict, isRated } from './labels';
import type { PreparedArticle } from './prepare';
import { ExportError, type ExportOptions, type FormatWriter } from './types';

export function claimReview(p: PreparedArticle, r: AnnotationRecord, options: ExportOptions): Record<string, unknown> {
  const where = p.article.path;
  const claim = r.claim ?? {};
  // `url` is the page of the published fact-check, not the article the claim appeared in.
  const url = claim.review;
  if (url === undefined) throw new ExportError('a ClaimReview needs the URL of the published fact-check: set the claim\'s review link', where, r.id);
  const reviewer = r.author ?? options.reviewer;
  if (reviewer === undefined) throw new ExportError('a ClaimReview needs an author: set the annotation\'s author or --reviewer', where, r.id);
  const datePublished = dateOnly(r.modified ?? r.created ?? options.reviewDate);
  if (datePublished === undefined) {
    throw new ExportError('a ClaimReview needs a publication date: the annotation has no created/modified date', where, r.id);
  }
  const verdict = findVerdict(claim.verdict, options.verdicts);
  const rating = claimRating(r, options.verdicts);
  const reviewRating: Record<string, unknown> = {
    '@type': 'Rating',
    alternateName: verdict?.label ?? claim.verdict ?? (rating ? `${rating.value}/${rating.best}` : ''),
  };
  if (rating) Object.assign(reviewRating, { ratingValue: rating.value, bestRating: rating.best, worstRating: rating.worst });
  const item: Record<string, unknown> = { '@type': 'Claim' };
  if (claim.claimant) item.author = { '@type': 'Person', name: claim.claimant.text };
  const claimDate = dateOnly(claim.date ?? p.article.date);
  if (claimDate !== undefined) item.datePublished = claimDate;
  const appearance = claim.appearance ?? p.article.url;
  if (appearance !== undefined) item.appearance = { '@type': 'CreativeWork', url: appearance };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: r.target.exact,
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

export function createClaimReviewWriter(options: ExportOptions): FormatWriter {
  let first = true;
  return {
    head: () => '[',
    article(p) {
      // Build the whole article first: a failing claim must not leave the separator state changed.
      const items = p.records.filter(isRated).map((r) => JSON.stringify(claimReview(p, r, options)));
      if (items.length === 0) return '';
      const out = (first ? '\n  ' : ',\n  ') + items.join(',\n  ');
      first = false;
      return out;
    },
    tail: () => (first ? ']\n' : '\n]\n'),
  };
}
