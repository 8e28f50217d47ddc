// `khabar check` end to end: the built CLI (node esbuild.js first) on temporary copies of the fixture.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseSidecar } from '../../src/core/sidecar/parse';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'sidecar');

function run(cwd: string, ...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('khabar check', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-check-'));
    for (const f of ['article.txt', 'article.txt.annotations.yaml']) {
      fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): void => fs.writeFileSync(path.join(dir, name), text);
  const readBack = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');

  it('passes an untouched article, given either the article or the sidecar', () => {
    for (const arg of ['article.txt', 'article.txt.annotations.yaml', '.']) {
      const r = run(dir, arg);
      assert.strictEqual(r.code, 0, r.out + r.err);
      assert.match(r.out, /ok \(5 annotations, 0 moved, 0 orphans\)/);
    }
  });

  it('reports moved anchors and orphans with exit 1, and --fix writes the re-anchored file', () => {
    const article = readBack('article.txt');
    write('article.txt', 'عاجل: ' + article.replace('مدينة الزرقاء', 'مدينة إربد'));
    const before = readBack('article.txt.annotations.yaml');
    const r = run(dir, 'article.txt');
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /e3 moved: 186–197 → 192–203/);
    assert.match(r.out, /e5 orphan \(not found in article\.txt\): "الزرقاء"/);
    assert.strictEqual(readBack('article.txt.annotations.yaml'), before, 'check alone writes nothing');

    const fixed = run(dir, '--fix', 'article.txt');
    assert.strictEqual(fixed.code, 1, 'the orphan is still a problem');
    assert.match(fixed.out, /written/);
    const data = parseSidecar(readBack('article.txt.annotations.yaml'));
    assert.ok(data.ok);
    const text = readBack('article.txt');
    for (const a of data.data.annotations) {
      if (a.id === 'e5') assert.strictEqual(a.orphan, true);
      else assert.strictEqual(text.slice(a.target.start, a.target.end), a.target.exact);
    }
    // Once fixed, only the orphan remains.
    const again = run(dir, '--format', 'json', 'article.txt');
    const report = JSON.parse(again.out) as { moved: unknown[]; orphans: { id: string }[] };
    assert.deepStrictEqual(report.moved, []);
    assert.deepStrictEqual(report.orphans.map((o) => o.id), ['e5']);
    assert.deepStrictEqual(fs.readdirSync(dir).filter((f) => f.includes('.tmp-')), [], 'no temporary file left');
  });

  it('--fix on a moved article with a clean result exits 0', () => {
    write('article.txt', 'عاجل: ' + readBack('article.txt'));
    assert.strictEqual(run(dir, '--fix', 'article.txt').code, 0);
    assert.strictEqual(run(dir, 'article.txt').code, 0);
  });

  it('keeps a person\'s comments when fixing', () => {
    fs.copyFileSync(path.join(FIXTURES, 'hand-edited.annotations.yaml'), path.join(dir, 'article.txt.annotations.yaml'));
    write('article.txt', 'عاجل: ' + readBack('article.txt'));
    assert.strictEqual(run(dir, '--fix', 'article.txt').code, 0);
    const out = readBack('article.txt.annotations.yaml');
    assert.ok(out.includes('# the spokesman, checked against the ministry site'));
    assert.ok(out.includes('project: health-budget # our own field'));
  });

  it('points at errors with line and column, and never writes a broken file', () => {
    const broken = readBack('article.txt.annotations.yaml').replace('label: ORG', 'label: ORGANISATION');
    write('article.txt.annotations.yaml', broken);
    const r = run(dir, '--fix', 'article.txt');
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /article\.txt\.annotations\.yaml:8:\d+: error: annotation 1: `label` must be one of/);
    assert.strictEqual(readBack('article.txt.annotations.yaml'), broken);
  });

  it('reports git conflict markers as such', () => {
    const t = readBack('article.txt.annotations.yaml').replace('lastId: 5\n', '<<<<<<< HEAD\nlastId: 5\n=======\nlastId: 6\n>>>>>>> theirs\n');
    write('article.txt.annotations.yaml', t);
    const r = run(dir, 'article.txt');
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /:4:1: conflict: unresolved git merge conflict/);
  });

  it('usage errors exit 2; a missing file exits 1', () => {
    assert.strictEqual(run(dir).code, 2);
    assert.strictEqual(run(dir, '--format', 'xml', 'article.txt').code, 2);
    assert.strictEqual(run(dir, 'nope.txt').code, 1);
  });
});
