import * as assert from 'assert';
import { anchorFor } from '../../src/core/anchor/anchor';
import { mergeMarks, marksAt } from '../../src/core/editor/marks';
import { step, stepByChunks, uniqueSpans } from '../../src/core/editor/navigate';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import type { Detection } from '../../src/core/types';

const TEXT = 'قال مصطفى الكاظمي في بغداد إن عدد القوات انخفض 60 في المئة.';
const at = (s: string): [number, number] => {
  const i = TEXT.indexOf(s);
  return [i, i + s.length];
};
function ent(s: string, label: 'PER' | 'LOC' | 'ORG' | 'MISC'): Detection {
  const [start, end] = at(s);
  return { kind: 'entity', label, start, end, text: s };
}
function rec(id: string, s: string, patch: Partial<AnnotationRecord>): AnnotationRecord {
  const [start, end] = at(s);
  return { id, kind: 'entity', label: 'PER', status: 'accepted', target: anchorFor(TEXT, start, end), ...patch };
}
const [cs, ce] = at('عدد القوات انخفض 60 في المئة');
const DETS: Detection[] = [
  ent('مصطفى الكاظمي', 'PER'),
  ent('بغداد', 'LOC'),
  { kind: 'figure', label: 'PERCENT', start: at('60 في المئة')[0], end: at('60 في المئة')[1], text: '60 في المئة', value: { number: 60 } },
  { kind: 'claim', label: 'CLAIM', start: cs, end: ce, text: TEXT.slice(cs, ce), claimant: null, cue: 'قال', checkWorthiness: 0.7 },
];

describe('editor marks', () => {
  const cases: Array<{ name: string; records: AnnotationRecord[]; expect: string[] }> = [
    { name: 'detections only', records: [], expect: ['PER:مصطفى الكاظمي', 'LOC:بغداد', 'claimSuggestion:عدد القوات انخفض 60 في المئة', 'figure:60 في المئة'] },
    { name: 'rejected detection is hidden', records: [rec('e1', 'بغداد', { label: 'LOC', status: 'rejected' })], expect: ['PER:مصطفى الكاظمي', 'claimSuggestion:عدد القوات انخفض 60 في المئة', 'figure:60 في المئة'] },
    { name: 'retyped detection takes the record label', records: [rec('e1', 'بغداد', { label: 'ORG' })], expect: ['PER:مصطفى الكاظمي', 'ORG:بغداد', 'claimSuggestion:عدد القوات انخفض 60 في المئة', 'figure:60 في المئة'] },
    {
      name: 'tagged claim replaces the suggestion',
      records: [rec('c1', 'عدد القوات انخفض 60 في المئة', { kind: 'claim', label: 'CLAIM' })],
      expect: ['PER:مصطفى الكاظمي', 'LOC:بغداد', 'claimTagged:عدد القوات انخفض 60 في المئة', 'figure:60 في المئة'],
    },
    { name: 'an entity record does not hide a claim at another span', records: [rec('e1', 'مصطفى', { label: 'PER' })], expect: ['PER:مصطفى', 'PER:مصطفى الكاظمي', 'LOC:بغداد', 'claimSuggestion:عدد القوات انخفض 60 في المئة', 'figure:60 في المئة'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const marks = mergeMarks(DETS, c.records, [], TEXT.length);
      assert.deepStrictEqual(marks.map((m) => `${m.key}:${TEXT.slice(m.start, m.end)}`), c.expect);
    });
  }

  it('hides keys and marks orphans at their clamped position', () => {
    const orphan = { ...rec('c9', 'بغداد', { kind: 'claim', label: 'CLAIM' }), orphan: true };
    orphan.target = { ...orphan.target, start: 5000, end: 5010 };
    const marks = mergeMarks(DETS, [], [orphan], TEXT.length, new Set(['PER', 'claimSuggestion'] as const));
    assert.deepStrictEqual(marks.map((m) => m.key), ['LOC', 'figure', 'orphan']);
    assert.strictEqual(marks[2]!.start, TEXT.length);
    assert.strictEqual(marks[2]!.end, TEXT.length);
  });

  it('finds the innermost mark at an offset', () => {
    const marks = mergeMarks(DETS, [], [], TEXT.length);
    const inFigure = at('60')[0] + 1;
    assert.deepStrictEqual(marksAt(marks, inFigure).map((m) => m.key), ['figure', 'claimSuggestion']);
    assert.deepStrictEqual(marksAt(marks, 0), []);
    const afterName = at('مصطفى الكاظمي')[1];
    assert.deepStrictEqual(marksAt(marks, afterName).map((m) => m.key), [], 'a hover after the last letter is outside');
    assert.deepStrictEqual(marksAt(marks, afterName, true).map((m) => m.key), ['PER'], 'a cursor just after the word still acts on it');
  });
});

