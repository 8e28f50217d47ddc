import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { anchorFor, anchorHolds, boundedDistance, editDistance, reanchor } from '../../src/core/anchor/anchor';
import { shiftAnchors, type TextChange } from '../../src/core/anchor/shift';
import type { AnnotationRecord, SidecarData } from '../../src/core/annotationRecord';
import { documentInfo } from '../../src/core/sidecar/format';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { serializeSidecar } from '../../src/core/sidecar/serialize';
import { syncWithArticle } from '../../src/core/sidecar/sync';
import { runCheck } from '../../src/cli/check';
import { hostileRecords } from './anchorEdits';

const ARTICLE = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sidecar', 'article.txt'), 'utf8');
const P1 = ARTICLE.split('\n\n')[0]!;
const P2 = ARTICLE.split('\n\n')[1]!;
const P3 = ARTICLE.split('\n\n')[2]!.trimEnd();

function rec(text: string, id: string, quote: string, nth = 0): AnnotationRecord {
  let p = -1;
  for (let i = 0; i <= nth; i++) p = text.indexOf(quote, p + 1);
  assert.ok(p >= 0, `no ${quote}`);
  return { id, kind: 'entity', label: 'PER', status: 'accepted', target: anchorFor(text, p, p + quote.length) };
}

function indexOfNth(text: string, quote: string, nth: number): number {
  let p = -1;
  for (let i = 0; i <= nth; i++) p = text.indexOf(quote, p + 1);
  return p;
}

interface Case {
  name: string;
  before: string;
  after: string;
  quote: string;
  nth?: number;
  /** Expected outcome: where the quote should be found in `after` (its text and occurrence), or orphan. */
  expect: { at: string; nth?: number } | 'orphan';
  /** Pass the old length as the sidecar would (default true). */
  withLength?: boolean;
}

const SPOKESMAN = 'وقال المتحدث باسم الوزارة';
const CASES: Case[] = [
  { name: 'unchanged text keeps the anchor', before: ARTICLE, after: ARTICLE, quote: 'أحمد السالم', expect: { at: 'أحمد السالم' } },
  { name: 'insertion before the span', before: ARTICLE, after: 'عاجل: ' + ARTICLE, quote: 'أحمد السالم', expect: { at: 'أحمد السالم' } },
  { name: 'insertion after the span', before: ARTICLE, after: ARTICLE + '\nتحديث: أضيفت تفاصيل.\n', quote: 'أحمد السالم', expect: { at: 'أحمد السالم' } },
  { name: 'deletion before the span', before: ARTICLE, after: ARTICLE.replace('في بيان صدر صباح الثلاثاء ', ''), quote: '250 مليون دينار', expect: { at: '250 مليون دينار' } },
  { name: 'insertion before, without the old length', before: ARTICLE, after: 'عاجل: ' + ARTICLE, quote: 'الزرقاء', withLength: false, expect: { at: 'الزرقاء' } },
  {
    name: 'edits on both sides of the span',
    before: ARTICLE,
    after: 'بيان: ' + ARTICLE.replace('ستفتتح ثلاثة', 'ستفتتح خمسة'),
    quote: 'أحمد السالم',
    expect: { at: 'أحمد السالم' },
  },
  {
    name: 'whole-paragraph move',
    before: ARTICLE,
    after: `${P3}\n\n${P1}\n\n${P2}\n`,
    quote: 'أحمد السالم',
    expect: { at: 'أحمد السالم' },
  },
  {
    name: 'whole-paragraph move, first words of a paragraph',
    before: ARTICLE,
    after: `${P2}\n\n${P3}\n\n${P1}\n`,
    quote: 'أعلنت وزارة الصحة',
    expect: { at: 'أعلنت وزارة الصحة' },
  },
  {
    name: 'duplicated passage: the second copy is found by its context after an insertion',
    before: `${SPOKESMAN} إن الوضع مستقر.\n\n${P1}\n\n${SPOKESMAN} إن الحكومة ستراجع الأسعار.\n`,
    after: `مقدمة قصيرة.\n${SPOKESMAN} إن الوضع مستقر.\n\n${P1}\n\n${SPOKESMAN} إن الحكومة ستراجع الأسعار.\n`,
    quote: SPOKESMAN,
    nth: 1,
    expect: { at: SPOKESMAN, nth: 1 },
  },
  {
    name: 'duplicated passage with identical context: the shift decides',
    before: `أ. ${SPOKESMAN} اليوم.\nأ. ${SPOKESMAN} اليوم.\n`,
    after: `عنوان\nأ. ${SPOKESMAN} اليوم.\nأ. ${SPOKESMAN} اليوم.\n`,
    quote: SPOKESMAN,
    nth: 1,
    expect: { at: SPOKESMAN, nth: 1 },
  },
  {
    name: 'duplicated passage with identical context and an unknown shift: ambiguous, so orphan',
    before: `أ. ${SPOKESMAN} اليوم.\n`.repeat(4),
    after: `عنوان طويل للخبر\n${`أ. ${SPOKESMAN} اليوم.\n`.repeat(4)}ملاحظة\n`,
    quote: SPOKESMAN,
    nth: 1,
    withLength: false,
    expect: 'orphan',
  },
  {
    name: 'the annotated passage was deleted; a look-alike elsewhere is not taken',
    before: `${P1}\n\nوقال الوزير في مؤتمر صحفي إن السالم سيتولى الملف.\n\n${P3}\n`,
    after: `${P1}\n\n${P3}\n`,
    quote: 'السالم',
    nth: 0,
    expect: 'orphan',
  },
  {
    name: 'a rewritten sentence is followed (fuzzy) when close enough',
    before: ARTICLE,
    after: ARTICLE.replace('الحكومة خصصت 250 مليون دينار لتطوير أقسام الطوارئ', 'الحكومة رصدت 250 مليون دينار لتطوير أقسام الطوارئ'),
    quote: 'الحكومة خصصت 250 مليون دينار لتطوير أقسام الطوارئ',
    expect: { at: 'الحكومة رصدت 250 مليون دينار لتطوير أقسام الطوارئ' },
  },
  {
    name: 'a sentence rewritten beyond recognition becomes an orphan',
    before: ARTICLE,
    after: ARTICLE.replace('الحكومة خصصت 250 مليون دينار لتطوير أقسام الطوارئ', 'الموازنة لم تتضمن أي مبالغ جديدة للمستشفيات'),
    quote: 'الحكومة خصصت 250 مليون دينار لتطوير أقسام الطوارئ',
    expect: 'orphan',
  },
  {
    name: 'a short name that changed is not matched fuzzily',
    before: ARTICLE,
    after: ARTICLE.replace('مدينة الزرقاء', 'مدينة الزرقا'),
    quote: 'الزرقاء',
    expect: 'orphan',
  },
  {
    name: 'the quote deleted entirely',
    before: ARTICLE,
    after: ARTICLE.replace('بزيادة قدرها 12 في المئة ', ''),
    quote: '12 في المئة',
    expect: 'orphan',
  },
  {
    name: 'CRLF line endings introduced by an editor',
    before: ARTICLE,
    after: ARTICLE.replace(/\n/g, '\r\n'),
    quote: 'الزرقاء',
    expect: { at: 'الزرقاء' },
  },
  {
    name: 'a quote spanning a line break, after the file became CRLF',
    before: ARTICLE,
    after: ARTICLE.replace(/\n/g, '\r\n'),
    quote: 'الماضي.\n\nوقال المتحدث',
    expect: { at: 'الماضي.\r\n\r\nوقال المتحدث' },
  },
  {
    name: 'emoji outside the BMP inserted before',
    before: ARTICLE,
    after: '🔴🔴 ' + ARTICLE,
    quote: 'وزارة الصحة',
    expect: { at: 'وزارة الصحة' },
  },
];

