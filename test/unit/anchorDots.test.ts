// Full stops that do not end a sentence (a one-letter abbreviation's «د.», a number's «3.5») next
// to a short repeated quote: a deleted clause's word is not moved onto the next clause's same word
// because the words after it agreed up to such a dot (issue 15). The two rules that read dots
// (wholeInSentence and sentenceGoesOnOtherwise) must read them alike, toward an orphan.
import * as assert from 'assert';
import { reanchor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { nth, tag } from './anchorTags';

function sameTwice(after: string, records: readonly AnnotationRecord[]): void {
  const again = reanchor(after, records, { oldLength: after.length });
  assert.deepStrictEqual(again.records.map((x) => (x.orphan ? 'orphan' : x.target.start)), records.map((x) => (x.orphan ? 'orphan' : x.target.start)));
}

describe('anchor: full stops that may not end a sentence', () => {
  const head = 'زار أمير المنطقة اليوم مقر الجامعة يرافقه المحافظ وعدد من المسؤولين،';
  const gone = ' واستقبل المحافظ د. خالد الشمري رئيس الغرفة التجارية،';
  const kept = ' واستقبل المحافظ د. فهد الدوسري مدير التعليم بالمنطقة، كما التقى الأمير بعدد من الطلاب.';

  it('a deleted clause\'s word before «د. …» is orphaned, not moved onto the next clause\'s same word before another «د. …»', () => {
    const text = head + gone + kept;
    const records = [tag(text, 'e1', 'أمير المنطقة'), tag(text, 'e2', 'المحافظ', 1), tag(text, 'e3', 'المحافظ'), tag(text, 'e4', 'الأمير')];
    assert.strictEqual(records[1]!.target.start, head.length + gone.indexOf('المحافظ'), 'e2 is the deleted clause\'s «المحافظ»');
    const after = head + kept;
    const r = reanchor(after, records, { oldLength: text.length });
    const lookAlike = nth(after, 'المحافظ', 1);
    assert.ok(r.records[1]!.orphan, `placed at ${r.records[1]!.target.start}, on the next clause's «المحافظ» (${lookAlike})`);
    assert.ok((r.candidates.e2 ?? []).some((c) => c.start === lookAlike), 'the look-alike is listed');
    assert.strictEqual(r.records[2]!.target.start, after.indexOf('المحافظ'), 'the first «المحافظ» keeps its place');
    assert.strictEqual(r.records[3]!.target.start, after.indexOf('الأمير بعدد'));
    sameTwice(after, r.records);
  });

  it('...and so is one before a decimal number («3.5 …») whose next clause has another («3.1 …»)', () => {
    const h = 'نشرت الهيئة اليوم أرقام الربع الأول، حيث بلغت نسبة النمو في القطاع الزراعي نحو أربعة في المئة،';
    const g = ' وبلغت نسبة النمو 3.5 في المئة في قطاع البناء والتشييد،';
    const k = ' وبلغت نسبة النمو 3.1 في المئة خلال الربع الأخير من العام الماضي، بحسب الهيئة.';
    const text = h + g + k;
    const records = [tag(text, 'e1', 'الهيئة'), tag(text, 'e2', 'النمو'), tag(text, 'e3', 'النمو', 1), tag(text, 'e4', 'الهيئة', 1)];
    const after = h + k;
    const r = reanchor(after, records, { oldLength: text.length });
    const lookAlike = nth(after, 'النمو', 1);
    assert.ok(r.records[2]!.orphan, `placed at ${r.records[2]!.target.start}, on the next clause's «النمو» (${lookAlike})`);
    assert.ok((r.candidates.e3 ?? []).some((c) => c.start === lookAlike), 'the look-alike is listed');
    assert.strictEqual(r.records[1]!.target.start, after.indexOf('النمو'), 'the first «النمو» keeps its place');
    assert.strictEqual(r.records[3]!.target.start, after.lastIndexOf('الهيئة'));
    sameTwice(after, r.records);
  });

  it('a word found once keeps its place when a duplicated sentence after it is deleted: its whole prefix outweighs its suffix\'s neighbour found elsewhere (neighbourElsewhere)', () => {
    const a = 'وصل إلى جدة اليوم وفد رفيع المستوى برئاسة الأمير';
    const dup = ' وأوضح المتحدث الرسمي للوفد أن الزيارة تستمر ثلاثة أيام،';
    const b = ' وأوضح المتحدث باسم الوزارة أن الوفد سيلتقي عددا من المسؤولين.\nوفي سياق آخر، أعلنت الوزارة عن برنامج جديد، وأوضح المتحدث الرسمي للوفد أن الزيارة تستمر ثلاثة أيام.';
    const text = a + dup + b;
    const records = [tag(text, 'e1', 'جدة'), tag(text, 'e2', 'الأمير'), tag(text, 'e3', 'المسؤولين')];
    const after = a + b;
    const r = reanchor(after, records, { oldLength: text.length });
    assert.ok(!r.records[1]!.orphan, `orphaned: ${JSON.stringify(r.candidates.e2)}`);
    assert.strictEqual(r.records[1]!.target.start, after.indexOf('الأمير'));
    sameTwice(after, r.records);
  });
});
