import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parse as yamlParse } from 'yaml';
import { anchorFor } from '../../src/core/anchor/anchor';
import { decodeArticle } from '../../src/core/decode';
import type { AnnotationRecord, SidecarData } from '../../src/core/annotationRecord';
import { diskTree, emitSidecar } from '../../src/core/sidecar/emit';
import { articlePathFor, documentInfo, sidecarPathFor } from '../../src/core/sidecar/format';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { serializeSidecar, SidecarWriteError } from '../../src/core/sidecar/serialize';
import { CLAIM_TYPES, RECORD_KINDS, RECORD_LABELS, RECORD_STATUSES } from '../../src/core/sidecar/validate';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sidecar');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

function record(text: string, id: string, quote: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `fixture lacks ${quote}`);
  return { id, kind: 'entity', label: 'PER', status: 'accepted', target: anchorFor(text, start, start + quote.length), ...extra };
}

function sidecar(text: string, annotations: AnnotationRecord[]): SidecarData {
  return { khabar: 2, document: documentInfo(text, 'article.txt'), annotations };
}

function mustParse(text: string): Extract<ReturnType<typeof parseSidecar>, { ok: true }> {
  const r = parseSidecar(text);
  if (!r.ok) assert.fail(`did not parse: ${r.kind} ${JSON.stringify(r.errors)}`);
  return r;
}

