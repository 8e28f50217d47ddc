// The Khabar Reader's webview: a right-to-left article page with the editor's marks, a popover
// with each mark's explanation (on hover and on keyboard focus), a keyboard-first claim card and a
// review queue. Runs in the browser: no vscode, no Node. Every string from the article or the
// sidecar goes into the DOM as text (textContent / text nodes), never as HTML.
import { fold } from '../core/arabic';
import type { InfoPart, MarkInfo } from '../core/editor/markInfo';
import type { VerdictDef } from '../core/model';
import type {
  ClaimFields,
  HostMessage,
  InitMessage,
  MarkView,
  NameView,
  OrphanView,
  ParagraphView,
  RenderMessage,
  SaveClaimMessage,
  WebviewMessage,
} from '../core/reader/protocol';
import { segmentParagraph } from '../core/reader/segments';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const post = (m: WebviewMessage): void => api.postMessage(m);

// ---- state -------------------------------------------------------------------------------------

interface Para {
  view: ParagraphView;
  el: HTMLElement;
  /** Elements of each mark in this paragraph, in order. */
  markEls: Map<string, HTMLElement[]>;
}

interface MarkEntry {
  view: MarkView;
  /** Absolute offsets (first and last part). */
  start: number;
  end: number;
  els: HTMLElement[];
}

let init: InitMessage | undefined;
let S: Record<string, string> = {};
let paras: Para[] = [];
let marks = new Map<string, MarkEntry>();
let order: string[] = [];
let names: NameView[] = [];
let orphans: OrphanView[] = [];
let readOnly: string | undefined;
let lazy = false;
let focusedId: string | undefined;
/** After a save, focus the mark that lands on this span. */
let pendingFocus: { start: number; end: number } | undefined;
const hiddenKeys = new Set<string>();
let queue: { ids: string[]; pos: number } | undefined;
let receivedAt = 0;

const t = (key: string, ...args: Array<string | number>): string =>
  (S[key] ?? key).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

// ---- DOM skeleton ------------------------------------------------------------------------------

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text !== undefined) el.textContent = text;
  return el;
}

const app = document.getElementById('app')!;
const top = h('div', 'top');
const toolbar = h('div', 'toolbar');
const statusEl = h('div', 'status');
const banner = h('div', 'banner');
const queueBar = h('div', 'queuebar');
const orphanBox = h('section', 'orphans');
const articleEl = h('article', 'article');
const popover = h('div', 'popover');
const card = h('form', 'card');
const help = h('p', 'help');

function buildSkeleton(): void {
  // The toolbar, the read-only banner, the queue's progress and the status stay on top while the
  // article scrolls under them; scrolling to a mark keeps it below them.
  top.append(toolbar, banner, queueBar, statusEl);
  app.replaceChildren(top, orphanBox, articleEl, help, popover, card);
  new ResizeObserver(() => {
    document.documentElement.style.scrollPaddingTop = `${top.offsetHeight + 12}px`;
  }).observe(top);
  articleEl.lang = 'ar';
  articleEl.dir = 'rtl';
  articleEl.tabIndex = 0;
  statusEl.setAttribute('role', 'status');
  statusEl.setAttribute('aria-live', 'polite');
  banner.setAttribute('role', 'note');
  banner.hidden = true;
  queueBar.hidden = true;
  queueBar.setAttribute('role', 'status');
  orphanBox.hidden = true;
  popover.id = 'khabar-popover';
  popover.setAttribute('role', 'tooltip');
  popover.hidden = true;
  card.hidden = true;
  card.setAttribute('role', 'dialog');
  help.hidden = true;
}
buildSkeleton();

function uiDir(el: HTMLElement): void {
  if (!init) return;
  el.dir = init.uiDir;
  el.lang = init.uiLang;
}

function buildToolbar(): void {
  if (!init) return;
  toolbar.replaceChildren();
  uiDir(toolbar);
  uiDir(help);
  uiDir(queueBar);
  uiDir(banner);
  uiDir(statusEl);
  uiDir(orphanBox);
  uiDir(popover);
  uiDir(card);
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', t('toolbar'));
  const q = h('button', 'tool queue-button', t('reviewQueue'));
  q.type = 'button';
  q.title = `${t('reviewQueue')} (q)`;
  q.addEventListener('click', () => startQueue());
  toolbar.append(q);
  const legend = h('div', 'legend');
  legend.setAttribute('role', 'group');
  legend.setAttribute('aria-label', t('highlights'));
  for (const item of init.legend) {
    const b = h('button', `chip k-${item.key}`);
    b.type = 'button';
    b.dataset['key'] = item.key;
    b.setAttribute('aria-pressed', String(!hiddenKeys.has(item.key)));
    const swatch = h('span', `swatch k-${item.key}`);
    swatch.setAttribute('aria-hidden', 'true');
    b.append(swatch, document.createTextNode(item.name));
    b.addEventListener('click', () => {
      if (hiddenKeys.has(item.key)) hiddenKeys.delete(item.key);
      else hiddenKeys.add(item.key);
      document.body.classList.toggle(`hide-${item.key}`, hiddenKeys.has(item.key));
      b.setAttribute('aria-pressed', String(!hiddenKeys.has(item.key)));
    });
    legend.append(b);
  }
  toolbar.append(legend);
  const helpButton = h('button', 'tool help-button', '?');
  helpButton.type = 'button';
  helpButton.title = t('help');
  helpButton.setAttribute('aria-label', t('help'));
  helpButton.addEventListener('click', () => (help.hidden = !help.hidden));
  toolbar.append(helpButton);
  help.textContent = t('help');
}

