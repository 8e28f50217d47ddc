import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runDetect } from '../../src/cli/detect';
import { runExport } from '../../src/cli/export';
import { runImport } from '../../src/cli/import';
import { UsageError } from '../../src/cli/io';
import { w3cProblems } from './exportCheckers';
import { FIXTURES } from './exportHelpers';

describe('khabar export / import (CLI)', () => {
  let dir: string;
  let logs: { out: string[]; err: string[] };
  const out = (s: string): void => void logs.out.push(s);
  const err = (s: string): void => void logs.err.push(s);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-export-'));
    logs = { out: [], err: [] };
    for (const sub of ['news', 'news/.hidden', 'news/node_modules']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
    for (const f of ['article.txt', 'article.txt.annotations.yaml']) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, 'news', f));
    fs.writeFileSync(path.join(dir, 'news/.hidden/secret.txt'), 'سر');
    fs.writeFileSync(path.join(dir, 'news/node_modules/dep.txt'), 'تبعية');
    fs.writeFileSync(path.join(dir, 'news/plain.news'), 'خبر قصير بلا تعليقات.\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('walks a folder (skipping hidden folders and node_modules) and exports each article', async () => {
    const target = path.join(dir, 'out.json');
    assert.strictEqual(await runExport(['--format', 'json', '--out', target, path.join(dir, 'news')], out, err), 0);
    const docs = JSON.parse(fs.readFileSync(target, 'utf8')) as Array<{ document: { path: string }; annotations: unknown[] }>;
    assert.deepStrictEqual(docs.map((d) => path.basename(d.document.path)), ['article.txt', 'plain.news']);
    assert.strictEqual(docs[0]!.annotations.length, 10);
    assert.strictEqual(docs[1]!.annotations.length, 0, 'no sidecar and no --include-suggestions: nothing exported');
  });

  it('refuses an --out that is an input article, its sidecar, or an article or sidecar name in an input folder, and touches neither', async () => {
    const article = path.join(dir, 'news', 'article.txt');
    const sidecar = `${article}.annotations.yaml`;
    const before = [fs.readFileSync(article, 'utf8'), fs.readFileSync(sidecar, 'utf8')];
    fs.symlinkSync(article, path.join(dir, 'alias.txt'));
    const cases: Array<[string, string[]]> = [
      [article, [article]],
      [sidecar, [article]],
      [path.join(dir, 'alias.txt'), [article]],
      [path.join(dir, 'news', '..', 'news', 'article.txt'), [path.join(dir, 'news')]],
      [sidecar, [path.join(dir, 'news')]],
      [path.join(dir, 'news', 'new-export.txt'), [path.join(dir, 'news')]],
    ];
    for (const [target, inputs] of cases) {
      await assert.rejects(() => runExport(['--format', 'csv', '--out', target, ...inputs], out, err), (e: Error) => e instanceof UsageError && /refusing to overwrite/.test(e.message), target);
    }
    assert.deepStrictEqual([fs.readFileSync(article, 'utf8'), fs.readFileSync(sidecar, 'utf8')], before);
    assert.ok(!fs.existsSync(path.join(dir, 'news', 'new-export.txt')));
    // A CSV beside the folder, or a .csv inside it, is fine.
    assert.strictEqual(await runExport(['--format', 'csv', '--out', path.join(dir, 'news', 'export.csv'), path.join(dir, 'news')], out, err), 0);
  });

  it('refuses bad usage (exit code 2 in main)', async () => {
    for (const argv of [['news'], ['--format', 'xml', 'news'], ['--format', 'brat', 'news'], ['--format', 'csv']]) {
      await assert.rejects(() => Promise.resolve(runExport(argv, out, err)), UsageError, argv.join(' '));
    }
  });

  it('re-anchors an annotation whose saved offsets no longer fit (in memory), exports it on its words and says so', async () => {
    const sidecar = path.join(dir, 'news/article.txt.annotations.yaml');
    const broken = fs.readFileSync(sidecar, 'utf8').replace('start: 24', 'start: 25');
    fs.writeFileSync(sidecar, broken);
    const target = path.join(dir, 'out.jsonl');
    assert.strictEqual(await runExport(['--format', 'doccano', '--out', target, path.join(dir, 'news')], out, err), 0);
    assert.match(logs.err.join('\n'), /article\.txt: 1 annotation not at its saved offsets, re-anchored in memory/);
    const text = fs.readFileSync(path.join(dir, 'news/article.txt'), 'utf8');
    const first = JSON.parse(fs.readFileSync(target, 'utf8').trim().split('\n')[0]!) as { label: Array<[number, number, string]> };
    assert.deepStrictEqual(
      first.label.filter(([, , l]) => l === 'ORG').map(([s, e]) => [s, text.slice(s, e)]),
      [[24, 'وزارة الصحة']],
      'e3 was not exported on its words',
    );
    assert.strictEqual(fs.readFileSync(sidecar, 'utf8'), broken, 'export wrote the sidecar');
  });

  it('refuses a sidecar whose document.path leaves the folder', async () => {
    const sidecar = path.join(dir, 'news/article.txt.annotations.yaml');
    fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace('path: article.txt', 'path: ../../../etc/passwd'));
    assert.strictEqual(await runExport(['--format', 'csv', '--out', path.join(dir, 'o.csv'), path.join(dir, 'news/article.txt')], out, err), 1);
    assert.match(logs.err.join('\n'), /document\.path refused/);
  });

  it('brat to a folder, imported back, exports the same spans', async () => {
    const brat = path.join(dir, 'brat');
    assert.strictEqual(await runExport(['--format', 'brat', '--out', brat, path.join(dir, 'news/article.txt')], out, err), 0);
    const anns = fs.readdirSync(brat, { recursive: true }).map(String).filter((f) => f.endsWith('.ann'));
    assert.strictEqual(anns.length, 1);
    const imported = path.join(dir, 'imported');
    assert.strictEqual(runImport(['--format', 'brat', '--out', imported, brat], out, err), 0);
    const csv = async (src: string, name: string): Promise<string[]> => {
      const target = path.join(dir, name);
      assert.strictEqual(await runExport(['--format', 'csv', '--out', target, src], out, err), 0);
      // Compare kind, label, offsets and text: ids are renumbered by the import.
      return fs.readFileSync(target, 'utf8').trim().split('\r\n').slice(1).map((l) => l.split(',').slice(2, 7).join(','));
    };
    assert.deepStrictEqual(await csv(imported, 'b.csv'), await csv(path.join(dir, 'news/article.txt'), 'a.csv'));
    // A second import refuses to overwrite.
    assert.strictEqual(runImport(['--format', 'brat', '--out', imported, brat], out, err), 1);
    assert.match(logs.err.join('\n'), /already exists/);
  });

  it('w3c: the URL comes from the sidecar, the front matter or --base-url; without any, exit 1 and a clear message', async () => {
    const target = path.join(dir, 'out.jsonld');
    const article = path.join(dir, 'news/article.txt');
    assert.strictEqual(await runExport(['--format', 'w3c', '--out', target, article], out, err), 1);
    assert.match(logs.err.join('\n'), /article\.txt: a W3C annotation needs the article's URL/);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), '', 'no collection with relative ids');

    assert.strictEqual(await runExport(['--format', 'w3c', '--base-url', 'https://news.example.org/a/', '--out', target, article], out, err), 0);
    const viaBase = JSON.parse(fs.readFileSync(target, 'utf8')) as { id: string; first: { items: Array<{ target: { source: string } }> } };
    assert.deepStrictEqual(w3cProblems(viaBase), []);
    assert.match(viaBase.first.items[0]!.target.source, /^https:\/\/news\.example\.org\/a\/.*article\.txt$/);

    const sidecar = `${article}.annotations.yaml`;
    fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace(/^(  length: \d+)$/m, '$1\n  url: https://news.example.org/health/screening'));
    assert.strictEqual(await runExport(['--format', 'w3c', '--base-url', 'https://ignored.example.org/', '--out', target, article], out, err), 0);
    const viaSidecar = JSON.parse(fs.readFileSync(target, 'utf8')) as typeof viaBase;
    assert.strictEqual(viaSidecar.first.items[0]!.target.source, 'https://news.example.org/health/screening');

    const md = path.join(dir, 'fm.md');
    fs.writeFileSync(md, '---\ntitle: خبر\nurl: "https://news.example.org/fm"\n---\nزار محمد بغداد.\n');
    assert.strictEqual(await runExport(['--format', 'w3c', '--include-suggestions', '--out', target, md], out, err), 0);
    const viaFrontMatter = JSON.parse(fs.readFileSync(target, 'utf8')) as typeof viaBase;
    assert.strictEqual(viaFrontMatter.id, 'https://news.example.org/fm#khabar-annotations');

    await assert.rejects(() => runExport(['--format', 'w3c', '--base-url', 'javascript:alert(1)', article], out, err), UsageError);
  });

  it('w3c: export → import → export gives the same bytes; articles are found by URL (sidecar url, --base-url + path)', async () => {
    const news = path.join(dir, 'news');
    const article = path.join(news, 'article.txt');
    const sidecar = `${article}.annotations.yaml`;
    fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace(/^(  length: \d+)$/m, '$1\n  url: https://news.example.org/health/screening'));
    const base = ['--base-url', 'https://news.example.org/a/'];
    const once = path.join(dir, 'once.jsonld');
    assert.strictEqual(await runExport(['--format', 'w3c', '--include-suggestions', ...base, '--out', once, news], out, err), 0);
    // Without --force the sidecar beside the article is not overwritten.
    assert.strictEqual(runImport(['--format', 'w3c', '--articles', news, ...base, once], out, err), 1);
    assert.match(logs.err.join('\n'), /already exists/);
    logs.err = [];
    assert.strictEqual(runImport(['--format', 'w3c', '--articles', news, ...base, '--force', once], out, err), 0, logs.err.join('\n'));
    assert.deepStrictEqual(logs.err, []);
    assert.match(fs.readFileSync(sidecar, 'utf8'), /^  url: https:\/\/news\.example\.org\/health\/screening$/m, 'the URL stays in the sidecar');
    const twice = path.join(dir, 'twice.jsonld');
    assert.strictEqual(await runExport(['--format', 'w3c', '--include-suggestions', ...base, '--out', twice, news], out, err), 0);
    assert.strictEqual(fs.readFileSync(twice, 'utf8'), fs.readFileSync(once, 'utf8'));
    // An annotation on an article that is not there is reported by its URL, exit 1.
    assert.strictEqual(runImport(['--format', 'w3c', '--articles', path.join(dir, 'news/.hidden'), '--out', path.join(dir, 'x'), once], out, err), 1);
    assert.match(logs.err.join('\n'), /annotations on https:\/\/news\.example\.org\/health\/screening: no article with that URL/);
  });

  it('claimreview: an incomplete review is skipped with a message naming it, exit 1, valid JSON', async () => {
    const sidecar = path.join(dir, 'news/article.txt.annotations.yaml');
    fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace(/^ *review: .*\n/m, ''));
    const target = path.join(dir, 'reviews.json');
    assert.strictEqual(await runExport(['--format', 'claimreview', '--out', target, path.join(dir, 'news')], out, err), 1);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(target, 'utf8')), []);
    assert.match(logs.err.join('\n'), /article\.txt: annotation c1: a ClaimReview needs the URL of the published fact-check.*\(skipped/);
  });

  it('an export with nothing in it says so on stderr and exits 3; a missing input writes nothing and exits 1', async () => {
    const plain = path.join(dir, 'news/plain.news');
    const target = path.join(dir, 'empty.csv');
    assert.strictEqual(await runExport(['--format', 'csv', '--out', target, plain], out, err), 3);
    assert.match(logs.err.join('\n'), /warning: nothing exported: 1 article without an annotations file \(add --include-suggestions/);
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string): boolean => (written.push(String(chunk)), true)) as typeof process.stdout.write;
    let code: number;
    try {
      code = await runExport(['--format', 'json', path.join(dir, 'missing.txt')], out, err);
    } finally {
      process.stdout.write = original;
    }
    assert.strictEqual(code, 1);
    assert.deepStrictEqual(written, [], 'no [ ] on stdout for a missing file');
    assert.match(logs.err.join('\n'), /missing\.txt: no such file or folder/);
  });

  it('a Markdown report put among the articles is skipped by export and detect, never analysed as an article', async () => {
    const report = path.join(dir, 'report.md');
    assert.strictEqual(await runExport(['--format', 'report-md', '--out', report, path.join(dir, 'news')], out, err), 0);
    const md = fs.readFileSync(report, 'utf8');
    assert.ok(md.includes('## 🇸🇦 الرياض – خبر'));
    assert.ok(md.includes('## ملخص الأحكام في كل المقالات (2)'), 'a folder report sums up its articles');
    fs.copyFileSync(report, path.join(dir, 'news', 'report.md'));
    const target = path.join(dir, 'out.json');
    logs.err = [];
    assert.strictEqual(await runExport(['--format', 'json', '--out', target, path.join(dir, 'news')], out, err), 0);
    const docs = JSON.parse(fs.readFileSync(target, 'utf8')) as Array<{ document: { path: string } }>;
    assert.deepStrictEqual(docs.map((d) => path.basename(d.document.path)), ['article.txt', 'plain.news']);
    assert.match(logs.err.join('\n'), /report\.md: a report generated by Khabar, not an article: skipped/);
    logs.out = [];
    assert.strictEqual(await runDetect([path.join(dir, 'news', 'report.md'), path.join(dir, 'news', 'plain.news')], out, err), 0);
    assert.deepStrictEqual(logs.out.map((l) => (JSON.parse(l) as { file: string }).file), [path.join(dir, 'news', 'plain.news')]);
    // The HTML report of a folder is titled by the folder; of one article, by its headline.
    const html = path.join(dir, 'report.html');
    assert.strictEqual(await runExport(['--format', 'report-html', '--out', html, path.join(dir, 'news')], out, err), 0);
    assert.match(fs.readFileSync(html, 'utf8'), /<title>تقرير خبر: news<\/title>/);
    assert.strictEqual(await runExport(['--format', 'report-html', '--out', html, path.join(dir, 'news', 'article.txt')], out, err), 0);
    assert.match(fs.readFileSync(html, 'utf8'), /<title>🇸🇦 الرياض – خبر — تقرير خبر<\/title>/);
  });

  it('imports doccano JSONL into article + sidecar pairs with safe names', () => {
    const src = path.join(dir, 'set.jsonl');
    fs.writeFileSync(
      src,
      [
        JSON.stringify({ text: 'زار محمد بغداد', label: [[4, 8, 'PER'], [9, 14, 'LOC']], file: 'a/one.txt' }),
        JSON.stringify({ text: 'قال علي', label: [[4, 7, 'PER']], file: '../../escape.txt' }),
      ].join('\n'),
    );
    assert.strictEqual(runImport(['--format', 'doccano', src], out, err), 0);
    const base = path.join(dir, 'set');
    assert.ok(fs.existsSync(path.join(base, 'a/one.txt.annotations.yaml')));
    assert.ok(fs.existsSync(path.join(base, 'doc-0002.txt')), 'an unsafe name falls back to a numbered one');
    assert.ok(!fs.existsSync(path.join(dir, '..', 'escape.txt')));
    assert.match(logs.err.join('\n'), /leaves the export folder/);
  });
});
