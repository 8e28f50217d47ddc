// What keeps an Arabic line in its reading order in the editor (issue 14): VS Code lays out a line
// holding right-to-left text as one bidi-isolated part per inline decoration or token, left to
// right. So no decoration type may use a property that becomes an inline class or injected text
// (but the one that lays whole Arabic lines out right to left), and the article grammar may scope
// nothing inside a line. The e2e word-order check measures the
// result on screen; these tests name the cause when it comes back.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CHECK_WORTHY, TOP_CHECK_WORTHY, quietSuggestion, type Mark } from '../../src/core/editor/marks';
import { INLINE_PROPERTIES, MARK_STYLES, RTL_LINE_OPTIONS, VERDICT_STYLES, inlineProperties, readsRightToLeft, verdictClass } from '../../src/core/editor/styles';
import { DEFAULT_VERDICTS } from '../../src/core/annotationRecord';
import type { ClaimDetection } from '../../src/core/types';
import type * as DecorationsModule from '../../src/host/decorations';
import { makeVscodeStub } from '../fakes/vscode';
import { withVscode } from './withVscode';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Builds the real DecorationManager against the shared stand-in vscode; returns the options of every type it created. */
function createdDecorationTypes(): Record<string, unknown>[] {
  const stub = makeVscodeStub({ registrations: 0 });
  const Uri = stub['Uri'] as { file(p: string): unknown };
  return withVscode(stub, () => {
    const D = require('../../src/host/decorations') as typeof DecorationsModule;
    const index = { onDidChange: () => ({ dispose: () => undefined }), detections: {} };
    const manager = new D.DecorationManager(index as never, Uri.file(ROOT) as never, { orphan: 'o', unverified: 'u', quote: 'q' });
    manager.dispose();
    return stub.fake.decorationTypes.map((t) => t.options as Record<string, unknown>);
  });
}

describe('editor reading order: decorations', () => {
  it('the check finds every inline-class property, also in light/dark variants', () => {
    for (const p of INLINE_PROPERTIES) assert.deepStrictEqual(inlineProperties({ backgroundColor: 'x', [p]: 'y' }), [p]);
    assert.deepStrictEqual(inlineProperties({ dark: { textDecoration: 'underline' }, light: { color: 'red' } }), ['dark.textDecoration', 'light.color']);
    assert.deepStrictEqual(inlineProperties({ backgroundColor: 'x', border: '1px solid', gutterIconPath: 'a.svg', overviewRulerColor: 'y' }), []);
  });

  it('the editor creates no decoration type with an inline-class property, but the whole-line right-to-left one', () => {
    const types = createdDecorationTypes();
    assert.ok(types.length >= Object.keys(MARK_STYLES).length + Object.keys(VERDICT_STYLES).length, `only ${types.length} decoration types recorded`);
    const rtl = types.filter((o) => o['textDecoration'] === RTL_LINE_OPTIONS.textDecoration);
    assert.strictEqual(rtl.length, 1, 'one right-to-left line type');
    assert.deepStrictEqual(inlineProperties(rtl[0]), ['textDecoration'], 'it sets nothing else inline');
    const bad = types.filter((o) => !rtl.includes(o)).flatMap((o, i) => inlineProperties(o).map((p) => `type ${i}: ${p}`));
    assert.deepStrictEqual(bad, []);
  });

  it('the right-to-left type is applied to whole lines only, so it adds no part boundary', () => {
    const src = fs.readFileSync(path.join(ROOT, 'src', 'host', 'decorations.ts'), 'utf8');
    const uses = [...src.matchAll(/setDecorations\(this\.rtlLines, (\w+)\)/g)].map((m) => m[1]!);
    assert.deepStrictEqual(uses, ['rtl']);
    const pushes = [...src.matchAll(/\brtl\.push\(([^)]*)\)/g)].map((m) => m[1]!);
    assert.deepStrictEqual(pushes, ['line.range'], 'only TextLine.range (the whole line) goes into it');
  });

  it('lays out right to left the lines that are mostly Arabic', () => {
    assert.strictEqual(readsRightToLeft('138 طالبا في المدرسة'), true);
    assert.strictEqual(readsRightToLeft('وقالت وكالة Reuters إن COVID-19 ينتشر'), true);
    assert.strictEqual(readsRightToLeft('The minister said «نعم» today'), false);
    assert.strictEqual(readsRightToLeft('2021/06/05'), false);
    assert.strictEqual(readsRightToLeft(''), false);
  });

  it('every mark still shows: a background, a border or a gutter icon', () => {
    for (const [key, style] of Object.entries({ ...MARK_STYLES, ...VERDICT_STYLES })) {
      assert.ok(style.background || style.border || style.gutterIcon, `${key} draws nothing`);
      if (style.gutterIcon) assert.ok(fs.existsSync(path.join(ROOT, 'media', style.gutterIcon)), `media/${style.gutterIcon} is missing`);
    }
  });
});

describe('editor reading order: verdicts in the gutter', () => {
  const v = DEFAULT_VERDICTS;
  it('classes the default vocabulary by its rating', () => {
    const got = Object.fromEntries(v.map((d) => [d.key, verdictClass('CLAIM', d.key, undefined, v)]));
    assert.deepStrictEqual(got, {
      true: 'true',
      'mostly-true': 'true',
      misleading: 'mixed',
      'mostly-false': 'false',
      false: 'false',
      unverifiable: 'other',
      opinion: 'other',
      satire: 'other',
    });
  });
  it('a quote, an unrated claim, and a verdict outside the vocabulary by its own rating', () => {
    assert.strictEqual(verdictClass('QUOTE', 'false', undefined, v), 'quote');
    assert.strictEqual(verdictClass('CLAIM', undefined, undefined, v), 'unrated');
    assert.strictEqual(verdictClass('CLAIM', 'pants-on-fire', { value: 0, best: 10, worst: 0 }, v), 'false');
    assert.strictEqual(verdictClass('CLAIM', 'spot-on', { value: 10, best: 10, worst: 0 }, v), 'true');
    assert.strictEqual(verdictClass('CLAIM', 'who-knows', undefined, v), 'other');
  });
});

describe('editor reading order: quiet claim suggestions', () => {
  const claim = (w: number): ClaimDetection => ({ kind: 'claim', label: 'CLAIM', start: 0, end: 5, text: 'قال ف', claimant: null, cue: 'قال', checkWorthiness: w });
  const mark = (w: number, record = false): Mark => ({ key: 'claimSuggestion', start: 0, end: 5, detection: claim(w), ...(record ? { record: {} as never } : {}) });
  it('draws only the most check-worthy suggestions by default, more or all on request, and saved ones always', () => {
    assert.strictEqual(quietSuggestion(mark(CHECK_WORTHY - 0.01), 'checkWorthy'), true);
    assert.strictEqual(quietSuggestion(mark(CHECK_WORTHY), 'checkWorthy'), false);
    assert.strictEqual(quietSuggestion(mark(CHECK_WORTHY), 'top'), true);
    assert.strictEqual(quietSuggestion(mark(TOP_CHECK_WORTHY - 0.01), 'top'), true);
    assert.strictEqual(quietSuggestion(mark(TOP_CHECK_WORTHY), 'top'), false);
    assert.strictEqual(quietSuggestion(mark(0.1, true), 'top'), false);
    assert.strictEqual(quietSuggestion(mark(0.1), 'all'), false);
    assert.strictEqual(quietSuggestion(mark(0.1, true), 'checkWorthy'), false);
    assert.strictEqual(quietSuggestion({ key: 'PER', start: 0, end: 2 }, 'checkWorthy'), false);
  });
});
