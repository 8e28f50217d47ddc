// 5. Word order in the editor and the reader (issue 14): Khabar installed from the .vsix,
// highlights on (the defaults), each article opened as a user opens it, and every line measured
// with the word-order check of readingOrder.js. Asserted: in the editor every line without Latin
// letters reads in order (lines with Latin letters are reported: VS Code has no right-to-left
// base direction); in the Khabar Reader, opened on the same article, every paragraph, Latin ones
// included.
//
// Articles: the sample; test/fixtures/reading/*.txt (Arabic with Latin words, a URL, COVID-19);
// the shared real article (../shared/articles) copied into the workspace as .ar.txt and as .txt;
// ten articles of the SaudiNewsNet sample (../shared/corpus, CC BY-NC-SA: written into this run's
// workspace only, never into the repository). Without ../shared those are skipped, saying so.
//
// Knobs for exploring (none is needed for the test itself):
//   KHABAR_E2E_WORD_ORDER_CONTROL=1     the same measurement without Khabar installed (VS Code alone)
//   KHABAR_E2E_WORD_ORDER_ONLY=regex    only the articles whose file name matches (and the sample)
//   KHABAR_E2E_WORD_ORDER_CORPUS=27,238 these corpus articles (0-based lines) instead of every 300th
//   KHABAR_E2E_WORD_ORDER_TXT=1         each corpus article also as a plain .txt
//   KHABAR_E2E_WORD_ORDER_TIMES=1       print each article's open/highlight/measure times
// with `node test/e2e/run.js --ui-only --only=reading`, and KHABAR_E2E_VSIX=… to test a built .vsix.
// Per-line results (logical and on-screen words, the parts of scrambled rows) go to
// test/e2e/.run/word-order.json (ignored by git: it holds corpus text).
'use strict';

const fs = require('fs');
const path = require('path');
const { quickOpen } = require('./harness');
const { measureEditor, explainSplits, waitStable, scrollToTop, readingOrderInFrame } = require('./readingOrder');
const { commandTitle, runCommand, readerFrame } = require('./reader');

const GROUP = 'reading';
const SHOT_NAME = 'editor-arabic.png';

function say(line) {
  process.stdout.write(`         ${line}\n`);
}

/** The articles to measure, written into `ws`; returns [{ label, name }]. */
function prepareArticles(ROOT, ws) {
  const list = [];
  const put = (name, text, label = name) => {
    fs.writeFileSync(path.join(ws, name), text);
    list.push({ label, name });
  };
  put('sample-article.ar.txt', fs.readFileSync(path.join(ROOT, 'samples', 'sample-article.ar.txt'), 'utf8'), 'sample');
  const fixtures = path.join(ROOT, 'test', 'fixtures', 'reading');
  for (const f of fs.existsSync(fixtures) ? fs.readdirSync(fixtures).filter((x) => x.endsWith('.txt')).sort() : []) {
    put(f, fs.readFileSync(path.join(fixtures, f), 'utf8'));
  }
  // An article with a saved sidecar: a tagged claim with a verdict, and reviewed entities and figure.
  const tagged = path.join(ROOT, 'test', 'fixtures', 'sidecar', 'article.txt');
  if (fs.existsSync(tagged) && fs.existsSync(`${tagged}.annotations.yaml`)) {
    fs.copyFileSync(`${tagged}.annotations.yaml`, path.join(ws, 'article.txt.annotations.yaml'));
    put('article.txt', fs.readFileSync(tagged, 'utf8'), 'article.txt (tagged claim with a verdict)');
  }
  const shared = path.join(ROOT, '..', 'shared');
  const article = path.join(shared, 'articles', 'iraq-coalition-redeployment.txt');
  if (fs.existsSync(article)) {
    const text = fs.readFileSync(article, 'utf8');
    put('iraq.ar.txt', text);
    put('iraq.txt', text);
  } else {
    say(`skipped: the shared real article (${path.relative(ROOT, article)} not found)`);
  }
  const corpus = path.join(shared, 'corpus', 'saudinewsnet-3000.jsonl');
  if (fs.existsSync(corpus)) {
    const rows = fs.readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim());
    // Every 300th article; KHABAR_E2E_WORD_ORDER_CORPUS=27,238 picks others (0-based line numbers),
    // KHABAR_E2E_WORD_ORDER_TXT=1 also writes each as a plain .txt (while exploring).
    const picked = process.env.KHABAR_E2E_WORD_ORDER_CORPUS
      ? process.env.KHABAR_E2E_WORD_ORDER_CORPUS.split(',').map(Number)
      : Array.from({ length: Math.min(10, Math.ceil(rows.length / 300)) }, (_, k) => k * 300);
    for (const i of picked.filter((n) => n >= 0 && n < rows.length)) {
      const a = JSON.parse(rows[i]);
      const text = `${String(a.title || '').trim()}\n\n${String(a.content || '').replace(/\r\n?/g, '\n')}\n`;
      put(`corpus-${String(i + 1).padStart(4, '0')}.ar.txt`, text);
      if (process.env.KHABAR_E2E_WORD_ORDER_TXT === '1') put(`corpus-${String(i + 1).padStart(4, '0')}.txt`, text);
    }
  } else {
    say(`skipped: ten corpus articles (${path.relative(ROOT, corpus)} not found)`);
  }
  return list;
}

