// The host classes hold one `Disposable.from(...)` (issue #19): it disposes in the order given, once,
// however often the class is disposed. Checked on the fakes' Disposable (every unit test relies on
// it being VS Code's) and on a real host class, AnnotationIndex, under the stand-in vscode module.
import * as assert from 'assert';
import * as path from 'path';
import { Disposable } from '../fakes/disposable';
import { makeVscodeStub, withStubbedVscode } from '../fakes/vscode';
import type * as Annotations from '../../src/host/annotations';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function forgetHostModules(): void {
  const host = path.join(ROOT, 'out', 'src', 'host') + path.sep;
  for (const k of Object.keys(require.cache)) if (k.startsWith(host)) delete require.cache[k];
}

describe('disposables: one Disposable.from per host class', () => {
  before(forgetHostModules);
  after(forgetHostModules);

  it('the fakes\' Disposable.from disposes each item in order, and only the first time', () => {
    const log: string[] = [];
    const all = Disposable.from(...['a', 'b', 'c'].map((n) => ({ dispose: () => log.push(n) })));
    all.dispose();
    all.dispose();
    assert.deepStrictEqual(log, ['a', 'b', 'c']);
  });

  it('AnnotationIndex: its listeners are removed once, in order, even when disposed twice', () => {
    const stub = makeVscodeStub({ registrations: 0 });
    withStubbedVscode(stub, () => {
      const { AnnotationIndex } = require('../../src/host/annotations') as typeof Annotations;
      const log: string[] = [];
      const source = (name: string) => ({ onDidChange: () => ({ dispose: () => log.push(name) }) });
      const index = new AnnotationIndex(source('detections') as never, source('store') as never);
      let fired = 0;
      index.onDidChange(() => fired++);
      index.dispose();
      index.dispose();
      assert.deepStrictEqual(log, ['store', 'detections']);
      // The emitter went first: nothing reaches a listener after dispose.
      (index as unknown as { emitter: { fire(u?: unknown): void } }).emitter.fire(undefined);
      assert.strictEqual(fired, 0);
    });
  });
});
