// The parts of the extension that activation does not need, loaded on first use: detection (the
// entity model's code, the figure and claim lexicons: most of the bundle) when the first article is
// decorated, the sidecar's YAML when the first annotations file is read or written, the exporters
// when *Export…* runs. esbuild.js builds each as a file of its own (dist/detection.js,
// dist/sidecar.js, dist/exporters.js) and turns these require()s into run-time requires of those
// files; unbundled (tsc's out/, the unit tests) they are plain requires of the modules. Nothing
// else may import ./detection, ./sidecar or ./exporters directly, or the part is bundled back in
// (test/unit/activationBundle.test.ts checks the production build).
import type * as Detection from './detection';
import type * as Exporters from './exporters';
import type * as Sidecar from './sidecar';

let detection: typeof Detection | undefined;
let exporters: typeof Exporters | undefined;
let sidecar: typeof Sidecar | undefined;

/** detect(), the user entity list's parser and the dateline finder, with the Node platform installed. */
export function detectionModule(): typeof Detection {
  return (detection ??= require('./detection') as typeof Detection);
}

/** parseSidecar, serializeSidecar and the yaml library's parse. */
export function sidecarModule(): typeof Sidecar {
  return (sidecar ??= require('./sidecar') as typeof Sidecar);
}

/** The *Export…* command's implementation. */
export function exportersModule(): typeof Exporters {
  return (exporters ??= require('./exporters') as typeof Exporters);
}
