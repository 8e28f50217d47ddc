// A record without `far` is one whose window (its quote with the 16+ characters of context next to
// it) the article did not repeat when the record was last written: every writer that keeps a record
// on a changed article adds `far` once that window repeats (far.ts, withFar). Re-anchoring relies on
// it to place a short quote found once on one whole stored side within its own sentence, wherever
// the edits put it (place.ts, onceWhole): a copy of its sentence, edited later, cannot be that
// occurrence, because the copy would have given the record `far`. Tested here across two separate
// passes (copy, then edit and delete), through re-anchoring and through `syncWithArticle` (whose
// "every record still fits" path skips re-anchoring), with a look-alike the rule must refuse, and
// that an unrelated edit adds `far` to no record (small diffs).
import * as assert from 'assert';
import { anchorFor, reanchor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord, SidecarData } from '../../src/core/annotationRecord';
import { syncWithArticle } from '../../src/core/sidecar/sync';

function rec(text: string, id: string, quote: string, from = 0): AnnotationRecord {
  const at = text.indexOf(quote, from);
  assert.ok(at >= 0, quote);
  return { id, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, at, at + quote.length) };
}

const A = 'أعلنت البلدية مساء أمس عن خطة لتوسيع الحديقة العامة في وسط المدينة خلال العام المقبل. ';
const B = 'وذكر بيان صادر عن المجلس البلدي أن المحافظ سيفتتح المكتبة الجديدة يوم الخميس بحضور عدد من الأدباء. ';
const C = 'وتضم المكتبة أكثر من عشرين ألف كتاب وقاعة للمطالعة مفتوحة طوال اليوم. ';
// The copy of B, edited: the words after the quote changed, the 32 characters before it kept.
const D = 'وذكر بيان صادر عن المجلس البلدي أن المحافظ نفسه سيفتتح المكتبة الجديدة بعد أسبوعين بسبب أعمال الصيانة. ';
const E = 'ودعا البيان السكان إلى زيارة المكتبة والاستفادة من خدماتها المجانية.';
const COPY = 'وذكر بيان صادر عن المجلس البلدي أن المحافظ سيفتتح المكتبة الجديدة يوم الخميس بحضور عدد من الأدباء. ';

describe('far written when a kept record’s window becomes repeated', () => {
  const before = A + B + C + E;
  const records = (): AnnotationRecord[] => [rec(before, 'e2', 'البلدية'), rec(before, 'e1', 'المحافظ'), rec(before, 'e3', 'عشرين ألف')];

  it('made before any copy: no record carries far', () => {
    for (const r of records()) assert.strictEqual(r.target.far, undefined, r.id);
  });

  it('re-anchoring: the sentence copied (pass 1) gives the kept record far, and only it; the copy edited and the original deleted (pass 2): never on the copy', () => {
    const copied = A + B + C + COPY + E;
    const mid = reanchor(copied, records(), { oldLength: before.length });
    const [e2, e1, e3] = mid.records;
    assert.strictEqual(e1!.target.start, A.length + B.indexOf('المحافظ'));
    assert.strictEqual(e1!.orphan, undefined);
    assert.ok(e1!.target.far !== undefined, 'the kept record whose window the copy repeats has far');
    assert.strictEqual(e2!.target.far, undefined);
    assert.strictEqual(e3!.target.far, undefined);
    // (Kept records whose window is not repeated are the same objects: nothing to write.)
    assert.strictEqual(e2, mid.records[0]);
    const after = A + C + D + E;
    const out = reanchor(after, mid.records, { oldLength: copied.length });
    const r = out.records[1]!;
    const onCopy = after.indexOf('المحافظ');
    assert.ok(r.orphan === true, `placed at ${r.target.start} (the edited copy is at ${onCopy})`);
    assert.ok(out.candidates['e1']!.some((c) => c.start === onCopy));
  });

  it('check: a copy pasted after every record (all records still fit, no re-anchoring) gives far too; the next check orphans the record', () => {
    const data: SidecarData = { khabar: 2, document: { path: 'a.txt' }, lastId: 3, annotations: records() };
    const copied = before + ' ' + COPY.trimEnd();
    const mid = syncWithArticle(data, copied, 'a.txt');
    assert.strictEqual(mid.changed, true);
    assert.deepStrictEqual(mid.moved, []);
    const far = mid.data.annotations.map((a) => a.target.far !== undefined);
    assert.deepStrictEqual(far, [false, true, false]);
    assert.strictEqual(mid.data.annotations[0], data.annotations[0]);
    // The copy edited, the original deleted.
    const after = A + C + E + ' ' + D.trimEnd();
    const out = syncWithArticle(mid.data, after, 'a.txt');
    const r = out.data.annotations[1]!;
    assert.ok(r.orphan === true, `placed at ${r.target.start} (the edited copy is at ${after.indexOf('المحافظ')})`);
  });

  it('an unrelated sentence typed near the top adds far to no record (small diffs)', () => {
    const data: SidecarData = { khabar: 2, document: { path: 'a.txt' }, lastId: 3, annotations: records() };
    const typed = 'وفي خبر آخر افتتح المعرض الدولي للكتاب أبوابه للزوار. ' + before;
    const out = syncWithArticle(data, typed, 'a.txt');
    assert.deepStrictEqual(out.orphans, []);
    for (const a of out.data.annotations) assert.strictEqual(a.target.far, undefined, a.id);
    // And on the unchanged text, nothing at all to write.
    assert.strictEqual(syncWithArticle(out.data, typed, 'a.txt').changed, false);
  });
});

