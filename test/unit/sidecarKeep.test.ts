// Issue 15, "nothing the user wrote is dropped or changed" and "hostile sidecars are bounded":
// through the core API and through the built CLI (node esbuild.js first), each failure a message
// with file and line, never a stack trace, never a write.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { anchorFor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord, SidecarData } from '../../src/core/annotationRecord';
import { decodeSidecar, MAX_SIDECAR_BYTES, sidecarSizeError } from '../../src/core/sidecar/bytes';
import { addRecord, IdsExhaustedError, reattachRecord } from '../../src/core/sidecar/edit';
import { LargeInteger } from '../../src/core/sidecar/largeInteger';
import { mergeSidecars } from '../../src/core/sidecar/merge';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { serializeSidecar } from '../../src/core/sidecar/serialize';
import { syncWithArticle } from '../../src/core/sidecar/sync';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'sidecar');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const ARTICLE = read('article.txt');

function mustParse(text: string): Extract<ReturnType<typeof parseSidecar>, { ok: true }> {
  const r = parseSidecar(text);
  if (!r.ok) assert.fail(`did not parse: ${r.kind} ${JSON.stringify(r.errors)}`);
  return r;
}

function khabar(cwd: string, ...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** A file as bytes, to compare exactly (a refused file must not change by a single byte). */
const bytesOf = (p: string): Buffer => fs.readFileSync(p);

/** No stack trace: no "    at f (file:line)" line and no bare RangeError/TypeError. */
function assertNoStack(s: string): void {
  assert.ok(!/^\s+at .*[(:]\d+/m.test(s) && !/RangeError|TypeError|Maximum call stack/.test(s), `a stack trace or raw error leaked:\n${s.slice(0, 800)}`);
}

/** The fixture (version 2) with a person's own fields at every level. */
const WITH_OWN = read('article.txt.annotations.yaml')
  .replace('  path: article.txt\n', '  path: article.txt\n  url: https://news.example.org/budget\n  title: "موازنة 2026"\n')
  .replace('lastId: 5\n', 'lastId: 5\nsource_tweet_id: 1399412345678901234\n')
  .replace('      suffix: " إن الحكومة خصصت 250 مليون دينار"\n', '      suffix: " إن الحكومة خصصت 250 مليون دينار"\n      checked_by: sara\n')
  .replace('  - id: e5\n', '  - id: e5\n    tweet: 1399412345678901235\n');

describe('sidecar: nothing the user wrote is dropped or changed', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-keep-'));
    fs.writeFileSync(path.join(dir, 'article.txt'), ARTICLE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const sidecarPath = (): string => path.join(dir, 'article.txt.annotations.yaml');

  it('fields under document and target, and big integers, survive a re-anchoring save (core)', () => {
    const r = mustParse(WITH_OWN);
    assert.strictEqual(r.doc, undefined, 'Khabar-written layout with own fields still reads on the fast path');
    const synced = syncWithArticle(r.data, 'عاجل: ' + ARTICLE);
    assert.ok(synced.changed && synced.moved.includes('e3'));
    const out = serializeSidecar(synced.data, WITH_OWN);
    assert.match(out, /^document:\n {2}path: article\.txt\n {2}url: https:\/\/news\.example\.org\/budget\n {2}title: "موازنة 2026"\n/m);
    assert.match(out, /^source_tweet_id: 1399412345678901234$/m);
    assert.match(out, /^ {4}tweet: 1399412345678901235$/m);
    assert.match(out, /suffix: " إن الحكومة خصصت 250 مليون دينار"\n {6}checked_by: sara\n/);
    const back = mustParse(out).data as unknown as Record<string, unknown>;
    assert.ok(back['source_tweet_id'] instanceof LargeInteger);
    assert.strictEqual(String(back['source_tweet_id']), '1399412345678901234');
  });

  it('`check --fix` after an edit keeps them, and the comments of a hand-edited file (CLI)', () => {
    const hand = '# checked by the desk\n' + WITH_OWN.replace('    label: PER\n', '    label: PER # the spokesman\n');
    fs.writeFileSync(sidecarPath(), hand);
    fs.writeFileSync(path.join(dir, 'article.txt'), 'عاجل: ' + ARTICLE);
    const r = khabar(dir, 'check', '--fix', 'article.txt');
    assert.strictEqual(r.code, 0, r.out + r.err);
    assert.match(r.out, /e3 moved \(fixed\)/);
    const out = fs.readFileSync(sidecarPath(), 'utf8');
    for (const kept of ['# checked by the desk', 'label: PER # the spokesman', 'url: https://news.example.org/budget', 'title: "موازنة 2026"', 'source_tweet_id: 1399412345678901234', 'tweet: 1399412345678901235', '      checked_by: sara\n']) {
      assert.ok(out.includes(kept), `lost: ${kept}\n${out}`);
    }
  });

  it('a target field stays when the annotation is re-attached, and when an undo re-anchors it', () => {
    const r = mustParse(WITH_OWN);
    const s = ARTICLE.indexOf('أحمد السالم');
    const moved = reattachRecord(r.data, 'e3', ARTICLE, s, s + 4)!;
    const e3 = moved.data.annotations.find((a) => a.id === 'e3')!.target as unknown as Record<string, unknown>;
    assert.strictEqual(e3['checked_by'], 'sara');
    assert.strictEqual(e3['end'], s + 4);
  });

  it('a person\'s spelling of numbers stays: 1.50, 0x1f, and integers in flow lists', () => {
    const text = read('article.txt.annotations.yaml').replace('lastId: 5\n', 'lastId: 5\nweights: [1.50, 0x1f, 1399412345678901234]\nratio: 1.50\n');
    const r = mustParse(text);
    const out = serializeSidecar({ ...r.data, annotations: r.data.annotations.filter((a) => a.id !== 'e5') }, text);
    assert.match(out, /^weights: \[ 1\.50, 0x1f, 1399412345678901234 \]$/m);
    assert.match(out, /^ratio: 1\.50$/m);
  });

  it('a big integer in a user field goes into JSON exports as its digits, never rounded', () => {
    const r = mustParse(WITH_OWN);
    const e5 = r.data.annotations.find((a) => a.id === 'e5')!;
    assert.strictEqual(JSON.stringify({ tweet: (e5 as unknown as Record<string, unknown>)['tweet'] }), '{"tweet":"1399412345678901235"}');
  });

  it('merges compare big integers by their digits', () => {
    const base = mustParse(WITH_OWN).data;
    const ours = mustParse(WITH_OWN.replace('tweet: 1399412345678901235', 'tweet: 1399412345678901236')).data;
    const m = mergeSidecars(base, ours, base);
    assert.deepStrictEqual(m.conflicts, []);
    assert.strictEqual(String((m.data.annotations.find((a) => a.id === 'e5') as unknown as Record<string, unknown>)['tweet']), '1399412345678901236');
  });
});

describe('sidecar: id counters past 2^53 are a clear error', () => {
  const good = read('article.txt.annotations.yaml');
  it('lastId above 2^53 − 1 is refused with its line, exact or not', () => {
    for (const v of ['9007199254740992', '99999999999999999999', '1399412345678901234']) {
      const r = parseSidecar(good.replace('lastId: 5', `lastId: ${v}`));
      assert.ok(!r.ok, v);
      if (r.ok) return;
      assert.strictEqual(r.kind, 'schema');
      assert.match(r.errors[0]!.message, /`lastId` is above 9007199254740991/);
      assert.strictEqual(r.errors[0]!.line, 4);
    }
    assert.ok(parseSidecar(good.replace('lastId: 5', 'lastId: 9007199254740990')).ok);
  });

  it('adding an annotation when the counter is at the limit throws instead of repeating an id', () => {
    const data = mustParse(good.replace('lastId: 5', 'lastId: 9007199254740991')).data;
    const target = anchorFor(ARTICLE, 0, 5);
    assert.throws(() => addRecord(data, { kind: 'note', label: 'NOTE', status: 'accepted', target }), IdsExhaustedError);
    // An id's own digits count too.
    const byId = mustParse(good.replace('id: e5', 'id: e9007199254740991')).data;
    assert.throws(() => addRecord(byId, { kind: 'note', label: 'NOTE', status: 'accepted', target }), /no new annotation id/);
    const below = mustParse(good.replace('lastId: 5', 'lastId: 9007199254740990')).data;
    const added = addRecord(below, { kind: 'note', label: 'NOTE', status: 'accepted', target });
    assert.strictEqual(added.record.id, 'n9007199254740991');
    assert.ok(mustParse(serializeSidecar(added.data)).data.annotations.some((a) => a.id === 'n9007199254740991'));
  });

  it('a merge that must rename an id at the limit throws instead of writing a duplicate', () => {
    const base: SidecarData = { ...mustParse(good).data, lastId: Number.MAX_SAFE_INTEGER };
    const mine: AnnotationRecord = { id: 'n6', kind: 'note', label: 'NOTE', status: 'accepted', target: anchorFor(ARTICLE, 0, 5), note: 'a' };
    const theirs: AnnotationRecord = { ...mine, note: 'b' };
    assert.throws(() => mergeSidecars(base, { ...base, annotations: [...base.annotations, mine] }, { ...base, annotations: [...base.annotations, theirs] }), IdsExhaustedError);
  });
});

describe('sidecar: invalid bytes, huge and deeply nested files are refused (core and CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-hostile-'));
    fs.writeFileSync(path.join(dir, 'article.txt'), ARTICLE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const sidecarPath = (): string => path.join(dir, 'article.txt.annotations.yaml');

  /** check, check --fix (after an edit, so there would be something to write) and export: each exits 1 with `message`, writes nothing. */
  function refusedEverywhere(message: RegExp, line?: number): void {
    const before = bytesOf(sidecarPath());
    fs.writeFileSync(path.join(dir, 'article.txt'), 'عاجل: ' + ARTICLE);
    for (const args of [['check', 'article.txt'], ['check', '--fix', 'article.txt'], ['export', '--format', 'json', 'article.txt']]) {
      const r = khabar(dir, ...args);
      assert.strictEqual(r.code, 1, `${args.join(' ')}: ${r.out}${r.err}`);
      const said = r.out + r.err;
      assert.match(said, message, args.join(' '));
      const where = new RegExp(`article\\.txt\\.annotations\\.yaml:${line ?? '\\d+'}:\\d+: `);
      assert.match(said, where, `${args.join(' ')} names the file and line: ${said}`);
      assertNoStack(said);
      assert.ok(bytesOf(sidecarPath()).equals(before), `${args.join(' ')} changed the file`);
    }
    assert.deepStrictEqual(fs.readdirSync(dir).filter((f) => f.includes('.tmp-')), []);
  }

  it('Windows-1256 bytes: refused by check --fix with the line, not turned into U+FFFD (CLI)', () => {
    const good = Buffer.from(read('article.txt.annotations.yaml'), 'utf8');
    // "الرقم" in Windows-1256: C7 E1 D1 DE E3.
    const bad = Buffer.from(good.toString('latin1').replace('note: "', 'note: "\xc7\xe1\xd1\xde\xe3 '), 'latin1');
    fs.writeFileSync(sidecarPath(), bad);
    refusedEverywhere(/not valid UTF-8 \(byte 0xC7 at offset \d+\).*iconv/, 58);
  });

  it('the shared decoder: the line and column of the first bad byte, UTF-16 named as such, a BOM allowed', () => {
    const r = decodeSidecar(new Uint8Array([0x61, 0x0a, 0x62, 0x63, 0xc7, 0x0a]));
    assert.ok(!r.ok);
    if (r.ok) return;
    assert.deepStrictEqual([r.kind, r.errors[0]!.line, r.errors[0]!.col], ['encoding', 2, 3]);
    const utf16 = decodeSidecar(new Uint8Array([0xff, 0xfe, 0x61, 0x00]));
    assert.ok(!utf16.ok && /UTF-16/.test(utf16.errors[0]!.message));
    const bom = decodeSidecar(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(read('article.txt.annotations.yaml'))]));
    assert.ok(bom.ok && parseSidecar(bom.text).ok);
    // Overlong encodings and surrogates are invalid too.
    for (const seq of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) assert.ok(!decodeSidecar(new Uint8Array(seq)).ok, seq.join(' '));
  });

  it('a file over 32 MB is refused from its size before it is read (CLI and core)', () => {
    // A sparse file: 40 MB on stat, nothing on disk, and it would take seconds and hundreds of MB to read and decode.
    fs.writeFileSync(sidecarPath(), '');
    fs.truncateSync(sidecarPath(), 40 * 1024 * 1024);
    const t0 = Date.now();
    refusedEverywhere(/40\.0 MB, larger than the 32 MB Khabar loads/, 1);
    assert.ok(Date.now() - t0 < 30000);
    assert.strictEqual(sidecarSizeError(MAX_SIDECAR_BYTES), undefined);
    assert.match(sidecarSizeError(MAX_SIDECAR_BYTES + 1)!.message, /larger than the 32 MB/);
  });

  const deepBlock = (n: number): string => 'deep:\n' + Array.from({ length: n }, (_, i) => '  '.repeat(i + 1) + 'k:\n').join('') + '  '.repeat(n + 1) + 'k: 1\n';
  const deepFlow = (n: number): string => 'deep: ' + '['.repeat(n) + ']'.repeat(n) + '\n';
  const HOSTILE: { name: string; yaml: () => string; line: number }[] = [
    { name: '2,000-deep block nesting', yaml: () => read('article.txt.annotations.yaml').replace('lastId: 5\n', 'lastId: 5\n' + deepBlock(2000)), line: 70 },
    { name: '2,000-deep block nesting in a commented file', yaml: () => '# c\n' + read('article.txt.annotations.yaml').replace('lastId: 5\n', 'lastId: 5\n' + deepBlock(2000)), line: 71 },
    { name: '5,000 nested [ in a user field', yaml: () => read('article.txt.annotations.yaml').replace('lastId: 5\n', 'lastId: 5\n' + deepFlow(5000)), line: 5 },
    { name: '100 nested [ in a record (deep, but no stack overflow)', yaml: () => read('article.txt.annotations.yaml').replace('  - id: e5\n', '  - id: e5\n    ' + deepFlow(100)), line: 63 },
  ];
  for (const c of HOSTILE) {
    it(`${c.name}: refused with the line by check, check --fix and export (CLI)`, () => {
      fs.writeFileSync(sidecarPath(), c.yaml());
      refusedEverywhere(/nested more than 64 levels deep/, c.line);
    });
    it(`${c.name}: parseSidecar says so without throwing`, () => {
      const r = parseSidecar(c.yaml());
      assert.ok(!r.ok);
      if (r.ok) return;
      assert.ok(r.kind === 'too-deep' || r.kind === 'schema', r.kind);
      assert.match(r.errors[0]!.message, /nested more than 64 levels deep/);
      assert.strictEqual(r.errors[0]!.line, c.line);
    });
  }

  it('64 levels, the limit, still read and write', () => {
    const yaml = read('article.txt.annotations.yaml').replace('lastId: 5\n', 'lastId: 5\n' + deepFlow(62));
    const r = mustParse(yaml);
    assert.strictEqual(serializeSidecar(r.data, yaml), yaml);
    const commented = '# c\n' + yaml;
    assert.ok(parseSidecar(serializeSidecar(mustParse(commented).data, commented)).ok);
  });
});