function setStatus(text: string, error = false): void {
  statusEl.textContent = text;
  statusEl.classList.toggle('error', error);
  if (text) setTimeout(() => statusEl.textContent === text && (statusEl.textContent = ''), 4000);
}

// ---- rendering the article ---------------------------------------------------------------------

function tagFor(role: ParagraphView['role']): 'h1' | 'h2' | 'p' {
  return role === 'headline' ? 'h1' : role === 'heading' ? 'h2' : 'p';
}

function renderParagraph(view: ParagraphView, index: number): Para {
  const el = h(tagFor(view.role), `para role-${view.role}`);
  el.dataset['i'] = String(index);
  const markEls = new Map<string, HTMLElement[]>();
  const list = view.marks ?? [];
  if (list.length === 0) {
    el.textContent = view.text;
    if (!view.marks) el.classList.add('pending');
    return { view, el, markEls };
  }
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const seg of segmentParagraph(view.text.length, list)) {
    const text = view.text.slice(seg.start, seg.end);
    if (seg.marks.length === 0) {
      el.append(document.createTextNode(text));
      continue;
    }
    // An inline <mark> with backgrounds and inset shadows only: no isolation, no inline-block,
    // so the paragraph stays one bidi run and Arabic letters keep joining across it.
    const m = h('mark', 'm');
    m.textContent = text;
    m.dataset['ids'] = seg.marks.join(' ');
    for (const id of seg.marks) {
      const v = byId.get(id)!;
      m.classList.add(`k-${v.key}`);
      if (v.detection) m.classList.add('detected');
      const els = markEls.get(id);
      if (els) els.push(m);
      else markEls.set(id, [m]);
    }
    el.append(m);
  }
  return { view, el, markEls };
}

function rebuildMarks(): void {
  marks = new Map();
  order = [];
  for (const p of paras) {
    const list = [...(p.view.marks ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
    for (const v of list) {
      const els = p.markEls.get(v.id) ?? [];
      const hit = marks.get(v.id);
      if (hit) {
        hit.els.push(...els);
        hit.end = p.view.start + v.end;
        continue;
      }
      marks.set(v.id, { view: v, start: p.view.start + v.start, end: p.view.start + v.end, els: [...els] });
      order.push(v.id);
    }
  }
  for (const [id, m] of marks) {
    const first = m.els[0];
    if (!first) continue;
    first.tabIndex = -1;
    first.dataset['focus'] = id;
    first.setAttribute('aria-label', `${m.view.aria}`);
    first.setAttribute('role', 'button');
  }
}

function applyRender(m: RenderMessage): void {
  const started = performance.now();
  const old = paras;
  const next: Para[] = m.paragraphs.map((e, i) => {
    if ('reuse' in e) {
      const o = old[e.reuse];
      if (o) {
        o.view.start = e.start;
        o.el.dataset['i'] = String(i);
        return o;
      }
      return renderParagraph({ start: e.start, role: 'body', text: '' }, i);
    }
    return renderParagraph(e, i);
  });
  const kept = new Set(next.map((p) => p.el));
  for (const p of old) {
    if (kept.has(p.el)) continue;
    p.el.remove();
    unobserve(p.el);
  }
  for (const el of articleEl.querySelectorAll(':scope > .empty')) el.remove();
  let cursor = articleEl.firstElementChild;
  for (const p of next) {
    if (p.el === cursor) cursor = cursor.nextElementSibling;
    else articleEl.insertBefore(p.el, cursor);
  }
  paras = next;
  if (paras.length === 0) articleEl.replaceChildren(h('p', 'empty', t('empty')));
  names = m.names;
  orphans = m.orphans;
  readOnly = m.readOnly;
  lazy = m.lazy;
  document.body.classList.toggle('lazy', lazy);
  document.body.classList.toggle('readonly', !!readOnly);
  banner.hidden = !readOnly;
  banner.textContent = readOnly ?? '';
  document.title = m.title;
  rebuildMarks();
  renderOrphans();
  if (lazy) {
    observeParagraphs();
    // Indices moved with an edit: the host needs the range in the new numbering.
    reportVisible();
  }
  restoreFocus();
  if (queue) showQueue();
  document.body.dataset['version'] = String(m.version);
  document.body.dataset['renderMs'] = (performance.now() - started).toFixed(1);
  // Host → DOM timing of this render (e2e reads it): change seen, posted, received, applied.
  document.body.dataset['timing'] = JSON.stringify({ ...m.timing, receivedAt: receivedAt, appliedAt: Date.now() });
}

function renderOrphans(): void {
  orphanBox.hidden = orphans.length === 0;
  if (orphans.length === 0) return;
  const title = h('h2', 'orphans-title', t('orphans', orphans.length));
  const list = h('ul');
  for (const o of orphans) {
    const li = h('li', 'orphan');
    li.tabIndex = 0;
    li.dataset['recordId'] = o.recordId;
    const label = h('span', 'orphan-label', o.label);
    const exact = h('bdi', 'orphan-text', short(o.exact, 200));
    exact.lang = 'ar';
    li.append(label, document.createTextNode(' '), exact);
    li.addEventListener('mouseenter', () => showInfo(o.info, li, undefined, o));
    li.addEventListener('focus', () => showInfo(o.info, li, undefined, o));
    li.addEventListener('keydown', (e) => {
      if ((e.key === 'Delete' || e.key === 'Backspace') && !readOnly) {
        e.preventDefault();
        post({ type: 'remove', recordId: o.recordId });
      }
    });
    list.append(li);
  }
  orphanBox.replaceChildren(title, list);
}

function short(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

// ---- lazy marks for long articles ----------------------------------------------------------------

let observer: IntersectionObserver | undefined;
const observed = new WeakSet<Element>();
/** Paragraph elements near the viewport; their indices are read when the range is sent. */
const onScreen = new Set<HTMLElement>();
let visibleTimer: ReturnType<typeof setTimeout> | undefined;

function reportVisible(): void {
  if (visibleTimer) clearTimeout(visibleTimer);
  visibleTimer = setTimeout(() => {
    const indices = [...onScreen].filter((el) => el.isConnected).map((el) => Number(el.dataset['i']));
    if (indices.length === 0) return;
    post({ type: 'visible', from: Math.min(...indices), to: Math.max(...indices) });
  }, 120);
}

/** Watches new paragraph elements only: the same observer follows the article across renders. */
function observeParagraphs(): void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const el = e.target as HTMLElement;
        if (e.isIntersecting) onScreen.add(el);
        else onScreen.delete(el);
      }
      reportVisible();
    },
    { rootMargin: '600px 0px' },
  );
  for (const p of paras) {
    if (observed.has(p.el)) continue;
    observed.add(p.el);
    observer.observe(p.el);
  }
}

