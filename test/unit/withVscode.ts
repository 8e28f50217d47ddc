// Loads modules of src/host with `vscode` resolved to a stand-in. The host modules are loaded
// afresh for each caller and dropped from the require cache afterwards, so two tests with two
// stand-ins never share a host module bound to the other's (config.ts is imported by most of them).
import Module = require('module');
import * as path from 'path';
import type * as StoreModule from '../../src/host/store/sidecarStore';
import { makeVscodeStub, type FakeApi } from '../fakes/vscode';

const HOST = path.resolve(__dirname, '..', '..', 'src', 'host') + path.sep;

function dropHostModules(): void {
  for (const k of Object.keys(require.cache)) if (k.startsWith(HOST)) delete require.cache[k];
}

/** `load()` runs with `require('vscode')` giving `fake` (a module path or the module's exports). */
export function withVscode<T>(fake: string | object, load: () => T): T {
  const M = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = M._resolveFilename;
  let fakePath: string;
  if (typeof fake === 'string') fakePath = fake;
  else {
    fakePath = path.join(HOST, '..', '..', `vscode-fake-${Math.random().toString(36).slice(2)}.js`);
    const m = new Module(fakePath);
    m.exports = fake;
    m.loaded = true;
    require.cache[fakePath] = m;
  }
  M._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? fakePath : original.call(this, request, ...rest);
  };
  dropHostModules();
  try {
    return load();
  } finally {
    M._resolveFilename = original;
    dropHostModules();
    // Node remembers which file `require('vscode')` from src/host resolved to and reuses it while that
    // file is still cached: a stand-in left in the cache would be handed to the next test's host modules.
    if (typeof fake !== 'string') delete require.cache[fakePath];
  }
}

/** The sidecar store, loaded afresh with `vscode` resolved to a stand-in of its own. */
export function loadStoreWithFake(): { F: FakeApi; S: typeof StoreModule } {
  const stub = makeVscodeStub({ registrations: 0 });
  return withVscode(stub, () => ({ F: stub.fake, S: require('../../src/host/store/sidecarStore') as typeof StoreModule }));
}
