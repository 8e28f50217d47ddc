// The claim card's fields, each built with its label and filled from the claim's saved fields.
import type { ClaimFields, InitMessage } from '../core/reader/protocol';
import { combo, type Combo, type ComboItem } from './combo';
import { h, t } from './state';

export interface CardFieldSet {
  verdict: { wrap: HTMLElement; combo: Combo };
  claimant: { wrap: HTMLElement; combo: Combo };
  type: { wrap: HTMLElement; select: HTMLSelectElement };
  evidence: { wrap: HTMLElement; rows: HTMLElement; add: HTMLButtonElement };
  review: { wrap: HTMLElement; input: HTMLInputElement };
  note: { wrap: HTMLElement; note: HTMLTextAreaElement };
  quote: { wrap: HTMLElement; check: HTMLInputElement };
}

export function verdictField(fields: ClaimFields | undefined, items: () => ComboItem[]): CardFieldSet['verdict'] {
  const verdict = combo(t('verdict'), t('verdictSearch'), items, false);
  const v = fields?.verdict ? items().find((x) => x.value === fields.verdict) : undefined;
  verdict.combo.set(v);
  return verdict;
}

export function claimantField(fields: ClaimFields | undefined, items: () => ComboItem[]): CardFieldSet['claimant'] {
  const claimant = combo(t('claimant'), t('claimantPlaceholder'), items, true);
  claimant.combo.input.lang = 'ar';
  claimant.combo.set(undefined, fields?.claimant ?? '');
  return claimant;
}

export function typeField(fields: ClaimFields | undefined, claimTypes: InitMessage['claimTypes']): CardFieldSet['type'] {
  const wrap = h('div', 'field');
  const label = h('label', undefined, t('claimType'));
  const select = h('select');
  select.id = 'card-type';
  label.htmlFor = select.id;
  const none = h('option', undefined, t('none'));
  none.value = '';
  select.append(none);
  for (const ct of claimTypes) {
    const o = h('option', undefined, ct.name);
    o.value = ct.key;
    if (fields?.claimType === ct.key) o.selected = true;
    select.append(o);
  }
  wrap.append(label, select);
  return { wrap, select };
}

export function evidenceField(fields: ClaimFields | undefined): CardFieldSet['evidence'] {
  const wrap = h('fieldset', 'field evidence');
  wrap.append(h('legend', undefined, t('evidence')));
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
  wrap.append(rows, add);
  return { wrap, rows, add };
}

export function reviewField(fields: ClaimFields | undefined): CardFieldSet['review'] {
  const wrap = h('div', 'field');
  const label = h('label', undefined, t('review'));
  const input = h('input', 'review-url');
  input.id = 'card-review';
  input.type = 'url';
  input.dir = 'ltr';
  input.placeholder = 'https://';
  input.value = fields?.review ?? '';
  label.htmlFor = input.id;
  wrap.append(label, input);
  return { wrap, input };
}

export function noteField(fields: ClaimFields | undefined): CardFieldSet['note'] {
  const wrap = h('div', 'field');
  const label = h('label', undefined, t('note'));
  const note = h('textarea', 'note');
  note.id = 'card-note';
  note.rows = 3;
  note.dir = 'auto';
  note.value = fields?.note ?? '';
  label.htmlFor = note.id;
  wrap.append(label, note);
  return { wrap, note };
}

export function quoteField(label: 'CLAIM' | 'QUOTE'): CardFieldSet['quote'] {
  const wrap = h('label', 'field check');
  const check = h('input');
  check.type = 'checkbox';
  check.checked = label === 'QUOTE';
  wrap.append(check, document.createTextNode(` ${t('quote')}`));
  return { wrap, check };
}
