// The annotations file's YAML (dist/sidecar.js), loaded by lazy/load.ts when the first annotations
// file is read or written: the yaml library and the sidecar's parser and writer, and the reader of
// the workspace entity list (.khabar/entities.yaml), the only other YAML the extension reads. The
// store, the Annotations view and the exporters all use this one copy, so the YAML documents the
// store keeps and the values the parser makes (LargeInteger) come from one set of classes.
import { installNativeSha256 } from '../../platform/node/nativeSha256';

// Every part with a copy of core/sha256 gives it Node's native hash (the copy here is the
// validator's, today unused for hashing: installing costs nothing and keeps the rule simple).
installNativeSha256();

export { parseSidecar } from '../../core/sidecar/parse';
export { serializeSidecar } from '../../core/sidecar/serialize';
export { parse as parseYaml } from 'yaml';
export { parseUserList } from '../../core/entities/parseUserList';
