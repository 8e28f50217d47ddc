// The edge-spill rule (issue 15) sets aside a quote's first (last) letters that the stretch beside
// it ran into. Those letters are evidence for the place only when they say the deletion came right
// there: a spill onto letters that are another sentence's own (still in the article, just shorter
// than the stretch) is no evidence, and the place stays foreign. 0 wrong placements is the hard
// rule: an orphan is better than a wrong place. Each case checks the exact occurrence.
import * as assert from 'assert';
import { anchorFor, reanchor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { idempotent } from './anchorTags';

function at(text: string, id: string, start: number, quote: string): AnnotationRecord {
  assert.strictEqual(text.slice(start, start + quote.length), quote, `${id}: no «${quote}» at ${start}`);
  return { id, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, start, start + quote.length) };
}

describe('edge spill: a quote of a deleted sentence is never moved onto a look-alike (issue 15)', () => {
  it('a deleted sentence\'s first word is not moved onto the unchanged «وقال» of the sentence before it', () => {
    const s0 = 'وقال الوزير إن التنفيذ سيبدأ قريبا في الحج! ';
    const s1 = 'وقال المتحدث إن التنفيذ سيبدأ قريبا في اليوم. ';
    const s2 = 'وقال الوزير إن التنفيذ سيبدأ قريبا في الحج! ';
    const s3 = 'وقال الوزير إن التنفيذ سيبدأ قريبا في اليوم؟ ';
    const s4 = 'وأضاف إن التنفيذ سيبدأ قريبا في اليوم. ';
    const text = s0 + s1 + s2 + s3 + s4;
    const records = [at(text, 'e1', 0, 'وقال الوزير'), at(text, 'e2', 44, 'وقال المتحدث إن'), at(text, 'e3', 134, 'وقال'), at(text, 'e4', 179, 'وأضاف إن')];
    const after = s0 + s1 + s2 + s4; // S3, e3's sentence, deleted
    const r = reanchor(after, records, { oldLength: text.length });
    const e3 = r.records[2]!;
    assert.ok(e3.orphan, `placed at ${e3.target.start}, on S2's own «وقال» (${s0.length + s1.length})`);
    assert.strictEqual(r.records[0]!.target.start, 0);
    assert.strictEqual(r.records[1]!.target.start, 44);
    assert.strictEqual(r.records[3]!.target.start, after.indexOf('وأضاف إن'));
    idempotent(after, r.records);
  });

  it('a deleted sentence\'s last words are not moved onto the same last words of an unchanged sentence', () => {
    const s0 = 'وقال الوزير إن الحكومة ستبني مدارس جديدة في المنطقة في اليوم؟ ';
    const s1 = 'وقال الوزير أن الخطة جاهزة؟ ';
    const s2 = 'وأضاف إن الحكومة ستبني مدارس جديدة في المنطقة في اليوم. ';
    const s3 = 'وأكد الوزير أن الخطة جاهزة في اليوم. ';
    const s4 = 'وقال المتحدث إن التنفيذ سيبدأ قريبا. ';
    const s5 = 'وأضاف إن الحكومة ستبني مدارس جديدة في المنطقة في الحج؟ ';
    const s6 = 'وأضاف إن الحكومة ستبني مدارس جديدة في المنطقة في اليوم؟\n';
    const text = s0 + s1 + s2 + s3 + s4 + s5 + s6;
    const tags: [number, string][] = [[52, 'في اليوم'], [62, 'وقال الوزير'], [77, 'الخطة جاهزة'], [173, 'في اليوم'], [183, 'وقال'], [220, 'وأضاف'], [243, 'مدارس'], [266, 'في الحج'], [324, 'اليوم']];
    const records = tags.map(([p, q], k) => at(text, `e${k + 1}`, p, q));
    const after = s1 + s2 + s3 + s4 + s5 + s6; // S0, e1's sentence, deleted
    const r = reanchor(after, records, { oldLength: text.length });
    const e1 = r.records[0]!;
    assert.ok(e1.orphan, `placed at ${e1.target.start} (S2's own «في اليوم» is at ${s1.length + s2.indexOf('في اليوم')})`);
    // Every other record keeps its own words.
    for (const [k, [p, q]] of tags.entries()) if (k > 0) assert.strictEqual(r.records[k]!.target.start, p - s0.length, `e${k + 1} «${q}»`);
    idempotent(after, r.records);
  });

  it('a deleted sentence\'s last words are not moved onto a later sentence\'s same words whose suffix only just reaches the floor', () => {
    // The reviewer's case: S2's «في اليوم» has S0's prefix exactly and a suffix that scores just
    // the floor («. وأكد الوزير أن الخطة جاهزة» against the stored «؟ وقال الوزير أن الخطة جاهزة؟»),
    // while the stored suffix, S1's start, is still in the article at its own place (e2 follows it).
    const s0 = 'وقال الوزير إن الحكومة ستبني مدارس جديدة في المنطقة في اليوم؟ ';
    const s1 = 'وقال الوزير أن الخطة جاهزة؟ ';
    const s2 = 'وأضاف إن الحكومة ستبني مدارس جديدة في المنطقة في اليوم. ';
    const s3 = 'وأكد الوزير أن الخطة جاهزة في اليوم. ';
    const s4 = 'وقال المتحدث إن التنفيذ سيبدأ قريبا. ';
    const text = s0 + s1 + s2 + s3 + s4;
    const records = [at(text, 'e1', 52, 'في اليوم'), at(text, 'e2', 77, 'الخطة جاهزة'), at(text, 'e3', 183, 'وقال')];
    const after = s1 + s2 + s3 + s4; // S0, e1's sentence, deleted
    const lookAlike = s1.length + s2.indexOf('في اليوم');
    const r = reanchor(after, records, { oldLength: text.length });
    const e1 = r.records[0]!;
    assert.ok(e1.orphan, `placed at ${e1.target.start} (S2's own «في اليوم» is at ${lookAlike})`);
    assert.ok((r.candidates.e1 ?? []).some((c) => c.start === lookAlike), 'S2\'s «في اليوم» offered as a candidate');
    assert.strictEqual(r.records[1]!.target.start, 77 - s0.length);
    assert.strictEqual(r.records[2]!.target.start, 183 - s0.length);
    idempotent(after, r.records);
    // And without the old length, as `khabar check --fix` re-anchors (the sidecar stores none).
    const cli = reanchor(after, records);
    assert.ok(cli.records[0]!.orphan, `placed at ${cli.records[0]!.target.start} without the old length`);
  });

  it('...while last words whose next sentence was edited keep their place, though its words are also in a later sentence', () => {
    // e1's suffix now only just reaches the floor (S1 rewritten in place), and 21 characters of the
    // stored suffix («الوزير أن الخطة جاهزة») are in S3, away from e1: but more of it (23) is still
    // beside e1, and what S3 has does not reach the floor by itself.
    const s0 = 'وقال الوزير إن الحكومة ستبني مدارس جديدة في المنطقة في اليوم؟ ';
    const s1 = 'وقال الوزير أن الخطة جاهزة؟ ';
    const s2 = 'وأضاف إن الحكومة ستبني مدارس جديدة في المحافظة قريبا. ';
    const s3 = 'وأكد الوزير أن الخطة جاهزة تماما. ';
    const s4 = 'وقال المتحدث إن التنفيذ سيبدأ قريبا. ';
    const text = s0 + s1 + s2 + s3 + s4;
    const records = [at(text, 'e1', 52, 'في اليوم'), at(text, 'e2', 77, 'الخطة جاهزة'), at(text, 'e3', text.indexOf('وقال المتحدث'), 'وقال')];
    const s1b = 'وقال الوزير أن الخطة ستكون جاهزة؟ ';
    const after = s0 + s1b + s2 + s3 + s4;
    for (const r of [reanchor(after, records, { oldLength: text.length }), reanchor(after, records)]) {
      assert.ok(!r.records[0]!.orphan, `e1 orphaned (${r.why.e1}): ${JSON.stringify(r.candidates.e1)}`);
      assert.strictEqual(r.records[0]!.target.start, 52);
      assert.strictEqual(r.records[2]!.target.start, after.indexOf('وقال المتحدث'));
    }
    idempotent(after, reanchor(after, records, { oldLength: text.length }).records);
  });

  it('a deleted sentence\'s first word is not moved onto the next sentence\'s same first word when its own sentence went on otherwise', () => {
    // «وتراجع» occurs once after the deletion, where the edits put it, after S0 exactly as stored;
    // but S1 went on «سعر النفط…», which is nowhere near: S2's «وتراجع الذهب…» is another sentence.
    const s0 = 'ارتفع الدولار أمام العملات الرئيسية في التعاملات المبكرة. ';
    const s1 = 'وتراجع سعر النفط في السوق الآسيوية بنسبة طفيفة. ';
    const s2 = 'وتراجع الذهب نحو واحد في المئة يوم الخميس الماضي. ';
    const s3 = 'وقال محللون إن الأسواق تنتظر بيانات الوظائف الأمريكية. ';
    const text = s0 + s1 + s2 + s3;
    const records = [at(text, 'e1', 6, 'الدولار'), at(text, 'e2', s0.length, 'وتراجع'), at(text, 'e3', text.indexOf('محللون'), 'محللون')];
    const after = s0 + s2 + s3; // S1, e2's sentence, deleted
    for (const r of [reanchor(after, records, { oldLength: text.length }), reanchor(after, records)]) {
      assert.ok(r.records[1]!.orphan, `placed at ${r.records[1]!.target.start}, on S2's own «وتراجع» (${s0.length})`);
      assert.ok((r.candidates.e2 ?? []).some((c) => c.start === s0.length), 'S2\'s «وتراجع» offered as a candidate');
      assert.strictEqual(r.records[0]!.target.start, 6);
      assert.strictEqual(r.records[2]!.target.start, after.indexOf('محللون'));
      idempotent(after, r.records);
    }
  });

  it('...while a sentence\'s last word keeps its place when the next sentence, deleted, went on otherwise', () => {
    // «طفيفة» occurs once, S1's prefix is whole, and the suffix now differs past «. »: the other side
    // begins past the sentence's end, so what follows is another sentence, not this one going on.
    const s0 = 'ارتفع الدولار أمام العملات الرئيسية في التعاملات المبكرة. ';
    const s1 = 'وتراجع سعر النفط في السوق الآسيوية بنسبة طفيفة. ';
    const s2 = 'وتراجع الذهب نحو واحد في المئة يوم الخميس الماضي. ';
    const s3 = 'وقال محللون إن الأسواق تنتظر بيانات الوظائف الأمريكية. ';
    const text = s0 + s1 + s2 + s3;
    const records = [at(text, 'e1', 6, 'الدولار'), at(text, 'e2', text.indexOf('طفيفة'), 'طفيفة')];
    const after = s0 + s1 + s3; // S2 deleted
    for (const r of [reanchor(after, records, { oldLength: text.length }), reanchor(after, records)]) {
      assert.ok(!r.records[1]!.orphan, `e2 orphaned (${r.why.e2}): ${JSON.stringify(r.candidates.e2)}`);
      assert.strictEqual(r.records[1]!.target.start, s0.length + s1.indexOf('طفيفة'));
      idempotent(after, r.records);
    }
  });

  it('...while a sentence\'s first words keep their place when the deleted sentence before began with the same letter and went on otherwise', () => {
    // The stretch from the first sentence runs into the deleted one's «و», which the next sentence
    // begins with too, and stops where the deleted text (known, from e2's context) went on «أكد»:
    // the rest of the place is seen by no record, but the spill is the far side of the deletion.
    const s0 = 'وقال الوزير إن الحكومة ستبني مدارس جديدة في المنطقة. ';
    const s1 = 'وأكد الوزير إن الطقس سيكون حارا في الحج! ';
    const s2 = 'وقال المتحدث إن التنفيذ سيبدأ قريبا في الرياض. ';
    const s3 = 'وقال إن الحكومة ستبني مدارس جديدة في المنطقة في الحج. ';
    const text = s0 + s1 + s2 + s3;
    const records = [at(text, 'e1', 0, 'وقال الوزير إن'), at(text, 'e2', 44, 'المنطقة'), at(text, 'e3', 94, 'وقال المتحدث'), at(text, 'e4', 186, 'في الحج')];
    const after = s0 + s2 + s3; // S1 deleted
    const r = reanchor(after, records, { oldLength: text.length });
    const e3 = r.records[2]!;
    assert.ok(!e3.orphan, `orphaned: ${JSON.stringify(r.candidates.e3)}`);
    assert.strictEqual(e3.target.start, s0.length);
    for (const [k, x] of records.entries()) if (k !== 2) assert.strictEqual(r.records[k]!.target.start, x.target.start - (x.target.start > s0.length ? s1.length : 0), x.id);
    idempotent(after, r.records);
  });

  it('...but a deleted sentence\'s first words are not moved onto the same first words of the unchanged sentence after the deletion', () => {
    // The stretch from S0 spills into deleted S1's «و» and stops where S1 went on «قال» (diverged),
    // the rest of the place lies on S3, which no record sees: S3 begins with S2's words after the
    // same old text S1 ended with, and only its far side («في الحج» for «في اليوم!») tells it apart.
    const s0 = 'وقال المتحدث إن التنفيذ سيبدأ قريبا في اليوم.\n';
    const s1 = s0;
    const s2 = 'وأضاف أن الخطة جاهزة في اليوم! ';
    const s3 = 'وأضاف أن الخطة جاهزة في الحج. ';
    const text = s0 + s1 + s2 + s3;
    const records = [at(text, 'e1', 0, 'وقال'), at(text, 'e2', 46, 'وقال المتحدث'), at(text, 'e3', 92, 'وأضاف أن الخطة')];
    const after = s0 + s3; // S1 and S2, e2's and e3's sentences, deleted
    const r = reanchor(after, records, { oldLength: text.length });
    const e3 = r.records[2]!;
    assert.ok(e3.orphan, `placed at ${e3.target.start}, on S3's own «وأضاف أن الخطة» (${s0.length})`);
    assert.strictEqual(r.records[0]!.target.start, 0);
    idempotent(after, r.records);
  });

  it('a record whose own words are certain is not made ambiguous by a look-alike the spill rule would admit', () => {
    const p = 'وقال الوزير إن الحكومة ستبني مدارس جديدة في المنطقة؟ ';
    const q = 'وقال الوزير إن التنفيذ سيبدأ قريبا في الحج. ';
    const r0 = 'وقال المتحدث إن الحكومة ستبني مدارس جديدة في المنطقة؟\r\n';
    const r1 = 'وقال المتحدث إن التنفيذ سيبدأ قريبا في الحج. ';
    const text = p + q + r0 + r1 + r1;
    const records = [at(text, 'e1', 97, 'وقال المتحدث إن'), at(text, 'e2', 142, 'المنطقة'), at(text, 'e3', 152, 'وقال المتحدث إن')];
    const after = r0 + r1 + r1; // the first two sentences deleted
    const r = reanchor(after, records, { oldLength: text.length });
    const d = p.length + q.length;
    for (const [k, x] of records.entries()) {
      const y = r.records[k]!;
      assert.ok(!y.orphan, `${x.id} orphaned: ${JSON.stringify(r.candidates[x.id])}`);
      assert.strictEqual(y.target.start, x.target.start - d, x.id);
    }
    idempotent(after, r.records);
  });
});
