import * as assert from 'assert';
import fc from 'fast-check';
import { parseBrat } from '../../src/core/import/brat';
import { detect } from '../../src/core/detect';
import { bratAnn } from '../../src/core/export/brat';
import { CSV_COLUMNS, neutraliseFormula, parseCsv, restoreFormula } from '../../src/core/export/csv';
import { detectionsToRecords } from '../../src/core/export/fromDetections';
import { exportArticle, exportStream } from '../../src/core/export/index';
import { CodePointIndex } from '../../src/core/export/offsets';
import { safeRelativePath } from '../../src/core/export/paths';
import { prepareArticle } from '../../src/core/export/prepare';
import { EXPORT_FORMATS, ExportError, type ExportArticle, type ExportFiles, type ExportFormat } from '../../src/core/export/types';
import type { AnnotationRecord } from '../../src/core/model';
import { compareSpans, type Detection } from '../../src/core/types';
import { cpSlice, fixtureArticle } from './exportHelpers';

function str(format: ExportFormat, a: ExportArticle, opts = {}): string {
  const out = exportArticle(format, a, opts);
  assert.strictEqual(typeof out, 'string');
  return out as string;
}

const acceptedIds = (a: ExportArticle): string[] =>
  a.records.filter((r) => r.status === 'accepted').map((r) => r.id);

describe('export: code point offsets', () => {
  const cases: Array<[string, string]> = [
    ['ascii', 'hello world'],
    ['arabic', 'قال الوزير إن'],
    ['emoji first', '😀 الرياض'],
    ['flag (two astral code points)', '🇸🇦 جدة 🇸🇦'],
    ['emoji at end', 'خبر 📊'],
    ['empty', ''],
  ];
  for (const [name, text] of cases) {
    it(`round-trips every boundary: ${name}`, () => {
      const idx = new CodePointIndex(text);
      const cps = Array.from(text);
      assert.strictEqual(idx.codePointLength, cps.length);
      let u = 0;
      for (let c = 0; c <= cps.length; c++) {
        assert.strictEqual(idx.toUtf16(c), u);
        assert.strictEqual(idx.toCodePoint(u), c);
        u += cps[c]?.length ?? 0;
      }
    });
  }

  it('refuses an offset inside a surrogate pair', () => {
    const idx = new CodePointIndex('a😀b');
    assert.ok(idx.splitsPair(2));
    assert.throws(() => idx.toCodePoint(2), /surrogate/);
  });

  it('agrees with Array.from on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(), fc.nat(), (s, a, b) => {
        const idx = new CodePointIndex(s);
        const n = idx.codePointLength;
        const [x, y] = [a % (n + 1), b % (n + 1)].sort((p, q) => p - q) as [number, number];
        assert.strictEqual(idx.sliceCodePoints(x, y), cpSlice(s, x, y));
        assert.strictEqual(idx.toCodePoint(idx.toUtf16(x)), x);
      }),
    );
  });
});

