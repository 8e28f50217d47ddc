// The Khabar Reader's pure parts: the article layout, the flat segments of nested marks, the
// validator of webview messages, the claim card's effect on a claim, and the mark explanation's
// Markdown (the editor's hover) that the reader renders as a popover.
import * as assert from 'assert';
import { infoMarkdown, partsText, type MarkInfo } from '../../src/core/editor/markInfo';
import { DEFAULT_VERDICTS } from '../../src/core/annotationRecord';
import { applyCard, evidenceTitles } from '../../src/core/reader/claimCard';
import { layoutParagraphs, paragraphAt } from '../../src/core/reader/layout';
import { LIMITS, validateMessage, type SaveClaimMessage, type ValidationContext } from '../../src/core/reader/protocol';
import { segmentParagraph } from '../../src/core/reader/segments';

const SAMPLE = 'العراق: تراجع نسبة الفقر إلى 25%\n\nبغداد - 2021/06/05\n\nأعلنت وزارة التخطيط العراقية أن نسبة الفقر تراجعت.\r\n  وقال الوزير إن COVID-19 أثر في الاقتصاد.  \n';

describe('reader layout', () => {
  it('makes one paragraph per non-empty line, trimmed, with headline and dateline', () => {
    const ps = layoutParagraphs(SAMPLE);
    assert.deepStrictEqual(
      ps.map((p) => [p.role, SAMPLE.slice(p.start, p.end)]),
      [
        ['headline', 'العراق: تراجع نسبة الفقر إلى 25%'],
        ['dateline', 'بغداد - 2021/06/05'],
        ['body', 'أعلنت وزارة التخطيط العراقية أن نسبة الفقر تراجعت.'],
        ['body', 'وقال الوزير إن COVID-19 أثر في الاقتصاد.'],
      ],
    );
  });

  const cases: Array<[string, string, string[]]> = [
    ['a Markdown heading becomes the headline, without its marker', '# عنوان الخبر\nنص الخبر', ['headline:عنوان الخبر', 'body:نص الخبر']],
    ['a later heading keeps its role', 'عنوان\nنص طويل في الفقرة الأولى من الخبر يتجاوز حدود سطر التاريخ المعتاد بكثير جدا جدا\n## قسم\nنص', ['headline:عنوان', 'body:نص طويل في الفقرة الأولى من الخبر يتجاوز حدود سطر التاريخ المعتاد بكثير جدا جدا', 'heading:قسم', 'body:نص']],
    ['a long second line is not a dateline', 'عنوان\n' + 'كلمة '.repeat(30) + '2021', ['headline:عنوان', 'body:' + ('كلمة '.repeat(30) + '2021')]],
    ['a «city (agency) -» line is a dateline', 'عنوان\nالقاهرة (رويترز) - قال مسؤول', ['headline:عنوان', 'dateline:القاهرة (رويترز) - قال مسؤول']],
    ['empty text has no paragraphs', '\n \n\t\n', []],
    ['no trailing newline', 'سطر واحد', ['headline:سطر واحد']],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => {
      assert.deepStrictEqual(
        layoutParagraphs(text).map((p) => `${p.role}:${text.slice(p.start, p.end)}`),
        want,
      );
    });
  }

  it('finds the paragraph of an offset', () => {
    const ps = layoutParagraphs(SAMPLE);
    const i = SAMPLE.indexOf('وقال');
    assert.strictEqual(paragraphAt(ps, i), 3);
    assert.strictEqual(paragraphAt(ps, 0), 0);
    assert.strictEqual(paragraphAt(ps, SAMPLE.indexOf('\n\nبغداد') + 1), 1);
    assert.strictEqual(paragraphAt([], 3), -1);
  });
});

