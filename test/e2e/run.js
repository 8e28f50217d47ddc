#!/usr/bin/env node
// End-to-end tests of Khabar in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven by
// Debian's chromium: (1) the mocha suite inside the extension host, (2) what a user sees and does.
// Usage: node test/e2e/run.js [--host-only|--ui-only] [--keep] [--only=host,ui,arabic,restricted,reading]   (see test/e2e/README.md)
'use strict';

const crypto = require('crypto');
const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');
const util = require('util');
const { ROOT, RUN_DIR, log, ensureHarness, ensureBuilt, startCodeServer, remoteUri, openUntrusted, sidecarAnnotations } = require('./harness');
const { runWordOrderTests } = require('./wordOrder');
const { runReaderTests } = require('./reader');

// Printed by test/e2e/suite/index.ts around mocha's own output.
const BEGIN_MARKER = 'KHABAR_E2E_BEGIN';
const RESULT_MARKER = 'KHABAR_E2E_RESULT';
const SAMPLE = path.join(ROOT, 'samples', 'sample-article.ar.txt');
const SCREENSHOTS = path.join(RUN_DIR, 'screenshots');
// Servers, profiles and workspaces of this run only: helpers and CI may run the suite concurrently.
const WORK = path.join(RUN_DIR, `run-${process.pid}`);
const CHROMIUM = process.env.KHABAR_CHROMIUM || '/usr/bin/chromium';
// Measured: 6.7 min for the six sessions on 2 cores (the word-order and reader sessions take half); a hung workbench fails here.
const TOTAL_BUDGET_MS = Number(process.env.KHABAR_E2E_TIMEOUT_MS || 20 * 60_000);
const HOST_SUITE_TIMEOUT_MS = 120_000;
// Generous: a loaded 2-core machine makes the workbench take tens of seconds for what is instant alone.
const STEP_TIMEOUT_MS = 60_000;

const argv = new Set(process.argv.slice(2));
const results = []; // { group, name, ok, ms, error }
const cleanups = [];

function record(group, name, ok, ms, error) {
  results.push({ group, name, ok, ms, error });
  const mark = ok ? 'ok  ' : 'FAIL';
  process.stdout.write(`  ${mark} ${group}: ${name}${ms !== undefined ? ` (${ms} ms)` : ''}\n`);
  if (!ok && error) process.stdout.write(`         ${String(error).split('\n').join('\n         ')}\n`);
}

async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await Promise.race([fn(), new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      /* best effort: the process group is killed on exit anyway */
    }
  }
}

/** A fresh workspace folder holding a copy of the sample, so tests may edit and save freely. */
function freshWorkspace(name) {
  const ws = path.join(WORK, name);
  fs.rmSync(ws, { recursive: true, force: true });
  fs.mkdirSync(ws, { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(ws, path.basename(SAMPLE)));
  return ws;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--lang=en-US',
];

async function launchBrowser(name) {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install chromium, or set KHABAR_CHROMIUM)`);
  const profile = path.join(WORK, `${name}-chromium-profile`);
  fs.rmSync(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'en-US',
  });
  cleanups.push(() => context.close());
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return { context, page };
}

// ---------------------------------------------------------------------------------------------
// 1. Mocha inside the extension host, through the workbench's `payload` URL parameter.

async function runHostSuite() {
  const group = 'host';
  const started = Date.now();
  const server = await startCodeServer({ base: path.join(WORK, 'host-server') });
  cleanups.push(async () => server.stop());
  const ws = freshWorkspace('host-workspace');
  const testsPath = path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index');
  const url = server.url(ws, [
    ['extensionDevelopmentPath', remoteUri(server.port, ROOT)],
    ['extensionTestsPath', remoteUri(server.port, testsPath)],
  ]);
  const { page } = await launchBrowser('host');
  let summary;
  let resolveExit;
  const exitCode = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  // Everything the workbench logs goes to a file; mocha's part (between the markers) is echoed.
  const logFile = path.join(RUN_DIR, 'host-workbench.log');
  fs.mkdirSync(RUN_DIR, { recursive: true });
  fs.writeFileSync(logFile, '');
  let echo = false;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const parts = Array.isArray(args) ? args : [args];
    const text = typeof parts[0] === 'string' ? util.format(...parts) : parts.map((a) => JSON.stringify(a)).join(' ');
    fs.appendFileSync(logFile, `[${type}] ${text}\n`);
    for (const line of text.split('\n')) {
      if (line.includes(BEGIN_MARKER)) {
        echo = true;
        continue;
      }
      const at = line.indexOf(RESULT_MARKER);
      if (at >= 0) {
        echo = false;
        try {
          summary = JSON.parse(line.slice(at + RESULT_MARKER.length).trim());
        } catch {
          /* a truncated marker is reported as missing below */
        }
        continue;
      }
      if (echo) process.stdout.write(`    │ ${line}\n`);
    }
  });
  page.on('pageerror', (e) => process.stdout.write(`    │ [page error] ${e.message}\n`));
  await page.goto(url);
  const code = await Promise.race([
    exitCode,
    new Promise((resolve) => setTimeout(() => resolve('timeout'), HOST_SUITE_TIMEOUT_MS)),
  ]);
  const ms = Date.now() - started;
  if (code === 'timeout') {
    await page.screenshot({ path: path.join(SCREENSHOTS, 'host-timeout.png') }).catch(() => undefined);
    record(group, 'extension-host suite', false, ms, `no exit code within ${HOST_SUITE_TIMEOUT_MS / 1000} s`);
  } else if (!summary) {
    record(group, 'extension-host suite', false, ms, `exit code ${code} and no ${RESULT_MARKER} line (did the suite load? see ${logFile})`);
  } else {
    for (let i = 0; i < summary.passed; i++) results.push({ group, name: 'mocha', ok: true });
    for (let i = 0; i < summary.failed; i++) results.push({ group, name: 'mocha', ok: false });
    // A suite that ran nothing (a file not compiled, a grep that matched nothing) is not a pass.
    if (summary.passed + summary.failed === 0) record(group, 'extension-host suite', false, ms, 'no test ran');
    const ok = code === 0 && summary.failed === 0 && summary.passed > 0;
    process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'} ${group}: mocha ${summary.passed} passed, ${summary.failed} failed, exit ${code} (${ms} ms)\n`);
    if (code !== 0 && summary.failed === 0) record(group, 'extension host exit code', false, undefined, `exit ${code}`);
  }
  await cleanup();
}

