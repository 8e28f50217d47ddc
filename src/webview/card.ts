// The claim card: a keyboard-first form for a claim or quote (verdict, claimant, type, evidence
// links, fact-check link, note), opened on a mark, a selection, or an action of a mark's
// explanation; Ctrl+Enter saves, Escape cancels. cardFields.ts builds its fields.
import { fold } from '../core/arabic';
import type { ClaimFields, SaveClaimMessage } from '../core/reader/protocol';
import { type CardFieldSet, claimantField, evidenceField, noteField, quoteField, reviewField, typeField, verdictField } from './cardFields';
import { articleEl, card, setStatus } from './dom';
import type { ComboItem } from './combo';
import type { CardField } from './markActions';
import { focusMark } from './navigation';
import { hideInfo } from './popover';
import { h, post, short, st, t, type MarkEntry } from './state';

export interface CardState {
  start: number;
  end: number;
  recordId?: string;
  label: 'CLAIM' | 'QUOTE';
}

let cardState: CardState | undefined;
let returnFocus: string | undefined;

export function verdictItems(): ComboItem[] {
  return (st.init?.verdicts ?? []).map((v) => ({ value: v.key, label: v.label, sub: v.labelEn }));
}

/** The article's people and organisations, nearest to the claim first. */
export function nameItems(): ComboItem[] {
  const at = cardState?.start ?? 0;
  return [...st.names]
    .map((n) => ({ n, d: Math.min(...n.offsets.map((o) => Math.abs(o - at))) }))
    .sort((a, b) => a.d - b.d)
    .map(({ n }) => ({ value: n.text, label: n.text, sub: n.label }));
}

export function openCard(m: MarkEntry, label: 'CLAIM' | 'QUOTE', focusField?: CardField): void {
  returnFocus = m.view.id;
  const fields = m.view.key === 'claimTagged' ? m.view.claim : undefined;
  showCard({ start: m.start, end: m.end, label, ...(m.view.key === 'claimTagged' && m.view.recordId ? { recordId: m.view.recordId } : {}) }, fields, focusField);
}

export function openCardForSpan(start: number, end: number, label: 'CLAIM' | 'QUOTE'): void {
  returnFocus = st.focusedId;
  showCard({ start, end, label }, undefined);
}

function textOf(start: number, end: number): string {
  let out = '';
  for (const p of st.paras) {
    const ps = p.view.start;
    const pe = ps + p.view.text.length;
    if (pe <= start || ps >= end) continue;
    out += (out ? ' ' : '') + p.view.text.slice(Math.max(0, start - ps), Math.min(p.view.text.length, end - ps));
  }
  return out;
}

