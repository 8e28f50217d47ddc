// Khabar inside a real VS Code: activation on the sample article, the API activate() returns,
// decorations drawn, the detect command, hovers, re-detection after an edit, non-articles ignored.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Detection } from '../../../src/core/types';
import type { KhabarApi } from '../../../src/extension';
import { waitFor } from './wait';

const EXTENSION_ID = 'khabar.khabar';
const SAMPLE = 'sample-article.ar.txt';

function sampleUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has no workspace folder (run.js opens one holding the sample article)');
  return vscode.Uri.joinPath(folder.uri, SAMPLE);
}

async function openSample(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(sampleUri());
  return vscode.window.showTextDocument(document, { preview: false });
}

async function activeApi(): Promise<KhabarApi> {
  const ext = vscode.extensions.getExtension<KhabarApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this window`);
  await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive || undefined);
  return ext.exports;
}

function find(detections: readonly Detection[], label: string, text: string): Detection {
  const hit = detections.find((d) => d.label === label && d.text === text);
  const seen = detections.filter((d) => d.label === label).map((d) => d.text);
  assert.ok(hit, `no ${label} "${text}" among ${JSON.stringify(seen)}`);
  return hit;
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('Khabar in VS Code', () => {
  let editor: vscode.TextEditor;
  let api: KhabarApi;

  before(async () => {
    editor = await openSample();
    api = await activeApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives *.ar.txt files the arabic-news language and activates on them', () => {
    assert.strictEqual(editor.document.languageId, 'arabic-news');
    assert.strictEqual(typeof api.detections.get, 'function', 'activate() must return the API with detections');
    assert.ok(api.activationMs >= 0 && api.activationMs < 5_000, `activation took ${api.activationMs} ms`);
  });

  it('detects figures, names and claims in the sample article', () => {
    const found = api.detections.get(editor.document);
    const text = editor.document.getText();
    for (const d of found) assert.strictEqual(text.slice(d.start, d.end), d.text, `offsets of ${d.label} "${d.text}"`);
    const pct = find(found, 'PERCENT', '31.7%');
    assert.deepStrictEqual(pct.kind === 'figure' && pct.value.number, 31.7);
    const money = find(found, 'MONEY', '129 تريليون دينار');
    assert.strictEqual(money.kind === 'figure' && money.value.number, 129e12);
    const dateline = find(found, 'DATE', '2021/06/05');
    assert.strictEqual(dateline.kind === 'figure' && dateline.value.date, '2021-06-05');
    const hijri = found.find((d) => d.kind === 'figure' && d.value.hijri === '1442-10-24');
    assert.ok(hijri, 'the Hijri date 24 شوال 1442 هـ is not detected');
    assert.ok(found.some((d) => d.kind === 'entity' && d.text === 'بغداد'), 'بغداد is not detected as a name');
    assert.ok(
      found.some((d) => d.kind === 'claim' && d.claimant !== null && d.claimant.text.includes('العبيدي')),
      'the quote attributed to العبيدي is not a claim with its claimant',
    );
  });

  it('draws figure and name highlights in the visible editor', async () => {
    const drawn = await waitFor('decorations to be drawn', () => {
      const state = api.drawn(editor);
      return state && (state.spans.figure?.length ?? 0) > 0 ? state : undefined;
    });
    const text = editor.document.getText();
    for (const spans of Object.values(drawn.spans)) {
      for (const s of spans) assert.strictEqual(text.slice(s.start, s.end), s.text);
    }
    const figures = drawn.spans.figure.map((s) => s.text);
    assert.ok(figures.includes('25%'), `figure highlights: ${figures.join(' | ')}`);
    assert.ok(figures.includes('129 تريليون دينار'), `figure highlights: ${figures.join(' | ')}`);
    const names = (['PER', 'LOC', 'ORG', 'MISC'] as const).flatMap((k) => drawn.spans[k] ?? []).map((s) => s.text);
    assert.ok(names.includes('بغداد'), `name highlights: ${names.join(' | ')}`);
    assert.ok((drawn.spans.claimSuggestion?.length ?? 0) > 0, 'no claim suggestion is underlined');
  });

  it('khabar.detect returns what the editor shows for the active article', async () => {
    const result = await vscode.commands.executeCommand<readonly Detection[] | undefined>('khabar.detect');
    assert.ok(Array.isArray(result), 'khabar.detect returned nothing for the active article');
    assert.deepStrictEqual(
      result.map((d) => `${d.label}@${d.start}`),
      api.detections.get(editor.document).map((d) => `${d.label}@${d.start}`),
    );
  });

  it('explains a figure on hover', async () => {
    const text = editor.document.getText();
    const offset = text.indexOf('31.7%');
    assert.ok(offset >= 0);
    const md = await hoverText(editor.document.uri, editor.document.positionAt(offset + 1));
    assert.match(md, /percentage/i);
    assert.match(md, /نسبة مئوية/);
    assert.match(md, /31\\?\.7/);
  });

  it('explains a name on hover: its type and what found it, in words', async () => {
    const doc = editor.document;
    const name = api.detections.get(doc).find((d) => d.kind === 'entity' && d.source === 'model');
    assert.ok(name, 'the sample has no name found by the entity model');
    const md = await hoverText(doc.uri, doc.positionAt(name.start + 1));
    assert.match(md, /person|place|organisation|other/i);
    assert.match(md, /Found by.*the entity model/);
    assert.doesNotMatch(md, /Source/);
  });

  it('shows no Khabar hover where nothing was detected', async () => {
    const doc = editor.document;
    const text = doc.getText();
    const found = api.detections.get(doc);
    const free = [...text].findIndex((ch, i) => /\p{L}/u.test(ch) && !found.some((d) => d.start <= i && i < d.end));
    assert.ok(free >= 0, 'every letter of the sample is inside a detection');
    const md = await hoverText(doc.uri, doc.positionAt(free));
    assert.doesNotMatch(md, /percentage|money|person|place|organisation|claim/i);
  });

  it('re-detects after an edit and again after undoing it', async () => {
    const doc = editor.document;
    const original = doc.getText();
    const percents = (): string[] => api.detections.get(doc).filter((d) => d.label === 'PERCENT').map((d) => `${d.start}:${d.text}`);
    const before = percents();
    const inserted = 'وارتفعت البطالة إلى 17% خلال العام. ';
    const last = doc.lineAt(doc.lineCount - 1);
    assert.ok(await editor.edit((e) => e.insert(last.range.end, '\n\n' + inserted)));
    const after = api.detections.get(doc);
    assert.ok(after.some((d) => d.label === 'PERCENT' && d.text === '17%'), 'the inserted 17% is not detected');
    assert.strictEqual(percents().length, before.length + 1);
    // Undo by the inverse edit: the same text again must give the same detections.
    const end = doc.positionAt(doc.getText().length);
    assert.ok(await editor.edit((e) => e.delete(new vscode.Range(last.range.end, end))));
    assert.strictEqual(doc.getText(), original, 'the inverse edit did not restore the text');
    assert.deepStrictEqual(percents(), before, 'detections after the inverse edit differ from those of the same text before');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('leaves an English plain-text document alone', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'plaintext',
      content: 'Unemployment rose to 17% in Baghdad last year, the minister said.\n',
    });
    const other = await vscode.window.showTextDocument(doc);
    const result = await vscode.commands.executeCommand<readonly Detection[] | undefined>('khabar.detect');
    assert.strictEqual(result, undefined);
    const md = await hoverText(doc.uri, doc.positionAt(doc.getText().indexOf('17%') + 1));
    assert.doesNotMatch(md, /percentage/i);
    assert.strictEqual(other.document.languageId, 'plaintext');
  });
});
