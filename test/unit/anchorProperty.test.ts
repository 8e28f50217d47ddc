import * as assert from 'assert';
import * as fc from 'fast-check';
import { anchorFor, anchorHolds, reanchor } from '../../src/core/anchor/anchor';
import { shiftAnchors, type TextChange } from '../../src/core/anchor/shift';
import type { AnnotationRecord } from '../../src/core/model';

// A small vocabulary on purpose: repeated words and phrases are where anchors go wrong.
const WORDS = ['قال', 'الوزير', 'إن', 'الحكومة', 'ستخفض', 'العجز', 'في', '2026', 'بالمئة', '😀', '🇸🇦', '،', '.', 'السالم', 'عمّان'];
const SEPS = [' ', ' ', ' ', '\n', '\r\n', '\n\n'];

const word = fc.constantFrom(...WORDS);
const sep = fc.constantFrom(...SEPS);
const article = fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 60 }).map((ws) => ws.map(([w, s]) => w + s).join(''));
const snippet = fc.array(fc.tuple(word, sep), { maxLength: 6 }).map((ws) => ws.map(([w, s]) => w + s).join(''));

interface Edit {
  at: number;
  del: number;
  insert: string;
}
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 40 }), insert: snippet });

/** Snaps an index off the middle of a surrogate pair, as an editor selection would be. */
function snap(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && i < text.length && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

function buildRecords(text: string, spans: [number, number][]): AnnotationRecord[] {
  const out: AnnotationRecord[] = [];
  spans.forEach(([a, b], i) => {
    let s = snap(text, Math.floor(a * text.length));
    let e = snap(text, Math.floor(b * text.length));
    if (s > e) [s, e] = [e, s];
    if (e === s) e = snap(text, Math.min(text.length, s + 2));
    if (e <= s) return;
    out.push({ id: `e${i + 1}`, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, s, e) });
  });
  return out;
}

function applyEdits(text: string, edits: Edit[]): { text: string; changes: TextChange[] } {
  const changes: TextChange[] = [];
  let t = text;
  for (const ed of edits) {
    const at = snap(t, Math.floor(ed.at * t.length));
    const end = snap(t, Math.min(t.length, at + ed.del));
    const ch = { rangeOffset: at, rangeLength: Math.max(0, end - at), text: ed.insert };
    changes.push(ch);
    t = t.slice(0, ch.rangeOffset) + ch.text + t.slice(ch.rangeOffset + ch.rangeLength);
  }
  return { text: t, changes };
}

const spans = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 10 });

describe('anchoring never loses an annotation (property)', () => {
  it('after random edit scripts, re-anchoring places each annotation on its quote or reports it as an orphan', () => {
    fc.assert(
      fc.property(article, spans, fc.array(edit, { maxLength: 8 }), (text, sp, edits) => {
        const records = buildRecords(text, sp);
        const { text: after } = applyEdits(text, edits);
        const out = reanchor(after, records, { oldLength: text.length });
        assert.deepStrictEqual(out.records.map((r) => r.id), records.map((r) => r.id));
        if (edits.length === 0) assert.deepStrictEqual(out.orphans, [], 'nothing changed, nothing lost');
        const orphans = new Set(out.orphans);
        out.records.forEach((r, i) => {
          if (r.orphan) {
            assert.ok(orphans.has(r.id));
            assert.strictEqual(r.target.exact, records[i]!.target.exact, 'an orphan keeps its quote');
          } else {
            assert.ok(anchorHolds(after, r.target), `${r.id} misplaced: ${JSON.stringify(r.target)}`);
            assert.strictEqual(after.slice(r.target.start, r.target.end), r.target.exact);
          }
        });
        // Re-anchoring the result in the same text changes nothing.
        const again = reanchor(after, out.records, { oldLength: after.length });
        assert.deepStrictEqual(again.moved, []);
        assert.deepStrictEqual(again.records, out.records);
      }),
      { numRuns: 400 },
    );
  });

  it('shifting anchors with the change events keeps every placed annotation equal to the text it covers', () => {
    fc.assert(
      fc.property(article, spans, fc.array(edit, { maxLength: 8 }), (text, sp, edits) => {
        const records = buildRecords(text, sp);
        const { text: after, changes } = applyEdits(text, edits);
        const out = shiftAnchors(records, changes);
        assert.strictEqual(out.records.length, records.length);
        for (const r of out.records) {
          if (r.orphan) continue;
          assert.ok(r.target.end > r.target.start);
          assert.strictEqual(after.slice(r.target.start, r.target.end), r.target.exact);
        }
        // And the orphans they made either come back on their own quote or stay orphans.
        const re = reanchor(after, out.records);
        for (const r of re.records) if (!r.orphan) assert.ok(anchorHolds(after, r.target));
      }),
      { numRuns: 400 },
    );
  });

  it('an annotation that no edit touched keeps its quote through shifting', () => {
    fc.assert(
      fc.property(article, spans, fc.array(edit, { maxLength: 6 }), (text, sp, edits) => {
        const records = buildRecords(text, sp);
        const { changes } = applyEdits(text, edits);
        // Track each span by hand: untouched means every change lay wholly before or after it.
        const live = records.map((r) => ({ s: r.target.start, e: r.target.end, touched: false }));
        for (const ch of changes) {
          const a = ch.rangeOffset;
          const b = a + ch.rangeLength;
          const d = ch.text.length - ch.rangeLength;
          for (const x of live) {
            if (x.touched) continue;
            if (b <= x.s) {
              x.s += d;
              x.e += d;
            } else if (a < x.e) x.touched = true;
          }
        }
        const out = shiftAnchors(records, changes);
        out.records.forEach((r, i) => {
          const x = live[i]!;
          if (x.touched) return;
          assert.ok(!r.orphan);
          assert.deepStrictEqual([r.target.start, r.target.end, r.target.exact], [x.s, x.e, records[i]!.target.exact]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
