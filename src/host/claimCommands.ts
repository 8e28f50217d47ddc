// The claim commands: tag a claim or quote (the selection, the suggestion, or the sentence under the
// cursor), and its verdict, claimant, type and evidence, each tagging the claim first when needed.
import * as vscode from 'vscode';
import { sentenceSpans } from '../core/arabic';
import { articleUrl, claimRecord, isWebUrl, trimSpan, withEvidence, withVerdict } from '../core/editor/records';
import type { AnnotationRecord, ClaimType } from '../core/annotationRecord';
import type { ClaimDetection } from '../core/types';
import { CLAIM_TYPES, findVerdict } from '../core/vocabulary';
import { ArticleAccess, now, resolve, select, type Resolved } from './commandTarget';
import { readConfig } from './config';
import { claimTypeName } from './displayNames';
import { detectionModule } from './lazy/load';

export class ClaimCommands {
  constructor(private readonly a: ArticleAccess) {}

  /** A claim to act on, tagging the selection or suggestion first when there is none yet. */
  async claimOrTag(r: Resolved, arg: unknown): Promise<AnnotationRecord | undefined> {
    const existing = await this.a.claimRecordAt(r, arg);
    if (existing) return existing;
    return this.tag(arg, 'CLAIM');
  }

  async tag(arg: unknown, label: 'CLAIM' | 'QUOTE'): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.a.writable(r.document))) return undefined;
    const text = r.document.getText();
    let span: { start: number; end: number };
    const suggestion = this.a.detectionAt(r, (d) => d.kind === 'claim') as ClaimDetection | undefined;
    if (r.end > r.start) span = trimSpan(text, r.start, r.end);
    else if (suggestion) span = { start: suggestion.start, end: suggestion.end };
    else {
      // No selection and no suggestion: the sentence under the cursor.
      const line = r.document.lineAt(r.document.positionAt(r.start).line);
      const base = r.document.offsetAt(line.range.start);
      const sentence = sentenceSpans(line.text).find((s) => base + s.start <= r.start && r.start <= base + s.end);
      span = sentence ? trimSpan(text, base + sentence.start, base + sentence.end) : { start: r.start, end: r.start };
    }
    if (span.end <= span.start) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the text of the claim first.'));
      return undefined;
    }
    const state = await this.a.index.store.load(r.document);
    const twin = state.records.find((x) => x.kind === 'claim' && x.target.start === span.start && x.target.end === span.end);
    if (twin) {
      if (twin.label === label && twin.status === 'accepted') return twin;
      return this.a.index.store.update(r.document, twin.id, { label, status: 'accepted', modified: now() });
    }
    const config = readConfig(r.document.uri);
    const matching = suggestion && suggestion.start <= span.start && span.end <= suggestion.end ? suggestion : undefined;
    const date = detectionModule().findArticleDate(text.slice(0, 2000));
    const appearance = articleUrl(text) ?? (config.appearanceUrl || undefined);
    const record = claimRecord(text, span.start, span.end, label, {
      now: now(),
      ...(config.author ? { author: config.author } : {}),
      ...(matching ? { suggestion: matching } : {}),
      ...(date ? { date } : {}),
      ...(appearance ? { appearance } : {}),
    });
    const stored = await this.a.index.store.add(r.document, record);
    if (r.editor && r.end === r.start) select(r.editor, r.document, span.start, span.end);
    return stored;
  }

  async setVerdict(arg: unknown): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.a.writable(r.document))) return undefined;
    const claim = await this.claimOrTag(r, arg);
    if (!claim) return undefined;
    const vocabulary = readConfig(r.document.uri).verdicts;
    type Item = vscode.QuickPickItem & { key?: string };
    const items: Item[] = vocabulary.map((v) => ({
      label: v.label,
      description: v.labelEn,
      detail: v.rating > 0 ? `${v.rating}/${Math.max(...vocabulary.map((x) => x.rating))}` : undefined,
      key: v.key,
      picked: claim.claim?.verdict === v.key,
    }));
    items.push({ label: vscode.l10n.t('Clear verdict'), description: '', key: '' });
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Verdict for this claim'), placeHolder: claim.target.exact.slice(0, 120) });
    if (!pick || pick.key === undefined) return undefined;
    if (pick.key === '') {
      const c = { ...(claim.claim ?? {}) };
      delete c.verdict;
      delete c.rating;
      return this.a.index.store.update(r.document, claim.id, { claim: c, modified: now() });
    }
    const verdict = findVerdict(pick.key, vocabulary)!;
    return this.a.index.store.update(r.document, claim.id, { claim: withVerdict(claim.claim, verdict, vocabulary), modified: now() });
  }

  async setClaimant(arg: unknown): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.a.writable(r.document))) return undefined;
    const claim = await this.claimOrTag(r, arg);
    if (!claim) return undefined;
    // Offer the people and organisations of the article, nearest first, and free text.
    const names = new Map<string, number>();
    const det = this.a.index.detections;
    const claimLine = r.document.positionAt(claim.target.start).line;
    // In a long article, names from the paragraphs around the claim, not the whole text.
    const near = det.paragraphMode(r.document) ? det.inLines(r.document, Math.max(0, claimLine - 60), claimLine + 60) : det.get(r.document);
    for (const d of near) {
      if (d.kind === 'entity' && (d.label === 'PER' || d.label === 'ORG')) {
        const name = d.canonical ?? d.text;
        const dist = Math.abs(d.start - claim.target.start);
        names.set(name, Math.min(names.get(name) ?? Infinity, dist));
      }
    }
    type Item = vscode.QuickPickItem & { value?: string };
    const items: Item[] = [...names].sort((a, b) => a[1] - b[1]).map(([name]) => ({ label: name, value: name }));
    const typeIt: Item = { label: vscode.l10n.t('Type a name…'), alwaysShow: true };
    items.push(typeIt);
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Who made this claim?'), placeHolder: claim.claim?.claimant?.text ?? '' });
    if (!pick) return undefined;
    const value =
      pick.value ??
      (await vscode.window.showInputBox({ title: vscode.l10n.t('Who made this claim?'), value: claim.claim?.claimant?.text ?? '', validateInput: (s) => (s.trim() ? undefined : vscode.l10n.t('Enter a name.')) }));
    if (!value?.trim()) return undefined;
    return this.a.index.store.update(r.document, claim.id, { claim: { ...(claim.claim ?? {}), claimant: { text: value.trim() } }, modified: now() });
  }

  /** Full Fact's claim types, as ClaimReview exports and AraFacts-style datasets expect. */
  async setClaimType(arg: unknown): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.a.writable(r.document))) return undefined;
    const claim = await this.claimOrTag(r, arg);
    if (!claim) return undefined;
    const types: Array<[ClaimType, string]> = CLAIM_TYPES.map((t) => [t, claimTypeName(t)]);
    const pick = await vscode.window.showQuickPick(
      types.map(([value, label]) => ({ label, description: value, value, picked: claim.claim?.type === value })),
      { title: vscode.l10n.t('Type of claim') },
    );
    if (!pick) return undefined;
    return this.a.index.store.update(r.document, claim.id, { claim: { ...(claim.claim ?? {}), type: pick.value }, modified: now() });
  }

  async addEvidence(arg: unknown): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.a.writable(r.document))) return undefined;
    const claim = await this.claimOrTag(r, arg);
    if (!claim) return undefined;
    const url = await vscode.window.showInputBox({
      title: vscode.l10n.t('Evidence link'),
      placeHolder: 'https://',
      validateInput: (s) => (isWebUrl(s) ? undefined : vscode.l10n.t('Enter a web address starting with https:// or http://')),
    });
    if (!url) return undefined;
    return this.a.index.store.update(r.document, claim.id, { claim: withEvidence(claim.claim, url.trim()), modified: now() });
  }
}
