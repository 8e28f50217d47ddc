// The fact-checker's loop in a real VS Code: tag a claim, reject a suggestion, undo, and find it
// all in the sidecar file beside the article.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AnnotationRecord } from '../../../src/core/annotationRecord';
import type { KhabarApi } from '../../../src/extension';
import { waitFor } from './wait';

describe('Annotating in VS Code', () => {
  let editor: vscode.TextEditor;
  let api: KhabarApi;
  let text: string;
  let sidecar: vscode.Uri;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'sample-article.ar.txt');
    sidecar = uri.with({ path: uri.path + '.annotations.yaml' });
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const ext = vscode.extensions.getExtension<KhabarApi>('khabar.khabar');
    assert.ok(ext);
    await waitFor('activation', () => ext.isActive || undefined);
    api = ext.exports;
    text = editor.document.getText();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  function drawnTexts(key: 'figure' | 'claimTagged'): string[] {
    return (api.drawn(editor)?.spans[key] ?? []).map((s) => s.text);
  }

  it('tags the quote as a claim and writes it to the sidecar', async () => {
    const offset = text.indexOf('«لن نسمح') + 2;
    const record = await vscode.commands.executeCommand<AnnotationRecord | undefined>('khabar.tagClaim', { offset });
    assert.ok(record, 'khabar.tagClaim returned no record');
    assert.strictEqual(record.kind, 'claim');
    assert.strictEqual(record.status, 'accepted');
    assert.ok(record.target.start <= offset && offset < record.target.end, 'the claim does not cover the quote');
    assert.strictEqual(text.slice(record.target.start, record.target.end), record.target.exact);
    await waitFor('the tagged claim to be drawn', () => drawnTexts('claimTagged').includes(record.target.exact) || undefined);
    await api.store.flush(editor.document.uri);
    const yaml = new TextDecoder().decode(await waitFor('the sidecar file', () => vscode.workspace.fs.readFile(sidecar).then((b) => b, () => undefined)));
    assert.ok(yaml.includes(record.id), `sidecar has no ${record.id}:\n${yaml}`);
    assert.ok(yaml.includes('لن نسمح'), 'the sidecar does not quote the claim');
  });

  it('Ctrl+. on a claim suggestion lists Tag as claim; its command tags it, then Set verdict is offered first', async () => {
    const doc = editor.document;
    const sugg = await waitFor('a claim suggestion other than the tagged quote', () =>
      api.index.marks(doc).find((m) => m.key === 'claimSuggestion' && !doc.getText().slice(m.start, m.end).includes('لن نسمح')),
    );
    const at = doc.positionAt(sugg.start + 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at));
    const tag = actions.find((a) => a.command?.command === 'khabar.tagClaim');
    assert.ok(tag?.command, `no Tag as claim among ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(tag.title, /^Tag as claim «/);
    assert.strictEqual(tag.isPreferred, true, 'Tag as claim is not the preferred action on a suggestion');
    const record = await vscode.commands.executeCommand<AnnotationRecord | undefined>(tag.command.command, ...(tag.command.arguments ?? []));
    assert.ok(record, 'the code action command returned no record');
    assert.deepStrictEqual([record.kind, record.target.start, record.target.end], ['claim', sugg.start, sugg.end]);
    await waitFor('the new claim to be drawn', () => drawnTexts('claimTagged').includes(record.target.exact) || undefined);
    const after = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at));
    const preferred = after.filter((a) => a.isPreferred).map((a) => a.command?.command);
    assert.deepStrictEqual(preferred, ['khabar.setVerdict'], `actions on the tagged claim: ${after.map((a) => a.title).join(' | ')}`);
    assert.ok(!after.some((a) => a.command?.command === 'khabar.tagClaim' && /^Tag as claim «/.test(a.title)), 'a tagged claim is still offered Tag as claim');
    await api.store.flush(doc.uri);
    const yaml = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar));
    assert.ok(yaml.includes(`id: ${record.id}`), `sidecar has no ${record.id}`);
  });

  it('rejecting a figure removes its highlight, and undo brings it back', async () => {
    const figure = '52 في المئة';
    assert.ok(drawnTexts('figure').includes(figure), `not highlighted before: ${figure}`);
    const offset = text.indexOf(figure) + 1;
    const record = await vscode.commands.executeCommand<AnnotationRecord | undefined>('khabar.rejectDetection', { offset });
    assert.ok(record, 'khabar.rejectDetection returned no record');
    assert.strictEqual(record.status, 'rejected');
    await waitFor('the rejected figure to disappear', () => !drawnTexts('figure').includes(figure) || undefined);
    await vscode.commands.executeCommand('khabar.undo');
    await waitFor('undo to restore the figure', () => drawnTexts('figure').includes(figure) || undefined);
  });
});
