// Hovers for every kind of mark: what a detection is, or what a tagged claim says (claimant, date,
// type, verdict, evidence, note, author, time). Text from the article or the sidecar is escaped and
// isolated; command links name only Khabar's commands and carry only the offset.
import * as vscode from 'vscode';
import { commandLink, escapeMarkdown, isolateArabic, showText, webLink } from '../core/editor/markdown';
import type { Mark } from '../core/editor/marks';
import { countWordOccurrences } from '../core/editor/occurrences';
import { describeFigure } from '../core/figures/describe';
import type { AnnotationRecord, VerdictDef } from '../core/model';
import type { Detection } from '../core/types';
import type { AnnotationIndex } from './annotations';
import { isArticle } from './articles';
import { readConfig } from './config';
import { entitySourceName, labelName } from './labels';

/** The commands hover links may run; passed to `isTrusted.enabledCommands`. */
export const HOVER_COMMANDS = [
  'khabar.acceptDetection',
  'khabar.rejectDetection',
  'khabar.retypeDetection',
  'khabar.tagClaim',
  'khabar.tagQuote',
  'khabar.setVerdict',
  'khabar.setClaimant',
  'khabar.setClaimType',
  'khabar.addEvidence',
  'khabar.addNote',
  'khabar.removeAnnotation',
  'khabar.addToEntityList',
];

/**
 * Hover titles name the kind in both languages whatever the display language: annotators read the
 * Arabic term and match the English label of their guidelines and exports.
 */
const BILINGUAL: Record<string, string> = {
  PER: 'شخص — person',
  LOC: 'مكان — place',
  ORG: 'مؤسسة — organisation',
  MISC: 'اسم آخر — other name',
  NUMBER: 'عدد — number',
  PERCENT: 'نسبة مئوية — percentage',
  MONEY: 'مبلغ — money',
  QUANTITY: 'كمية — quantity',
  DATE: 'تاريخ — date',
  TIME: 'وقت — time',
  DURATION: 'مدة — duration',
  ORDINAL: 'ترتيب — ordinal',
  NOTE: 'ملاحظة — note',
  CLAIM_SUGGESTED: 'ادعاء مقترح — claim suggestion',
  CLAIM_TAGGED: 'ادعاء موسوم — tagged claim',
  QUOTE_TAGGED: 'اقتباس موسوم — tagged quote',
};

function actions(links: Array<[string, string]>, offset: number): string {
  return links.map(([title, cmd]) => commandLink(title, cmd, { offset })).join(' · ');
}

function line(name: string, value: string): string {
  return `- ${escapeMarkdown(name)}: ${value}\n`;
}

function detectionBody(d: Detection, wholeText?: string): string {
  let md = '';
  if (d.kind === 'figure') {
    let described: string | undefined;
    try {
      described = describeFigure(d);
    } catch {
      described = undefined;
    }
    if (described) md += `${showText(described, 300)}\n\n`;
    else for (const [k, v] of Object.entries(d.value)) md += line(k, showText(String(v)));
    if (d.value.weekdayMismatch) md += `\n⚠ ${escapeMarkdown(vscode.l10n.t('The weekday does not fall on this date.'))}\n`;
  } else if (d.kind === 'entity') {
    if (d.canonical && d.canonical !== d.text) md += line(vscode.l10n.t('Full name'), showText(d.canonical));
    if (d.gloss) md += line(vscode.l10n.t('About'), showText(d.gloss));
    if (wholeText !== undefined) {
      // A long article is detected one paragraph at a time, so the recogniser's count covers only
      // this paragraph: the whole text is searched for the name's words instead.
      const n = countWordOccurrences(wholeText, d.text);
      if (n > 1) md += line(vscode.l10n.t('Occurrences of this name in the article'), String(n));
    } else if (d.mentions && d.mentions > 1) md += line(vscode.l10n.t('Mentions in this article'), String(d.mentions));
    if (d.source) md += line(vscode.l10n.t('Found by'), escapeMarkdown(entitySourceName(d.source)));
  } else {
    md += line(vscode.l10n.t('Claimant'), d.claimant ? showText(d.claimant.text) : '—');
    md += line(vscode.l10n.t('Check-worthiness'), d.checkWorthiness.toFixed(2));
    if (d.cue) md += line(vscode.l10n.t('Cue'), showText(d.cue));
  }
  return md;
}

function recordBody(r: AnnotationRecord, verdicts: readonly VerdictDef[]): string {
  let md = '';
  const c = r.claim;
  if (c) {
    if (c.claimant) md += line(vscode.l10n.t('Claimant'), showText(c.claimant.text));
    if (c.date) md += line(vscode.l10n.t('Claim date'), showText(c.date));
    if (c.type) md += line(vscode.l10n.t('Claim type'), escapeMarkdown(c.type));
    if (r.label === 'CLAIM') {
      const v = c.verdict ? verdicts.find((x) => x.key === c.verdict) : undefined;
      const verdict = c.verdict ? `**${showText(v?.label ?? c.verdict)}**${v ? ` (${escapeMarkdown(v.labelEn)})` : ''}` : `_${escapeMarkdown(vscode.l10n.t('not yet rated'))}_`;
      const rating = c.rating ? ` — ${c.rating.value}/${c.rating.best}` : '';
      md += line(vscode.l10n.t('Verdict'), verdict + rating);
    }
    if (c.checkWorthiness !== undefined) md += line(vscode.l10n.t('Check-worthiness'), c.checkWorthiness.toFixed(2));
    if (c.appearance) md += line(vscode.l10n.t('Appeared in'), webLink(c.appearance));
    if (c.evidence?.length) md += line(vscode.l10n.t('Evidence'), c.evidence.map((u) => webLink(u)).join(' · '));
    if (c.review) md += line(vscode.l10n.t('Fact-check'), webLink(c.review));
  }
  if (r.value) for (const [k, v] of Object.entries(r.value)) md += line(k, showText(String(v)));
  if (r.note) md += line(vscode.l10n.t('Note'), showText(r.note, 600));
  const by = [r.author ? showText(r.author) : '', r.modified ?? r.created ? escapeMarkdown((r.modified ?? r.created)!) : ''].filter(Boolean).join(', ');
  if (by) md += line(vscode.l10n.t('By'), by);
  md += line(vscode.l10n.t('Status'), escapeMarkdown(statusName(r.status)));
  return md;
}