// ---------------------------------------------------------------------------------------------
// 3. In VS Code's Arabic display language. The official Arabic language pack comes from the
// Marketplace, which these machines cannot reach, so a test-only pack switches the display
// language: VS Code's own menus stay English (it translates nothing of theirs), while everything
// Khabar contributes (package.nls.ar.json) and says (l10n/bundle.l10n.ar.json) must be Arabic.

function packageArabicLanguagePack() {
  const dir = path.join(WORK, 'ar-language-pack');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
  const manifest = {
    name: 'khabar-e2e-arabic-pack',
    displayName: 'Arabic display language for Khabar e2e tests',
    description: 'Switches the display language to Arabic; translates none of VS Code.',
    publisher: 'khabar-e2e',
    version: '0.0.1',
    license: 'MIT',
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        { languageId: 'ar', languageName: 'Arabic', localizedLanguageName: 'العربية', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] },
      ],
    },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(dir, 'README.md'), '# Test-only Arabic display language\n');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  return vscePackage(dir, path.join(WORK, 'ar-language-pack.vsix'));
}

async function runArabicUiTests() {
  const group = 'arabic';
  if (!packagedVsix) {
    record(group, 'Arabic display language', false, undefined, 'skipped: the user session did not package the extension');
    return;
  }
  const ar = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.ar.json'), 'utf8'));
  const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.ar.json'), 'utf8'));
  const ws = freshWorkspace('ar-workspace');
  const server = await freshServer('ar', {
    locale: 'ar',
    settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 16, 'editor.minimap.enabled': false, 'editor.wordWrap': 'on' },
  });
  const installed = await step(group, 'install a test-only Arabic language pack and the .vsix', async () => {
    server.installExtension(packageArabicLanguagePack());
    server.installExtension(packagedVsix);
    // The desktop registers installed packs in languagepacks.json as it installs them; code-server's
    // command-line install does not, so the test writes the entry the server reads for --locale.
    const packDir = fs.readdirSync(server.dirs.extensions).find((d) => d.startsWith('khabar-e2e.khabar-e2e-arabic-pack-'));
    if (!packDir) throw new Error(`the language pack is not in ${server.dirs.extensions}`);
    const entry = {
      hash: crypto.createHash('md5').update(packDir).digest('hex'),
      extensions: [{ extensionIdentifier: { id: 'khabar-e2e.khabar-e2e-arabic-pack' }, version: '0.0.1' }],
      translations: { vscode: path.join(server.dirs.extensions, packDir, 'translations', 'main.i18n.json') },
      label: 'العربية',
    };
    fs.writeFileSync(path.join(server.dirs.userData, 'languagepacks.json'), JSON.stringify({ ar: entry }));
  });
  if (!installed) return;
  const { page } = await launchBrowser('arabic');
  currentPage = page;
  const shot = (name) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

  const opened = await step(group, 'VS Code starts in Arabic and opens the sample article', async () => {
    await page.goto(server.url(ws));
    await page.locator('.monaco-workbench').waitFor();
    // The workbench's NLS language (set from --locale when a language pack for it is installed).
    const lang = await page.evaluate(() => String(globalThis._VSCODE_NLS_LANGUAGE || document.documentElement.lang || ''));
    if (!/^ar/.test(lang)) throw new Error(`the workbench language is "${lang}", not Arabic`);
    await quickOpenSample(page);
    await waitUntil('figure highlights', async () => (await decorationBoxes(page, 'khabar.figureBackground', 'light')).length >= 3);
  });
  if (!opened) return;

  await step(group, 'the command palette lists Khabar\'s commands in Arabic, under خبر', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${ar.category}: `);
    const labels = page.locator('.quick-input-list .monaco-list-row .label-name');
    await labels.first().waitFor();
    const want = ['command.detect', 'command.tagClaim', 'command.setVerdict', 'command.export'].map((k) => ar[k]).filter(Boolean);
    if (want.length < 3) throw new Error('package.nls.ar.json lacks the titles this step looks for');
    for (const title of want.slice(0, 2)) {
      await input.fill(`>${ar.category}: ${title}`);
      await page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: `${ar.category}: ${title}` }).first().waitFor();
    }
    await input.fill(`>${ar.category}: `);
    await page.waitForTimeout(300);
    // Each row's title, not the English alias VS Code prints under it in a non-English UI. The
    // "Focus on … View" commands are VS Code's own, and the test pack translates none of VS Code.
    const shown = await page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) =>
      rows.map((r) => (r.querySelector('.label-name') || r).textContent || ''),
    );
    const english = shown.filter((t) => !/^\S+: Focus on /.test(t) && /[A-Za-z]{3,}/.test(t.replace(/JSON|CSV|CoNLL|JSONL|W3C|brat|Markdown|HTML|YAML/g, '')));
    if (shown.length < 5) throw new Error(`only ${shown.length} rows for "${ar.category}: "`);
    if (english.length) throw new Error(`command titles still in English: ${english.join(' | ')}`);
    await shot('arabic-palette');
    fs.copyFileSync(path.join(SCREENSHOTS, 'arabic-palette.png'), path.join(SCREENSHOTS, 'screenshot-arabic-candidate.png'));
    await page.keyboard.press('Escape');
  });

  await step(group, 'running اكتشاف from the palette answers in Arabic', async () => {
    await runCommand(page, 'khabar.detect', 'package.nls.ar.json');
    const found = bundle['Khabar found {0} annotations: {1}'];
    if (!found) throw new Error('l10n/bundle.l10n.ar.json has no translation of the detect message');
    const prefix = found.split('{0}')[0].trim();
    const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: prefix });
    await toast.first().waitFor();
  });

  await step(group, 'hovering a figure explains it in Arabic', async () => {
    await page.keyboard.press('Escape');
    const hover = await hoverOver(page, 'an Arabic figure hover', async () => (await decorationBoxes(page, 'khabar.figureBackground', 'light'))[0], /نسبة مئوية|مبلغ|عدد|تاريخ/);
    await waitUntil('the hover to finish fading in', () => hover.evaluate((el) => el.getAnimations({ subtree: true }).length === 0 && getComputedStyle(el).opacity === '1'));
    await shot('arabic-hover');
    await page.mouse.move(5, 5);
  });

  await step(group, 'the Khabar view and status bar speak Arabic', async () => {
    const container = ar['view.container'];
    await page.locator(`.activitybar .action-label[aria-label^="${container}"]`).first().click();
    await page.locator('.part.sidebar .composite.title', { hasText: container }).first().waitFor();
    // The tree lists the article's annotations grouped by kind, with Arabic group names.
    const rows = page.locator('.part.sidebar .monaco-list-row');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    if (!texts.some((t) => /[\u0600-\u06FF]/.test(t))) throw new Error(`the view shows no Arabic: ${texts.join(' | ')}`);
    if (texts.some((t) => /\b(Figures|People|Places|Organisations|Claims)\b/.test(t))) throw new Error(`English group names in the view: ${texts.join(' | ')}`);
    const status = page.locator('.statusbar-item[id^="khabar."]').first();
    await status.waitFor();
    const tip = (await status.getAttribute('aria-label')) || (await status.innerText());
    if (!/[\u0600-\u06FF]/.test(tip)) throw new Error(`the status bar item is not in Arabic: "${tip}"`);
    await shot('arabic-ui');
  });
  await cleanup();
}

// ---------------------------------------------------------------------------------------------
// 4. Restricted Mode: a folder the user does not trust. Khabar reads (highlights, hovers) and
// refuses to write, saying why; nothing appears on disk.

async function runRestrictedTests() {
  const group = 'restricted';
  if (!packagedVsix) {
    record(group, 'Restricted Mode', false, undefined, 'skipped: the user session did not package the extension');
    return;
  }
  const ws = freshWorkspace('restricted-workspace');
  const article = path.join(ws, 'sample-article.ar.txt');
  const server = await freshServer('restricted', {
    workspaceTrust: true,
    settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'editor.wordWrap': 'on', 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' },
  });
  server.installExtension(packagedVsix);
  const { page } = await launchBrowser('restricted');
  currentPage = page;

  const opened = await step(group, 'the folder opened without trust shows highlights in Restricted Mode', async () => {
    // VS Code asks whether to trust the folder's authors: the user says no.
    await openUntrusted(page, server.url(ws));
    await page.locator('.statusbar-item', { hasText: /Restricted Mode/i }).first().waitFor();
    await quickOpenSample(page);
    await waitUntil('figure highlights', async () => (await decorationBoxes(page, 'khabar.figureBackground', 'dark')).length >= 3);
    await hoverOver(page, 'a figure hover', async () => (await decorationBoxes(page, 'khabar.figureBackground', 'dark'))[0], /percentage|money|number|date/i);
    await page.mouse.move(5, 5);
    // In Restricted Mode VS Code boxes every non-ASCII character by default, i.e. every Arabic
    // letter; the article language turns that off (configurationDefaults) so the text stays readable.
    const banner = page.locator('.editor-banner, .monaco-editor-banner, .editor-container', { hasText: 'non-basic ASCII' });
    if (await banner.count()) throw new Error('VS Code flags the Arabic text as suspicious non-ASCII characters');
  });
  if (!opened) return;

  await step(group, 'Tag as claim is refused with a message and writes nothing', async () => {
    const at = positionOf(article, QUOTE, 4);
    await page.locator('.monaco-editor .view-lines').first().click();
    await goTo(page, at.line, at.column);
    await runCommand(page, 'khabar.tagClaim');
    const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'Restricted Mode' });
    await toast.first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'restricted-mode.png') });
    // Give a (wrong) write the time a debounced save would take before looking at the disk.
    await page.waitForTimeout(1500);
    const written = fs.readdirSync(ws).filter((f) => f.endsWith(SIDECAR_SUFFIX));
    if (written.length) throw new Error(`Restricted Mode wrote ${written.join(', ')}`);
  });
  await cleanup();
}

// ---------------------------------------------------------------------------------------------
// 2. As a user: the packaged extension installed, the article opened, highlights, hover, palette.

function packageVsix() {
  return vscePackage(ROOT, path.join(WORK, 'khabar.vsix'), ['--no-dependencies', '--no-rewrite-relative-links']);
}

/** `vsce package` of the extension folder `dir` into `out` (the root install's vsce); returns `out`. */
function vscePackage(dir, out, flags = []) {
  fs.rmSync(out, { force: true });
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const res = childProcess.spawnSync(process.execPath, [vsce, 'package', '--allow-missing-repository', ...flags, '-o', out], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
  });
  if (res.status !== 0 || !fs.existsSync(out)) throw new Error(`vsce package of ${dir} failed:\n${res.stdout}\n${res.stderr}`);
  return out;
}

/** A code-server with its own fresh profile under this run's folder, stopped at cleanup. */
async function freshServer(name, options) {
  const base = path.join(WORK, `${name}-server`);
  fs.rmSync(base, { recursive: true, force: true });
  const server = await startCodeServer({ base, ...options });
  cleanups.push(async () => server.stop());
  return server;
}

/**
 * Ctrl+P, the sample's name, Enter, as a user opens a file; `phase` (optional) is told when the
 * explorer has the file and when Quick Open lists it.
 */
async function quickOpenSample(page, phase = () => undefined) {
  const name = 'sample-article.ar.txt';
  // The explorer shows the file once the workspace is restored; only then does Quick Open find it.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).waitFor();
  phase('explorer');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  phase('quick open');
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** rgba() of a #rrggbbaa colour, the way Chromium reports computed backgrounds. */
function cssColor(hex) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})?$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb[aa] colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16));
  return { r, g, b };
}

function themeDefault(id, theme) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const c = (pkg.contributes.colors || []).find((x) => x.id === id);
  if (!c) throw new Error(`package.json contributes no colour ${id}`);
  return c.defaults[theme];
}

/** The .vsix packaged by the user session, installed again in the Arabic and Restricted Mode ones. */
let packagedVsix;

async function runUiTests() {
  const group = 'ui';
  const started = Date.now();
  let vsix;
  if (process.env.KHABAR_E2E_VSIX) vsix = path.resolve(process.env.KHABAR_E2E_VSIX);
  else {
    await step(group, 'package the extension with vsce', async () => {
      vsix = packageVsix();
    });
  }
  if (!vsix) return;
  packagedVsix = vsix;
  const ws = freshWorkspace('ui-workspace');
  const server = await freshServer('ui', {
    settings: {
      'workbench.colorTheme': 'Default Dark Modern',
      'editor.fontSize': 16,
      'editor.minimap.enabled': false,
      'editor.wordWrap': 'on',
    },
  });
  await step(group, 'install the .vsix into code-server', async () => server.installExtension(vsix));
  const { page } = await launchBrowser('ui');
  currentPage = page;
  page.on('pageerror', (e) => process.stdout.write(`    │ [page error] ${e.message}\n`));
  const shot = (name) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

  const phases = [];
  let phaseStart = Date.now();
  const phase = (name) => {
    phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(1)} s`);
    phaseStart = Date.now();
  };
  const opened = await step(group, 'open the sample article with Ctrl+P', async () => {
    await page.goto(server.url(ws));
    await page.locator('.monaco-workbench').waitFor();
    phase('workbench');
    await quickOpenSample(page, phase);
    await page.locator('.tab.active', { hasText: 'sample-article.ar.txt' }).waitFor();
    // The language Khabar contributes for *.ar.txt, shown in the status bar.
    await page.locator('#status\\.editor\\.mode', { hasText: 'Arabic News Article' }).waitFor();
    phase('editor');
  });
  process.stdout.write(`         ${phases.join(', ')}\n`);
  if (!opened) {
    await shot('ui-open-failed').catch(() => undefined);
    return;
  }

  // The colour defaults the extension contributes, for the theme kind the workbench shows.
  const themeKind = await page.evaluate(() => {
    const c = document.querySelector('.monaco-workbench').classList;
    return c.contains('hc-light') ? 'highContrastLight' : c.contains('hc-black') ? 'highContrast' : c.contains('vs-dark') ? 'dark' : 'light';
  });
  const figureRgb = cssColor(themeDefault('khabar.figureBackground', themeKind));
  const figureBoxes = () =>
    page.evaluate(({ r, g, b }) => {
      const out = [];
      for (const el of document.querySelectorAll('.monaco-editor .view-overlays [class*="ced-"]')) {
        const bg = getComputedStyle(el).backgroundColor;
        const m = /rgba?\((\d+), (\d+), (\d+)/.exec(bg);
        if (!m || +m[1] !== r || +m[2] !== g || +m[3] !== b) continue;
        const rect = el.getBoundingClientRect();
        if (rect.width < 2 || rect.height < 2) continue;
        out.push({ x: rect.x, y: rect.y, w: rect.width, h: rect.height });
      }
      return out.sort((a, b2) => a.y - b2.y || b2.x - a.x);
    }, figureRgb);

  let boxes = [];
  const highlighted = await step(group, 'figures are highlighted in the editor', async () => {
    await waitUntil('figure highlights', async () => {
      boxes = await figureBoxes();
      return boxes.length >= 3;
    });
  });

  if (highlighted) {
    await step(group, 'hovering a highlighted figure explains it', async () => {
      // The headline's first highlight is "25%"; any figure's hover names its type.
      const hover = await hoverOver(page, 'a figure hover', async () => (await figureBoxes())[0], /percentage|money|number|date/i);
      const text = await hover.innerText();
      if (!/نسبة مئوية|مبلغ|عدد|تاريخ/.test(text)) throw new Error(`hover has no Arabic label: ${text}`);
      await shot('hover-figure');
      fs.copyFileSync(path.join(SCREENSHOTS, 'hover-figure.png'), path.join(SCREENSHOTS, 'readme-candidate.png'));
    });
  }

  await step(group, 'command palette: Toggle highlights hides and restores them', async () => {
    await page.mouse.move(5, 5);
    await runCommand(page, 'khabar.toggleHighlights');
    await waitUntil('highlights to disappear', async () => (await figureBoxes()).length === 0);
    await runCommand(page, 'khabar.toggleHighlights');
    await waitUntil('highlights to return', async () => (await figureBoxes()).length >= 3);
  });

  await step(group, 'command palette: Detect reports its counts', async () => {
    await runCommand(page, 'khabar.detect');
    const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'Khabar found' });
    await toast.first().waitFor();
    const text = await toast.first().innerText();
    if (!/Khabar found \d+ annotations: .*PERCENT \d+/.test(text)) throw new Error(`unexpected notification: ${text}`);
    await shot('detect-notification');
  });
  await factCheckerLoop(page, ws, shot);
  process.stdout.write(`  ui: ${Date.now() - started} ms\n`);
  await cleanup();
}

