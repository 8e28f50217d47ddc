// Relative paths that come from data (a sidecar's document.path, an imported file name) and are
// used to name output files: they must stay inside the export root.

export class UnsafePathError extends Error {}

/**
 * Normalises a relative path to forward slashes and refuses anything that could leave the root:
 * absolute paths, drive letters, `..` segments, NUL. Returns the cleaned path.
 */
export function safeRelativePath(p: string): string {
  if (p.includes('\0')) throw new UnsafePathError(`path ${JSON.stringify(p)} contains a NUL character`);
  const slashed = p.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(slashed)) {
    throw new UnsafePathError(`path ${JSON.stringify(p)} is absolute; only paths inside the export folder are allowed`);
  }
  const parts: string[] = [];
  for (const seg of slashed.split('/')) {
    if (seg === '' || seg === '.') continue;
    // Windows drops trailing dots and spaces, so `.. ` and `...` can mean `..` there.
    if (/^[.\s]+$/.test(seg)) throw new UnsafePathError(`path ${JSON.stringify(p)} leaves the export folder (..)`);
    // A colon makes `x:y` a drive-relative path (or an NTFS stream) on Windows.
    if (seg.includes(':')) throw new UnsafePathError(`path ${JSON.stringify(p)} has a colon, which names a drive on Windows`);
    if (/[\u0001-\u001f]/.test(seg)) throw new UnsafePathError(`path ${JSON.stringify(p)} contains a control character`);
    parts.push(seg);
  }
  if (parts.length === 0) throw new UnsafePathError(`path ${JSON.stringify(p)} names no file`);
  return parts.join('/');
}
