// Edit scripts whose effect on every character is known: the yardstick for re-anchoring (issue 15).
// The article is an array of characters, each remembering which original character it is (or that
// it was typed in, or copied from one). After the edits, an annotation's right place is where its
// own characters went; re-anchoring is then judged against that, not merely against its quote.
// Used by test/unit/anchorProperty.test.ts and by `npm run bench` (on real articles).

import { anchorFor, reanchor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { mulberry32 } from '../../scripts/ner/train';

/** One character of the edited article: `id` is its index in the original, -1 when typed in. */
interface Ch {
  c: string;
  id: number;
  /** A copy of original character `id` made by duplicating a sentence (the original may still exist). */
  copy?: boolean;
}

export type EditKind = 'insert' | 'delete-sentence' | 'move-paragraph' | 'duplicate-sentence' | 'digits' | 'marks' | 'crlf' | 'bom';
export const EDIT_KINDS: readonly EditKind[] = ['insert', 'delete-sentence', 'move-paragraph', 'duplicate-sentence', 'digits', 'marks', 'crlf', 'bom'];

export type Rand = () => number;

/** A small deterministic generator: the trainer's mulberry32. */
export const rng: (seed: number) => Rand = mulberry32;

function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** Sentences: up to and including a full stop (not one between digits) and the spaces or line breaks after it. */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '؟' && ch !== '!') continue;
    if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    let e = i + 1;
    while (e < text.length && /\s/.test(text[e]!)) e++;
    out.push([s, e]);
    s = e;
    i = e - 1;
  }
  if (s < text.length) out.push([s, text.length]);
  return out;
}

function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\n\s*\n\s*/g;
  let s = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([s, m.index + m[0].length]);
    s = m.index + m[0].length;
  }
  if (s < text.length) out.push([s, text.length]);
  return out;
}

const FILLER = [
  'وأضاف المتحدث أن العمل مستمر.',
  'وفي وقت لاحق صدر بيان رسمي.',
  'وقال مصدر مطلع إن الاجتماع سيعقد الأسبوع المقبل.',
  'وأكد المسؤول أن 15 فريقا يعملون في الموقع.',
  'تحديث: ',
  'عاجل ',
  'الرياض - ',
];
const MARKS = ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u064b', '\u0640'];

const NAMES = ['محمد بن سلمان بن عبدالعزيز', 'محمد بن نايف بن عبدالعزيز', 'الأمير محمد', 'مطار الجوف', 'الجوف', 'الرياض', 'جدة', 'وزارة الصحة', 'وزارة الدفاع', 'هيئة الطيران المدني'];
const WORDS2 = ['قال', 'إن', 'في', 'من', 'على', 'وأكد', 'أن', 'المطار', 'الوفد', 'اليوم', 'رحلات', 'دولية', 'مدير', 'الأمم المتحدة', 'استقبل', 'التقى', 'وزراء', 'سيستقبل', 'جاهز'];
const FIGS = ['2026', '15', '٢٠٢٥', '300', 'بالمئة', 'مليون ريال'];

/** A made-up article of a few paragraphs built from names and phrases that repeat, with near-identical surroundings: where anchors go wrong. */
export function syntheticArticle(r: Rand): string {
  const paras: string[] = [];
  const np = 1 + Math.floor(r() * 4);
  for (let p = 0; p < np; p++) {
    const sents: string[] = [];
    const ns = 1 + Math.floor(r() * 3);
    for (let s = 0; s < ns; s++) {
      const n = 4 + Math.floor(r() * 9);
      const ws: string[] = [];
      for (let i = 0; i < n; i++) {
        const x = r();
        ws.push(x < 0.25 ? NAMES[Math.floor(r() * NAMES.length)]! : x < 0.35 ? FIGS[Math.floor(r() * FIGS.length)]! : WORDS2[Math.floor(r() * WORDS2.length)]!);
      }
      sents.push(ws.join(' ') + '.');
    }
    paras.push(sents.join(r() < 0.3 ? '\n' : ' '));
  }
  return paras.join('\n\n') + '\n';
}

