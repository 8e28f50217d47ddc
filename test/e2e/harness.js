// The pieces shared by test/e2e/run.js and scripts/start.js: install the pinned code-server and
// playwright-core into test/e2e/node_modules on first use, and start a throwaway code-server.
// Offline recipe and its pitfalls: design/E2E.md in the shared reference folder beside the clone
// (../shared, outside the repo; kept in sync with the comments here).
'use strict';

const childProcess = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const E2E_DIR = __dirname;
const ROOT = path.resolve(E2E_DIR, '..', '..');
const RUN_DIR = path.join(E2E_DIR, '.run');
const MODULES = path.join(E2E_DIR, 'node_modules');
const CODE_SERVER_ENTRY = path.join(MODULES, 'code-server', 'out', 'node', 'entry.js');
const INSTALL_STAMP = path.join(MODULES, '.khabar-harness-stamp');
// @vscode/ripgrep 1.15.11 (inside code-server 4.100.3) downloads this archive from GitHub; we
// put Debian's rg in its cache instead.
const RIPGREP_CACHE = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function log(msg) {
  process.stderr.write(`[e2e] ${msg}\n`);
}

/** Hash of what decides the install, so a changed pin reinstalls and an unchanged one is a no-op. */
function installKey() {
  const h = crypto.createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) {
    const p = path.join(E2E_DIR, f);
    if (fs.existsSync(p)) h.update(fs.readFileSync(p));
  }
  h.update(process.version);
  return h.digest('hex');
}

function harnessInstalled() {
  return (
    fs.existsSync(CODE_SERVER_ENTRY) &&
    fs.existsSync(path.join(MODULES, 'playwright-core', 'package.json')) &&
    fs.existsSync(INSTALL_STAMP) &&
    fs.readFileSync(INSTALL_STAMP, 'utf8').trim() === installKey()
  );
}

function seedRipgrepCache() {
  const archive = path.join(RIPGREP_CACHE, RIPGREP_ARCHIVE);
  if (fs.existsSync(archive)) return;
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => fs.existsSync(p));
  if (!rg) {
    log('no system rg found (apt-get install ripgrep): @vscode/ripgrep will try GitHub and may fail');
    return;
  }
  fs.mkdirSync(RIPGREP_CACHE, { recursive: true });
  childProcess.execFileSync('tar', ['czf', archive, '-C', path.dirname(rg), 'rg']);
}

/**
 * Installs code-server + playwright-core into test/e2e/node_modules (never the root install).
 * Idempotent: returns at once when the stamp matches. Returns the seconds spent (0 when skipped).
 */
function ensureHarness() {
  if (harnessInstalled()) return 0;
  const release = installLock();
  try {
    // Another run may have installed it while we waited for the lock.
    return harnessInstalled() ? 0 : install();
  } finally {
    release();
  }
}

/** A directory lock, so two runs starting together do not install over each other. */
function installLock() {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const lock = path.join(RUN_DIR, 'install-lock');
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return () => fs.rmSync(lock, { recursive: true, force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const age = Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (age > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`waited 15 min for ${lock}; remove it if no install is running`);
      else childProcess.execFileSync('sleep', ['2']);
    }
  }
}

