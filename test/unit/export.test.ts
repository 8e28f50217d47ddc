import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseBrat } from '../../src/core/import/brat';
import { parseDoccanoSource } from '../../src/core/import/jsonl';
import { detect } from '../../src/core/detect';
import { bratAnn } from '../../src/core/export/brat';
import { shortClaim } from '../../src/core/export/claimReview';
import { CSV_COLUMNS, neutraliseFormula, parseCsv, restoreFormula } from '../../src/core/export/csv';
import { detectionsToRecords } from '../../src/core/export/fromDetections';
import { exportArticle, exportStream } from '../../src/core/export/exportStream';
import { CodePointIndex } from '../../src/core/export/offsets';
import { safeRelativePath } from '../../src/core/export/paths';
import { labelStudioConfig } from '../../src/core/export/labelStudio';
import { prepareArticle } from '../../src/core/export/prepare';
import { frontMatterUrl } from '../../src/core/export/articleUrl';
import { articleHeading } from '../../src/core/export/report';
import { isGeneratedReport, REPORT_MARKER } from '../../src/core/export/reportMarker';
import { sha256Hex } from '../../src/core/sidecar/format';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { serializeSidecar } from '../../src/core/sidecar/serialize';
import { syncWithArticle } from '../../src/core/sidecar/sync';
import { EXPORT_FORMATS, ExportError, type ExportArticle, type ExportFiles, type ExportFormat } from '../../src/core/export/types';
import type { AnnotationRecord } from '../../src/core/annotationRecord';
import { compareSpans, type Detection } from '../../src/core/types';
import { bratProblems, claimReviewProblems, conlleval, htmlReportProblems, labelStudioProblems, pasteTags, prodigyProblems, w3cProblems } from './exportCheckers';
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