describe('editor navigation', () => {
  const spans = [
    { start: 10, end: 20 },
    { start: 30, end: 35 },
    { start: 50, end: 60 },
  ];
  const table: Array<[number, 'next' | 'previous', number | undefined]> = [
    [0, 'next', 10],
    [10, 'next', 30],
    [15, 'next', 30],
    [50, 'next', 10],
    [99, 'next', 10],
    [99, 'previous', 50],
    [50, 'previous', 30],
    [31, 'previous', 30],
    [10, 'previous', 50],
    [0, 'previous', 50],
  ];
  for (const [offset, dir, want] of table) {
    it(`${dir} from ${offset} → ${want}`, () => assert.strictEqual(step(spans, offset, dir)?.start, want));
  }
  it('is undefined with nothing to visit', () => assert.strictEqual(step([], 3, 'next'), undefined));
  it('drops exact duplicates only', () => {
    assert.deepStrictEqual(uniqueSpans([{ start: 5, end: 9 }, { start: 1, end: 3 }, { start: 5, end: 9 }, { start: 5, end: 7 }]), [
      { start: 1, end: 3 },
      { start: 5, end: 7 },
      { start: 5, end: 9 },
    ]);
  });
});

describe('editor navigation by chunks', () => {
  // One span per line at column 2 of 10-character lines, on the lines listed.
  function doc(lines: number[], lineCount: number) {
    const spans = lines.map((l) => ({ start: l * 10 + 2, end: l * 10 + 5, line: l }));
    let visited = 0;
    const chunk = (from: number, to: number) => {
      visited += to - from + 1;
      return spans.filter((s) => s.line >= from && s.line <= to);
    };
    return { spans, chunk, visited: () => visited, lineCount };
  }
  const table: Array<{ lines: number[]; at: number; dir: 'next' | 'previous'; chunk: number }> = [
    { lines: [3, 50, 400], at: 0, dir: 'next', chunk: 7 },
    { lines: [3, 50, 400], at: 33, dir: 'next', chunk: 7 },
    { lines: [3, 50, 400], at: 4005, dir: 'next', chunk: 7 },
    { lines: [3, 50, 400], at: 4005, dir: 'previous', chunk: 7 },
    { lines: [3, 50, 400], at: 32, dir: 'previous', chunk: 7 },
    { lines: [3, 50, 400], at: 30, dir: 'previous', chunk: 1 },
    { lines: [50], at: 502, dir: 'next', chunk: 13 },
    { lines: [50], at: 502, dir: 'previous', chunk: 13 },
    { lines: [], at: 10, dir: 'next', chunk: 5 },
  ];
  for (const c of table) {
    it(`${c.dir} from ${c.at} over lines ${c.lines.join(',') || 'none'} agrees with step()`, () => {
      const d = doc(c.lines, 500);
      const line = Math.floor(c.at / 10);
      assert.deepStrictEqual(stepByChunks(d.lineCount, line, c.at, c.dir, c.chunk, d.chunk), step(d.spans, c.at, c.dir));
    });
  }
  it('visits only the chunks up to the answer', () => {
    const d = doc([3, 50, 400], 10000);
    stepByChunks(d.lineCount, 40, 405, 'next', 20, d.chunk);
    assert.ok(d.visited() <= 20, `visited ${d.visited()} lines`);
  });
});
