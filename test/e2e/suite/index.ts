// Mocha runner loaded by VS Code's extension host (extensionTestsPath): code-server through
// test/e2e/run.js, or a downloaded VS Code through test/electron/runTest.ts.
import * as fs from 'fs';
import * as path from 'path';
import type MochaType from 'mocha';

/** Lines run.js looks for (keep in sync with test/e2e/run.js): where mocha's output starts, and the counts. */
export const BEGIN_MARKER = 'KHABAR_E2E_BEGIN';
export const RESULT_MARKER = 'KHABAR_E2E_RESULT';

export function run(): Promise<void> {
  // mocha 12's main entry is ESM; its CommonJS build loads in every extension host, including
  // Electron builds whose Node cannot require() ESM.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha/lib/mocha.cjs') as typeof MochaType;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.KHABAR_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  console.log(BEGIN_MARKER);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      console.log(`${RESULT_MARKER} ${JSON.stringify({ passed: stats?.passes ?? 0, failed: failures, pending: stats?.pending ?? 0 })}`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
