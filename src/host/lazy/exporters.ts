// The exporting part of the extension (dist/exporters.js), loaded by lazy/load.ts when *Export…*
// first runs: the formats, the report and the sidecar reading they need. Detection, which an export
// of an article without annotations runs, comes from the detection part (never a second copy).
export { runExportCommand } from '../exportCommand';