describe('sidecar JSON schema follows the format versions', () => {
  // ajv comes with the packaging tools (not a direct dependency): without it there is nothing to run.
  let validate: ((v: unknown) => boolean) | undefined;
  before(function () {
    try {
      const Ajv = (require('ajv') as { default: new (o: object) => { compile(s: object): (v: unknown) => boolean } }).default;
      validate = new Ajv({ strict: false }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'sidecar.schema.json'), 'utf8')) as object);
    } catch {
      this.skip();
    }
  });
  const asJson = (yaml: string): unknown => JSON.parse(JSON.stringify(require('yaml').parse(yaml)));
  it('accepts versions 3, 2 and 1 as Khabar reads them, and refuses what it refuses', () => {
    const v2 = read('article.txt.annotations.yaml');
    for (const ok of [v2, v2.replace('khabar: 2', 'khabar: 3'), read('version1.annotations.yaml'), read('hand-edited.annotations.yaml')]) assert.ok(validate!(asJson(ok)), ok.slice(0, 40));
    for (const bad of [v2.replace('step: 119', 'start: 125'), v2.replace('      step: 6\n', ''), v2.replace('lastId: 5', 'lastId: 9007199254740993'), v2.replace('khabar: 2', 'khabar: 4'), read('version1.annotations.yaml').replace(/ {2}sha256: .*\n/, '')]) {
      assert.ok(!validate!(asJson(bad)), bad.slice(0, 60));
      assert.ok(!parseSidecar(bad).ok);
    }
  });
});

