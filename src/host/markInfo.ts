// The explanation of one mark in the display language: what a detection is, or what a tagged claim
// says (claimant, date, type, verdict, evidence, note, author, time), and the actions it offers.
// The editor's hover (hover.ts) and the reader's popover (reader/) both render this one description.
import * as vscode from 'vscode';
import { isolateArabic } from '../core/editor/markdown';
import type { InfoAction, InfoPart, InfoRow, MarkInfo } from '../core/editor/markInfo';
import type { Mark } from '../core/editor/marks';
import { countWordOccurrences } from '../core/editor/occurrences';
import { describeFigure } from '../core/figures/describe';
import type { AnnotationRecord, VerdictDef } from '../core/annotationRecord';
import type { Detection, FigureLabel } from '../core/types';
import { findVerdict } from '../core/vocabulary';
import { CommandId } from './commandIds';
import { arabicInterface, claimTypeName, cueName, entitySourceName, labelName, markName } from './displayNames';

/**
 * Titles name the kind in the display language with its label key (PER, PERCENT, CLAIM…):
 * annotators read the name and match the label of their guidelines and exports, and the Arabic
 * interface shows no English word.
 */
function kindTitle(m: Mark, label: string): string {
  const r = m.record;
  if (m.key === 'claimTagged') return `${markName(r?.label === 'QUOTE' ? 'quoteTagged' : 'claimTagged')} (${r?.label ?? 'CLAIM'})`;
  if (m.key === 'claimSuggestion') return `${markName('claimSuggestion')} (CLAIM)`;
  return `${labelName(label)} (${label})`;
}

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
    if (d.cue) rows.push({ name: vscode.l10n.t('Cue'), value: [user(cueName(d.cue))] });
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
    if (c.type) rows.push({ name: vscode.l10n.t('Claim type'), value: [plain(claimTypeName(c.type))] });
    if (r.label === 'CLAIM') {
      const v = findVerdict(c.verdict, verdicts);
      const value: InfoPart[] = c.verdict
        ? [{ text: v?.label ?? c.verdict, user: true, strong: true }, ...(v && !arabicInterface() ? [plain(` (${v.labelEn})`)] : [])]
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
  if (r.value) {
    // Described in the display words (as for a detected figure); the raw fields only when that fails.
    let described: string | undefined;
    try {
      described = r.kind === 'figure' ? describeFigure({ kind: 'figure', label: r.label as FigureLabel, text: r.target.exact, value: r.value, start: r.target.start, end: r.target.end }) : undefined;
    } catch {
      described = undefined;
    }
    if (described) rows.push({ name: vscode.l10n.t('Value'), value: [user(described, 300)] });
    else for (const [k, v] of Object.entries(r.value)) rows.push({ name: k, value: [user(String(v))] });
  }
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

/**
 * One action a mark offers: the hover link and reader button show `title`, the code action (Ctrl+.)
 * shows `long(quote)`, which names the text it acts on. `onSpan`: it acts on the span (a claim
 * suggestion has no record yet), not on the record.
 */
export interface MarkAction {
  command: CommandId;
  title: string;
  long: (quote: string) => string;
  preferred?: boolean;
  onSpan?: boolean;
}

/** The actions a mark offers, built once for hovers, the reader and code actions. */
export function markActionMenu(m: Mark): MarkAction[] {
  const act = (command: CommandId, title: string, long: string | ((q: string) => string), extra: Partial<MarkAction> = {}): MarkAction => ({
    command,
    title,
    long: typeof long === 'string' ? () => long : long,
    ...extra,
  });
  const remove = act(CommandId.RemoveAnnotation, vscode.l10n.t('Remove'), (q) => vscode.l10n.t('Remove «{0}»', q));
  const note = act(CommandId.AddNote, vscode.l10n.t('Note…'), vscode.l10n.t('Add note…'));
  const retype = act(CommandId.RetypeDetection, vscode.l10n.t('Retype…'), (q) => vscode.l10n.t('Change the type of «{0}»…', q));
  const r = m.record;
  if (m.key === 'orphan') return [remove];
  if (m.key === 'claimTagged') {
    return [
      ...(r?.label === 'CLAIM' ? [act(CommandId.SetVerdict, vscode.l10n.t('Set verdict…'), (q) => vscode.l10n.t('Set verdict… «{0}»', q), { preferred: true })] : []),
      act(CommandId.SetClaimant, vscode.l10n.t('Claimant…'), vscode.l10n.t('Set claimant…')),
      act(CommandId.SetClaimType, vscode.l10n.t('Type…'), vscode.l10n.t('Set claim type…')),
      act(CommandId.AddEvidence, vscode.l10n.t('Evidence…'), vscode.l10n.t('Add evidence link…')),
      note,
      act(CommandId.RemoveAnnotation, vscode.l10n.t('Remove'), (q) => vscode.l10n.t('Remove the tag «{0}»', q)),
    ];
  }
  if (m.key === 'claimSuggestion') {
    return [
      act(CommandId.TagClaim, vscode.l10n.t('Tag as claim'), (q) => vscode.l10n.t('Tag as claim «{0}»', q), { preferred: true, onSpan: true }),
      act(CommandId.TagQuote, vscode.l10n.t('Tag as quote'), vscode.l10n.t('Tag as quote'), { onSpan: true }),
      act(CommandId.RejectDetection, vscode.l10n.t('Reject'), vscode.l10n.t('Not a claim (reject the suggestion)'), { onSpan: true }),
    ];
  }
  if (m.key === 'note') return [note, remove];
  if (r) return [retype, note, remove];
  const out = [
    act(CommandId.AcceptDetection, vscode.l10n.t('Accept'), (q) => vscode.l10n.t('Accept «{0}»', q)),
    act(CommandId.RejectDetection, vscode.l10n.t('Reject'), (q) => vscode.l10n.t('Reject «{0}»', q)),
  ];
  if (m.detection?.kind === 'entity') {
    out.push(retype, act(CommandId.AddToEntityList, vscode.l10n.t('Add to entity list…'), (q) => vscode.l10n.t('Add «{0}» to the entity list…', q)));
  }
  return out;
}

/** The actions a mark offers, as Khabar command ids (hover links, reader buttons). */
export function markActions(m: Mark): InfoAction[] {
  return markActionMenu(m).map((a) => ({ title: a.title, command: a.command }));
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
  const kindName = kindTitle(m, label);
  const text = r?.target.exact ?? m.detection?.text ?? '';
  info.title.push({ text: isolateArabic(kindName), strong: true }, plain(' · '), user(text, 120));
  if (r) recordRows(r, verdicts, info.rows);
  else if (m.detection) detectionRows(m.detection, info, wholeText);
  return info;
}
