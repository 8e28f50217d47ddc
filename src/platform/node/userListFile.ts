// Finding and reading the workspace's .khabar/entities.yaml for the CLI (the editor reads the file
// through its own workspace API and calls parseUserList). Node only, so it lives outside core.

import * as fs from 'fs';
import * as path from 'path';
import { parseUserList } from '../../core/entities/parseUserList';
import type { UserList } from '../../core/entities/userList';

export const USER_LIST_PATH = path.join('.khabar', 'entities.yaml');

/** The nearest .khabar/entities.yaml in `dir` or its ancestors, if any. */
export function findUserListFile(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    const candidate = path.join(d, USER_LIST_PATH);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

const cache = new Map<string, UserList>();

/** Read and parse a list file (cached per path for a batch); errors name the file. */
export function readUserList(file: string): UserList {
  let list = cache.get(file);
  if (!list) {
    try {
      list = parseUserList(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: ${(e as Error).message}`);
    }
    cache.set(file, list);
  }
  return list;
}

/**
 * The user list for an article: the explicit file if given, else the nearest
 * .khabar/entities.yaml above the article (the current folder for stdin).
 */
export function userListFor(articlePath: string, explicit?: string): UserList | undefined {
  if (explicit) return readUserList(explicit);
  const found = findUserListFile(articlePath === '-' ? process.cwd() : path.dirname(path.resolve(articlePath)));
  return found ? readUserList(found) : undefined;
}
