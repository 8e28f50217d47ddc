// The explanation of one mark in the display language: what a detection is, or what a tagged claim
// says (claimant, date, type, verdict, evidence, note, author, time), and the actions it offers.
// The editor's hover (hover.ts) and the reader's popover (reader/) both render this one description.
import * as vscode from 'vscode';
import { isolateArabic } from '../core/editor/markdown';
import type { InfoAction, InfoPart, InfoRow, MarkInfo } from '../core/editor/markInfo';
import type { Mark } from '../core/editor/marks';
import { countWordOccurrences } from '../core/editor/occurrences';
import { describeFigure } from '../core/figures/describe';
import type { AnnotationRecord, VerdictDef } from '../core/model';
import type { Detection } from '../core/types';
import { entitySourceName, labelName } from './labels';

/**
 * Titles name the kind in both languages whatever the display language: annotators read the
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

const plain = (text: string): InfoPart => ({ text });
const user = (text: string, max?: number): InfoPart => (max === undefined ? { text, user: true } : { text, user: true, max });

/** The article's text (long articles), or a function counting a name's occurrences in it (memoised by the caller). */
export type WholeText = string | ((name: string) => number);

function detectionRows(d: Detection, info: MarkInfo, wholeText?: WholeText): void {
  const rows: InfoRow[] = info.rows;
  if (d.kind === 'figure') {
    let described: string | undefined;
    try {
      described = describeFigure(d);
    } catch {
      described = undefined;
    }
    if (described) info.lead.push([user(described, 300)]);
    else for (const [k, v] of Object.entries(d.value)) rows.push({ name: k, value: [user(String(v))] });
    if (d.value.weekdayMismatch) info.warnings.push(vscode.l10n.t('The weekday does not fall on this date.'));
  } else if (d.kind === 'entity') {
    if (d.canonical && d.canonical !== d.text) rows.push({ name: vscode.l10n.t('Full name'), value: [user(d.canonical)] });
    if (d.gloss) rows.push({ name: vscode.l10n.t('About'), value: [user(d.gloss)] });
    if (wholeText !== undefined) {
      // A long article is detected one paragraph at a time, so the recogniser's count covers only
      // this paragraph: the whole text is searched for the name's words instead.
      const n = typeof wholeText === 'string' ? countWordOccurrences(wholeText, d.text) : wholeText(d.text);
      if (n > 1) rows.push({ name: vscode.l10n.t('Occurrences of this name in the article'), value: [plain(String(n))] });
    } else if (d.mentions && d.mentions > 1) rows.push({ name: vscode.l10n.t('Mentions in this article'), value: [plain(String(d.mentions))] });
    if (d.source) rows.push({ name: vscode.l10n.t('Found by'), value: [plain(entitySourceName(d.source))] });
  } else {
    rows.push({ name: vscode.l10n.t('Claimant'), value: [d.claimant ? user(d.claimant.text) : plain('—')] });
    rows.push({ name: vscode.l10n.t('Check-worthiness'), value: [plain(d.checkWorthiness.toFixed(2))] });
    if (d.cue) rows.push({ name: vscode.l10n.t('Cue'), value: [user(d.cue)] });
  }
}

function statusName(s: string): string {
  if (s === 'accepted') return vscode.l10n.t('accepted');
  if (s === 'rejected') return vscode.l10n.t('rejected');
  return vscode.l10n.t('suggested');
}

function recordRows(r: AnnotationRecord, verdicts: readonly VerdictDef[], rows: InfoRow[]): void {
  const c = r.claim;
  if (c) {
    if (c.claimant) rows.push({ name: vscode.l10n.t('Claimant'), value: [user(c.claimant.text)] });
    if (c.date) rows.push({ name: vscode.l10n.t('Claim date'), value: [user(c.date)] });
    if (c.type) rows.push({ name: vscode.l10n.t('Claim type'), value: [plain(c.type)] });
    if (r.label === 'CLAIM') {
      const v = c.verdict ? verdicts.find((x) => x.key === c.verdict) : undefined;
      const value: InfoPart[] = c.verdict
        ? [{ text: v?.label ?? c.verdict, user: true, strong: true }, ...(v ? [plain(` (${v.labelEn})`)] : [])]
        : [{ text: vscode.l10n.t('not yet rated'), em: true }];
      if (c.rating) value.push(plain(` — ${c.rating.value}/${c.rating.best}`));
      rows.push({ name: vscode.l10n.t('Verdict'), value });
    }
    if (c.checkWorthiness !== undefined) rows.push({ name: vscode.l10n.t('Check-worthiness'), value: [plain(c.checkWorthiness.toFixed(2))] });
    if (c.appearance) rows.push({ name: vscode.l10n.t('Appeared in'), value: [{ text: c.appearance, url: true }] });
    if (c.evidence?.length) {
      const value: InfoPart[] = [];
      c.evidence.forEach((u, i) => {
        if (i > 0) value.push(plain(' · '));
        value.push({ text: u, url: true });
      });
      rows.push({ name: vscode.l10n.t('Evidence'), value });
    }
    if (c.review) rows.push({ name: vscode.l10n.t('Fact-check'), value: [{ text: c.review, url: true }] });
  }
  if (r.value) for (const [k, v] of Object.entries(r.value)) rows.push({ name: k, value: [user(String(v))] });
  if (r.note) rows.push({ name: vscode.l10n.t('Note'), value: [user(r.note, 600)] });
  const by: InfoPart[] = [];
  if (r.author) by.push(user(r.author));
  const when = r.modified ?? r.created;
  if (when) {
    if (by.length) by.push(plain(', '));
    by.push(plain(when));
  }
  if (by.length) rows.push({ name: vscode.l10n.t('By'), value: by });
  rows.push({ name: vscode.l10n.t('Status'), value: [plain(statusName(r.status))] });
}

