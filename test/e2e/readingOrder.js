// Word reading order as an Arabic reader sees it (issue 14), measured in the browser.
//
// For a line (an editor line, a reader paragraph): every word's on-screen boxes (DOM
// Range.getClientRects over its text nodes; words split on whitespace, leading/trailing
// punctuation trimmed, pure punctuation skipped), grouped into visual rows by vertical position,
// each row read right to left, rows top to bottom; the sequence of words read is compared with
// the logical order of the text.
//
// `ok` is that comparison. A line with Latin letters embedded in Arabic is read as the Unicode
// bidi algorithm with a right-to-left base lays it out: a run of Latin words (with the numbers
// following them) reads left to right inside the right-to-left line, so the expectation reverses
// those runs; for a line without Latin letters the expectation is exactly the logical order.
// `inOrder` is the plain comparison (right to left throughout) for every line.
//
// `readingOrderInPage` runs in a page or frame (`frame.evaluate(readingOrderInPage, opts)`): it is
// self-contained, referencing nothing outside itself.
//   { mode: 'elements', selector, ignore? }  each element matching `selector` is one line
//                                            (a reader paragraph); text under `ignore` is skipped
//   { mode: 'editor', diagnose? }            the visible rows of the active VS Code editor, one
//                                            result per `.view-line` with its `top` and margin
//                                            line number; `measureEditor` below stitches them
//                                            into document lines while scrolling.
'use strict';

