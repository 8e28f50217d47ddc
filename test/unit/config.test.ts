// Khabar's settings are read in one place (src/host/config.ts) and cached per resource: every
// decoration pass, hover and command asks for them, so they are built once, and rebuilt only
// after a settings or workspace-folder change.
import * as assert from 'assert';
import * as path from 'path';
import type * as Stub from '../fixtures/config/vscodeStub';
import type * as ConfigModule from '../../src/host/config';
import { withVscode } from './withVscode';

const STUB = path.join(__dirname, '..', 'fixtures', 'config', 'vscodeStub.js');

function load(): { S: typeof Stub; C: typeof ConfigModule } {
  return withVscode(STUB, () => ({ S: require(STUB) as typeof Stub, C: require('../../src/host/config') as typeof ConfigModule }));
}

describe('settings (host/config)', () => {
  const { S, C } = load();
  const a = S.Uri.file('/ws/a.txt') as never;
  const b = S.Uri.file('/ws/b.txt') as never;

  it('builds the settings once per resource while watched, and again after a change to khabar.*', () => {
    const watch = C.watchConfig();
    try {
      S.reads.count = 0;
      const first = C.readConfig(a);
      assert.strictEqual(C.readConfig(a), first);
      assert.strictEqual(S.reads.count, 1);
      C.readConfig(b);
      assert.strictEqual(S.reads.count, 2, 'another resource is read on its own');
      S.configChanged.fire({ affectsConfiguration: (s) => s === 'editor' });
      C.readConfig(a);
      assert.strictEqual(S.reads.count, 2, 'a change elsewhere keeps the cache');
      S.settings['highlight.claimSuggestions'] = 'all';
      S.configChanged.fire({ affectsConfiguration: (s) => s === 'khabar' });
      assert.strictEqual(C.readConfig(a).highlight.claimSuggestions, 'all');
      assert.strictEqual(S.reads.count, 3);
      S.foldersChanged.fire({});
      C.readConfig(a);
      assert.strictEqual(S.reads.count, 4, 'a workspace folder change drops the cache');
      assert.ok(Object.isFrozen(C.readConfig(a)), 'the shared object cannot be changed by a caller');
    } finally {
      watch.dispose();
      delete S.settings['highlight.claimSuggestions'];
    }
  });

  it('reads afresh while nothing watches for changes (a stale cache could never be dropped)', () => {
    S.reads.count = 0;
    C.readConfig(a);
    C.readConfig(a);
    assert.strictEqual(S.reads.count, 2);
  });

  it('validates what it reads: an unknown suggestion mode falls back to top, a bad base URL to none', () => {
    S.settings['highlight.claimSuggestions'] = 'sometimes';
    S.settings['export.baseUrl'] = 'javascript:alert(1)';
    try {
      const c = C.readConfig(a);
      assert.strictEqual(c.highlight.claimSuggestions, 'top');
      assert.strictEqual(c.exportBaseUrl, '');
    } finally {
      delete S.settings['highlight.claimSuggestions'];
      delete S.settings['export.baseUrl'];
    }
  });
});