function unobserve(el: HTMLElement): void {
  if (!observer || !observed.has(el)) return;
  observer.unobserve(el);
  observed.delete(el);
  onScreen.delete(el);
}

// ---- popover -----------------------------------------------------------------------------------

let hideTimer: ReturnType<typeof setTimeout> | undefined;
let showTimer: ReturnType<typeof setTimeout> | undefined;

function partNode(p: InfoPart): Node {
  const text = p.user ? short(p.text, p.max ?? 160) : p.text;
  let node: HTMLElement;
  if (p.url && /^https?:\/\//i.test(p.text.trim())) {
    const a = h('a', 'link', text);
    a.href = p.text.trim();
    a.rel = 'noreferrer noopener';
    node = a;
  } else if (p.user) node = h('bdi', 'user', text);
  else node = h('span', undefined, text);
  if (p.strong) node.classList.add('strong');
  if (p.em) node.classList.add('em');
  return node;
}

function partsNode(parts: readonly InfoPart[], tag: 'div' | 'p' | 'span' = 'span'): HTMLElement {
  const el = h(tag);
  for (const p of parts) el.append(partNode(p));
  return el;
}

function showInfo(info: MarkInfo, anchor: HTMLElement, entry: MarkEntry | undefined, orphan?: OrphanView): void {
  if (hideTimer) clearTimeout(hideTimer);
  const title = partsNode(info.title, 'div');
  title.className = 'pop-title';
  const body: HTMLElement[] = [title];
  for (const lead of info.lead) {
    const p = partsNode(lead, 'p');
    p.className = 'pop-lead';
    body.push(p);
  }
  if (info.rows.length) {
    const dl = h('dl', 'pop-rows');
    for (const r of info.rows) {
      const dd = h('dd');
      dd.append(partsNode(r.value, 'span'));
      dl.append(h('dt', undefined, r.name), dd);
    }
    body.push(dl);
  }
  for (const w of info.warnings) body.push(h('p', 'pop-warning', `⚠ ${w}`));
  const actions = h('div', 'pop-actions');
  for (const a of info.actions) {
    const run = actionFor(a.command, entry, orphan);
    if (!run) continue;
    const b = h('button', 'pop-action', a.title);
    b.type = 'button';
    b.addEventListener('click', (e) => {
      e.preventDefault();
      run();
    });
    if (readOnly) b.disabled = true;
    actions.append(b);
  }
  if (actions.childElementCount) body.push(actions);
  popover.replaceChildren(...body);
  popover.hidden = false;
  anchor.setAttribute('aria-describedby', popover.id);
  place(anchor);
}

function place(anchor: HTMLElement): void {
  const r = (anchor.getClientRects()[0] ?? anchor.getBoundingClientRect()) as DOMRect;
  const pw = popover.offsetWidth;
  const ph = popover.offsetHeight;
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  let top = r.bottom + 6;
  if (top + ph > vh - 4 && r.top - ph - 6 > 4) top = r.top - ph - 6;
  let left = r.right - pw;
  left = Math.max(4, Math.min(left, vw - pw - 4));
  popover.style.top = `${Math.max(4, top)}px`;
  popover.style.left = `${left}px`;
}

function hideInfo(delay = 0): void {
  if (showTimer) clearTimeout(showTimer);
  if (hideTimer) clearTimeout(hideTimer);
  hideTimer = setTimeout(() => {
    popover.hidden = true;
  }, delay);
}

