// The reader webview's state, shared by its modules: the article as rendered, its marks, what has
// focus, the review queue, and the strings of the display language. One object, so each module reads
// and writes the same state (module `let`s cannot be assigned from another module).
import type { InitMessage, MarkView, NameView, OrphanView, ParagraphView, WebviewMessage } from '../core/reader/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const api = acquireVsCodeApi();
export const post = (m: WebviewMessage): void => api.postMessage(m);

export interface Para {
  view: ParagraphView;
  el: HTMLElement;
  /** Elements of each mark in this paragraph, in order. */
  markEls: Map<string, HTMLElement[]>;
}

export interface MarkEntry {
  view: MarkView;
  /** Absolute offsets (first and last part). */
  start: number;
  end: number;
  els: HTMLElement[];
}

export const st = {
  init: undefined as InitMessage | undefined,
  strings: {} as Record<string, string>,
  paras: [] as Para[],
  marks: new Map<string, MarkEntry>(),
  order: [] as string[],
  names: [] as NameView[],
  orphans: [] as OrphanView[],
  readOnly: undefined as string | undefined,
  lazy: false,
  focusedId: undefined as string | undefined,
  /** After a save, focus the mark that lands on this span. */
  pendingFocus: undefined as { start: number; end: number } | undefined,
  hiddenKeys: new Set<string>(),
  queue: undefined as { ids: string[]; pos: number } | undefined,
  receivedAt: 0,
};

/** A string of the display language (the host sends them with `init`), `{0}`… filled in. */
export const t = (key: string, ...args: Array<string | number>): string =>
  (st.strings[key] ?? key).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text !== undefined) el.textContent = text;
  return el;
}

export function short(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