function install() {
  const started = Date.now();
  log('installing the e2e harness (code-server 4.100.3 + playwright-core) into test/e2e/node_modules …');
  seedRipgrepCache();
  const env = {
    ...process.env,
    // node-gyp would otherwise fetch Node's headers from the internet.
    npm_config_nodedir: process.env.npm_config_nodedir || '/usr',
    // node-pty's postinstall runs `npx node-gyp`, which aborts under yes=false.
    npm_config_yes: 'true',
    // code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // npm test runs us as a lifecycle script: drop the parent's npm_* that would leak into this
  // separate project (its lifecycle event, its package.json fields).
  for (const k of Object.keys(env)) {
    if (k.startsWith('npm_package_') || k.startsWith('npm_lifecycle_')) delete env[k];
  }
  for (const k of ['npm_config_local_prefix', 'npm_command', 'INIT_CWD']) delete env[k];
  const hasLock = fs.existsSync(path.join(E2E_DIR, 'package-lock.json'));
  const args = [hasLock ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'];
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = childProcess.spawnSync(npm, args, { cwd: E2E_DIR, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) throw new Error(`npm ${args[0]} in test/e2e failed (exit ${res.status})`);
  if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server did not install: ${CODE_SERVER_ENTRY} missing`);
  // code-server's postinstall installs lib/vscode's own dependencies; check the native ones.
  const vscodeModules = path.join(MODULES, 'code-server', 'lib', 'vscode', 'node_modules');
  for (const m of ['node-pty/build/Release/pty.node', '@vscode/spdlog/build/Release/spdlog.node']) {
    if (!fs.existsSync(path.join(vscodeModules, m))) throw new Error(`code-server's postinstall did not build ${m}`);
  }
  fs.writeFileSync(INSTALL_STAMP, installKey() + '\n');
  const seconds = (Date.now() - started) / 1000;
  log(`harness installed in ${seconds.toFixed(0)} s`);
  return seconds;
}

/** Builds dist/ and out/ if missing (npm test builds them first; `node test/e2e/run.js` alone may not). */
function ensureBuilt() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    log('dist/extension.js missing: node esbuild.js');
    childProcess.execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!fs.existsSync(path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js'))) {
    log('out/test/e2e/suite missing: tsc -p tsconfig.test.json');
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    childProcess.execFileSync(process.execPath, [tsc, '-p', 'tsconfig.test.json'], { cwd: ROOT, stdio: 'inherit' });
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
};

/**
 * A throwaway VS Code: its own port, profile, extensions dir and XDG dirs under `base`.
 * Returns { port, url(folder, payload), installExtension(vsix), stop(), output() }.
 */
async function startCodeServer({ base, settings = {}, port, quiet = true, locale, workspaceTrust = false }) {
  fs.mkdirSync(base, { recursive: true });
  const dirs = {
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    xdg: path.join(base, 'xdg'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2),
  );
  port = port || (await freePort());
  const config = path.join(base, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    XDG_STATE_HOME: path.join(dirs.xdg, 'state'),
  };
  // Inside a VS Code terminal this hook would make code-server hand the request to that window.
  delete env.VSCODE_IPC_HOOK_CLI;
  const common = ['--config', config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  const installExtension = (vsix) => {
    const res = childProcess.spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...common, '--install-extension', vsix, '--force'], {
      env,
      encoding: 'utf8',
      timeout: 120000,
    });
    if (res.status !== 0) throw new Error(`code-server --install-extension failed:\n${res.stdout}\n${res.stderr}`);
  };

  let out = '';
  const child = childProcess.spawn(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      ...common,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      // Trust is off (every folder trusted) unless a test checks Restricted Mode.
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      // The display language; it takes effect only with a language pack for it installed.
      ...(locale ? ['--locale', locale] : []),
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let exited = false;
  const stop = () => {
    if (exited || child.pid === undefined) return;
    exited = true;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    // A process group that ignores SIGTERM must still go, but after its chance to clean up.
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 3000);
    t.unref();
  };
  const killNow = () => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.on('exit', killNow);
  child.on('exit', () => {
    exited = true;
  });

  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${out}`)), 60000);
    const onData = (chunk) => {
      const s = chunk.toString();
      out += s;
      if (!quiet) process.stderr.write(s);
      if (out.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${out}`));
    });
  });

  const url = (folder, payload) => {
    const u = new URL(`http://127.0.0.1:${port}/`);
    if (folder) u.searchParams.set('folder', folder);
    if (payload) u.searchParams.set('payload', JSON.stringify(payload));
    return u.toString();
  };
  return { port, url, installExtension, stop, output: () => out, pid: child.pid, child, dirs };
}

/** `vscode-remote://` form of a server path, as the workbench's payload expects. */
function remoteUri(port, p) {
  return `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
}

/** Ctrl+P, the file's exact name, its row; waits until its tab is active and its editor drawn. */
async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.waitFor();
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.tab.active .label-name', { hasText: exact }).first().waitFor();
  await page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines').first().waitFor();
}

/** Opens the workspace in a workbench with workspace trust on and answers VS Code's trust prompt No (Restricted Mode). */
async function openUntrusted(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor();
  const no = page.locator('.monaco-dialog-box .monaco-button', { hasText: /No|Don't Trust|Restricted/i }).first();
  await no.waitFor();
  await no.click();
  await page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });
}

/**
 * The annotations of a sidecar on disk, read with the root install's yaml, each target with its
 * absolute start and end as Khabar computes them: formats 2 and 3 store `step`, the distance from
 * the previous record that is not an orphan (3 is 2 with a `/` far); format 1 stored start/end.
 * [] while the file is absent.
 */
function sidecarAnnotations(file) {
  if (!fs.existsSync(file)) return [];
  const YAML = require(path.join(ROOT, 'node_modules', 'yaml'));
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  const list = (doc && doc.annotations) || [];
  if (doc && (doc.khabar === 2 || doc.khabar === 3)) {
    let at = 0;
    for (const a of list) {
      const start = at + a.target.step;
      a.target = { ...a.target, start, end: start + a.target.exact.length };
      if (a.orphan !== true) at = start;
    }
  }
  return list;
}

module.exports = {
  ROOT,
  sidecarAnnotations,
  openUntrusted,
  quickOpen,
  E2E_DIR,
  RUN_DIR,
  CODE_SERVER_ENTRY,
  MODULES,
  log,
  ensureHarness,
  installKey,
  ensureBuilt,
  startCodeServer,
  remoteUri,
  freePort,
};
