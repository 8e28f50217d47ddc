// A combobox (ARIA 1.2 pattern): a text field with a filtered list of options, picked with the
// arrows and Enter or the mouse; typing freely is allowed (the card decides what a free text means).
import { fold } from '../core/arabic';
import { h, t } from './state';

export interface ComboItem {
  value: string;
  label: string;
  sub?: string;
}

export interface Combo {
  input: HTMLInputElement;
  list: HTMLUListElement;
  picked(): ComboItem | undefined;
  set(item: ComboItem | undefined, text?: string): void;
  items(): ComboItem[];
}

let comboSeq = 0;

class ComboBox implements Combo {
  readonly input = h('input');
  readonly list = h('ul', 'options');
  private shown: ComboItem[] = [];
  private active = -1;
  private chosen: ComboItem | undefined;

  constructor(
    private readonly id: string,
    placeholder: string,
    readonly items: () => ComboItem[],
    openOnFocus: boolean,
  ) {
    const input = this.input;
    input.id = id;
    input.type = 'text';
    input.dir = 'auto';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.placeholder = placeholder;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    this.list.id = `${id}-list`;
    this.list.setAttribute('role', 'listbox');
    this.list.hidden = true;
    input.setAttribute('aria-controls', this.list.id);
    input.addEventListener('input', () => {
      this.chosen = undefined;
      this.open(input.value.trim() ? 0 : -1);
    });
    input.addEventListener('focus', () => {
      if (openOnFocus) this.open(-1);
    });
    input.addEventListener('blur', () => this.close());
    input.addEventListener('keydown', (e) => this.onKey(e));
  }

  picked(): ComboItem | undefined {
    return this.chosen;
  }

  set(item: ComboItem | undefined, text?: string): void {
    this.chosen = item;
    this.input.value = item?.label ?? text ?? '';
  }

  private render(): void {
    const { id, input, list } = this;
    list.replaceChildren();
    this.shown.forEach((item, i) => {
      const li = h('li', 'option');
      li.id = `${id}-o${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(i === this.active));
      li.append(h('bdi', 'option-label', item.label));
      if (item.sub) li.append(h('span', 'option-sub', item.sub));
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.pick(item);
      });
      list.append(li);
    });
    if (this.shown.length === 0 && input.value.trim()) list.append(h('li', 'option none', t('noMatch')));
    if (this.active >= 0) input.setAttribute('aria-activedescendant', `${id}-o${this.active}`);
    else input.removeAttribute('aria-activedescendant');
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  private open(activeIndex: number): void {
    const q = fold(this.input.value.trim().toLowerCase());
    const all = this.items();
    this.shown = q ? all.filter((x) => fold(`${x.label} ${x.sub ?? ''} ${x.value}`.toLowerCase()).includes(q)) : all;
    this.active = Math.min(activeIndex, this.shown.length - 1);
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.render();
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private pick(item: ComboItem): void {
    this.chosen = item;
    this.input.value = item.label;
    this.close();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (this.list.hidden) this.open(e.key === 'ArrowDown' ? 0 : -1);
      else {
        this.active = e.key === 'ArrowDown' ? Math.min(this.active + 1, this.shown.length - 1) : Math.max(this.active - 1, 0);
        this.render();
      }
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const item = this.shown[this.active];
      if (!this.list.hidden && this.active >= 0 && item) this.pick(item);
    } else if (e.key === 'Escape' && !this.list.hidden) {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    }
  }
}

export function combo(labelText: string, placeholder: string, source: () => ComboItem[], openOnFocus: boolean): { wrap: HTMLElement; combo: Combo } {
  const id = `combo-${++comboSeq}`;
  const wrap = h('div', 'field combo');
  const label = h('label', undefined, labelText);
  label.htmlFor = id;
  const box = new ComboBox(id, placeholder, source, openOnFocus);
  wrap.append(label, box.input, box.list);
  return { wrap, combo: box };
}