function readingOrderInPage(opts) {
  const TRIM = /^[\p{P}\p{S}\p{Cf}]+|[\p{P}\p{S}\p{Cf}]+$/gu;
  const LATIN = /\p{Script=Latin}/u;
  const ARABIC = /\p{Script=Arabic}/u;

  function textNodes(el, ignore) {
    const out = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode(n) {
        const p = n.parentElement;
        if (!p) return NodeFilter.FILTER_REJECT;
        if (ignore && p.closest(ignore)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let n; (n = walker.nextNode()); ) out.push(n);
    return out;
  }

  /** Bidi class of a word as a whole: L, R, EN (number) or ON (other). */
  function wordClass(w) {
    const hasArabic = ARABIC.test(w);
    if (LATIN.test(w) && !hasArabic) return 'L';
    if (hasArabic || /[\p{L}]/u.test(w)) return 'R';
    if (/\p{N}/u.test(w)) return 'EN';
    return 'ON';
  }

  /** Words' resolved directions in a right-to-left paragraph (word-level approximation of UAX #9). */
  function resolve(classes) {
    const out = classes.slice();
    let prevStrong = 'R';
    for (let i = 0; i < out.length; i++) {
      if (classes[i] === 'L' || classes[i] === 'R') prevStrong = classes[i];
      else if (classes[i] === 'EN') out[i] = prevStrong === 'L' ? 'L' : 'EN';
    }
    for (let i = 0; i < out.length; i++) {
      if (out[i] !== 'ON') continue;
      let a = 'R';
      for (let j = i - 1; j >= 0; j--) if (out[j] !== 'ON') { a = out[j] === 'L' ? 'L' : 'R'; break; }
      let b = 'R';
      for (let j = i + 1; j < out.length; j++) if (out[j] !== 'ON') { b = out[j] === 'L' ? 'L' : 'R'; break; }
      out[i] = a === 'L' && b === 'L' ? 'L' : 'R';
    }
    return out.map((d) => (d === 'L' ? 'L' : 'R'));
  }

  /** Measures the words of `elements` (one logical line, in DOM = logical order). */
  function measure(elements, ignore) {
    const segs = [];
    let text = '';
    for (const el of elements) {
      for (const node of textNodes(el, ignore)) {
        segs.push({ node, start: text.length, end: text.length + node.data.length });
        text += node.data;
      }
    }
    const words = [];
    for (const m of text.matchAll(/\S+/gu)) {
      // A token joining Arabic and Latin letters ("مطبوعة(Diabetis") is two words: the bidi
      // algorithm lays its halves out in different runs.
      const cuts = [0];
      let script = '';
      for (let k = 0; k < m[0].length; k++) {
        const ch = m[0][k];
        const sc = ARABIC.test(ch) && /\p{L}/u.test(ch) ? 'A' : LATIN.test(ch) ? 'L' : '';
        if (!sc) continue;
        if (script && sc !== script) cuts.push(k);
        script = sc;
      }
      cuts.push(m[0].length);
      for (let c = 0; c + 1 < cuts.length; c++) {
        const piece = m[0].slice(cuts[c], cuts[c + 1]);
        const lead = /^[\p{P}\p{S}\p{Cf}]*/u.exec(piece)[0].length;
        const core = piece.replace(TRIM, '');
        if (!core) continue; // pure punctuation
        const start = m.index + cuts[c] + lead;
        words.push({ core, start, end: start + core.length });
      }
    }
    const items = [];
    const missing = [];
    words.forEach((w, i) => {
      let n = 0;
      for (const s of segs) {
        if (s.end <= w.start || s.start >= w.end) continue;
        const r = document.createRange();
        r.setStart(s.node, Math.max(0, w.start - s.start));
        r.setEnd(s.node, Math.min(s.node.data.length, w.end - s.start));
        for (const q of r.getClientRects()) {
          if (q.width < 0.5 || q.height < 0.5) continue;
          items.push({ w: i, l: q.left, r: q.right, cy: (q.top + q.bottom) / 2, h: q.height });
          n++;
        }
      }
      if (!n) missing.push(w.core);
    });
    // Rows: boxes whose vertical centres are within half a line of the row's first box.
    items.sort((a, b) => a.cy - b.cy);
    const rows = [];
    for (const it of items) {
      const row = rows[rows.length - 1];
      if (row && Math.abs(it.cy - row.cy) <= Math.max(2, 0.5 * Math.min(it.h, row.h))) row.items.push(it);
      else rows.push({ cy: it.cy, h: it.h, items: [it] });
    }
    const visual = [];
    const rowOf = new Array(words.length).fill(-1);
    rows.forEach((row, k) => {
      row.items.sort((a, b) => (b.l + b.r) / 2 - (a.l + a.r) / 2);
      for (const it of row.items) {
        if (visual[visual.length - 1] !== it.w) visual.push(it.w);
        if (rowOf[it.w] < 0) rowOf[it.w] = k;
      }
    });
    const logical = words.map((_, i) => i);
    const dirs = resolve(words.map((w) => wordClass(w.core)));
    // Expected reading: words row by row (as the rows hold them), each run of left-to-right words
    // inside a row read left to right.
    const order = logical.slice().sort((a, b) => rowOf[a] - rowOf[b] || a - b);
    const expected = [];
    for (let i = 0; i < order.length; ) {
      let j = i;
      if (dirs[order[i]] === 'L') {
        while (j + 1 < order.length && dirs[order[j + 1]] === 'L' && rowOf[order[j + 1]] === rowOf[order[i]]) j++;
        for (let k = j; k >= i; k--) expected.push(order[k]);
      } else expected.push(order[i]);
      i = j + 1;
    }
    const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
    const monotone = logical.every((i) => i === 0 || rowOf[i] >= rowOf[i - 1]);
    return {
      text,
      latin: LATIN.test(text),
      logical: words.map((w) => w.core),
      visual: visual.map((i) => words[i].core),
      ok: missing.length === 0 && monotone && same(visual, expected),
      inOrder: missing.length === 0 && same(visual, logical),
      missing,
      rows: rows.length,
    };
  }

  /** The parts a VS Code view line is divided into: class, unicode-bidi, text. */
  function parts(viewLine) {
    const outer = viewLine.firstElementChild;
    if (!outer) return [];
    return [...outer.children].map((s) => ({
      cls: s.className,
      bidi: s.style.unicodeBidi || getComputedStyle(s).unicodeBidi,
      text: s.textContent,
    }));
  }

  /** CSS rules that mention a class (to name what a `ced-…` decoration class or token class sets). */
  function rulesFor(cls) {
    const out = [];
    for (const sheet of document.styleSheets) {
      let rules;
      try {
        rules = sheet.cssRules;
      } catch {
        continue;
      }
      for (const rule of rules) {
        // Rules as the editor's text sees them: `.cls` or `… .monaco-editor … .cls`, not those of
        // other widgets (chat input, suggest input) that reuse the token classes.
        const hit = (rule.selectorText || '').split(',').some((sel) => {
          const t = sel.trim();
          return (t === `.${cls}` || (t.endsWith(` .${cls}`) && /monaco-editor/.test(t))) && !/chat|suggest|interactive|notebook|inline/.test(t);
        });
        if (hit) out.push(rule.cssText);
      }
    }
    return out;
  }

  if (opts.mode === 'elements') {
    const root = opts.root ? document.querySelector(opts.root) : document;
    return [...root.querySelectorAll(opts.selector)].map((el, i) => ({ key: i, ...measure([el], opts.ignore) }));
  }

  // Editor: the visible rows of the active editor.
  const editors = [...document.querySelectorAll('.part.editor .editor-group-container.active .monaco-editor')].filter(
    (e) => e.getClientRects().length > 0 && e.offsetParent !== null,
  );
  const editor = editors[0];
  if (!editor) return { error: 'no visible editor' };
  const numbers = new Map();
  for (const d of editor.querySelectorAll('.margin-view-overlays > div')) {
    const n = d.querySelector('.line-numbers');
    numbers.set(Math.round(parseFloat(d.style.top)), n ? n.textContent.trim() : '');
  }
  const rows = [...editor.querySelectorAll('.view-lines > .view-line')].map((el) => {
    const top = Math.round(parseFloat(el.style.top));
    const m = measure([el]);
    const row = { top, lineNumber: numbers.has(top) ? numbers.get(top) : null, ...m };
    if (opts.diagnose || !m.ok) row.parts = parts(el);
    return row;
  });
  const css = {};
  for (const r of rows) for (const p of r.parts || []) for (const c of p.cls.split(/\s+/)) if (c && !(c in css)) css[c] = rulesFor(c);
  const decorations = editor.querySelectorAll('.view-overlays [class*="ced-"], .view-lines [class*="ced-"]').length;
  return { rows, css, decorations };
}

// ------------------------------------------------------------------------------------------------
// Node side: the whole document in the editor, scrolled through.

function normalise(s) {
  return s.replace(/[\s\p{Cf}]+/gu, '');
}

/** A signature of what the editor draws, to wait until it stops changing (decorations, tokens). */
function editorSignature(page) {
  return page.evaluate(() => {
    const e = [...document.querySelectorAll('.part.editor .editor-group-container.active .monaco-editor')].find((x) => x.offsetParent !== null);
    if (!e) return '';
    const lines = e.querySelector('.view-lines');
    const overlays = e.querySelectorAll('.view-overlays [class*="ced-"]').length;
    return `${lines ? lines.innerHTML.length : 0}|${overlays}|${lines ? lines.children.length : 0}`;
  });
}

async function waitStable(page, { quietMs = 450, maxMs = 6000 } = {}) {
  const until = Date.now() + maxMs;
  let last = await editorSignature(page);
  let since = Date.now();
  while (Date.now() < until) {
    await page.waitForTimeout(150);
    const now = await editorSignature(page);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return true;
  }
  return false;
}

/** The active editor's vertical scroll position (its `.lines-content` is moved up by it). */
function scrollTop(page) {
  return page.evaluate(() => {
    const e = [...document.querySelectorAll('.part.editor .editor-group-container.active .monaco-editor')].find((x) => x.offsetParent !== null);
    const c = e && e.querySelector('.lines-content');
    return c ? -parseFloat(c.style.top || '0') : 0;
  });
}

/** Wheels the active editor (the pointer must be over it) up until it is scrolled to the top. */
async function scrollToTop(page) {
  let last;
  for (let i = 0; i < 2000; i++) {
    const top = await scrollTop(page);
    if (top <= 0 || top === last) return;
    last = top;
    await page.mouse.wheel(0, -1200);
    await page.waitForTimeout(30);
  }
}

/**
 * Wheels the active editor down by about `px` pixels (VS Code moves a fixed amount per wheel
 * event, whatever its delta, so in small turns); returns false at the bottom.
 */
async function scrollDown(page, px) {
  const start = await scrollTop(page);
  let last = start;
  for (let still = 0, i = 0; still < 3 && i < 2000; i++) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(20);
    const now = await scrollTop(page);
    if (now - start >= px) return true;
    still = now === last ? still + 1 : 0;
    last = now;
  }
  return last > start;
}