/** Number of Khabar's decoration elements in the active editor (overlays and inline). */
function decorationCount(page) {
  return page.evaluate(() => {
    const e = [...document.querySelectorAll('.part.editor .editor-group-container.active .monaco-editor')].find((x) => x.offsetParent !== null);
    return e ? e.querySelectorAll('.view-overlays [class*="ced-"], .view-lines [class*="ced-"]').length : 0;
  });
}

function words(list, n = 12) {
  return list.slice(0, n).join(' ') + (list.length > n ? ' …' : '');
}

/**
 * Opens the active article in the Khabar Reader from the palette, measures every paragraph with the
 * same word-order check, and closes the reader again (the editor stays active).
 */
async function measureReader(ctx, page, name) {
  await runCommand(page, commandTitle(ctx.ROOT, 'khabar.openReader'));
  const frame = await readerFrame(page, ctx.waitUntil, name);
  await ctx.waitUntil(`the reader's paragraphs of ${name}`, () => frame.evaluate(() => document.querySelectorAll('.article .para').length > 0));
  await page.waitForTimeout(300);
  const res = await readingOrderInFrame(frame, '.article .para');
  const list = Array.isArray(res) ? res : res.lines || [];
  const bad = list.filter((r) => !r.ok).map((r) => `out of order in the reader: file ${words(r.logical)} | screen ${words(r.visual)}`);
  const result = { good: list.filter((r) => r.ok).length, total: list.length, latin: list.filter((r) => r.latin).length, bad: bad.slice(0, 4) };
  // Close the reader (the active editor after it opens) so the next article opens in the editor.
  await runCommand(page, 'View: Close Editor');
  await page.locator('.tab', { hasText: /Reader|قارئ/ }).first().waitFor({ state: 'detached', timeout: 15000 }).catch(() => undefined);
  return result;
}

/**
 * ctx: { ROOT, WORK, SCREENSHOTS, record, freshServer, launchBrowser, getVsix, setCurrentPage,
 * cleanup, waitUntil }, all from run.js.
 */
