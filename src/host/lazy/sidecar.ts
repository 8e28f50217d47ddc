// The annotations file's YAML (dist/sidecar.js), loaded by lazy/load.ts when the first annotations
// file is read or written: the yaml library and the sidecar's parser and writer. The store, the
// Annotations view and the exporters all use this one copy, so the YAML documents the store keeps
// and the values the parser makes (LargeInteger) come from one set of classes.
export { parseSidecar } from '../../core/sidecar/parse';
export { serializeSidecar } from '../../core/sidecar/serialize';
export { parse as parseYaml } from 'yaml';
