// The `khabar` CLI as a user runs it: the built dist/cli.js in a child process, its exit codes, its
// JSON contract, and every kind of bad file (each refused with the file's name and the reason while
// the other files are still processed).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const BAD = path.join(ROOT, 'test', 'fixtures', 'bad');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function khabar(args: string[], input?: string | Buffer, cwd = ROOT): Run {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

interface DetectLine {
  file: string;
  annotations: Array<{ kind: string; label: string; start: number; end: number; text: string; claimant?: { start: number; end: number; text: string } | null }>;
}

function jsonLines(stdout: string): DetectLine[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DetectLine);
}

/** The article text the offsets refer to: decoded, BOM removed, nothing else changed. */
function articleText(file: string): string {
  const b = fs.readFileSync(file);
  if (b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2)).swap16().toString('utf16le');
  return b.toString('utf8').replace(/^\uFEFF/, '');
}

function assertOffsetsHold(line: DetectLine, content: string): void {
  for (const a of line.annotations) {
    assert.ok(Number.isInteger(a.start) && Number.isInteger(a.end) && a.start >= 0 && a.start < a.end && a.end <= content.length, `${line.file}: bad span ${a.start}-${a.end}`);
    assert.strictEqual(a.text, content.slice(a.start, a.end), `${line.file}: text !== content.slice(${a.start}, ${a.end})`);
    if (a.claimant) assert.strictEqual(a.claimant.text, content.slice(a.claimant.start, a.claimant.end));
  }
}

/** Newest modification time under a folder (the sources the bundle is built from). */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

