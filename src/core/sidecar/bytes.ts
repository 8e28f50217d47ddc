// Turning a sidecar file's bytes into text, or a clear refusal: the one decoder the CLI and the
// extension share, so both refuse the same files (a sidecar is UTF-8; Windows-1256 or UTF-16 bytes
// are never "repaired" into U+FFFD and written back).

import { firstInvalidUtf8 } from '../decode';
import type { SidecarError } from './parse';

/** Far above any real article's annotations; stops a runaway or hostile file from freezing the editor. */
export const MAX_SIDECAR_BYTES = 32 * 1024 * 1024;

export type SidecarBytesResult = { ok: true; text: string } | { ok: false; kind: 'too-large' | 'encoding'; errors: SidecarError[] };

/**
 * The refusal for a sidecar of `size` bytes (from stat, before reading: a 700 MB file must not be
 * allocated to be told it is too large), or undefined when it may be read.
 */
export function sidecarSizeError(size: number): SidecarError | undefined {
  if (size <= MAX_SIDECAR_BYTES) return undefined;
  return {
    message: `the sidecar is ${(size / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_SIDECAR_BYTES / 1024 / 1024} MB Khabar loads; it is left untouched`,
    line: 1,
    col: 1,
  };
}

/** UTF-8 (a byte-order mark is allowed and dropped) or a refusal that names the line of the first bad byte. */
export function decodeSidecar(bytes: Uint8Array): SidecarBytesResult {
  const large = sidecarSizeError(bytes.length);
  if (large) return { ok: false, kind: 'too-large', errors: [large] };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return refuse('the sidecar is UTF-16; Khabar reads and writes sidecars only as UTF-8: convert it (e.g. `iconv -f UTF-16 -t UTF-8`) and try again', 1, 1);
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const found = firstInvalidUtf8(bytes);
    const bad = found < 0 ? bytes.length : found;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return refuse(
      `not valid UTF-8 (byte 0x${hex} at offset ${bad}); Khabar reads sidecars only as UTF-8 and will not rewrite this one: ` +
        'convert it (e.g. `iconv -f WINDOWS-1256 -t UTF-8`) and try again',
      line,
      bad - lineStart + 1,
    );
  }
}

function refuse(message: string, line: number, col: number): SidecarBytesResult {
  return { ok: false, kind: 'encoding', errors: [{ message, line, col }] };
}
