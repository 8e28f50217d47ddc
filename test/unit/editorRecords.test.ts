import * as assert from 'assert';
import { commandLink, escapeMarkdown, isolateArabic, webLink } from '../../src/core/editor/markdown';
import { articleUrl, claimRecord, detectionRecord, isUnverified, trimSpan, verdictVocabulary, withEvidence, withVerdict } from '../../src/core/editor/records';
import { groupMarks, rowLabel, ROW_TEXT_MAX, summariseSidecar } from '../../src/core/editor/tree';
import { mergeMarks } from '../../src/core/editor/marks';
import { DEFAULT_VERDICTS } from '../../src/core/annotationRecord';
import type { ClaimDetection } from '../../src/core/types';

const TEXT = 'وقال رئيس الوزراء إن البطالة تراجعت إلى 12 في المئة العام الماضي.';
const NOW = '2026-11-29T10:00:00.000Z';

describe('editor records', () => {
  const s = TEXT.indexOf('البطالة');
  const e = TEXT.indexOf('.');
  const suggestion: ClaimDetection = {
    kind: 'claim', label: 'CLAIM', start: s, end: e, text: TEXT.slice(s, e),
    claimant: { start: TEXT.indexOf('رئيس'), end: TEXT.indexOf('رئيس') + 12, text: 'رئيس الوزراء' }, cue: 'قال', checkWorthiness: 0.834,
  };

  it('tags a claim from a suggestion with its claimant, date and anchor', () => {
    const r = claimRecord(TEXT, s, e, 'CLAIM', { suggestion, date: '2024-03-02', author: 'سارة', now: NOW });
    assert.strictEqual(r.target.exact, TEXT.slice(s, e));
    assert.strictEqual(r.target.prefix, TEXT.slice(Math.max(0, s - 32), s));
    assert.deepStrictEqual(r.claim, { claimant: { text: 'رئيس الوزراء' }, date: '2024-03-02', checkWorthiness: 0.83, checkWorthy: true });
    assert.strictEqual(r.author, 'سارة');
    assert.strictEqual(r.created, NOW);
    assert.ok(isUnverified({ id: 'c1', ...r }));
  });

  it('a quote is never "unverified"', () => {
    const r = claimRecord(TEXT, s, e, 'QUOTE', { now: NOW });
    assert.strictEqual(isUnverified({ id: 'c1', ...r }), false);
  });

  it('records a rejected figure with its value', () => {
    const fs = TEXT.indexOf('12');
    const r = detectionRecord(TEXT, { kind: 'figure', label: 'PERCENT', start: fs, end: fs + 11, text: TEXT.slice(fs, fs + 11), value: { number: 12, unit: 'percent' } }, 'rejected', { now: NOW });
    assert.strictEqual(r.status, 'rejected');
    assert.deepStrictEqual(r.value, { number: 12, unit: 'percent' });
  });

  const verdictTable: Array<[string, unknown]> = [
    ['true', { value: 5, best: 5, worst: 1 }],
    ['misleading', { value: 3, best: 5, worst: 1 }],
    ['opinion', undefined],
  ];
  for (const [key, rating] of verdictTable) {
    it(`verdict ${key} sets rating ${JSON.stringify(rating)}`, () => {
      const v = DEFAULT_VERDICTS.find((x) => x.key === key)!;
      const c = withVerdict({ rating: { value: 1, best: 5, worst: 1 }, note: 'x' } as never, v, DEFAULT_VERDICTS);
      assert.strictEqual(c.verdict, key);
      assert.deepStrictEqual(c.rating, rating);
    });
  }

  it('adds evidence once', () => {
    const c = withEvidence(withEvidence(undefined, 'https://a.example/1'), 'https://a.example/1');
    assert.deepStrictEqual(c.evidence, ['https://a.example/1']);
  });

  it('trims a sloppy selection', () => {
    assert.deepStrictEqual(trimSpan('  نص  ', 0, 6), { start: 2, end: 4 });
    assert.deepStrictEqual(trimSpan('   ', 0, 3), { start: 3, end: 3 });
  });

  it('reads a verdict vocabulary from settings, skipping bad entries', () => {
    assert.strictEqual(verdictVocabulary(undefined, DEFAULT_VERDICTS), DEFAULT_VERDICTS);
    assert.strictEqual(verdictVocabulary([{ key: 1 }], DEFAULT_VERDICTS), DEFAULT_VERDICTS);
    assert.deepStrictEqual(verdictVocabulary([{ key: 'ok', label: 'سليم', rating: 2 }, { key: 'ok', label: 'dup' }, null], DEFAULT_VERDICTS), [
      { key: 'ok', label: 'سليم', labelEn: 'ok', rating: 2 },
    ]);
  });
});