describe('reanchor', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = rec(c.before, 'x1', c.quote, c.nth ?? 0);
      const out = reanchor(c.after, [r], c.withLength === false ? {} : { oldLength: c.before.length });
      const got = out.records[0]!;
      assert.strictEqual(out.records.length, 1);
      if (c.expect === 'orphan') {
        assert.strictEqual(got.orphan, true, `expected an orphan, got ${JSON.stringify(got.target)}`);
        assert.deepStrictEqual(out.orphans, ['x1']);
        assert.strictEqual(got.target.exact, c.quote, 'an orphan keeps its quote');
        return;
      }
      assert.ok(!got.orphan, `lost: ${JSON.stringify(out)}`);
      const start = indexOfNth(c.after, c.expect.at, c.expect.nth ?? 0);
      assert.deepStrictEqual([got.target.start, got.target.end], [start, start + c.expect.at.length]);
      assert.strictEqual(got.target.exact, c.expect.at);
      assert.ok(anchorHolds(c.after, got.target));
      const { far: farNow, ...placed } = got.target;
      const { far: farFresh, ...fresh } = anchorFor(c.after, start, start + c.expect.at.length);
      assert.deepStrictEqual(placed, fresh, 'context refreshed');
      // (`far` is written afresh only with the context: a record whose context is unchanged keeps its own.)
      const sameContext = placed.prefix === r.target.prefix && placed.suffix === r.target.suffix && placed.exact === r.target.exact;
      assert.strictEqual(farNow, sameContext ? r.target.far : farFresh, 'far');
      assert.deepStrictEqual(out.moved, c.before === c.after ? [] : start === r.target.start && c.expect.at === c.quote ? [] : ['x1']);
    });
  }

  it('brings an orphan back when its text returns, and says so', () => {
    const r = rec(ARTICLE, 'f1', '12 في المئة');
    const cut = ARTICLE.replace('بزيادة قدرها 12 في المئة ', '');
    const lost = reanchor(cut, [r], { oldLength: ARTICLE.length });
    assert.strictEqual(lost.records[0]!.orphan, true);
    const back = reanchor(ARTICLE, lost.records, { oldLength: cut.length });
    assert.strictEqual(back.records[0]!.orphan, undefined);
    assert.deepStrictEqual(back.reattached, ['f1']);
    assert.deepStrictEqual(back.records[0]!.target, r.target);
  });

  it('keeps every record, in input order, across many annotations', () => {
    const quotes = ['وزارة الصحة', '42 مستشفى', 'أحمد السالم', '250 مليون دينار', 'الزرقاء', 'ثلاثة مراكز'];
    const records = quotes.map((q, i) => rec(ARTICLE, `e${i + 1}`, q)).reverse();
    const after = 'عاجل: ' + ARTICLE.replace('مدينة الزرقاء', 'مدينة إربد');
    const out = reanchor(after, records, { oldLength: ARTICLE.length });
    assert.deepStrictEqual(out.records.map((r) => r.id), records.map((r) => r.id));
    assert.deepStrictEqual(out.orphans, ['e5']);
    for (const r of out.records) if (!r.orphan) assert.ok(anchorHolds(after, r.target));
  });

  it('edit distance is the Levenshtein distance', () => {
    const table: [string, string, number][] = [
      ['', '', 0],
      ['abc', '', 3],
      ['kitten', 'sitting', 3],
      ['خصصت', 'رصدت', 2],
      ['السالم', 'السالم', 0],
    ];
    for (const [a, b, d] of table) assert.strictEqual(editDistance(a, b), d, `${a} / ${b}`);
  });

  it('the banded distance agrees with the full one up to its bound (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.nat({ max: 20 }), (a, b, k) => {
        const full = editDistance(a, b);
        assert.strictEqual(boundedDistance(a, b, k), full <= k ? full : k + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shiftAnchors', () => {
  const text = 'قال الوزير أحمد السالم إن الحكومة ستخفض العجز.';
  const base = rec(text, 'e1', 'أحمد السالم');
  const s = base.target.start;
  const e = base.target.end;
  const table: { name: string; changes: TextChange[]; expect: { start: number; end: number; exact: string } | 'orphan' }[] = [
    { name: 'typing before', changes: [{ rangeOffset: 0, rangeLength: 0, text: 'عاجل: ' }], expect: { start: s + 6, end: e + 6, exact: 'أحمد السالم' } },
    { name: 'typing right at the start stays outside', changes: [{ rangeOffset: s, rangeLength: 0, text: 'د. ' }], expect: { start: s + 3, end: e + 3, exact: 'أحمد السالم' } },
    { name: 'typing right at the end stays outside', changes: [{ rangeOffset: e, rangeLength: 0, text: ' الأول' }], expect: { start: s, end: e, exact: 'أحمد السالم' } },
    { name: 'typing after', changes: [{ rangeOffset: text.length, rangeLength: 0, text: ' وأضاف' }], expect: { start: s, end: e, exact: 'أحمد السالم' } },
    { name: 'deleting before', changes: [{ rangeOffset: 0, rangeLength: 4, text: '' }], expect: { start: s - 4, end: e - 4, exact: 'أحمد السالم' } },
    { name: 'typing inside', changes: [{ rangeOffset: s + 4, rangeLength: 0, text: ' علي' }], expect: { start: s, end: e + 4, exact: 'أحمد علي السالم' } },
    { name: 'replacing inside', changes: [{ rangeOffset: s, rangeLength: 4, text: 'محمد' }], expect: { start: s, end: e, exact: 'محمد السالم' } },
    { name: 'cutting the front', changes: [{ rangeOffset: s - 6, rangeLength: 11, text: '' }], expect: { start: s - 6, end: e - 11, exact: 'السالم' } },
    { name: 'cutting the back', changes: [{ rangeOffset: s + 4, rangeLength: 12, text: 'X' }], expect: { start: s, end: s + 4, exact: 'أحمد' } },
    { name: 'deleting the whole span', changes: [{ rangeOffset: s - 1, rangeLength: e - s + 2, text: '' }], expect: 'orphan' },
    { name: 'replacing exactly the span', changes: [{ rangeOffset: s, rangeLength: e - s, text: 'الوزير' }], expect: 'orphan' },
    {
      name: 'several changes, each on the text the previous one left',
      changes: [
        { rangeOffset: 0, rangeLength: 0, text: 'أ' },
        { rangeOffset: s + 1 + 4, rangeLength: 0, text: ' بن' },
        { rangeOffset: 0, rangeLength: 1, text: '' },
      ],
      expect: { start: s, end: e + 3, exact: 'أحمد بن السالم' },
    },
  ];
  for (const c of table) {
    it(c.name, () => {
      let after = text;
      for (const ch of c.changes) after = after.slice(0, ch.rangeOffset) + ch.text + after.slice(ch.rangeOffset + ch.rangeLength);
      const out = shiftAnchors([base], c.changes);
      const got = out.records[0]!;
      if (c.expect === 'orphan') {
        assert.strictEqual(got.orphan, true);
        assert.deepStrictEqual(out.orphaned, ['e1']);
        assert.strictEqual(got.target.exact, 'أحمد السالم');
        return;
      }
      assert.ok(!got.orphan);
      assert.deepStrictEqual({ start: got.target.start, end: got.target.end, exact: got.target.exact }, c.expect);
      assert.strictEqual(after.slice(got.target.start, got.target.end), got.target.exact);
    });
  }

  it('returns the same object for records no edit touched', () => {
    const out = shiftAnchors([base], [{ rangeOffset: text.length, rangeLength: 0, text: '!' }]);
    assert.strictEqual(out.records[0], base);
  });

  it('an orphan made by a deletion comes back through reanchor after undo', () => {
    const del: TextChange = { rangeOffset: s, rangeLength: e - s, text: '' };
    const cut = text.slice(0, s) + text.slice(e);
    const gone = shiftAnchors([base], [del]);
    assert.strictEqual(gone.records[0]!.orphan, true);
    const undo: TextChange = { rangeOffset: s, rangeLength: 0, text: 'أحمد السالم' };
    const back = shiftAnchors(gone.records, [undo]);
    const restored = cut.slice(0, s) + undo.text + cut.slice(s);
    const re = reanchor(restored, back.records);
    assert.deepStrictEqual(re.reattached, ['e1']);
    assert.deepStrictEqual(re.records[0]!.target, base.target);
  });
});