/**
 * Scrolls the active editor from the top to the bottom (mouse wheel, a fraction of a page at a
 * time), measuring the rendered rows at each position, and joins the rows into the document's
 * lines (continuation rows of a wrapped line have no line number in the margin).
 * `fileText` is the document's text on disk: its words are the logical order, and a line counts
 * as seen only when the rows' text is exactly the line's.
 * Returns { lines: [{ line, text, latin, ok, inOrder, seen, logical, visual, rows }], css, steps,
 * decorations (the most `ced-…` elements on one screen) }.
 */
async function measureEditor(page, fileText, { diagnose = false, maxSteps = 400 } = {}) {
  const box = await page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines').first().boundingBox();
  if (!box) throw new Error('no editor on screen');
  await page.mouse.move(box.x + Math.min(200, box.width / 2), box.y + Math.min(200, box.height / 2));
  await scrollToTop(page);
  const byTop = new Map();
  const css = {};
  const viewH = (await page.viewportSize()).height;
  let steps = 0;
  let decorations = 0; // the most decoration elements seen on one screen
  for (let step = 0; step < maxSteps; step++) {
    steps++;
    await waitStable(page);
    const snap = await page.evaluate(readingOrderInPage, { mode: 'editor', diagnose });
    if (snap.error) throw new Error(snap.error);
    Object.assign(css, snap.css);
    decorations = Math.max(decorations, snap.decorations);
    for (const r of snap.rows) byTop.set(r.top, r);
    // Rows cut by the viewport's edge are rendered whole, so a step just under a screen misses none.
    if (!(await scrollDown(page, Math.max(60, Math.min(box.height, viewH - box.y) * 0.85)))) break;
  }
  // Rows in order, each given to the document line whose number it (or a row above it) shows.
  const rows = [...byTop.values()].sort((a, b) => a.top - b.top);
  const byLine = new Map();
  let current = null;
  for (const r of rows) {
    if (r.lineNumber && /^\d+$/.test(r.lineNumber)) current = Number(r.lineNumber);
    if (current === null) continue;
    if (!byLine.has(current)) byLine.set(current, []);
    byLine.get(current).push(r);
  }
  const src = fileText.replace(/\r\n?/g, '\n').split('\n');
  const TRIM = /^[\p{P}\p{S}\p{Cf}]+|[\p{P}\p{S}\p{Cf}]+$/gu;
  const lines = [];
  src.forEach((text, i) => {
    if (!(text.match(/\S+/gu) || []).some((w) => w.replace(TRIM, ''))) return; // no words
    const rs = byLine.get(i + 1) || [];
    // The rows' words (their text is the line's, checked below).
    const logical = rs.flatMap((r) => r.logical);
    const seen = rs.length > 0 && normalise(rs.map((r) => r.text).join('')) === normalise(text);
    lines.push({
      line: i + 1,
      text,
      latin: /\p{Script=Latin}/u.test(text),
      seen,
      ok: seen && rs.every((r) => r.ok),
      inOrder: seen && rs.every((r) => r.inOrder),
      logical,
      visual: rs.flatMap((r) => r.visual),
      rows: rs,
    });
  });
  return { lines, css, steps, decorations };
}

