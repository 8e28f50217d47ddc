// The reference material outside the repo (../shared: a real article, the ANERcorp train part) that
// a few tests read by path, never copying it in. These tests need it:
//   claimsRealArticle.test.ts (every test: the claims of a real article, with and without entities),
//   figures.test.ts «reads the reference article by path», grammar.test.ts «keeps every line … whole»
//   (the real article among its inputs), nerWritten.test.ts «share no sentence with the ANERcorp
//   train part» (the licence guard: the written sentences must not be ANERcorp's).
// Outside CI a missing folder skips them, said once; in CI (CI=true) it fails them with the reason,
// so a licence guard can never pass by not running. KHABAR_SHARED names another location.
import * as fs from 'fs';
import * as path from 'path';

export const SHARED_DIR = process.env['KHABAR_SHARED'] ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared');

let announced = false;

/**
 * The path of `rel` inside the shared folder, or undefined (after skipping the test or hook) when
 * it is missing outside CI. In CI a missing file is an error naming the file and the variable.
 */
export function sharedFile(rel: string, ctx?: Mocha.Context): string | undefined {
  const file = path.join(SHARED_DIR, rel);
  if (fs.existsSync(file)) return file;
  if (process.env['CI'] === 'true' || process.env['CI'] === '1') {
    throw new Error(`${file} is missing: in CI the tests that read the shared reference material must run (set KHABAR_SHARED to the folder holding ${rel})`);
  }
  if (!announced) {
    announced = true;
    console.warn(`    (${SHARED_DIR} is absent: the tests that read it are skipped here; in CI they fail. See test/unit/shared.ts)`);
  }
  ctx?.skip();
  return undefined;
}
