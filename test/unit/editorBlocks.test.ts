import * as assert from 'assert';
import { BlockDetector, MAX_BLOCK_LINES, blocksCovering, stringLineSource } from '../../src/core/editor/blocks';
import { measureEditUpdates, windowMarks } from './editorWindow';
import { findFigures } from '../../src/core/figures/index';
import type { Detection } from '../../src/core/types';

// Figures alone: deterministic, no model file, and enough to check offsets.
const detect = (t: string): Detection[] => findFigures(t);

const PARAS = [
  'قال وزير المالية إن العجز انخفض إلى 3.5 في المئة خلال عام 2023.',
  'وأضاف أن الحكومة ستنفق 12 مليار دينار على مشاريع البنية التحتية',
  'في المحافظات الجنوبية خلال السنوات الثلاث المقبلة.',
  '',
  'وأكد المتحدث باسم الوزارة أن 40 في المئة من المشاريع اكتملت.',
];

function spans(ds: readonly Detection[]): string[] {
  return ds.map((d) => `${d.kind}:${d.label}:${d.start}-${d.end}`);
}

describe('editor blocks', () => {
  for (const eol of ['\n', '\r\n']) {
    const text = PARAS.join(eol);
    const src = stringLineSource(text);

    it(`splits on blank lines and sentence ends (${JSON.stringify(eol)})`, () => {
      const blocks = blocksCovering(src, 0, src.lineCount - 1);
      assert.deepStrictEqual(blocks, [
        { startLine: 0, endLine: 1 },
        { startLine: 1, endLine: 3 },
        { startLine: 4, endLine: 5 },
      ]);
      assert.strictEqual(src.blockText(1, 3), PARAS[1] + eol + PARAS[2]);
    });

    it(`block detections equal whole-text detections (${JSON.stringify(eol)})`, () => {
      const bd = new BlockDetector((t) => detect(t));
      const got = bd.detectLines(src, 0, src.lineCount - 1);
      assert.deepStrictEqual(spans(got), spans(detect(text)));
      for (const d of got) assert.strictEqual(text.slice(d.start, d.end), d.text);
    });

    it(`a range in the middle starts at its block's first line (${JSON.stringify(eol)})`, () => {
      assert.deepStrictEqual(blocksCovering(src, 2, 2), [{ startLine: 1, endLine: 3 }]);
    });
  }

  it('re-detects only the edited block', () => {
    const many = Array.from({ length: 200 }, (_, i) => `قال المسؤول إن ${i + 1} مدرسة افتتحت هذا العام.`);
    const bd = new BlockDetector((t) => detect(t));
    const before = stringLineSource(many.join('\n'));
    bd.detectLines(before, 0, before.lineCount - 1);
    assert.strictEqual(bd.misses, 200);
    many[57] = 'قال المسؤول إن 999 مدرسة افتتحت هذا العام.';
    const after = stringLineSource(many.join('\n'));
    const got = bd.detectLines(after, 0, after.lineCount - 1);
    assert.strictEqual(bd.misses, 201);
    const fig = got.find((d) => d.text === '999');
    assert.ok(fig);
    assert.strictEqual(after.lineText(57).indexOf('999') + after.offsetAt(57), fig.start);
  });

  it('caps blocks of text without sentence ends', () => {
    const lines = Array.from({ length: MAX_BLOCK_LINES * 2 + 5 }, () => 'نص بلا نهاية جملة');
    const src = stringLineSource(lines.join('\n'));
    const blocks = blocksCovering(src, 0, src.lineCount - 1);
    assert.ok(blocks.every((b) => b.endLine - b.startLine <= MAX_BLOCK_LINES));
    assert.strictEqual(blocks[0]!.startLine, 0);
    assert.strictEqual(blocks[blocks.length - 1]!.endLine, lines.length);
    for (let i = 1; i < blocks.length; i++) assert.strictEqual(blocks[i]!.startLine, blocks[i - 1]!.endLine);
  });

  it('evicts the least recently used block when full', () => {
    let calls = 0;
    const bd = new BlockDetector(() => {
      calls++;
      return [];
    }, 2);
    bd.relative('أ');
    bd.relative('ب');
    bd.relative('أ');
    bd.relative('ج');
    bd.relative('أ');
    assert.strictEqual(calls, 3);
    bd.relative('ب');
    assert.strictEqual(calls, 4);
  });
});

describe('editor per-edit update', () => {
  it('re-detects about one block per keystroke on a long text, and the window matches whole-text detection', () => {
    const para = 'وقال المتحدث إن 25 في المئة من الطلبات أنجزت خلال 3 أيام.';
    const text = Array.from({ length: 3000 }, (_, i) => `${para} الفقرة ${i + 1}.`).join('\n');
    const t = measureEditUpdates(text, detect, [], { edits: 20, visibleLines: 40, margin: 20 });
    assert.strictEqual(t.edits, 20);
    assert.ok(t.blocksPerEdit >= 1 && t.blocksPerEdit <= 1.01, `blocks per edit ${t.blocksPerEdit}`);
    const src = stringLineSource(text);
    const bd = new BlockDetector(detect);
    const marks = windowMarks(bd, src, 100, 120, [], text.length);
    const from = src.offsetAt(100);
    const to = src.offsetAt(121);
    const whole = detect(text).filter((d) => d.start >= from && d.end <= to);
    assert.deepStrictEqual(marks.map((m) => [m.start, m.end]), whole.map((d) => [d.start, d.end]));
  });

  it('with visibleChars, takes as many lines as hold that many characters', () => {
    const para = 'وقال المتحدث إن 25 في المئة من الطلبات أنجزت خلال 3 أيام.';
    const text = Array.from({ length: 400 }, (_, i) => `${para} الفقرة ${i + 1}.`).join('\n');
    const lineLength = text.indexOf('\n') + 1;
    const t = measureEditUpdates(text, detect, [], { edits: 5, visibleChars: 10 * lineLength, margin: 5 });
    // Lines in the middle carry 3-digit numbers, longer than the first line: 9 or 10 lines reach the target.
    assert.ok(t.visibleLines === 9 || t.visibleLines === 10, `visible lines ${t.visibleLines}`);
    assert.ok(t.visibleChars >= 10 * lineLength && t.visibleChars < 11 * lineLength, `visible chars ${t.visibleChars}`);
    assert.ok(t.blocksPerEdit >= 1 && t.blocksPerEdit <= 1.01);
  });
});
