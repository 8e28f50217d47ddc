import * as assert from 'assert';
import fc from 'fast-check';
import { bratAnn } from '../../src/core/export/brat';
import { parseCsv, restoreFormula } from '../../src/core/export/csv';
import { anchorAt } from '../../src/core/export/fromDetections';
import { exportArticle } from '../../src/core/export/index';
import { prepareArticle } from '../../src/core/export/prepare';
import { EXPORT_FORMATS, type ExportArticle } from '../../src/core/export/types';
import { parseBrat } from '../../src/core/import/brat';
import { mapLabel, sidecarFor } from '../../src/core/import/common';
import { parseDoccanoSource, parseLabelStudio, parseLabelStudioSource } from '../../src/core/import/jsonl';
import type { AnnotationRecord } from '../../src/core/model';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { serializeSidecar } from '../../src/core/sidecar/serialize';
import { fixtureArticle } from './exportHelpers';

type Key = [number, number, string, string];
const spans = (records: readonly AnnotationRecord[]): Key[] =>
  records.map((r): Key => [r.target.start, r.target.end, r.label, r.status]).sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1));
const exported = (a: ExportArticle, includeSuggestions = false): Key[] => spans(prepareArticle(a, { includeSuggestions }).records);

describe('import: round trips (import → export gives the same spans)', () => {
  it('doccano', () => {
    const a = fixtureArticle();
    const [doc] = parseDoccanoSource(exportArticle('doccano', a) as string);
    assert.strictEqual(doc!.text, a.text);
    assert.strictEqual(doc!.name, a.path);
    assert.deepStrictEqual(doc!.warnings, []);
    assert.deepStrictEqual(spans(doc!.records), exported(a));
    const again = exportArticle('doccano', { path: a.path, text: doc!.text, records: doc!.records });
    assert.strictEqual(again, exportArticle('doccano', a));
  });

  it('Label Studio, with suggestions coming back as suggestions', () => {
    const a = fixtureArticle();
    const [doc] = parseLabelStudioSource(exportArticle('labelstudio', a, { includeSuggestions: true }) as string);
    assert.deepStrictEqual(spans(doc!.records), exported(a, true));
    const again = exportArticle('labelstudio', { path: a.path, text: doc!.text, records: doc!.records }, { includeSuggestions: true });
    const strip = (s: string): unknown => {
      const t = JSON.parse(s) as { annotations: Array<{ result: Array<{ id?: string }> }>; predictions: Array<{ result: Array<{ id?: string }> }> };
      for (const r of [...t.annotations[0]!.result, ...t.predictions[0]!.result]) delete r.id;
      return t;
    };
    assert.deepStrictEqual(strip(again as string), strip(exportArticle('labelstudio', a, { includeSuggestions: true }) as string));
  });

  it('brat, with verdict, note, claimant and the Suggested attribute', () => {
    const a = fixtureArticle();
    const ann = bratAnn(prepareArticle(a, { includeSuggestions: true }));
    const doc = parseBrat(ann, a.text);
    assert.deepStrictEqual(doc.warnings, []);
    assert.deepStrictEqual(spans(doc.records), exported(a, true));
    const claim = doc.records.find((r) => r.target.exact.startsWith('نسبة الإقبال'))!;
    assert.strictEqual(claim.claim?.verdict, 'misleading');
    assert.strictEqual(claim.note, 'النسبة تخص منطقة واحدة لا المملكة كلها');
    const claimant = doc.records.find((r) => r.id === claim.claim?.claimant?.ref)!;
    assert.strictEqual(claimant.target.exact, 'سالم العتيبي');
    assert.strictEqual(claim.claim?.claimant?.text, 'سالم العتيبي');
    assert.strictEqual(bratAnn(prepareArticle({ path: a.path, text: a.text, records: doc.records }, { includeSuggestions: true })), ann);
  });

  it('the imported sidecar serialises, reads back and keeps the records', () => {
    const a = fixtureArticle();
    const [doc] = parseDoccanoSource(exportArticle('doccano', a) as string);
    const data = sidecarFor(doc!, 'article.txt');
    const r = parseSidecar(serializeSidecar(data));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.deepStrictEqual(r.data.annotations, doc!.records);
    assert.strictEqual(r.data.document.length, a.text.length);
  });
});

