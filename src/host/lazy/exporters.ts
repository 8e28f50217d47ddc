// The exporting part of the extension (dist/exporters.js), loaded by lazy/load.ts when *Export…*
// first runs: the formats, the report and the sidecar reading they need. Detection, which an export
// of an article without annotations runs, and the sidecar parser come from their parts through the
// loaders extension.js hands over (never a second copy, of them or of the loader).
// This part has its own copy of core/sha256 (the sidecar's article hash): it gets Node's native
// hash here, as extension.js's and detection.js's copies do.
import { installNativeSha256 } from '../../platform/node/nativeSha256';

installNativeSha256();

export { runExportCommand } from '../exportCommand';
