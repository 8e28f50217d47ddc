// The entity model file on Node: found next to the bundle, gunzipped, and written gzipped by the
// trainer. The core decodes bytes and never touches the file system (core/entities/modelFile.ts).
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { MODEL_FILE } from '../../core/entities/findEntities';
import { decodeModel, encodeModel, type TaggerModel } from '../../core/entities/tagger';

/** Where the shipped model is: `models/` next to the bundle's folder (dist/ or out/…), found upwards. */
export function defaultModelPath(): string {
  let dir = __dirname;
  for (let k = 0; k < 6; k++) {
    const candidate = path.join(dir, 'models', MODEL_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.join(__dirname, '..', 'models', MODEL_FILE);
}

/** A model file's bytes, gunzipped: what decodeModel reads. */
export function readModelBytes(file: string): Uint8Array {
  return gunzipSync(fs.readFileSync(file));
}

export function readModelFile(file: string): TaggerModel {
  return decodeModel(readModelBytes(file));
}

/** The model file's bytes (gzipped), as written to disk. */
export function modelFileBytes(model: TaggerModel): Buffer {
  return gzipSync(encodeModel(model), { level: 9 });
}
