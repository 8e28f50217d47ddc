// Every record Khabar makes (the editor, `khabar import`) carries `target.far`, the words past its
// 32 characters of context; the separator says whether the article repeated the quote with its
// nearest context then (a space) or not (`/`). A quote found once whose stored side is there whole,
// within its sentence, and whose words past that side agree with the fingerprint, is its record's,
// wherever the edits put it (issue 15, needless orphans). A record without `far` (an older Khabar's,
// or one whose line was deleted) keeps the rules it had: it is never moved onto a copy on that account.
import * as assert from 'assert';
import { anchorFor, reanchor } from '../../src/core/anchor/anchor';
import { farRepeated } from '../../src/core/anchor/far';
import type { AnnotationRecord, SidecarData } from '../../src/core/annotationRecord';
import { buildRecords } from '../../src/core/import/common';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { serializeSidecar } from '../../src/core/sidecar/serialize';
import { syncWithArticle } from '../../src/core/sidecar/sync';

// The previous sentence (longer than 64 characters) is deleted; the tagged first words of the next
// one keep their whole suffix and the words past it.
const P1 = 'أعلنت وزارة التعليم صباح اليوم نتائج الاختبارات النهائية لطلاب المرحلة الثانوية في جميع المناطق. ';
const P2 = 'وأوضح الوزير في مؤتمر صحفي عقده بمقر الوزارة أن نسبة النجاح ارتفعت هذا العام بفضل البرامج الجديدة التي طبقتها المدارس. ';
const P3 = 'ويبدأ التسجيل في الجامعات الحكومية مطلع الأسبوع المقبل عبر البوابة الإلكترونية الموحدة.';
const QUOTE = 'وأوضح';

function tagged(text: string, at: number, far = true): AnnotationRecord {
  const target = anchorFor(text, at, at + QUOTE.length);
  if (!far) delete target.far;
  return { id: 'e1', kind: 'entity', label: 'PER', status: 'accepted', target };
}

const data = (records: AnnotationRecord[]): SidecarData => ({ khabar: 2, document: { path: 'a.txt' }, lastId: 9, annotations: records });

describe('a quote found once, vouched for by the words past its whole side (target.far)', () => {
  const text = P1 + P2 + P3;
  const at = P1.length;

  it('every record made carries far; a space between its sides only where its words repeat', () => {
    const far = anchorFor(text, at, at + QUOTE.length).far!;
    assert.ok(far !== undefined && far.includes('/') && !farRepeated(far), far);
  });

  it('the sentence before it deleted (check --fix of a version-2 file: no old length): placed on its own words', () => {
    const edited = P2 + P3;
    // (Found once, 99 characters from its old place, its prefix gone: no other rule places it.)
    const out = syncWithArticle(data([tagged(text, at)]), edited);
    const e1 = out.data.annotations[0]!;
    assert.strictEqual(e1.orphan, undefined, `an orphan: ${JSON.stringify(out.candidates['e1'])}`);
    assert.strictEqual(e1.target.start, 0);
  });

  it('a record without far (an older Khabar, the line deleted) keeps the old rules: an orphan, its place listed', () => {
    const edited = P2 + P3;
    const out = reanchor(edited, [tagged(text, at, false)]);
    assert.strictEqual(out.records[0]!.orphan, true);
    assert.ok(out.candidates['e1']!.some((c) => c.start === 0));
  });

  it('not where the words past its whole side are others (a copy of its sentence elsewhere, edited, the original deleted)', () => {
    // The sentence copied after P3 with its end rewritten, then the original deleted: the quote
    // occurs once, in the copy, its 32 characters after it as stored, but not the words past them.
    const copy = 'وأوضح الوزير في مؤتمر صحفي عقده بمقر الوزارة أن الدراسة تبدأ في موعدها دون أي تأخير. ';
    const edited = P1 + P3 + ' ' + copy;
    for (const far of [true, false]) {
      const out = reanchor(edited, [tagged(text, at, far)]);
      assert.strictEqual(out.records[0]!.orphan, true, `far ${far}: placed at ${out.records[0]!.target.start}, on the copy`);
    }
  });
});

