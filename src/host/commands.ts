// Khabar's commands: detect, tag and review claims, accept/reject/retype detections, notes,
// navigation, undo/redo, highlights, the entity list. Each takes an optional target (a hover link's
// offset, a code action's span, a tree item) and falls back to the active editor's selection.
import * as vscode from 'vscode';
import { sentenceSpans } from '../core/arabic';
import { mergeMarks, type Mark } from '../core/editor/marks';
import { step, stepByChunks, uniqueSpans, type Direction } from '../core/editor/navigate';
import {
  articleUrl,
  claimRecord,
  detectionRecord,
  isUnverified,
  isWebUrl,
  noteRecord,
  trimSpan,
  withEvidence,
  withVerdict,
  type NewRecord,
} from '../core/editor/records';
import { findArticleDate } from '../core/figures/index';
import type { AnnotationRecord, ClaimType, RecordLabel } from '../core/model';
import type { ClaimDetection, Detection, EntityLabel } from '../core/types';
import type { AnnotationIndex } from './annotations';
import { isArticle } from './articles';
import { readConfig } from './config';
import type { DecorationManager } from './decorations';
import { documentLength, ENTITY_LIST_PATH } from './detections';
import { claimTypeName, labelName } from './labels';
import { CommandId } from './commandIds';
import { registerCommand } from './commandRegistry';
import { CLAIM_TYPES, ENTITY_LABELS, findVerdict } from '../core/vocabulary';

export { CommandId };

type Walk = 'all' | 'claims' | 'suggestions' | 'unverified';

/** Lines detected at a time when walking a long article. */
const SCAN_LINES = 200;

/** Where a command acts: from a hover link (offset), a code action (start/end), or a tree item (uri, record). */
export interface Target {
  offset?: number;
  start?: number;
  end?: number;
  uri?: string;
  recordId?: string;
}

interface Resolved {
  editor: vscode.TextEditor | undefined;
  document: vscode.TextDocument;
  start: number;
  end: number;
}

