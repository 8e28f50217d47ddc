// The popover: a mark's (or an orphan's) explanation, on hover and on keyboard focus, with the
// actions it offers, and the retype buttons.
import type { InfoPart, MarkInfo } from '../core/editor/markInfo';
import type { OrphanView } from '../core/reader/protocol';
import { openCard } from './card';
import { popover } from './dom';
import { readerAction } from './markActions';
import { focusMark } from './navigation';
import { h, post, short, st, t, type MarkEntry } from './state';

let hideTimer: ReturnType<typeof setTimeout> | undefined;
let showTimer: ReturnType<typeof setTimeout> | undefined;

export function partNode(p: InfoPart): Node {
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

export function partsNode(parts: readonly InfoPart[], tag: 'div' | 'p' | 'span' = 'span'): HTMLElement {
  const el = h(tag);
  for (const p of parts) el.append(partNode(p));
  return el;
}

export function showInfo(info: MarkInfo, anchor: HTMLElement, entry: MarkEntry | undefined, orphan?: OrphanView): void {
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
    if (st.readOnly) b.disabled = true;
    actions.append(b);
  }
  if (actions.childElementCount) body.push(actions);
  popover.replaceChildren(...body);
  popover.hidden = false;
  anchor.setAttribute('aria-describedby', popover.id);
  place(anchor);
}

export function place(anchor: HTMLElement): void {
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

export function hideInfo(delay = 0): void {
  if (showTimer) clearTimeout(showTimer);
  if (hideTimer) clearTimeout(hideTimer);
  hideTimer = setTimeout(() => {
    popover.hidden = true;
  }, delay);
}

/** The popover stays while the pointer is on it. */
export function wirePopover(): void {
  popover.addEventListener('mouseenter', () => hideTimer && clearTimeout(hideTimer));
  popover.addEventListener('mouseleave', () => hideInfo(250));
}

/** A mark under the pointer: explained after a short pause. */
export function showInfoSoon(m: MarkEntry, el: HTMLElement): void {
  if (hideTimer) clearTimeout(hideTimer);
  if (showTimer) clearTimeout(showTimer);
  showTimer = setTimeout(() => showInfo(m.view.info, el, m), 200);
}

/** The pointer left a mark. */
export function hideInfoSoon(): void {
  if (showTimer) clearTimeout(showTimer);
  hideInfo(300);
}

/** The operation behind an action of a mark's explanation, as the reader does it (markActions.ts). */
function actionFor(command: string, m: MarkEntry | undefined, orphan?: OrphanView): (() => void) | undefined {
  const a = readerAction(command, m?.view, orphan);
  if (!a) return undefined;
  switch (a.kind) {
    case 'post':
      return () => post(a.message);
    case 'retype':
      return () => showRetype(m!);
    case 'card':
      return () => openCard(m!, a.label, a.focus);
  }
}

export function showRetype(m: MarkEntry): void {
  if (!st.init) return;
  const row = h('div', 'pop-actions retype');
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', t('retypeAs'));
  row.append(h('span', 'retype-title', t('retypeAs')));
  for (const l of st.init.entityLabels) {
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
