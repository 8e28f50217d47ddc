// The reader's webview and the host name commands and messages from one source (issue #19): every
// action a mark's explanation offers (the host's markInfo, the same menu as hovers and code actions)
// is one the reader can run, with the card opening on the field the action names, and every message
// the reader posts for one passes the host's validator. The host runs under the shared stand-in vscode.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Mark } from '../../src/core/editor/marks';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { validateMessage, type MarkView, type OrphanView } from '../../src/core/reader/protocol';
import { DEFAULT_VERDICTS } from '../../src/core/vocabulary';
import { READER_COMMANDS, readerAction } from '../../src/webview/markActions';
import type * as HoverModule from '../../src/host/hover';
import type * as ViewModel from '../../src/host/reader/viewModel';
import { makeVscodeStub } from '../fakes/vscode';
import { withVscode } from './withVscode';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const span = { start: 0, end: 4 };
const target = { ...span, exact: 'نص', prefix: '', suffix: '' };
const record = (over: Partial<AnnotationRecord>): AnnotationRecord => ({ id: 'x1', kind: 'claim', label: 'CLAIM', status: 'accepted', target, ...over }) as AnnotationRecord;

const MARKS: Array<[string, Mark]> = [
  ['a detected person', { key: 'PER', ...span, detection: { kind: 'entity', label: 'PER', text: 'أحمد', source: 'model', ...span } }],
  ['a detected percentage', { key: 'figure', ...span, detection: { kind: 'figure', label: 'PERCENT', text: '٥٪', value: { number: 5 }, ...span } }],
  ['a claim suggestion', { key: 'claimSuggestion', ...span, detection: { kind: 'claim', label: 'CLAIM', text: 'عنوان', claimant: null, cue: 'headline', checkWorthiness: 0.7, ...span } }],
  ['a tagged claim', { key: 'claimTagged', ...span, record: record({ id: 'c1', claim: { verdict: 'false' } }) }],
  ['a tagged quote', { key: 'claimTagged', ...span, record: record({ id: 'c2', label: 'QUOTE', claim: {} }) }],
  ['an accepted person', { key: 'PER', ...span, record: record({ id: 'e1', kind: 'entity', label: 'PER' }) }],
  ['a note', { key: 'note', ...span, record: record({ id: 'n1', kind: 'note', label: 'NOTE', note: 'ملاحظة' }) }],
];

describe('reader webview and host: one source of command and message ids', () => {
  const { H, V } = withVscode(makeVscodeStub({ registrations: 0 }), () => ({
    H: require('../../src/host/hover') as typeof HoverModule,
    V: require('../../src/host/reader/viewModel') as typeof ViewModel,
  }));
  const view = (m: Mark, id: string): MarkView => ({ ...V.markViewBase(m, id, DEFAULT_VERDICTS), ...span });

  it('the reader runs exactly the commands hover links may run', () => {
    assert.deepStrictEqual([...READER_COMMANDS].sort(), [...H.HOVER_COMMANDS].sort());
    const contributed = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    for (const c of READER_COMMANDS) assert.ok(contributed.includes(c), `${c} is not a contributed command`);
  });

  it('no command id is spelled out in the webview: they come from src/host/commandIds.ts', () => {
    const dir = path.join(ROOT, 'src', 'webview');
    const literal = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/['"`]khabar\.[a-zA-Z]+['"`]/g)].map((m) => `${f}: ${m[0]}`));
    assert.deepStrictEqual(literal, []);
  });

  for (const [what, m] of MARKS) {
    it(`${what}: every action offered has a reader operation, and what it posts passes the host's validator`, () => {
      const v = view(m, m.record ? `r:${m.record.id}` : 'd:1');
      assert.ok(v.info.actions.length > 0, 'no actions offered');
      for (const a of v.info.actions) {
        const op = readerAction(a.command, v);
        // The one action the reader leaves to the editor: a note on a record that is not a claim
        // (the reader's card edits claims); its popover shows no button for it.
        if (a.command === 'khabar.addNote' && !v.claim) {
          assert.strictEqual(op, undefined);
          continue;
        }
        assert.ok(op, `${a.command} offered on ${what} but the reader does nothing`);
        if (op.kind !== 'post') continue;
        const checked = validateMessage(op.message, {
          textLength: 100,
          paragraphCount: 1,
          hasMark: (id) => id === v.id,
          hasRecord: (id) => id === v.recordId,
          verdictKeys: new Set(DEFAULT_VERDICTS.map((x) => x.key)),
        });
        assert.ok(checked.ok, `${a.command}: ${JSON.stringify(op.message)} rejected: ${checked.ok ? '' : checked.error}`);
      }
    });
  }

  it('a claim action opens the card on the field it names, as a claim or a quote', () => {
    const claim = view(MARKS[3]![1], 'r:c1');
    const quote = view(MARKS[4]![1], 'r:c2');
    const focusOf = (command: string, v: MarkView) => {
      const op = readerAction(command, v);
      return op?.kind === 'card' ? `${op.label}:${op.focus ?? ''}` : op?.kind;
    };
    assert.ok(claim.info.actions.some((a) => a.command === 'khabar.setVerdict'));
    assert.strictEqual(focusOf('khabar.setVerdict', claim), 'CLAIM:verdict');
    assert.strictEqual(focusOf('khabar.setClaimant', claim), 'CLAIM:claimant');
    assert.strictEqual(focusOf('khabar.setClaimType', quote), 'QUOTE:claimType');
    assert.strictEqual(focusOf('khabar.addEvidence', claim), 'CLAIM:evidence');
    assert.strictEqual(focusOf('khabar.addNote', quote), 'QUOTE:note');
    // A detection is not a claim yet: the claim's fields are not offered on it.
    assert.strictEqual(readerAction('khabar.setVerdict', view(MARKS[0]![1], 'd:1')), undefined);
  });

  it('an orphan offers removal, which posts its record id', () => {
    const r = record({ id: 'c9', orphan: true });
    const orphan: OrphanView = { id: 'o:c9', recordId: 'c9', label: 'CLAIM', exact: 'نص', info: V.markViewBase({ key: 'orphan', ...span, record: r }, 'o:c9', DEFAULT_VERDICTS).info };
    for (const a of orphan.info.actions) {
      const op = readerAction(a.command, undefined, orphan);
      assert.deepStrictEqual(op, { kind: 'post', message: { type: 'remove', recordId: 'c9' } }, a.command);
    }
    assert.ok(orphan.info.actions.length > 0);
  });

  it('an unknown or inherited command name is not run', () => {
    const v = view(MARKS[0]![1], 'd:1');
    assert.strictEqual(readerAction('khabar.nope', v), undefined);
    assert.strictEqual(readerAction('toString', v), undefined);
  });
});