export interface Edited {
  text: string;
  chars: Ch[];
  kinds: EditKind[];
}

/** Applies `count` random edits (kinds drawn from `kinds`) to text. */
export function randomEdits(text: string, r: Rand, count: number, kinds: readonly EditKind[] = EDIT_KINDS): Edited {
  // UTF-16 units, so that ids are the original offsets.
  let chars: Ch[] = text.split('').map((c, id) => ({ c, id }));
  const done: EditKind[] = [];
  const str = (): string => chars.map((x) => x.c).join('');
  const fresh = (s: string): Ch[] => s.split('').map((c) => ({ c, id: -1 }));
  for (let n = 0; n < count; n++) {
    const kind = pick(r, kinds);
    const t = str();
    const ss = sentences(t);
    switch (kind) {
      case 'insert': {
        // A new sentence at a sentence boundary, or a few words at a word boundary.
        if (r() < 0.6) {
          const at = ss.length === 0 ? 0 : pick(r, [...ss.map((s) => s[0]), t.length]);
          chars.splice(at, 0, ...fresh(pick(r, FILLER) + ' '));
        } else {
          const spaces: number[] = [0];
          for (let i = 0; i < t.length; i++) if (t[i] === ' ') spaces.push(i + 1);
          chars.splice(pick(r, spaces), 0, ...fresh(pick(r, ['الجديد ', 'أيضا ', 'يوم الأحد ', 'في 2026 '])));
        }
        break;
      }
      case 'delete-sentence': {
        if (ss.length === 0) break;
        const [a, b] = pick(r, ss);
        chars.splice(a, b - a);
        break;
      }
      case 'move-paragraph': {
        const ps = paragraphs(t);
        if (ps.length < 2) break;
        const i = Math.floor(r() * ps.length);
        const [a, b] = ps[i]!;
        let moved = chars.splice(a, b - a);
        // A paragraph moved to the end needs its separator before it instead.
        const rest = paragraphs(chars.map((x) => x.c).join(''));
        const j = Math.floor(r() * (rest.length + 1));
        let at = j < rest.length ? rest[j]![0] : chars.length;
        if (at === chars.length && chars.length > 0 && chars[chars.length - 1]!.c !== '\n') {
          chars.push(...fresh('\n\n'));
          at = chars.length;
        }
        if (at === chars.length) {
          const sep = moved.findIndex((x, k) => k > 0 && /\s/.test(x.c) && moved.slice(k).every((y) => /\s/.test(y.c)));
          if (sep > 0) moved = moved.slice(0, sep).concat(fresh('\n'));
        }
        chars.splice(at, 0, ...moved);
        break;
      }
      case 'duplicate-sentence': {
        if (ss.length === 0) break;
        const k = Math.floor(r() * ss.length);
        const [a, b] = ss[k]!;
        const copy = chars.slice(a, b).map((x) => ({ c: x.c, id: x.id, copy: true }));
        // Most often right beside itself, where only the edits' shift can tell the two apart.
        const at = r() < 0.5 ? (r() < 0.5 ? a : b) : pick(r, [...ss.map((s) => s[0]), t.length]);
        chars.splice(at, 0, ...copy);
        break;
      }
      case 'digits': {
        const runs: [number, number][] = [];
        const re = /[0-9\u0660-\u0669]+/g;
        for (let m = re.exec(t); m; m = re.exec(t)) runs.push([m.index, m.index + m[0].length]);
        if (runs.length === 0) break;
        const [a, b] = pick(r, runs);
        const len = Math.max(1, b - a + Math.floor(r() * 3) - 1);
        let d = '';
        for (let i = 0; i < len; i++) d += String(Math.floor(r() * 10));
        // (The same digits again are no edit: the number's characters stay its own. Typed in anew,
        // an annotation left on the unchanged number counted as silently wrong.)
        if (d !== t.slice(a, b)) chars.splice(a, b - a, ...fresh(d));
        break;
      }
      case 'marks': {
        // Harakat or tatweel typed after some letters of one sentence.
        if (ss.length === 0) break;
        const [a, b] = pick(r, ss);
        const out: Ch[] = [];
        for (let i = 0; i < chars.length; i++) {
          out.push(chars[i]!);
          if (i >= a && i < b && /[\u0621-\u064a]/.test(chars[i]!.c) && /[\u0621-\u064a]/.test(chars[i + 1]?.c ?? '') && r() < 0.4) {
            out.push({ c: pick(r, MARKS), id: -1 });
          }
        }
        chars = out;
        break;
      }
      case 'crlf': {
        const out: Ch[] = [];
        for (let i = 0; i < chars.length; i++) {
          if (chars[i]!.c === '\n' && chars[i - 1]?.c !== '\r') out.push({ c: '\r', id: -1 });
          out.push(chars[i]!);
        }
        chars = out;
        break;
      }
      case 'bom': {
        if (chars[0]?.c !== '\ufeff') chars.unshift({ c: '\ufeff', id: -1 });
        break;
      }
    }
    done.push(kind);
  }
  return { text: str(), chars, kinds: done };
}

