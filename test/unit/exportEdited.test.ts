// `khabar export` on an article edited since its annotations were saved (issue 15, item 9): the
// records are re-anchored in memory, exported on their own words, orphans are left out and named on
// stderr, and the sidecar is never written.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { anchorFor } from '../../src/core/anchor/anchor';
import type { SidecarData } from '../../src/core/annotationRecord';
import { emptySidecar } from '../../src/core/sidecar/format';
import { serializeSidecar } from '../../src/core/sidecar/serialize';
import { runExport } from '../../src/cli/export';

/** Sentences I wrote; the tagged words of each appear once in the article. */
const SENTENCES = [
  'افتتح وزير النقل الطريق الجديد بين المدينتين صباح الأحد.',
  'وقال مدير المشروع إن العمل استغرق ثلاث سنوات.',
  'وأضاف أن الطريق يختصر الرحلة إلى ساعة واحدة.',
  'وحضر الافتتاح رئيس البلدية وعدد من السكان.',
];
const TAGS: Array<[string, string, string]> = [
  ['c1', 'وزير النقل', 'ORG'],
  ['c2', 'مدير المشروع', 'PER'],
  ['c3', 'ساعة واحدة', 'DURATION'],
  ['c4', 'رئيس البلدية', 'PER'],
];

describe('export of an article edited since its annotations were saved', () => {
  let dir: string;
  let article: string;
  let sidecar: string;
  let saved: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-export-edited-'));
    article = path.join(dir, 'road.txt');
    sidecar = `${article}.annotations.yaml`;
    const text = SENTENCES.join('\n') + '\n';
    fs.writeFileSync(article, text);
    const data: SidecarData = emptySidecar(text, 'road.txt');
    data.annotations = TAGS.map(([id, quote, label]) => {
      const s = text.indexOf(quote);
      return { id, kind: label === 'DURATION' ? 'figure' : 'entity', label, status: 'accepted', target: anchorFor(text, s, s + quote.length) } as SidecarData['annotations'][number];
    });
    data.lastId = 4;
    saved = serializeSidecar(data);
    fs.writeFileSync(sidecar, saved);
    // The edit: a dateline on top (every offset moves) and the second sentence deleted (c2's words are gone).
    fs.writeFileSync(article, 'الرياض - واس:\n\n' + [SENTENCES[0], SENTENCES[2], SENTENCES[3]].join('\n') + '\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports every annotation whose words are still there on those words, leaves the orphan out and names it, writes nothing', async () => {
    const out = path.join(dir, 'out.json');
    const err: string[] = [];
    const code = await runExport(['--format', 'json', '--out', out, article], () => undefined, (s) => err.push(s));
    assert.strictEqual(code, 0, err.join('\n'));
    const text = fs.readFileSync(article, 'utf8');
    const [doc] = JSON.parse(fs.readFileSync(out, 'utf8')) as Array<{ annotations: Array<{ id: string; target: { start: number; end: number; exact: string } }> }>;
    const want = new Map(TAGS.map(([id, quote]) => [id, quote]));
    assert.deepStrictEqual(doc!.annotations.map((a) => a.id), ['c1', 'c3', 'c4']);
    for (const a of doc!.annotations) {
      assert.strictEqual(text.slice(a.target.start, a.target.end), want.get(a.id), `${a.id} exported on the wrong words`);
      assert.strictEqual(a.target.exact, want.get(a.id));
    }
    const stderr = err.join('\n');
    assert.match(stderr, /road\.txt: 3 annotations not at their saved offsets, re-anchored in memory/);
    assert.match(stderr, /1 orphaned annotation left out: c2/);
    assert.strictEqual(fs.readFileSync(sidecar, 'utf8'), saved, 'export wrote the sidecar');
  });

  it('gives a position format (doccano) the re-anchored spans too', async () => {
    const text = fs.readFileSync(article, 'utf8');
    const out = path.join(dir, 'out.jsonl');
    assert.strictEqual(await runExport(['--format', 'doccano', '--out', out, article], () => undefined, () => undefined), 0);
    const line = JSON.parse(fs.readFileSync(out, 'utf8').trim()) as { text: string; label: Array<[number, number, string]> };
    assert.strictEqual(line.text, text);
    assert.deepStrictEqual(
      line.label.map(([s, e, label]) => [text.slice(s, e), label]),
      [
        ['وزير النقل', 'ORG'],
        ['ساعة واحدة', 'DURATION'],
        ['رئيس البلدية', 'PER'],
      ],
    );
  });

  it('an unedited article exports without a word on stderr', async () => {
    fs.writeFileSync(article, SENTENCES.join('\n') + '\n');
    const err: string[] = [];
    assert.strictEqual(await runExport(['--format', 'json', '--out', path.join(dir, 'o.json'), article], () => undefined, (s) => err.push(s)), 0);
    assert.deepStrictEqual(err.filter((l) => !/^khabar export: 1 article, 4 annotations → /.test(l)), []);
  });
});