describe('reader segments', () => {
  it('cuts nested and overlapping marks into a flat list, outermost first', () => {
    const segs = segmentParagraph(20, [
      { id: 'claim', start: 2, end: 18 },
      { id: 'per', start: 4, end: 8 },
      { id: 'fig', start: 10, end: 12 },
      { id: 'note', start: 11, end: 20 },
    ]);
    assert.deepStrictEqual(
      segs.map((s) => `${s.start}-${s.end}:${s.marks.join('+')}`),
      ['0-2:', '2-4:claim', '4-8:claim+per', '8-10:claim', '10-11:claim+fig', '11-12:claim+note+fig', '12-18:claim+note', '18-20:note'],
    );
  });

  it('covers the paragraph exactly, clamps marks and drops empty ones', () => {
    const segs = segmentParagraph(10, [
      { id: 'a', start: -5, end: 3 },
      { id: 'b', start: 8, end: 50 },
      { id: 'orphan', start: 5, end: 5 },
    ]);
    assert.deepStrictEqual(
      segs.map((s) => [s.start, s.end, s.marks]),
      [
        [0, 3, ['a']],
        [3, 8, []],
        [8, 10, ['b']],
      ],
    );
  });

  it('is one run when there are no marks, nothing for an empty paragraph', () => {
    assert.deepStrictEqual(segmentParagraph(7, []), [{ start: 0, end: 7, marks: [] }]);
    assert.deepStrictEqual(segmentParagraph(0, [{ id: 'x', start: 0, end: 3 }]), []);
  });

  it('joins back to the text for random marks', () => {
    const text = 'قال مصطفى الكاظمي في بغداد إن COVID-19 انخفض 60 في المئة.';
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let round = 0; round < 200; round++) {
      const marks = Array.from({ length: rnd(6) }, (_, i) => {
        const a = rnd(text.length + 4) - 2;
        return { id: `m${i}`, start: a, end: a + rnd(20) };
      });
      const segs = segmentParagraph(text.length, marks);
      assert.strictEqual(segs.map((s) => text.slice(s.start, s.end)).join(''), text);
      for (let i = 1; i < segs.length; i++) assert.strictEqual(segs[i]!.start, segs[i - 1]!.end);
      for (const s of segs)
        for (const id of s.marks) {
          const m = marks.find((x) => x.id === id)!;
          assert.ok(m.start <= s.start && s.end <= m.end, `${id} covers ${s.start}-${s.end}`);
        }
    }
  });
});

