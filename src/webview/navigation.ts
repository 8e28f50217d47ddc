// Moving between marks: focus (with its explanation), next and previous (all, or claims only),
// what a key acts on, and the article selection as text offsets.
import { app, articleEl, card } from './dom';
import { hideInfoSoon, showInfo, showInfoSoon } from './popover';
import { post, st, type MarkEntry } from './state';

export function visibleIds(filter?: (m: MarkEntry) => boolean): string[] {
  return st.order.filter((id) => {
    const m = st.marks.get(id)!;
    return !st.hiddenKeys.has(m.view.key) && m.els.length > 0 && (!filter || filter(m));
  });
}

export function focusMark(id: string, scroll = true): void {
  const m = st.marks.get(id);
  if (!m || !m.els[0]) return;
  for (const el of articleEl.querySelectorAll('mark.focused')) el.classList.remove('focused');
  for (const el of m.els) el.classList.add('focused');
  st.focusedId = id;
  const first = m.els[0];
  first.focus({ preventScroll: !scroll });
  if (scroll) first.scrollIntoView({ block: 'nearest' });
  showInfo(m.view.info, first, m);
}

export function restoreFocus(): void {
  if (st.pendingFocus) {
    const want = st.pendingFocus;
    const hit = st.order.map((id) => st.marks.get(id)!).find((m) => m.start === want.start && m.end === want.end && m.view.key !== 'claimSuggestion');
    if (hit) {
      st.pendingFocus = undefined;
      focusMark(hit.view.id, false);
      return;
    }
  }
  if (st.focusedId && card.hidden) {
    const m = st.marks.get(st.focusedId);
    if (m && m.els[0] && document.activeElement !== m.els[0] && (document.activeElement === document.body || !document.activeElement || !app.contains(document.activeElement))) {
      focusMark(st.focusedId, false);
    } else if (m) for (const el of m.els) el.classList.add('focused');
  }
}

export function isSuggestion(m: MarkEntry): boolean {
  return m.view.key === 'claimSuggestion' || m.view.key === 'claimTagged';
}

export function step(direction: 1 | -1, filter?: (m: MarkEntry) => boolean): void {
  const ids = visibleIds(filter);
  if (ids.length === 0) return;
  const current = st.focusedId ? st.marks.get(st.focusedId) : undefined;
  let next: string | undefined;
  if (!current) next = direction > 0 ? ids[0] : ids[ids.length - 1];
  else {
    const at = ids.indexOf(current.view.id);
    if (at >= 0) next = ids[(at + direction + ids.length) % ids.length];
    else next = direction > 0 ? ids.find((id) => st.marks.get(id)!.start > current.start) ?? ids[0] : [...ids].reverse().find((id) => st.marks.get(id)!.start < current.start) ?? ids[ids.length - 1];
  }
  if (next) focusMark(next);
}

/** The claim a key acts on: the focused mark if it is one, else a claim containing it. */
export function claimFor(m: MarkEntry | undefined): MarkEntry | undefined {
  if (!m) return undefined;
  if (isSuggestion(m)) return m;
  const ids = m.els[0]?.dataset['ids']?.split(' ') ?? [];
  for (const id of ids) {
    const c = st.marks.get(id);
    if (c && isSuggestion(c)) return c;
  }
  return undefined;
}

/** The article selection as offsets, when it lies inside the article. */
export function selectionSpan(): { start: number; end: number } | undefined {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined;
  const r = sel.getRangeAt(0);
  const a = offsetOf(r.startContainer, r.startOffset);
  const b = offsetOf(r.endContainer, r.endOffset);
  if (a === undefined || b === undefined || b <= a) return undefined;
  return { start: a, end: b };
}

export function offsetOf(node: Node, offset: number): number | undefined {
  let el: Node | null = node;
  while (el && !(el instanceof HTMLElement && el.classList.contains('para'))) el = el.parentNode;
  if (!el) return undefined;
  const p = st.paras[Number((el as HTMLElement).dataset['i'])];
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

/** Pointer and focus on the article's marks: explain on hover, focus and reveal in the editor on click. */
export function wireArticle(): void {
  articleEl.addEventListener('mouseover', (e) => {
    const el = (e.target as HTMLElement).closest('mark.m') as HTMLElement | null;
    if (!el) return;
    const ids = el.dataset['ids']?.split(' ') ?? [];
    const id = ids[ids.length - 1];
    const m = id ? st.marks.get(id) : undefined;
    if (!m) return;
    showInfoSoon(m, el);
  });
  articleEl.addEventListener('mouseout', (e) => {
    if ((e.target as HTMLElement).closest('mark.m')) hideInfoSoon();
  });
  articleEl.addEventListener('click', (e) => {
    const el = (e.target as HTMLElement).closest('mark.m') as HTMLElement | null;
    if (!el || !window.getSelection()?.isCollapsed) return;
    const ids = el.dataset['ids']?.split(' ') ?? [];
    const m = st.marks.get(ids[ids.length - 1] ?? '');
    if (!m) return;
    focusMark(m.view.id, false);
    post({ type: 'reveal', start: m.start, end: m.end });
  });
  articleEl.addEventListener('focusin', (e) => {
    const id = (e.target as HTMLElement).dataset['focus'];
    if (id && id !== st.focusedId) focusMark(id, false);
  });
}