function statusName(s: string): string {
  if (s === 'accepted') return vscode.l10n.t('accepted');
  if (s === 'rejected') return vscode.l10n.t('rejected');
  return vscode.l10n.t('suggested');
}

/** `wholeText`: the article's text when it is detected paragraph by paragraph (long articles). */
export function markHover(m: Mark, verdicts: readonly VerdictDef[], wholeText?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportHtml = false;
  const at = m.start;
  if (m.key === 'orphan' && m.record) {
    md.appendMarkdown(`**⚠ ${escapeMarkdown(vscode.l10n.t('Orphaned annotation'))}** · ${escapeMarkdown(labelName(m.record.label))}\n\n`);
    md.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('Its text was not found after the article changed:'))} ${showText(m.record.target.exact)}\n\n`);
    md.appendMarkdown(recordBody(m.record, verdicts));
    md.appendMarkdown('\n' + actions([[vscode.l10n.t('Remove'), 'khabar.removeAnnotation']], at));
    return md;
  }
  const r = m.record;
  const label = r?.label ?? m.detection?.label ?? m.key;
  const kind = m.key === 'claimTagged' ? (r?.label === 'QUOTE' ? 'QUOTE_TAGGED' : 'CLAIM_TAGGED') : m.key === 'claimSuggestion' ? 'CLAIM_SUGGESTED' : label;
  const kindName = BILINGUAL[kind] ?? labelName(label);
  const text = r?.target.exact ?? m.detection?.text ?? '';
  md.appendMarkdown(`**${escapeMarkdown(isolateArabic(kindName))}** · ${showText(text, 120)}\n\n`);
  if (r) md.appendMarkdown(recordBody(r, verdicts));
  else if (m.detection) md.appendMarkdown(detectionBody(m.detection, wholeText));
  const links: Array<[string, string]> = [];
  if (m.key === 'claimTagged') {
    if (r?.label === 'CLAIM') links.push([vscode.l10n.t('Set verdict…'), 'khabar.setVerdict']);
    links.push([vscode.l10n.t('Claimant…'), 'khabar.setClaimant'], [vscode.l10n.t('Type…'), 'khabar.setClaimType'], [vscode.l10n.t('Evidence…'), 'khabar.addEvidence'], [vscode.l10n.t('Note…'), 'khabar.addNote'], [vscode.l10n.t('Remove'), 'khabar.removeAnnotation']);
  } else if (m.key === 'claimSuggestion') {
    links.push([vscode.l10n.t('Tag as claim'), 'khabar.tagClaim'], [vscode.l10n.t('Tag as quote'), 'khabar.tagQuote'], [vscode.l10n.t('Reject'), 'khabar.rejectDetection']);
  } else if (m.key === 'note') {
    links.push([vscode.l10n.t('Note…'), 'khabar.addNote'], [vscode.l10n.t('Remove'), 'khabar.removeAnnotation']);
  } else if (r) {
    links.push([vscode.l10n.t('Retype…'), 'khabar.retypeDetection'], [vscode.l10n.t('Note…'), 'khabar.addNote'], [vscode.l10n.t('Remove'), 'khabar.removeAnnotation']);
  } else {
    links.push([vscode.l10n.t('Accept'), 'khabar.acceptDetection'], [vscode.l10n.t('Reject'), 'khabar.rejectDetection']);
    if (m.detection?.kind === 'entity') links.push([vscode.l10n.t('Retype…'), 'khabar.retypeDetection'], [vscode.l10n.t('Add to entity list…'), 'khabar.addToEntityList']);
  }
  md.appendMarkdown('\n' + actions(links, at));
  return md;
}

export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: AnnotationIndex) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isArticle(document)) return undefined;
    const offset = document.offsetAt(position);
    const hits = this.index.at(document, offset).filter((m) => m.key !== 'orphan');
    // Orphans are drawn in the gutter of their last line: hovering the line's first character explains them.
    if (position.character <= 1) {
      const line = position.line;
      hits.push(...this.index.marks(document, undefined, line, line).filter((m) => m.key === 'orphan' && document.positionAt(m.start).line === line));
    }
    if (hits.length === 0) return undefined;
    const verdicts = readConfig(document.uri).verdicts;
    const first = hits[0]!;
    if (first.key === 'orphan') return new vscode.Hover(hits.map((m) => markHover(m, verdicts)));
    const wholeText = this.index.detections.paragraphMode(document) && hits.some((m) => m.detection?.kind === 'entity') ? document.getText() : undefined;
    return new vscode.Hover(
      hits.map((m) => markHover(m, verdicts, wholeText)),
      new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)),
    );
  }
}
