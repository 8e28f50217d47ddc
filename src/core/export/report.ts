// The readable report an editor reads: per article, its headline, dateline and URL, a verdict
// summary, the claims with their verdicts and evidence, the quotations, a table of figures, an
// index of entities and the notes, with every note written on any kind of annotation; in Markdown,
// or in right-to-left HTML with no scripts. A report on several articles ends with the verdict
// summary of them all. Reports carry REPORT_MARKER at the top so Khabar never reads one as an article.
//
// Right to left: the HTML report is `dir="rtl"` throughout (Latin runs in <bdi>). The Markdown
// report holds no bidi control characters at all (VS Code shows them as boxes, and they are
// invisible in other editors): it is wrapped in a `<div dir="rtl">` block, which CommonMark
// renderers (VS Code's preview, GitHub, pandoc) keep, and every line starts with Arabic, so a
// renderer that drops the wrapper still sets each paragraph right to left from its first letter.

import type { FigureValue } from '../types';
import type { AnnotationRecord, RecordLabel, VerdictDef } from '../annotationRecord';
import { DEFAULT_VERDICTS } from '../annotationRecord';
import { LABEL_AR } from '../labelNames';
import { layoutParagraphs } from '../reader/layout';
import { articleUrl, frontMatterLength } from './articleUrl';
import { findVerdict } from './exportNames';
import type { PreparedArticle } from './prepare';
import { REPORT_MARKER } from './reportMarker';
import type { ExportOptions, FormatWriter } from './types';

const BOUND_AR: Readonly<Record<string, string>> = {
  about: 'نحو',
  'more-than': 'أكثر من',
  'less-than': 'أقل من',
  'at-least': 'على الأقل',
  'at-most': 'على الأكثر',
};

const STATUS_AR: Readonly<Record<string, string>> = { accepted: 'مقبول', suggested: 'مقترح', rejected: 'مرفوض' };

const REPORT_AR = 'تقرير خبر';
const UNRATED = { label: 'لم يُحكم عليه بعد', labelEn: 'Not yet rated' };