popover.addEventListener('mouseenter', () => hideTimer && clearTimeout(hideTimer));
popover.addEventListener('mouseleave', () => hideInfo(250));

/** The operation behind an action of a mark's explanation, as the reader does it. */
function actionFor(command: string, m: MarkEntry | undefined, orphan?: OrphanView): (() => void) | undefined {
  if (orphan) return command === 'khabar.removeAnnotation' ? () => post({ type: 'remove', recordId: orphan.recordId }) : undefined;
  if (!m) return undefined;
  const v = m.view;
  switch (command) {
    case 'khabar.tagClaim':
      return () => openCard(m, 'CLAIM');
    case 'khabar.tagQuote':
      return () => openCard(m, 'QUOTE');
    case 'khabar.setVerdict':
    case 'khabar.setClaimant':
    case 'khabar.setClaimType':
    case 'khabar.addEvidence':
      return v.claim ? () => openCard(m, v.label === 'QUOTE' ? 'QUOTE' : 'CLAIM', command) : undefined;
    case 'khabar.addNote':
      return v.claim ? () => openCard(m, v.label === 'QUOTE' ? 'QUOTE' : 'CLAIM', command) : undefined;
    case 'khabar.acceptDetection':
      return () => post({ type: 'review', markId: v.id, status: 'accepted' });
    case 'khabar.rejectDetection':
      return () => post({ type: 'review', markId: v.id, status: 'rejected' });
    case 'khabar.retypeDetection':
      return ['PER', 'LOC', 'ORG', 'MISC'].includes(v.label) || v.detection ? () => showRetype(m) : undefined;
    case 'khabar.removeAnnotation':
      return v.recordId ? () => post({ type: 'remove', recordId: v.recordId! }) : undefined;
    case 'khabar.addToEntityList':
      return () => post({ type: 'addToEntityList', markId: v.id });
    default:
      return undefined;
  }
}

function showRetype(m: MarkEntry): void {
  if (!init) return;
  const row = h('div', 'pop-actions retype');
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', t('retypeAs'));
  row.append(h('span', 'retype-title', t('retypeAs')));
  for (const l of init.entityLabels) {
    const b = h('button', `pop-action k-${l.key}`, l.name);
    b.type = 'button';
    b.addEventListener('click', () => {
      post({ type: 'retype', markId: m.view.id, label: l.key });
      hideInfo();
      focusMark(m.view.id);
    });
    row.append(b);
  }
  popover.append(row);
  popover.hidden = false;
  (row.querySelector('button') as HTMLButtonElement | null)?.focus();
}

// ---- focus and navigation ----------------------------------------------------------------------

function visibleIds(filter?: (m: MarkEntry) => boolean): string[] {
  return order.filter((id) => {
    const m = marks.get(id)!;
    return !hiddenKeys.has(m.view.key) && m.els.length > 0 && (!filter || filter(m));
  });
}

function focusMark(id: string, scroll = true): void {
  const m = marks.get(id);
  if (!m || !m.els[0]) return;
  for (const el of articleEl.querySelectorAll('mark.focused')) el.classList.remove('focused');
  for (const el of m.els) el.classList.add('focused');
  focusedId = id;
  const first = m.els[0];
  first.focus({ preventScroll: !scroll });
  if (scroll) first.scrollIntoView({ block: 'nearest' });
  showInfo(m.view.info, first, m);
}

function restoreFocus(): void {
  if (pendingFocus) {
    const want = pendingFocus;
    const hit = order.map((id) => marks.get(id)!).find((m) => m.start === want.start && m.end === want.end && m.view.key !== 'claimSuggestion');
    if (hit) {
      pendingFocus = undefined;
      focusMark(hit.view.id, false);
      return;
    }
  }
  if (focusedId && card.hidden) {
    const m = marks.get(focusedId);
    if (m && m.els[0] && document.activeElement !== m.els[0] && (document.activeElement === document.body || !document.activeElement || !app.contains(document.activeElement))) {
      focusMark(focusedId, false);
    } else if (m) for (const el of m.els) el.classList.add('focused');
  }
}

function isSuggestion(m: MarkEntry): boolean {
  return m.view.key === 'claimSuggestion' || m.view.key === 'claimTagged';
}

function step(direction: 1 | -1, filter?: (m: MarkEntry) => boolean): void {
  const ids = visibleIds(filter);
  if (ids.length === 0) return;
  const current = focusedId ? marks.get(focusedId) : undefined;
  let next: string | undefined;
  if (!current) next = direction > 0 ? ids[0] : ids[ids.length - 1];
  else {
    const at = ids.indexOf(current.view.id);
    if (at >= 0) next = ids[(at + direction + ids.length) % ids.length];
    else next = direction > 0 ? ids.find((id) => marks.get(id)!.start > current.start) ?? ids[0] : [...ids].reverse().find((id) => marks.get(id)!.start < current.start) ?? ids[ids.length - 1];
  }
  if (next) focusMark(next);
}

/** The claim a key acts on: the focused mark if it is one, else a claim containing it. */
function claimFor(m: MarkEntry | undefined): MarkEntry | undefined {
  if (!m) return undefined;
  if (isSuggestion(m)) return m;
  const ids = m.els[0]?.dataset['ids']?.split(' ') ?? [];
  for (const id of ids) {
    const c = marks.get(id);
    if (c && isSuggestion(c)) return c;
  }
  return undefined;
}

