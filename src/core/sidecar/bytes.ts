// Turning a sidecar file's bytes into text, or a clear refusal: the one decoder the CLI and the
// extension share, so both refuse the same files (a sidecar is UTF-8; Windows-1256 or UTF-16 bytes
// are never "repaired" into U+FFFD and written back).

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
    const bad = firstInvalidUtf8(bytes);
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

/** Offset of the first byte a strict UTF-8 decoder rejects (the length when there is none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) {
      return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