function isTarget(x: unknown): x is Target {
  return typeof x === 'object' && x !== null && !(x instanceof vscode.Uri);
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

async function resolve(arg: unknown): Promise<Resolved | undefined> {
  const t: Target = isTarget(arg) ? arg : {};
  let editor = vscode.window.activeTextEditor;
  let document = editor?.document;
  if (typeof t.uri === 'string' && document?.uri.toString() !== t.uri) {
    document = await vscode.workspace.openTextDocument(vscode.Uri.parse(t.uri));
    editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  }
  if (!isServedArticle(document)) return undefined;
  const start = num(t.start) ?? num(t.offset);
  const end = num(t.end) ?? start;
  if (start !== undefined && end !== undefined) return { editor, document, start, end };
  if (!editor) return undefined;
  const sel = editor.selection;
  return { editor, document, start: document.offsetAt(sel.start), end: document.offsetAt(sel.end) };
}

export class Commands {
  constructor(
    private readonly index: AnnotationIndex,
    private readonly decorations: DecorationManager,
    private readonly output: vscode.OutputChannel,
  ) {}

  register(): vscode.Disposable {
    const reg = registerCommand;
    return vscode.Disposable.from(
      reg(CommandId.Detect, (a) => this.detect(a)),
      reg(CommandId.ToggleHighlights, () => this.toggleHighlights()),
      reg(CommandId.TagClaim, (a) => this.tag(a, 'CLAIM')),
      reg(CommandId.TagQuote, (a) => this.tag(a, 'QUOTE')),
      reg(CommandId.SetVerdict, (a) => this.setVerdict(a)),
      reg(CommandId.SetClaimant, (a) => this.setClaimant(a)),
      reg(CommandId.SetClaimType, (a) => this.setClaimType(a)),
      reg(CommandId.AddEvidence, (a) => this.addEvidence(a)),
      reg(CommandId.AddNote, (a) => this.addNote(a)),
      reg(CommandId.RemoveAnnotation, (a) => this.remove(a)),
      reg(CommandId.AcceptDetection, (a) => this.review(a, 'accepted')),
      reg(CommandId.RejectDetection, (a) => this.review(a, 'rejected')),
      reg(CommandId.RetypeDetection, (a) => this.retype(a)),
      reg(CommandId.NextAnnotation, () => this.go('all', 'next')),
      reg(CommandId.PreviousAnnotation, () => this.go('all', 'previous')),
      reg(CommandId.NextClaim, () => this.go('claims', 'next')),
      reg(CommandId.PreviousClaim, () => this.go('claims', 'previous')),
      reg(CommandId.NextSuggestion, () => this.go('suggestions', 'next')),
      reg(CommandId.NextUnverifiedClaim, () => this.go('unverified', 'next')),
      reg(CommandId.Undo, () => this.undoRedo('undo')),
      reg(CommandId.Redo, () => this.undoRedo('redo')),
      reg(CommandId.ShowAnnotations, () => vscode.commands.executeCommand('khabar.annotations.focus')),
      reg(CommandId.AddToEntityList, (a) => this.addToEntityList(a)),
      reg(CommandId.Reveal, (a) => this.reveal(a)),
    );
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private now(): string {
    return new Date().toISOString();
  }

  /** Writing needs a trusted workspace and a sidecar that may be written; says why not otherwise. */
  private async writable(document: vscode.TextDocument): Promise<boolean> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Khabar is read-only in Restricted Mode: trust this workspace to save annotations.'));
      return false;
    }
    const state = await this.index.store.load(document);
    if (state.readOnlyReason) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The annotations file cannot be written: {0}', state.readOnlyReason));
      return false;
    }
    return true;
  }

  private marksAt(r: Resolved): Mark[] {
    return this.index.at(r.document, r.start, true);
  }

  /** The record a command acts on: a tree item's id, else the innermost record under the target. */
  private async recordAt(r: Resolved, arg: unknown, want?: (rec: AnnotationRecord) => boolean): Promise<AnnotationRecord | undefined> {
    const state = await this.index.store.load(r.document);
    const all = [...state.records, ...state.orphans];
    const id = isTarget(arg) && typeof arg.recordId === 'string' ? arg.recordId : undefined;
    if (id) return all.find((x) => x.id === id);
    const hits = this.index.recordsAt(r.document, r.start).filter((x) => (want ? want(x) : true));
    if (r.end > r.start) {
      const exact = hits.find((x) => x.target.start === r.start && x.target.end === r.end);
      if (exact) return exact;
    }
    return hits[0];
  }

  private detectionAt(r: Resolved, want?: (d: Detection) => boolean): Detection | undefined {
    const found = this.marksAt(r)
      .map((m) => m.detection)
      .filter((d): d is Detection => !!d && (want ? want(d) : true));
    if (r.end > r.start) {
      const exact = found.find((d) => d.start === r.start && d.end === r.end);
      if (exact) return exact;
    }
    return found[0];
  }

  private claimRecordAt(r: Resolved, arg: unknown): Promise<AnnotationRecord | undefined> {
    return this.recordAt(r, arg, (x) => x.kind === 'claim' && x.status !== 'rejected');
  }

  /** A claim to act on, tagging the selection or suggestion first when there is none yet. */
  private async claimOrTag(r: Resolved, arg: unknown): Promise<AnnotationRecord | undefined> {
    const existing = await this.claimRecordAt(r, arg);
    if (existing) return existing;
    return this.tag(arg, 'CLAIM');
  }

  private select(editor: vscode.TextEditor | undefined, document: vscode.TextDocument, start: number, end: number): void {
    if (!editor) return;
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  // ---- commands --------------------------------------------------------------------------------

  detect(arg: unknown): readonly Detection[] | undefined {
    const document = arg instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString()) : vscode.window.activeTextEditor?.document;
    if (!isServedArticle(document)) return undefined;
    const started = Date.now();
    const found = this.index.detections.get(document);
    const counts: Record<string, number> = {};
    for (const d of found) counts[d.label] = (counts[d.label] ?? 0) + 1;
    this.output.appendLine(`${document.uri.fsPath}: ${found.length} (${Date.now() - started} ms)`);
    for (const d of found) {
      const p = document.positionAt(d.start);
      this.output.appendLine(`  ${p.line + 1}:${p.character + 1}\t${d.kind}\t${d.label}\t\u2068${d.text}\u2069`);
    }
    this.decorations.refreshAll();
    const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Khabar found {0} annotations: {1}', found.length, parts.join(', ') || '—'));
    return found;
  }

  toggleHighlights(): boolean {
    const on = this.decorations.toggle();
    void vscode.commands.executeCommand('setContext', 'khabar:highlightsOn', on);
    void vscode.window.setStatusBarMessage(on ? vscode.l10n.t('Khabar highlights on') : vscode.l10n.t('Khabar highlights off'), 2000);
    return on;
  }

  async tag(arg: unknown, label: 'CLAIM' | 'QUOTE'): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.writable(r.document))) return undefined;
    const text = r.document.getText();
    let span: { start: number; end: number };
    const suggestion = this.detectionAt(r, (d) => d.kind === 'claim') as ClaimDetection | undefined;
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
    const state = await this.index.store.load(r.document);
    const twin = state.records.find((x) => x.kind === 'claim' && x.target.start === span.start && x.target.end === span.end);
    if (twin) {
      if (twin.label === label && twin.status === 'accepted') return twin;
      return this.index.store.update(r.document, twin.id, { label, status: 'accepted', modified: this.now() });
    }
    const config = readConfig(r.document.uri);
    const matching = suggestion && suggestion.start <= span.start && span.end <= suggestion.end ? suggestion : undefined;
    const date = findArticleDate(text.slice(0, 2000));
    const appearance = articleUrl(text) ?? (config.appearanceUrl || undefined);
    const record = claimRecord(text, span.start, span.end, label, {
      now: this.now(),
      ...(config.author ? { author: config.author } : {}),
      ...(matching ? { suggestion: matching } : {}),
      ...(date ? { date } : {}),
      ...(appearance ? { appearance } : {}),
    });
    const stored = await this.index.store.add(r.document, record);
    if (r.editor && r.end === r.start) this.select(r.editor, r.document, span.start, span.end);
    return stored;
  }

  async setVerdict(arg: unknown): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.writable(r.document))) return undefined;
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
      return this.index.store.update(r.document, claim.id, { claim: c, modified: this.now() });
    }
    const verdict = findVerdict(pick.key, vocabulary)!;
    return this.index.store.update(r.document, claim.id, { claim: withVerdict(claim.claim, verdict, vocabulary), modified: this.now() });
  }

  async setClaimant(arg: unknown): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.writable(r.document))) return undefined;
    const claim = await this.claimOrTag(r, arg);
    if (!claim) return undefined;
    // Offer the people and organisations of the article, nearest first, and free text.
    const names = new Map<string, number>();
    const det = this.index.detections;
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
    return this.index.store.update(r.document, claim.id, { claim: { ...(claim.claim ?? {}), claimant: { text: value.trim() } }, modified: this.now() });
  }

  /** Full Fact's claim types, as ClaimReview exports and AraFacts-style datasets expect. */
  async setClaimType(arg: unknown): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.writable(r.document))) return undefined;
    const claim = await this.claimOrTag(r, arg);
    if (!claim) return undefined;
    const types: Array<[ClaimType, string]> = CLAIM_TYPES.map((t) => [t, claimTypeName(t)]);
    const pick = await vscode.window.showQuickPick(
      types.map(([value, label]) => ({ label, description: value, value, picked: claim.claim?.type === value })),
      { title: vscode.l10n.t('Type of claim') },
    );
    if (!pick) return undefined;
    return this.index.store.update(r.document, claim.id, { claim: { ...(claim.claim ?? {}), type: pick.value }, modified: this.now() });
  }

  async addEvidence(arg: unknown): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.writable(r.document))) return undefined;
    const claim = await this.claimOrTag(r, arg);
    if (!claim) return undefined;
    const url = await vscode.window.showInputBox({
      title: vscode.l10n.t('Evidence link'),
      placeHolder: 'https://',
      validateInput: (s) => (isWebUrl(s) ? undefined : vscode.l10n.t('Enter a web address starting with https:// or http://')),
    });
    if (!url) return undefined;
    return this.index.store.update(r.document, claim.id, { claim: withEvidence(claim.claim, url.trim()), modified: this.now() });
  }

  async addNote(arg: unknown): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.writable(r.document))) return undefined;
    const record = r.end > r.start ? await this.recordAt(r, arg, (x) => x.target.start === r.start && x.target.end === r.end) : await this.recordAt(r, arg);
    const note = await vscode.window.showInputBox({ title: vscode.l10n.t('Note'), value: record?.note ?? '', prompt: record ? labelName(record.label) : undefined });
    if (note === undefined) return undefined;
    if (record) return this.index.store.update(r.document, record.id, { note: note.trim() || undefined, modified: this.now() });
    if (!note.trim()) return undefined;
    const text = r.document.getText();
    let span = trimSpan(text, r.start, r.end);
    if (span.end <= span.start) {
      const d = this.detectionAt(r);
      if (d) span = { start: d.start, end: d.end };
      else {
        const word = r.document.getWordRangeAtPosition(r.document.positionAt(r.start));
        if (!word) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Select the text the note is about.'));
          return undefined;
        }
        span = { start: r.document.offsetAt(word.start), end: r.document.offsetAt(word.end) };
      }
    }
    const config = readConfig(r.document.uri);
    return this.index.store.add(r.document, noteRecord(text, span.start, span.end, note.trim(), { now: this.now(), ...(config.author ? { author: config.author } : {}) }));
  }

  async remove(arg: unknown): Promise<boolean> {
    const r = await resolve(arg);
    if (!r || !(await this.writable(r.document))) return false;
    let record: AnnotationRecord | undefined;
    const id = isTarget(arg) && typeof arg.recordId === 'string' ? arg.recordId : undefined;
    if (id) record = await this.recordAt(r, arg);
    else {
      const orphans = this.index.at(r.document, r.start, true).filter((m) => m.key === 'orphan' && m.record).map((m) => m.record!);
      const hits = [...this.index.recordsAt(r.document, r.start), ...orphans];
      if (hits.length > 1) {
        const pick = await vscode.window.showQuickPick(
          hits.map((h) => ({ label: labelName(h.label), description: h.target.exact.slice(0, 80), record: h })),
          { title: vscode.l10n.t('Remove which annotation?') },
        );
        record = pick?.record;
      } else record = hits[0];
    }
    if (!record) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no saved annotation here.'));
      return false;
    }
    return this.index.store.remove(r.document, record.id);
  }

  /** Accept or reject a detection; a record at the same span and kind is updated instead of duplicated. */
  async review(arg: unknown, status: 'accepted' | 'rejected', label?: RecordLabel): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.writable(r.document))) return undefined;
    const d = this.detectionAt(r);
    const state = await this.index.store.load(r.document);
    if (!d) {
      // Rejecting or retyping something already saved (e.g. a tagged claim) updates its record.
      const rec = await this.recordAt(r, arg);
      if (!rec) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no detection here.'));
        return undefined;
      }
      return this.index.store.update(r.document, rec.id, { status, ...(label ? { label } : {}), modified: this.now() });
    }
    const twin = state.records.find((x) => x.kind === d.kind && x.target.start === d.start && x.target.end === d.end);
    if (twin) return this.index.store.update(r.document, twin.id, { status, ...(label ? { label } : {}), modified: this.now() });
    const config = readConfig(r.document.uri);
    const record: NewRecord = detectionRecord(r.document.getText(), d, status, { now: this.now(), ...(config.author ? { author: config.author } : {}) }, label);
    return this.index.store.add(r.document, record);
  }

  async retype(arg: unknown): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r) return undefined;
    const labels: readonly EntityLabel[] = ENTITY_LABELS;
    const pick = await vscode.window.showQuickPick(
      labels.map((l) => ({ label: labelName(l), description: l, value: l })),
      { title: vscode.l10n.t('Change the type to…') },
    );
    if (!pick) return undefined;
    const d = this.detectionAt(r);
    if (d && d.kind !== 'entity') {
      // A figure or claim span retyped as a name: reject the detection, add the entity.
      await this.review(arg, 'rejected');
      if (!(await this.writable(r.document))) return undefined;
      const config = readConfig(r.document.uri);
      const entity: Detection = { kind: 'entity', label: pick.value, start: d.start, end: d.end, text: d.text };
      return this.index.store.add(r.document, detectionRecord(r.document.getText(), entity, 'accepted', { now: this.now(), ...(config.author ? { author: config.author } : {}) }));
    }
    if (!d && r.end > r.start) {
      if (!(await this.writable(r.document))) return undefined;
      const text = r.document.getText();
      const span = trimSpan(text, r.start, r.end);
      const config = readConfig(r.document.uri);
      const entity: Detection = { kind: 'entity', label: pick.value, start: span.start, end: span.end, text: text.slice(span.start, span.end) };
      return this.index.store.add(r.document, detectionRecord(text, entity, 'accepted', { now: this.now(), ...(config.author ? { author: config.author } : {}) }));
    }
    return this.review(arg, 'accepted', pick.value);
  }

  /** Which marks a navigation command visits. */
  private wanted(what: Walk): (m: Mark) => boolean {
    switch (what) {
      case 'all':
        return (m) => m.key !== 'orphan';
      case 'claims':
        return (m) => m.key === 'claimTagged' && m.record?.label === 'CLAIM';
      case 'suggestions':
        return (m) => m.key === 'claimSuggestion' && !m.record;
      case 'unverified':
        return (m) => m.key !== 'orphan' && m.record !== undefined && isUnverified(m.record);
    }
  }

  /** Spans to walk for a navigation command over the whole document, sorted. */
  spans(document: vscode.TextDocument, what: Walk): Mark[] {
    const keep = this.wanted(what);
    // Claims live in the store: no detection needed to walk them.
    const marks =
      what === 'claims' || what === 'unverified'
        ? mergeMarks([], this.index.records(document), [], documentLength(document))
        : this.index.marks(document);
    return uniqueSpans(marks.filter(keep));
  }

  /**
   * The next/previous mark from an offset in a long article, detecting chunk by chunk from the
   * cursor outwards instead of the whole text (which would take seconds at 1 MB).
   */
  private scan(document: vscode.TextDocument, what: Walk, offset: number, direction: Direction): Mark | undefined {
    const keep = this.wanted(what);
    const line = document.positionAt(offset).line;
    return stepByChunks(document.lineCount, line, offset, direction, SCAN_LINES, (from, to) =>
      uniqueSpans(this.index.marks(document, undefined, from, to).filter(keep)),
    );
  }

  go(what: Walk, direction: Direction): Mark | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isArticle(editor.document)) return undefined;
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.start);
    const long = (what === 'all' || what === 'suggestions') && this.index.detections.paragraphMode(doc) && !this.index.detections.peek(doc);
    const target = long ? this.scan(doc, what, offset, direction) : step(this.spans(doc, what), offset, direction);
    if (!target) {
      const msg: Record<Walk, string> = {
        all: vscode.l10n.t('No annotations in this article.'),
        claims: vscode.l10n.t('No tagged claims in this article.'),
        suggestions: vscode.l10n.t('No claim suggestions left to review.'),
        unverified: vscode.l10n.t('Every tagged claim has a verdict.'),
      };
      void vscode.window.setStatusBarMessage(msg[what], 3000);
      return undefined;
    }
    this.select(editor, doc, target.start, target.end);
    return target;
  }

  async undoRedo(which: 'undo' | 'redo'): Promise<boolean> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isArticle(document)) return false;
    if (!(await this.writable(document))) return false;
    const done = which === 'undo' ? await this.index.store.undo(document) : await this.index.store.redo(document);
    if (!done) void vscode.window.setStatusBarMessage(which === 'undo' ? vscode.l10n.t('Nothing to undo in the annotations.') : vscode.l10n.t('Nothing to redo in the annotations.'), 3000);
    return done;
  }

  async reveal(arg: unknown): Promise<void> {
    if (!isTarget(arg) || typeof arg.uri !== 'string') return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
    const start = num(arg.start) ?? 0;
    this.select(editor, document, start, num(arg.end) ?? start);
  }

  /** Appends the name to .khabar/entities.yaml of the article's workspace folder (the recognisers read it). */
  async addToEntityList(arg: unknown): Promise<boolean> {
    const r = await resolve(arg);
    if (!r) return false;
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Khabar is read-only in Restricted Mode: trust this workspace to save annotations.'));
      return false;
    }
    const folder = vscode.workspace.getWorkspaceFolder(r.document.uri);
    if (!folder) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to keep an entity list.'));
      return false;
    }
    const d = this.detectionAt(r, (x) => x.kind === 'entity');
    const text = r.end > r.start ? r.document.getText().slice(r.start, r.end).trim() : d?.text;
    if (!text) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select a name first.'));
      return false;
    }
    type Item = vscode.QuickPickItem & { value: EntityLabel | 'remove' };
    const items: Item[] = ENTITY_LABELS.map((l) => ({ label: labelName(l), description: l, value: l }));
    items.push({ label: vscode.l10n.t('Not a name (never highlight it)'), value: 'remove' });
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Add «{0}» to the entity list as…', text) });
    if (!pick) return false;
    const uri = vscode.Uri.joinPath(folder.uri, ENTITY_LIST_PATH);
    let existing = '';
    try {
      existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      existing = '# Khabar entity list: names the recognisers must label (or never label).\n';
    }
    // Both shapes parseUserList reads: a top-level list, or a list under `entities:`.
    const indent = /^entities\s*:/m.test(existing) ? '  ' : '';
    const entry = `${indent}- text: ${JSON.stringify(text)}\n${indent}  ${pick.value === 'remove' ? 'remove: true' : `label: ${pick.value}`}\n`;
    const body = (existing && !existing.endsWith('\n') ? existing + '\n' : existing) + entry;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.khabar'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(body));
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Added to {0}', ENTITY_LIST_PATH), 3000);
    return true;
  }
}

/** True for an article Khabar serves; otherwise tells the user why the command does nothing. */
function isServedArticle(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an Arabic article first.'));
    return false;
  }
  if (!isArticle(document)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This document does not look like an Arabic article (see the khabar.enable setting).'));
    return false;
  }
  return true;
}