describe('export: record selection and span checks', () => {
  it('exports accepted records, never rejected, suggestions only when asked', () => {
    const a = fixtureArticle();
    const plain = prepareArticle(a, {}).records.map((r) => r.id);
    assert.deepStrictEqual(new Set(plain), new Set(acceptedIds(a)));
    const withSuggestions = prepareArticle(a, { includeSuggestions: true }).records.map((r) => r.id);
    assert.ok(withSuggestions.includes('c2') && withSuggestions.includes('e6'));
    assert.ok(!withSuggestions.includes('e2'), 'a rejected record is never exported');
  });

  it('names the annotation and the article when a span does not match the text', () => {
    const a = fixtureArticle();
    const records = a.records.map((r) => (r.id === 'f3' ? { ...r, target: { ...r.target, start: r.target.start + 1, end: r.target.end + 1 } } : r));
    for (const format of EXPORT_FORMATS) {
      assert.throws(
        () => exportArticle(format, { ...a, records }),
        (e: unknown) => e instanceof ExportError && e.annotationId === 'f3' && e.article === a.path && /f3/.test(e.message),
        format,
      );
    }
  });

  it('refuses a span that cuts an emoji in half', () => {
    const text = 'خبر 📊 عاجل';
    const start = text.indexOf('📊') + 1;
    const r: AnnotationRecord = {
      id: 'n1', kind: 'note', label: 'NOTE', status: 'accepted',
      target: { start, end: start + 1, exact: text.slice(start, start + 1), prefix: '', suffix: '' },
    };
    assert.throws(() => exportArticle('w3c', { path: 'a.txt', text, records: [r] }), /surrogate/);
  });

  it('leaves orphans out (their offsets no longer point at their quote)', () => {
    const a = fixtureArticle();
    const records = a.records.map((r) => (r.id === 'e1' ? { ...r, orphan: true, target: { ...r.target, start: 0, end: 1 } } : r));
    const ids = prepareArticle({ ...a, records }, {}).records.map((r) => r.id);
    assert.ok(!ids.includes('e1'));
  });
});

describe('export: JSON (lossless)', () => {
  it('gives the sidecar shape with every exported record unchanged', () => {
    const a = fixtureArticle();
    const doc = JSON.parse(str('json', a)) as { khabar: number; document: { path: string; sha256: string; length: number }; annotations: AnnotationRecord[] };
    assert.strictEqual(doc.khabar, 1);
    assert.strictEqual(doc.document.path, a.path);
    assert.strictEqual(doc.document.length, a.text.length);
    assert.match(doc.document.sha256, /^[0-9a-f]{64}$/);
    const c1 = a.records.find((r) => r.id === 'c1');
    assert.deepStrictEqual(doc.annotations.find((r) => r.id === 'c1'), c1);
    assert.deepStrictEqual(doc.annotations.map((r) => r.id).sort(), acceptedIds(a).sort());
  });
});

describe('export: doccano / Prodigy / Label Studio JSONL', () => {
  it('doccano offsets are code points and give the quoted text', () => {
    const a = fixtureArticle();
    const line = JSON.parse(str('doccano', a).trim()) as { text: string; label: Array<[number, number, string]> };
    assert.strictEqual(line.text, a.text);
    assert.strictEqual(line.label.length, acceptedIds(a).length);
    const byStart = new Map(a.records.map((r) => [r.target.exact + r.label, r]));
    let shifted = 0;
    for (const [s, e, l] of line.label) {
      const r = byStart.get(cpSlice(a.text, s, e) + l);
      assert.ok(r, `span ${s}..${e} ${l} matches a record`);
      if (s !== r.target.start) shifted++;
    }
    assert.ok(shifted > 0, 'the fixture exercises code point conversion');
  });

  it('Prodigy tokens and spans agree with the text', () => {
    const a = fixtureArticle();
    const t = JSON.parse(str('prodigy', a).trim()) as {
      text: string;
      tokens: Array<{ text: string; start: number; end: number; id: number }>;
      spans: Array<{ start: number; end: number; token_start: number; token_end: number; label: string }>;
    };
    for (const tok of t.tokens) assert.strictEqual(cpSlice(t.text, tok.start, tok.end), tok.text);
    for (const s of t.spans) {
      assert.ok(t.tokens[s.token_start]!.start <= s.start && s.start < t.tokens[s.token_start]!.end);
      assert.ok(t.tokens[s.token_end]!.start < s.end && s.end <= t.tokens[s.token_end]!.end);
    }
    const person = t.spans.find((s) => s.label === 'PER')!;
    assert.strictEqual(t.tokens.slice(person.token_start, person.token_end + 1).map((x) => x.text).join(' '), 'سالم العتيبي');
  });

  it('Label Studio: annotations for reviewed spans, predictions for suggestions', () => {
    const a = fixtureArticle();
    type Res = { value: { start: number; end: number; text: string; labels: string[] } };
    const t = JSON.parse(str('labelstudio', a, { includeSuggestions: true }).trim()) as {
      data: { text: string };
      annotations: Array<{ result: Res[] }>;
      predictions: Array<{ result: Res[] }>;
    };
    for (const r of [...t.annotations[0]!.result, ...t.predictions[0]!.result]) {
      assert.strictEqual(cpSlice(t.data.text, r.value.start, r.value.end), r.value.text);
    }
    assert.strictEqual(t.annotations[0]!.result.length, acceptedIds(a).length);
    assert.deepStrictEqual(t.predictions[0]!.result.map((r) => r.value.text).sort(), ['البرنامج سيشمل مدينة جدة والمنطقة الشرقية قبل نهاية العام', 'المنطقة الشرقية'].sort());
    const without = JSON.parse(str('labelstudio', a).trim()) as { predictions?: unknown };
    assert.strictEqual(without.predictions, undefined);
  });
});

