// Silently wrong placements (issue 15) that random edit scripts on real articles still found: a
// sentence's last words whose sentence was deleted, a passage the article had twice with one copy
// deleted, and a sentence that begins like the deleted one with a second deletion further on. Each
// case checks the exact occurrence: the right one, or an orphan with the look-alike listed.
import * as assert from 'assert';
import { anchorFor, reanchor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { idempotent } from './anchorTags';

function at(text: string, id: string, quote: string, from = 0): AnnotationRecord {
  const start = text.indexOf(quote, from);
  assert.ok(start >= 0, `${id}: no «${quote}»`);
  return { id, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, start, start + quote.length) };
}

describe('re-anchoring: the last look-alikes (issue 15)', () => {
  it('a deleted sentence\'s last words are not moved onto the previous sentence that ends alike', () => {
    const s0 = 'ويتناول المحور الرابع البدائل التقنية الآمنة لشبكات التواصل الاجتماعي. ';
    const s1 = 'ويتناول المحور الخامس دور الجهات الرقابية في المملكة تجاه شبكات التواصل الاجتماعي. ';
    const s2 = 'والمحور السادس: دور الأنظمة والتشريعات والمؤسسات القضائية في ضبط استخدام هذه الشبكات، ويناقش فيه الحقوق والواجبات لمستخدميها.\n';
    const text = s0 + s1 + s2;
    const records = [at(text, 'e1', 'الرابع'), at(text, 'e2', 'الاجتماعي', s0.length), at(text, 'e3', 'الواجبات')];
    const after = s0 + s2; // S1, e2's sentence, deleted: S0's «الاجتماعي» now sits before S2, where the edits put e2
    const lookAlike = s0.indexOf('الاجتماعي');
    const r = reanchor(after, records, { oldLength: text.length });
    const e2 = r.records[1]!;
    assert.ok(e2.orphan, `placed at ${e2.target.start}, on S0's own «الاجتماعي» (${lookAlike})`);
    assert.ok((r.candidates.e2 ?? []).some((c) => c.start === lookAlike), 'S0\'s «الاجتماعي» offered as a candidate');
    assert.strictEqual(r.records[0]!.target.start, after.indexOf('الرابع'));
    assert.strictEqual(r.records[2]!.target.start, after.indexOf('الواجبات'));
    idempotent(after, r.records);
  });

  it('a sentence\'s last words keep their place when only the words before them changed', () => {
    const s0 = 'ويتناول المحور الرابع البدائل التقنية الآمنة لشبكات التواصل الاجتماعي. ';
    const s1 = 'والمحور السادس: دور الأنظمة والتشريعات في ضبط الاستخدام، ويناقش فيه الحقوق والواجبات.\n';
    const text = s0 + s1;
    const records = [at(text, 'e1', 'الاجتماعي'), at(text, 'e2', 'الأنظمة')];
    const after = s0.replace('الآمنة ', 'الآمنة والمحافظة ') + s1;
    const r = reanchor(after, records, { oldLength: text.length });
    assert.ok(!r.records[0]!.orphan, 'e1 orphaned');
    assert.strictEqual(r.records[0]!.target.start, after.indexOf('الاجتماعي'));
  });

  it('a tag in a passage the article had twice is not moved onto the other copy when its own is deleted', () => {
    const a = 'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الرياض بسعة ثلاثمئة سرير. ';
    const p = 'وتدعو الوزارة جميع المواطنين والمقيمين إلى الالتزام بالإرشادات الصحية الصادرة عنها وارتداء الكمامة في الأماكن العامة والمحافظة على التباعد الجسدي وغسل اليدين بانتظام والتواصل مع مركز الاتصال عند ظهور أي أعراض. ';
    const b = 'وأوضح المتحدث الرسمي أن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل بعد اكتمال التجهيزات. ';
    const c = 'وأشار إلى أن العمل جار على مشروعين آخرين في جدة والدمام سيكتملان العام المقبل.\n';
    const text = a + p + b + p + c;
    const records = [at(text, 'e1', 'مستشفى'), at(text, 'e2', 'الكمامة'), at(text, 'e3', 'المرضى'), at(text, 'e4', 'جدة')];
    assert.ok(records[1]!.target.far !== undefined, 'the repeated passage gets its far fingerprint');
    const after = a + b + p + c; // the first copy, e2's, deleted
    const other = after.indexOf('الكمامة');
    const r = reanchor(after, records, { oldLength: text.length });
    const e2 = r.records[1]!;
    assert.ok(e2.orphan, `placed at ${e2.target.start}, on the other copy's «الكمامة» (${other})`);
    assert.ok((r.candidates.e2 ?? []).some((x) => x.start === other), 'the other copy offered as a candidate');
    assert.strictEqual(r.records[2]!.target.start, after.indexOf('المرضى'));
    assert.strictEqual(r.records[3]!.target.start, after.indexOf('جدة'));
    idempotent(after, r.records);
  });
  it('a deleted sentence\'s first word is not made certain on the next sentence by a stretch read across a second deletion', () => {
    // S1 and S3 deleted: the text followed from S0 runs on into S2's «كما كان في ال» as if it were
    // S1's, and the stretch after S3's deletion, projected back over both, lands on S3's old words,
    // which differ; that projection says nothing once the text before it is not what it followed.
    const s0 = 'وكان في استقبال الوفد لدى وصوله المطار الأمير فيصل بن الحسين. ';
    const s1 = 'كما كان في استقباله رئيس الديوان الملكي وعدد من الوزراء والمسؤولين. ';
    const s2 = 'كما كان في الاستقبال سفير المملكة لدى الأردن وأعضاء السفارة في عمان. ';
    const s3 = 'وعقد الجانبان بعد ذلك جلسة مباحثات رسمية تناولت العلاقات الثنائية بين البلدين الشقيقين وسبل تعزيزها في المجالات الاقتصادية والتجارية والثقافية. ';
    const s4 = 'وفي المساء أقام الملك مأدبة عشاء تكريما للضيف والوفد المرافق له في قصر رغدان.\n';
    const text = s0 + s1 + s2 + s3 + s4;
    const o3 = s0.length + s1.length + s2.length;
    const records = [at(text, 'e1', 'الوفد'), at(text, 'e2', 'كما'), at(text, 'e3', 'البلدين', o3), at(text, 'e4', 'الاقتصادية', o3), at(text, 'e5', 'والثقافية', o3), at(text, 'e6', 'للضيف')];
    const after = s0 + s2 + s4;
    const r = reanchor(after, records, { oldLength: text.length });
    const e2 = r.records[1]!;
    assert.ok(e2.orphan, `placed at ${e2.target.start}, on S2's «كما» (${s0.length})`);
    assert.ok((r.candidates.e2 ?? []).some((c) => c.start === s0.length), 'S2\'s «كما» offered as a candidate');
    assert.strictEqual(r.records[0]!.target.start, after.indexOf('الوفد'));
    assert.strictEqual(r.records[5]!.target.start, after.indexOf('للضيف'));
    idempotent(after, r.records);
  });

  it('a deleted sentence\'s first words are not moved onto the next sentence that begins like it and goes on otherwise', () => {
    // S1 and S4 deleted. S2 begins as S1 did («وفي عام 141…»), and what follows there, « 1417 بدأ
    // تشغيل», the records saw beside other words in S3 («في عام») — but S3 goes on «خدمات», S2
    // «شبكات»: S2 is no copy of S3 pasted after e2, it is the sentence the deletion brought there.
    const s0 = 'وربطت الشبكة المملكة مع جميع أنحاء العالم بخدمات الاتصالات. ';
    const s1 = 'وفي عام 1416 بدأ تشغيل خدمة الهاتف الجوال في المدن الكبرى. ';
    const s2 = 'وفي عام 1417 بدأ تشغيل شبكات الألياف البصرية لربط مناطق المملكة. ';
    const s3 = 'في عام 1417 بدأ تشغيل خدمات للمناطق النائية. ';
    const s4 = 'في عام 1418 بدأ تشغيل الشبكة الذكية لنقل المعلومات بين المدن. ';
    const s5 = 'وفي عام 1419 تأسست شركة وطنية للقيام بخدمات الاتصالات في المملكة.\n';
    const text = s0 + s1 + s2 + s3 + s4 + s5;
    const records = [at(text, 'e0', 'الشبكة'), at(text, 'e1', 'بخدمات'), at(text, 'e2', 'وفي عام'), at(text, 'e3', 'خدمات', s0.length + s1.length + s2.length), at(text, 'e4', 'وطنية')];
    const after = s0 + s2 + s3 + s5;
    const r = reanchor(after, records, { oldLength: text.length });
    const e2 = r.records[2]!;
    assert.ok(e2.orphan, `placed at ${e2.target.start}, on S2's «وفي عام» (${s0.length})`);
    assert.ok((r.candidates.e2 ?? []).some((c) => c.start === s0.length), 'S2\'s «وفي عام» offered as a candidate');
    assert.strictEqual(r.records[0]!.target.start, after.indexOf('الشبكة'));
    assert.strictEqual(r.records[4]!.target.start, after.indexOf('وطنية'));
    idempotent(after, r.records);
  });
});