// Issue 15, "Silent mis-anchoring": the two minimal cases, re-anchored as `khabar check --fix` does
// (the sidecar's document block gives the old length; syncWithArticle is the step the CLI runs).
describe('re-anchoring never lands on the wrong words (issue 15)', () => {
  function sidecarFor(text: string, records: AnnotationRecord[]): SidecarData {
    return { khabar: 1, document: documentInfo(text, 'a.txt'), lastId: records.length, annotations: records };
  }
  function tag(text: string, id: string, quote: string, label: AnnotationRecord['label'], nth = 0): AnnotationRecord {
    return { ...rec(text, id, quote, nth), label };
  }

  const NAYEF = 'محمد بن نايف بن عبدالعزيز';
  const SALMAN = 'محمد بن سلمان بن عبدالعزيز';
  const P_NAYEF = `استقبل الأمير ${NAYEF} وفد الأمم المتحدة في الرياض.`;
  const TWO_PRINCES = `${P_NAYEF}\n\nوفي وقت لاحق التقى الأمير ${SALMAN} وزراء الدفاع في جدة.\n`;

  for (const [what, q1, q2] of [
    ['the names', NAYEF, SALMAN],
    ['the names with their title', `الأمير ${NAYEF}`, `الأمير ${SALMAN}`],
  ] as const) {
    it(`a deleted mention does not jump fuzzily onto another person (${what})`, () => {
      const data = sidecarFor(TWO_PRINCES, [tag(TWO_PRINCES, 'e1', q1, 'PER'), tag(TWO_PRINCES, 'e2', q2, 'PER')]);
      const after = `${P_NAYEF}\n`;
      const sync = syncWithArticle(data, after, 'a.txt');
      const [e1, e2] = sync.data.annotations;
      assert.ok(!e1!.orphan);
      assert.strictEqual(after.slice(e1!.target.start, e1!.target.end), q1);
      assert.strictEqual(e2!.orphan, true, `bin Salman was placed on ${JSON.stringify(e2!.target)}`);
      assert.strictEqual(e2!.target.exact, q2, 'an orphan keeps its quote');
      assert.deepStrictEqual(e2!.target, data.annotations[1]!.target, 'and its old target');
      assert.deepStrictEqual(sync.orphans, ['e2']);
      assert.deepStrictEqual(sync.moved, []);
    });
  }

  it('an unchanged offset holding the same words elsewhere is not "kept": the record follows its own occurrence', () => {
    const line1 = 'وصل وفد هيئة الطيران إلى المنطقة .\n';
    const rest = 'وقال مدير مطار الجوف إن المطار جاهز.\nوأكد أن مطار الجوف سيستقبل رحلات دولية.\n';
    const before = line1 + rest;
    const data = sidecarFor(before, [tag(before, 'e1', 'الجوف', 'LOC')]);
    const sync = syncWithArticle(data, rest, 'a.txt');
    const e1 = sync.data.annotations[0]!;
    const first = rest.indexOf('الجوف');
    // The old offset now falls exactly on the second sentence's الجوف: the trap.
    assert.strictEqual(rest.slice(data.annotations[0]!.target.start, data.annotations[0]!.target.end), 'الجوف');
    assert.notStrictEqual(first, data.annotations[0]!.target.start);
    assert.ok(!e1.orphan, 'its own occurrence is still there, with its sentence around it');
    assert.deepStrictEqual([e1.target.start, e1.target.end], [first, first + 'الجوف'.length]);
    assert.deepStrictEqual(e1.target, anchorFor(rest, first, first + 'الجوف'.length), 'context taken from the right place');
    assert.deepStrictEqual(sync.moved, ['e1']);
    // And `check --fix` run again on the fixed file changes nothing.
    const again = syncWithArticle(sync.data, rest, 'a.txt');
    assert.strictEqual(again.changed, false);
  });

  it('check --fix: the bin Salman record is reported as an orphan with the places it was not moved to, and the run exits 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-anchor-'));
    try {
      const article = path.join(dir, 'a.txt');
      fs.writeFileSync(article, TWO_PRINCES);
      const data = sidecarFor(TWO_PRINCES, [tag(TWO_PRINCES, 'e1', NAYEF, 'PER'), tag(TWO_PRINCES, 'e2', SALMAN, 'PER')]);
      fs.writeFileSync(article + '.annotations.yaml', serializeSidecar(data));
      fs.writeFileSync(article, `${P_NAYEF}\n`);
      const lines: string[] = [];
      const code = runCheck(['--fix', '--format', 'json', article], (s) => lines.push(s), () => undefined);
      const report = JSON.parse(lines[0]!) as { orphans: { id: string; candidates: { start: number }[] }[]; moved: unknown[] };
      assert.strictEqual(code, 1);
      assert.deepStrictEqual(report.orphans.map((o) => o.id), ['e2']);
      assert.deepStrictEqual(report.moved, []);
      const saved = parseSidecar(fs.readFileSync(article + '.annotations.yaml', 'utf8'));
      assert.ok(saved.ok);
      const e2 = saved.data.annotations.find((a) => a.id === 'e2')!;
      assert.strictEqual(e2.orphan, true);
      assert.strictEqual(e2.target.exact, SALMAN);
      // Twice is once; and the text report names the place it was not moved to, with its score.
      const before2 = fs.readFileSync(article + '.annotations.yaml', 'utf8');
      const text: string[] = [];
      assert.strictEqual(runCheck(['--fix', article], (s) => text.push(s), () => undefined), 1);
      assert.strictEqual(fs.readFileSync(article + '.annotations.yaml', 'utf8'), before2);
      const nayefAt = P_NAYEF.indexOf(NAYEF);
      assert.match(text.join('\n'), /e2 orphan \(not found in a\.txt\)/);
      assert.match(text.join('\n'), new RegExp(`e2   candidates: ${nayefAt}–${nayefAt + NAYEF.length} \\(context \\d+%, quote \\d+%\\)`));
      assert.strictEqual(report.orphans[0]!.candidates[0]!.start, nayefAt);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a place whose context matches only as well as unrelated text is never taken', () => {
    // Context similarity is a real measure: unrelated surroundings score low, not a floor of 0.5.
    const before = `${P_NAYEF}\n\nوفي وقت لاحق التقى الأمير ${SALMAN} وزراء الدفاع في جدة.\n`;
    const r = tag(before, 'e2', SALMAN, 'PER');
    const unrelated = `أعلنت الهيئة العامة للإحصاء أرقام التضخم لشهر مارس. ${SALMAN} والجدير بالذكر أن الأسعار ارتفعت.\n`;
    const out = reanchor(unrelated, [r], { oldLength: before.length });
    assert.strictEqual(out.records[0]!.orphan, true);
    assert.strictEqual(out.why.e2, 'missing');
    assert.strictEqual(out.candidates.e2!.length, 1);
    assert.ok(out.candidates.e2![0]!.context < 0.5, `context similarity of unrelated text: ${out.candidates.e2![0]!.context}`);
  });

  // A statement the article repeats word for word (lead and body), tagged in both places.
  const STATEMENT = 'وقال الوزير إن الحكومة ستواصل دعم المشاريع الصغيرة في كل المناطق خلال العام المقبل وستزيد القروض الميسرة للشباب.';
  const LEAD = `افتتح وزير الاقتصاد صباح اليوم معرض الأسر المنتجة في الرياض. ${STATEMENT}`;
  const MIDDLE = 'وشارك في المعرض أكثر من مئتي أسرة من مختلف المناطق، وعرضت منتجات يدوية وأطعمة تقليدية.';
  const BODY = `وفي ختام جولته التقى الوزير عددا من العارضين. ${STATEMENT} وأشاد بجودة المنتجات.`;
  const REPEATED = `${LEAD}\n\n${MIDDLE}\n\n${BODY}\n`;

  it('a deleted statement that the article repeats elsewhere is an orphan, not moved onto the repeat', () => {
    const records = [
      tag(REPEATED, 'e1', 'وزير الاقتصاد', 'PER'),
      tag(REPEATED, 'e2', 'المشاريع الصغيرة', 'MISC', 0),
      tag(REPEATED, 'e3', 'القروض الميسرة', 'MISC', 0),
      tag(REPEATED, 'e4', 'المشاريع الصغيرة', 'MISC', 1),
      tag(REPEATED, 'e5', 'العارضين', 'MISC'),
    ];
    // The body loses its copy of the statement: the lead's copy has the very same 32 characters on
    // each side of the tagged words, yet it is the lead's, and the lead's own records say so.
    const after = REPEATED.replace(`العارضين. ${STATEMENT} `, 'العارضين. ');
    const r = reanchor(after, records, { oldLength: REPEATED.length });
    const at = (id: string) => r.records.find((x) => x.id === id)!;
    assert.strictEqual(at('e4').orphan, true, `e4 was placed on ${JSON.stringify(at('e4').target)}`);
    for (const id of ['e1', 'e2', 'e3', 'e5']) {
      const x = at(id);
      assert.ok(!x.orphan, id);
      assert.strictEqual(after.slice(x.target.start, x.target.end), x.target.exact);
    }
    assert.strictEqual(at('e2').target.start, records[1]!.target.start, 'the lead did not move');
    // And a second run decides as the first did.
    const again = reanchor(after, r.records, { oldLength: after.length });
    assert.deepStrictEqual(again.records, r.records);
  });

  it('a deleted paragraph whose statement the article repeats, untagged, further on: its records become orphans, not the repeat', () => {
    // The statement is long enough that two of its tags have their whole window (quote and 32
    // characters each side) inside it: after the paragraph is deleted each window occurs once, in
    // the repeat, and the two agree with each other. But the repeat lies between two tags whose
    // distance did not change: that text was there before, so it is not where the deleted one went.
    const saying = 'إن الحكومة ستواصل دعم المشاريع الصغيرة في كل المناطق خلال العام المقبل وستزيد القروض الميسرة للشباب والنساء في القرى والبلدات البعيدة عن المدن الكبرى';
    const opening = 'افتتح وزير الاقتصاد صباح اليوم معرض الأسر المنتجة في مدينة الرياض بحضور عدد من المسؤولين.';
    const speech = `وفي كلمته قال الوزير ${saying} وفي المدن الصغيرة.`;
    const families = 'وشارك في المعرض أكثر من مئتي أسرة من مختلف المناطق، وعرضت منتجات يدوية وأطعمة تقليدية.';
    const closing = `وفي ختام المعرض عاد الوزير فأكد ${saying} ثم أشاد بجودة المنتجات المعروضة.`;
    const text = `${opening}\n\n${speech}\n\n${families}\n\n${closing}\n`;
    const records = [
      tag(text, 'e1', 'وزير الاقتصاد', 'PER'),
      tag(text, 'e2', 'خلال العام المقبل', 'MISC', 0),
      tag(text, 'e3', 'القروض الميسرة', 'MISC', 0),
      tag(text, 'e4', 'مئتي أسرة', 'MISC'),
      tag(text, 'e5', 'ختام المعرض', 'MISC'),
      tag(text, 'e6', 'بجودة المنتجات', 'MISC'),
    ];
    const after = text.replace(`${speech}\n\n`, '');
    const r = reanchor(after, records, { oldLength: text.length });
    const at = (id: string) => r.records.find((x) => x.id === id)!;
    for (const id of ['e2', 'e3']) assert.strictEqual(at(id).orphan, true, `${id} was placed on ${JSON.stringify(at(id).target)}`);
    for (const id of ['e1', 'e4', 'e5', 'e6']) {
      const x = at(id);
      assert.ok(!x.orphan, id);
      assert.strictEqual(x.target.start, indexOfNth(after, x.target.exact, 0), id);
    }
    const again = reanchor(after, r.records, { oldLength: after.length });
    assert.deepStrictEqual(again.records, r.records);
  });

  it('a short name whose next sentence was deleted keeps its place: the text around it says it is the same words', () => {
    const text =
      'أعلنت البلدية افتتاح حديقة جديدة في حي النزهة. وستفتح الحديقة أبوابها للزوار يوم الخميس المقبل. وقال رئيس البلدية إن المشروع كلف مليون ريال وسيوفر فرص عمل لعشرات الشباب من سكان الحي.\n';
    const records = [
      tag(text, 'e1', 'البلدية', 'ORG'),
      tag(text, 'e2', 'النزهة', 'LOC'),
      tag(text, 'e3', 'الخميس', 'MISC'),
      tag(text, 'e4', 'رئيس البلدية', 'PER'),
      tag(text, 'e5', 'مليون ريال', 'MISC'),
    ];
    const after = text.replace('وستفتح الحديقة أبوابها للزوار يوم الخميس المقبل. ', '');
    const r = reanchor(after, records, { oldLength: text.length });
    const e2 = r.records[1]!;
    assert.ok(!e2.orphan, `the suffix is gone but النزهة is where it was: ${JSON.stringify(r.candidates.e2)}`);
    assert.strictEqual(e2.target.start, text.indexOf('النزهة'));
    assert.strictEqual(r.records[2]!.orphan, true, 'the deleted sentence\'s record is an orphan');
    assert.strictEqual(r.records[3]!.target.start, after.indexOf('رئيس البلدية'));
  });

  it('a short word found once, where the edits put it, with its whole prefix unchanged, keeps its place though the next paragraph was deleted', () => {
    // Nothing links the word to its neighbours' windows (the old text between them is unknown), so
    // the claims cannot vouch for it; but the word occurs nowhere else, at the shift the records
    // before it show, after the very 32 characters it had: what else could it be?
    const text =
      'أعلنت الوزارة أن العام الدراسي الجديد يبدأ في الأسبوع الأول من الشهر المقبل، ودعت الأسر إلى تجهيز أبنائها للعودة إلى المدارس.\n\n' +
      'وأوضحت أن الكتب ستوزع على الطلاب قبل بدء الدراسة بأيام.\n\nوقال مسؤول في الوزارة إن الحافلات جاهزة لنقل الطلاب.\n';
    const records = [tag(text, 'e1', 'الوزارة', 'ORG'), tag(text, 'e2', 'المدارس', 'MISC'), tag(text, 'e3', 'الحافلات', 'MISC')];
    const after = text.replace('وأوضحت أن الكتب ستوزع على الطلاب قبل بدء الدراسة بأيام.\n\n', '');
    const r = reanchor(after, records, { oldLength: text.length });
    for (const x of r.records) {
      assert.ok(!x.orphan, `${x.id} orphaned: ${JSON.stringify(r.candidates[x.id])}`);
      assert.strictEqual(x.target.start, indexOfNth(after, x.target.exact, 0), x.id);
    }
    assert.deepStrictEqual(reanchor(after, r.records, { oldLength: after.length }).records, r.records);
  });

  it('a deleted sentence that began with the same word as the next one: its first word is an orphan, not moved onto the next sentence\'s', () => {
    // The sentence after the deleted one starts with «وقال» too, and lands exactly where the edits
    // put the deleted one's «وقال», after the very same 32 characters. The records of the next
    // sentence show where its words came from: the old text at that place was «وقال» as well, so
    // only the quote's own suffix could say which one this is, and it does not match.
    const s0 = 'افتتحت البلدية صباح اليوم مكتبة عامة كبيرة في الحي الشرقي من المدينة بعد أشهر من العمل. ';
    const s1 = 'وقال المدير إن الزوار سيجدون فيها آلاف الكتب والمجلات منذ الأسبوع الأول. ';
    const s2 = 'وقال الموظفون إن ساعات العمل تمتد من الصباح حتى المساء طوال أيام الأسبوع ما عدا يوم الجمعة. ';
    const s3 = 'ودعت البلدية السكان إلى زيارتها.\n';
    const text = s0 + s1 + s2 + s3;
    const records = [
      tag(text, 'e1', 'الشرقي', 'LOC'),
      tag(text, 'e2', 'وقال', 'MISC'),
      tag(text, 'e3', 'الأول', 'MISC'),
      tag(text, 'e4', 'الجمعة', 'MISC'),
      tag(text, 'e5', 'السكان', 'MISC'),
    ];
    const after = s0 + s2 + s3;
    const r = reanchor(after, records, { oldLength: text.length });
    const e2 = r.records[1]!;
    assert.ok(e2.orphan, `placed at ${e2.target.start} on the next sentence's «وقال» (${after.indexOf('وقال')})`);
    assert.ok(r.candidates.e2!.some((c) => c.start === after.indexOf('وقال')), 'the look-alike is listed as a candidate');
    assert.strictEqual(r.records[2]!.orphan, true, 'the deleted sentence\'s last word is gone');
    assert.strictEqual(r.records[0]!.target.start, after.indexOf('الشرقي'));
    assert.strictEqual(r.records[3]!.target.start, after.indexOf('الجمعة'));
    assert.strictEqual(r.records[4]!.target.start, after.indexOf('السكان'));
    assert.deepStrictEqual(reanchor(after, r.records, { oldLength: after.length }).records, r.records);
  });

  it('a long phrase whose sentence was deleted is not moved onto a near-identical sentence whose two sides both differ', () => {
    // The next sentence repeats the phrase with a few words changed before and after it: each side
    // is near the stored one, neither is what it was. One edit next to the quote changes one side;
    // both changed is as likely another sentence, so the record is an orphan with that place listed.
    const s0 = 'استقبل المحافظ صباح اليوم وفدا من رجال الأعمال في مكتبه بالمحافظة. ';
    const s1 = 'وبحث معهم سبل تعزيز التعاون الاقتصادي بين البلدين في مجالات الصناعة والزراعة والطاقة. ';
    const s2 = 'وبحث الوفد معه سبل تعزيز التعاون الاقتصادي بين البلدين في قطاعات الصناعة والنقل. ';
    const s3 = 'وفي ختام اللقاء قدم الوفد درعا تذكارية للمحافظ.\n';
    const text = s0 + s1 + s2 + s3;
    const records = [tag(text, 'e1', 'تعزيز التعاون الاقتصادي', 'MISC'), tag(text, 'e2', 'درعا تذكارية', 'MISC')];
    const after = s0 + s2 + s3;
    const r = reanchor(after, records, { oldLength: text.length });
    assert.ok(r.records[0]!.orphan, `moved onto the other sentence's phrase at ${r.records[0]!.target.start}`);
    assert.strictEqual(r.candidates.e1![0]!.start, after.indexOf('تعزيز التعاون الاقتصادي'));
    assert.strictEqual(r.records[1]!.target.start, after.indexOf('درعا تذكارية'));
    assert.deepStrictEqual(reanchor(after, r.records, { oldLength: after.length }).records, r.records);
    // The same phrase with one side exactly as it was (an edit on the other side only) is followed.
    const edited = s0 + s1.replace('في مجالات الصناعة والزراعة والطاقة', 'في مجالات النقل والسياحة') + s3;
    const f = reanchor(edited, records, { oldLength: text.length });
    assert.ok(!f.records[0]!.orphan);
    assert.strictEqual(f.records[0]!.target.start, edited.indexOf('تعزيز التعاون الاقتصادي'));
  });

  it('a deleted greeting whose near-identical sibling keeps its prefix: not moved onto the sibling when the old text had those words there', () => {
    // Two cables with the same formula: after the first one's sentence is deleted, the second one's
    // «جمهورية مالي الصديق» has the deleted one's 32-character prefix exactly, and a suffix that looks
    // like an edit right after the quote. No stretch of the claims reaches it (a word was added in
    // the sentence), but e3's window shows that the old text already had those words followed by
    // that very suffix, somewhere else: it is the sibling, not this record with an edit beside it.
    const s0 = 'بعث خادم الحرمين الشريفين برقية تهنئة إلى رئيس جمهورية مالي بمناسبة ذكرى استقلال بلاده. ';
    const s1 = 'وأعرب فيها عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة لفخامته، ولحكومة وشعب جمهورية مالي الصديق المزيد من التقدم والازدهار. ';
    const s2 = 'كما بعث ولي العهد برقية مماثلة أعرب فيها عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة لفخامته، ولحكومة وشعب جمهورية مالي الصديق اطراد التقدم والنماء في ظل قيادته الحكيمة. ';
    const s3 = 'وقد نقلت وكالة الأنباء الرسمية نص البرقيتين.\n';
    const text = s0 + s1 + s2 + s3;
    const q = 'جمهورية مالي الصديق';
    const records = [tag(text, 'e1', 'برقية', 'MISC'), tag(text, 'e2', q, 'LOC'), tag(text, 'e3', 'اطراد', 'MISC'), tag(text, 'e4', 'الأنباء', 'MISC')];
    const after = s0 + s2.replace('قيادته الحكيمة', 'قيادته الرشيدة الحكيمة') + s3;
    const r = reanchor(after, records, { oldLength: text.length });
    assert.ok(r.records[1]!.orphan, `moved onto the second cable's words at ${r.records[1]!.target.start}`);
    assert.deepStrictEqual(r.candidates.e2!.map((c) => c.start), [after.indexOf(q)], 'the sibling is listed');
    assert.strictEqual(r.records[2]!.target.start, after.indexOf('اطراد'));
    assert.strictEqual(r.records[3]!.target.start, after.indexOf('الأنباء'));
    assert.deepStrictEqual(reanchor(after, r.records, { oldLength: after.length }).records, r.records);
    // The same words with an edit right after them, and no such sentence before: followed.
    const edited = s0 + s1.replace('الصديق المزيد', 'الصديق الشقيق المزيد') + s3;
    const f = reanchor(edited, records, { oldLength: text.length });
    assert.strictEqual(f.records[1]!.orphan, undefined);
    assert.strictEqual(f.records[1]!.target.start, edited.indexOf(q));
  });

  it('a stretch that runs across a deletion does not vouch for the deleted sentence\'s first word: the far side began with it too', () => {
    // Every third word is tagged. The stretch grown from the record before the deleted sentence
    // reads «وقال » as the old text's and then goes on, past the deletion, into the next sentence;
    // that jump is where the deleted sentence was, and its far side (the next sentence) began with
    // «وقال» as well, so the place is this record's only if both of its sides say so: they do not.
    const s0 = 'افتتحت البلدية صباح اليوم مكتبة عامة كبيرة في الحي الشرقي من المدينة بعد أشهر من العمل. ';
    const s1 = 'وقال المدير إن الزوار سيجدون فيها آلاف الكتب والمجلات منذ الأسبوع الأول. ';
    const s2 = 'وقال الموظفون إن ساعات العمل تمتد من الصباح حتى المساء طوال أيام الأسبوع ما عدا يوم الجمعة. ';
    const s3 = 'ودعت البلدية السكان إلى زيارتها مع أبنائهم. ';
    const s4 = 'وستنظم المكتبة أمسيات ثقافية للأطفال في العطلة الصيفية المقبلة.\n';
    const text = s0 + s1 + s2 + s3 + s4;
    const records: AnnotationRecord[] = [];
    const words = /\S+/g;
    let k = 0;
    for (let m = words.exec(text); m; m = words.exec(text)) {
      if (k++ % 3 === 0 || m.index === s0.length) records.push({ id: `e${records.length + 1}`, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, m.index, m.index + m[0].length) });
    }
    const said = records.findIndex((x) => x.target.start === s0.length);
    const after = s0 + s2 + s4;
    const r = reanchor(after, records, { oldLength: text.length });
    const x = r.records[said]!;
    assert.ok(x.orphan, `placed at ${x.target.start} on the next sentence's «وقال» (${after.indexOf('وقال')})`);
    assert.ok(r.candidates[x.id]!.some((c) => c.start === after.indexOf('وقال')), 'the look-alike is listed');
    assert.deepStrictEqual(reanchor(after, r.records, { oldLength: after.length }).records, r.records);
  });

  it('words inserted before a short word that begin with that very word: the stretch that runs into them does not make them its place', () => {
    // «في 2025 » typed right before «في عام»: the stretch grown from the records before it reads the
    // inserted «في » as the old text's «في » (the old text went on with «في » there too) and stops
    // at «2». The record's own letters, with the old text after them, stand just past the new
    // words; which «في» is the old one no text can say, so the record is an orphan with both listed.
    const s0 = 'يضم المتحف الجديد في وسط المدينة آلاف القطع الأثرية النادرة، وأقدمها مخطوط كتب في عام 900 للهجرة. ';
    const s1 = 'ويعرض المتحف مقتنياته في قاعات واسعة مع لوحات تعريفية باللغتين العربية والإنجليزية. ';
    const s2 = 'وقال مدير المتحف إن عدد الزوار تضاعف منذ افتتاحه قبل عامين.\n';
    const text = s0 + s1 + s2;
    const at = text.indexOf('في عام');
    const records: AnnotationRecord[] = [];
    const words = /\S+/g;
    let k = 0;
    // Every third word before it and in the last sentence: nothing follows the old text from its right.
    for (let m = words.exec(text); m; m = words.exec(text)) {
      if ((k++ % 3 === 0 && (m.index < at || m.index >= s0.length + s1.length)) || m.index === at) records.push({ id: `e${records.length + 1}`, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, m.index, m.index + m[0].length) });
    }
    const i = records.findIndex((x) => x.target.start === at);
    const after = text.slice(0, at) + 'في 2025 ' + text.slice(at);
    const own = at + 'في 2025 '.length;
    const r = reanchor(after, records, { oldLength: text.length });
    const x = r.records[i]!;
    assert.ok(x.orphan || x.target.start === own, `placed at ${x.target.start} on the inserted «في» (${at}), not its own (${own})`);
    assert.ok(x.orphan, 'nothing tells the two apart: an orphan');
    assert.deepStrictEqual(r.candidates[x.id]!.map((c) => c.start).sort((a, b) => a - b), [at, own], 'both places listed');
    assert.deepStrictEqual(reanchor(after, r.records, { oldLength: after.length }).records, r.records);
  });

  it('a word inserted right after a tagged word that ends with that word («والحديقة» after «الحديقة») leaves the record where it was', () => {
    // The stretch through «الحديقة» runs into the inserted « و» and stops: the old text went on
    // « ممرات». Those old letters, with the quote's, stand again just past it, but only inside the
    // longer word «والحديقة», which is no place for a record that was a whole word: nothing else
    // explains the tail, so the one place there is stays certain (it was orphaned).
    const text =
      'افتتحت البلدية حديقة عامة جديدة في الحي الشمالي يوم السبت الماضي. وتضم الحديقة ممرات للمشي وملاعب للأطفال ومساحات خضراء واسعة. ' +
      'وقال رئيس البلدية إن المشروع استغرق عامين من العمل المتواصل. وأضاف أن تكلفة المشروع بلغت خمسة ملايين ريال. ' +
      'وشهد حفل الافتتاح حضور عدد كبير من سكان الحي وأسرهم. وأعرب السكان عن سعادتهم بالمشروع الذي طال انتظاره.\n';
    const at = text.indexOf('الحديقة');
    const tagged = ['البلدية', 'الحديقة', 'الافتتاح', 'السكان'].map((w, k) => {
      const p = text.indexOf(w);
      return { id: `e${k + 1}`, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, p, p + w.length) } as AnnotationRecord;
    });
    const after = text.slice(0, at + 'الحديقة'.length) + ' والحديقة' + text.slice(at + 'الحديقة'.length);
    const r = reanchor(after, tagged, { oldLength: text.length });
    const x = r.records[1]!;
    assert.ok(!x.orphan, `orphaned with candidates ${JSON.stringify(r.candidates[x.id]?.map((c) => c.start))}`);
    assert.strictEqual(x.target.start, at, 'still on the tagged word');
    assert.strictEqual(after.slice(x.target.start, x.target.end), 'الحديقة');
    assert.deepStrictEqual(reanchor(after, r.records, { oldLength: after.length }).records, r.records);
  });

  it('a short word found once with its whole prefix, a few characters from where the edits put it, keeps its place though the next sentence was deleted', () => {
    // A word inserted earlier in the sentence (outside the stored prefix) and another edit further
    // on leave no shift that points exactly at «الشمالية»; the sentence after it was deleted, so its
    // suffix changed. It occurs once, its 32-character prefix is whole, it lies 7 characters from
    // where the record before it says, and the old text the deletion brought beside it (the last
    // sentence's start) followed other words than «الشمالية»: it is the same word.
    const s0 = 'أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة بسعة مئتي سرير. ';
    const s1 = 'وقال المتحدث باسم الوزارة إن المستشفى سيخدم سكان القرى المجاورة والأحياء الشمالية. ';
    const s2 = 'وأضاف أن العمل فيه سيبدأ مطلع الشهر المقبل بعد اكتمال تجهيز الأقسام كلها. ';
    const s3 = 'ويضم المستشفى أقساما للطوارئ والأطفال والولادة وعيادات خارجية متخصصة.\n';
    const text = s0 + s1 + s2 + s3;
    const records = [tag(text, 'e1', 'وزارة الصحة', 'ORG'), tag(text, 'e2', 'الشمالية', 'LOC'), tag(text, 'e3', 'الولادة', 'MISC')];
    const after = s0 + s1.replace('المتحدث باسم', 'المتحدث الرسمي باسم') + s3.replace('والولادة', 'والولادة والعظام');
    const r = reanchor(after, records, { oldLength: text.length });
    for (const x of r.records) {
      assert.ok(!x.orphan, `${x.id} orphaned: ${JSON.stringify(r.candidates[x.id])}`);
      assert.strictEqual(x.target.start, after.indexOf(x.target.exact), x.id);
    }
    assert.deepStrictEqual(reanchor(after, r.records, { oldLength: after.length }).records, r.records);
  });

  it('a short word the article repeats, with words typed right after it, keeps its place: both sides of its old window are still there', () => {
    // «في» occurs four times; the suffix of the tagged one now begins with the typed words, so neither
    // the quote nor one side alone singles it out. Its whole 32-character prefix is beside it and its
    // stored suffix is there too, just past the new words: the old window around these very letters.
    const s0 = 'نظمت الجمعية الخيرية حملة للتبرع بالدم في مقرها الرئيسي وسط المدينة. ';
    const s1 = 'وشارك في الحملة عدد كبير من المتطوعين الذين توافدوا منذ الصباح الباكر. ';
    const s2 = 'وقال رئيس الجمعية إن الحملة ستتكرر في الشهر المقبل في الأحياء الجنوبية. ';
    const s3 = 'وتستمر كل حملة منها ثلاثة أيام متتالية.\n';
    const text = s0 + s1 + s2 + s3;
    const records = [tag(text, 'e1', 'الجمعية الخيرية', 'ORG'), tag(text, 'e4', 'بالدم', 'MISC'), tag(text, 'e2', 'في', 'MISC', 2), tag(text, 'e3', 'ثلاثة أيام', 'MISC')];
    assert.strictEqual(records[2]!.target.start, indexOfNth(text, 'في الشهر', 0));
    const after = text.replace('ستتكرر في الشهر', 'ستتكرر في يوم الأحد الشهر');
    const r = reanchor(after, records, { oldLength: text.length });
    const e2 = r.records[2]!;
    assert.ok(!e2.orphan, `orphaned: ${JSON.stringify(r.candidates.e2)}`);
    assert.strictEqual(e2.target.start, after.indexOf('في يوم الأحد'), 'the same «في», not one of the other three');
    assert.strictEqual(r.records[3]!.target.start, after.indexOf('ثلاثة أيام'));
    assert.deepStrictEqual(reanchor(after, r.records, { oldLength: after.length }).records, r.records);
    // Typed before it instead, with edits before and after it (neither the shift at the record
    // before nor the change in length points at it): the same.
    const before2 = text.replace('حملة للتبرع', 'حملة كبرى للتبرع').replace('ستتكرر في الشهر', 'ستتكرر أيضا في الشهر').replace('متتالية', 'متتالية كلها');
    const r2 = reanchor(before2, records, { oldLength: text.length });
    assert.ok(!r2.records[2]!.orphan, `orphaned: ${JSON.stringify(r2.candidates.e2)}`);
    assert.strictEqual(r2.records[2]!.target.start, before2.indexOf('في الشهر'));
    assert.deepStrictEqual(reanchor(before2, r2.records, { oldLength: before2.length }).records, r2.records);
  });

  it('a short word whose suffix is found past new text, but whose prefix is not whole, stays an orphan', () => {
    // One side beside the quote must be exactly as stored: a different sentence that happens to be
    // followed, a few words on, by the old suffix is not evidence enough for a word this common.
    const s0 = 'نظمت الجمعية الخيرية حملة للتبرع بالدم في مقرها الرئيسي وسط المدينة. ';
    const s1 = 'وقال رئيس الجمعية إن الحملة ستتكرر في الشهر المقبل في الأحياء الجنوبية.\n';
    const text = s0 + s1;
    const records = [tag(text, 'e1', 'في', 'MISC', 1)];
    const after = s0 + 'وأعلن مدير المستشفى أن التبرع مفتوح في يوم الأحد الشهر المقبل في الأحياء الجنوبية.\n';
    const r = reanchor(after, records, { oldLength: text.length });
    assert.strictEqual(r.records[0]!.orphan, true, `placed at ${r.records[0]!.target.start}`);
  });

  it('a deleted sentence whose near-identical sibling now runs into the words after it: not taken for words typed into it', () => {
    // After the deletion, the sibling reads «… في المملكة المتحدة، في وسط لندن.» and then the very
    // words that followed the deleted sentence: its whole prefix and, past «، في وسط لندن», the
    // stored suffix. Words typed in meet the old text at a space; these end on the full stop.
    const sa = 'احتفلت الشركة بالذكرى العاشرة لأول مكالمة عبر شبكتها في المملكة المتحدة، في وسط لندن.\n';
    const sb = 'ونشرت صورا من الاحتفال بالذكرى العاشرة لأول مكالمة عبر شبكتها في المملكة المتحدة.\n';
    const sc = 'أما المملكة العربية السعودية فقد شهدت أول مكالمة بعد ذلك بعامين.\n';
    const text = sa + sb + sc;
    const records = [tag(text, 'e1', 'المملكة', 'LOC', 1)];
    assert.strictEqual(records[0]!.target.start, sa.length + sb.indexOf('المملكة'));
    const after = sa + sc;
    const r = reanchor(after, records, { oldLength: text.length });
    assert.strictEqual(r.records[0]!.orphan, true, `placed at ${r.records[0]!.target.start} on the sibling's «المملكة»`);
  });

  it('a short word the article repeats, with a copied sentence pasted right after it, keeps its place: the followed text runs through it from its whole side', () => {
    // «المدن» occurs three times and its suffix is now a copy of a later sentence, too long for the
    // stored suffix to be found just past it. The records around it show the old text running from
    // its whole prefix onto exactly its letters, and the pasted sentence's first words stood, in the
    // old text, beside other words than «المدن»: no deletion brought them there.
    const s0 = 'أعلنت الهيئة العامة للإحصاء أن عدد سكان المملكة زاد في العام الماضي. ';
    const s1 = 'وقال رئيس الهيئة في مؤتمر صحفي إن الزيادة جاءت من المواليد في المدن. ';
    const s2 = 'وأضاف أن الهيئة ستنشر التفاصيل كاملة على موقعها الأسبوع المقبل. ';
    const s3 = 'وتوقع خبراء أن يستمر النمو في السنوات المقبلة مع تحسن الخدمات الصحية في القرى والمدن. ';
    const s4 = 'ويعيش أغلب السكان في المدن الكبرى.\n';
    const text = s0 + s1 + s2 + s3 + s4;
    const quotes = ['الهيئة العامة', 'رئيس الهيئة', 'المدن', 'التفاصيل', 'الأسبوع المقبل', 'خبراء', 'الخدمات الصحية', 'الكبرى'];
    const records = quotes.map((q, i) => tag(text, `e${i + 1}`, q, 'MISC'));
    const after = s0 + s1 + s3 + s2 + s3 + s4;
    const r = reanchor(after, records, { oldLength: text.length });
    const e3 = r.records[2]!;
    assert.ok(!e3.orphan, `orphaned: ${JSON.stringify(r.candidates.e3)}`);
    assert.strictEqual(e3.target.start, after.indexOf('المدن'), 'the first «المدن», where it was');
    assert.deepStrictEqual(reanchor(after, r.records, { oldLength: after.length }).records, r.records);
  });

  it('an orphan whose quote was rewritten comes back only where both sides of its context match', () => {
    // The first run weighed this place with the record's neighbours and made it an orphan; a second
    // run has no neighbours for it, so it must ask what orphans always ask: both sides, not one.
    const before = 'أعلنت الأمانة اليوم أن مشروع تطوير الواجهة البحرية سيكتمل في نهاية العام المقبل بحسب الخطة المعتمدة.\n';
    const q = 'مشروع تطوير الواجهة البحرية';
    const p = before.indexOf(q);
    const orphan: AnnotationRecord = { id: 'e1', kind: 'entity', label: 'MISC', status: 'accepted', orphan: true, target: anchorFor(before, p, p + q.length) };
    const oneSide = 'أعلنت الأمانة اليوم أن مشروع تطوير الواجهة الغربية سيكتمل في نهاية العام بعد تأخير قصير.\n';
    const r = reanchor(oneSide, [orphan], { oldLength: oneSide.length });
    assert.strictEqual(r.records[0]!.orphan, true, `reattached on one side: ${JSON.stringify(r.records[0]!.target)}`);
    assert.deepStrictEqual(r.records[0]!.target, orphan.target, 'its old target is kept');
    assert.strictEqual(r.candidates.e1![0]!.start, oneSide.indexOf('مشروع تطوير الواجهة الغربية'), 'the rewrite is listed');
    // Both sides there: it comes back, on the new wording.
    const bothSides = 'أعلنت الأمانة اليوم أن مشروع تطوير الواجهة الغربية سيكتمل في نهاية العام المقبل بحسب الخطة المعتمدة.\n';
    const back = reanchor(bothSides, [orphan], { oldLength: bothSides.length });
    assert.ok(!back.records[0]!.orphan);
    assert.strictEqual(back.records[0]!.target.exact, 'مشروع تطوير الواجهة الغربية');
    assert.strictEqual(back.records[0]!.target.start, bothSides.indexOf('مشروع'));
  });

  it('a number that was a whole word is not found again inside a longer number', () => {
    const text = 'زار الوفد 6 مدن خلال جولته التي استمرت أسبوعا كاملا في المنطقة الشرقية.\n';
    const records = [tag(text, 'e1', '6', 'MISC'), tag(text, 'e2', 'المنطقة الشرقية', 'LOC')];
    const after = text.replace('الوفد 6 مدن', 'الوفد 26 مدن');
    const r = reanchor(after, records, { oldLength: text.length });
    assert.strictEqual(r.records[0]!.orphan, true, `placed on ${JSON.stringify(r.records[0]!.target)}`);
    assert.ok(!r.records[1]!.orphan);
  });

  it('a quote of whole words is not brought back inside a longer word by the approximate search', () => {
    // Two cables of congratulation, nearly word for word; the first is deleted. Its tagged words
    // «الصحة والسعادة لفخامة الرئيس» are still in the second, but after «ب»: «بالصحة» is another
    // word, not a rewrite of «بموفور الصحة».
    const first = 'وبعث ولي العهد برقية تهنئة عبر فيها عن أطيب التمنيات بموفور الصحة والسعادة لفخامة الرئيس، ولشعب البلد الشقيق الصديق المزيد من التقدم والازدهار.';
    const second = 'كما بعث وزير الخارجية برقية مماثلة عبر فيها عن أطيب التمنيات بالصحة والسعادة لفخامة الرئيس، ولشعب البلد الشقيق الصديق المزيد من التقدم والازدهار.';
    const text = `${first} ${second}\n`;
    const records = [tag(text, 'e1', 'الصحة والسعادة لفخامة الرئيس', 'MISC')];
    const after = `${second}\n`;
    const r = reanchor(after, records, { oldLength: text.length });
    assert.strictEqual(r.records[0]!.orphan, true, `placed on ${JSON.stringify(r.records[0]!.target)}`);
    assert.deepStrictEqual(reanchor(after, r.records, { oldLength: after.length }).records, r.records);
  });

  it('a quote that begins with tatweel or a bidi mark keeps it when it is still there', () => {
    const text = 'قال المتحدث إن العمل في المشروع سيبدأ في شهر ــ رمضان ــ بعد اكتمال التصاميم النهائية.\n';
    const q = 'ــ رمضان ــ';
    const records = [tag(text, 'e1', q, 'MISC')];
    const after = 'تحديث: ' + text.replace('\n', '\r\n');
    const r = reanchor(after, records, { oldLength: text.length });
    const e1 = r.records[0]!;
    assert.ok(!e1.orphan);
    assert.strictEqual(after.slice(e1.target.start, e1.target.end), q);
  });

  it('a hostile sidecar of 5,000 quotes that are not in the article: every one an orphan, with a bounded search', () => {
    const records = hostileRecords(ARTICLE, 5000);
    const r = reanchor(ARTICLE, records, { oldLength: ARTICLE.length + 3 });
    assert.strictEqual(r.orphans.length, 5000);
    assert.ok(Object.values(r.why).every((w) => w === 'missing'));
  });
});
