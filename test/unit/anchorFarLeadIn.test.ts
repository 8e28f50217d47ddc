// Two sentences of one article that share a formula longer than the stored context often share a
// lead-in too («أرسل الملك ... رسالة ... إلى»). Half of the words past the context in common is
// then no sign of the same place, and a record whose own surroundings were rewritten or deleted
// must not go to the other copy (it is an orphan, with its own place listed as it matches).
// Also: a sentence copied, the copy edited and the original deleted is no insertion next to the
// quote (splitWindow), when no edit points there.
import * as assert from 'assert';
import { anchorFor, reanchor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord } from '../../src/core/annotationRecord';

const P1 = 'أرسل الملك اليوم رسالة تهنئة إلى رئيس فرنسا قال فيها: يسعدني أن أتقدم إليكم بخالص التهاني وأطيب التمنيات بمناسبة اليوم الوطني لبلادكم. وأشاد الملك بالعلاقات المتينة التي تجمع البلدين منذ عقود.';
const P2 = 'كما أرسل الملك رسالة مماثلة إلى رئيس البرازيل قال فيها: يسعدني أن أتقدم إليكم بخالص التهاني وأطيب التمنيات بمناسبة اليوم الوطني لبلادكم. وتمنى للشعب البرازيلي المزيد من الرخاء والتقدم.';
const P3 = 'وفي شأن آخر التقى وزير المالية وفدا من البنك الدولي لبحث برامج التنمية في المنطقة.';
const QUOTE = 'بخالص التهاني';

function record(text: string, id: string, at: number): AnnotationRecord {
  return { id, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, at, at + QUOTE.length) };
}

function nth(text: string, n: number): number {
  let p = -1;
  for (let k = 0; k <= n; k++) p = text.indexOf(QUOTE, p + 1);
  return p;
}

describe('far words: a shared lead-in is not agreement', () => {
  const text = P1 + '\n\n' + P2 + '\n\n' + P3;
  const records = [record(text, 'e1', nth(text, 0)), record(text, 'e2', nth(text, 1))];

  it('both records carry a fingerprint (the formula repeats past their context)', () => {
    assert.ok(records[0]!.target.far !== undefined && records[1]!.target.far !== undefined);
  });

  it('the first greeting deleted: e1 is an orphan, not moved onto the second cable; e2 stays', () => {
    const cut = P1.indexOf('يسعدني');
    const edited = P1.slice(0, P1.indexOf('أرسل')) + P1.slice(P1.indexOf('وأشاد')) + '\n\n' + P2 + '\n\n' + P3;
    assert.ok(cut > 0 && nth(edited, 1) < 0);
    const out = reanchor(edited, records);
    const [e1, e2] = out.records;
    assert.strictEqual(e2!.orphan, undefined);
    assert.strictEqual(e2!.target.start, nth(edited, 0));
    assert.strictEqual(e1!.orphan, true, `e1 placed at ${e1!.target.start}, on e2's greeting`);
    // Listed for a person, with its context as it matches there and a word that the far words differ.
    const c = out.candidates['e1']!.find((x) => x.start === nth(edited, 0));
    assert.ok(c && c.context >= 0.9 && c.farDiffers === true, JSON.stringify(out.candidates['e1']));
  });

  it('the sentences around the first greeting rewritten (its 32+32 characters intact): e1 does not go to the second cable', () => {
    const p1 = P1.replace('أرسل الملك اليوم رسالة تهنئة إلى رئيس فرنسا', 'بعث العاهل صباح الاثنين ببرقية إلى الرئيس الفرنسي').replace(
      'وأشاد الملك بالعلاقات المتينة التي تجمع البلدين منذ عقود.',
      'ونوه العاهل بما بلغه التعاون بين الرباط وباريس من مستوى رفيع.',
    );
    const edited = p1 + '\n\n' + P2 + '\n\n' + P3;
    const own = nth(edited, 0);
    const other = nth(edited, 1);
    const out = reanchor(edited, records);
    const [e1, e2] = out.records;
    assert.strictEqual(e2!.orphan, undefined);
    assert.strictEqual(e2!.target.start, other);
    assert.ok(e1!.orphan === true || e1!.target.start === own, `e1 placed at ${e1!.target.start}, on e2's greeting (${other})`);
    if (e1!.orphan) {
      // Its own place listed first, with its whole context (100%, not marked down to half).
      const c = out.candidates['e1']![0]!;
      assert.deepStrictEqual([c.start, c.context, c.farDiffers], [own, 1, true]);
    }
  });
});

describe('a sentence copied, the copy edited, the original deleted', () => {
  const A = 'أعلنت البلدية مساء أمس عن خطة لتوسيع الحديقة العامة في وسط المدينة خلال العام المقبل. ';
  const B = 'وذكر بيان صادر عن المجلس البلدي أن المحافظ سيفتتح المكتبة الجديدة يوم الخميس بحضور عدد من الأدباء. ';
  const C = 'وتضم المكتبة أكثر من عشرين ألف كتاب وقاعة للمطالعة مفتوحة طوال اليوم. ';
  const D = 'وذكر بيان صادر عن المجلس البلدي أن المحافظ نفسه سيفتتح المكتبة الجديدة بعد أسبوعين بسبب أعمال الصيانة. ';
  const E = 'ودعا البيان السكان إلى زيارة المكتبة والاستفادة من خدماتها المجانية.';
  const QUOTE2 = 'المحافظ';

  it('the record (made before the copy) is an orphan, not moved onto the edited copy', () => {
    const before = A + B + C + E;
    const at = A.length + B.indexOf(QUOTE2);
    const r: AnnotationRecord = { id: 'e1', kind: 'entity', label: 'PER', status: 'accepted', target: anchorFor(before, at, at + QUOTE2.length) };
    const anchorA = before.indexOf('البلدية');
    const anchorC = before.indexOf('عشرين ألف');
    const others: AnnotationRecord[] = [
      { id: 'e2', kind: 'entity', label: 'ORG', status: 'accepted', target: anchorFor(before, anchorA, anchorA + 'البلدية'.length) },
      { id: 'e3', kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(before, anchorC, anchorC + 'عشرين ألف'.length) },
    ];
    // The copy typed in: the record stays on its own sentence.
    const copied = A + B + C + D + E;
    const mid = reanchor(copied, [others[0]!, r, others[1]!], { oldLength: before.length });
    assert.strictEqual(mid.records[1]!.target.start, at);
    // The original deleted.
    const after = A + C + D + E;
    const out = reanchor(after, mid.records, { oldLength: copied.length });
    const e1 = out.records[1]!;
    assert.strictEqual(e1.orphan, true, `placed at ${e1.target.start}, in the copy («المحافظ نفسه»)`);
    assert.ok(out.candidates['e1']!.some((c) => c.start === after.indexOf(QUOTE2)));
  });
});