/**
 * kept / moved: on exactly its own characters; followed: on its partly rewritten characters; copy:
 * on a copy of them made by duplicating a sentence; orphan: its characters were changed or lost and
 * it says so; copy-tie: untouched, but an orphan because a copy of it made by the edit fits as well
 * (listed among its candidates); needless-orphan: untouched and an orphan for no such reason;
 * wrong: placed anywhere else (silently wrong).
 */
export type Verdict = 'kept' | 'moved' | 'followed' | 'copy' | 'orphan' | 'copy-tie' | 'needless-orphan' | 'wrong';

/**
 * Judges one re-anchored record against where its characters went. `intact`: every character
 * survived, in order, with nothing typed between them — then only that exact span is right. Else
 * a placement is right when it covers some surviving character of the span and hardly any other
 * original character. A copy made by duplicating a sentence carries the same characters: landing
 * on it is told apart ('copy') but not counted as wrong.
 */
export function judge(orig: { start: number; end: number }, placed: AnnotationRecord, ed: Edited, index = positions(ed)): Verdict {
  const { start: s, end: e } = orig;
  const where = new Map<number, number>();
  for (let k = s; k < e; k++) if (index[k]! >= 0) where.set(k, index[k]!);
  let intactAt = -1;
  if (where.size === e - s) {
    const p0 = where.get(s)!;
    let ok = true;
    for (let k = s; k < e && ok; k++) ok = where.get(k) === p0 + (k - s);
    if (ok) intactAt = p0;
  }
  if (placed.orphan) return intactAt >= 0 ? 'needless-orphan' : 'orphan';
  const { start: a, end: b } = placed.target;
  // A sentence duplicated by the edit holds the same characters twice: a copy of the span is where
  // they went too (beside its original, no text can tell the two apart). Counted apart from the
  // rest so the rate stays visible.
  let own = 0;
  let foreign = 0;
  let copies = 0;
  for (let i = a; i < b; i++) {
    const x = ed.chars[i]!;
    if (x.id < 0) continue;
    if (x.id >= s && x.id < e) {
      if (x.copy) copies++;
      else own++;
    } else foreign++;
  }
  const slack = Math.max(2, Math.floor((e - s) / 4));
  if (copies > 0 && own === 0 && foreign <= slack) return 'copy';
  if (intactAt >= 0) {
    if (a === intactAt && b === intactAt + (e - s)) return a === s ? 'kept' : 'moved';
    return 'wrong';
  }
  if (own > 0 && foreign <= slack) return 'followed';
  return 'wrong';
}

/** Where each original character is now (not counting copies), -1 when it was removed. */
export function positions(ed: Edited): Int32Array {
  let max = 0;
  for (const x of ed.chars) if (x.id > max) max = x.id;
  const out = new Int32Array(max + 1 + 1).fill(-1);
  ed.chars.forEach((x, i) => {
    if (x.id >= 0 && !x.copy) out[x.id] = i;
  });
  return out;
}

