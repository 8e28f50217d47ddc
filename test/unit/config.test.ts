// Khabar's settings are read in one place (src/host/config.ts) and cached per resource: every
// decoration pass, hover and command asks for them, so they are built once, and rebuilt only
// after a settings or workspace-folder change.
import * as assert from 'assert';
import type * as ConfigModule from '../../src/host/config';
import { makeVscodeStub, Uri, type FakeApi } from '../fakes/vscode';
import { withVscode } from './withVscode';

/** host/config loaded against a fresh shared fake, whose settings and read count the tests drive. */
function load(): { S: FakeApi; C: typeof ConfigModule } {
  const stub = makeVscodeStub({ registrations: 0 });
  return { S: stub.fake, C: withVscode(stub, () => require('../../src/host/config') as typeof ConfigModule) };
}

describe('settings (host/config)', () => {
  const { S, C } = load();
  const a = Uri.file('/ws/a.txt') as never;
  const b = Uri.file('/ws/b.txt') as never;

  it('builds the settings once per resource while watched, and again after a change to khabar.*', () => {
    const watch = C.watchConfig();
    try {
      S.configurationReads = 0;
      const first = C.readConfig(a);
      assert.strictEqual(C.readConfig(a), first);
      assert.strictEqual(S.configurationReads, 1);
      C.readConfig(b);
      assert.strictEqual(S.configurationReads, 2, 'another resource is read on its own');
      S.emit.configuration.fire({ affectsConfiguration: (s) => s === 'editor' });
      C.readConfig(a);
      assert.strictEqual(S.configurationReads, 2, 'a change elsewhere keeps the cache');
      S.settings['khabar.highlight.claimSuggestions'] = 'all';
      S.emit.configuration.fire({ affectsConfiguration: (s) => s === 'khabar' });
      assert.strictEqual(C.readConfig(a).highlight.claimSuggestions, 'all');
      assert.strictEqual(S.configurationReads, 3);
      S.emit.workspaceFolders.fire({ added: [], removed: [] });
      C.readConfig(a);
      assert.strictEqual(S.configurationReads, 4, 'a workspace folder change drops the cache');
      assert.ok(Object.isFrozen(C.readConfig(a)), 'the shared object cannot be changed by a caller');
    } finally {
      watch.dispose();
      delete S.settings['khabar.highlight.claimSuggestions'];
    }
  });

  it('reads afresh while nothing watches for changes (a stale cache could never be dropped)', () => {
    S.configurationReads = 0;
    C.readConfig(a);
    C.readConfig(a);
    assert.strictEqual(S.configurationReads, 2);
  });

  it('validates what it reads: an unknown suggestion mode falls back to top, a bad base URL to none', () => {
    S.settings['khabar.highlight.claimSuggestions'] = 'sometimes';
    S.settings['khabar.export.baseUrl'] = 'javascript:alert(1)';
    try {
      const c = C.readConfig(a);
      assert.strictEqual(c.highlight.claimSuggestions, 'top');
      assert.strictEqual(c.exportBaseUrl, '');
    } finally {
      delete S.settings['khabar.highlight.claimSuggestions'];
      delete S.settings['khabar.export.baseUrl'];
    }
  });
});
