// Rendering the article from the host's render message: paragraphs (reused when unchanged), their
// marks as inline <mark> runs, the orphans box, the banner; for long articles, which paragraphs are
// near the viewport (the host sends their marks); and following the editor's cursor.
import { segmentParagraph } from '../core/reader/segments';
import type { ParagraphView, RenderMessage } from '../core/reader/protocol';
import { articleEl, banner, orphanBox } from './dom';
import { restoreFocus } from './navigation';
import { showInfo } from './popover';
import { showQueue } from './queue';
import { h, post, short, st, t, type Para } from './state';

export function tagFor(role: ParagraphView['role']): 'h1' | 'h2' | 'p' {
  return role === 'headline' ? 'h1' : role === 'heading' ? 'h2' : 'p';
}

export function renderParagraph(view: ParagraphView, index: number): Para {
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

export function rebuildMarks(): void {
  st.marks = new Map();
  st.order = [];
  for (const p of st.paras) {
    const list = [...(p.view.marks ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
    for (const v of list) {
      const els = p.markEls.get(v.id) ?? [];
      const hit = st.marks.get(v.id);
      if (hit) {
        hit.els.push(...els);
        hit.end = p.view.start + v.end;
        continue;
      }
      st.marks.set(v.id, { view: v, start: p.view.start + v.start, end: p.view.start + v.end, els: [...els] });
      st.order.push(v.id);
    }
  }
  for (const [id, m] of st.marks) {
    const first = m.els[0];
    if (!first) continue;
    first.tabIndex = -1;
    first.dataset['focus'] = id;
    first.setAttribute('aria-label', `${m.view.aria}`);
    first.setAttribute('role', 'button');
  }
}

export function applyRender(m: RenderMessage): void {
  const started = performance.now();
  const old = st.paras;
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
  st.paras = next;
  if (st.paras.length === 0) articleEl.replaceChildren(h('p', 'empty', t('empty')));
  st.names = m.names;
  st.orphans = m.orphans;
  st.readOnly = m.readOnly;
  st.lazy = m.lazy;
  document.body.classList.toggle('lazy', st.lazy);
  document.body.classList.toggle('readonly', !!st.readOnly);
  banner.hidden = !st.readOnly;
  banner.textContent = st.readOnly ?? '';
  document.title = m.title;
  rebuildMarks();
  renderOrphans();
  if (st.lazy) {
    observeParagraphs();
    // Indices moved with an edit: the host needs the range in the new numbering.
    reportVisible();
  }
  restoreFocus();
  if (st.queue) showQueue();
  document.body.dataset['version'] = String(m.version);
  document.body.dataset['renderMs'] = (performance.now() - started).toFixed(1);
  // Host → DOM timing of this render (e2e reads it): change seen, posted, received, applied.
  document.body.dataset['timing'] = JSON.stringify({ ...m.timing, receivedAt: st.receivedAt, appliedAt: Date.now() });
}

export function renderOrphans(): void {
  orphanBox.hidden = st.orphans.length === 0;
  if (st.orphans.length === 0) return;
  const title = h('h2', 'orphans-title', t('orphans', st.orphans.length));
  const list = h('ul');
  for (const o of st.orphans) {
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
      if ((e.key === 'Delete' || e.key === 'Backspace') && !st.readOnly) {
        e.preventDefault();
        post({ type: 'remove', recordId: o.recordId });
      }
    });
    list.append(li);
  }
  orphanBox.replaceChildren(title, list);
}


// ---- lazy marks for long articles ----------------------------------------------------------------

let observer: IntersectionObserver | undefined;
const observed = new WeakSet<Element>();
/** Paragraph elements near the viewport; their indices are read when the range is sent. */
const onScreen = new Set<HTMLElement>();
let visibleTimer: ReturnType<typeof setTimeout> | undefined;

export function reportVisible(): void {
  if (visibleTimer) clearTimeout(visibleTimer);
  visibleTimer = setTimeout(() => {
    const indices = [...onScreen].filter((el) => el.isConnected).map((el) => Number(el.dataset['i']));
    if (indices.length === 0) return;
    post({ type: 'visible', from: Math.min(...indices), to: Math.max(...indices) });
  }, 120);
}

/** Watches new paragraph elements only: the same observer follows the article across renders. */
export function observeParagraphs(): void {
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
  for (const p of st.paras) {
    if (observed.has(p.el)) continue;
    observed.add(p.el);
    observer.observe(p.el);
  }
}

export function unobserve(el: HTMLElement): void {
  if (!observer || !observed.has(el)) return;
  observer.unobserve(el);
  observed.delete(el);
  onScreen.delete(el);
}

// ---- editor cursor → reader ----------------------------------------------------------------------

export function scrollToOffset(offset: number): void {
  let lo = 0;
  let hi = st.paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (st.paras[mid]!.view.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const p = st.paras[lo];
  if (!p) return;
  for (const el of articleEl.querySelectorAll('.para.cursor')) el.classList.remove('cursor');
  p.el.classList.add('cursor');
  const r = p.el.getBoundingClientRect();
  if (r.bottom < 0 || r.top > window.innerHeight) p.el.scrollIntoView({ block: 'center' });
}