/** Bidi controls (ALM, LRM, RLM, embeddings, overrides, isolates): never written into a Markdown report. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Whether a URL may become a link: only http(s), nothing that could break out of the markup. */
export function linkable(url: string): boolean {
  return /^https?:\/\/[^\s<>"'`\\]+$/i.test(url);
}

export function formatValue(v: FigureValue | undefined): string {
  if (!v) return '';
  const parts: string[] = [];
  if (v.number !== undefined) parts.push((v.bound ? BOUND_AR[v.bound] + ' ' : '') + String(v.number));
  if (v.unit) parts.push(v.unit);
  if (v.currency) parts.push(v.currency);
  if (v.date) parts.push(v.date);
  if (v.hijri) parts.push(`${v.hijri} هـ`);
  if (v.time) parts.push(v.time);
  if (v.duration) parts.push(v.duration);
  if (v.relative) parts.push(v.relative);
  if (v.weekdayMismatch) parts.push('⚠ اليوم لا يوافق التاريخ');
  return parts.join(' · ');
}

export interface ArticleHeading {
  headline?: string;
  dateline?: string;
}

/**
 * The headline and dateline as the Khabar Reader shows them (its layout: the first paragraph, and
 * a short dated line after it), a front-matter block at the top left out. Whitespace is collapsed.
 */
export function articleHeading(text: string): ArticleHeading {
  const fm = frontMatterLength(text);
  // Blank the front matter in place (newlines kept) so offsets and line structure stay the same.
  const t = fm > 0 ? text.slice(0, fm).replace(/[^\n]/g, ' ') + text.slice(fm) : text;
  const out: ArticleHeading = {};
  for (const p of layoutParagraphs(t)) {
    const s = t.slice(p.start, p.end).replace(/\s+/g, ' ').trim();
    if (p.role === 'headline') out.headline = s;
    else if (p.role === 'dateline') out.dateline = s;
  }
  return out;
}

interface EntityEntry {
  label: RecordLabel;
  name: string;
  count: number;
  /** Notes written on any of its mentions, in text order, each once. */
  notes: string[];
}

/** Entities grouped by label and text, by label then frequency, with their mentions' notes. */
function entityIndex(records: readonly AnnotationRecord[]): EntityEntry[] {
  const map = new Map<string, EntityEntry>();
  for (const r of records) {
    if (r.kind !== 'entity') continue;
    const name = r.target.exact.replace(/\s+/g, ' ');
    const key = `${r.label}\u0000${name}`;
    let e = map.get(key);
    if (e) e.count++;
    else map.set(key, (e = { label: r.label, name, count: 1, notes: [] }));
    if (r.note && !e.notes.includes(r.note)) e.notes.push(r.note);
  }
  const order: RecordLabel[] = ['PER', 'ORG', 'LOC', 'MISC'];
  return [...map.values()].sort(
    (a, b) => order.indexOf(a.label) - order.indexOf(b.label) || b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** Verdict key → number of claims; '' for claims with no verdict yet. */
type VerdictCounts = Map<string, number>;

function countVerdicts(claims: readonly AnnotationRecord[], into: VerdictCounts = new Map()): VerdictCounts {
  for (const r of claims) {
    const k = r.claim?.verdict ?? '';
    into.set(k, (into.get(k) ?? 0) + 1);
  }
  return into;
}

interface SummaryRow {
  key: string;
  label: string;
  labelEn: string;
  count: number;
}

/** Rows in the vocabulary's order, then verdicts outside it (by key), then the unrated claims. */
function summaryRows(counts: VerdictCounts, verdicts: readonly VerdictDef[] = DEFAULT_VERDICTS): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const v of verdicts) {
    const n = counts.get(v.key);
    if (n) rows.push({ key: v.key, label: v.label, labelEn: v.labelEn, count: n });
  }
  const unknown = [...counts.keys()].filter((k) => k !== '' && !verdicts.some((v) => v.key === k)).sort();
  for (const k of unknown) rows.push({ key: k, label: k, labelEn: k, count: counts.get(k)! });
  const unrated = counts.get('');
  if (unrated) rows.push({ key: '', ...UNRATED, count: unrated });
  return rows;
}

interface ReportParts {
  heading: ArticleHeading;
  url?: string;
  claims: AnnotationRecord[];
  quotes: AnnotationRecord[];
  figures: AnnotationRecord[];
  entities: EntityEntry[];
  notes: AnnotationRecord[];
}

function parts(p: PreparedArticle, options: ExportOptions): ReportParts {
  const url = articleUrl(p.article, options.baseUrl);
  return {
    heading: articleHeading(p.article.text),
    ...(url === undefined ? {} : { url }),
    claims: p.records.filter((r) => r.kind === 'claim' && r.label !== 'QUOTE'),
    quotes: p.records.filter((r) => r.kind === 'claim' && r.label === 'QUOTE'),
    figures: p.records.filter((r) => r.kind === 'figure'),
    entities: entityIndex(p.records),
    notes: p.records.filter((r) => r.kind === 'note'),
  };
}

const MAX_TITLE = 160;

/** The section's title: the article's title, else its headline (an article of one long paragraph cut at a word), else its path. */
function sectionTitle(p: PreparedArticle, heading: ArticleHeading): string {
  const t = p.article.title ?? heading.headline ?? p.article.path;
  if (t.length <= MAX_TITLE) return t;
  const cut = t.lastIndexOf(' ', MAX_TITLE);
  return (cut > MAX_TITLE / 2 ? t.slice(0, cut) : Array.from(t.slice(0, MAX_TITLE)).slice(0, -1).join('')) + '…';
}

/** Folder totals kept between articles: a few counters, so memory stays bounded. */
class Totals {
  articles = 0;
  readonly counts: VerdictCounts = new Map();
  add(claims: readonly AnnotationRecord[]): void {
    this.articles++;
    countVerdicts(claims, this.counts);
  }
}

// ---- Markdown ----

/** Escapes Markdown and inline HTML, flattens line breaks and drops bidi controls (none in a Markdown report). */
export function mdText(s: string): string {
  return s
    .replace(BIDI_CONTROLS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]{}<>|#!~&]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '\\' + c));
}

function mdLink(url: string): string {
  return linkable(url) ? `<${url}>` : mdText(url);
}

function mdSummary(rows: readonly SummaryRow[]): string[] {
  const total = rows.reduce((n, r) => n + r.count, 0);
  const out = ['| الحكم | Verdict | العدد |', '|---|---|---|'];
  for (const r of rows) out.push(`| ${mdText(r.label)} | ${mdText(r.labelEn)} | ${r.count} |`);
  out.push(`| المجموع | Total | ${total} |`);
  return out;
}

function mdClaim(out: string[], r: AnnotationRecord, i: number, options: ExportOptions, quote: boolean): void {
  out.push(`${i + 1}. > ${mdText(r.target.exact)}`);
  const c = r.claim ?? {};
  if (c.claimant) out.push(`   - القائل: ${mdText(c.claimant.text)}`);
  const v = findVerdict(c.verdict, options.verdicts);
  if (c.verdict !== undefined) out.push(`   - الحكم: **${mdText(v?.label ?? c.verdict)}**${v ? ` (${mdText(v.labelEn)})` : ''}`);
  else if (!quote) out.push(`   - الحكم: ${UNRATED.label}`);
  if (c.rating) out.push(`   - التقييم: ${c.rating.value} من ${c.rating.best}`);
  if (c.type) out.push(`   - النوع: ${mdText(c.type)}`);
  for (const e of c.evidence ?? []) out.push(`   - دليل: ${mdLink(e)}`);
  if (c.review) out.push(`   - التحقق المنشور: ${mdLink(c.review)}`);
  if (r.note) out.push(`   - ملاحظة: ${mdText(r.note)}`);
  if (r.status !== 'accepted') out.push(`   - الحالة: ${STATUS_AR[r.status]}`);
}

function markdownArticle(p: PreparedArticle, options: ExportOptions, totals: Totals): string {
  const { heading, url, claims, quotes, figures, entities, notes } = parts(p, options);
  totals.add(claims);
  const out: string[] = [`## ${mdText(sectionTitle(p, heading))}`, ''];
  const meta: string[] = [];
  if (heading.dateline) meta.push(`- سطر التاريخ: ${mdText(heading.dateline)}`);
  if (url) meta.push(`- الرابط: ${mdLink(url)}`);
  meta.push(`- الملف: ${mdText(p.article.path)}`);
  if (p.article.date) meta.push(`- التاريخ: ${mdText(p.article.date)}`);
  out.push(...meta, '');
  out.push('### ملخص الأحكام', '');
  if (claims.length === 0) out.push('لا توجد ادعاءات.', '');
  else out.push(...mdSummary(summaryRows(countVerdicts(claims), options.verdicts)), '');
  out.push(`### الادعاءات (${claims.length})`, '');
  if (claims.length === 0) out.push('لا توجد ادعاءات.', '');
  else {
    claims.forEach((r, i) => mdClaim(out, r, i, options, false));
    out.push('');
  }
  if (quotes.length > 0) {
    out.push(`### الاقتباسات (${quotes.length})`, '');
    quotes.forEach((r, i) => mdClaim(out, r, i, options, true));
    out.push('');
  }
  out.push(`### الأرقام (${figures.length})`, '');
  if (figures.length === 0) out.push('لا توجد أرقام.', '');
  else {
    const withNotes = figures.some((r) => r.note);
    out.push(withNotes ? '| النص | النوع | القيمة | ملاحظة |' : '| النص | النوع | القيمة |', withNotes ? '|---|---|---|---|' : '|---|---|---|');
    for (const r of figures) {
      out.push(`| ${mdText(r.target.exact)} | ${LABEL_AR[r.label]} | ${mdText(formatValue(r.value))} |${withNotes ? ` ${mdText(r.note ?? '')} |` : ''}`);
    }
    out.push('');
  }
  out.push(`### فهرس الكيانات (${entities.length})`, '');
  if (entities.length === 0) out.push('لا توجد كيانات.', '');
  else {
    const withNotes = entities.some((e) => e.notes.length > 0);
    out.push(withNotes ? '| الكيان | النوع | مرات الذكر | ملاحظات |' : '| الكيان | النوع | مرات الذكر |', withNotes ? '|---|---|---|---|' : '|---|---|---|');
    for (const e of entities) {
      out.push(`| ${mdText(e.name)} | ${LABEL_AR[e.label]} | ${e.count} |${withNotes ? ` ${e.notes.map(mdText).join('؛ ')} |` : ''}`);
    }
    out.push('');
  }
  if (notes.length > 0) {
    out.push(`### الملاحظات (${notes.length})`, '');
    for (const r of notes) out.push(`- ${mdText(r.target.exact)}: ${mdText(r.note ?? '')}`);
    out.push('');
  }
  return out.join('\n') + '\n';
}

export function createMarkdownReportWriter(options: ExportOptions): FormatWriter {
  const totals = new Totals();
  return {
    head: () => `${REPORT_MARKER}\n<div dir="rtl">\n\n# ${REPORT_AR}\n\n`,
    article: (p) => markdownArticle(p, options, totals),
    tail: () => {
      const out: string[] = [];
      if (totals.articles > 1) {
        const rows = summaryRows(totals.counts, options.verdicts);
        out.push(`## ملخص الأحكام في كل المقالات (${totals.articles})`, '');
        if (rows.length === 0) out.push('لا توجد ادعاءات.', '');
        else out.push(...mdSummary(rows), '');
      }
      out.push('</div>', '');
      return out.join('\n');
    },
  };
}

// ---- HTML ----

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Text in a <bdi> so Latin runs (URLs, keys) inside Arabic lines keep their own direction. */
function bdi(s: string): string {
  return `<bdi>${escapeHtml(s)}</bdi>`;
}

function htmlLink(url: string): string {
  return linkable(url) ? `<a href="${escapeHtml(url)}" dir="ltr" rel="noopener noreferrer">${escapeHtml(url)}</a>` : bdi(url);
}

function htmlSummary(rows: readonly SummaryRow[]): string {
  const total = rows.reduce((n, r) => n + r.count, 0);
  const o = ['<table class="summary"><thead><tr><th>الحكم</th><th>Verdict</th><th>العدد</th></tr></thead><tbody>'];
  for (const r of rows) {
    const cls = r.key ? ` class="verdict verdict-${escapeHtml(r.key)}"` : '';
    o.push(`<tr><td${cls}>${bdi(r.label)}</td><td dir="ltr">${escapeHtml(r.labelEn)}</td><td>${r.count}</td></tr>`);
  }
  o.push(`</tbody><tfoot><tr><th>المجموع</th><th dir="ltr">Total</th><th>${total}</th></tr></tfoot></table>`);
  return o.join('\n');
}

function htmlClaims(o: string[], list: readonly AnnotationRecord[], options: ExportOptions, quote: boolean): void {
  o.push(`<ol class="${quote ? 'quotes' : 'claims'}">`);
  for (const r of list) {
    const c = r.claim ?? {};
    const v = findVerdict(c.verdict, options.verdicts);
    o.push(`<li><blockquote>${escapeHtml(r.target.exact)}</blockquote><ul>`);
    if (c.claimant) o.push(`<li>القائل: ${bdi(c.claimant.text)}</li>`);
    if (c.verdict !== undefined) {
      o.push(`<li>الحكم: <strong class="verdict verdict-${escapeHtml(c.verdict)}">${escapeHtml(v?.label ?? c.verdict)}</strong>${v ? ` (${bdi(v.labelEn)})` : ''}</li>`);
    } else if (!quote) o.push(`<li>الحكم: ${UNRATED.label}</li>`);
    if (c.rating) o.push(`<li>التقييم: ${c.rating.value} من ${c.rating.best}</li>`);
    if (c.type) o.push(`<li>النوع: ${bdi(c.type)}</li>`);
    for (const e of c.evidence ?? []) o.push(`<li>دليل: ${htmlLink(e)}</li>`);
    if (c.review) o.push(`<li>التحقق المنشور: ${htmlLink(c.review)}</li>`);
    if (r.note) o.push(`<li>ملاحظة: ${bdi(r.note)}</li>`);
    if (r.status !== 'accepted') o.push(`<li>الحالة: ${STATUS_AR[r.status]}</li>`);
    o.push('</ul></li>');
  }
  o.push('</ol>');
}

function htmlArticle(p: PreparedArticle, options: ExportOptions, totals: Totals): string {
  const { heading, url, claims, quotes, figures, entities, notes } = parts(p, options);
  totals.add(claims);
  const o: string[] = ['<section class="article">', `<h2>${bdi(sectionTitle(p, heading))}</h2>`, '<ul class="meta">'];
  if (heading.dateline) o.push(`<li>سطر التاريخ: ${bdi(heading.dateline)}</li>`);
  if (url) o.push(`<li>الرابط: ${htmlLink(url)}</li>`);
  o.push(`<li>الملف: ${bdi(p.article.path)}</li>`);
  if (p.article.date) o.push(`<li>التاريخ: ${bdi(p.article.date)}</li>`);
  o.push('</ul>', '<h3>ملخص الأحكام</h3>');
  if (claims.length === 0) o.push('<p>لا توجد ادعاءات.</p>');
  else o.push(htmlSummary(summaryRows(countVerdicts(claims), options.verdicts)));
  o.push(`<h3>الادعاءات (${claims.length})</h3>`);
  if (claims.length === 0) o.push('<p>لا توجد ادعاءات.</p>');
  else htmlClaims(o, claims, options, false);
  if (quotes.length > 0) {
    o.push(`<h3>الاقتباسات (${quotes.length})</h3>`);
    htmlClaims(o, quotes, options, true);
  }
  o.push(`<h3>الأرقام (${figures.length})</h3>`);
  if (figures.length === 0) o.push('<p>لا توجد أرقام.</p>');
  else {
    const withNotes = figures.some((r) => r.note);
    o.push(`<table><thead><tr><th>النص</th><th>النوع</th><th>القيمة</th>${withNotes ? '<th>ملاحظة</th>' : ''}</tr></thead><tbody>`);
    for (const r of figures) {
      o.push(`<tr><td>${bdi(r.target.exact)}</td><td>${LABEL_AR[r.label]}</td><td>${bdi(formatValue(r.value))}</td>${withNotes ? `<td>${r.note ? bdi(r.note) : ''}</td>` : ''}</tr>`);
    }
    o.push('</tbody></table>');
  }
  o.push(`<h3>فهرس الكيانات (${entities.length})</h3>`);
  if (entities.length === 0) o.push('<p>لا توجد كيانات.</p>');
  else {
    const withNotes = entities.some((e) => e.notes.length > 0);
    o.push(`<table><thead><tr><th>الكيان</th><th>النوع</th><th>مرات الذكر</th>${withNotes ? '<th>ملاحظات</th>' : ''}</tr></thead><tbody>`);
    for (const e of entities) {
      o.push(`<tr><td>${bdi(e.name)}</td><td>${LABEL_AR[e.label]}</td><td>${e.count}</td>${withNotes ? `<td>${e.notes.map(bdi).join('؛ ')}</td>` : ''}</tr>`);
    }
    o.push('</tbody></table>');
  }
  if (notes.length > 0) {
    o.push(`<h3>الملاحظات (${notes.length})</h3><ul>`);
    for (const r of notes) o.push(`<li>${bdi(r.target.exact)}: ${bdi(r.note ?? '')}</li>`);
    o.push('</ul>');
  }
  o.push('</section>');
  return o.join('\n') + '\n';
}

function htmlHead(title: string): string {
  return `<!DOCTYPE html>
${REPORT_MARKER}
<html dir="rtl" lang="ar">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Khabar">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: "Noto Naskh Arabic", "Amiri", "Segoe UI", Tahoma, sans-serif; line-height: 1.7; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
blockquote { margin: 0.5rem 0; padding: 0.25rem 1rem; border-inline-start: 4px solid #888; background: #f5f5f5; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.75rem; text-align: start; }
.verdict-false, .verdict-mostly-false { color: #a00; }
.verdict-true, .verdict-mostly-true { color: #060; }
.verdict-misleading { color: #a60; }
section.article { border-top: 1px solid #ccc; margin-top: 2rem; }
</style>
</head>
<body>
<h1>${REPORT_AR}</h1>
`;
}

/**
 * The head is written with the first article, so that a one-article report's `<title>` is its
 * headline; a report on several articles takes `options.reportTitle` when given.
 */
export function createHtmlReportWriter(options: ExportOptions): FormatWriter {
  const totals = new Totals();
  let headDone = false;
  const head = (p: PreparedArticle | undefined): string => {
    if (headDone) return '';
    headDone = true;
    const title = p ? sectionTitle(p, articleHeading(p.article.text)) : undefined;
    return htmlHead(options.reportTitle ?? (title ? `${title} — ${REPORT_AR}` : REPORT_AR));
  };
  return {
    head: () => '',
    article: (p) => head(p) + htmlArticle(p, options, totals),
    tail: () => {
      const o: string[] = [head(undefined)];
      if (totals.articles > 1) {
        const rows = summaryRows(totals.counts, options.verdicts);
        o.push(`<section class="summary">\n<h2>ملخص الأحكام في كل المقالات (${totals.articles})</h2>\n${rows.length === 0 ? '<p>لا توجد ادعاءات.</p>' : htmlSummary(rows)}\n</section>\n`);
      }
      o.push('</body>\n</html>\n');
      return o.join('');
    },
  };
}
