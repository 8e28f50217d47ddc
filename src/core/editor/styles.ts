// How each kind of mark looks in the text editor, as plain data the host turns into decoration
// types. The rule that matters for Arabic: VS Code draws a line that holds right-to-left text as one
// bidi-isolated part per *inline* decoration or token, and lays the parts out left to right, so any
// property that becomes an inline class (text colour, underline, weight, style, opacity, letter
// spacing) or injected text inside the line cuts an Arabic line into pieces that read out of order.
// Backgrounds, borders, outlines, gutter icons and overview-ruler marks are drawn in separate layers
// and never touch the line's text. `OverlayStyle` admits only those, and `inlineProperties` is the
// check a unit test runs over every decoration type the host creates.

import { isArabicLetter } from '../arabic';
import type { Rating, VerdictDef } from '../annotationRecord';
import type { DecorationKey } from './marks';
import { findVerdict } from '../vocabulary';

export type BorderStyle = 'solid' | 'dotted' | 'dashed';

/** Only what VS Code draws outside the line's text (view overlays, gutter, overview ruler). */
export interface OverlayStyle {
  /** A theme colour id contributed by the extension (package.json `colors`). */
  background?: string;
  border?: { color: string; style: BorderStyle; width: string; radius?: string };
  /** A file under media/, drawn in the glyph margin on the mark's first line. */
  gutterIcon?: string;
  overviewRuler?: { color: string; lane: 'left' | 'center' | 'right' | 'full' };
}

/** Gutter markers for tagged claims: the verdict's class, so the gutter says how a claim was rated. */
export type VerdictClass = 'true' | 'mixed' | 'false' | 'other' | 'unrated' | 'quote';
export const VERDICT_CLASSES: readonly VerdictClass[] = ['true', 'mixed', 'false', 'other', 'unrated', 'quote'];

export type StyleKey = DecorationKey | `verdict-${VerdictClass}`;

const box = (name: string): OverlayStyle => ({
  background: `khabar.${name}Background`,
  border: { color: `khabar.${name}Border`, style: 'solid', width: '1px', radius: '3px' },
});

export const MARK_STYLES: Readonly<Record<DecorationKey, OverlayStyle>> = {
  PER: box('person'),
  LOC: box('place'),
  ORG: box('organisation'),
  MISC: box('misc'),
  figure: box('figure'),
  // Quiet: no fill, a thin dotted line under the sentence (a bottom border, not an underline).
  claimSuggestion: {
    border: { color: 'khabar.claimSuggestionBorder', style: 'dotted', width: '0 0 1px 0' },
  },
  claimTagged: {
    background: 'khabar.claimTaggedBackground',
    border: { color: 'khabar.claimTaggedBorder', style: 'solid', width: '0 0 2px 0' },
    overviewRuler: { color: 'khabar.claimTaggedBorder', lane: 'right' },
  },
  note: {
    border: { color: 'khabar.noteBorder', style: 'dashed', width: '0 0 1px 0' },
  },
  orphan: {
    gutterIcon: 'orphan.svg',
    overviewRuler: { color: 'khabar.orphanForeground', lane: 'left' },
  },
};

export const VERDICT_STYLES: Readonly<Record<VerdictClass, OverlayStyle>> = {
  true: { gutterIcon: 'verdict-true.svg' },
  mixed: { gutterIcon: 'verdict-mixed.svg' },
  false: { gutterIcon: 'verdict-false.svg' },
  other: { gutterIcon: 'verdict-other.svg' },
  unrated: { gutterIcon: 'claim.svg' },
  quote: { gutterIcon: 'verdict-quote.svg' },
};

/**
 * The class of a tagged record's verdict: by the vocabulary's rating (5–4 true, 3 mixed, 2–1 false,
 * 0 other: unverifiable, opinion, satire); a verdict outside the vocabulary goes by the record's own
 * rating, brought onto the vocabulary's 1–5 scale.
 */
export function verdictClass(label: string, verdict: string | undefined, rating: Rating | undefined, vocabulary: readonly VerdictDef[]): VerdictClass {
  if (label === 'QUOTE') return 'quote';
  if (!verdict && !rating) return 'unrated';
  let r = findVerdict(verdict, vocabulary)?.rating;
  if (r === undefined && rating && rating.best !== rating.worst) r = 1 + (4 * (rating.value - rating.worst)) / (rating.best - rating.worst);
  if (r === undefined || !Number.isFinite(r)) return 'other';
  if (r >= 3.5) return 'true';
  if (r >= 2.5) return 'mixed';
  if (r >= 1) return 'false';
  return 'other';
}

/**
 * Decoration render options that VS Code turns into an inline class or injected text, and so divide
 * a line into separately laid-out parts. Names as in `vscode.DecorationRenderOptions`.
 */
export const INLINE_PROPERTIES: readonly string[] = [
  'color',
  'textDecoration',
  'fontWeight',
  'fontStyle',
  'opacity',
  'letterSpacing',
  'cursor',
  'before',
  'after',
];

/** The inline-class properties an options object uses, at any depth (light/dark variants included). */
export function inlineProperties(options: unknown, prefix = ''): string[] {
  if (!options || typeof options !== 'object') return [];
  const found: string[] = [];
  for (const [k, v] of Object.entries(options as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (INLINE_PROPERTIES.includes(k)) found.push(prefix + k);
    else if (k === 'light' || k === 'dark') found.push(...inlineProperties(v, `${prefix}${k}.`));
  }
  return found;
}

/**
 * The one exception to "nothing inline": VS Code has no right-to-left lines (microsoft/vscode#11770),
 * and lays out each row of a line as a left-to-right paragraph, so a wrapped row that starts with a
 * number or a bracket («138 طالبا…») shows it at the wrong end, and Latin words inside Arabic
 * lines are ordered as in English. A decoration over a whole line adds one class to the line's
 * single part, so it divides nothing; its CSS sets that part's direction to right-to-left, and the
 * browser then orders the row as an Arabic news page would. `textDecoration` is the only render
 * option whose value VS Code writes into the class's CSS unchanged, hence the `none;` before it.
 * Setting `khabar.editor.rightToLeftLines` turns it off.
 */
export const RTL_LINE_OPTIONS = { textDecoration: 'none; direction: rtl' } as const;

/**
 * True for a line to lay out right to left: it has Arabic letters, at least as many as Latin ones
 * (an English line quoting one Arabic word stays left to right).
 */
export function readsRightToLeft(line: string): boolean {
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (isArabicLetter(c)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return arabic > 0 && arabic >= latin;
}
