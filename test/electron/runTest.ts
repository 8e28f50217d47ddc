// Runs the e2e suite (test/e2e/suite) in a downloaded desktop VS Code, for machines with internet:
// `npm run test:electron`. Offline machines use test/e2e/run.js (code-server) instead.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // out/test/electron/runTest.js → the repository root.
  const root = path.resolve(__dirname, '..', '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-electron-'));
  fs.copyFileSync(path.join(root, 'samples', 'sample-article.ar.txt'), path.join(workspace, 'sample-article.ar.txt'));
  try {
    await runTests({
      // The oldest VS Code the extension supports (engines.vscode), like the code-server harness.
      version: process.env.KHABAR_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'e2e', 'suite', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
