// What the core needs from Node, handed over once at start-up by the extension host, the CLI, the
// tests and the scripts: the shipped entity model's bytes (read lazily) and the native SHA-256.
import { provideModel } from '../../core/entities/findEntities';
import { installNativeSha256 } from './nativeSha256';
import { defaultModelPath, readModelBytes } from './nerModelFile';

let installed = false;

export function installNodePlatform(modelPath?: string): void {
  if (installed && modelPath === undefined) return;
  installed = true;
  // Found when first needed (the first article with names), not at activation.
  let file: string | undefined;
  const where = (): string => (file ??= modelPath ?? defaultModelPath());
  provideModel(() => readModelBytes(where()), where);
  installNativeSha256();
}