/** The article selection as offsets, when it lies inside the article. */
function selectionSpan(): { start: number; end: number } | undefined {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined;
  const r = sel.getRangeAt(0);
  const a = offsetOf(r.startContainer, r.startOffset);
  const b = offsetOf(r.endContainer, r.endOffset);
  if (a === undefined || b === undefined || b <= a) return undefined;
  return { start: a, end: b };
}

function offsetOf(node: Node, offset: number): number | undefined {
  let el: Node | null = node;
  while (el && !(el instanceof HTMLElement && el.classList.contains('para'))) el = el.parentNode;
  if (!el) return undefined;
  const p = paras[Number((el as HTMLElement).dataset['i'])];
  if (!p) return undefined;
  let n = 0;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let cur = walker.nextNode(); cur; cur = walker.nextNode()) {
    if (cur === node) return p.view.start + n + offset;
    n += cur.textContent?.length ?? 0;
  }
  // The container is an element: offset counts its child nodes.
  if (node === el) {
    let k = 0;
    for (let i = 0; i < offset && i < node.childNodes.length; i++) k += node.childNodes[i]!.textContent?.length ?? 0;
    return p.view.start + k;
  }
  return undefined;
}

articleEl.addEventListener('mouseover', (e) => {
  const el = (e.target as HTMLElement).closest('mark.m') as HTMLElement | null;
  if (!el) return;
  const ids = el.dataset['ids']?.split(' ') ?? [];
  const id = ids[ids.length - 1];
  const m = id ? marks.get(id) : undefined;
  if (!m) return;
  if (hideTimer) clearTimeout(hideTimer);
  if (showTimer) clearTimeout(showTimer);
  showTimer = setTimeout(() => showInfo(m.view.info, el, m), 200);
});
articleEl.addEventListener('mouseout', (e) => {
  if ((e.target as HTMLElement).closest('mark.m')) {
    if (showTimer) clearTimeout(showTimer);
    hideInfo(300);
  }
});
articleEl.addEventListener('click', (e) => {
  const el = (e.target as HTMLElement).closest('mark.m') as HTMLElement | null;
  if (!el || !window.getSelection()?.isCollapsed) return;
  const ids = el.dataset['ids']?.split(' ') ?? [];
  const m = marks.get(ids[ids.length - 1] ?? '');
  if (!m) return;
  focusMark(m.view.id, false);
  post({ type: 'reveal', start: m.start, end: m.end });
});
articleEl.addEventListener('focusin', (e) => {
  const id = (e.target as HTMLElement).dataset['focus'];
  if (id && id !== focusedId) focusMark(id, false);
});

document.addEventListener('keydown', (e) => {
  if (!init) return;
  const target = e.target as HTMLElement;
  if (!card.hidden && card.contains(target)) return;
  if (target.closest('input, textarea, select')) return;
  if (e.altKey || e.metaKey) return;
  const ctrl = e.ctrlKey;
  const focused = focusedId ? marks.get(focusedId) : undefined;
  const inArticle = articleEl.contains(target) || target === document.body || popover.contains(target);
  const key = e.key;
  const handled = (): void => {
    e.preventDefault();
    e.stopPropagation();
  };
  if (ctrl) {
    if (key === 'z' || key === 'Z') {
      handled();
      post({ type: e.shiftKey ? 'redo' : 'undo' });
    }
    return;
  }
  if (queue && inArticle) {
    if (key === 'a' || key === 'r') {
      handled();
      const id = queue.ids[queue.pos];
      if (id && marks.has(id) && !readOnly) post({ type: 'review', markId: id, status: key === 'a' ? 'accepted' : 'rejected' });
      else if (readOnly) setStatus(readOnly, true);
      queue.pos++;
      showQueue();
      return;
    }
    if (key === 's') {
      handled();
      queue.pos++;
      showQueue();
      return;
    }
    if (key === 'Escape') {
      handled();
      stopQueue();
      return;
    }
  }
  if (popover.contains(target) && key === 'Escape') {
    handled();
    hideInfo();
    if (focusedId) focusMark(focusedId, false);
    return;
  }
  if (!inArticle) return;
  switch (key) {
    case 'j':
    case 'ArrowDown':
    case 'ArrowLeft':
      if (key.startsWith('Arrow') && !focused) return;
      handled();
      step(1);
      return;
    case 'k':
    case 'ArrowUp':
    case 'ArrowRight':
      if (key.startsWith('Arrow') && !focused) return;
      handled();
      step(-1);
      return;
    case 'n':
      handled();
      step(1, isSuggestion);
      return;
    case 'p':
      handled();
      step(-1, isSuggestion);
      return;
    case 'Enter':
      if (!focused) return;
      handled();
      post({ type: 'reveal', start: focused.start, end: focused.end });
      return;
    case 't':
    case 'e': {
      handled();
      const span = selectionSpan();
      if (span && key === 't') {
        openCardForSpan(span.start, span.end, 'CLAIM');
        return;
      }
      const c = claimFor(focused);
      if (c) openCard(c, c.view.label === 'QUOTE' ? 'QUOTE' : 'CLAIM');
      else setStatus(t('selectFirst'), true);
      return;
    }
    case 'a':
      if (!focused?.view.detection) return;
      handled();
      post({ type: 'review', markId: focused.view.id, status: 'accepted' });
      return;
    case 'r':
      if (!focused) return;
      handled();
      post({ type: 'review', markId: focused.view.id, status: 'rejected' });
      return;
    case 'y':
      if (!focused) return;
      handled();
      showRetype(focused);
      return;
    case 'Delete':
      if (!focused?.view.recordId) return;
      handled();
      post({ type: 'remove', recordId: focused.view.recordId });
      return;
    case 'q':
      handled();
      startQueue();
      return;
    case '?':
      handled();
      help.hidden = !help.hidden;
      return;
    case 'Escape':
      handled();
      hideInfo();
      return;
    default:
      return;
  }
});

