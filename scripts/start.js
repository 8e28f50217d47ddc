#!/usr/bin/env node
// `npm start` (after the build): the sample article open in VS Code with Khabar loaded from this
// checkout. Desktop `code` when on PATH; otherwise the embedded VS Code (code-server, installed on
// first use under test/e2e/) on 127.0.0.1, until Ctrl+C. KHABAR_EMBEDDED=1 forces the embedded one,
// KHABAR_PORT picks its port.
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SAMPLE = path.join(ROOT, 'samples', 'sample-article.ar.txt');

function onPath(cmd) {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  for (const d of dirs) {
    for (const e of exts) {
      const p = path.join(d, cmd + e);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return p;
      } catch {
        /* keep looking */
      }
    }
  }
  return undefined;
}

function startDesktop(code) {
  const args = [`--extensionDevelopmentPath=${ROOT}`, SAMPLE];
  console.log(`${code} ${args.join(' ')}`);
  const child = childProcess.spawn(code, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (c) => process.exit(c ?? 0));
}

async function startEmbedded() {
  const { ensureHarness, startCodeServer, remoteUri, RUN_DIR } = require('../test/e2e/harness');
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    console.error('dist/extension.js is missing: run `npm start` (it builds first) or `node esbuild.js`.');
    process.exit(1);
  }
  ensureHarness();
  const port = process.env.KHABAR_PORT ? Number(process.env.KHABAR_PORT) : undefined;
  // A profile kept between runs (settings, layout), under the gitignored test/e2e/.run/.
  const server = await startCodeServer({
    base: path.join(RUN_DIR, 'start'),
    port,
    settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false },
  });
  // The workbench takes the development extension and the file to open from the URL's payload,
  // like `code --extensionDevelopmentPath`: reload the page after a rebuild (`npm run watch`).
  const url = server.url(path.dirname(SAMPLE), [
    ['extensionDevelopmentPath', remoteUri(server.port, ROOT)],
    ['openFile', remoteUri(server.port, SAMPLE)],
  ]);
  console.log('\nKhabar is loaded in VS Code (code-server 4.100.3) at:\n');
  console.log(`  ${url}\n`);
  console.log('Open that address in a browser on this machine. Ctrl+C stops the server.');
  let stopping = false;
  const stop = () => {
    stopping = true;
    server.stop();
    setTimeout(() => process.exit(0), 500);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (c) => {
    if (stopping) return;
    console.error(`code-server exited (${c}); its output:\n${server.output().slice(-2000)}`);
    process.exit(c ?? 1);
  });
}

const code = process.env.KHABAR_EMBEDDED === '1' ? undefined : onPath('code');
if (code) startDesktop(code);
else
  startEmbedded().catch((e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(1);
  });