describe('reader message validation', () => {
  const ctx: ValidationContext = {
    textLength: 100,
    paragraphCount: 5,
    hasMark: (id) => id === 'd:claimSuggestion:10:40' || id === 'r:c1',
    hasRecord: (id) => id === 'c1',
    verdictKeys: new Set(DEFAULT_VERDICTS.map((v) => v.key)),
  };
  const save = (patch: Record<string, unknown>): Record<string, unknown> => ({ type: 'saveClaim', start: 10, end: 40, label: 'CLAIM', evidence: [], ...patch });

  const ok: Array<[string, unknown, unknown]> = [
    ['ready', { type: 'ready' }, { type: 'ready' }],
    ['undo, ignoring extra fields', { type: 'undo', extra: '<script>' }, { type: 'undo' }],
    ['visible range', { type: 'visible', from: 0, to: 4 }, { type: 'visible', from: 0, to: 4 }],
    ['reveal an empty span', { type: 'reveal', start: 100, end: 100 }, { type: 'reveal', start: 100, end: 100 }],
    ['review a mark', { type: 'review', markId: 'r:c1', status: 'rejected' }, { type: 'review', markId: 'r:c1', status: 'rejected' }],
    ['retype', { type: 'retype', markId: 'r:c1', label: 'ORG' }, { type: 'retype', markId: 'r:c1', label: 'ORG' }],
    ['remove', { type: 'remove', recordId: 'c1' }, { type: 'remove', recordId: 'c1' }],
    [
      'a full claim card, trimmed, blank fields dropped',
      save({ verdict: 'misleading', claimant: '  مصطفى   الكاظمي ', claimType: 'quantity', evidence: [{ url: 'https://a.example/x', title: ' تقرير  البنك ' }, { url: '  ' }], review: 'http://b.example', note: ' سطر\nسطر ', recordId: 'c1' }),
      { type: 'saveClaim', start: 10, end: 40, label: 'CLAIM', evidence: [{ url: 'https://a.example/x', title: 'تقرير البنك' }], recordId: 'c1', verdict: 'misleading', claimant: 'مصطفى الكاظمي', claimType: 'quantity', review: 'http://b.example', note: 'سطر\nسطر' },
    ],
    ['an empty card', save({ verdict: '', claimant: null, claimType: '', review: '' }), { type: 'saveClaim', start: 10, end: 40, label: 'CLAIM', evidence: [] }],
  ];
  for (const [name, raw, want] of ok) {
    it(`accepts ${name}`, () => {
      const r = validateMessage(raw, ctx);
      assert.ok(r.ok, r.ok ? '' : r.error);
      assert.deepStrictEqual(r.message, want);
    });
  }

  const bad: Array<[string, unknown, RegExp]> = [
    ['a non-object', 'ready', /not an object/],
    ['an array', [{ type: 'ready' }], /not an object/],
    ['null', null, /not an object/],
    ['no type', {}, /type/],
    ['an unknown type', { type: 'eval', code: 'x' }, /unknown message type/],
    ['a prototype key as type', { type: '__proto__' }, /unknown message type/],
    ['offsets past the text', { type: 'reveal', start: 0, end: 101 }, /end/],
    ['negative offsets', { type: 'reveal', start: -1, end: 3 }, /start/],
    ['fractional offsets', { type: 'reveal', start: 1.5, end: 3 }, /start/],
    ['string offsets', { type: 'reveal', start: '1', end: 3 }, /start/],
    ['reversed span', { type: 'reveal', start: 9, end: 3 }, /after start/],
    ['NaN', { type: 'reveal', start: NaN, end: 3 }, /start/],
    ['a visible range past the paragraphs', { type: 'visible', from: 0, to: 5 }, /to/],
    ['a mark that does not exist', { type: 'review', markId: 'd:PER:0:4', status: 'accepted' }, /no such mark/],
    ['a bad status', { type: 'review', markId: 'r:c1', status: 'deleted' }, /status/],
    ['a bad entity label', { type: 'retype', markId: 'r:c1', label: 'CLAIM' }, /label/],
    ['an unknown record', { type: 'remove', recordId: 'c2' }, /no such annotation/],
    ['an over-long id', { type: 'remove', recordId: 'c'.repeat(LIMITS.id + 1) }, /longer/],
    ['an empty claim span', save({ start: 10, end: 10 }), /after start/],
    ['a bad claim label', save({ label: 'NOTE' }), /label/],
    ['a verdict outside the vocabulary', save({ verdict: 'pants-on-fire' }), /vocabulary/],
    ['a non-string verdict', save({ verdict: 3 }), /verdict/],
    ['a bad claim type', save({ claimType: 'gossip' }), /claimType/],
    ['a javascript: evidence link', save({ evidence: [{ url: 'javascript:alert(1)' }] }), /web address/],
    ['a command: review link', save({ review: 'command:khabar.removeAnnotation' }), /web address/],
    ['evidence that is not a list', save({ evidence: 'https://a.example' }), /list/],
    ['too many evidence links', save({ evidence: Array.from({ length: LIMITS.evidence + 1 }, () => ({ url: 'https://a.example' })) }), /more than/],
    ['an over-long note', save({ note: 'x'.repeat(LIMITS.note + 1) }), /longer/],
    ['an over-long claimant', save({ claimant: 'x'.repeat(LIMITS.claimant + 1) }), /longer/],
    ['an unknown record to update', save({ recordId: 'c9' }), /no such annotation/],
  ];
  for (const [name, raw, want] of bad) {
    it(`refuses ${name}`, () => {
      const r = validateMessage(raw, ctx);
      assert.ok(!r.ok, 'accepted');
      assert.match(r.error, want);
    });
  }
});

