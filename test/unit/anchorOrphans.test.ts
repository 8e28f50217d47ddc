// Needless orphans (issue 15: ≤ 0.1 % of placements): annotations whose own words are still in the
// article, with evidence enough to say where, and that an earlier rule left orphaned. Each rule
// here is tested twice: the annotation placed on its own occurrence, and a look-alike (another
// copy of the same words) refused.
import * as assert from 'assert';
import { reanchor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { idempotent, nth, tag } from './anchorTags';

/** How many times quote occurs before offset (its index for tag's nth). */
function countBefore(text: string, quote: string, offset: number): number {
  let k = 0;
  for (let p = text.indexOf(quote); p >= 0 && p < offset; p = text.indexOf(quote, p + 1)) k++;
  return k;
}

describe('needless orphans: placed on their own words, never on a look-alike (issue 15)', () => {
  // A deleted sentence that began with «و», as the next one does: the stretch of old text followed
  // from the records before runs on into the next sentence's «و» (and «وأ»), the one from its own
  // records back over it, so the quote's first letters are another stretch's or contested.
  const s0 = 'افتتح وزير التعليم صباح اليوم مدرسة جديدة في الحي الشمالي من المدينة. ';
  const s1 = 'وأشار مدير المدرسة إلى أن الفصول ستستقبل الطلاب من الأسبوع المقبل. ';
  const s2 = 'وأكد الوزير أن الوزارة ستبني عشر مدارس أخرى في المنطقة خلال العام الدراسي القادم. ';
  const s3 = 'ودعا الأهالي إلى التعاون مع إدارات المدارس.\n';

  it('a sentence\'s first words keep their place when the sentence before, which began with the same letters, is deleted', () => {
    const text = s0 + s1 + s2 + s3;
    const records = [tag(text, 'e1', 'وزير التعليم'), tag(text, 'e2', 'الحي الشمالي'), tag(text, 'e3', 'وأكد الوزير'), tag(text, 'e4', 'عشر مدارس'), tag(text, 'e5', 'الأهالي')];
    const after = s0 + s2 + s3;
    const r = reanchor(after, records, { oldLength: text.length });
    const e3 = r.records[2]!;
    assert.ok(!e3.orphan, `orphaned: ${JSON.stringify(r.candidates.e3)}`);
    assert.strictEqual(e3.target.start, after.indexOf('وأكد الوزير'));
    for (const x of r.records) assert.strictEqual(x.target.start, after.indexOf(x.target.exact), x.id);
    idempotent(after, r.records);
  });

  it('...but the first words of a deleted sentence are not moved onto the next sentence that begins with the same words', () => {
    // The look-alike: the deleted sentence's «وأكد الوزير» and the next one's are the same words at
    // the same place after the deletion; every letter of the next one's is reached from both
    // sides, so no edge of it can be set aside.
    const t1 = 'وأكد الوزير أن الفصول ستستقبل الطلاب من الأسبوع المقبل. ';
    const text = s0 + t1 + s2 + s3;
    const records = [tag(text, 'e1', 'وزير التعليم'), tag(text, 'e2', 'الحي الشمالي'), tag(text, 'e3', 'وأكد الوزير'), tag(text, 'e4', 'عشر مدارس'), tag(text, 'e5', 'الأهالي')];
    const after = s0 + s2 + s3;
    const r = reanchor(after, records, { oldLength: text.length });
    const e3 = r.records[2]!;
    assert.ok(e3.orphan, `placed at ${e3.target.start}, on the next sentence's «وأكد الوزير» (${after.indexOf('وأكد الوزير')})`);
    assert.strictEqual(r.records[3]!.target.start, after.indexOf('عشر مدارس'));
    idempotent(after, r.records);
  });

  // A word that ends a sentence, repeated in the article, whose next sentence is deleted: the
  // followed text runs from its whole prefix onto its own letters, and the sentence now after it
  // is text no record saw.
  const h0 = 'أعلن وزير الصحة أن المستشفيات استقبلت آلاف المرضى في موسم الحج. ';
  const h1 = 'وأضاف أن الفرق الطبية عملت على مدار الساعة طوال أيام الموسم. ';
  const h2 = 'ويستعد القطاع الصحي من الآن لموسم العمرة المقبل بخطة جديدة وضعتها الوزارة مع الجامعات. ';
  const h3 = 'وقال مسؤول إن خطة الحج القادمة ستعلن قريبا.\n';

  it('a short word that ends its sentence keeps its place when the next sentence is deleted, though the article repeats it', () => {
    const text = h0 + h1 + h2 + h3;
    const records = [tag(text, 'e1', 'وزير الصحة'), tag(text, 'e2', 'الحج'), tag(text, 'e3', 'الجامعات'), tag(text, 'e4', 'مسؤول')];
    const after = h0 + h2 + h3;
    const r = reanchor(after, records, { oldLength: text.length });
    const e2 = r.records[1]!;
    assert.ok(!e2.orphan, `orphaned: ${JSON.stringify(r.candidates.e2)}`);
    assert.strictEqual(e2.target.start, nth(after, 'الحج', 0), 'the first «الحج», not the one in the last sentence');
    idempotent(after, r.records);
  });

  it('...but when its own sentence is deleted, it is not moved onto a copy of that sentence\'s end elsewhere', () => {
    // The article repeats the words before «الحج.» in a later sentence: the same whole prefix, the
    // same sentence end, a different sentence after. The followed text does not run onto the
    // tagged word's own letters there: the copy is someone else's old text.
    const c3 = 'وأكدت الوزارة أن المستشفيات استقبلت آلاف المرضى في موسم الحج. ولم تسجل أي حالات وبائية.\n';
    const text = h0 + h1 + h2 + c3;
    const records = [tag(text, 'e1', 'وزير الصحة'), tag(text, 'e2', 'الحج'), tag(text, 'e3', 'الجامعات'), tag(text, 'e4', 'حالات')];
    const after = h1 + h2 + c3;
    const r = reanchor(after, records, { oldLength: text.length });
    const e2 = r.records[1]!;
    assert.ok(e2.orphan, `placed at ${e2.target.start} on the copy (${after.indexOf('الحج')})`);
    assert.strictEqual(r.records[3]!.target.start, after.indexOf('حالات'));
    idempotent(after, r.records);
  });
  it('...but a deleted sentence\'s first word is not moved onto the next sentence\'s, though the followed text runs onto it: it did not end a sentence', () => {
    // The same evidence as above on the prefix side — the whole prefix, the followed text running on
    // onto exactly the old word's letters, and after it text no record saw — but «وقال» began the
    // deleted sentence, and the next one begins with it too (the article has it a third time, so it
    // is not a word found once): only a sentence's end beside the word on the changed side says the
    // deletion came after it.
    const d0 = 'افتتحت البلدية صباح اليوم مكتبة عامة كبيرة في الحي الشرقي من المدينة بعد أشهر من العمل. ';
    const d1 = 'وقال المدير إن الزوار سيجدون فيها آلاف الكتب. ';
    const d2 = 'وقال الموظفون في المكتبة إن ساعات العمل تمتد من الصباح حتى المساء طوال أيام الأسبوع ما عدا يوم الجمعة. ';
    const d3 = 'وقال أحد الزوار إنه سيأتي كل أسبوع.\n';
    const text = d0 + d1 + d2 + d3;
    const records = [tag(text, 'e1', 'الحي الشرقي'), tag(text, 'e2', 'المدينة'), tag(text, 'e3', 'وقال'), tag(text, 'e4', 'الجمعة')];
    const after = d0 + d2 + d3;
    const r = reanchor(after, records, { oldLength: text.length });
    const e3 = r.records[2]!;
    assert.ok(e3.orphan, `placed at ${e3.target.start}, on the next sentence's «وقال» (${after.indexOf('وقال')})`);
    assert.ok(r.candidates.e3!.some((c) => c.start === after.indexOf('وقال')), 'the look-alike is listed');
    assert.strictEqual(r.records[3]!.target.start, after.indexOf('الجمعة'));
    idempotent(after, r.records);
  });

  // A short word the article repeats, at the end of a long sentence, whose next sentence is
  // deleted: no record's window links it to its neighbours (the text between is text no record
  // saw), so only its own evidence can place it — its whole prefix, inside its own sentence, where
  // the shift at the record before puts it, and no other occurrence with a whole side.
  const w0 = 'استقبل أمير المنطقة صباح اليوم وفدا من رجال الأعمال القادمين من الخارج. ';
  const w1 = 'وتناول اللقاء سبل تعزيز التعاون التجاري وتوسيع الاستثمارات المشتركة بين البلدين خلال السنوات المقبلة. ';
  const w2 = 'وأشاد الوفد بما تحقق في مجالات الطاقة والصناعة والنقل من التعاون. ';
  const w3 = 'وقدم الأمير للوفد درعا تذكارية بهذه المناسبة. ';
  const w4 = 'ومن المقرر أن يزور الوفد عددا من المصانع في المدينة الصناعية غدا.\n';

  it('a short repeated word keeps its place when the next sentence is deleted: its whole prefix lies in its own sentence, and no other occurrence has a whole side', () => {
    const text = w0 + w1 + w2 + w3 + w4;
    const records = [tag(text, 'e1', 'أمير المنطقة'), tag(text, 'e2', 'التعاون', 1), tag(text, 'e3', 'المصانع')];
    const after = w0 + w1 + w2 + w4;
    const r = reanchor(after, records, { oldLength: text.length });
    const e2 = r.records[1]!;
    assert.ok(!e2.orphan, `orphaned: ${JSON.stringify(r.candidates.e2)}`);
    assert.strictEqual(e2.target.start, nth(after, 'التعاون', 1), 'the second «التعاون», not the one in «تعزيز التعاون التجاري»');
    assert.strictEqual(r.records[2]!.target.start, after.indexOf('المصانع'));
    idempotent(after, r.records);
  });

  it('...but a deleted sentence\'s word is not moved onto the next sentence\'s when both began with the same words: the whole prefix crosses a sentence end', () => {
    // «وأشاد الوفد بما تحقق في …» twice in a row, the first deleted: the second one's «في» sits
    // where the edits put the deleted one's, after the very same 32 characters (the end of w1 and
    // the sentence's first words), and the article has «في» elsewhere too.
    const x2 = 'وأشاد الوفد بما تحقق في مجالات الطاقة والصناعة. ';
    const x3 = 'وأشاد الوفد بما تحقق في السنوات الأخيرة من إنجازات كبيرة في البنية التحتية.\n';
    const text = w0 + w1 + x2 + x3;
    const records = [tag(text, 'e1', 'أمير المنطقة'), tag(text, 'e2', 'في', countBefore(text, 'في', (w0 + w1).length + x2.indexOf('في'))), tag(text, 'e3', 'البنية التحتية')];
    assert.strictEqual(records[1]!.target.start, (w0 + w1).length + x2.indexOf('في'), 'e2 is the deleted sentence\'s «في»');
    const after = w0 + w1 + x3;
    const r = reanchor(after, records, { oldLength: text.length });
    const e2 = r.records[1]!;
    const lookAlike = (w0 + w1).length + x3.indexOf('في');
    assert.ok(e2.orphan, `placed at ${e2.target.start}, on the next sentence's «في» (${lookAlike})`);
    assert.ok(r.candidates.e2!.some((c) => c.start === lookAlike), 'the look-alike is listed');
    assert.strictEqual(r.records[2]!.target.start, after.indexOf('البنية التحتية'));
    idempotent(after, r.records);
  });

  // A paragraph moved far from its neighbours (to the article's end): the records at its edges
  // are no seeds (their windows reach into the paragraphs that were around it), so they are found
  // on their own context alone, far outside the span between the records around them.
  const m1 = 'افتتح وزير الصحة صباح اليوم مستشفى جديدا في شمال المدينة بحضور عدد من المسؤولين.\n';
  const m2 = 'وقال مدير المستشفى إن المبنى يضم ثلاثمئة سرير وقسما للطوارئ يعمل طوال الليل.\n';
  const m3 = 'وأعلنت الوزارة أن المستشفى سيستقبل المرضى من الأسبوع المقبل بعد اكتمال تجهيز الغرف.\n';
  const m4 = 'ودعا الوزير السكان إلى التبرع بالدم في المراكز القريبة من منازلهم.\n';
  const m5 = 'وأضاف أن الحكومة خصصت ميزانية كبيرة لتطوير الخدمات الصحية في القرى البعيدة عن المدن.\n';
  const m6 = 'وختم الوزير زيارته بجولة في أقسام المستشفى واستمع إلى ملاحظات الأطباء والممرضين.\n';
  const mText = m1 + m2 + m3 + m4 + m5 + m6;
  const mQuotes = ['وزير الصحة', 'شمال المدينة', 'مدير المستشفى', 'ثلاثمئة سرير', 'سيستقبل المرضى', 'تجهيز الغرف', 'السكان', 'المراكز القريبة', 'ميزانية كبيرة', 'القرى البعيدة', 'بجولة', 'الأطباء'];
  const mRecords = (): AnnotationRecord[] => mQuotes.map((q, k) => tag(mText, `e${k + 1}`, q));

  it('annotations in a paragraph moved far from its neighbours follow the paragraph', () => {
    const after = m1 + m2 + m4 + m5 + m6 + m3;
    const r = reanchor(after, mRecords(), { oldLength: mText.length });
    const e6 = r.records[5]!;
    assert.ok(!e6.orphan, `orphaned: ${JSON.stringify(r.candidates.e6)}`);
    assert.strictEqual(e6.target.start, after.indexOf('تجهيز الغرف'));
    for (const x of r.records) assert.ok(!x.orphan && x.target.start === after.indexOf(x.target.exact), x.id);
    idempotent(after, r.records);
  });

  it('...but not onto the same words in another paragraph when their own paragraph is deleted', () => {
    // The look-alike: a paragraph added at the end holds the annotated sentence's words with all
    // of their stored context, but begins otherwise; the old paragraph is gone.
    const other = 'وقال الطبيب إن المستشفى سيستقبل المرضى من الأسبوع المقبل بعد اكتمال تجهيز الغرف.\n';
    const after = m1 + m2 + m4 + m5 + m6 + other;
    const r = reanchor(after, mRecords(), { oldLength: mText.length });
    const e5 = r.records[4]!;
    assert.ok(e5.orphan, `placed at ${e5.target.start}, on the added paragraph's «سيستقبل المرضى» (${after.indexOf('سيستقبل المرضى')})`);
    assert.ok(r.candidates.e5!.some((c) => c.start === after.indexOf('سيستقبل المرضى')), 'the look-alike is listed');
    assert.strictEqual(r.records[6]!.target.start, after.indexOf('السكان'));
    idempotent(after, r.records);
  });
});