describe('import: offsets and labels from other tools', () => {
  const text = '😀 زار محمد بغداد';
  it('reads code point offsets (doccano, new Label Studio)', () => {
    const [doc] = parseDoccanoSource(JSON.stringify({ text, label: [[6, 10, 'PERSON'], [11, 16, 'GPE']] }));
    assert.deepStrictEqual(doc!.records.map((r) => [r.target.exact, r.label, r.kind]), [['محمد', 'PER', 'entity'], ['بغداد', 'LOC', 'entity']]);
  });

  it("accepts doccano's newer entities list", () => {
    const [doc] = parseDoccanoSource(JSON.stringify({ text, entities: [{ start_offset: 6, end_offset: 10, label: 'PER' }] }));
    assert.strictEqual(doc!.records[0]!.target.exact, 'محمد');
  });

  it('falls back to UTF-16 offsets when only they match the quote (Label Studio before 1.4)', () => {
    const doc = parseLabelStudio({ data: { text }, annotations: [{ result: [{ value: { start: 7, end: 11, text: 'محمد', labels: ['PER'] } }] }] });
    assert.deepStrictEqual(doc.records.map((r) => [r.target.start, r.target.end]), [[7, 11]]);
  });

  it('reports spans it cannot place or labels it does not know, and keeps the rest', () => {
    const [doc] = parseDoccanoSource(JSON.stringify({ text, label: [[6, 10, 'PER'], [6, 99, 'LOC'], [11, 16, 'Weather']] }));
    assert.strictEqual(doc!.records.length, 1);
    assert.strictEqual(doc!.warnings.length, 2);
    assert.match(doc!.warnings.join('\n'), /past the end/);
    assert.match(doc!.warnings.join('\n'), /unknown label Weather/);
  });

  it('names the line of a JSONL file that is not JSON', () => {
    assert.throws(() => parseDoccanoSource('{"text": "a", "label": []}\n{oops\n'), /line 2/);
  });

  const labels: Array<[string, string | undefined]> = [
    ['PERS', 'PER'], ['person', 'PER'], ['GPE', 'LOC'], ['Organization', 'ORG'], ['MIS1', 'MISC'],
    ['CARDINAL', 'NUMBER'], ['PERCENT', 'PERCENT'], ['CLAIM', 'CLAIM'], ['NOTE', 'NOTE'], ['Weather', undefined],
  ];
  for (const [external, want] of labels) {
    it(`maps label ${external} → ${want ?? 'nothing'}`, () => assert.strictEqual(mapLabel(external)?.label, want));
  }

  it('brat: a span whose text column does not match is reported, not imported', () => {
    const doc = parseBrat('T1\tPER 6 10\tمحمد\nT2\tLOC 6 10\tبغداد\n', text);
    assert.strictEqual(doc.records.length, 1);
    assert.match(doc.warnings[0]!, /T2/);
  });
});

describe('import: round trips on random texts with astral characters', () => {
  const pieces = ['قال', ' ', 'الوزير', '😀', '🇸🇦', '\n', 'إن', '٪', 'a', '"', '\t', '𝔸'];
  const labels = ['PER', 'LOC', 'ORG', 'MISC', 'NUMBER', 'CLAIM'] as const;
  const kindOf = (l: (typeof labels)[number]): AnnotationRecord['kind'] => (l === 'NUMBER' ? 'figure' : l === 'CLAIM' ? 'claim' : 'entity');

  const article = fc
    .tuple(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...labels)), { maxLength: 8 }))
    .map(([parts, raw]) => {
      const text = parts.join('');
      // Span boundaries on piece boundaries, so none cuts a surrogate pair.
      const bounds = [0];
      for (const p of parts) bounds.push(bounds[bounds.length - 1]! + p.length);
      const records: AnnotationRecord[] = [];
      raw.forEach(([x, y, label], i) => {
        const a = bounds[x % bounds.length]!;
        const b = bounds[y % bounds.length]!;
        const [start, end] = a < b ? [a, b] : [b, a];
        if (start === end || text.slice(start, end).trim() === '') return;
        records.push({ id: `r${i}`, kind: kindOf(label), label, status: 'accepted', target: anchorAt(text, start, end) });
      });
      return { path: 'x.txt', text, records } as ExportArticle;
    });

  it('doccano and Label Studio give back the same spans', () => {
    fc.assert(
      fc.property(article, (a) => {
        const [d] = parseDoccanoSource(exportArticle('doccano', a) as string);
        assert.deepStrictEqual(spans(d!.records), spans(dedupe(a.records)));
        const [l] = parseLabelStudioSource(exportArticle('labelstudio', a) as string);
        assert.deepStrictEqual(spans(l!.records), spans(dedupe(a.records)));
      }),
    );
  });

  it('every format exports them; the JSON ones parse and CSV reads back', () => {
    fc.assert(
      fc.property(article, (a) => {
        for (const format of EXPORT_FORMATS) {
          if (format === 'brat') continue;
          const out = exportArticle(format, a) as string;
          if (['json', 'w3c', 'claimreview', 'doccano', 'prodigy', 'labelstudio'].includes(format)) assert.doesNotThrow(() => JSON.parse(out), format);
        }
        const rows = parseCsv(exportArticle('csv', a) as string);
        assert.deepStrictEqual(rows.slice(1).map((r) => restoreFormula(r[6]!)), prepareArticle(a, {}).records.map((r) => r.target.exact));
      }),
    );
  });

  it('brat gives back the same extents (fragments at line breaks rejoin)', () => {
    fc.assert(
      fc.property(article, (a) => {
        const prepared = prepareArticle(a, {});
        // brat cannot hold a line break at either end of a span; the exporter refuses it by name.
        if (prepared.records.some((r) => /^[\r\n]|[\r\n]$/.test(r.target.exact))) {
          assert.throws(() => bratAnn(prepared), /line break/);
          return;
        }
        const doc = parseBrat(bratAnn(prepared), a.text);
        assert.deepStrictEqual(doc.warnings, []);
        assert.deepStrictEqual(spans(doc.records), spans(dedupe(a.records)));
      }),
    );
  });
});

/** The importers keep one of identical spans (same offsets, label and status). */
function dedupe(records: readonly AnnotationRecord[]): AnnotationRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const k = `${r.target.start}:${r.target.end}:${r.label}:${r.status}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
