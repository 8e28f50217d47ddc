// Host behaviour through the shared stand-in vscode (test/fakes/vscode.ts): commands route their
// failures to the Khabar output channel through the one registry; the code actions (Ctrl+.) and
// the hover links of a mark come from the one menu (markInfo.markActionMenu); the Annotations view
// groups the active article's marks, filters them and reveals each one where it is.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import type { Mark } from '../../src/core/editor/marks';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { DEFAULT_VERDICTS } from '../../src/core/vocabulary';
import type * as CodeActionsModule from '../../src/host/codeActions';
import type * as CommandsModule from '../../src/host/commands';
import type * as HoverModule from '../../src/host/hover';
import type * as MarkInfoModule from '../../src/host/markInfo';
import type * as RegistryModule from '../../src/host/commandRegistry';
import type * as ViewModule from '../../src/host/annotationsView';
import { Disposable } from '../fakes/disposable';
import { FakeTextDocument, FakeTextEditor, makeVscodeStub } from '../fakes/vscode';
import { withVscode } from './withVscode';

type Fn = (...args: unknown[]) => unknown;

/** The shared stand-in, with command registrations captured; the messages shown are its `fake.log`. */
function stand(): { stub: Record<string, unknown>; registered: Map<string, Fn>; shown: string[]; ns: (name: string) => Record<string, unknown> } {
  const stub = makeVscodeStub({ registrations: 0 });
  const ns = (name: string): Record<string, unknown> => stub[name] as Record<string, unknown>;
  const registered = new Map<string, Fn>();
  ns('commands')['registerCommand'] = (id: string, fn: Fn) => {
    registered.set(id, fn);
    return new Disposable(() => registered.delete(id));
  };
  return { stub, registered, shown: stub.fake.log, ns };
}

const ARTICLE = 'قال الوزير أحمد إن النسبة بلغت ٥٪ في العام الماضي.\n';
const at = (q: string): { start: number; end: number } => {
  const s = ARTICLE.indexOf(q);
  return { start: s, end: s + q.length };
};
const target = (q: string) => ({ ...at(q), exact: q, prefix: '', suffix: '' });
const record = (over: Partial<AnnotationRecord> & { id: string }, q: string): AnnotationRecord =>
  ({ kind: 'claim', label: 'CLAIM', status: 'accepted', target: target(q), ...over }) as AnnotationRecord;

const MARKS: Array<[string, Mark]> = [
  ['a detected person', { key: 'PER', ...at('أحمد'), detection: { kind: 'entity', label: 'PER', text: 'أحمد', source: 'model', ...at('أحمد') } }],
  ['a detected percentage', { key: 'figure', ...at('٥٪'), detection: { kind: 'figure', label: 'PERCENT', text: '٥٪', value: { number: 5 }, ...at('٥٪') } }],
  ['a tagged claim', { key: 'claimTagged', ...at('النسبة بلغت ٥٪'), record: record({ id: 'c1', claim: { verdict: 'false' } }, 'النسبة بلغت ٥٪') }],
  ['a note', { key: 'note', ...at('العام الماضي'), record: record({ id: 'n1', kind: 'note', label: 'NOTE', note: 'ملاحظة' }, 'العام الماضي') }],
];

