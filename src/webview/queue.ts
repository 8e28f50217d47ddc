// The review queue: the claim suggestions on screen, one after the other, accepted or rejected with
// one key each (keys.ts), progress on top.
import { queueBar } from './dom';
import { focusMark, visibleIds } from './navigation';
import { h, st, t } from './state';

export function startQueue(): void {
  const ids = visibleIds((m) => m.view.key === 'claimSuggestion' && m.view.detection);
  st.queue = { ids, pos: 0 };
  showQueue();
}

export function stopQueue(): void {
  st.queue = undefined;
  queueBar.hidden = true;
  document.body.classList.remove('queue');
}

export function showQueue(): void {
  if (!st.queue) return;
  // Skip suggestions that vanished (accepted/rejected elsewhere, or the text changed).
  while (st.queue.pos < st.queue.ids.length && !st.marks.has(st.queue.ids[st.queue.pos]!)) st.queue.pos++;
  document.body.classList.add('queue');
  queueBar.hidden = false;
  if (st.queue.pos >= st.queue.ids.length) {
    queueBar.replaceChildren(h('span', 'queue-progress', t('queueDone')));
    setTimeout(() => st.queue && st.queue.pos >= st.queue.ids.length && stopQueue(), 2500);
    return;
  }
  const progress = h('span', 'queue-progress', `${st.queue.pos + 1}/${st.queue.ids.length}`);
  progress.setAttribute('aria-label', t('queueProgress', st.queue.pos + 1, st.queue.ids.length));
  queueBar.replaceChildren(progress, h('span', 'queue-hint', t('queueHint')));
  focusMark(st.queue.ids[st.queue.pos]!);
  st.marks.get(st.queue.ids[st.queue.pos]!)?.els[0]?.scrollIntoView({ block: 'center' });
}