describe('export: CSV', () => {
  it('has exactly the documented columns and reads back to the records', () => {
    const a = fixtureArticle();
    const csv = str('csv', a);
    assert.ok(csv.endsWith('\r\n'));
    const rows = parseCsv(csv);
    assert.deepStrictEqual(rows[0], [...CSV_COLUMNS]);
    assert.strictEqual(rows.length - 1, acceptedIds(a).length);
    const col = (name: string): number => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    for (const row of rows.slice(1)) {
      assert.strictEqual(row.length, CSV_COLUMNS.length);
      assert.strictEqual(a.text.slice(Number(row[col('start')]), Number(row[col('end')])), row[col('text')]);
    }
    const c1 = rows.find((r) => r[col('id')] === 'c1')!;
    assert.strictEqual(c1[col('verdict')], 'misleading');
    assert.strictEqual(c1[col('claimant')], 'سالم العتيبي');
  });

  it('neutralises cells a spreadsheet would run as formulas, with or without a BOM, and leaves signed numbers', () => {
    const a = fixtureArticle();
    const attacks = ['=HYPERLINK("http://x","y")', '+1+cmd|x', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    for (const bom of [false, true]) {
      for (const note of attacks) {
        const records = a.records.map((r) => (r.id === 'e1' ? { ...r, note, author: note } : r));
        const e1 = parseCsv(str('csv', { ...a, records }, { bom })).find((r) => r[1] === 'e1')!;
        assert.strictEqual(e1[CSV_COLUMNS.indexOf('note')], `'${note}`, JSON.stringify(note));
        assert.strictEqual(e1[CSV_COLUMNS.indexOf('author')], `'${note}`);
      }
    }
    assert.strictEqual(neutraliseFormula('-3'), '-3');
    assert.strictEqual(neutraliseFormula('+25%'), '+25%');
    assert.strictEqual(neutraliseFormula('-١٢٫٥'), '-١٢٫٥');
    assert.strictEqual(neutraliseFormula('قال = نعم'), 'قال = نعم');
    for (const cell of [...attacks, "'=x", "'", "'نص", 'نص', '-3']) assert.strictEqual(restoreFormula(neutraliseFormula(cell)), cell, JSON.stringify(cell));
  });

  it('quotes commas, quotes and line breaks per RFC 4180, and adds a BOM when asked', () => {
    const a = fixtureArticle();
    const note = 'قال: "لا"،\nثم, سكت';
    const records = a.records.map((r) => (r.id === 'e1' ? { ...r, note } : r));
    const csv = str('csv', { ...a, records }, { bom: true });
    assert.ok(csv.startsWith('\uFEFFfile,id,'));
    assert.ok(csv.includes('"قال: ""لا""،\nثم, سكت"'));
    const e1 = parseCsv(csv).find((r) => r[1] === 'e1')!;
    assert.strictEqual(e1[CSV_COLUMNS.indexOf('note')], note);
  });
});

describe('export: W3C Web Annotation', () => {
  it('has the Web Annotation JSON-LD structure with code point positions', () => {
    const a = fixtureArticle();
    const coll = JSON.parse(str('w3c', a)) as Record<string, unknown> & { first: { type: string; items: Array<Record<string, unknown>> } };
    assert.strictEqual(coll['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.strictEqual(coll.type, 'AnnotationCollection');
    assert.strictEqual(coll.first.type, 'AnnotationPage');
    assert.strictEqual(coll.total, acceptedIds(a).length);
    const purposes = new Set<string>();
    for (const item of coll.first.items) {
      assert.strictEqual(item['@context'], 'http://www.w3.org/ns/anno.jsonld');
      assert.strictEqual(item.type, 'Annotation');
      assert.match(String(item.id), /^https:\/\//);
      assert.ok(['classifying', 'assessing', 'commenting'].includes(String(item.motivation)));
      const target = item.target as { source: string; selector: Array<Record<string, unknown>> };
      assert.strictEqual(target.source, a.url);
      const quote = target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const pos = target.selector.find((s) => s.type === 'TextPositionSelector')!;
      assert.ok(typeof quote.exact === 'string' && typeof quote.prefix === 'string' && typeof quote.suffix === 'string');
      assert.strictEqual(cpSlice(a.text, pos.start as number, pos.end as number), quote.exact);
      const bodies = item.body as Array<Record<string, unknown>>;
      assert.ok(bodies.length > 0);
      for (const b of bodies) {
        assert.ok(['TextualBody', 'SpecificResource'].includes(String(b.type)));
        purposes.add(String(b.purpose));
      }
    }
    for (const p of ['classifying', 'assessing', 'commenting', 'linking']) assert.ok(purposes.has(p), p);
  });
});

describe('export: brat standoff', () => {
  function bratOf(a: ExportArticle): { ann: string; txt: string; files: string[] } {
    const out = exportArticle('brat', a) as ExportFiles;
    const get = (p: string): string => out.files.find((f) => f.path === p)!.content;
    return { ann: get('news/article.ann'), txt: get('news/article.txt'), files: out.files.map((f) => f.path) };
  }

  it('re-reads every text-bound line against the text in code points', () => {
    const a = fixtureArticle();
    const { ann, txt, files } = bratOf(a);
    assert.ok(files.includes('annotation.conf'));
    assert.strictEqual(txt, a.text);
    const tLines = ann.split('\n').filter((l) => l.startsWith('T'));
    assert.strictEqual(tLines.length, acceptedIds(a).length);
    for (const l of tLines) {
      const [, typeOffsets, quote] = l.split('\t') as [string, string, string];
      const [, offs] = /^\S+ (.*)$/.exec(typeOffsets)!;
      const frags = offs!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      assert.strictEqual(frags.map(([s, e]) => cpSlice(txt, s, e)).join(' '), quote);
    }
    assert.match(ann, /^A\d+\tVerdict T\d+ misleading$/m);
    assert.match(ann, /^R\d+\tclaimant_of Arg1:T\d+ Arg2:T\d+$/m);
    assert.match(ann, /^#\d+\tAnnotatorNotes T\d+\tرسم بياني في النص الأصلي$/m);
  });

  it('splits a span across a line break into fragments', () => {
    const text = '😀 قال الوزير\nإن الخطة نجحت';
    const start = text.indexOf('الوزير');
    const end = text.indexOf('الخطة');
    const r: AnnotationRecord = {
      id: 'c1', kind: 'claim', label: 'CLAIM', status: 'accepted',
      target: { start, end: end + 5, exact: text.slice(start, end + 5), prefix: '', suffix: '' },
    };
    const ann = bratAnn(prepareArticle({ path: 'x.txt', text, records: [r] }, {}));
    assert.strictEqual(ann, 'T1\tCLAIM 6 12;13 21\tالوزير إن الخطة\n');
    const back = parseBrat(ann, text);
    assert.deepStrictEqual([back.records[0]!.target.start, back.records[0]!.target.end], [start, end + 5]);
  });

  it('refuses an article path that leaves the export folder', () => {
    const a = fixtureArticle();
    assert.throws(() => exportArticle('brat', { ...a, path: '../../etc/article.txt' }), /leaves the export folder/);
  });
});

describe('export: CoNLL BIO', () => {
  it('re-joins to the text without whitespace and tags whole tokens', () => {
    const a = fixtureArticle();
    const conll = str('conll', a);
    const lines = conll.split('\n');
    assert.strictEqual(lines[0], '-DOCSTART-\tO\tO');
    const rows = lines.filter((l) => l !== '' && !l.startsWith('-DOCSTART-')).map((l) => l.split('\t'));
    for (const r of rows) assert.strictEqual(r.length, 3);
    assert.strictEqual(rows.map((r) => r[0]).join(''), a.text.replace(/\s+/g, ''));
    const tag = (tok: string): string[] => rows.find((r) => r[0] === tok)!.slice(1);
    assert.deepStrictEqual(tag('سالم'), ['B-PERS', 'O']);
    assert.deepStrictEqual(tag('العتيبي'), ['I-PERS', 'O']);
    assert.deepStrictEqual(tag('الرياض'), ['B-LOC', 'O']);
    assert.deepStrictEqual(tag('120'), ['O', 'B-QUANTITY']);
    assert.deepStrictEqual(tag('ريال'), ['O', 'I-MONEY']);
    assert.deepStrictEqual(tag('خبر'), ['O', 'O'], 'a rejected entity is not tagged');
    // Four lines, so four sentences: blank lines between them.
    assert.strictEqual(conll.split('\n\n').length - 2, 4);
  });

  it('tags the whole token when a clitic precedes the entity (ANERcorp convention)', () => {
    const text = 'وصل الوفد وبغداد هادئة';
    const start = text.indexOf('بغداد');
    const r: AnnotationRecord = { id: 'e1', kind: 'entity', label: 'LOC', status: 'accepted', target: { start, end: start + 5, exact: 'بغداد', prefix: '', suffix: '' } };
    const conll = str('conll', { path: 'x.txt', text, records: [r] });
    assert.ok(conll.includes('وبغداد\tB-LOC\tO\n'));
  });
});

interface ClaimReviewJson {
  '@context': string;
  '@type': string;
  claimReviewed: string;
  url: string;
  datePublished: string;
  author: unknown;
  reviewRating: unknown;
  itemReviewed: { '@type': string; author: unknown; datePublished: string; appearance: unknown };
}

describe('export: ClaimReview', () => {
  it('has the fields Google Fact Check tools require, one per rated claim', () => {
    const a = fixtureArticle();
    const reviews = JSON.parse(str('claimreview', a, { includeSuggestions: true })) as ClaimReviewJson[];
    assert.strictEqual(reviews.length, 1, 'c2 is not rated, c1 is');
    const r = reviews[0]!;
    assert.strictEqual(r['@context'], 'https://schema.org');
    assert.strictEqual(r['@type'], 'ClaimReview');
    assert.strictEqual(r.claimReviewed, 'نسبة الإقبال ارتفعت بأكثر من 35 في المئة مقارنة بالعام الماضي');
    assert.strictEqual(r.url, 'https://factcheck.example.org/reviews/screening-35');
    assert.match(r.datePublished, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepStrictEqual(r.author, { '@type': 'Organization', name: 'فريق التحقق' });
    assert.deepStrictEqual(r.reviewRating, { '@type': 'Rating', alternateName: 'مضلل', ratingValue: 3, bestRating: 5, worstRating: 1 });
    assert.strictEqual(r.itemReviewed['@type'], 'Claim');
    assert.deepStrictEqual(r.itemReviewed.author, { '@type': 'Person', name: 'سالم العتيبي' });
    assert.strictEqual(r.itemReviewed.datePublished, '2025-01-14');
    assert.deepStrictEqual(r.itemReviewed.appearance, { '@type': 'CreativeWork', url: 'https://news.example.org/2025/01/health-screening' });
  });

  it('refuses a rated claim with no fact-check URL, naming it (the article URL is where the claim appeared, not the review)', () => {
    const a = fixtureArticle();
    const records = a.records.map((r) => (r.id === 'c1' ? { ...r, claim: { ...r.claim, review: undefined } } : r));
    assert.throws(() => exportArticle('claimreview', { ...a, records }), (e: unknown) => e instanceof ExportError && e.annotationId === 'c1' && /fact-check/.test(e.message));
  });
});

describe('export: reports', () => {
  const hostile = (a: ExportArticle): ExportArticle => ({
    ...a,
    records: a.records.map((r) => (r.id === 'c1' ? { ...r, note: '<script>alert(1)</script> | **x**' } : r)),
  });

  it('Markdown: Arabic headings, verdicts, evidence, figures table, entity index, escaped and isolated', () => {
    const md = str('report-md', hostile(fixtureArticle()));
    for (const s of ['# تقرير خبر', '### الادعاءات (1)', '### الأرقام (4)', '### فهرس الكيانات', 'الحكم: **\u2068مضلل\u2069**', '<https://data.example.org/screening-2024.csv>', '| \u2068120 ألف شخص\u2069 | كمية |', '| \u2068سالم العتيبي\u2069 | شخص | 1 |']) {
      assert.ok(md.includes(s), s);
    }
    assert.ok(!md.includes('<script>'));
    assert.ok(md.includes('&lt;script&gt;'));
  });

  it('HTML: right-to-left, no scripts, everything escaped', () => {
    const html = str('report-html', hostile(fixtureArticle()));
    assert.match(html, /<html dir="rtl" lang="ar">/);
    assert.ok(!/<script/i.test(html));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('مضلل'));
    assert.ok(html.includes('<a href="https://factcheck.example.org/reviews/screening-35"'));
    assert.strictEqual((html.match(/<table>/g) ?? []).length, 2);
  });

  it('never turns a javascript: URL into a link', () => {
    const a = fixtureArticle();
    const records = a.records.map((r) => (r.id === 'c1' ? { ...r, claim: { ...r.claim, evidence: ['javascript:alert(1)'] } } : r));
    const html = str('report-html', { ...a, records });
    assert.ok(!html.includes('href="javascript'));
  });
});

describe('export: streaming several articles', () => {
  function articles(n: number): ExportArticle[] {
    const a = fixtureArticle();
    return Array.from({ length: n }, (_, i) => ({ ...a, path: `news/a${i}.txt` }));
  }

  for (const format of EXPORT_FORMATS) {
    it(`${format}: the stream of one article equals exportArticle`, async () => {
      const a = fixtureArticle();
      let out = '';
      const files: string[] = [];
      await exportStream(format, [a], { write: (c) => void (out += c), writeFile: (p) => void files.push(p) });
      const single = exportArticle(format, a);
      if (typeof single === 'string') {
        if (format === 'json') assert.deepStrictEqual(JSON.parse(out), [JSON.parse(single)]);
        else assert.strictEqual(out, single);
      } else assert.deepStrictEqual(files, single.files.map((f) => f.path));
    });
  }

  it('JSON-shaped formats stay valid JSON over many articles, and a bad article is skipped and named', async () => {
    const list = articles(3);
    list[1] = { ...list[1]!, records: list[1]!.records.map((r) => (r.id === 'e1' ? { ...r, target: { ...r.target, exact: 'x' } } : r)) };
    for (const format of ['json', 'w3c', 'claimreview'] as const) {
      let out = '';
      const res = await exportStream(format, list, { write: (c) => void (out += c), writeFile: () => undefined });
      assert.doesNotThrow(() => JSON.parse(out), format);
      assert.strictEqual(res.articles, 2);
      assert.strictEqual(res.failures.length, 1);
      assert.strictEqual(res.failures[0]!.annotationId, 'e1');
    }
  });

  it('writes each article before reading the next (bounded memory on big folders)', async () => {
    const a = fixtureArticle();
    let writes = 0;
    const writesWhenPulled: number[] = [];
    async function* pull(): AsyncGenerator<ExportArticle> {
      for (let i = 0; i < 5; i++) {
        writesWhenPulled.push(writes);
        yield { ...a, path: `a${i}.txt` };
      }
    }
    await exportStream('doccano', pull(), { write: () => void writes++, writeFile: () => undefined });
    assert.deepStrictEqual(writesWhenPulled, [0, 1, 2, 3, 4]);
  });

  it('stops when cancelled and still closes the output', async () => {
    let out = '';
    let n = 0;
    const res = await exportStream('json', articles(10), { write: (c) => void (out += c), writeFile: () => undefined }, { isCancelled: () => n >= 2, onProgress: () => void n++ });
    assert.ok(res.cancelled);
    assert.strictEqual((JSON.parse(out) as unknown[]).length, 2);
  });
});

describe('export: detections of an article without a sidecar', () => {
  it('become suggestions that export only with includeSuggestions, and all verify', () => {
    const a = fixtureArticle();
    // Figures only: they need no trained model, and the point here is the conversion, not the recognisers.
    const figures = detect(a.text, { kinds: new Set(['figure']) });
    const person = a.text.indexOf('سالم العتيبي');
    const claimStart = a.text.indexOf('وقال');
    const claimEnd = a.text.indexOf('.', claimStart);
    const entity: Detection = { kind: 'entity', label: 'PER', start: person, end: person + 12, text: 'سالم العتيبي' };
    const claimDetection: Detection = {
        kind: 'claim', label: 'CLAIM', start: claimStart, end: claimEnd, text: a.text.slice(claimStart, claimEnd),
        claimant: { start: person, end: person + 12, text: 'سالم العتيبي' }, cue: 'قال', checkWorthiness: 0.8,
    };
    const detections = [...figures, entity, claimDetection].sort(compareSpans);
    const records = detectionsToRecords(a.text, detections);
    assert.ok(figures.length > 0);
    assert.ok(records.every((r) => r.status === 'suggested'));
    const claim = records.find((r) => r.kind === 'claim')!;
    const entityRecord = records.find((r) => r.kind === 'entity')!;
    assert.strictEqual(claim.claim?.claimant?.ref, entityRecord.id, 'a claim that starts before its claimant still links to it');
    assert.strictEqual(prepareArticle({ ...a, records }, {}).records.length, 0);
    for (const format of EXPORT_FORMATS) assert.doesNotThrow(() => exportArticle(format, { ...a, records }, { includeSuggestions: true }), format);
  });
});

describe('export: safe relative paths', () => {
  const ok: Array<[string, string]> = [['a.txt', 'a.txt'], ['news/a.txt', 'news/a.txt'], ['./news//a.txt', 'news/a.txt'], ['news\\a.txt', 'news/a.txt']];
  const bad = ['../a.txt', 'news/../../a.txt', '/etc/passwd', 'C:\\x.txt', 'file:///etc/passwd', '', 'a\0b', './x:y', 'news/.. /a.txt', 'news/.../a.txt', 'a.txt:stream', 'a\u0001b'];
  for (const [p, want] of ok) it(`accepts ${JSON.stringify(p)}`, () => assert.strictEqual(safeRelativePath(p), want));
  for (const p of bad) it(`refuses ${JSON.stringify(p)}`, () => assert.throws(() => safeRelativePath(p)));
});