describe('reader claim card', () => {
  const card = (patch: Partial<SaveClaimMessage>): SaveClaimMessage => ({ type: 'saveClaim', start: 0, end: 5, label: 'CLAIM', evidence: [], ...patch });

  it('sets every field in one pass, with the rating from the vocabulary', () => {
    const r = applyCard(
      { claim: { checkWorthiness: 0.8, date: '2021-06-05' } },
      card({ verdict: 'misleading', claimant: 'وزارة التخطيط', claimType: 'quantity', evidence: [{ url: 'https://a.example/r', title: 'تقرير' }, { url: 'https://b.example' }, { url: 'https://b.example' }], review: 'https://c.example', note: 'ملاحظة' }),
      DEFAULT_VERDICTS,
    );
    assert.deepStrictEqual(r.claim, {
      checkWorthiness: 0.8,
      date: '2021-06-05',
      verdict: 'misleading',
      rating: { value: 3, best: 5, worst: 1 },
      claimant: { text: 'وزارة التخطيط' },
      type: 'quantity',
      evidence: ['https://a.example/r', 'https://b.example'],
      review: 'https://c.example',
    });
    assert.strictEqual(r.note, 'ملاحظة\nتقرير — https://a.example/r');
    assert.deepStrictEqual([...evidenceTitles(r.note, r.claim.evidence!)], [['https://a.example/r', 'تقرير']]);
  });

  it('clears what the card leaves empty and keeps the claimant ref when unchanged', () => {
    const r = applyCard(
      { claim: { verdict: 'false', rating: { value: 1, best: 5, worst: 1 }, claimant: { text: 'أ', ref: 'e3' }, type: 'other', evidence: ['https://x.example'], review: 'https://y.example' }, note: 'قديمة' },
      card({ claimant: 'أ' }),
      DEFAULT_VERDICTS,
    );
    assert.deepStrictEqual(r.claim, { claimant: { text: 'أ', ref: 'e3' } });
    assert.strictEqual(r.note, undefined);
  });

  it('adds an evidence title line once', () => {
    const first = applyCard({}, card({ evidence: [{ url: 'https://a.example', title: 'ت' }] }), DEFAULT_VERDICTS);
    const again = applyCard({ claim: first.claim, ...(first.note ? { note: first.note } : {}) }, card({ evidence: [{ url: 'https://a.example', title: 'ت' }], note: first.note! }), DEFAULT_VERDICTS);
    assert.strictEqual(again.note, 'ت — https://a.example');
  });

  it('gives a quote no verdict', () => {
    const r = applyCard({}, card({ label: 'QUOTE', verdict: 'true' }), DEFAULT_VERDICTS);
    assert.strictEqual(r.claim.verdict, undefined);
  });
});

describe('mark explanation', () => {
  const info: MarkInfo = {
    title: [{ text: 'ادعاء موسوم — tagged claim', strong: true }, { text: ' · ' }, { text: 'قال *الوزير* [x](command:evil)', user: true, max: 120 }],
    lead: [],
    rows: [
      { name: 'Verdict', value: [{ text: 'مضلل', user: true, strong: true }, { text: ' (Misleading)' }, { text: ' — 3/5' }] },
      { name: 'Evidence', value: [{ text: 'https://a.example/x', url: true }, { text: ' · ' }, { text: 'javascript:alert(1)', url: true }] },
    ],
    warnings: ['The weekday does not fall on this date.'],
    actions: [{ title: 'Set verdict…', command: 'khabar.setVerdict' }],
  };

  it('renders Markdown that escapes user text and links only web addresses and Khabar commands', () => {
    const md = infoMarkdown(info, 42);
    assert.ok(md.startsWith('**ادعاء موسوم — tagged claim** · '), md);
    assert.ok(md.includes('\\*الوزير\\*'), md);
    assert.ok(!md.includes('](command:evil)'), md);
    assert.ok(md.includes('- Verdict: **\u2068مضلل\u2069** \\(Misleading\\) — 3/5\n'), md);
    assert.ok(md.includes('[https://a\\.example/x](https://a.example/x)'), md);
    assert.ok(!md.includes('](javascript:'), md);
    assert.ok(md.includes('\n⚠ The weekday does not fall on this date\\.\n'), md);
    assert.ok(md.endsWith(`[Set verdict…](command:khabar.setVerdict?${encodeURIComponent(JSON.stringify([{ offset: 42 }]))})`), md);
  });

  it('gives the plain title for accessible names', () => {
    assert.strictEqual(partsText(info.title), 'ادعاء موسوم — tagged claim · قال *الوزير* [x](command:evil)');
  });
});