function showCard(state: CardState, fields: ClaimFields | undefined, focusField?: CardField): void {
  if (!st.init) return;
  if (st.readOnly) {
    setStatus(st.readOnly, true);
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
  const f: CardFieldSet = {
    verdict: verdictField(fields, verdictItems),
    claimant: claimantField(fields, nameItems),
    type: typeField(fields, st.init.claimTypes),
    evidence: evidenceField(fields),
    review: reviewField(fields),
    note: noteField(fields),
    quote: quoteField(state.label),
  };
  const error = h('p', 'card-error');
  error.setAttribute('role', 'alert');
  const buttons = h('div', 'card-buttons');
  const save = h('button', 'primary', t('save'));
  save.type = 'submit';
  const cancel = h('button', undefined, t('cancel'));
  cancel.type = 'button';
  buttons.append(save, cancel, h('span', 'card-hint', t('cardHint')));
  card.append(heading, quote, f.verdict.wrap, f.claimant.wrap, f.type.wrap, f.evidence.wrap, f.review.wrap, f.note.wrap, f.quote.wrap, error, buttons);
  card.hidden = false;
  document.body.classList.add('card-open');
  wireCard(state, f, error, cancel);
  focusOn(f, focusField).focus();
  card.scrollIntoView({ block: 'nearest' });
}

function wireCard(state: CardState, f: CardFieldSet, error: HTMLElement, cancel: HTMLButtonElement): void {
  const submit = (): void => {
    error.textContent = '';
    const message = readCard(state, f, error);
    if (!message) return;
    post(message);
    st.pendingFocus = { start: state.start, end: state.end };
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
}

/** The field an action asked for (the verdict by default). */
function focusOn(f: CardFieldSet, field: CardField | undefined): HTMLElement {
  switch (field) {
    case 'claimant':
      return f.claimant.combo.input;
    case 'claimType':
      return f.type.select;
    case 'evidence':
      return [...f.evidence.rows.querySelectorAll<HTMLInputElement>('.evidence-url')].pop() ?? f.evidence.add;
    case 'note':
      return f.note.note;
    default:
      return f.verdict.combo.input;
  }
}

/** The card's fields as the message to save, or undefined (with the error shown and focused). */
function readCard(state: CardState, f: CardFieldSet, error: HTMLElement): SaveClaimMessage | undefined {
  const verdictKey = readVerdict(f, error);
  if (verdictKey === null) return undefined;
  const links: Array<{ url: string; title?: string }> = [];
  for (const row of f.evidence.rows.querySelectorAll('.evidence-row')) {
    const urlInput = row.querySelector('.evidence-url') as HTMLInputElement;
    const u = urlInput.value.trim();
    const ti = (row.querySelector('.evidence-title') as HTMLInputElement).value.trim();
    if (!u) continue;
    if (!/^https?:\/\/\S+$/i.test(u)) {
      error.textContent = t('badUrl');
      urlInput.focus();
      return undefined;
    }
    links.push(ti ? { url: u, title: ti } : { url: u });
  }
  const r = f.review.input.value.trim();
  if (r && !/^https?:\/\/\S+$/i.test(r)) {
    error.textContent = t('badUrl');
    f.review.input.focus();
    return undefined;
  }
  const claimant = f.claimant.combo.input.value.trim();
  const note = f.note.note.value;
  return {
    type: 'saveClaim',
    start: state.start,
    end: state.end,
    label: f.quote.check.checked ? 'QUOTE' : 'CLAIM',
    evidence: links,
    ...(state.recordId ? { recordId: state.recordId } : {}),
    ...(verdictKey ? { verdict: verdictKey } : {}),
    ...(claimant ? { claimant } : {}),
    ...(f.type.select.value ? { claimType: f.type.select.value as NonNullable<SaveClaimMessage['claimType']> } : {}),
    ...(r ? { review: r } : {}),
    ...(note.trim() ? { note } : {}),
  };
}

/** The verdict picked or typed: its key, undefined for none, null when the text matches no verdict. */
function readVerdict(f: CardFieldSet, error: HTMLElement): string | undefined | null {
  const verdict = f.verdict.combo;
  const vText = verdict.input.value.trim();
  const picked = verdict.picked()?.value;
  if (picked || !vText) return picked;
  const q = fold(vText.toLowerCase());
  const items = verdictItems();
  const exact = items.find((x) => [x.label, x.sub ?? '', x.value].some((s) => fold(s.toLowerCase()) === q));
  const partial = items.filter((x) => fold(`${x.label} ${x.sub ?? ''} ${x.value}`.toLowerCase()).includes(q));
  const key = exact?.value ?? (partial.length === 1 ? partial[0]!.value : undefined);
  if (key) return key;
  error.textContent = `${t('verdict')}: ${t('noMatch')}`;
  verdict.input.focus();
  return null;
}

export function closeCard(refocus: boolean): void {
  card.hidden = true;
  card.replaceChildren();
  document.body.classList.remove('card-open');
  cardState = undefined;
  if (refocus && returnFocus) focusMark(returnFocus, false);
  else articleEl.focus({ preventScroll: true });
}
