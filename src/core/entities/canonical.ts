// Every mention's canonical form (the fullest mention containing it), mention count and gloss.

import { tokenize } from '../arabic';
import type { EntityDetection, EntityLabel } from '../types';
import { glossFor } from './glosses';
import { foldWord } from './normalize';
import { keyOfTokens } from './documentWords';

/** Canonical form (the fullest mention containing this one), mention count and gloss. */
export function annotate(
  found: EntityDetection[],
  isName: (folded: string, label: EntityLabel, listsOnly?: boolean) => boolean = () => false,
): void {
  // Raw first words of all mentions, folded: a bare form is used only if the document has it, or
  // the lists or the training data know it as a name of the mention's type while the lists do not
  // know the written word itself (بكين stays بكين; كين is no place anyway).
  // Each mention tokenised once, for its first word, its key and its canonical text.
  const spanTokens = found.map((e) => tokenize(e.text));
  const firstFolded = spanTokens.map((t) => foldWord(t[0]?.text ?? ''));
  const rawFirsts = new Set(firstFolded);
  const knownFor = (e: EntityDetection, i: number): { has(w: string): boolean } => {
    const written = isName(firstFolded[i]!, e.label, true);
    return { has: (w) => rawFirsts.has(w) || (!written && isName(w, e.label)) };
  };
  const knowns = found.map(knownFor);
  const keys = found.map((_, i) => keyOfTokens(spanTokens[i]!, knowns[i]));
  // The canonical mention of i is the longest mention of its type whose key contains i's key as a
  // run of words (the earliest of equals), or i itself when none is longer. Every run of every key is
  // indexed once, so this is linear in the mentions (keys are a few words) where comparing every
  // pair made long documents quadratic.
  const longestContaining = new Map<string, number>();
  for (let j = 0; j < found.length; j++) {
    const key = keys[j]!;
    for (let a = 0; a < key.length; a++) {
      for (let b = a + 1; b <= key.length; b++) {
        const run = found[j]!.label + RUN_SEP + key.slice(a, b).join(RUN_SEP);
        const held = longestContaining.get(run);
        if (held === undefined || keys[held]!.length < key.length) longestContaining.set(run, j);
      }
    }
  }
  const canonicalOf = found.map((e, i) => {
    const key = keys[i]!;
    if (key.length === 0) return i;
    const j = longestContaining.get(e.label + RUN_SEP + key.join(RUN_SEP))!;
    return keys[j]!.length > key.length ? j : i;
  });
  const canonicalText = (i: number): string => {
    const e = found[canonicalOf[i]!]!;
    const first = spanTokens[canonicalOf[i]!]![0];
    if (!first) return e.text;
    const raw = first.text;
    const folded = foldWord(raw);
    const bare = keys[canonicalOf[i]!]![0]!;
    const cut = folded.length - bare.length;
    if (cut > 0 && raw.length === folded.length && knowns[canonicalOf[i]!]!.has(bare) && foldWord(raw.slice(cut)) === bare) {
      return raw.slice(cut) + e.text.slice(first.end);
    }
    return e.text;
  };
  const counts = new Map<string, number>();
  // Each mention's label and canonical text as one key, made once; mentions repeat, so each
  // distinct (label, text) asks glossFor once.
  const texts = found.map((_, i) => canonicalText(i));
  const countKeys = found.map((e, i) => e.label + '\u0000' + texts[i]);
  for (const k of countKeys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const glosses = new Map<string, string | undefined>();
  const glossOf = (key: string, text: string, label: EntityLabel): string | undefined => {
    if (glosses.has(key)) return glosses.get(key);
    const g = glossFor(text, label);
    glosses.set(key, g);
    return g;
  };
  found.forEach((e, i) => {
    const key = countKeys[i]!;
    const text = texts[i]!;
    e.canonical = text;
    e.mentions = counts.get(key)!;
    const gloss = glossOf(key, text, e.label) ?? glossOf(e.label + '\u0000' + e.text, e.text, e.label);
    if (gloss) e.gloss = gloss;
  });
}

/** Joins a label and key words into one map key; never part of a word. */
const RUN_SEP = '\u0001';