describe('khabar CLI (dist/cli.js)', function () {
  this.timeout(120000);
  let tmp = '';

  before(() => {
    const stale = !fs.existsSync(CLI) || fs.statSync(CLI).mtimeMs < Math.max(newest(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'package.json')).mtimeMs);
    if (stale) {
      const b = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(b.status, 0, `node esbuild.js failed:\n${b.stdout}${b.stderr}`);
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-cli-'));
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('help, version and usage errors', () => {
    it('--help prints the usage and exits 0', () => {
      for (const args of [['--help'], ['-h'], ['help']]) {
        const r = khabar(args);
        assert.strictEqual(r.code, 0, args.join(' '));
        assert.match(r.stdout, /Usage: khabar COMMAND/);
        assert.match(r.stdout, /detect/);
      }
    });

    it('detect --help prints the command options and exits 0', () => {
      const r = khabar(['detect', '--help']);
      assert.strictEqual(r.code, 0);
      assert.match(r.stdout, /--format json\|text/);
      assert.match(r.stdout, /--max-size/);
    });

    it('--version prints the package.json version', () => {
      for (const flag of ['--version', '-v']) {
        const r = khabar([flag]);
        assert.strictEqual(r.code, 0);
        assert.strictEqual(r.stdout.trim(), VERSION);
      }
    });

    const usage: Array<{ args: string[]; says: RegExp }> = [
      { args: [], says: /Usage: khabar/ },
      { args: ['frobnicate'], says: /unknown command frobnicate/ },
      { args: ['detect'], says: /at least one FILE/ },
      { args: ['detect', '--format', 'xml', 'a.txt'], says: /--format must be json or text/ },
      { args: ['detect', '--format'], says: /--format needs a value/ },
      { args: ['detect', '--kinds', 'entity,rumour', 'a.txt'], says: /unknown kind rumour/ },
      { args: ['detect', '--article-date', '2015/08/04', 'a.txt'], says: /YYYY-MM-DD/ },
      { args: ['detect', '--max-size', 'lots', 'a.txt'], says: /--max-size must be a size/ },
      { args: ['detect', '--colour', 'a.txt'], says: /unknown option --colour/ },
      { args: ['detect', '-x', 'a.txt'], says: /unknown option -x/ },
      { args: ['detect', '--help=yes'], says: /unknown option --help/ },
    ];
    for (const u of usage) {
      it(`exits 2 on a usage error: khabar ${u.args.join(' ') || '(nothing)'}`, () => {
        const r = khabar(u.args);
        assert.strictEqual(r.code, 2, r.stderr);
        assert.match(u.args.length === 0 ? r.stdout : r.stderr, u.says);
        assert.strictEqual(r.stderr.includes('    at '), false, 'a usage error must not print a stack trace');
      });
    }
  });

  describe('detect output', () => {
    it('prints one JSON object per file per line, offsets into the text after the BOM (BOM + CRLF + emoji)', () => {
      const file = path.join(BAD, 'bom-crlf-emoji.txt');
      const r = khabar(['detect', '--format', 'json', file]);
      assert.strictEqual(r.code, 0, r.stderr);
      const lines = jsonLines(r.stdout);
      assert.strictEqual(lines.length, 1);
      assert.strictEqual(lines[0]!.file, file);
      assert.ok(Array.isArray(lines[0]!.annotations));
      const content = articleText(file);
      assert.ok(content.includes('\r\n') && content.includes('😀') && content.charCodeAt(0) !== 0xfeff);
      assertOffsetsHold(lines[0]!, content);
      // The figures after the emoji and the CRLFs prove the offsets count UTF-16 units, not code points or bytes.
      const figures = lines[0]!.annotations.filter((a) => a.kind === 'figure').map((a) => a.text);
      assert.ok(figures.some((t) => t.includes('120')), `120 not found among ${JSON.stringify(figures)}`);
      assert.ok(figures.some((t) => t.includes('3.5')), `3.5 not found among ${JSON.stringify(figures)}`);
    });

    it('json is the default format, and several files give several lines in order', () => {
      const files = ['bom-crlf-emoji.txt', 'utf16le-bom.txt', 'empty.txt'].map((f) => path.join(BAD, f));
      const r = khabar(['detect', ...files]);
      assert.strictEqual(r.code, 0, r.stderr);
      const lines = jsonLines(r.stdout);
      assert.deepStrictEqual(
        lines.map((l) => l.file),
        files,
      );
      for (const l of lines) assertOffsetsHold(l, articleText(l.file));
      assert.deepStrictEqual(lines[2]!.annotations, []);
    });

    it('reads UTF-16 with a BOM (LE and BE) to the same text and the same offsets as VS Code would', () => {
      const le = jsonLines(khabar(['detect', path.join(BAD, 'utf16le-bom.txt')]).stdout)[0]!;
      const be = jsonLines(khabar(['detect', path.join(BAD, 'utf16be-bom.txt')]).stdout)[0]!;
      assertOffsetsHold(le, articleText(path.join(BAD, 'utf16le-bom.txt')));
      assert.deepStrictEqual(be.annotations, le.annotations);
      assert.ok(le.annotations.some((a) => a.kind === 'figure' && a.text.includes('0.5')), JSON.stringify(le.annotations));
    });

    it('reads stdin with -, BOM stripped, and names it -', () => {
      const content = fs.readFileSync(path.join(BAD, 'bom-crlf-emoji.txt'));
      const r = khabar(['detect', '-'], content);
      assert.strictEqual(r.code, 0, r.stderr);
      const [line] = jsonLines(r.stdout);
      assert.strictEqual(line!.file, '-');
      assertOffsetsHold(line!, articleText(path.join(BAD, 'bom-crlf-emoji.txt')));
      const fromFile = jsonLines(khabar(['detect', path.join(BAD, 'bom-crlf-emoji.txt')]).stdout)[0]!;
      assert.deepStrictEqual(line!.annotations, fromFile.annotations);
    });

    it('--kinds keeps only the kinds asked for', () => {
      const r = khabar(['detect', '--kinds', 'figure', path.join(BAD, 'bom-crlf-emoji.txt')]);
      assert.strictEqual(r.code, 0, r.stderr);
      const [line] = jsonLines(r.stdout);
      assert.ok(line!.annotations.length > 0);
      assert.ok(line!.annotations.every((a) => a.kind === 'figure'));
    });

    it('--format text gives file:line:column per finding, columns counted after the BOM', () => {
      const file = path.join(BAD, 'bom-crlf-emoji.txt');
      const r = khabar(['detect', '--format', 'text', '--kinds', 'figure', file]);
      assert.strictEqual(r.code, 0, r.stderr);
      const content = articleText(file);
      const first = jsonLines(khabar(['detect', '--kinds', 'figure', file]).stdout)[0]!.annotations[0]!;
      const before = content.slice(0, first.start);
      const line = before.split('\n').length;
      const column = first.start - (before.lastIndexOf('\n') + 1) + 1;
      assert.ok(r.stdout.startsWith(`${file}:${line}:${column}\tfigure\t`), r.stdout.split('\n')[0]);
    });

    it('--format text wraps each quote in U+2068/U+2069, and --no-isolate leaves them out', () => {
      const file = path.join(BAD, 'bom-crlf-emoji.txt');
      const quoteOf = (line: string): string => line.split('\t')[3]!.replace(/ \{.*$/, '');
      const isolated = khabar(['detect', '--format', 'text', '--kinds', 'figure', file]).stdout.split('\n')[0]!;
      const bare = khabar(['detect', '--format', 'text', '--no-isolate', '--kinds', 'figure', file]);
      assert.strictEqual(bare.code, 0, bare.stderr);
      const plain = bare.stdout.split('\n')[0]!;
      assert.match(quoteOf(isolated), /^\u2068[^\u2068\u2069]+\u2069$/);
      assert.strictEqual(quoteOf(plain), quoteOf(isolated).slice(1, -1));
      assert.ok(!/[\u2068\u2069]/.test(bare.stdout));
    });
  });

  describe('bad files: exit 1, the file and the reason on stderr, the other files still processed', () => {
    const cases: Array<{ name: string; file: () => string; reason: RegExp }> = [
      { name: 'a missing file', file: () => path.join(tmp, 'no-such-article.txt'), reason: /no such file/ },
      { name: 'a directory', file: () => BAD, reason: /is a directory/ },
      { name: 'a binary file', file: () => path.join(BAD, 'binary.png'), reason: /binary file/ },
      { name: 'UTF-16 without a BOM', file: () => path.join(BAD, 'utf16le-nobom.txt'), reason: /binary file/ },
      { name: 'invalid UTF-8', file: () => path.join(BAD, 'invalid-utf8.txt'), reason: /not valid UTF-8 \(first bad byte at offset 17\)/ },
      { name: 'Latin-1 text', file: () => path.join(BAD, 'latin1.txt'), reason: /not valid UTF-8 \(first bad byte at offset 6\)/ },
    ];
    for (const c of cases) {
      it(`refuses ${c.name}`, () => {
        const good = path.join(BAD, 'bom-crlf-emoji.txt');
        const bad = c.file();
        // Figures only: these cases are about reading files, not about the entity model.
        const r = khabar(['detect', '--kinds', 'figure', good, bad, good]);
        assert.strictEqual(r.code, 1, r.stderr);
        const errLines = r.stderr.trim().split('\n');
        assert.strictEqual(errLines.length, 1, r.stderr);
        assert.ok(errLines[0]!.startsWith(`khabar: ${bad}: `), errLines[0]);
        assert.match(errLines[0]!, c.reason);
        assert.deepStrictEqual(
          jsonLines(r.stdout).map((l) => l.file),
          [good, good],
        );
      });
    }

    it('refuses an unreadable file with "permission denied"', function () {
      if (process.getuid?.() === 0) this.skip(); // root reads everything
      const f = path.join(tmp, 'locked.txt');
      fs.writeFileSync(f, 'نص');
      fs.chmodSync(f, 0);
      const r = khabar(['detect', f]);
      assert.strictEqual(r.code, 1);
      assert.match(r.stderr, /permission denied/);
    });

    it('refuses a file over --max-size, naming both sizes; a file at the limit is read', () => {
      const f = path.join(tmp, 'two-kb.txt');
      fs.writeFileSync(f, 'أ'.repeat(1024)); // 2,048 bytes
      const over = khabar(['detect', '--max-size', '2047', f]);
      assert.strictEqual(over.code, 1);
      assert.match(over.stderr, new RegExp(`^khabar: ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: too large \\(2048 bytes; the limit is 2047 bytes, see --max-size`));
      assert.strictEqual(khabar(['detect', '--kinds', 'figure', '--max-size', '2K', f]).code, 0);
      assert.strictEqual(khabar(['detect', '--kinds', 'figure', '--max-size=1k', f]).code, 1);
    });

    it('refuses a 50 MB article quickly under the default limit, without reading it', () => {
      const f = path.join(tmp, 'fifty-mb.txt');
      const line = Buffer.from('قال المتحدث إن 50 شخصاً أصيبوا في الحادث.\n');
      const fd = fs.openSync(f, 'w');
      const block = Buffer.concat(Array.from({ length: Math.ceil((1024 * 1024) / line.length) }, () => line));
      for (let written = 0; written < 50 * 1024 * 1024; written += block.length) fs.writeSync(fd, block);
      fs.closeSync(fd);
      try {
        const r = khabar(['detect', '--kinds', 'figure', f, path.join(BAD, 'empty.txt')]);
        assert.strictEqual(r.code, 1);
        assert.match(r.stderr, /fifty-mb\.txt: too large \(50\.\d MB; the limit is 10\.0 MB, see --max-size/);
        assert.strictEqual(jsonLines(r.stdout).length, 1, 'the small file after it is still processed');
        assert.ok(r.ms < 5000, `took ${r.ms} ms`);
      } finally {
        fs.rmSync(f, { force: true });
      }
    });

    it('refuses an 8 GB sparse file with the size, not a crash (regression: "Invalid typed array length")', function () {
      const f = path.join(tmp, 'huge.txt');
      const fd = fs.openSync(f, 'w');
      try {
        fs.ftruncateSync(fd, 8 * 1024 ** 3);
      } catch {
        fs.closeSync(fd);
        this.skip(); // a file system without sparse files
      }
      fs.closeSync(fd);
      try {
        const r = khabar(['detect', f]);
        assert.strictEqual(r.code, 1);
        assert.match(r.stderr, /huge\.txt: too large \(8\.0 GB; the limit is 10\.0 MB/);
      } finally {
        fs.rmSync(f, { force: true });
      }
    });

    it('refuses too-large stdin with the same message', () => {
      const r = khabar(['detect', '--max-size', '100', '-'], Buffer.alloc(200, 0x41));
      assert.strictEqual(r.code, 1);
      assert.match(r.stderr, /^khabar: -: too large \(200 B; the limit is 100 B/);
    });

    it('refuses binary stdin', () => {
      const r = khabar(['detect', '-'], fs.readFileSync(path.join(BAD, 'binary.png')));
      assert.strictEqual(r.code, 1);
      assert.match(r.stderr, /^khabar: -: binary file/);
    });

    it('all files bad: exit 1 and no stdout', () => {
      const r = khabar(['detect', path.join(tmp, 'missing-1'), path.join(tmp, 'missing-2')]);
      assert.strictEqual(r.code, 1);
      assert.strictEqual(r.stdout, '');
      assert.strictEqual(r.stderr.trim().split('\n').length, 2);
    });

    it('a file name that looks like an option is read after --', () => {
      const f = path.join(tmp, '--odd.txt');
      fs.writeFileSync(f, 'ارتفع المؤشر 3 في المئة.');
      const r = khabar(['detect', '--kinds', 'figure', '--', '--odd.txt'], undefined, tmp);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.strictEqual(jsonLines(r.stdout)[0]!.file, '--odd.txt');
    });
  });
});