// ---- review queue ------------------------------------------------------------------------------

function startQueue(): void {
  const ids = visibleIds((m) => m.view.key === 'claimSuggestion' && m.view.detection);
  queue = { ids, pos: 0 };
  showQueue();
}

function stopQueue(): void {
  queue = undefined;
  queueBar.hidden = true;
  document.body.classList.remove('queue');
}

function showQueue(): void {
  if (!queue) return;
  // Skip suggestions that vanished (accepted/rejected elsewhere, or the text changed).
  while (queue.pos < queue.ids.length && !marks.has(queue.ids[queue.pos]!)) queue.pos++;
  document.body.classList.add('queue');
  queueBar.hidden = false;
  if (queue.pos >= queue.ids.length) {
    queueBar.replaceChildren(h('span', 'queue-progress', t('queueDone')));
    setTimeout(() => queue && queue.pos >= queue.ids.length && stopQueue(), 2500);
    return;
  }
  const progress = h('span', 'queue-progress', `${queue.pos + 1}/${queue.ids.length}`);
  progress.setAttribute('aria-label', t('queueProgress', queue.pos + 1, queue.ids.length));
  queueBar.replaceChildren(progress, h('span', 'queue-hint', t('queueHint')));
  focusMark(queue.ids[queue.pos]!);
  marks.get(queue.ids[queue.pos]!)?.els[0]?.scrollIntoView({ block: 'center' });
}

// ---- claim card --------------------------------------------------------------------------------

interface ComboItem {
  value: string;
  label: string;
  sub?: string;
}

interface Combo {
  input: HTMLInputElement;
  list: HTMLUListElement;
  picked(): ComboItem | undefined;
  set(item: ComboItem | undefined, text?: string): void;
  items(): ComboItem[];
}

let comboSeq = 0;

