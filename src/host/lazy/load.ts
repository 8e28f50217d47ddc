// The parts of the extension that activation does not need, loaded on first use: detection (the
// entity model's code, the figure and claim lexicons: most of the bundle) when the first article is
// decorated, the sidecar's YAML when the first annotations file is read or written, the exporters
// when *Export…* runs. esbuild.js builds each as a file of its own (dist/detection.js,
// dist/sidecar.js, dist/exporters.js) and turns these require()s into run-time requires of those
// files; unbundled (tsc's out/, the unit tests) they are plain requires of the modules. Nothing
// else may import ./detection, ./sidecar or ./exporters directly, or the part is bundled back in
// (test/unit/activationBundle.test.ts checks the production build); and only extension.js's code
// imports this file (the exporters part gets the loaders from it), so there is one loader.
// A part that cannot be loaded (a damaged or partial install) fails with one clear message, shown
// and logged once; the failure is remembered, so Node does not retry the require on every paint.
import * as vscode from 'vscode';
import type * as Detection from './detection';
import type * as Exporters from './exporters';
import type * as Sidecar from './sidecar';

let detection: typeof Detection | undefined;
let exporters: typeof Exporters | undefined;
let sidecar: typeof Sidecar | undefined;
const failed = new Map<string, Error>();
let log: ((line: string) => void) | undefined;

/** Where a part's load failure is logged (the Khabar output channel); set at activation. */
export function setPartLoadLog(appendLine: ((line: string) => void) | undefined): void {
  log = appendLine;
}

type Part = 'detection' | 'sidecar' | 'exporters';

function failure(part: Part, reason: string): string {
  const file = `dist/${part}.js`;
  if (part === 'detection') return vscode.l10n.t('Khabar could not load its detection code ({0}): {1}; reinstall the extension.', file, reason);
  if (part === 'sidecar') return vscode.l10n.t('Khabar could not load its annotations-file code ({0}): {1}; reinstall the extension.', file, reason);
  return vscode.l10n.t('Khabar could not load its export code ({0}): {1}; reinstall the extension.', file, reason);
}

/** A part that could not be loaded: already shown and logged (by loadPart), not worth another line. */
export class PartLoadError extends Error {}

function loadPart<T>(part: Part, load: () => T): T {
  const known = failed.get(part);
  if (known) throw known;
  try {
    return load();
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    const error = new PartLoadError(failure(part, reason ?? ''));
    failed.set(part, error);
    log?.(error.message);
    void vscode.window.showErrorMessage(error.message);
    throw error;
  }
}

/** The parts' loaders, as handed to the exporters part (which has no loader of its own). */
export interface LazyParts {
  detection(): typeof Detection;
  sidecar(): typeof Sidecar;
}

/** detect() and the dateline finder, with the Node platform installed. Throws a clear error, once logged, when the part cannot be loaded. */
export function detectionModule(): typeof Detection {
  return (detection ??= loadPart('detection', () => require('./detection') as typeof Detection));
}

/** parseSidecar, serializeSidecar, the yaml library's parse and the entity list's parser (parseUserList). */
export function sidecarModule(): typeof Sidecar {
  return (sidecar ??= loadPart('sidecar', () => require('./sidecar') as typeof Sidecar));
}

/** The *Export…* command's implementation. */
export function exportersModule(): typeof Exporters {
  return (exporters ??= loadPart('exporters', () => require('./exporters') as typeof Exporters));
}