describe('sidecar version 1 still loads, and is migrated at the next save', () => {
  const v1 = read('version1.annotations.yaml');
  const v2 = read('article.txt.annotations.yaml');

  it('reads to the same annotations as version 2 and is written as exactly the version-2 file', () => {
    const a = mustParse(v1);
    const b = mustParse(v2);
    assert.deepStrictEqual(a.data.annotations, b.data.annotations);
    assert.strictEqual(a.data.khabar, 1);
    assert.strictEqual(serializeSidecar(a.data, v1), v2);
  });

  it('a hand-edited version-1 file keeps its comments and own fields when migrated', () => {
    const hand = read('hand-edited.annotations.yaml');
    const r = mustParse(hand);
    assert.ok(r.doc);
    const out = serializeSidecar(syncWithArticle(r.data, 'عاجل: ' + ARTICLE).data, r.doc);
    assert.match(out, /^khabar: 2$/m);
    assert.ok(!/^ {2}(sha256|length):|^ {6}(start|end):/m.test(out), out);
    for (const kept of ["# Reviewed by the desk on Sunday; keep e3's note.", 'project: health-budget # our own field', '# the spokesman, checked against the ministry site', 'kind: entity # person', 'reviewer_tags: [ spokesman, verified ]']) {
      assert.ok(out.includes(kept), `lost: ${kept}\n${out}`);
    }
    // Steps in place of start/end, first among the target's keys, and right for the edited article.
    assert.match(out, /target:\n {6}step: 12\n {6}exact: "وزارة الصحة"/);
    const back = mustParse(out);
    for (const a of back.data.annotations) assert.strictEqual(('عاجل: ' + ARTICLE).slice(a.target.start, a.target.end), a.target.exact, a.id);
  });

  it('`check` says it will be migrated; `check --fix` leaves an up-to-date version-1 file alone (CLI)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-v1-'));
    try {
      fs.writeFileSync(path.join(dir, 'article.txt'), ARTICLE);
      fs.writeFileSync(path.join(dir, 'article.txt.annotations.yaml'), v1);
      const r = khabar(dir, 'check', '--fix', 'article.txt');
      assert.strictEqual(r.code, 0, r.out + r.err);
      assert.match(r.out, /format version 1: read as it is, written as version 2 at the next save/);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'article.txt.annotations.yaml'), 'utf8'), v1, 'nothing to fix: not rewritten');
      fs.writeFileSync(path.join(dir, 'article.txt'), 'عاجل: ' + ARTICLE);
      assert.strictEqual(khabar(dir, 'check', '--fix', 'article.txt').code, 0);
      assert.match(fs.readFileSync(path.join(dir, 'article.txt.annotations.yaml'), 'utf8'), /^khabar: 2\n/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
