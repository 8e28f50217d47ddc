// `khabar detect` over archives: many files or a JSON Lines stream, spread over worker threads,
// written back in input order, byte for byte what one article at a time gives; bad records are
// named by line and skipped without stopping the batch; progress only where asked or on a terminal.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIX = path.join(ROOT, 'test', 'fixtures');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function khabar(args: string[], input?: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ARTICLES = ['claims/central-bank.txt', 'claims/gas-field.txt', 'claims/fever-outbreak.txt', 'claims/water-talks.txt', 'entities/article.txt', 'export/article.txt'].map((f) =>
  path.join(FIX, f),
);

describe('khabar detect: archives (JSON Lines, many files, worker threads)', function () {
  this.timeout(240000);
  let tmp = '';
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-archive-'));
    if (!fs.existsSync(CLI)) assert.strictEqual(spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT }).status, 0);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('many files over two workers: the same bytes, in the same order, as one process', () => {
    // Each fixture three times, interleaved, so that a slow article finishing last would show.
    const files = [...ARTICLES, ...ARTICLES.slice().reverse(), ...ARTICLES];
    const one = khabar(['detect', '--jobs', '1', ...files]);
    const two = khabar(['detect', '--jobs', '2', ...files]);
    assert.strictEqual(one.code, 0, one.stderr);
    assert.strictEqual(two.code, 0, two.stderr);
    assert.strictEqual(two.stdout, one.stdout);
    assert.deepStrictEqual(
      two.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file),
      files,
    );
  });

  it('--jsonl: one {"id","annotations"} line per record, in order, each what detect gives for that text alone', () => {
    const texts = ARTICLES.map((f) => fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
    const records: string[] = [];
    for (let i = 0; i < 40; i++) records.push(JSON.stringify({ id: `r${i}`, text: texts[i % texts.length], extra: i }));
    const stream = records.join('\n') + '\n';
    const r = khabar(['detect', '--jsonl', '--jobs', '2'], stream);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stderr, '', 'no progress bar when stderr is not a terminal');
    const lines = r.stdout.trim().split('\n');
    assert.strictEqual(lines.length, 40);
    // The annotations of each text, from the file mode in one process.
    const single = khabar(['detect', '--jobs', '1', ...ARTICLES]).stdout.trim().split('\n').map((l) => JSON.stringify((JSON.parse(l) as { annotations: unknown }).annotations));
    lines.forEach((l, i) => {
      assert.ok(l.startsWith(`{"id":"r${i}","annotations":`), l.slice(0, 40));
      assert.strictEqual(JSON.stringify((JSON.parse(l) as { annotations: unknown }).annotations), single[i % texts.length]);
    });
    // A file of records gives the same as the stream, and --jobs 1 the same as two workers.
    const file = path.join(tmp, 'archive.jsonl');
    fs.writeFileSync(file, stream);
    assert.strictEqual(khabar(['detect', '--jsonl', '--jobs', '1', file]).stdout, r.stdout);
  });

  it('--jsonl: a bad line is named by its line number, answered with an error record, and the rest go on (exit 1)', () => {
    const good = JSON.stringify({ id: 'ok-1', text: 'ارتفع عدد السكان إلى 35 مليون نسمة.' });
    const lines = [
      good,
      '{"id": "broken", "text": "نص بلا نهاية',
      '',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ text: 'زار الوزير عمّان يوم الأحد.' }),
      JSON.stringify({ id: 7, text: 42 }),
      JSON.stringify({ id: 'ok-2', text: 'بلغت الصادرات 12 مليار دولار.' }),
    ];
    const r = khabar(['detect', '--jsonl', '--jobs', '2', '--kinds', 'figure'], lines.join('\n'));
    assert.strictEqual(r.code, 1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepStrictEqual(
      out.map((o) => [o.id ?? `line ${o.line}`, 'error' in o ? 'error' : 'annotations']),
      [
        ['ok-1', 'annotations'],
        ['line 2', 'error'],
        ['no-text', 'error'],
        ['line 5', 'error'],
        ['line 6', 'annotations'],
        [7, 'error'],
        ['ok-2', 'annotations'],
      ],
    );
    const err = r.stderr.trim().split('\n');
    assert.strictEqual(err.length, 4, r.stderr);
    assert.match(err[0]!, /^khabar: stdin:2: not JSON/);
    assert.match(err[1]!, /^khabar: stdin:4 \(id "no-text"\): no "text" field$/);
    assert.match(err[2]!, /^khabar: stdin:5: not a JSON object/);
    assert.match(err[3]!, /^khabar: stdin:7 \(id 7\): "text" must be a string$/);
    const ok2 = out[6]!.annotations as Array<{ label: string; text: string }>;
    assert.ok(ok2.some((a) => a.label === 'MONEY' && a.text.includes('12 مليار')), JSON.stringify(ok2));
  });

  it('--jsonl: a record over --max-size is refused alone; a missing input file is named', () => {
    const big = JSON.stringify({ id: 'big', text: 'ا'.repeat(3000) });
    const small = JSON.stringify({ id: 'small', text: 'وصل 5 زوار.' });
    const r = khabar(['detect', '--jsonl', '--jobs', '1', '--kinds', 'figure', '--max-size', '2K', '-', path.join(tmp, 'missing.jsonl')], `${big}\n${small}\n`);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /stdin:1 \(id "big"\): text too large \(6000 bytes; the limit is 2048/);
    assert.match(r.stderr, /missing\.jsonl: no such file/);
    assert.match(r.stdout, /"id":"small","annotations":\[\{"kind":"figure"/);
  });

  it('--progress draws the bar on stderr (records, bytes, workers); it is wiped at the end', () => {
    const recs = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: i, text: `بلغ العدد ${i + 1} ألف شخص.` })).join('\n');
    const r = khabar(['detect', '--jsonl', '--progress', '--jobs', '2', '--kinds', 'figure'], recs);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /khabar detect: \d+ records, [\d.]+ [KM]?B, .*\/s, 2 workers/);
    assert.ok(r.stderr.endsWith('\r\x1b[K'), JSON.stringify(r.stderr.slice(-20)));
    assert.strictEqual(r.stdout.trim().split('\n').length, 30);
  });

  it('refuses a bad --jobs and contradictory progress flags as usage errors', () => {
    for (const [args, says] of [
      [['--jobs', '0'], /--jobs must be a whole number from 1, not 0/],
      [['--jobs', 'all'], /--jobs must be a whole number/],
      [['--progress', '--no-progress'], /contradict/],
    ] as const) {
      const r = khabar(['detect', ...args, '--jsonl'], '');
      assert.strictEqual(r.code, 2, r.stderr);
      assert.match(r.stderr, says);
    }
  });

  it('a JSON Lines stream of many records goes through with bounded work in flight, in order', () => {
    const n = 3000;
    const recs = Array.from({ length: n }, (_, i) => JSON.stringify({ id: i, text: `سجلت المدينة ${i} حالة.` })).join('\n');
    const r = khabar(['detect', '--jsonl', '--jobs', '2', '--kinds', 'figure'], recs);
    assert.strictEqual(r.code, 0, r.stderr);
    const ids = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: number }).id);
    assert.deepStrictEqual(ids, Array.from({ length: n }, (_, i) => i));
  });
});
