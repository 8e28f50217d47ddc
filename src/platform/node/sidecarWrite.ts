// The one write protocol for sidecar files, shared by every writer (the extension's store, `khabar
// check --fix`, `khabar import`): writers take turns through `<sidecar>.lock`, re-read the file under
// the lock and merge what landed since they read it, then replace it atomically (a temporary file in
// the real file's folder, renamed over it, so a symlinked sidecar stays a symlink). Leftovers of a
// killed writer (its lock, its temporary copies) are recognised and cleaned up by the next writer.
// Node only (fs, process, os): used by the host and the CLI, never by src/core.

import { decodeSidecar } from '../../core/sidecar/bytes';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** How long a writer waits for a lock held by a live writer before giving up (never writing without it). */
export const LOCK_WAIT_MS = 10_000;
/**
 * A lock (or temporary file) whose writer cannot be checked (another machine on a shared folder, an
 * older Khabar) is a leftover once it is this old: a save holds the lock for milliseconds.
 */
export const LOCK_STALE_MS = 30_000;

/** What a lock file says about its holder (one JSON line); older Khabar wrote a bare token. */
export interface LockOwner {
  pid: number;
  host: string;
  token: string;
  /** When the lock was taken, ms since the epoch. */
  at: number;
}

export interface LockOptions {
  /** How long to wait for a live holder (default LOCK_WAIT_MS). */
  waitMs?: number;
  /** Age after which a lock whose holder cannot be checked is a leftover (default LOCK_STALE_MS). */
  staleMs?: number;
  /** Where messages go (a stale lock taken over, leftovers removed). */
  log?: (message: string) => void;
}

export interface SidecarLock {
  readonly file: string;
  readonly owner: LockOwner;
  /** True while the lock file on disk is still ours. */
  held(): boolean;
  release(): void;
}

/** The lock could not be had: a live writer holds it. Nothing was written. */
export class SidecarLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockOwner | undefined,
  ) {
    super(
      `${lockFile} is held by ${holder ? `process ${holder.pid} on ${holder.host === os.hostname() ? 'this computer' : holder.host}` : 'another writer'}` +
        ` (another Khabar window or command is saving this sidecar); nothing was written. Try again; if no Khabar is running, delete ${path.basename(lockFile)}.`,
    );
  }
}

export function lockPathFor(sidecar: string): string {
  return `${sidecar}.lock`;
}

const HOST = os.hostname();
/** A short tag for this computer in temporary file names, so a leftover's writer can be checked. */
const HOST_TAG = crypto.createHash('sha256').update(HOST).digest('hex').slice(0, 6);

function readOwner(lockFile: string): LockOwner | undefined {
  try {
    const j = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as Partial<LockOwner>;
    if (typeof j.pid === 'number' && typeof j.host === 'string' && typeof j.token === 'string' && typeof j.at === 'number') return j as LockOwner;
  } catch {
    // absent, empty (being written), or an older Khabar's bare token
  }
  return undefined;
}

/** Whether process `pid` of this computer is running (EPERM: it is, under another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When process `pid` started (ms since the epoch), where the system tells (Linux /proc), so a pid
 * reused by an unrelated program after the writer died is not taken for the writer.
 */
function processStartMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const uptime = Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    if (!Number.isFinite(ticks) || !Number.isFinite(uptime)) return undefined;
    // USER_HZ is 100 on every Linux Node runs on.
    return Date.now() - uptime * 1000 + (ticks / 100) * 1000;
  } catch {
    return undefined;
  }
}

/** Why the lock file is a dead writer's leftover, or undefined when its holder may be alive. */
function staleReason(lockFile: string, owner: LockOwner | undefined, staleMs: number): string | undefined {
  let mtime: number;
  try {
    mtime = fs.statSync(lockFile).mtimeMs;
  } catch {
    return undefined; // gone already: the next attempt creates it
  }
  if (owner && owner.host === HOST) {
    if (owner.pid === process.pid) return undefined; // another writer in this process: it releases
    if (!processAlive(owner.pid)) return `left by process ${owner.pid}, which is no longer running`;
    const started = processStartMs(owner.pid);
    // 2 s of slack for the clock arithmetic: a pid that started after the lock was taken is a reused one.
    if (started !== undefined && started > owner.at + 2000) return `left by process ${owner.pid}, which is no longer running (its number was reused)`;
    return undefined;
  }
  const age = Date.now() - (owner ? Math.max(owner.at, mtime) : mtime);
  if (age > staleMs) return `unchanged for ${Math.round(age / 1000)} s${owner ? ` (process ${owner.pid} on ${owner.host})` : ''}`;
  return undefined;
}

type Attempt = { lock: SidecarLock } | { holder: LockOwner | undefined };