describe('a short quote found once, one whole side within its sentence, no far: placed wherever the edits put it', () => {
  // The quote's sentence: «الجوف» once in the article, its 32 characters before it in its own sentence.
  const S0 = 'افتتح أمير المنطقة صباح اليوم معرضا للكتاب في مدينة سكاكا بحضور عدد من المسؤولين والمثقفين. ';
  const S1 = 'وأكد رئيس اللجنة المنظمة أن المعرض يضم أكثر من ثلاثمئة دار نشر من داخل المملكة وخارجها. ';
  const S2 = 'وقال مدير الإدارة العامة للتعليم في منطقة الجوف إن المدارس ستنظم زيارات يومية للطلاب. ';
  const S3 = 'ويستمر المعرض عشرة أيام تقام خلالها ندوات وأمسيات شعرية. ';
  const S4 = 'وتشارك في المعرض هيئات ثقافية من عدة دول عربية.';

  it('the words after it rewritten, a long sentence deleted before it and one added at the end: placed on its own words', () => {
    const before = S0 + S1 + S2 + S3 + S4;
    const records = [rec(before, 'e1', 'سكاكا'), rec(before, 'e2', 'الجوف'), rec(before, 'e3', 'أمسيات شعرية')];
    const S2b = 'وقال مدير الإدارة العامة للتعليم في منطقة الجوف، في تصريح للصحفيين، إن الطلاب سيزورون المعرض. ';
    const tail = ' وفي ختام اليوم الأول وزعت الجوائز على الفائزين في مسابقة القراءة التي نظمتها المكتبة العامة بالتعاون مع الجامعة.';
    const after = S0 + S2b + S3 + S4 + tail;
    const out = reanchor(after, records, { oldLength: before.length });
    const r = out.records[1]!;
    const own = S0.length + S2b.indexOf('الجوف');
    assert.strictEqual(r.orphan, undefined, JSON.stringify(out.candidates['e2']));
    assert.deepStrictEqual([r.target.start, after.slice(r.target.start, r.target.end)], [own, 'الجوف']);
  });

  it('a look-alike: the quote’s sentence deleted, the same word ending the sentence before it, the same sentence after it: an orphan', () => {
    // «الجوف» ends two sentences; the record is on the second. Deleting it (with the sentence
    // before it) leaves the first one's «الجوف.» before the very same suffix (one whole side),
    // found once, but that side crosses a sentence end: not the quote's own sentence.
    const T0 = 'وصل وزير النقل أمس إلى منطقة الجوف. ';
    const T1 = 'وتفقد الوزير مشروع توسعة مطار الجوف. ';
    const T2 = 'وأكد أن المطار سيستقبل رحلات دولية قبل نهاية العام الجاري. ';
    const before = S0 + T0 + S1 + T1 + T2 + S4;
    const second = before.indexOf('الجوف', before.indexOf('الجوف') + 1);
    const r0 = rec(before, 'e1', 'سكاكا');
    const r1: AnnotationRecord = { id: 'e2', kind: 'entity', label: 'LOC', status: 'accepted', target: anchorFor(before, second, second + 'الجوف'.length) };
    const r2 = rec(before, 'e3', 'رحلات دولية');
    assert.strictEqual(r1.target.far, undefined);
    // Deleted with the sentence before it, and a sentence added at the end: the edits point nowhere near the look-alike.
    const tail = ' وفي ختام اليوم الأول وزعت الجوائز على الفائزين في مسابقة القراءة التي نظمتها المكتبة العامة بالتعاون مع الجامعة.';
    const after = S0 + T0 + T2 + S4 + tail;
    const out = reanchor(after, [r0, r1, r2], { oldLength: before.length });
    const r = out.records[1]!;
    assert.strictEqual(r.orphan, true, `placed at ${r.target.start}, on the first sentence's «الجوف» (${after.indexOf('الجوف')})`);
  });
});