describe('a short word the article has more than once, vouched for by the words past its whole side', () => {
  // «وأوضح» opens another sentence of P3 as well: only its own place has its suffix whole and the
  // words past it.
  const P3b = 'ويبدأ التسجيل في الجامعات الحكومية مطلع الأسبوع المقبل. وأوضح مدير القبول أن البوابة الإلكترونية ستفتح أبوابها للجميع.';
  const text = P1 + P2 + P3b;

  it('the sentence before it deleted: placed on its own words, not an orphan', () => {
    const edited = P2 + P3b;
    const out = syncWithArticle(data([tagged(text, P1.length)]), edited);
    const e1 = out.data.annotations[0]!;
    assert.strictEqual(e1.orphan, undefined, `an orphan: ${JSON.stringify(out.candidates['e1'])}`);
    assert.strictEqual(e1.target.start, 0);
  });

  it('a deleted clause whose next clause begins with the same words: its word is an orphan, though it is found once with its whole prefix and the words before it', () => {
    const head = 'زار أمير المنطقة اليوم مقر الجامعة يرافقه عدد من المسؤولين في الإمارة،';
    const gone = ' واستقبل المحافظ رئيس الغرفة التجارية،';
    const kept = ' واستقبل المحافظ مدير التعليم بالمنطقة، كما التقى الأمير بعدد من الطلاب.';
    const t0 = head + gone + kept;
    const at = head.length + gone.indexOf('المحافظ');
    const r: AnnotationRecord = { id: 'e2', kind: 'entity', label: 'PER', status: 'accepted', target: anchorFor(t0, at, at + 'المحافظ'.length) };
    const out = reanchor(head + kept, [r]);
    assert.strictEqual(out.records[0]!.orphan, true, `placed at ${out.records[0]!.target.start}, on the next clause's «المحافظ»`);
  });

  it('two places vouched for alike (its sentence duplicated, then the one before deleted): an orphan', () => {
    const edited = P2 + P2 + P3b;
    const out = reanchor(edited, [tagged(text, P1.length)]);
    assert.strictEqual(out.records[0]!.orphan, true, `placed at ${out.records[0]!.target.start}`);
  });

  it('not for a record whose words the article repeated when it was made: a formula longer than the context and far', () => {
    // A statement's long opening used twice; the tagged word closes it in the first sentence, which is deleted.
    const F = 'وأعلنت وزارة الداخلية في بيان صادر عنها اليوم أن الجهات الأمنية في المنطقة الشرقية تمكنت من القبض على المتهم الرئيسي في القضية بعد متابعة ';
    const S1 = F + 'دقيقة استمرت شهرين. ';
    const S2 = F + 'دقيقة ومتواصلة من فرق البحث. ';
    const S0 = 'شهدت المنطقة أمس حركة مرورية كثيفة على الطرق الرئيسية المؤدية إلى الأسواق. ';
    const t0 = S0 + S1 + S2;
    const at = S0.length + F.length;
    const r: AnnotationRecord = { id: 'e1', kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(t0, at, at + 'دقيقة'.length) };
    assert.ok(farRepeated(r.target.far!));
    const out = reanchor(S0 + S2, [r]);
    assert.strictEqual(out.records[0]!.orphan, true, `placed at ${out.records[0]!.target.start}, on the second statement`);
  });
});

describe('far and small diffs', () => {
  const text = P1 + P2 + P3;

  it('an imported sidecar on an unchanged article: check --fix writes the same bytes', () => {
    const spans = [
      { start: P1.indexOf('وزارة التعليم'), end: P1.indexOf('وزارة التعليم') + 'وزارة التعليم'.length, kind: 'entity' as const, label: 'ORG' as const, status: 'accepted' as const },
      { start: P1.length, end: P1.length + QUOTE.length, kind: 'entity' as const, label: 'PER' as const, status: 'accepted' as const },
    ];
    const records = buildRecords(text, spans);
    // `khabar import` writes far for the records it makes.
    assert.ok(records.every((r) => r.target.far !== undefined));
    const yaml = serializeSidecar(data(records));
    const back = parseSidecar(yaml);
    assert.ok(back.ok, JSON.stringify(back));
    const out = syncWithArticle(back.data, text);
    assert.strictEqual(out.changed, false);
    assert.strictEqual(serializeSidecar(out.data), yaml);
  });

  it('a record without far stays without it through an edit that moves it (no far written on its account)', () => {
    const r = tagged(text, P1.length, false);
    const edited = 'عاجل: ' + text;
    const out = reanchor(edited, [r], { oldLength: text.length });
    assert.strictEqual(out.records[0]!.target.start, P1.length + 6);
    assert.strictEqual(out.records[0]!.target.far, undefined);
  });
});
