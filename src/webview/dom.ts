// The reader page's fixed parts: the sticky top (toolbar with the legend, read-only banner, review
// queue progress, status line), the orphans box, the article, the help, the popover and the card.
import { h, st, t } from './state';
import { startQueue } from './queue';

export const app = document.getElementById('app')!;
export const top = h('div', 'top');
export const toolbar = h('div', 'toolbar');
export const statusEl = h('div', 'status');
export const banner = h('div', 'banner');
export const queueBar = h('div', 'queuebar');
export const orphanBox = h('section', 'orphans');
export const articleEl = h('article', 'article');
export const popover = h('div', 'popover');
export const card = h('form', 'card');
export const help = h('p', 'help');

export function buildSkeleton(): void {
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

export function uiDir(el: HTMLElement): void {
  if (!st.init) return;
  el.dir = st.init.uiDir;
  el.lang = st.init.uiLang;
}

export function buildToolbar(): void {
  if (!st.init) return;
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
  for (const item of st.init.legend) {
    const b = h('button', `chip k-${item.key}`);
    b.type = 'button';
    b.dataset['key'] = item.key;
    b.setAttribute('aria-pressed', String(!st.hiddenKeys.has(item.key)));
    const swatch = h('span', `swatch k-${item.key}`);
    swatch.setAttribute('aria-hidden', 'true');
    b.append(swatch, document.createTextNode(item.name));
    b.addEventListener('click', () => {
      if (st.hiddenKeys.has(item.key)) st.hiddenKeys.delete(item.key);
      else st.hiddenKeys.add(item.key);
      document.body.classList.toggle(`hide-${item.key}`, st.hiddenKeys.has(item.key));
      b.setAttribute('aria-pressed', String(!st.hiddenKeys.has(item.key)));
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

export function setStatus(text: string, error = false): void {
  statusEl.textContent = text;
  statusEl.classList.toggle('error', error);
  if (text) setTimeout(() => statusEl.textContent === text && (statusEl.textContent = ''), 4000);
}
