// The canonical form a name's hover shows, and the span itself: proclitics come off when the bare
// word is a known name, and never off a name whose first letter only looks like a clitic.
import * as assert from 'assert';
import { applyDocument } from '../../src/core/entities/document';
import { loadModel } from '../../src/core/entities/findEntities';
import type { EntityDetection, EntityLabel } from '../../src/core/types';

function seed(text: string, spans: Array<[string, EntityLabel]>): EntityDetection[] {
  let from = 0;
  return spans.map(([t, label]) => {
    const start = text.indexOf(t, from);
    assert.ok(start >= 0, `${t} is not in the fixture`);
    from = start + t.length;
    return { kind: 'entity', label, start, end: start + t.length, text: t, source: 'model' };
  });
}

describe('entities: canonical forms', () => {
  const cases: Array<[string, Array<[string, EntityLabel]>, Record<string, string>]> = [
    // Never bare in the text, but places the lists know.
    ['وصل الوفد إلى العراق وسوريا ثم توجه لإيران .', [['العراق', 'LOC'], ['وسوريا', 'LOC'], ['لإيران', 'LOC']], { وسوريا: 'سوريا', لإيران: 'إيران' }],
    // A given name after و loses the و; a name that starts with و keeps it.
    ['التقى الوزير وليد جنبلاط وكمال .', [['وليد جنبلاط', 'PER'], ['وكمال', 'PER']], { 'وليد جنبلاط': 'وليد جنبلاط', وكمال: 'كمال' }],
    // بكين is a place the lists know: nothing comes off it, whatever كين may be.
    ['زار الرئيس بكين ولندن .', [['بكين', 'LOC'], ['ولندن', 'LOC']], { بكين: 'بكين', ولندن: 'لندن' }],
    // The bare form elsewhere in the text was already enough.
    ['وصل إلى بغداد ثم غادر وبغداد تحتفل .', [['بغداد', 'LOC'], ['وبغداد', 'LOC']], { وبغداد: 'بغداد' }],
  ];
  for (const [text, spans, want] of cases) {
    it(`${Object.keys(want).join('، ')} → ${Object.values(want).join('، ')}`, () => {
      const seeded = seed(text, spans);
      const out = applyDocument(text, seeded.map((e) => ({ ...e })), loadModel(), { propagate: false });
      for (const [written, canonical] of Object.entries(want)) {
        // The span written «وسوريا» in the text, wherever it starts now.
        const from = seeded.find((x) => x.text === written)!;
        const e = out.find((x) => x.end === from.end && x.start >= from.start);
        assert.ok(e, `${written} is not among ${out.map((x) => x.text).join(' | ')}`);
        assert.strictEqual(e.canonical, canonical);
        // The span is the name itself, at the right offsets of the text.
        assert.strictEqual(e.text, canonical.split(' ')[0] === written.split(' ')[0] ? written : canonical);
        assert.strictEqual(text.slice(e.start, e.end), e.text);
      }
    });
  }

  it('counts mentions under the canonical form', () => {
    const text = 'وصل الوفد إلى العراق وسوريا ثم زار سوريا مرة أخرى .';
    const out = applyDocument(text, seed(text, [['وسوريا', 'LOC'], ['سوريا', 'LOC']]), loadModel(), { propagate: false });
    assert.deepStrictEqual(out.map((e) => [e.text, e.canonical, e.mentions]), [['سوريا', 'سوريا', 2], ['سوريا', 'سوريا', 2]]);
  });
});
