// The reader's keyboard: j/k and arrows between marks, n/p between claims, Enter to reveal in the
// editor, t/e for the claim card, a/r/y/Delete on a detection or record, q for the review queue
// (a/r/s/Escape while it runs), Ctrl+Z / Ctrl+Shift+Z for undo and redo, ? for help.
import { openCard, openCardForSpan } from './card';
import { articleEl, card, help, popover, setStatus } from './dom';
import { claimFor, focusMark, isSuggestion, selectionSpan, step } from './navigation';
import { hideInfo, showRetype } from './popover';
import { showQueue, startQueue, stopQueue } from './queue';
import { post, st, t, type MarkEntry } from './state';

/** Marks the key as handled (nothing else acts on it). */
type Handled = () => void;

export function onKeydown(e: KeyboardEvent): void {
  if (!st.init) return;
  const target = e.target as HTMLElement;
  if (!card.hidden && card.contains(target)) return;
  if (target.closest('input, textarea, select')) return;
  if (e.altKey || e.metaKey) return;
  const focused = st.focusedId ? st.marks.get(st.focusedId) : undefined;
  const inArticle = articleEl.contains(target) || target === document.body || popover.contains(target);
  const key = e.key;
  const handled: Handled = () => {
    e.preventDefault();
    e.stopPropagation();
  };
  if (e.ctrlKey) {
    if (key === 'z' || key === 'Z') {
      handled();
      post({ type: e.shiftKey ? 'redo' : 'undo' });
    }
    return;
  }
  if (st.queue && inArticle && queueKey(key, handled)) return;
  if (popover.contains(target) && key === 'Escape') {
    handled();
    hideInfo();
    if (st.focusedId) focusMark(st.focusedId, false);
    return;
  }
  if (!inArticle) return;
  if (!moveKey(key, focused, handled)) actionKey(key, focused, handled);
}

/** While the review queue runs: accept, reject, skip, stop. True when the key was the queue's. */
function queueKey(key: string, handled: Handled): boolean {
  const queue = st.queue!;
  if (key === 'a' || key === 'r') {
    handled();
    const id = queue.ids[queue.pos];
    if (id && st.marks.has(id) && !st.readOnly) post({ type: 'review', markId: id, status: key === 'a' ? 'accepted' : 'rejected' });
    else if (st.readOnly) setStatus(st.readOnly, true);
    queue.pos++;
    showQueue();
    return true;
  }
  if (key === 's') {
    handled();
    queue.pos++;
    showQueue();
    return true;
  }
  if (key === 'Escape') {
    handled();
    stopQueue();
    return true;
  }
  return false;
}

/** Between marks and to the editor. True when the key is one of these (handled or not). */
function moveKey(key: string, focused: MarkEntry | undefined, handled: Handled): boolean {
  switch (key) {
    case 'j':
    case 'ArrowDown':
    case 'ArrowLeft':
      if (key.startsWith('Arrow') && !focused) return true;
      handled();
      step(1);
      return true;
    case 'k':
    case 'ArrowUp':
    case 'ArrowRight':
      if (key.startsWith('Arrow') && !focused) return true;
      handled();
      step(-1);
      return true;
    case 'n':
      handled();
      step(1, isSuggestion);
      return true;
    case 'p':
      handled();
      step(-1, isSuggestion);
      return true;
    case 'Enter':
      if (!focused) return true;
      handled();
      post({ type: 'reveal', start: focused.start, end: focused.end });
      return true;
    default:
      return false;
  }
}

/** What the focused mark (or the selection) offers, the queue, help, Escape. */
function actionKey(key: string, focused: MarkEntry | undefined, handled: Handled): void {
  switch (key) {
    case 't':
    case 'e':
      handled();
      cardKey(key, focused);
      return;
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
}

/** t: tag the selection as a claim, else edit the claim at the focus; e: edit the claim at the focus. */
function cardKey(key: 't' | 'e', focused: MarkEntry | undefined): void {
  const span = selectionSpan();
  if (span && key === 't') {
    openCardForSpan(span.start, span.end, 'CLAIM');
    return;
  }
  const c = claimFor(focused);
  if (c) openCard(c, c.view.label === 'QUOTE' ? 'QUOTE' : 'CLAIM');
  else setStatus(t('selectFirst'), true);
}