describe('host behaviour through the shared stand-in vscode', () => {
  it('a failing command is logged with its id and stack and shown in a short message; a working one returns its value', async () => {
    const { stub, registered, shown } = stand();
    const R = withVscode(stub, () => require('../../src/host/commandRegistry') as typeof RegistryModule);
    const log: string[] = [];
    const logging = R.setCommandLog((l) => log.push(l));
    R.registerCommand('khabar.detect' as never, () => {
      throw new Error('boom');
    });
    R.registerCommand('khabar.undo' as never, () => 42);
    assert.strictEqual(await registered.get('khabar.detect')!(), undefined);
    assert.strictEqual(log.length, 1);
    assert.match(log[0]!, /^khabar\.detect: Error: boom\n\s+at /);
    assert.deepStrictEqual(shown, ['error: Khabar: boom']);
    assert.strictEqual(await registered.get('khabar.undo')!(), 42);
    assert.strictEqual(log.length, 1);
    logging.dispose();
    await registered.get('khabar.detect')!();
    assert.strictEqual(log.length, 1, 'nothing is written to a closed output channel');
    assert.strictEqual(shown.length, 2, 'the user is still told');
  });

  it('every editing command registered by Commands goes through the registry: an error reaches the output channel', async () => {
    const { stub, registered, shown, ns } = stand();
    ns('workspace')['openTextDocument'] = () => Promise.reject(new Error('cannot open the article'));
    const { C, R } = withVscode(stub, () => ({
      C: require('../../src/host/commands') as typeof CommandsModule,
      R: require('../../src/host/commandRegistry') as typeof RegistryModule,
    }));
    const log: string[] = [];
    R.setCommandLog((l) => log.push(l));
    const index = { detections: {}, store: {} };
    new C.Commands(index as never, {} as never, { appendLine: () => undefined } as never).register();
    const acting = ['tagClaim', 'tagQuote', 'setVerdict', 'setClaimant', 'setClaimType', 'addEvidence', 'addNote', 'removeAnnotation', 'acceptDetection', 'rejectDetection', 'retypeDetection', 'addToEntityList', 'revealAnnotation'];
    for (const name of acting) {
      const run = registered.get(`khabar.${name}`);
      assert.ok(run, `khabar.${name} is not registered`);
      await run({ uri: 'file:///elsewhere/article.news', offset: 3 });
    }
    assert.deepStrictEqual(
      log.map((l) => l.split(':')[0]),
      acting.map((n) => `khabar.${n}`),
    );
    assert.ok(log.every((l) => l.includes('Error: cannot open the article')));
    assert.strictEqual(shown.filter((m) => m === 'error: Khabar: cannot open the article').length, acting.length);
  });

  describe('code actions and hover links of a mark: one menu', () => {
    const { stub } = stand();
    const Uri = stub['Uri'] as { file(p: string): vscode.Uri };
    const Range = stub['Range'] as new (a: number, b: number, c: number, d: number) => vscode.Range;
    const { A, H, M } = withVscode(stub, () => ({
      A: require('../../src/host/codeActions') as typeof CodeActionsModule,
      H: require('../../src/host/hover') as typeof HoverModule,
      M: require('../../src/host/markInfo') as typeof MarkInfoModule,
    }));
    const doc = new FakeTextDocument(Uri.file('/w/article.news') as never, 'arabic-news', ARTICLE) as unknown as vscode.TextDocument;

    for (const [what, m] of MARKS) {
      it(`${what}: Ctrl+. offers the hover's actions, in order, on the mark's record or span`, () => {
        const index = { at: () => [m] };
        const offset = m.start + 1;
        const actions = new A.AnnotationCodeActions(index as never).provideCodeActions(doc, new Range(0, offset, 0, offset));
        const menu = M.markActionMenu(m).map((a) => a.command);
        assert.ok(menu.length > 0);
        assert.deepStrictEqual(
          actions.map((a) => a.command!.command),
          menu,
        );
        for (const a of actions) {
          const arg = a.command!.arguments![0] as { start: number; end: number; recordId?: string };
          assert.deepStrictEqual([arg.start, arg.end], [m.start, m.end]);
          if (m.record && !M.markActionMenu(m).find((x) => x.command === a.command!.command)?.onSpan) assert.strictEqual(arg.recordId, m.record.id);
        }
        const md = H.markHover(m, DEFAULT_VERDICTS) as unknown as { value: string; isTrusted: { enabledCommands: string[] } };
        const linked = [...md.value.matchAll(/\(command:(khabar\.[a-zA-Z]+)/g)].map((x) => x[1]);
        assert.deepStrictEqual(linked, menu);
        for (const c of linked) assert.ok(md.isTrusted.enabledCommands.includes(c!), `${c} is linked but not trusted`);
      });
    }

    it('a selection without a mark offers tagging it as a claim (preferred), a quote, a note and a name', () => {
      const sel = at('في العام');
      const actions = new A.AnnotationCodeActions({ at: () => [] } as never).provideCodeActions(doc, new Range(0, sel.start, 0, sel.end));
      assert.deepStrictEqual(
        actions.map((a) => a.command!.command),
        ['khabar.tagClaim', 'khabar.tagQuote', 'khabar.addNote', 'khabar.retypeDetection'],
      );
      assert.deepStrictEqual(actions.map((a) => a.isPreferred), [true, false, false, false]);
    });

    it('a document that is not an article gets no actions', () => {
      const other = new FakeTextDocument(Uri.file('/w/notes.ts') as never, 'typescript', 'const x = 1;\n') as unknown as vscode.TextDocument;
      assert.deepStrictEqual(new A.AnnotationCodeActions({ at: () => [MARKS[0]![1]] } as never).provideCodeActions(other, new Range(0, 0, 0, 1)), []);
    });
  });

  describe('the Annotations view', () => {
    const { stub, ns } = stand();
    const Uri = stub['Uri'] as { file(p: string): vscode.Uri };
    const V = withVscode(stub, () => require('../../src/host/annotationsView') as typeof ViewModule);
    const doc = new FakeTextDocument(Uri.file('/w/article.news') as never, 'arabic-news', ARTICLE);
    (stub['fake'] as { visibleTextEditors: FakeTextEditor[] }).visibleTextEditors.push(new FakeTextEditor(doc, []));
    void ns;
    const marks = MARKS.map(([, m]) => m);
    const index = {
      onDidChange: () => new Disposable(),
      detections: { paragraphMode: () => false, peek: () => undefined },
      marks: () => marks,
      records: () => marks.flatMap((m) => (m.record ? [m.record] : [])),
      orphans: () => [],
    };
    const view = new V.AnnotationsView(index as never);
    type Node = Parameters<typeof view.getTreeItem>[0];

    it('groups the active article\'s marks by kind, with counts, and each row reveals its mark', async () => {
      const groups = (await view.getChildren()) as Node[];
      const summary = groups.map((g) => {
        const item = view.getTreeItem(g) as unknown as { args: unknown[]; description: string; contextValue: string };
        return `${item.contextValue}:${item.description}`;
      });
      assert.deepStrictEqual(summary.sort(), ['group-PER:1', 'group-claims:1', 'group-figures:1', 'group-notes:1']);
      const claims = groups.find((g) => (view.getTreeItem(g) as unknown as { contextValue: string }).contextValue === 'group-claims')!;
      const [row] = (await view.getChildren(claims)) as Node[];
      const item = view.getTreeItem(row!) as unknown as { command: { command: string; arguments: Array<{ uri: string; start: number; end: number }> }; contextValue: string };
      assert.strictEqual(item.contextValue, 'claim');
      assert.strictEqual(item.command.command, 'khabar.revealAnnotation');
      const span = at('النسبة بلغت ٥٪');
      assert.deepStrictEqual(item.command.arguments[0], { uri: doc.uri.toString(), start: span.start, end: span.end });
    });

    it('a filter by label keeps only that kind', async () => {
      view.setFilter({ labels: new Set(['PER']) });
      const groups = (await view.getChildren()) as Node[];
      assert.deepStrictEqual(
        groups.map((g) => (view.getTreeItem(g) as unknown as { contextValue: string }).contextValue),
        ['group-PER'],
      );
      view.setFilter({});
      assert.strictEqual(((await view.getChildren()) as Node[]).length, 4);
    });

    after(() => view.dispose());
  });
});