/** The actions a mark offers, as Khabar command ids (hover links, reader buttons). */
export function markActions(m: Mark): InfoAction[] {
  const a = (title: string, command: string): InfoAction => ({ title, command });
  const r = m.record;
  if (m.key === 'orphan') return [a(vscode.l10n.t('Remove'), 'khabar.removeAnnotation')];
  if (m.key === 'claimTagged') {
    return [
      ...(r?.label === 'CLAIM' ? [a(vscode.l10n.t('Set verdict…'), 'khabar.setVerdict')] : []),
      a(vscode.l10n.t('Claimant…'), 'khabar.setClaimant'),
      a(vscode.l10n.t('Type…'), 'khabar.setClaimType'),
      a(vscode.l10n.t('Evidence…'), 'khabar.addEvidence'),
      a(vscode.l10n.t('Note…'), 'khabar.addNote'),
      a(vscode.l10n.t('Remove'), 'khabar.removeAnnotation'),
    ];
  }
  if (m.key === 'claimSuggestion') {
    return [a(vscode.l10n.t('Tag as claim'), 'khabar.tagClaim'), a(vscode.l10n.t('Tag as quote'), 'khabar.tagQuote'), a(vscode.l10n.t('Reject'), 'khabar.rejectDetection')];
  }
  if (m.key === 'note') return [a(vscode.l10n.t('Note…'), 'khabar.addNote'), a(vscode.l10n.t('Remove'), 'khabar.removeAnnotation')];
  if (r) return [a(vscode.l10n.t('Retype…'), 'khabar.retypeDetection'), a(vscode.l10n.t('Note…'), 'khabar.addNote'), a(vscode.l10n.t('Remove'), 'khabar.removeAnnotation')];
  const out = [a(vscode.l10n.t('Accept'), 'khabar.acceptDetection'), a(vscode.l10n.t('Reject'), 'khabar.rejectDetection')];
  if (m.detection?.kind === 'entity') out.push(a(vscode.l10n.t('Retype…'), 'khabar.retypeDetection'), a(vscode.l10n.t('Add to entity list…'), 'khabar.addToEntityList'));
  return out;
}

/** `wholeText`: the article's text when it is detected paragraph by paragraph (long articles). */
export function markInfo(m: Mark, verdicts: readonly VerdictDef[], wholeText?: WholeText): MarkInfo {
  const info: MarkInfo = { title: [], lead: [], rows: [], warnings: [], actions: markActions(m) };
  if (m.key === 'orphan' && m.record) {
    info.title.push({ text: `⚠ ${vscode.l10n.t('Orphaned annotation')}`, strong: true }, plain(' · '), plain(labelName(m.record.label)));
    info.lead.push([plain(vscode.l10n.t('Its text was not found after the article changed:')), plain(' '), user(m.record.target.exact)]);
    recordRows(m.record, verdicts, info.rows);
    return info;
  }
  const r = m.record;
  const label = r?.label ?? m.detection?.label ?? m.key;
  const kind = m.key === 'claimTagged' ? (r?.label === 'QUOTE' ? 'QUOTE_TAGGED' : 'CLAIM_TAGGED') : m.key === 'claimSuggestion' ? 'CLAIM_SUGGESTED' : label;
  const kindName = BILINGUAL[kind] ?? labelName(label);
  const text = r?.target.exact ?? m.detection?.text ?? '';
  info.title.push({ text: isolateArabic(kindName), strong: true }, plain(' · '), user(text, 120));
  if (r) recordRows(r, verdicts, info.rows);
  else if (m.detection) detectionRows(m.detection, info, wholeText);
  return info;
}