const SIDECAR_SUFFIX = '.annotations.yaml';
const QUOTE = '«لن نسمح';
// Typed above the headline in the "edit the article" step; Enter adds one more character.
const INSERTED_LINE = 'تحديث: أضيف هذا السطر بعد النشر';

/** The claims of the sidecar on disk (parsed with the root install's yaml), or [] while it is absent. */
function sidecarClaims(sidecar) {
  return sidecarAnnotations(sidecar).filter((a) => a.kind === 'claim');
}

/** Boxes of the editor's decorations whose computed background is the contributed colour `id`. */
function decorationBoxes(page, id, theme) {
  return page.evaluate(({ r, g, b }) => {
    const out = [];
    for (const el of document.querySelectorAll('.monaco-editor .view-overlays [class*="ced-"]')) {
      const m = /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(el).backgroundColor);
      if (!m || +m[1] !== r || +m[2] !== g || +m[3] !== b) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width >= 2 && rect.height >= 2) out.push({ x: rect.x, y: rect.y, w: rect.width, h: rect.height });
    }
    return out.sort((a, b2) => a.y - b2.y || b2.x - a.x);
  }, cssColor(themeDefault(id, theme)));
}

/** Ctrl+G to line:column (1-based), as a user puts the cursor somewhere. */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  // Go to Line is Quick Open's ':' mode; fill() replaces the prefix, so it is typed again.
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Line and column (1-based) of a string in a file on disk, plus `into` characters. */
function positionOf(file, needle, into = 0) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`${path.basename(file)} has no ${needle}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 + into };
}

/** Clicks the row of the open quick pick whose text contains `text`. */
async function pickRow(page, text) {
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor();
  await row.click();
}

/**
 * Issue 7's loop as a user does it: tag the quote from the Ctrl+. menu, set a verdict from the
 * quick pick, edit above it, reload the window, export — checking the sidecar on disk after each.
 */
async function factCheckerLoop(page, ws, shot) {
  const group = 'ui';
  const article = path.join(ws, 'sample-article.ar.txt');
  const sidecar = article + SIDECAR_SUFFIX;
  const theme = await page.evaluate(() => (document.querySelector('.monaco-workbench').classList.contains('vs-dark') ? 'dark' : 'light'));
  const quoteClaim = () => sidecarClaims(sidecar).find((c) => c.target.exact.includes('لن نسمح'));
  const hover = page.locator('.monaco-hover:not(.hidden)');
  let tagged;

  const ok = await step(group, 'Ctrl+. on the quote offers Tag as claim; picking it writes the sidecar', async () => {
    const at = positionOf(article, QUOTE, 4);
    await page.locator('.monaco-editor .view-lines').first().click();
    await goTo(page, at.line, at.column);
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Tag as claim' }).first();
    await item.waitFor();
    // The menu is driven by the keyboard, as a user does after Ctrl+.: move to the row, Enter.
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let i = 0; i < 6 && !/Tag as claim/.test(await focused.first().innerText().catch(() => '')); i++) await page.keyboard.press('ArrowDown');
    if (!/Tag as claim/.test(await focused.first().innerText())) throw new Error('could not focus Tag as claim in the Ctrl+. menu');
    await page.keyboard.press('Enter');
    await waitUntil(`the claim in ${path.basename(sidecar)}`, async () => (tagged = quoteClaim()) !== undefined);
    const text = fs.readFileSync(article, 'utf8');
    if (text.slice(tagged.target.start, tagged.target.end) !== tagged.target.exact) throw new Error(`sidecar offsets do not match the text: ${JSON.stringify(tagged.target)}`);
    if (tagged.status !== 'accepted' || tagged.claim?.verdict) throw new Error(`unexpected new claim: ${JSON.stringify(tagged)}`);
    await waitUntil('the tagged-claim highlight', async () => (await decorationBoxes(page, 'khabar.claimTaggedBackground', theme)).length > 0);
  });
  if (!ok) return;

  const rated = await step(group, 'Set verdict… from the palette, pick مضلل: the sidecar says misleading', async () => {
    await runCommandKeepOpen(page, 'khabar.setVerdict');
    await pickRow(page, 'مضلل');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await waitUntil('verdict: misleading on disk', async () => quoteClaim()?.claim?.verdict === 'misleading');
    if (!/verdict: misleading/.test(fs.readFileSync(sidecar, 'utf8'))) throw new Error('the sidecar text has no "verdict: misleading" line');
    // The hover over the claim shows the verdict; this is docs/screenshot-claim.png, so no toast in front.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Notifications: Clear All Notifications');
    await pickRow(page, 'Clear All Notifications');
    await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden' }).catch(() => undefined);
    await hoverOver(page, 'the claim hover with its verdict', async () => (await decorationBoxes(page, 'khabar.claimTaggedBackground', theme))[0], /مضلل/);
    // The hover fades in: wait for its animation to end before the screenshot.
    await waitUntil('the hover to finish fading in', () => hover.first().evaluate((el) => el.getAnimations({ subtree: true }).length === 0 && getComputedStyle(el).opacity === '1'));
    await shot('claim-verdict');
    fs.copyFileSync(path.join(SCREENSHOTS, 'claim-verdict.png'), path.join(SCREENSHOTS, 'screenshot-claim-candidate.png'));
    await page.mouse.move(5, 5);
  });
  if (!rated) return;

  await step(group, 'typing a line above the claim and saving: the sidecar keeps the words, shifted', async () => {
    const before = quoteClaim();
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(INSERTED_LINE);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+S');
    const shift = INSERTED_LINE.length + 1;
    await waitUntil('the article saved with the new line', async () => fs.readFileSync(article, 'utf8').startsWith(INSERTED_LINE + '\n'));
    let after;
    await waitUntil('the claim to move in the sidecar', async () => (after = quoteClaim())?.target.start === before.target.start + shift);
    if (after.target.exact !== before.target.exact) throw new Error(`claim text changed: ${after.target.exact}`);
    if (after.target.end !== before.target.end + shift) throw new Error(`end ${after.target.end}, expected ${before.target.end + shift}`);
    const text = fs.readFileSync(article, 'utf8');
    if (text.slice(after.target.start, after.target.end) !== after.target.exact) throw new Error('the shifted offsets do not select the claim in the saved article');
    if (after.claim?.verdict !== 'misleading') throw new Error('the verdict was lost');
  });

  await step(group, 'after Developer: Reload Window the claim is still drawn, rated and on disk', async () => {
    await page.evaluate(() => (window.__khabarBeforeReload = true));
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>Developer: Reload Window');
    await pickRow(page, 'Developer: Reload Window');
    await waitUntil('the page to reload', async () => !(await page.evaluate(() => window.__khabarBeforeReload === true).catch(() => true)));
    await page.locator('.monaco-workbench').waitFor();
    const tab = page.locator('.tab', { hasText: 'sample-article.ar.txt' });
    await tab.first().waitFor();
    await tab.first().click();
    await waitUntil('the tagged claim drawn again', async () => (await decorationBoxes(page, 'khabar.claimTaggedBackground', theme)).length > 0);
    await hoverOver(page, 'the claim hover after reload', async () => (await decorationBoxes(page, 'khabar.claimTaggedBackground', theme))[0], /مضلل/);
    await page.mouse.move(5, 5);
    const c = quoteClaim();
    if (!c || c.claim?.verdict !== 'misleading') throw new Error(`sidecar after reload: ${JSON.stringify(c)}`);
  });

  await step(group, 'Khabar: Export… as JSON writes the claim with its verdict', async () => {
    const out = path.join(ws, 'sample-article-khabar-json.json');
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommandKeepOpen(page, 'khabar.export');
    await pickRow(page, 'JSON, lossless');
    await pickRow(page, 'This article');
    await pickRow(page, 'Reviewed annotations only');
    // code-server's save dialog is a quick input holding the suggested path: accept it.
    const input = page.locator('.quick-input-widget input');
    await waitUntil('the save dialog with the suggested name', async () => /sample-article-khabar-json\.json$/.test(await input.inputValue()));
    await page.keyboard.press('Enter');
    await waitUntil(`${path.basename(out)} written`, async () => fs.existsSync(out) && fs.statSync(out).size > 0);
    let exported;
    await waitUntil('a complete JSON export', async () => {
      try {
        exported = JSON.parse(fs.readFileSync(out, 'utf8'));
        return true;
      } catch {
        return false;
      }
    });
    const json = JSON.stringify(exported);
    if (!json.includes('لن نسمح') || !json.includes('"misleading"')) throw new Error(`the export lacks the rated claim: ${json.slice(0, 400)}`);
  });
}

/** "Category: Title" of a contributed command, as the palette shows it (titles come from package.nls.json). */
function commandTitle(id, nlsFile = 'package.nls.json') {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const nls = JSON.parse(fs.readFileSync(path.join(ROOT, nlsFile), 'utf8'));
  const c = (pkg.contributes.commands || []).find((x) => x.command === id);
  if (!c) throw new Error(`package.json contributes no command ${id}`);
  const resolve = (s) => (typeof s === 'string' && /^%.*%$/.test(s) ? nls[s.slice(1, -1)] : s);
  return c.category ? `${resolve(c.category)}: ${resolve(c.title)}` : resolve(c.title);
}

/** F1, type the command's title, pick exactly that row; the command's own quick picks may follow. */
async function runCommandKeepOpen(page, id, nlsFile) {
  const title = commandTitle(id, nlsFile);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: title }) }).first();
  await row.waitFor();
  await row.click();
}

/** F1, type the command's title, pick exactly that row. */
async function runCommand(page, id, nlsFile) {
  await runCommandKeepOpen(page, id, nlsFile);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Rests the pointer on a highlight until VS Code shows a hover whose text matches `expect`; returns it.
 * A single mouse move is not enough on a loaded machine: the editor may re-lay out (a notification, the
 * minimap, a late decoration) under a still pointer, and VS Code only opens a hover on pointer movement.
 * So, as a user would, it moves away and back onto the (re-measured) highlight every few seconds.
 */
async function hoverOver(page, what, locateBox, expect, timeoutMs = STEP_TIMEOUT_MS) {
  const hover = page.locator('.monaco-hover:not(.hidden)');
  const deadline = Date.now() + timeoutMs;
  let seen = '(no hover)';
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const box = await locateBox();
    if (box) {
      await page.mouse.move(5, 5);
      // Enter from a slightly different point each time, in small steps, as a hand does.
      const dx = ((attempt % 3) - 1) * Math.min(4, box.w / 4);
      await page.mouse.move(box.x + box.w / 2 + dx, box.y + box.h / 2, { steps: 4 });
      const until = Math.min(deadline, Date.now() + 4000);
      while (Date.now() < until) {
        if ((await hover.count()) > 0) {
          seen = await hover.first().innerText().catch(() => seen);
          if (expect.test(seen)) return hover.first();
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    } else {
      seen = '(the highlight to hover is not on screen)';
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last seen: ${seen.slice(0, 200)}`);
}

