// The readable report an editor reads: per article, the claims with their verdicts and evidence,
// a table of figures and an index of entities; in Markdown, or in right-to-left HTML with no scripts.

import type { FigureValue } from '../types';
import type { AnnotationRecord, RecordLabel } from '../model';
import { LABEL_AR } from '../labels';
import { findVerdict } from './labels';
import type { PreparedArticle } from './prepare';
import type { ExportOptions, FormatWriter } from './types';

const FSI = '\u2068';
const PDI = '\u2069';

const BOUND_AR: Readonly<Record<string, string>> = {
  about: 'نحو',
  'more-than': 'أكثر من',
  'less-than': 'أقل من',
  'at-least': 'على الأقل',
  'at-most': 'على الأكثر',
};

const STATUS_AR: Readonly<Record<string, string>> = { accepted: 'مقبول', suggested: 'مقترح', rejected: 'مرفوض' };

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

interface EntityEntry {
  label: RecordLabel;
  name: string;
  count: number;
}

/** Entities grouped by the fullest-known name (a claimant ref or the text itself), by label then frequency. */
function entityIndex(records: readonly AnnotationRecord[]): EntityEntry[] {
  const map = new Map<string, EntityEntry>();
  for (const r of records) {
    if (r.kind !== 'entity') continue;
    const name = r.target.exact.replace(/\s+/g, ' ');
    const key = `${r.label}\u0000${name}`;
    const e = map.get(key);
    if (e) e.count++;
    else map.set(key, { label: r.label, name, count: 1 });
  }
  const order: RecordLabel[] = ['PER', 'ORG', 'LOC', 'MISC'];
  return [...map.values()].sort(
    (a, b) => order.indexOf(a.label) - order.indexOf(b.label) || b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

interface ReportParts {
  claims: AnnotationRecord[];
  figures: AnnotationRecord[];
  entities: EntityEntry[];
  notes: AnnotationRecord[];
}

function parts(p: PreparedArticle): ReportParts {
  return {
    claims: p.records.filter((r) => r.kind === 'claim'),
    figures: p.records.filter((r) => r.kind === 'figure'),
    entities: entityIndex(p.records),
    notes: p.records.filter((r) => r.kind === 'note'),
  };
}

// ---- Markdown ----

/** Escapes Markdown and inline HTML, flattens line breaks, and isolates the run so mixed text stays in order. */
export function mdText(s: string): string {
  const escaped = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]{}<>|#!~&]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '\\' + c));
  return FSI + escaped + PDI;
}

function mdLink(url: string): string {
  return linkable(url) ? `<${url}>` : mdText(url);
}

function markdownArticle(p: PreparedArticle, options: ExportOptions): string {
  const { claims, figures, entities, notes } = parts(p);
  const out: string[] = [`## ${mdText(p.article.title ?? p.article.path)}`, ''];
  const meta: string[] = [`- الملف: ${mdText(p.article.path)}`];
  if (p.article.url) meta.push(`- الرابط: ${mdLink(p.article.url)}`);
  if (p.article.date) meta.push(`- التاريخ: ${mdText(p.article.date)}`);
  out.push(...meta, '');
  out.push(`### الادعاءات (${claims.length})`, '');
  if (claims.length === 0) out.push('لا توجد ادعاءات.', '');
  claims.forEach((r, i) => {
    out.push(`${i + 1}. > ${mdText(r.target.exact)}`);
    const c = r.claim ?? {};
    if (c.claimant) out.push(`   - القائل: ${mdText(c.claimant.text)}`);
    const v = findVerdict(c.verdict, options.verdicts);
    if (c.verdict !== undefined) out.push(`   - الحكم: **${mdText(v?.label ?? c.verdict)}**${v ? ` (${mdText(v.labelEn)})` : ''}`);
    else out.push('   - الحكم: لم يُحكم عليه بعد');
    if (c.rating) out.push(`   - التقييم: ${c.rating.value} من ${c.rating.best}`);
    if (c.type) out.push(`   - النوع: ${mdText(c.type)}`);
    for (const e of c.evidence ?? []) out.push(`   - دليل: ${mdLink(e)}`);
    if (c.review) out.push(`   - التحقق المنشور: ${mdLink(c.review)}`);
    if (r.note) out.push(`   - ملاحظة: ${mdText(r.note)}`);
    if (r.status !== 'accepted') out.push(`   - الحالة: ${STATUS_AR[r.status]}`);
  });
  if (claims.length > 0) out.push('');
  out.push(`### الأرقام (${figures.length})`, '');
  if (figures.length === 0) out.push('لا توجد أرقام.', '');
  else {
    out.push('| النص | النوع | القيمة |', '|---|---|---|');
    for (const r of figures) out.push(`| ${mdText(r.target.exact)} | ${LABEL_AR[r.label]} | ${mdText(formatValue(r.value))} |`);
    out.push('');
  }
  out.push(`### فهرس الكيانات (${entities.length})`, '');
  if (entities.length === 0) out.push('لا توجد كيانات.', '');
  else {
    out.push('| الكيان | النوع | مرات الذكر |', '|---|---|---|');
    for (const e of entities) out.push(`| ${mdText(e.name)} | ${LABEL_AR[e.label]} | ${e.count} |`);
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
  return {
    head: () => '# تقرير خبر\n\n',
    article: (p) => markdownArticle(p, options),
    tail: () => '',
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

function htmlArticle(p: PreparedArticle, options: ExportOptions): string {
  const { claims, figures, entities, notes } = parts(p);
  const o: string[] = ['<section class="article">', `<h2>${bdi(p.article.title ?? p.article.path)}</h2>`, '<ul class="meta">'];
  o.push(`<li>الملف: ${bdi(p.article.path)}</li>`);
  if (p.article.url) o.push(`<li>الرابط: ${htmlLink(p.article.url)}</li>`);
  if (p.article.date) o.push(`<li>التاريخ: ${bdi(p.article.date)}</li>`);
  o.push('</ul>', `<h3>الادعاءات (${claims.length})</h3>`);
  if (claims.length === 0) o.push('<p>لا توجد ادعاءات.</p>');
  else {
    o.push('<ol class="claims">');
    for (const r of claims) {
      const c = r.claim ?? {};
      const v = findVerdict(c.verdict, options.verdicts);
      o.push(`<li><blockquote>${escapeHtml(r.target.exact)}</blockquote><ul>`);
      if (c.claimant) o.push(`<li>القائل: ${bdi(c.claimant.text)}</li>`);
      if (c.verdict !== undefined) {
        o.push(`<li>الحكم: <strong class="verdict verdict-${escapeHtml(c.verdict)}">${escapeHtml(v?.label ?? c.verdict)}</strong>${v ? ` (${bdi(v.labelEn)})` : ''}</li>`);
      } else o.push('<li>الحكم: لم يُحكم عليه بعد</li>');
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
  o.push(`<h3>الأرقام (${figures.length})</h3>`);
  if (figures.length === 0) o.push('<p>لا توجد أرقام.</p>');
  else {
    o.push('<table><thead><tr><th>النص</th><th>النوع</th><th>القيمة</th></tr></thead><tbody>');
    for (const r of figures) o.push(`<tr><td>${bdi(r.target.exact)}</td><td>${LABEL_AR[r.label]}</td><td>${bdi(formatValue(r.value))}</td></tr>`);
    o.push('</tbody></table>');
  }
  o.push(`<h3>فهرس الكيانات (${entities.length})</h3>`);
  if (entities.length === 0) o.push('<p>لا توجد كيانات.</p>');
  else {
    o.push('<table><thead><tr><th>الكيان</th><th>النوع</th><th>مرات الذكر</th></tr></thead><tbody>');
    for (const e of entities) o.push(`<tr><td>${bdi(e.name)}</td><td>${LABEL_AR[e.label]}</td><td>${e.count}</td></tr>`);
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

const HTML_HEAD = `<!DOCTYPE html>
<html dir="rtl" lang="ar">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>تقرير خبر</title>
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
<h1>تقرير خبر</h1>
`;

export function createHtmlReportWriter(options: ExportOptions): FormatWriter {
  return {
    head: () => HTML_HEAD,
    article: (p) => htmlArticle(p, options),
    tail: () => '</body>\n</html>\n',
  };
}