/** One try at the lock: created if absent, taken over at once if a dead writer left it. */
export function tryLock(sidecar: string, options: LockOptions = {}): Attempt {
  const file = lockPathFor(sidecar);
  const staleMs = options.staleMs ?? LOCK_STALE_MS;
  for (let round = 0; round < 3; round++) {
    const owner: LockOwner = { pid: process.pid, host: HOST, token: crypto.randomBytes(8).toString('hex'), at: Date.now() };
    if (createExclusive(file, JSON.stringify(owner) + '\n')) return { lock: lockObject(file, owner) };
    const holder = readOwner(file);
    const stale = staleReason(file, holder, staleMs);
    if (stale === undefined) return { holder };
    if (takeOver(file, holder)) {
      options.log?.(`${file}: taking over a stale lock ${stale}`);
      // A writer died here: look for its temporary copies at once.
      listings.delete(path.dirname(path.resolve(sidecar)));
    }
  }
  return { holder: readOwner(file) };
}

/**
 * Removes a stale lock without ever removing a fresh one that replaced it in the meantime: the
 * lock is moved aside atomically, and put back if what was moved is not the one judged stale.
 */
function takeOver(file: string, judged: LockOwner | undefined): boolean {
  const aside = `${file}.stale-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return false;
  }
  const moved = readOwner(aside);
  const same = judged === undefined ? moved === undefined : moved?.token === judged.token;
  if (!same) {
    // Someone took the lock between our look and the move: give it back (link fails if yet another exists).
    try {
      fs.linkSync(aside, file);
    } catch {
      // a third writer holds it now; the one we moved re-checks before its rename (held())
    }
  }
  fs.rmSync(aside, { force: true });
  return same;
}

function createExclusive(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function lockObject(file: string, owner: LockOwner): SidecarLock {
  let released = false;
  return {
    file,
    owner,
    held: () => !released && readOwner(file)?.token === owner.token,
    release: () => {
      if (released) return;
      released = true;
      // Only our own: after a long stall it may have been judged stale and taken by another writer.
      if (readOwner(file)?.token === owner.token) fs.rmSync(file, { force: true });
    },
  };
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the lock, waiting for a live holder up to `waitMs` (blocking: for the CLI). Throws SidecarLockedError. */
export function lockSync(sidecar: string, options: LockOptions = {}): SidecarLock {
  const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
  for (let attempt = 0; ; attempt++) {
    const a = tryLock(sidecar, options);
    if ('lock' in a) return a.lock;
    if (Date.now() >= deadline) throw new SidecarLockedError(lockPathFor(sidecar), a.holder);
    sleepSync(Math.min(100, 5 * 2 ** attempt, Math.max(1, deadline - Date.now())));
  }
}

/** Takes the lock, waiting for a live holder up to `waitMs` without blocking (for the extension). */
export async function lock(sidecar: string, options: LockOptions = {}): Promise<SidecarLock> {
  const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
  for (let attempt = 0; ; attempt++) {
    const a = tryLock(sidecar, options);
    if ('lock' in a) return a.lock;
    if (Date.now() >= deadline) throw new SidecarLockedError(lockPathFor(sidecar), a.holder);
    await new Promise((r) => setTimeout(r, Math.min(100, 5 * 2 ** attempt, Math.max(1, deadline - Date.now()))));
  }
}

/**
 * The file a write really replaces: the sidecar itself, or the file its symlink (chain) points to,
 * so the link stays a link. A link to a file not yet there resolves to where that file will be.
 */
export function writeTarget(sidecar: string): string {
  let p = path.resolve(sidecar);
  for (let hops = 0; hops < 40; hops++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return p;
    }
    if (!st.isSymbolicLink()) return p;
    p = path.resolve(path.dirname(p), fs.readlinkSync(p));
  }
  throw new Error(`${sidecar}: too many levels of symbolic links`);
}

const TMP_MARK = '.tmp-';

/**
 * Folder listings used to look for leftovers, reused for LEFTOVER_SCAN_MS (and dropped at once when
 * a stale lock is taken over there): `check --fix` over a flat folder of thousands of sidecars would
 * otherwise list the folder once per file written.
 */
const listings = new Map<string, { at: number; names: string[] }>();
const LEFTOVER_SCAN_MS = 10_000;

function listFolder(dir: string): string[] | undefined {
  const cached = listings.get(dir);
  if (cached && Date.now() - cached.at < LEFTOVER_SCAN_MS) return cached.names;
  try {
    const names = fs.readdirSync(dir).filter((n) => n.includes(TMP_MARK));
    listings.set(dir, { at: Date.now(), names });
    return names;
  } catch {
    return undefined;
  }
}

/** A fresh temporary file name beside `target`, naming this computer and process (for leftover checks). */
export function tempPathFor(target: string): string {
  return `${target}${TMP_MARK}${HOST_TAG}-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
}

