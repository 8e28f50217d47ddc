// Turning a file's bytes into article text, or a clear reason why not. Shared by the CLI and the
// extension so both agree on what an article is and on its offsets (BOM removed).

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; hadBom: boolean }
  | { ok: false; reason: string };

export function decodeArticle(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): DecodeResult {
  const large = tooLargeReason(bytes.length, maxBytes);
  if (large) return { ok: false, reason: large };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeWith('utf-16le', bytes.subarray(2), true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return decodeWith('utf-16be', bytes.subarray(2), true);
  }
  let hadBom = false;
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    hadBom = true;
    body = bytes.subarray(3);
  }
  if (looksBinary(body)) return { ok: false, reason: 'binary file (contains NUL or control bytes), not an article' };
  return decodeWith('utf-8', body, hadBom, hadBom ? 3 : 0);
}

/**
 * The refusal for a file of `size` bytes, or undefined when it is within the limit. Callers check
 * the size from stat before reading, so a huge file is refused without being read or allocated.
 */
export function tooLargeReason(size: number, maxBytes = DEFAULT_MAX_BYTES): string | undefined {
  if (size <= maxBytes) return undefined;
  let a = formatBytes(size);
  let b = formatBytes(maxBytes);
  // "2.0 KB; the limit is 2.0 KB" reads as a contradiction: give exact bytes when the rounding hides the difference.
  if (a === b) {
    a = `${size} bytes`;
    b = `${maxBytes} bytes`;
  }
  return `too large (${a}; the limit is ${b}, see --max-size / khabar.maxFileSize)`;
}

/** `skipped` is the BOM length, so the reported offset is the one a hex editor shows for the file. */
function decodeWith(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', body: Uint8Array, hadBom: boolean, skipped = 0): DecodeResult {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, encoding, hadBom };
  } catch {
    const bad = encoding === 'utf-8' ? firstInvalidUtf8(body) : -1;
    const where = bad >= 0 ? bad + skipped : -1;
    return {
      ok: false,
      reason: `not valid ${encoding.toUpperCase()}${where >= 0 ? ` (first bad byte at offset ${where})` : ''}`,
    };
  }
}

/** NUL bytes, or many C0 controls other than tab/newline/CR/FF, mean this is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return n > 0 && controls / n > 0.1;
}

/** Offset of the first byte a strict UTF-8 decoder rejects, or -1 when there is none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF: the decoder rejects these
    // too, and without this check the message lost its offset.
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) {
      return i;
    }
    i += need + 1;
  }
  return -1;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
}