function combo(labelText: string, placeholder: string, source: () => ComboItem[], openOnFocus: boolean): { wrap: HTMLElement; combo: Combo } {
  const id = `combo-${++comboSeq}`;
  const wrap = h('div', 'field combo');
  const label = h('label', undefined, labelText);
  label.htmlFor = id;
  const input = h('input');
  input.id = id;
  input.type = 'text';
  input.dir = 'auto';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = placeholder;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  const list = h('ul', 'options');
  list.id = `${id}-list`;
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.setAttribute('aria-controls', list.id);
  let shown: ComboItem[] = [];
  let active = -1;
  let picked: ComboItem | undefined;
  const query = (): string => fold(input.value.trim().toLowerCase());
  const render = (): void => {
    list.replaceChildren();
    shown.forEach((item, i) => {
      const li = h('li', 'option');
      li.id = `${id}-o${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(i === active));
      li.append(h('bdi', 'option-label', item.label));
      if (item.sub) li.append(h('span', 'option-sub', item.sub));
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        pick(item);
      });
      list.append(li);
    });
    if (shown.length === 0 && input.value.trim()) list.append(h('li', 'option none', t('noMatch')));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${id}-o${active}`);
    else input.removeAttribute('aria-activedescendant');
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  };
  const open = (activeIndex: number): void => {
    const q = query();
    const all = source();
    shown = q ? all.filter((x) => fold(`${x.label} ${x.sub ?? ''} ${x.value}`.toLowerCase()).includes(q)) : all;
    active = Math.min(activeIndex, shown.length - 1);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    render();
  };
  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const pick = (item: ComboItem): void => {
    picked = item;
    input.value = item.label;
    close();
  };
  input.addEventListener('input', () => {
    picked = undefined;
    open(input.value.trim() ? 0 : -1);
  });
  input.addEventListener('focus', () => {
    if (openOnFocus) open(-1);
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) open(e.key === 'ArrowDown' ? 0 : -1);
      else {
        active = e.key === 'ArrowDown' ? Math.min(active + 1, shown.length - 1) : Math.max(active - 1, 0);
        render();
      }
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (!list.hidden && active >= 0 && shown[active]) pick(shown[active]!);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  wrap.append(label, input, list);
  return {
    wrap,
    combo: {
      input,
      list,
      picked: () => picked,
      set: (item, text) => {
        picked = item;
        input.value = item?.label ?? text ?? '';
      },
      items: source,
    },
  };
}

interface CardState {
  start: number;
  end: number;
  recordId?: string;
  label: 'CLAIM' | 'QUOTE';
}

let cardState: CardState | undefined;
let returnFocus: string | undefined;

function verdictItems(): ComboItem[] {
  return (init?.verdicts ?? []).map((v: VerdictDef) => ({ value: v.key, label: v.label, sub: v.labelEn }));
}

/** The article's people and organisations, nearest to the claim first. */
function nameItems(): ComboItem[] {
  const at = cardState?.start ?? 0;
  return [...names]
    .map((n) => ({ n, d: Math.min(...n.offsets.map((o) => Math.abs(o - at))) }))
    .sort((a, b) => a.d - b.d)
    .map(({ n }) => ({ value: n.text, label: n.text, sub: n.label }));
}

function openCard(m: MarkEntry, label: 'CLAIM' | 'QUOTE', focusField?: string): void {
  returnFocus = m.view.id;
  const fields = m.view.key === 'claimTagged' ? m.view.claim : undefined;
  showCard({ start: m.start, end: m.end, label, ...(m.view.key === 'claimTagged' && m.view.recordId ? { recordId: m.view.recordId } : {}) }, fields, focusField);
}

function openCardForSpan(start: number, end: number, label: 'CLAIM' | 'QUOTE'): void {
  returnFocus = focusedId;
  showCard({ start, end, label }, undefined);
}

function textOf(start: number, end: number): string {
  let out = '';
  for (const p of paras) {
    const ps = p.view.start;
    const pe = ps + p.view.text.length;
    if (pe <= start || ps >= end) continue;
    out += (out ? ' ' : '') + p.view.text.slice(Math.max(0, start - ps), Math.min(p.view.text.length, end - ps));
  }
  return out;
}

function showCard(state: CardState, fields: ClaimFields | undefined, focusField?: string): void {
  if (!init) return;
  if (readOnly) {
    setStatus(readOnly, true);
    return;
  }
  hideInfo();
  cardState = state;
  card.replaceChildren();
  const heading = h('h2', 'card-title', t('card'));
  heading.id = 'card-title';
  card.setAttribute('aria-labelledby', heading.id);
  const quote = h('blockquote', 'card-quote', short(textOf(state.start, state.end), 300));
  quote.lang = 'ar';
  quote.dir = 'rtl';

  const verdict = combo(t('verdict'), t('verdictSearch'), verdictItems, false);
  const v = fields?.verdict ? verdictItems().find((x) => x.value === fields.verdict) : undefined;
  verdict.combo.set(v);
  const claimant = combo(t('claimant'), t('claimantPlaceholder'), nameItems, true);
  claimant.combo.input.lang = 'ar';
  claimant.combo.set(undefined, fields?.claimant ?? '');

  const typeWrap = h('div', 'field');
  const typeLabel = h('label', undefined, t('claimType'));
  const typeSelect = h('select');
  typeSelect.id = 'card-type';
  typeLabel.htmlFor = typeSelect.id;
  const none = h('option', undefined, t('none'));
  none.value = '';
  typeSelect.append(none);
  for (const ct of init.claimTypes) {
    const o = h('option', undefined, ct.name);
    o.value = ct.key;
    if (fields?.claimType === ct.key) o.selected = true;
    typeSelect.append(o);
  }
  typeWrap.append(typeLabel, typeSelect);

  const evidence = h('fieldset', 'field evidence');
  evidence.append(h('legend', undefined, t('evidence')));
  const rows = h('div', 'evidence-rows');
  const addRow = (url = '', title = ''): HTMLInputElement => {
    const row = h('div', 'evidence-row');
    const u = h('input', 'evidence-url');
    u.type = 'url';
    u.dir = 'ltr';
    u.placeholder = 'https://';
    u.value = url;
    u.setAttribute('aria-label', t('link'));
    const ti = h('input', 'evidence-title');
    ti.type = 'text';
    ti.dir = 'auto';
    ti.placeholder = t('linkTitle');
    ti.value = title;
    ti.setAttribute('aria-label', t('linkTitle'));
    const rm = h('button', 'evidence-remove', '×');
    rm.type = 'button';
    rm.title = t('removeLink');
    rm.setAttribute('aria-label', t('removeLink'));
    rm.addEventListener('click', () => row.remove());
    row.append(u, ti, rm);
    rows.append(row);
    return u;
  };
  for (const e of fields?.evidence ?? []) addRow(e.url, e.title ?? '');
  if (!fields?.evidence.length) addRow();
  const add = h('button', 'evidence-add', t('addLink'));
  add.type = 'button';
  add.addEventListener('click', () => addRow().focus());
  evidence.append(rows, add);

  const reviewWrap = h('div', 'field');
  const reviewLabel = h('label', undefined, t('review'));
  const review = h('input', 'review-url');
  review.id = 'card-review';
  review.type = 'url';
  review.dir = 'ltr';
  review.placeholder = 'https://';
  review.value = fields?.review ?? '';
  reviewLabel.htmlFor = review.id;
  reviewWrap.append(reviewLabel, review);

  const noteWrap = h('div', 'field');
  const noteLabel = h('label', undefined, t('note'));
  const note = h('textarea', 'note');
  note.id = 'card-note';
  note.rows = 3;
  note.dir = 'auto';
  note.value = fields?.note ?? '';
  noteLabel.htmlFor = note.id;
  noteWrap.append(noteLabel, note);

  const quoteWrap = h('label', 'field check');
  const isQuote = h('input');
  isQuote.type = 'checkbox';
  isQuote.checked = state.label === 'QUOTE';
  quoteWrap.append(isQuote, document.createTextNode(` ${t('quote')}`));

  const error = h('p', 'card-error');
  error.setAttribute('role', 'alert');
  const buttons = h('div', 'card-buttons');
  const save = h('button', 'primary', t('save'));
  save.type = 'submit';
  const cancel = h('button', undefined, t('cancel'));
  cancel.type = 'button';
  buttons.append(save, cancel, h('span', 'card-hint', t('cardHint')));

  card.append(heading, quote, verdict.wrap, claimant.wrap, typeWrap, evidence, reviewWrap, noteWrap, quoteWrap, error, buttons);
  card.hidden = false;
  document.body.classList.add('card-open');

  const submit = (): void => {
    error.textContent = '';
    const vText = verdict.combo.input.value.trim();
    let verdictKey = verdict.combo.picked()?.value;
    if (!verdictKey && vText) {
      const q = fold(vText.toLowerCase());
      const items = verdictItems();
      const exact = items.find((x) => [x.label, x.sub ?? '', x.value].some((s) => fold(s.toLowerCase()) === q));
      const partial = items.filter((x) => fold(`${x.label} ${x.sub ?? ''} ${x.value}`.toLowerCase()).includes(q));
      verdictKey = exact?.value ?? (partial.length === 1 ? partial[0]!.value : undefined);
      if (!verdictKey) {
        error.textContent = `${t('verdict')}: ${t('noMatch')}`;
        verdict.combo.input.focus();
        return;
      }
    }
    const links: Array<{ url: string; title?: string }> = [];
    for (const row of rows.querySelectorAll('.evidence-row')) {
      const u = (row.querySelector('.evidence-url') as HTMLInputElement).value.trim();
      const ti = (row.querySelector('.evidence-title') as HTMLInputElement).value.trim();
      if (!u) continue;
      if (!/^https?:\/\/\S+$/i.test(u)) {
        error.textContent = t('badUrl');
        (row.querySelector('.evidence-url') as HTMLInputElement).focus();
        return;
      }
      links.push(ti ? { url: u, title: ti } : { url: u });
    }
    const r = review.value.trim();
    if (r && !/^https?:\/\/\S+$/i.test(r)) {
      error.textContent = t('badUrl');
      review.focus();
      return;
    }
    const message: SaveClaimMessage = {
      type: 'saveClaim',
      start: state.start,
      end: state.end,
      label: isQuote.checked ? 'QUOTE' : 'CLAIM',
      evidence: links,
      ...(state.recordId ? { recordId: state.recordId } : {}),
      ...(verdictKey ? { verdict: verdictKey } : {}),
      ...(claimant.combo.input.value.trim() ? { claimant: claimant.combo.input.value.trim() } : {}),
      ...(typeSelect.value ? { claimType: typeSelect.value as NonNullable<SaveClaimMessage['claimType']> } : {}),
      ...(r ? { review: r } : {}),
      ...(note.value.trim() ? { note: note.value } : {}),
    };
    post(message);
    pendingFocus = { start: state.start, end: state.end };
    closeCard(false);
  };
  card.onsubmit = (e) => {
    e.preventDefault();
    submit();
  };
  cancel.addEventListener('click', () => closeCard(true));
  card.onkeydown = (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closeCard(true);
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      // Enter never submits from a text field: it picks from a list or does nothing.
      e.preventDefault();
    }
  };
  const focusTarget: Record<string, HTMLElement> = {
    'khabar.setClaimant': claimant.combo.input,
    'khabar.setClaimType': typeSelect,
    'khabar.addEvidence': ([...rows.querySelectorAll<HTMLInputElement>('.evidence-url')].pop() ?? add) as HTMLElement,
    'khabar.addNote': note,
  };
  (focusTarget[focusField ?? ''] ?? verdict.combo.input).focus();
  card.scrollIntoView({ block: 'nearest' });
}

function closeCard(refocus: boolean): void {
  card.hidden = true;
  card.replaceChildren();
  document.body.classList.remove('card-open');
  cardState = undefined;
  if (refocus && returnFocus) focusMark(returnFocus, false);
  else articleEl.focus({ preventScroll: true });
}

// ---- editor cursor → reader ----------------------------------------------------------------------

function scrollToOffset(offset: number): void {
  let lo = 0;
  let hi = paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paras[mid]!.view.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const p = paras[lo];
  if (!p) return;
  for (const el of articleEl.querySelectorAll('.para.cursor')) el.classList.remove('cursor');
  p.el.classList.add('cursor');
  const r = p.el.getBoundingClientRect();
  if (r.bottom < 0 || r.top > window.innerHeight) p.el.scrollIntoView({ block: 'center' });
}

// ---- messages ----------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'init':
      init = m;
      S = m.strings;
      api.setState({ uri: m.uri });
      buildToolbar();
      break;
    case 'render':
      receivedAt = Date.now();
      applyRender(m);
      break;
    case 'cursor':
      scrollToOffset(m.offset);
      break;
    case 'status':
      setStatus(m.text, m.error);
      break;
  }
});

post({ type: 'ready' });