/**
 * Removes the temporary copies killed writers left beside the sidecar (and beside its symlink's
 * target): one whose writer, named in it, is a dead process of this computer, or (unknown writer)
 * one older than `staleMs`. Call holding the lock. Returns the files removed.
 */
export function removeLeftovers(sidecar: string, options: LockOptions = {}): string[] {
  const staleMs = options.staleMs ?? LOCK_STALE_MS;
  const removed: string[] = [];
  const places = new Set([path.resolve(sidecar), writeTarget(sidecar)]);
  for (const place of places) {
    const dir = path.dirname(place);
    const prefix = path.basename(place) + TMP_MARK;
    const names = listFolder(dir);
    if (names === undefined) continue;
    for (const name of [...names]) {
      if (!name.startsWith(prefix)) continue;
      const file = path.join(dir, name);
      const m = /^([0-9a-f]{6})-(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length));
      let leftover: boolean;
      if (m && m[1] === HOST_TAG) leftover = Number(m[2]) !== process.pid && !processAlive(Number(m[2]));
      else {
        try {
          leftover = Date.now() - fs.statSync(file).mtimeMs > staleMs;
        } catch {
          continue;
        }
      }
      if (!leftover) continue;
      try {
        fs.unlinkSync(file);
        removed.push(file);
        names.splice(names.indexOf(name), 1);
      } catch (e) {
        // Gone since the folder was listed (its save finished): nothing to report. Otherwise not ours to remove (permissions).
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') names.splice(names.indexOf(name), 1);
      }
    }
  }
  if (removed.length > 0) options.log?.(`${sidecar}: removed ${removed.length} temporary file${removed.length === 1 ? '' : 's'} left by an interrupted save: ${removed.map((f) => path.basename(f)).join(', ')}`);
  return removed;
}

/** Gives a finished temporary file the permissions of the file it will replace (when there is one). */
export function copyMode(target: string, tmp: string): void {
  let mode: number;
  try {
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    return;
  }
  fs.chmodSync(tmp, mode);
}

/**
 * Replaces the sidecar's content atomically: a temporary file in the real file's folder (same file
 * system, so the rename is atomic), given the old file's permissions, renamed over the real file.
 * `exclusive`: fail with EEXIST instead of replacing an existing file.
 */
export function replaceFileSync(sidecar: string, text: string, options: { exclusive?: boolean } = {}): void {
  const target = writeTarget(sidecar);
  const tmp = tempPathFor(target);
  let mode: number | undefined;
  try {
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    fs.writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx', ...(mode !== undefined ? { mode } : {}) });
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    if (options.exclusive) createFromTemp(tmp, target);
    else fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Puts the finished temporary file at `target` unless a file is there (EEXIST). link() is the one
 * atomic "create unless present" for a whole file; where the file system has no hard links (FAT,
 * some network shares) the check and the rename are separate steps, covered by the sidecar's lock.
 */
function createFromTemp(tmp: string, target: string): void {
  try {
    fs.linkSync(tmp, target);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw e;
  }
  if (fs.existsSync(target)) throw Object.assign(new Error(`EEXIST: file already exists, '${target}'`), { code: 'EEXIST' });
  fs.renameSync(tmp, target);
}

/**
 * The sidecar's text as it is on disk now, undefined when there is none. Decoded by the one strict
 * decoder the extension and the CLI share: bytes that are not UTF-8 (or a file that grew past the
 * size limit since it was checked) throw, so the writer stops instead of merging into U+FFFD.
 */
export function readIfExists(file: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const decoded = decodeSidecar(bytes);
  if (!decoded.ok) {
    const first = decoded.errors[0];
    throw new Error(`${file}:${first?.line ?? 1}:${first?.col ?? 1}: ${first?.message ?? decoded.kind}`);
  }
  return decoded.text;
}

export interface UpdateOutcome {
  /** The text now on disk (what was written, or what was there when nothing was). */
  text: string | undefined;
  written: boolean;
}

/**
 * The write path of the command-line writers: under the lock (leftovers cleaned first), `build` gets
 * the sidecar's text as it is on disk now (undefined: no file) and returns the text to write, or
 * undefined to leave the file as it is. Merging with what another writer saved happens inside
 * `build`, so nothing written since the caller first read the file is overwritten.
 */
export function updateSidecarSync(sidecar: string, build: (disk: string | undefined) => string | undefined, options: LockOptions = {}): UpdateOutcome {
  const held = lockSync(sidecar, options);
  try {
    removeLeftovers(sidecar, options);
    const disk = readIfExists(sidecar);
    const next = build(disk);
    if (next === undefined || next === disk) return { text: disk, written: false };
    if (!held.held()) throw new SidecarLockedError(held.file, readOwner(held.file));
    replaceFileSync(sidecar, next);
    return { text: next, written: true };
  } finally {
    held.release();
  }
}