describe('editor markdown', () => {
  it('escapes markdown, html and line breaks', () => {
    assert.strictEqual(escapeMarkdown('[x](command:evil) <b>\n*'), '\\[x\\]\\(command:evil\\) \\<b\\> \\*');
  });
  it('isolates Arabic runs in mixed text', () => {
    assert.strictEqual(isolateArabic('PER: محمد أحمد (2)'), 'PER: \u2068محمد أحمد\u2069 (2)');
    assert.strictEqual(isolateArabic('no arabic'), 'no arabic');
  });
  it('links Khabar commands with numeric arguments only', () => {
    assert.strictEqual(commandLink('Verdict', 'khabar.setVerdict', { offset: 12 }), `[Verdict](command:khabar.setVerdict?${encodeURIComponent('[{"offset":12}]')})`);
    assert.throws(() => commandLink('x', 'workbench.action.terminal.new'));
    assert.throws(() => commandLink('x', 'khabar.setVerdict', { offset: Number.NaN }));
  });
  const links: Array<[string, boolean]> = [
    ['https://example.org/a(b)', true],
    ['http://example.org/تحقق', true],
    ['command:khabar.undo', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ];
  for (const [url, clickable] of links) {
    it(`${url} is ${clickable ? '' : 'not '}clickable`, () => {
      const md = webLink(url);
      assert.strictEqual(/\]\(/.test(md), clickable);
      if (clickable) assert.ok(!/\]\([^)]*\(/.test(md), 'parentheses inside the href are encoded');
    });
  }
});

describe('editor tree', () => {
  const s = TEXT.indexOf('البطالة');
  const e = TEXT.indexOf('.');
  const claim = { id: 'c1', ...claimRecord(TEXT, s, e, 'CLAIM', { now: NOW }) };
  claim.claim = { verdict: 'false' };
  const fig = TEXT.indexOf('12');
  const marks = mergeMarks(
    [{ kind: 'figure', label: 'PERCENT', start: fig, end: fig + 11, text: TEXT.slice(fig, fig + 11), value: {} }],
    [claim],
    [],
    TEXT.length,
  );
  const text = (a: number, b: number) => TEXT.slice(a, b);

  it('groups by kind in order', () => {
    const groups = groupMarks(marks, [], text);
    assert.deepStrictEqual(groups.map((g) => [g.id, g.items.length]), [['claims', 1], ['figures', 1]]);
  });
  it('filters by verdict (dropping non-claims) and by status', () => {
    assert.deepStrictEqual(groupMarks(marks, [], text, { verdicts: new Set(['false']) }).map((g) => g.id), ['claims']);
    assert.deepStrictEqual(groupMarks(marks, [], text, { verdicts: new Set(['true']) }), []);
    assert.deepStrictEqual(groupMarks(marks, [], text, { statuses: new Set(['suggested']) }).map((g) => g.id), ['figures']);
  });
  it('summarises a sidecar tolerantly', () => {
    const sum = summariseSidecar({
      annotations: [
        { kind: 'claim', label: 'CLAIM', status: 'accepted', claim: { verdict: 'false' } },
        { kind: 'claim', label: 'CLAIM', status: 'accepted' },
        { kind: 'claim', label: 'CLAIM', status: 'rejected' },
        { kind: 'entity', label: 'PER', status: 'accepted', orphan: true },
        'junk',
      ],
    });
    assert.deepStrictEqual(sum, { total: 3, claims: 2, verdicts: { false: 1, none: 1 }, orphans: 1 });
    assert.strictEqual(summariseSidecar('x: 1'), undefined);
  });
});

describe('editor article url', () => {
  const cases: Array<[string, string | undefined]> = [
    ['---\ntitle: خبر\nurl: https://news.example/a/1\n---\nنص', 'https://news.example/a/1'],
    ['بغداد - المصدر: https://news.example/b «نص»\nفقرة', 'https://news.example/b'],
    ['نص بلا رابط', undefined],
    ['---\nurl: javascript:x\n---\n', undefined],
  ];
  for (const [text, want] of cases) it(JSON.stringify(text.slice(0, 30)), () => assert.strictEqual(articleUrl(text), want));
});

describe('annotations view rows', () => {
  const RLI = '\u2067';
  const PDI = '\u2069';
  it('keeps a short row whole, inside a right-to-left isolate, with the verdict and claimant leading', () => {
    assert.strictEqual(rowLabel('ارتفعت الأسعار', ['مضلل', 'الوزير']), `${RLI}مضلل · الوزير · ارتفعت الأسعار${PDI}`);
  });
  it('shortens a long row at a word boundary with the ellipsis at its logical end, so its beginning stays', () => {
    const text = 'وقال المتحدث باسم الوزارة في مؤتمر صحفي إن عدد المصابين ارتفع إلى ثلاثة آلاف';
    const row = rowLabel(text, ['زائف']);
    const body = row.slice(1, -1).split(' · ')[1]!;
    assert.ok(text.startsWith(body.slice(0, -1)), body);
    assert.ok(body.endsWith('…') && body.length <= ROW_TEXT_MAX + 1, body);
    assert.ok(text.startsWith(`${body.slice(0, -1)} `), 'cut at a word boundary');
  });
  it('drops empty lead parts and flattens line breaks', () => {
    assert.strictEqual(rowLabel('سطر\nثان', ['', ' ']), `${RLI}سطر ثان${PDI}`);
  });
});
