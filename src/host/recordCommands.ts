// The record commands: notes, removal, accepting / rejecting / retyping a detection, and the
// workspace's entity list.
import * as vscode from 'vscode';
import { detectionRecord, noteRecord, trimSpan, type NewRecord } from '../core/editor/records';
import type { AnnotationRecord, RecordLabel } from '../core/annotationRecord';
import type { Detection, EntityLabel } from '../core/types';
import { ENTITY_LABELS } from '../core/vocabulary';
import { ArticleAccess, isTarget, now, resolve } from './commandTarget';
import { readConfig } from './config';
import { ENTITY_LIST_PATH } from './detections';
import { labelName } from './displayNames';

export class RecordCommands {
  constructor(private readonly a: ArticleAccess) {}

  async addNote(arg: unknown): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.a.writable(r.document))) return undefined;
    const record = r.end > r.start ? await this.a.recordAt(r, arg, (x) => x.target.start === r.start && x.target.end === r.end) : await this.a.recordAt(r, arg);
    const note = await vscode.window.showInputBox({ title: vscode.l10n.t('Note'), value: record?.note ?? '', prompt: record ? labelName(record.label) : undefined });
    if (note === undefined) return undefined;
    if (record) return this.a.index.store.update(r.document, record.id, { note: note.trim() || undefined, modified: now() });
    if (!note.trim()) return undefined;
    const text = r.document.getText();
    let span = trimSpan(text, r.start, r.end);
    if (span.end <= span.start) {
      const d = this.a.detectionAt(r);
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
    return this.a.index.store.add(r.document, noteRecord(text, span.start, span.end, note.trim(), { now: now(), ...(config.author ? { author: config.author } : {}) }));
  }

  async remove(arg: unknown): Promise<boolean> {
    const r = await resolve(arg);
    if (!r || !(await this.a.writable(r.document))) return false;
    let record: AnnotationRecord | undefined;
    const id = isTarget(arg) && typeof arg.recordId === 'string' ? arg.recordId : undefined;
    if (id) record = await this.a.recordAt(r, arg);
    else {
      const orphans = this.a.index.at(r.document, r.start, true).filter((m) => m.key === 'orphan' && m.record).map((m) => m.record!);
      const hits = [...this.a.index.recordsAt(r.document, r.start), ...orphans];
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
    return this.a.index.store.remove(r.document, record.id);
  }

  /** Accept or reject a detection; a record at the same span and kind is updated instead of duplicated. */
  async review(arg: unknown, status: 'accepted' | 'rejected', label?: RecordLabel): Promise<AnnotationRecord | undefined> {
    const r = await resolve(arg);
    if (!r || !(await this.a.writable(r.document))) return undefined;
    const d = this.a.detectionAt(r);
    const state = await this.a.index.store.load(r.document);
    if (!d) {
      // Rejecting or retyping something already saved (e.g. a tagged claim) updates its record.
      const rec = await this.a.recordAt(r, arg);
      if (!rec) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no detection here.'));
        return undefined;
      }
      return this.a.index.store.update(r.document, rec.id, { status, ...(label ? { label } : {}), modified: now() });
    }
    const twin = state.records.find((x) => x.kind === d.kind && x.target.start === d.start && x.target.end === d.end);
    if (twin) return this.a.index.store.update(r.document, twin.id, { status, ...(label ? { label } : {}), modified: now() });
    const config = readConfig(r.document.uri);
    const record: NewRecord = detectionRecord(r.document.getText(), d, status, { now: now(), ...(config.author ? { author: config.author } : {}) }, label);
    return this.a.index.store.add(r.document, record);
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
    const d = this.a.detectionAt(r);
    if (d && d.kind !== 'entity') {
      // A figure or claim span retyped as a name: reject the detection, add the entity.
      await this.review(arg, 'rejected');
      if (!(await this.a.writable(r.document))) return undefined;
      const config = readConfig(r.document.uri);
      const entity: Detection = { kind: 'entity', label: pick.value, start: d.start, end: d.end, text: d.text };
      return this.a.index.store.add(r.document, detectionRecord(r.document.getText(), entity, 'accepted', { now: now(), ...(config.author ? { author: config.author } : {}) }));
    }
    if (!d && r.end > r.start) {
      if (!(await this.a.writable(r.document))) return undefined;
      const text = r.document.getText();
      const span = trimSpan(text, r.start, r.end);
      const config = readConfig(r.document.uri);
      const entity: Detection = { kind: 'entity', label: pick.value, start: span.start, end: span.end, text: text.slice(span.start, span.end) };
      return this.a.index.store.add(r.document, detectionRecord(text, entity, 'accepted', { now: now(), ...(config.author ? { author: config.author } : {}) }));
    }
    return this.review(arg, 'accepted', pick.value);
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
    const d = this.a.detectionAt(r, (x) => x.kind === 'entity');
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