async function waitUntil(what, probe, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let currentPage; // screenshotted when a step fails
let failureShots = 0;

/** Runs one named check, records it, returns whether it passed. */
async function step(group, name, fn) {
  const t = Date.now();
  try {
    await fn();
    record(group, name, true, Date.now() - t);
    return true;
  } catch (e) {
    record(group, name, false, Date.now() - t, e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n') : e);
    if (currentPage) {
      const file = path.join(SCREENSHOTS, `failed-${++failureShots}.png`);
      await currentPage.screenshot({ path: file }).then(
        () => process.stdout.write(`         screenshot: ${path.relative(process.cwd(), file)}\n`),
        () => undefined,
      );
    }
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Word order in the editor (issue 14): test/e2e/wordOrder.js.

function runReadingTests() {
  return runWordOrderTests({
    ROOT,
    WORK,
    SCREENSHOTS,
    record,
    freshServer,
    launchBrowser,
    waitUntil,
    cleanup,
    setCurrentPage: (p) => (currentPage = p),
    getVsix: async () => packagedVsix || (process.env.KHABAR_E2E_VSIX ? path.resolve(process.env.KHABAR_E2E_VSIX) : (packagedVsix = packageVsix())),
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  // The first run installs the harness (minutes, bounded by npm itself); the budget is for the tests.
  const installSeconds = ensureHarness();
  ensureBuilt();
  const budget = setTimeout(async () => {
    process.stdout.write(`\n[e2e] the tests exceeded ${TOTAL_BUDGET_MS / 1000} s: stopping\n`);
    record('run', 'finish within the time budget', false);
    await cleanup();
    finish(1);
  }, TOTAL_BUDGET_MS);
  budget.unref();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.mkdirSync(WORK, { recursive: true });
  const t1 = Date.now();
  process.stdout.write(`\nKhabar end-to-end tests (code-server 4.100.3 = VS Code 1.100.3, ${CHROMIUM})\n`);
  // Each session runs even when an earlier one failed; a session that throws is one failure.
  const sessions = [
    ['1. mocha inside the extension host', 'host', 'extension-host suite', runHostSuite, !argv.has('--ui-only')],
    ['2. as a user, in chromium', 'ui', 'user session', runUiTests, !argv.has('--host-only')],
    ["3. in VS Code's Arabic display language", 'arabic', 'Arabic session', runArabicUiTests, !argv.has('--host-only')],
    ['4. Restricted Mode', 'restricted', 'Restricted Mode session', runRestrictedTests, !argv.has('--host-only')],
    ['5. word order in the editor and the reader (issue 14)', 'reading', 'word-order session', runReadingTests, !argv.has('--host-only')],
    ['6. the Khabar Reader (issue 14)', 'reader', 'reader session', () => runReaderTests({ ROOT, WORK, SCREENSHOTS, record, freshServer, launchBrowser, waitUntil, cleanup, setCurrentPage: (p) => (currentPage = p), getVsix: async () => packagedVsix || (packagedVsix = packageVsix()), packageArabicLanguagePack }), !argv.has('--host-only')],
  ];
  // --only=reading,ui runs just those groups.
  const only = [...argv].find((a) => a.startsWith('--only='));
  const onlyGroups = only ? new Set(only.slice('--only='.length).split(',')) : undefined;
  for (const [title, group, name, run, wanted] of sessions) {
    if (!wanted || (onlyGroups && !onlyGroups.has(group))) continue;
    process.stdout.write(`\n${title}\n`);
    try {
      await run();
    } catch (e) {
      record(group, name, false, undefined, e && e.stack ? e.stack : e);
      await cleanup();
    }
  }
  clearTimeout(budget);
  const secs = (ms) => (ms / 1000).toFixed(1);
  process.stdout.write(
    `\ne2e: harness install ${installSeconds ? secs(installSeconds * 1000) + ' s' : 'already present'}, tests ${secs(Date.now() - t1)} s, total ${secs(Date.now() - t0)} s\n`,
  );
  process.stdout.write(`screenshots: ${path.relative(process.cwd(), SCREENSHOTS)}\n`);
  finish(results.some((r) => !r.ok) || results.length === 0 ? 1 : 0);
}

function finish(code) {
  if (!argv.has('--keep')) fs.rmSync(WORK, { recursive: true, force: true, maxRetries: 3 });
  else process.stdout.write(`kept ${WORK}\n`);
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(code || (failed > 0 ? 1 : 0));
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

main().catch(async (e) => {
  process.stdout.write(`[e2e] ${e && e.stack ? e.stack : e}\n`);
  record('run', 'harness', false);
  await cleanup();
  finish(1);
});