async function runWordOrderTests(ctx) {
  const { record } = ctx;
  const vsix = await ctx.getVsix();
  if (!vsix) {
    record(GROUP, 'word order', false, undefined, 'skipped: no packaged extension');
    return;
  }
  const ws = path.join(ctx.WORK, 'reading-workspace');
  fs.rmSync(ws, { recursive: true, force: true });
  fs.mkdirSync(ws, { recursive: true });
  // KHABAR_E2E_WORD_ORDER_ONLY=regex measures only the articles whose file name matches (while debugging).
  const pick = process.env.KHABAR_E2E_WORD_ORDER_ONLY ? new RegExp(process.env.KHABAR_E2E_WORD_ORDER_ONLY) : undefined;
  const articles = prepareArticles(ctx.ROOT, ws).filter((a) => !pick || pick.test(a.name) || a.label === 'sample');
  // The user's settings stay at VS Code's and Khabar's defaults (wrap, font: the article language's).
  const server = await ctx.freshServer('reading', {
    settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false },
  });
  // KHABAR_E2E_WORD_ORDER_CONTROL=1: the same measurement without Khabar (a control: VS Code alone).
  const control = process.env.KHABAR_E2E_WORD_ORDER_CONTROL === '1';
  if (control) say('control run: Khabar NOT installed, no highlights expected');
  else server.installExtension(vsix);
  const { page } = await ctx.launchBrowser('reading');
  ctx.setCurrentPage(page);
  await page.goto(server.url(ws));
  await page.locator('.monaco-workbench').waitFor();
  // The explorer lists the folder once the workspace is restored; only then does Quick Open find files.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();

  const report = [];
  const readerTotal = [0, 0];
  let shots = 0;
  for (const { label, name } of articles) {
    const t = Date.now();
    try {
      const times = [];
      const lap = (what) => times.push(`${what} ${((Date.now() - t) / 1000).toFixed(1)} s`);
      await quickOpen(page, name);
      lap('opened');
      if (!control) await ctx.waitUntil(`Khabar's highlights in ${name}`, async () => (await decorationCount(page)) > 0);
      // Figures are drawn first, the rest follows: wait until nothing changes for a while.
      lap('highlights');
      await waitStable(page, { quietMs: 1200, maxMs: 10000 });
      lap('settled');
      const language = await page.locator('#status\\.editor\\.mode').first().innerText().catch(() => '?');
      const text = fs.readFileSync(path.join(ws, name), 'utf8');
      const res = await measureEditor(page, text);
      lap(`measured in ${res.steps} positions`);
      if (process.env.KHABAR_E2E_WORD_ORDER_TIMES) say(times.join(', '));
      const arabic = res.lines.filter((l) => !l.latin);
      const latin = res.lines.filter((l) => l.latin);
      const good = arabic.filter((l) => l.ok).length;
      const goodLatin = latin.filter((l) => l.ok).length;
      const unseen = res.lines.filter((l) => !l.seen).length;
      const ok = arabic.length > 0 && good === arabic.length;
      report.push({ label, name, language, arabic: [good, arabic.length], latin: [goodLatin, latin.length], unseen, lines: res.lines.map(({ rows, ...l }) => ({ ...l, rows: rows.length, parts: rows.filter((r) => !r.ok).map((r) => r.parts) })) });
      const latinNote = latin.length ? `; Latin lines ${goodLatin}/${latin.length} (reported)` : '';
      const unseenNote = unseen ? `; ${unseen} not fully seen` : '';
      record(GROUP, `${label} ${good}/${arabic.length} Arabic-only lines read in order${latinNote}${unseenNote} [${language}, ${res.decorations} decorations on screen]`, ok, Date.now() - t, ok ? undefined : 'lines out of order (below)');
      const details = explainSplits(res, { maxLines: ok ? 0 : 4 });
      for (const l of latin.filter((x) => !x.ok).slice(0, 2)) {
        let d = 0;
        while (d < l.logical.length && l.logical[d] === l.visual[d]) d++;
        const from = Math.max(0, d - 2);
        const show = (ws) => `${from ? '… ' : ''}${words(ws.slice(from))}`;
        details.push(`Latin line ${l.line} (reported): file ${show(l.logical)} | screen ${show(l.visual)}`);
      }
      if (!ok || latin.some((x) => !x.ok)) for (const d of details.slice(0, 30)) say(d);
      if (!control) {
        // The same article in the Khabar Reader: every paragraph, Latin ones included, must read in order.
        const r = await measureReader(ctx, page, name);
        readerTotal[0] += r.good;
        readerTotal[1] += r.total;
        const rok = r.total > 0 && r.good === r.total;
        record(GROUP, `${label} in the reader: ${r.good}/${r.total} paragraphs read in order (${r.latin} with Latin words)`, rok, undefined, rok ? undefined : r.bad.join('\n'));
        report[report.length - 1].reader = { good: r.good, total: r.total, bad: r.bad };
      }
      if (label === 'sample') {
        await scrollToTop(page);
        await page.mouse.move(5, 5);
        await waitStable(page);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(ctx.SCREENSHOTS, SHOT_NAME) });
        // The other articles are measured in a taller window: fewer scroll steps.
        await page.setViewportSize({ width: 1280, height: 1400 });
      }
    } catch (e) {
      record(GROUP, `${label}: word order`, false, Date.now() - t, e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n') : e);
      await page.screenshot({ path: path.join(ctx.SCREENSHOTS, `failed-reading-${++shots}.png`) }).catch(() => undefined);
      report.push({ label, name, error: String(e && e.message) });
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
  const total = report.filter((r) => r.arabic).reduce((a, r) => [a[0] + r.arabic[0], a[1] + r.arabic[1]], [0, 0]);
  const totalLatin = report.filter((r) => r.latin).reduce((a, r) => [a[0] + r.latin[0], a[1] + r.latin[1]], [0, 0]);
  process.stdout.write(
    `  word order in the editor, Arabic-only lines: ${report.map((r) => (r.arabic ? `${r.label} ${r.arabic[0]}/${r.arabic[1]}` : `${r.label} error`)).join(', ')}; all ${total[0]}/${total[1]}; Latin lines (reported) ${totalLatin[0]}/${totalLatin[1]}\n`,
  );
  if (!control) process.stdout.write(`  word order in the reader, every paragraph: ${readerTotal[0]}/${readerTotal[1]}\n`);
  const out = path.join(path.dirname(ctx.SCREENSHOTS), 'word-order.json');
  fs.writeFileSync(out, JSON.stringify(report, null, 1));
  say(`per-line results: ${path.relative(process.cwd(), out)}`);
  await ctx.cleanup();
}

module.exports = { runWordOrderTests, prepareArticles };
