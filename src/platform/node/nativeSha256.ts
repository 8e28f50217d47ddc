// Node's native SHA-256 handed to the core: what the extension installs at activation (the sidecar
// store hashes articles) without the entity model's code, which installNodePlatform also brings.
import { createHash } from 'crypto';
import { useNativeSha256 } from '../../core/sha256';

export function installNativeSha256(): void {
  useNativeSha256((text) => createHash('sha256').update(text, 'utf8').digest('hex'));
}