describe('sidecar format', () => {
  it('names the sidecar beside the article, with a configurable suffix', () => {
    assert.strictEqual(sidecarPathFor('/news/article.txt'), '/news/article.txt.annotations.yaml');
    assert.strictEqual(sidecarPathFor('a.txt', '.khabar.yml'), 'a.txt.khabar.yml');
    assert.strictEqual(articlePathFor('/news/article.txt.annotations.yaml'), '/news/article.txt');
    assert.strictEqual(articlePathFor('/news/notes.yaml'), undefined);
    assert.strictEqual(articlePathFor('.annotations.yaml'), undefined);
  });

  it('reads the fixture on the fast path and writes it back byte for byte', () => {
    const text = read('article.txt.annotations.yaml');
    const r = mustParse(text);
    assert.strictEqual(r.doc, undefined);
    assert.strictEqual(r.data.annotations.length, 5);
    assert.strictEqual(serializeSidecar(r.data), text);
    assert.strictEqual(serializeSidecar(r.data, text), text);
    const article = read('article.txt');
    for (const a of r.data.annotations) assert.strictEqual(article.slice(a.target.start, a.target.end), a.target.exact);
  });

  it('is deterministic: order of records and keys in memory does not change the bytes', () => {
    const r = mustParse(read('article.txt.annotations.yaml'));
    const shuffled: SidecarData = {
      annotations: r.data.annotations.slice().reverse().map((a) => {
        const { target, id, ...rest } = a;
        return { target, ...rest, id };
      }),
      document: r.data.document,
      khabar: 1,
      lastId: 5,
    };
    assert.strictEqual(serializeSidecar(shuffled), serializeSidecar(r.data));
    assert.ok(!serializeSidecar(r.data).includes('\r'));
  });

  const TRICKY: [string, string][] = [
    ['Arabic with diacritics', 'قالَ الوزيرُ: «نعم»'],
    ['colon-space', 'a: b'],
    ['hash after space', 'a #b'],
    ['leading dash', '- x'],
    ['leading question mark', '? x'],
    ['flow indicators', '[x], {y}'],
    ['anchor and alias', '&a *a'],
    ['tag', '!!js/function'],
    ['directive', '%YAML 1.1'],
    ['backtick and at', '`x` @y'],
    ['double quotes', 'he said "no"'],
    ['single quote', "it's"],
    ['backslash', 'C:\\path\\x'],
    ['newlines', 'line1\nline2\n'],
    ['CRLF', 'line1\r\nline2'],
    ['tab', 'a\tb'],
    ['emoji outside the BMP', 'خبر 😀🇸🇦 عاجل'],
    ['boolean look-alike', 'true'],
    ['YAML 1.1 boolean', 'yes'],
    ['null look-alike', 'Null'],
    ['tilde', '~'],
    ['number look-alike', '12'],
    ['float look-alike', '3.5e2'],
    ['hex look-alike', '0x1F'],
    ['octal look-alike', '0o17'],
    ['sexagesimal look-alike', '1:30'],
    ['inf', '.inf'],
    ['empty', ''],
    ['spaces at the ends', '  padded  '],
    ['trailing colon', 'key:'],
    ['line separator', 'a\u2028b'],
    ['next line', 'a\u0085b'],
    ['BOM inside', 'a\ufeffb'],
    ['C1 control', 'a\u0090b'],
    ['DEL', 'a\u007fb'],
    ['right-to-left mark', '\u200fمرحبا\u200e'],
    ['document end marker', '...'],
    ['document start marker', '---'],
  ];
  for (const [name, s] of TRICKY) {
    it(`quotes correctly: ${name}`, () => {
      const text = 'x';
      const data = sidecar(text, [
        { id: 'n1', kind: 'note', label: 'NOTE', status: 'accepted', target: { start: 0, end: 1, exact: 'x', prefix: s, suffix: '' }, note: s, author: s },
      ]);
      const yaml = emitSidecar(data);
      const generic = yamlParse(yaml, { schema: 'core' }) as SidecarData;
      assert.deepStrictEqual(generic, JSON.parse(JSON.stringify(diskTree(data))), 'the yaml package reads what we wrote');
      const r = mustParse(yaml);
      assert.deepStrictEqual(r.data, JSON.parse(JSON.stringify(data)));
      assert.strictEqual(r.data.annotations[0]!.note, s);
    });
  }

  it('round-trips random strings and numbers exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ note: fc.string({ unit: 'grapheme' }), author: fc.string({ unit: 'binary' }), n: fc.double({ noNaN: true, noDefaultInfinity: true }) }), { maxLength: 5 }),
        (items) => {
          const data = sidecar('abc', items.map((it, i) => ({
            id: `n${i + 1}`, kind: 'note', label: 'NOTE', status: 'accepted',
            target: { start: 0, end: 1, exact: 'a', prefix: it.author, suffix: it.note },
            note: it.note, author: it.author, value: { number: it.n },
          })));
          const yaml = serializeSidecar(data);
          const expected = JSON.parse(JSON.stringify(data)) as SidecarData;
          // -0 is written as 0; JSON agrees.
          assert.deepStrictEqual(mustParse(yaml).data, expected);
          assert.deepStrictEqual(yamlParse(yaml, { schema: 'core' }), JSON.parse(JSON.stringify(diskTree(data))));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps comments, unknown fields and a person\'s flow style through load and save', () => {
    const text = read('hand-edited.annotations.yaml');
    const r = mustParse(text);
    assert.ok(r.doc, 'a hand-edited file keeps its Document');
    const e3 = r.data.annotations.find((a) => a.id === 'e3')!;
    const data: SidecarData = {
      ...r.data,
      lastId: 6,
      annotations: [
        ...r.data.annotations.filter((a) => a.id !== 'e5').map((a) => (a.id === 'e3' ? { ...a, note: 'تأكدنا من الاسم' } : a)),
        record(read('article.txt'), 'e6', 'المحافظة', { label: 'LOC' }),
      ],
    };
    const out = serializeSidecar(data, r.doc);
    for (const kept of ["# Reviewed by the desk on Sunday; keep e3's note.", '# our own field', '# the spokesman, checked against the ministry site', '# person', 'reviewer_tags: [ spokesman, verified ]', 'value: { number: 12, unit: percent }', 'project: health-budget']) {
      assert.ok(out.includes(kept), `lost: ${kept}\n${out}`);
    }
    assert.ok(!out.includes('الزرقاء'), 'the deleted record is gone');
    const again = mustParse(out);
    assert.strictEqual(again.data.annotations.find((a) => a.id === 'e3')!.note, 'تأكدنا من الاسم');
    assert.deepStrictEqual((again.data.annotations.find((a) => a.id === 'e3') as unknown as Record<string, unknown>)['reviewer_tags'], ['spokesman', 'verified']);
    assert.deepStrictEqual(again.data.annotations.map((a) => a.id), ['e1', 'e6', 'f2', 'e3', 'c4']);
    assert.strictEqual((again.data as unknown as Record<string, unknown>)['project'], 'health-budget');
    assert.ok(out.indexOf('project:') < out.indexOf('annotations:'), 'a person\'s key stays where it was');
    assert.strictEqual(e3.target.exact, 'أحمد السالم');
    // Saving the same data twice gives the same bytes.
    assert.strictEqual(serializeSidecar(again.data, out), out);
  });

  it('a Document reused across saves gives the same text as parsing the last save again', () => {
    const text = read('hand-edited.annotations.yaml');
    const r = mustParse(text);
    const first = { ...r.data, annotations: r.data.annotations.map((a) => (a.id === 'e1' ? { ...a, note: 'أولى' } : a)) };
    const out1 = serializeSidecar(first, r.doc, { reuseDocument: true });
    assert.strictEqual(out1, serializeSidecar(first, text));
    const second = { ...first, annotations: first.annotations.filter((a) => a.id !== 'f2') };
    const out2 = serializeSidecar(second, r.doc, { reuseDocument: true });
    assert.strictEqual(out2, serializeSidecar(second, out1));
    assert.ok(out2.includes('# the spokesman, checked against the ministry site') && !out2.includes('id: f2'));
  });

  it('keeps unknown fields on the fast path too (they are part of the data)', () => {
    const base = read('article.txt.annotations.yaml');
    const withExtra = base.replace('  - id: e1\n', '  - id: e1\n    confidence: 0.9\n');
    const r = mustParse(withExtra);
    const out = serializeSidecar(r.data, withExtra);
    assert.ok(out.includes('  - id: e1\n    confidence: 0.9\n    kind: entity\n'), 'kept after the key it followed');
    assert.deepStrictEqual(mustParse(out).data, r.data);
  });

  it('anchors in BOM and CRLF articles refer to the text after BOM removal, CRLF kept', () => {
    const body = 'أعلنت وزارة الصحة\r\nأن عدد المستشفيات ارتفع 😀 إلى 42\r\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
    const decoded = decodeArticle(bytes);
    assert.ok(decoded.ok);
    const text = decoded.text;
    assert.strictEqual(text, body);
    const r = record(text, 'f1', 'ارتفع 😀 إلى 42', { kind: 'figure', label: 'NUMBER' });
    assert.ok(r.target.prefix.includes('\r\n'));
    const yaml = serializeSidecar(sidecar(text, [r]));
    const back = mustParse(yaml).data.annotations[0]!;
    assert.deepStrictEqual(back.target, r.target);
    assert.strictEqual(text.slice(back.target.start, back.target.end), back.target.exact);
  });

  it('never splits a surrogate pair in the stored context', () => {
    const text = '😀'.repeat(40) + 'خبر' + '😀'.repeat(40);
    const a = anchorFor(text, 80, 83);
    assert.strictEqual(a.prefix.length % 2, 0);
    assert.strictEqual(a.suffix.length % 2, 0);
    assert.ok(!/[\ud800-\udbff]$/.test(a.suffix) && !/^[\udc00-\udfff]/.test(a.prefix));
  });

  it('reads CRLF and BOM sidecars (a Windows checkout) and writes LF', () => {
    const text = read('article.txt.annotations.yaml');
    const windows = '\ufeff' + text.replace(/\n/g, '\r\n');
    const r = mustParse(windows);
    assert.strictEqual(serializeSidecar(r.data), text);
  });
});

describe('sidecar errors', () => {
  const good = (): string => read('article.txt.annotations.yaml');
  const v1 = (): string => read('version1.annotations.yaml');
  const cases: { name: string; text: () => string; kind: string; line?: number; message: RegExp }[] = [
    { name: 'bad indentation', text: () => good().replace('    kind: entity\n', '   kind: entity\n'), kind: 'syntax', line: 7, message: /./ },
    { name: 'unclosed quote', text: () => good().replace('"وزارة الصحة"', '"وزارة الصحة'), kind: 'syntax', message: /./ },
    { name: 'duplicate key', text: () => good().replace('    kind: entity\n', '    kind: entity\n    kind: note\n'), kind: 'syntax', message: /unique|duplicate/i },
    { name: 'unknown label', text: () => good().replace('label: ORG', 'label: ORGANISATION'), kind: 'schema', line: 8, message: /annotation 1: `label` must be one of/ },
    { name: 'missing target', text: () => good().replace(/    target:\n      step: 6\n.*\n.*\n.*\n/, ''), kind: 'schema', line: 6, message: /`target`/ },
    { name: 'negative step', text: () => good().replace('step: 119', 'step: -1'), kind: 'schema', line: 20, message: /`step`/ },
    { name: 'a version-1 start in a version-2 file', text: () => good().replace('step: 119', 'start: 125'), kind: 'schema', line: 20, message: /`start` is a version-1 field/ },
    { name: 'duplicate id', text: () => good().replace('id: f2', 'id: e1'), kind: 'schema', message: /duplicate id e1/ },
    { name: 'bad hash in a version-1 file', text: () => v1().replace(/sha256: \w+/, 'sha256: xyz'), kind: 'schema', line: 4, message: /sha256/ },
    { name: 'negative offset in a version-1 file', text: () => v1().replace('start: 125', 'start: -1'), kind: 'schema', message: /`start`/ },
    { name: 'newer version', text: () => good().replace('khabar: 2', 'khabar: 4'), kind: 'version', line: 1, message: /newer Khabar/ },
    { name: 'not a version', text: () => good().replace('khabar: 2', 'khabar: one'), kind: 'schema', message: /format version/ },
    { name: 'a custom tag', text: () => good().replace('author: reviewer', 'author: !!js/function "x"'), kind: 'schema', message: /tag/i },
    { name: 'a local tag', text: () => good().replace('author: reviewer', 'author: !evil x'), kind: 'schema', message: /tag/i },
    { name: 'aliases', text: () => good().replace('author: reviewer', 'author: &who reviewer\n    note2: *who'), kind: 'schema', message: /alias/ },
    { name: 'empty file', text: () => '', kind: 'schema', message: /empty/ },
    { name: 'a list at the top', text: () => '- 1\n', kind: 'schema', message: /mapping/ },
    { name: 'two documents', text: () => good() + '---\nkhabar: 2\n', kind: 'syntax', message: /./ },
  ];
  for (const c of cases) {
    it(`reports ${c.name} as ${c.kind}`, () => {
      const r = parseSidecar(c.text());
      assert.strictEqual(r.ok, false);
      if (r.ok) return;
      assert.strictEqual(r.kind, c.kind, JSON.stringify(r.errors));
      assert.ok(r.errors.length > 0);
      assert.ok(r.errors.some((e) => c.message.test(e.message)), JSON.stringify(r.errors));
      if (c.line !== undefined) assert.strictEqual(r.errors[0]!.line, c.line, JSON.stringify(r.errors));
      for (const e of r.errors) assert.ok(e.line >= 1 && e.col >= 1);
    });
  }

  it('recognises git merge conflict markers and says where they are', () => {
    const t = good();
    const lines = t.split('\n');
    const conflicted = [
      ...lines.slice(0, 10),
      '<<<<<<< HEAD',
      '      step: 6',
      '=======',
      '      step: 7',
      '>>>>>>> origin/main',
      ...lines.slice(11),
    ].join('\n');
    const r = parseSidecar(conflicted);
    assert.ok(!r.ok);
    if (r.ok) return;
    assert.strictEqual(r.kind, 'conflict');
    assert.deepStrictEqual(r.errors.map((e) => e.line), [11, 13, 15]);
    assert.match(r.errors[0]!.message, /merge conflict/);
  });

  it('refuses to build a save on top of a file that does not read', () => {
    const data = mustParse(good()).data;
    assert.throws(() => serializeSidecar(data, good().replace('khabar: 2', 'khabar: 4')), SidecarWriteError);
    assert.throws(() => serializeSidecar(data, 'a: [\n'), SidecarWriteError);
  });
});

describe('sidecar JSON schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, '..', '..', '..', 'schemas', 'sidecar.schema.json'), 'utf8')) as {
    properties: { annotations: { items: { properties: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }> } } };
  };
  const props = schema.properties.annotations.items.properties;
  it('lists the same kinds, labels, statuses and claim types as the validator', () => {
    assert.deepStrictEqual(props['kind']!.enum, [...RECORD_KINDS]);
    assert.deepStrictEqual(props['label']!.enum, [...RECORD_LABELS]);
    assert.deepStrictEqual(props['status']!.enum, [...RECORD_STATUSES]);
    assert.deepStrictEqual(props['claim']!.properties!['type']!.enum, [...CLAIM_TYPES]);
  });
});
