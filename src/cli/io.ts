// Reading articles for the CLI: files, folders and stdin, with a clear reason for each failure.

import * as fs from 'fs';
import { decodeArticle, DEFAULT_MAX_BYTES, tooLargeReason } from '../core/decode';
import { DEFAULT_SIDECAR_SUFFIX } from '../core/sidecar/format';
import { sidecarSuffixProblem } from '../core/sidecar/suffix';
import { decodeSidecar, sidecarSizeError, type SidecarBytesResult } from '../core/sidecar/bytes';

export class CliError extends Error {}
export class UsageError extends Error {}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export function readArticle(file: string, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  let bytes: Uint8Array;
  try {
    if (file === '-') {
      bytes = fs.readFileSync(0);
    } else {
      const st = fs.statSync(file);
      if (st.isDirectory()) return { ok: false, reason: 'is a directory' };
      // Refused from stat alone: allocating st.size bytes to say "too large" failed outright at 8 GB.
      const large = tooLargeReason(st.size, maxBytes);
      if (large) return { ok: false, reason: large };
      bytes = fs.readFileSync(file);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'permission denied' };
    return { ok: false, reason: (e as Error).message };
  }
  const r = decodeArticle(bytes, maxBytes);
  return r.ok ? { ok: true, text: r.text } : r;
}

/**
 * A sidecar's text, the same way the extension reads it: the size from stat before reading (a huge
 * file is never allocated), then strict UTF-8. `missing` when there is no such file.
 */
export function readSidecarFile(file: string): SidecarBytesResult | { ok: false; kind: 'missing' | 'io'; message: string } {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return { ok: false, kind: 'io', message: 'is a directory' };
    const large = sidecarSizeError(st.size);
    if (large) return { ok: false, kind: 'too-large', errors: [large] };
    return decodeSidecar(fs.readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, kind: 'missing', message: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, kind: 'io', message: 'permission denied' };
    return { ok: false, kind: 'io', message: (e as Error).message };
  }
}

/** Parse `--flag value`, `--flag=value` and boolean flags; everything else is positional. */
/**
 * The sidecar suffix a command was given (`--sidecar-suffix`), checked by the rule the extension
 * uses for `khabar.sidecarSuffix`. The CLI does not read `.vscode/settings.json`: it runs on any
 * folder, in or out of a workspace, and a flag says in the command line which files it reads.
 */
export function sidecarSuffixFlag(flags: Map<string, string | true>, name = 'sidecar-suffix'): string {
  const v = flags.get(name);
  if (v === undefined || v === true) return DEFAULT_SIDECAR_SUFFIX;
  const problem = sidecarSuffixProblem(v);
  if (problem !== undefined) throw new UsageError(`--${name}: ${problem}`);
  return v;
}

export const SIDECAR_SUFFIX_HELP = `  --sidecar-suffix S       the annotations file suffix, as the extension's khabar.sidecarSuffix
                           setting (default ${DEFAULT_SIDECAR_SUFFIX})`;

export function parseArgs(
  argv: string[],
  spec: { values: readonly string[]; booleans: readonly string[] },
): { flags: Map<string, string | true>; positional: string[] } {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (spec.values.includes(name)) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, v);
      } else if (spec.booleans.includes(name) && eq < 0) {
        flags.set(name, true);
      } else {
        throw new UsageError(`unknown option --${name}`);
      }
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else {
      positional.push(a);
    }
  }
  return { flags, positional };
}