/**
 * What divides the lines that do not read in order: for each failing row, its parts (VS Code's
 * spans: class, unicode-bidi, text), and the CSS of each class seen there. Returns lines of text.
 */
function explainSplits(result, { maxLines = 6 } = {}) {
  const out = [];
  const classes = new Map(); // class -> { count, examples: Set }
  for (const l of result.lines.filter((x) => !x.ok)) {
    for (const r of l.rows.filter((x) => !x.ok)) {
      for (const p of r.parts || []) {
        for (const c of p.cls.split(/\s+/).filter(Boolean)) {
          if (!classes.has(c)) classes.set(c, { count: 0, examples: new Set(), bidi: new Set() });
          const e = classes.get(c);
          e.count++;
          e.bidi.add(p.bidi);
          if (e.examples.size < 4) e.examples.add(p.text.trim().slice(0, 24));
        }
      }
    }
  }
  for (const l of result.lines.filter((x) => !x.ok).slice(0, maxLines)) {
    out.push(`line ${l.line}${l.latin ? ' (Latin)' : ''}${l.seen ? '' : ' (not fully seen)'}`);
    // From a little before the first word out of place.
    let d = 0;
    while (d < l.logical.length && l.logical[d] === l.visual[d]) d++;
    const from = Math.max(0, d - 3);
    const show = (ws) => `${from ? '… ' : ''}${ws.slice(from, from + 14).join(' ')}${ws.length > from + 14 ? ' …' : ''}`;
    out.push(`  file:   ${show(l.logical)}`);
    out.push(`  screen: ${show(l.visual)}`);
    const r = l.rows.find((x) => !x.ok);
    if (r && r.parts) {
      out.push(`  parts of its first scrambled row (${r.parts.length}): ` + r.parts.slice(0, 10).map((p) => `[${p.cls}${p.bidi === 'isolate' ? ' iso' : ''}] "${p.text.slice(0, 18)}"`).join(' '));
      // A row in one piece can still be out of order: VS Code lays every row out as its own
      // left-to-right paragraph, so a row that starts (or ends) with a number or a bracket puts
      // it at the left edge.
      if (r.parts.filter((p) => p.text.trim()).length <= 1) out.push(`  the row is not divided; it reads "${r.text.trim().slice(0, 12)}…" at its start, "…${r.text.trim().slice(-12)}" at its end`);
    }
  }
  if (classes.size) {
    out.push('classes of the parts in scrambled rows:');
    for (const [c, e] of [...classes].sort((a, b) => b[1].count - a[1].count)) {
      const rules = (result.css[c] || []).map((s) => s.replace(/\s+/g, ' '));
      out.push(`  ${c} ×${e.count} (${[...e.bidi].join('/')}), e.g. ${[...e.examples].map((x) => JSON.stringify(x)).join(', ')}${rules.length ? ` — ${rules.slice(0, 2).join(' | ').slice(0, 200)}` : ''}`);
    }
  }
  return out;
}

/** Paragraphs of a webview (or any frame): each element matching `selector` is one line. */
function readingOrderInFrame(frame, selector, { ignore, root } = {}) {
  return frame.evaluate(readingOrderInPage, { mode: 'elements', selector, ignore, root });
}

module.exports = { readingOrderInPage, measureEditor, explainSplits, readingOrderInFrame, waitStable, scrollToTop };