describe('export: doccano / Prodigy / Label Studio', () => {
  it('doccano offsets are UTF-16 code units: JavaScript slicing (doccano\'s editor) gives the quoted text', () => {
    const a = fixtureArticle();
    const line = JSON.parse(str('doccano', a).trim()) as { text: string; label: Array<[number, number, string]> };
    assert.strictEqual(line.text, a.text);
    assert.strictEqual(line.label.length, acceptedIds(a).length);
    const byQuote = new Map(a.records.map((r) => [r.target.exact + r.label, r]));
    let afterEmoji = 0;
    for (const [s, e, l] of line.label) {
      const r = byQuote.get(line.text.slice(s, e) + l);
      assert.ok(r, `span ${s}..${e} ${l} matches a record`);
      if (Array.from(line.text.slice(0, s)).length !== s) afterEmoji++;
    }
    assert.ok(afterEmoji > 0, 'the fixture has spans after an astral emoji');
  });

  // What doccano's editor does with a line: `text.slice(start, end)` in JavaScript must be the span.
  const emojiCases: Array<[string, string]> = [
    ['astral emoji', '😀 زار محمد بغداد'],
    ['ZWJ family', '👨‍👩‍👧‍👦 زار محمد بغداد'],
    ['flag', '🇸🇦🇮🇶 زار محمد بغداد'],
    ['skin tone and variation selector', '👍🏽 ❤️ زار محمد بغداد'],
    ['mathematical letter', '𝔸𝔹 زار محمد بغداد'],
  ];
  for (const [name, text] of emojiCases) {
    it(`doccano: a span after an emoji slices right in JavaScript and imports back (${name})`, () => {
      const span = (w: string, label: AnnotationRecord['label'], id: string): AnnotationRecord => {
        const start = text.indexOf(w);
        return { id, kind: 'entity', label, status: 'accepted', target: { start, end: start + w.length, exact: w, prefix: '', suffix: '' } };
      };
      const records = [span('محمد', 'PER', 'e1'), span('بغداد', 'LOC', 'e2')];
      const out = str('doccano', { path: 'x.txt', text, records });
      const line = JSON.parse(out) as { text: string; label: Array<[number, number, string]> };
      assert.deepStrictEqual(line.label.map(([s, e, l]) => [line.text.slice(s, e), l]), [['محمد', 'PER'], ['بغداد', 'LOC']]);
      const [doc] = parseDoccanoSource(out);
      assert.deepStrictEqual(doc!.warnings, []);
      assert.deepStrictEqual(doc!.records.map((r) => [r.target.start, r.target.end, r.label]), records.map((r) => [r.target.start, r.target.end, r.label]));
    });
  }

  type ProdigyTask = Parameters<typeof prodigyProblems>[0];

  it('Prodigy tokens and spans agree with the text', () => {
    const a = fixtureArticle();
    const t = JSON.parse(str('prodigy', a, { includeSuggestions: true }).trim()) as ProdigyTask;
    assert.deepStrictEqual(prodigyProblems(t), []);
    const person = t.spans.find((s) => s.label === 'PER')!;
    assert.strictEqual(t.tokens.slice(person.token_start, person.token_end + 1).map((x) => x.text).join(' '), 'سالم العتيبي');
  });

  it('Prodigy: a span starting inside a token (و128, الـ32) gets its own tokens', () => {
    const text = '🇸🇦 ارتفع العدد إلى و128 ألفا والـ32 بالمئة';
    const span = (w: string, label: AnnotationRecord['label'], id: string): AnnotationRecord => {
      const start = text.indexOf(w);
      return { id, kind: 'figure', label, status: 'accepted', target: { start, end: start + w.length, exact: w, prefix: '', suffix: '' } };
    };
    const records = [span('128 ألفا', 'NUMBER', 'f1'), span('32 بالمئة', 'PERCENT', 'f2')];
    const t = JSON.parse(str('prodigy', { path: 'x.txt', text, records })) as ProdigyTask;
    assert.deepStrictEqual(prodigyProblems(t), []);
    const words = t.tokens.map((x) => x.text);
    assert.deepStrictEqual(words.slice(words.indexOf('و'), words.indexOf('و') + 2), ['و', '128']);
    assert.ok(words.includes('والـ') && words.includes('32'));
    const wa = t.tokens.find((x) => x.text === 'و')! as { ws?: boolean };
    assert.strictEqual(wa.ws, false, 'no space between و and 128');
    // The checker is not a rubber stamp: the old whole-token span is refused.
    const old = { ...t, tokens: t.tokens.filter((x) => x.text !== 'و').map((x, i) => ({ ...x, id: i })) };
    assert.ok(prodigyProblems(old).length > 0);
  });

  it('Label Studio: annotations for reviewed spans, predictions for suggestions', () => {
    const a = fixtureArticle();
    type Res = { value: { start: number; end: number; text: string; labels: string[] } };
    const [t] = JSON.parse(str('labelstudio', a, { includeSuggestions: true })) as Array<{
      data: { text: string };
      annotations: Array<{ result: Res[] }>;
      predictions: Array<{ result: Res[] }>;
    }>;
    assert.strictEqual(t!.annotations[0]!.result.length, acceptedIds(a).length);
    assert.deepStrictEqual(t!.predictions[0]!.result.map((r) => r.value.text).sort(), ['البرنامج سيشمل مدينة جدة والمنطقة الشرقية قبل نهاية العام', 'المنطقة الشرقية'].sort());
    const [without] = JSON.parse(str('labelstudio', a)) as Array<{ predictions?: unknown }>;
    assert.strictEqual(without!.predictions, undefined);
  });

  it('Label Studio: a folder is one JSON array of tasks that the shipped labelling config accepts', async () => {
    const config = fs.readFileSync(path.resolve(__dirname, '../../../schemas/labelstudio-config.xml'), 'utf8');
    assert.strictEqual(config, labelStudioConfig(), 'schemas/labelstudio-config.xml is generated from the label vocabulary');
    const a = fixtureArticle();
    const emoji = { path: 'b.txt', text: '👨‍👩‍👧 🇸🇦 زار محمد بغداد', records: [] as AnnotationRecord[] };
    const start = emoji.text.indexOf('محمد');
    emoji.records = [{ id: 'e1', kind: 'entity', label: 'PER', status: 'accepted', target: { start, end: start + 4, exact: 'محمد', prefix: '', suffix: '' } }];
    let out = '';
    await exportStream('labelstudio', [a, emoji, { ...a, path: 'c.txt' }], { write: (c) => void (out += c), writeFile: () => undefined }, { includeSuggestions: true });
    const tasks = JSON.parse(out) as unknown[];
    assert.ok(Array.isArray(tasks) && tasks.length === 3);
    assert.deepStrictEqual(labelStudioProblems(config, out), []);
    // The checker is not a rubber stamp.
    const bad = out.replace('"labels":["PER"]', '"labels":["PERSON"]').replace('"from_name":"label"', '"from_name":"ner"');
    assert.strictEqual(labelStudioProblems(config, bad).length, 2);
    const empty = await (async () => {
      let o = '';
      await exportStream('labelstudio', [], { write: (c) => void (o += c), writeFile: () => undefined });
      return o;
    })();
    assert.deepStrictEqual(JSON.parse(empty), []);
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
  type Coll = Record<string, unknown> & { id: string; first: { id: string; type: string; items: Array<Record<string, unknown>> } };

  it('passes the web-annotation-tests rules: absolute ids everywhere, code point positions', () => {
    const a = fixtureArticle();
    const coll = JSON.parse(str('w3c', a)) as Coll;
    assert.deepStrictEqual(w3cProblems(coll), []);
    assert.strictEqual(coll.id, 'https://news.example.org/2025/01/health-screening#khabar-annotations');
    assert.strictEqual(coll.first.id, 'https://news.example.org/2025/01/health-screening#khabar-annotations-page1');
    assert.strictEqual(coll.total, acceptedIds(a).length);
    const purposes = new Set<string>();
    for (const item of coll.first.items) {
      assert.match(String(item.id), /^https:\/\/news\.example\.org\/2025\/01\/health-screening#khabar-/);
      const target = item.target as { source: string; selector: Array<Record<string, unknown>> };
      assert.strictEqual(target.source, a.url);
      const quote = target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const pos = target.selector.find((s) => s.type === 'TextPositionSelector')!;
      assert.strictEqual(cpSlice(a.text, pos.start as number, pos.end as number), quote.exact);
      for (const b of item.body as Array<Record<string, unknown>>) purposes.add(String(b.purpose));
    }
    for (const p of ['classifying', 'assessing', 'commenting', 'linking']) assert.ok(purposes.has(p), p);
  });

  it('without an article URL: a clear error naming the article, never relative ids', async () => {
    const a = { ...fixtureArticle(), url: undefined };
    assert.throws(() => exportArticle('w3c', a), (e: unknown) => e instanceof ExportError && e.article === a.path && /URL/.test(e.message) && /--base-url/.test(e.message));
    let out = '';
    const res = await exportStream('w3c', [a], { write: (c) => void (out += c), writeFile: () => undefined });
    assert.strictEqual(out, '', 'nothing is written when no id can be made');
    assert.strictEqual(res.failures.length, 1);
    // A javascript: or relative "URL" is no URL.
    assert.throws(() => exportArticle('w3c', { ...a, url: 'javascript:alert(1)' }), /URL/);
  });

  it('a base URL gives each article base + path; the collection takes the base', () => {
    const a = { ...fixtureArticle(), url: undefined, path: 'iraq/مقال 1.txt' };
    const coll = JSON.parse(str('w3c', a, { baseUrl: 'https://news.example.org/articles' })) as Coll;
    assert.deepStrictEqual(w3cProblems(coll), []);
    assert.strictEqual(coll.id, 'https://news.example.org/articles#khabar-annotations');
    const source = (coll.first.items[0]!.target as { source: string }).source;
    assert.strictEqual(source, 'https://news.example.org/articles/iraq/%D9%85%D9%82%D8%A7%D9%84%201.txt');
    assert.strictEqual(coll.first.items[0]!.id, `${source}#khabar-${(coll.first.items[0]!.id as string).split('#khabar-')[1]}`);
  });

  it('dates are full xsd:dateTime; text evidence is a TextualBody; javascript: and data: are never written', () => {
    const a = fixtureArticle();
    const records = a.records.map((r) =>
      r.id === 'c1'
        ? { ...r, created: '2025-01-15', modified: '2025-01-16T10:05', claim: { ...r.claim, evidence: ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'تقرير الوزارة لعام 2024', 'https://data.example.org/x.csv'] } }
        : r,
    );
    const coll = JSON.parse(str('w3c', { ...a, records })) as Coll;
    assert.deepStrictEqual(w3cProblems(coll), []);
    const c1 = coll.first.items.find((i) => String(i.id).endsWith('#khabar-c1'))!;
    assert.strictEqual(c1.created, '2025-01-15T00:00:00Z');
    assert.strictEqual(c1.modified, '2025-01-16T10:05:00Z');
    const bodies = c1.body as Array<Record<string, unknown>>;
    assert.ok(bodies.some((b) => b.type === 'TextualBody' && b.value === 'تقرير الوزارة لعام 2024'));
    assert.ok(bodies.some((b) => b.type === 'SpecificResource' && b.source === 'https://data.example.org/x.csv'));
    const json = JSON.stringify(coll);
    assert.ok(!/javascript:|data:text/.test(json));
    // The checker is not a rubber stamp.
    assert.ok(w3cProblems({ ...coll, id: 'news/a.txt#x' }).length > 0);
  });
});

describe('sidecar document.url (the article URL exports use)', () => {
  const base = (url: string): string => `khabar: 1\ndocument:\n  path: a.txt\n  sha256: ${sha256Hex('نص')}\n  length: 2\n  url: ${url}\nannotations: []\n`;
  it('reads an http(s) URL, refuses any other', () => {
    const ok = parseSidecar(base('https://news.example.org/a'));
    assert.ok(ok.ok && ok.data.document.url === 'https://news.example.org/a');
    for (const bad of ['javascript:alert(1)', 'news/a.txt', '"data:text/html,x"']) assert.ok(!parseSidecar(base(bad)).ok, bad);
  });
  it('is kept when the block is rewritten (article renamed, version 1 migrated to 2)', () => {
    const r = parseSidecar(base('https://news.example.org/a'));
    assert.ok(r.ok);
    const synced = syncWithArticle(r.data, 'نص جديد', 'b.txt');
    assert.ok(synced.changed);
    assert.strictEqual(synced.data.document.url, 'https://news.example.org/a');
    assert.match(serializeSidecar(synced.data), /^khabar: 2\ndocument:\n  path: b\.txt\n  url: https:\/\/news\.example\.org\/a\nannotations: \[\]\n$/);
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

  it("brat's checker is silent: claims hold names and figures, names and figures overlap, notes anywhere", () => {
    const a = fixtureArticle();
    const out = exportArticle('brat', a, { includeSuggestions: true }) as ExportFiles;
    const conf = out.files.find((f) => f.path === 'annotation.conf')!.content;
    const ann = out.files.find((f) => f.path === 'news/article.ann')!.content;
    assert.deepStrictEqual(bratProblems(conf, ann), []);
    // Every overlap Khabar makes, on a text with an emoji and a claim across a line break.
    const text = '😀 قال وزير مالية 2024 إن\nالعجز بلغ 5 في المئة';
    const at = (w: string, from = 0): [number, number] => {
      const s = text.indexOf(w, from);
      return [s, s + w.length];
    };
    const rec = (id: string, kind: AnnotationRecord['kind'], label: AnnotationRecord['label'], [start, end]: [number, number]): AnnotationRecord => ({
      id, kind, label, status: 'accepted', target: { start, end, exact: text.slice(start, end), prefix: '', suffix: '' },
    });
    const records: AnnotationRecord[] = [
      rec('c1', 'claim', 'CLAIM', [text.indexOf('وزير'), text.length]),
      rec('c2', 'claim', 'QUOTE', [text.indexOf('العجز'), text.length]),
      rec('e1', 'entity', 'ORG', at('وزير مالية 2024')),
      rec('f1', 'figure', 'DATE', at('2024')),
      rec('f2', 'figure', 'PERCENT', at('5 في المئة')),
      rec('n1', 'note', 'NOTE', [0, text.indexOf('العجز') + 2]),
    ];
    records[0]!.claim = { verdict: 'misleading', claimant: { text: 'وزير مالية 2024', ref: 'e1' } };
    const made = records;
    const conf2 = (exportArticle('brat', { path: 'x.txt', text, records: made }) as ExportFiles).files.find((f) => f.path === 'annotation.conf')!.content;
    const ann2 = bratAnn(prepareArticle({ path: 'x.txt', text, records: made }, {}));
    assert.deepStrictEqual(bratProblems(conf2, ann2), []);
    // The checker is not a rubber stamp: two names overlapping, and the old conf without <OVERLAP>.
    const overlappingNames = bratAnn(prepareArticle({ path: 'x.txt', text, records: [...made, rec('e3', 'entity', 'PER', at('مالية'))] }, {}));
    assert.match(bratProblems(conf2, overlappingNames).join('\n'), /PER cannot be contained in ORG/);
    const noOverlapRules = conf2.split('\n').filter((l) => !l.startsWith('<OVERLAP>')).join('\n');
    assert.ok(bratProblems(noOverlapRules, ann2).some((p) => /CLAIM cannot contain/.test(p)));
  });

  it('annotation.conf lists the configured verdicts', () => {
    const a = fixtureArticle();
    const verdicts = [{ key: 'checked', label: 'مؤكد', labelEn: 'Checked', rating: 5 }, { key: 'misleading', label: 'مضلل', labelEn: 'Misleading', rating: 2 }];
    const out = exportArticle('brat', a, { verdicts }) as ExportFiles;
    assert.match(out.files.find((f) => f.path === 'annotation.conf')!.content, /^Verdict\tArg:CLAIM\|QUOTE, Value:checked\|misleading$/m);
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
    assert.strictEqual(ann, 'T1\tCLAIM 6 12;13 21\tالوزير إن الخطة\n#1\tKhabarRecord T1\t{"id":"c1","status":"accepted"}\n');
    const back = parseBrat(ann, text);
    assert.deepStrictEqual([back.records[0]!.target.start, back.records[0]!.target.end], [start, end + 5]);
  });

  it('refuses an article path that leaves the export folder', () => {
    const a = fixtureArticle();
    assert.throws(() => exportArticle('brat', { ...a, path: '../../etc/article.txt' }), /leaves the export folder/);
  });
});

describe('export: CoNLL BIO', () => {
  const rowsOf = (conll: string): string[][] => conll.split('\n').filter((l) => l !== '' && !l.startsWith('-DOCSTART-')).map((l) => l.split(' '));

  it('two columns `token TAG`, re-joining to the text, whole tokens tagged', () => {
    const a = fixtureArticle();
    const conll = str('conll', a);
    const lines = conll.split('\n');
    assert.strictEqual(lines[0], '-DOCSTART-\tnews/article.txt O');
    const rows = rowsOf(conll);
    for (const r of rows) assert.strictEqual(r.length, 2, r.join(' '));
    assert.strictEqual(rows.map((r) => r[0]).join(''), a.text.replace(/\s+/g, ''));
    const tag = (tok: string): string => rows.find((r) => r[0] === tok)![1]!;
    assert.strictEqual(tag('سالم'), 'B-PERS');
    assert.strictEqual(tag('العتيبي'), 'I-PERS');
    assert.strictEqual(tag('الرياض'), 'B-LOC');
    assert.strictEqual(tag('120'), 'O', 'figures are not in the entity file');
    assert.strictEqual(tag('خبر'), 'O', 'a rejected entity is not tagged');
    // Four lines, so four sentences: blank lines between them.
    assert.strictEqual(conll.split('\n\n').length - 2, 4);
  });

  it('figures only through their own format, in the same two columns', () => {
    const a = fixtureArticle();
    const rows = rowsOf(str('conll-figures', a));
    for (const r of rows) assert.strictEqual(r.length, 2);
    const tag = (tok: string): string => rows.find((r) => r[0] === tok)![1]!;
    assert.strictEqual(tag('120'), 'B-QUANTITY');
    assert.strictEqual(tag('ريال'), 'I-MONEY');
    assert.strictEqual(tag('سالم'), 'O');
  });

  it('conlleval reads it against another file: every entity a phrase, none from the document line', () => {
    const a = fixtureArticle();
    const gold = str('conll', a);
    const entities = prepareArticle(a, {}).records.filter((r) => r.kind === 'entity').length;
    const self = conlleval(pasteTags(gold, gold));
    assert.strictEqual(self.goldPhrases, entities);
    assert.strictEqual(self.correctPhrases, entities);
    // A tagger that missed the first entity: one phrase fewer found, the rest correct.
    const firstEntity = prepareArticle(a, {}).records.find((r) => r.kind === 'entity')!;
    const guess = str('conll', { ...a, records: a.records.filter((r) => r.id !== firstEntity.id) });
    const res = conlleval(pasteTags(gold, guess));
    assert.deepStrictEqual([res.goldPhrases, res.guessedPhrases, res.correctPhrases], [entities, entities - 1, entities - 1]);
  });

  it('mixes with ANERcorp: the same number of fields on every line, one evaluation over both', () => {
    const a = fixtureArticle();
    const anercorp = 'فرانكفورت B-LOC\n(د O\nب O\nأ) O\nأعلن O\nاتحاد B-ORG\nصناعة I-ORG\n';
    const both = anercorp + '\n' + str('conll', a) + str('conll', { ...a, path: 'other folder/100% new.txt' });
    const res = conlleval(pasteTags(both, both));
    assert.strictEqual(res.correctPhrases, res.goldPhrases);
    assert.ok(both.includes('-DOCSTART-\tother%20folder/100%25%20new.txt O\n'), 'a name with spaces stays one field');
  });

  it('refuses what conlleval refuses (the checker is strict): a third column', () => {
    assert.throws(() => conlleval('a O O\nb O\n'), /unexpected number of features/);
  });

  const emoji: Array<[string, string]> = [
    ['flag', '🇸🇦'],
    ['ZWJ family', '👨‍👩‍👧‍👦'],
    ['skin tone', '👍🏽'],
    ['keycap', '1️⃣'],
    ['heart with variation selector', '❤️'],
  ];
  for (const [name, e] of emoji) {
    it(`one token per grapheme cluster: ${name}`, () => {
      const text = `زار محمد ${e} بغداد ${e}${e}`;
      const start = text.indexOf('بغداد');
      const r: AnnotationRecord = { id: 'e1', kind: 'entity', label: 'LOC', status: 'accepted', target: { start, end: start + 5, exact: 'بغداد', prefix: '', suffix: '' } };
      const rows = rowsOf(str('conll', { path: 'x.txt', text, records: [r] }));
      const segs = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(e)];
      assert.strictEqual(segs.length, 1, 'the case is one grapheme');
      assert.deepStrictEqual(rows.map((x) => x[0]), ['زار', 'محمد', e, 'بغداد', e, e]);
      assert.deepStrictEqual(rows.map((x) => x[1]), ['O', 'O', 'O', 'B-LOC', 'O', 'O']);
    });
  }

  it('tags the whole token when a clitic precedes the entity (ANERcorp convention)', () => {
    const text = 'وصل الوفد وبغداد هادئة';
    const start = text.indexOf('بغداد');
    const r: AnnotationRecord = { id: 'e1', kind: 'entity', label: 'LOC', status: 'accepted', target: { start, end: start + 5, exact: 'بغداد', prefix: '', suffix: '' } };
    const conll = str('conll', { path: 'x.txt', text, records: [r] });
    assert.ok(conll.includes('\nوبغداد B-LOC\n'));
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
    assert.deepStrictEqual(r.reviewRating, { '@type': 'Rating', name: 'مضلل', alternateName: 'مضلل', ratingValue: 3, bestRating: 5, worstRating: 1 });
    assert.deepStrictEqual(claimReviewProblems(r as unknown as Record<string, unknown>), []);
    assert.strictEqual(r.itemReviewed['@type'], 'Claim');
    assert.deepStrictEqual(r.itemReviewed.author, { '@type': 'Person', name: 'سالم العتيبي' });
    assert.strictEqual(r.itemReviewed.datePublished, '2025-01-14');
    assert.deepStrictEqual(r.itemReviewed.appearance, { '@type': 'CreativeWork', url: 'https://news.example.org/2025/01/health-screening' });
  });

  it('skips only the incomplete review, naming it, and writes the others', async () => {
    const a = fixtureArticle();
    const c1 = a.records.find((r) => r.id === 'c1')!;
    const second: AnnotationRecord = { ...c1, id: 'c9', claim: { ...c1.claim, review: undefined } };
    const records = [...a.records, second];
    const skipped: ExportError[] = [];
    const reviews = JSON.parse(str('claimreview', { ...a, records }, { onSkip: (e: ExportError) => skipped.push(e) })) as ClaimReviewJson[];
    assert.strictEqual(reviews.length, 1);
    assert.deepStrictEqual(skipped.map((e) => [e.annotationId, /fact-check/.test(e.message)]), [['c9', true]]);
    let out = '';
    const res = await exportStream('claimreview', [{ ...a, records }], { write: (c) => void (out += c), writeFile: () => undefined });
    assert.strictEqual((JSON.parse(out) as unknown[]).length, 1);
    assert.deepStrictEqual([res.articles, res.failures.length, res.skipped.map((e) => e.annotationId)], [1, 0, ['c9']]);
    // A review link that is not http(s) is skipped the same way.
    const js = [...a.records.filter((r) => r.id !== 'c1'), { ...c1, claim: { ...c1.claim, review: 'javascript:alert(1)' } }];
    const none = JSON.parse(str('claimreview', { ...a, records: js }, { onSkip: (e: ExportError) => skipped.push(e) })) as unknown[];
    assert.strictEqual(none.length, 0);
    assert.match(skipped[skipped.length - 1]!.message, /not an http\(s\) URL/);
  });

  it('types the claim\'s author by the claimant\'s label: ORG is an Organization', () => {
    const a = fixtureArticle();
    const c1 = a.records.find((r) => r.id === 'c1')!;
    const ref = c1.claim!.claimant!.ref!;
    const records = a.records.map((r) => (r.id === ref ? { ...r, label: 'ORG' as const } : r));
    const [r] = JSON.parse(str('claimreview', { ...a, records })) as ClaimReviewJson[];
    assert.deepStrictEqual(r!.itemReviewed.author, { '@type': 'Organization', name: 'سالم العتيبي' });
  });

  it('a long claim is cut at a word boundary within 75 characters; the whole claim stays in itemReviewed.text', () => {
    const a = fixtureArticle();
    const c1 = a.records.find((r) => r.id === 'c1')!;
    const start = a.text.indexOf('وقال');
    const end = a.text.indexOf('.', start);
    const long: AnnotationRecord = { ...c1, target: { ...c1.target, start, end, exact: a.text.slice(start, end) } };
    assert.ok(long.target.exact.length > 75);
    const records = a.records.map((r) => (r.id === 'c1' ? long : r));
    const [r] = JSON.parse(str('claimreview', { ...a, records })) as Array<ClaimReviewJson & { itemReviewed: { text: string } }>;
    assert.deepStrictEqual(claimReviewProblems(r as unknown as Record<string, unknown>), []);
    assert.ok(r!.claimReviewed.endsWith('…'));
    const kept = r!.claimReviewed.slice(0, -1);
    assert.ok(long.target.exact.startsWith(kept) && /\s/.test(long.target.exact[kept.length]!), 'cut where a word ends');
    assert.strictEqual(r!.itemReviewed.text, long.target.exact);
    assert.strictEqual(shortClaim('قصير'), 'قصير');
  });
});

describe('export: reports', () => {
  const hostile = (a: ExportArticle): ExportArticle => ({
    ...a,
    records: a.records.map((r) => (r.id === 'c1' ? { ...r, note: '<script>alert(1)</script> | **x**' } : r)),
  });
  const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

  /**
   * An article with front matter, a Markdown headline full of markup, a dateline, Latin and bidi
   * controls in the text, and a note on every kind of annotation (entity, figure, claim, quotation, note).
   */
  function newsArticle(): ExportArticle {
    const text = [
      '---',
      'url: https://news.example.org/2025/01/hospitals',
      '---',
      '# عاجل: <img src=x onerror=alert(1)> «الوزير» & \u202Eشركة\u202C Acme </title><script>',
      'الرياض - 2025/01/14',
      'قال المتحدث سالم العتيبي إن الإقبال ارتفع 35 في المئة وإن شركة Acme ستبني 3 مستشفيات.',
      'وقال الوزير: «لن نتراجع عن القرار أبدا» ثم غادر.',
      '',
    ].join('\n');
    const at = (exact: string, from = 0): { start: number; end: number; exact: string; prefix: string; suffix: string } => {
      const start = text.indexOf(exact, from);
      assert.ok(start >= 0, exact);
      return { start, end: start + exact.length, exact, prefix: '', suffix: '' };
    };
    const body = text.indexOf('قال المتحدث');
    const rec = (id: string, kind: AnnotationRecord['kind'], label: AnnotationRecord['label'], exact: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord => ({
      id, kind, label, status: 'accepted', target: at(exact, body), ...extra,
    });
    return {
      path: 'news/hospitals.md',
      text,
      // As the CLI and the UI read it from the front matter.
      url: frontMatterUrl(text)!,
      records: [
        rec('e1', 'entity', 'PER', 'سالم العتيبي', { note: '<b>هام</b> =1+1 \u2067معزول\u2069' }),
        rec('e2', 'entity', 'ORG', 'Acme', { note: 'شركة `خاصة` | **x** </td>' }),
        rec('f1', 'figure', 'PERCENT', '35 في المئة', { value: { number: 35, unit: 'percent' }, note: 'المصدر: <script>x</script>' }),
        rec('f2', 'figure', 'NUMBER', '3', { value: { number: 3 } }),
        rec('c1', 'claim', 'CLAIM', 'الإقبال ارتفع 35 في المئة', { claim: { verdict: 'false', claimant: { text: 'سالم العتيبي', ref: 'e1' } }, note: 'لا دليل' }),
        rec('c2', 'claim', 'CLAIM', 'شركة Acme ستبني 3 مستشفيات', { note: 'ننتظر الرد' }),
        rec('q1', 'claim', 'QUOTE', 'لن نتراجع عن القرار أبدا', { claim: { claimant: { text: 'الوزير' } }, note: 'اقتباس \u202Bمباشر\u202C & <i>' }),
        rec('n1', 'note', 'NOTE', 'ثم غادر', { note: 'تحقق\u200F من التوقيت' }),
      ],
    };
  }

  it('Markdown: Arabic headings, verdicts, evidence, figures table, entity index, escaped', () => {
    const md = str('report-md', hostile(fixtureArticle()));
    for (const s of ['# تقرير خبر', '### الادعاءات (1)', '### الأرقام (4)', '### فهرس الكيانات', 'الحكم: **مضلل** (Misleading)', '<https://data.example.org/screening-2024.csv>', '| 120 ألف شخص | كمية |', '| سالم العتيبي | شخص | 1 |']) {
      assert.ok(md.includes(s), s);
    }
    assert.ok(!md.includes('<script>'));
    assert.ok(md.includes('&lt;script&gt;'));
  });

  it('Markdown: headline, dateline and URL at the top, a verdict summary, notes on every kind, no bidi controls at all', () => {
    const md = str('report-md', newsArticle());
    assert.ok(!BIDI.test(md), `bidi control at ${md.search(BIDI)}`);
    const lines = md.split('\n');
    assert.deepStrictEqual(lines.slice(0, 5), [REPORT_MARKER, '<div dir="rtl">', '', '# تقرير خبر', '']);
    assert.ok(md.endsWith('\n\n</div>\n'), 'the wrapper closes after a blank line');
    const section = lines.indexOf('## عاجل: &lt;img src=x onerror=alert(1)&gt; «الوزير» &amp; شركة Acme &lt;/title&gt;&lt;script&gt;');
    assert.ok(section > 0, 'the headline (front matter left out, markup escaped) heads the section');
    assert.deepStrictEqual(lines.slice(section + 2, section + 5), [
      '- سطر التاريخ: الرياض - 2025/01/14',
      '- الرابط: <https://news.example.org/2025/01/hospitals>',
      '- الملف: news/hospitals.md',
    ]);
    const summary = lines.indexOf('### ملخص الأحكام');
    assert.deepStrictEqual(lines.slice(summary + 2, summary + 7), [
      '| الحكم | Verdict | العدد |',
      '|---|---|---|',
      '| زائف | False | 1 |',
      '| لم يُحكم عليه بعد | Not yet rated | 1 |',
      '| المجموع | Total | 2 |',
    ]);
    for (const s of [
      '### الادعاءات (2)',
      '   - ملاحظة: لا دليل',
      '   - ملاحظة: ننتظر الرد',
      '### الاقتباسات (1)',
      '1. > لن نتراجع عن القرار أبدا',
      '   - القائل: الوزير',
      '   - ملاحظة: اقتباس مباشر &amp; &lt;i&gt;',
      '| النص | النوع | القيمة | ملاحظة |',
      '| 35 في المئة | نسبة مئوية | 35 · percent | المصدر: &lt;script&gt;x&lt;/script&gt; |',
      '| 3 | عدد | 3 |  |',
      '| الكيان | النوع | مرات الذكر | ملاحظات |',
      '| سالم العتيبي | شخص | 1 | &lt;b&gt;هام&lt;/b&gt; =1+1 معزول |',
      '| Acme | مؤسسة | 1 | شركة \\`خاصة\\` \\| \\*\\*x\\*\\* &lt;/td&gt; |',
      '- ثم غادر: تحقق من التوقيت',
    ]) {
      assert.ok(lines.includes(s), s);
    }
    assert.ok(!md.includes('الحكم: لم يُحكم عليه بعد\n   - ملاحظة: اقتباس'), 'a quotation has no verdict line');
    // Outside tables, every line of the body opens with Arabic: right to left even where the wrapper is dropped.
    for (const line of lines.slice(3)) {
      if (line === '' || line.startsWith('|') || line === '</div>') continue;
      const strong = /[A-Za-z\u0600-\u06FF]/.exec(line);
      assert.ok(strong && /[\u0600-\u06FF]/.test(strong[0]), `starts with Arabic: ${line}`);
    }
    assert.ok(isGeneratedReport(md), 'the report is recognised as Khabar output');
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

  it('HTML: parses strictly (every tag closed, no raw < from the article), titled by the headline, with dateline, URL, summary and every note', () => {
    for (const a of [hostile(fixtureArticle()), newsArticle()]) {
      const html = str('report-html', a);
      const { problems } = htmlReportProblems(html);
      assert.deepStrictEqual(problems, [], a.path);
      assert.ok(isGeneratedReport(html), a.path);
    }
    assert.strictEqual(htmlReportProblems(str('report-html', fixtureArticle())).title, '🇸🇦 الرياض – خبر — تقرير خبر');
    const html = str('report-html', newsArticle());
    const { title } = htmlReportProblems(html);
    assert.strictEqual(title, 'عاجل: &lt;img src=x onerror=alert(1)&gt; «الوزير» &amp; \u202Eشركة\u202C Acme &lt;/title&gt;&lt;script&gt; — تقرير خبر');
    for (const s of [
      '<li>سطر التاريخ: <bdi>الرياض - 2025/01/14</bdi></li>',
      '<li>الرابط: <a href="https://news.example.org/2025/01/hospitals" dir="ltr" rel="noopener noreferrer">',
      '<tr><td class="verdict verdict-false"><bdi>زائف</bdi></td><td dir="ltr">False</td><td>1</td></tr>',
      '<tr><td><bdi>لم يُحكم عليه بعد</bdi></td><td dir="ltr">Not yet rated</td><td>1</td></tr>',
      '<th>المجموع</th><th dir="ltr">Total</th><th>2</th>',
      '<h3>الاقتباسات (1)</h3>',
      '<li>ملاحظة: <bdi>لا دليل</bdi></li>',
      '<li>ملاحظة: <bdi>ننتظر الرد</bdi></li>',
      '<td><bdi>المصدر: &lt;script&gt;x&lt;/script&gt;</bdi></td>',
      '<td><bdi>شركة `خاصة` | **x** &lt;/td&gt;</bdi></td>',
      '<td><bdi>&lt;b&gt;هام&lt;/b&gt; =1+1 \u2067معزول\u2069</bdi></td>',
      '<li>ملاحظة: <bdi>اقتباس \u202Bمباشر\u202C &amp; &lt;i&gt;</bdi></li>',
      '<li><bdi>ثم غادر</bdi>: <bdi>تحقق\u200F من التوقيت</bdi></li>',
    ]) {
      assert.ok(html.includes(s), s);
    }
  });

  it('the URL comes from the article, else the base URL; a non-http URL is never a link', () => {
    const a = { ...fixtureArticle(), url: undefined } as ExportArticle;
    delete (a as { url?: string }).url;
    assert.ok(!str('report-md', a).includes('الرابط'));
    const md = str('report-md', a, { baseUrl: 'https://news.example.org/archive/' });
    assert.ok(md.includes('- الرابط: <https://news.example.org/archive/news/article.txt>'));
    assert.ok(!str('report-html', { ...a, url: 'javascript:alert(1)' }).includes('الرابط'));
  });

  it('never turns a javascript: URL into a link', () => {
    const a = fixtureArticle();
    const records = a.records.map((r) => (r.id === 'c1' ? { ...r, claim: { ...r.claim, evidence: ['javascript:alert(1)'] } } : r));
    const html = str('report-html', { ...a, records });
    assert.ok(!html.includes('href="javascript'));
  });

  it('a folder report ends with the verdict summary of all its articles, takes the folder title, and is the same every time', async () => {
    const run = async (format: 'report-md' | 'report-html'): Promise<string> => {
      let out = '';
      const list = [fixtureArticle(), newsArticle(), { ...fixtureArticle(), path: 'news/copy.txt' }];
      await exportStream(format, list, { write: (c) => void (out += c), writeFile: () => undefined }, { reportTitle: 'تقرير خبر: news' });
      return out;
    };
    const md = await run('report-md');
    assert.strictEqual(md, await run('report-md'), 'deterministic');
    assert.ok(!BIDI.test(md));
    const tail = md.slice(md.indexOf('## ملخص الأحكام في كل المقالات (3)'));
    assert.ok(tail.length < md.length, 'folder summary present');
    assert.deepStrictEqual(tail.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| الحكم')), [
      '| مضلل | Misleading | 2 |',
      '| زائف | False | 1 |',
      '| لم يُحكم عليه بعد | Not yet rated | 1 |',
      '| المجموع | Total | 4 |',
    ]);
    const html = await run('report-html');
    assert.strictEqual(html, await run('report-html'), 'deterministic');
    const checked = htmlReportProblems(html);
    assert.deepStrictEqual(checked.problems, []);
    assert.strictEqual(checked.title, 'تقرير خبر: news');
    assert.ok(html.includes('<h2>ملخص الأحكام في كل المقالات (3)</h2>'));
    assert.ok(html.includes('<th>المجموع</th><th dir="ltr">Total</th><th>4</th>'));
    // One article: no folder summary (its own summary says it all), the stream equals exportArticle.
    assert.ok(!str('report-md', fixtureArticle()).includes('في كل المقالات'));
  });

  it('knows its own reports, and nothing else, as Khabar output', () => {
    assert.ok(isGeneratedReport(str('report-md', fixtureArticle())));
    assert.ok(isGeneratedReport('\uFEFF' + str('report-md', fixtureArticle()).replace(/\n/g, '\r\n')));
    assert.ok(isGeneratedReport(str('report-html', fixtureArticle())));
    assert.ok(!isGeneratedReport(fixtureArticle().text));
    assert.ok(!isGeneratedReport(newsArticle().text));
    assert.ok(!isGeneratedReport(`مقال\n${REPORT_MARKER}\n`), 'only at the top');
  });

  it('headline and dateline as the reader lays them out', () => {
    assert.deepStrictEqual(articleHeading('# عنوان الخبر\n\nجدة - 5/6/2024\nالنص.'), { headline: 'عنوان الخبر', dateline: 'جدة - 5/6/2024' });
    assert.deepStrictEqual(articleHeading('---\ntitle: x\n---\nعنوان\nنص طويل بلا تاريخ'), { headline: 'عنوان' });
    assert.deepStrictEqual(articleHeading(''), {});
    // An article of one long paragraph: its "headline" is cut at a word for the title.
    const long = { path: 'a.txt', text: `${'كلمة '.repeat(100)}نهاية`, records: [] };
    const title = htmlReportProblems(str('report-html', long)).title!;
    assert.ok(title.length < 200 && title.startsWith('كلمة كلمة') && title.includes('… — تقرير خبر'), title);
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
