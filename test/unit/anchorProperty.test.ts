import * as assert from 'assert';
import * as fc from 'fast-check';
import { anchorFor, anchorHolds, reanchor } from '../../src/core/anchor/anchor';
import { shiftAnchors, type TextChange } from '../../src/core/anchor/shift';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { emptyTally, randomEdits, randomSpans, rng, runScript, syntheticArticle } from './anchorEdits';

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

// Issue 15: not only "on its quote" but on *the right occurrence*. Each edit script is applied to an
// article whose characters are tracked (test/unit/anchorEdits.ts), so the place each annotation's
// characters went is known, or known to be destroyed.
describe('re-anchoring lands on the right occurrence or says orphan (property, tracked characters)', () => {
  // Several fixed seeds: the same scripts on every run, so a failure is a regression, not luck, and
  // more than one sample of them. Each run's seed is printed with its failure.
  for (const fcSeed of [15, 16, 17]) {
    it(`never silently wrong, rarely a needless orphan, and check --fix twice is once (seed ${fcSeed})`, function () {
      this.timeout(60000);
      const tally = emptyTally();
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const r = rng(seed);
          const text = syntheticArticle(r);
          const spans = randomSpans(text, r, 2 + Math.floor(r() * 6));
          const ed = randomEdits(text, r, 1 + Math.floor(r() * 5));
          const before = tally.counts.wrong;
          const idem = tally.notIdempotent;
          runScript(text, spans, ed, tally);
          assert.strictEqual(tally.counts.wrong, before, `silently wrong (seed ${seed}): ${JSON.stringify(tally.examples.filter((x) => x.verdict === 'wrong').slice(-1))}`);
          assert.strictEqual(tally.notIdempotent, idem, `check --fix twice differs from once (seed ${seed})`);
        }),
        { numRuns: 1000, seed: fcSeed },
      );
      const needless = tally.counts['needless-orphan'] / tally.placements;
      const ties = tally.counts['copy-tie'] / tally.placements;
      // These articles are made of a few repeated names and words (a third of all words), and copies
      // of sentences sit beside their originals: far harder than real text, where `npm run bench`
      // measures the rates (BENCHMARKS.md). Here about 5% of untouched annotations become orphans
      // because a repeated name leaves two places that fit, and about 3% more because a copy of their
      // sentence made by the edit fits as well as they do ('copy-tie': no text can tell those apart).
      const counts = JSON.stringify(tally.counts);
      assert.ok(needless <= 0.07, `needless orphans ${(needless * 100).toFixed(2)}%: ${counts}`);
      assert.ok(ties <= 0.05, `orphans tied with a copy ${(ties * 100).toFixed(2)}%: ${counts}`);
      assert.ok(tally.counts.moved + tally.counts.kept > tally.placements / 2, counts);
    });
  }

  it('the edit scripts know where every character went (the yardstick itself)', () => {
    const text = 'أ ب.\n\nج د.\n';
    const ed = randomEdits(text, rng(7), 6);
    ed.chars.forEach((x, i) => {
      assert.strictEqual(ed.text[i], x.c);
      if (x.id >= 0) assert.strictEqual(text[x.id], x.c);
    });
  });
});
