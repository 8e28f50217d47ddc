// The one rule for the sidecar file suffix (setting `khabar.sidecarSuffix`, CLI `--sidecar-suffix`):
// every reader of the suffix (store, annotations view, export, CLI) goes through here, so they all
// look for the same files.

import { DEFAULT_SIDECAR_SUFFIX } from './format';

/**
 * A dot, then at least one character that is no path separator and no glob character (the view
 * searches for `**\/*SUFFIX`, so `*`, `?`, `[`, `]`, `{`, `}` would change what it finds).
 * package.json's `khabar.sidecarSuffix` pattern is this regex's source (a unit test compares them).
 */
export const SIDECAR_SUFFIX_PATTERN = /^\.[^/\\*?[\]{}\s][^/\\*?[\]{}]*$/u;

/** Why a suffix cannot be used, or undefined when it can. */
export function sidecarSuffixProblem(suffix: string): string | undefined {
  if (SIDECAR_SUFFIX_PATTERN.test(suffix)) return undefined;
  if (!suffix.startsWith('.')) return `the sidecar suffix must start with a dot, e.g. ${DEFAULT_SIDECAR_SUFFIX} (got ${JSON.stringify(suffix)})`;
  return `the sidecar suffix must name no folder and hold no glob character (/ \\ * ? [ ] { }) nor start with a space, e.g. ${DEFAULT_SIDECAR_SUFFIX} (got ${JSON.stringify(suffix)})`;
}

/** The suffix to use for a configured value: the value when valid, else the default (with why). */
export function sidecarSuffix(value: unknown): { suffix: string; problem?: string } {
  if (value === undefined || value === null || value === '') return { suffix: DEFAULT_SIDECAR_SUFFIX };
  if (typeof value !== 'string') return { suffix: DEFAULT_SIDECAR_SUFFIX, problem: 'the sidecar suffix must be a string' };
  const problem = sidecarSuffixProblem(value);
  return problem === undefined ? { suffix: value } : { suffix: DEFAULT_SIDECAR_SUFFIX, problem };
}

/** Whether a path names a sidecar: one with the configured suffix, or the default one (never an article either way). */
export function isSidecarPath(path: string, suffix: string): boolean {
  return path.endsWith(suffix) || path.endsWith(DEFAULT_SIDECAR_SUFFIX);
}
