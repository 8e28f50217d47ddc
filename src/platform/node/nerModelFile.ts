// The entity model file on Node: found next to the bundle, read (gunzipped when gzipped), and written by the
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

/**
 * A model file's bytes as decodeModel reads them: the file as it is (the shipped model), or
 * gunzipped when it is gzipped (a *.gz file: the dev and tune models, the shipped one before
 * it was stored plain).
 */
export function readModelBytes(file: string): Uint8Array {
  const bytes = fs.readFileSync(file);
  if (!isGzipped(bytes)) return bytes;
  try {
    return gunzipModel(bytes);
  } catch (e) {
    throw new Error(`${file}: not a readable gzipped model file (${(e as Error).message}); rebuild it with npm run train`);
  }
}

/** Whether bytes start as a gzip stream does (a model file itself starts with its header's length). */
export function isGzipped(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * A model file's gzipped bytes, gunzipped. The gzip trailer gives the size, so zlib inflates into
 * one buffer of it instead of 16 KiB chunks joined afterwards (the join and its copies were a
 * third of a cold gunzip); the trailer is only a hint (it could lie, or name just the last of
 * several members), so a wrong one costs a copy, never a wrong result.
 */
export function gunzipModel(gz: Buffer): Uint8Array {
  const size = gz.length >= 18 ? gz.readUInt32LE(gz.length - 4) : 0;
  // Deflate never expands more than 1032 times: a trailer claiming more is not believed.
  return gunzipSync(gz, { chunkSize: Math.max(Math.min(size + 1, 1032 * gz.length), 64 * 1024) });
}

/** The model in `file`; a file that is not one (damaged, cut short, another format) is named in the error. */
export function readModelFile(file: string): TaggerModel {
  const bytes = readModelBytes(file);
  try {
    return decodeModel(bytes);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

/**
 * The model file's bytes as written to `file`: gzipped when its name ends in .gz (the dev and tune
 * models, kept small), else as decodeModel reads them (the shipped model, read in place at load).
 */
export function modelFileBytes(model: TaggerModel, file: string): Buffer {
  const bytes = encodeModel(model);
  return file.endsWith('.gz') ? gzipSync(bytes, { level: 9 }) : bytes;
}