/** Word-aligned spans of 1–3 words inside one line, as a person would tag names, figures and phrases. */
export function randomSpans(text: string, r: Rand, count: number): [number, number][] {
  const words: [number, number][] = [];
  const re = /[^\s.،,:؛]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) words.push([m.index, m.index + m[0].length]);
  const out: [number, number][] = [];
  if (words.length === 0) return out;
  for (let n = 0; n < count; n++) {
    const i = Math.floor(r() * words.length);
    let j = i + Math.floor(r() * 3);
    while (j > i && (j >= words.length || /[\n.]/.test(text.slice(words[i]![0], words[j]![1])))) j--;
    out.push([words[i]![0], words[j]![1]]);
  }
  return out;
}

export function recordsFor(text: string, spans: readonly [number, number][]): AnnotationRecord[] {
  return spans.map(([a, b], i) => ({ id: `e${i + 1}`, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, a, b) }));
}

export interface Tally {
  placements: number;
  scripts: number;
  counts: Record<Verdict, number>;
  /** Scripts where a second `check --fix` (re-anchoring the result in the same text) changed something. */
  notIdempotent: number;
  /** Up to a few examples of each bad outcome, for the report. */
  examples: { verdict: Verdict; kinds: EditKind[]; quote: string; placed: string }[];
}

export function emptyTally(): Tally {
  return {
    placements: 0,
    scripts: 0,
    counts: { kept: 0, moved: 0, followed: 0, copy: 0, orphan: 0, 'copy-tie': 0, 'needless-orphan': 0, wrong: 0 },
    notIdempotent: 0,
    examples: [],
  };
}

/** One script: annotate, edit, re-anchor as `check --fix` does (old length known), judge, and re-anchor again. */
export function runScript(text: string, spans: readonly [number, number][], ed: Edited, tally: Tally, re: typeof reanchor = reanchor): void {
  const records = recordsFor(text, spans);
  const out = re(ed.text, records, { oldLength: text.length });
  tally.scripts++;
  const index = positions(ed);
  out.records.forEach((rec, i) => {
    const orig = { start: spans[i]![0], end: spans[i]![1] };
    let v = judge(orig, rec, ed, index);
    if (v === 'needless-orphan' && (out.candidates?.[rec.id] ?? []).some((c) => judge(orig, { ...rec, orphan: false, target: { ...rec.target, start: c.start, end: c.end } }, ed, index) === 'copy')) v = 'copy-tie';
    tally.placements++;
    tally.counts[v]++;
    if ((v === 'wrong' || v === 'needless-orphan') && tally.examples.length < 20) {
      tally.examples.push({ verdict: v, kinds: ed.kinds, quote: records[i]!.target.exact, placed: rec.orphan ? '(orphan)' : `${rec.target.start}-${rec.target.end} ${rec.target.exact}` });
    }
  });
  const again = re(ed.text, out.records, { oldLength: ed.text.length });
  if (again.moved.length > 0 || again.records.some((r, i) => JSON.stringify(r) !== JSON.stringify(out.records[i]))) tally.notIdempotent++;
}

/**
 * A hostile sidecar for `text`: `count` annotations whose quotes are not in it — half are real
 * passages of it with their letters reversed (near enough to tempt an approximate search), half
 * are absent altogether — each with a context that matches nothing.
 */
export function hostileRecords(text: string, count: number): AnnotationRecord[] {
  const out: AnnotationRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = (i * 97) % Math.max(1, text.length - 60);
    const exact = i % 2 === 0 ? [...text.slice(at, at + 40)].reverse().join('') + '¤' : `غائب ${i} عن النص تماما ظظظ ${i}`;
    out.push({
      id: `e${i + 1}`,
      kind: 'entity',
      label: 'PER',
      status: 'accepted',
      target: { start: at, end: at + exact.length, exact, prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) },
    });
  }
  return out;
}
