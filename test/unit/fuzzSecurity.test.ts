// Hostile and broken input from files Khabar does not control: sidecars (committed by others, merged by
// git, cut short by a crash), paths inside them, and the text they carry into hovers. Complements the
// store's own tables (test/unit/sidecar.test.ts) with properties and the cases those tables lack.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { escapeMarkdown, showText, webLink } from '../../src/core/editor/markdown';
import { safeRelativePath, UnsafePathError } from '../../src/core/export/paths';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { serializeSidecar, SidecarWriteError } from '../../src/core/sidecar/serialize';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sidecar');
const GOOD = fs.readFileSync(path.join(FIXTURES, 'article.txt.annotations.yaml'), 'utf8');
const HAND = fs.readFileSync(path.join(FIXTURES, 'hand-edited.annotations.yaml'), 'utf8');

const SEED = Number(process.env.KHABAR_FUZZ_SEED ?? 20261129);
const SCALE = Number(process.env.KHABAR_FUZZ_SCALE ?? 1);
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns: Math.max(1, Math.round(numRuns * SCALE)), seed: SEED });

type Parsed = ReturnType<typeof parseSidecar>;

/** A refusal must say where: 1-based line and column and a message, never a throw. */
function checkRefusal(r: Parsed, input: string): void {
  if (r.ok) return;
  assert.ok(r.errors.length > 0, `no error given for ${JSON.stringify(input.slice(0, 80))}`);
  for (const e of r.errors) {
    assert.ok(e.message.length > 0);
    assert.ok(Number.isInteger(e.line) && e.line >= 1 && Number.isInteger(e.col) && e.col >= 1, JSON.stringify(e));
  }
}

/** Whatever the file on disk holds, a save either builds on a file that read, or refuses. */
function checkNeverOverwritten(previous: string): void {
  const data = parseSidecar(GOOD);
  assert.ok(data.ok);
  if (!data.ok) return;
  const prev = parseSidecar(previous);
  if (prev.ok) {
    assert.doesNotThrow(() => serializeSidecar(data.data, previous));
  } else {
    assert.throws(() => serializeSidecar(data.data, previous), SidecarWriteError);
  }
}

/** Plain data all the way down: no functions, class instances, Dates, Maps, Buffers or prototypes set from the file. */
function assertPlainData(v: unknown, where = 'data'): void {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return;
  assert.notStrictEqual(typeof v, 'function', `${where} is a function`);
  assert.strictEqual(typeof v, 'object', `${where} is a ${typeof v}`);
  if (Array.isArray(v)) {
    v.forEach((x, i) => assertPlainData(x, `${where}[${i}]`));
    return;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  assert.ok(proto === Object.prototype || proto === null, `${where} is not a plain object`);
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) assertPlainData(x, `${where}.${k}`);
}

describe('fuzz: sidecars that are broken, cut short or hostile', function () {
  this.timeout(60000);

  it('a sidecar truncated anywhere is read or refused with a position, never thrown on', () => {
    for (const source of [GOOD, HAND]) {
      // Every line end (where a crash mid-write usually leaves a file) and every 5th character.
      const cuts = new Set<number>([source.length]);
      for (let i = 0; i < source.length; i++) if (source[i] === '\n' || i % 5 === 0) cuts.add(i);
      for (const cut of cuts) {
        const t = source.slice(0, cut);
        let r: Parsed | undefined;
        assert.doesNotThrow(() => {
          r = parseSidecar(t);
        }, `cut at ${cut}`);
        checkRefusal(r!, t);
        if (r!.ok) assertPlainData(r!.data);
      }
    }
  });

  it('a truncated sidecar on disk is never the base of a save (spot check every 15th cut)', () => {
    for (let cut = 0; cut < GOOD.length; cut += 15) checkNeverOverwritten(GOOD.slice(0, cut));
  });

  it('random edits (insert, delete, replace) never make the parser throw or return non-plain data', () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(': ', '\n', '- ', '  ', '"', "'", '!!', '&a ', '*a', '{', '[', '<<<<<<< HEAD\n', '=======\n', '#')));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let t = GOOD;
        for (const [at, del, ins] of edits) {
          const i = at % (t.length + 1);
          t = t.slice(0, i) + ins + t.slice(i + del);
        }
        const r = parseSidecar(t);
        checkRefusal(r, t);
        if (r.ok) assertPlainData(r.data);
        checkNeverOverwritten(t);
      }),
      params(100),
    );
  });

  const hostile: Array<{ name: string; text: string }> = [
    { name: '!!binary', text: GOOD.replace('author: reviewer', 'author: !!binary aGVsbG8=') },
    { name: '!!timestamp', text: GOOD.replace('author: reviewer', 'author: !!timestamp 2001-12-14') },
    { name: '!!set', text: GOOD.replace('author: reviewer', 'author: !!set {a, b}') },
    { name: '!!omap', text: GOOD.replace('author: reviewer', 'author: !!omap [a: 1]') },
    { name: '!!python/object', text: GOOD.replace('author: reviewer', 'author: !!python/object:os.system [ls]') },
    { name: '!!js/function', text: GOOD.replace('author: reviewer', 'author: !!js/function "function () { return 1 }"') },
    { name: '!!js/regexp', text: GOOD.replace('author: reviewer', 'author: !!js/regexp /x/') },
    { name: 'a verbatim tag', text: GOOD.replace('author: reviewer', 'author: !<tag:yaml.org,2002:js/undefined> x') },
    { name: 'a %TAG directive and its tag', text: `%TAG !x! tag:evil.example,2026:\n---\n${GOOD.replace('author: reviewer', 'author: !x!shell reviewer')}` },
    { name: 'an alias bomb', text: `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n${GOOD}` },
  ];
  for (const h of hostile) {
    it(`never constructs objects from ${h.name}: refused with a position, or read as plain data`, () => {
      const r = parseSidecar(h.text);
      checkRefusal(r, h.text);
      if (r.ok) assertPlainData(r.data);
      assert.strictEqual(r.ok, false, `${h.name} was accepted`);
      checkNeverOverwritten(h.text);
    });
  }

  it('an unused %TAG directive is harmless: whatever is read is plain data', () => {
    const text = `%TAG !x! tag:evil.example,2026:\n---\n${GOOD}`;
    const r = parseSidecar(text);
    checkRefusal(r, text);
    if (r.ok) assertPlainData(r.data);
  });

  it('a YAML merge key (<<) is an ordinary unknown field, never merged into the record', () => {
    const text = GOOD.replace('author: reviewer', 'author: reviewer\n    <<: {status: rejected, label: PER}');
    const r = parseSidecar(text);
    checkRefusal(r, text);
    if (!r.ok) return;
    assertPlainData(r.data);
    const merged = r.data.annotations.find((a) => a.author === 'reviewer');
    assert.ok(merged);
    assert.notStrictEqual(merged.status, 'rejected');
    assert.notStrictEqual(merged.label, 'PER');
  });

  it('a __proto__ or constructor key cannot change any object\'s prototype', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = GOOD.replace('    kind: entity\n', `    kind: entity\n    ${key}:\n      polluted: yes\n`).replace('khabar: 1\n', `khabar: 1\n${key}:\n  polluted: yes\n`);
      const r = parseSidecar(text);
      checkRefusal(r, text);
      if (r.ok) {
        assertPlainData(r.data);
        for (const a of r.data.annotations) assert.strictEqual(Object.getPrototypeOf(a), Object.prototype);
      }
      assert.strictEqual(({} as Record<string, unknown>).polluted, undefined, `${key} polluted Object.prototype`);
    }
  });

  it('a sidecar of a newer version or with conflict markers is refused and never overwritten', () => {
    for (const t of [GOOD.replace(/khabar: [12]/, 'khabar: 4'), GOOD.replace(/khabar: [12]/, 'khabar: 1.5'), `<<<<<<< ours\n${GOOD}=======\n${GOOD}>>>>>>> theirs\n`]) {
      const r = parseSidecar(t);
      assert.strictEqual(r.ok, false);
      checkRefusal(r, t);
      checkNeverOverwritten(t);
    }
  });
});

describe('fuzz: text from a sidecar cannot become markup or a command in a hover', () => {
  const SPECIALS = new Set('\\`*_{}[]()#+-.!|<>~&'.split(''));

  /** What is left after removing the escapes: no markdown or HTML special character may remain bare. */
  function bareSpecials(escaped: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < escaped.length; i++) {
      if (escaped[i] === '\\') {
        i++;
        continue;
      }
      if (SPECIALS.has(escaped[i]!)) out.push(escaped[i]!);
    }
    return out;
  }

  const attacks = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom(
      '[run](command:workbench.action.terminal.new)',
      '[x](command:khabar.exportAll?%5B%22..%2F..%2Fetc%22%5D)',
      '<a href="command:workbench.action.files.delete">حذف</a>',
      '![img](https://evil.example/x.png)',
      '<img src=x onerror=alert(1)>',
      '\\[escaped\\](command:x)',
      '`code` **bold** _em_ ~~del~~',
      'line one\nline two\r\n# heading',
      '[قال](command:workbench.action.openSettings)',
      '&lt;script&gt;',
    ),
  );

  it('escapeMarkdown leaves no bare special character and no line break', () => {
    fc.assert(
      fc.property(attacks, (s) => {
        const e = escapeMarkdown(s);
        assert.deepStrictEqual(bareSpecials(e), [], JSON.stringify(e));
        assert.ok(!/[\r\n]/.test(e));
      }),
      params(2000),
    );
  });

  it('regression: a lone CR (old Mac line end, a line break in CommonMark) is not left in hover text', () => {
    assert.ok(!/[\r\n]/.test(escapeMarkdown('سطر\r# عنوان')), JSON.stringify(escapeMarkdown('سطر\r# عنوان')));
    assert.ok(!/[\r\n]/.test(escapeMarkdown('\r')));
  });

  it('showText (what hovers print for sidecar text) leaves no bare special character', () => {
    fc.assert(
      fc.property(attacks, fc.integer({ min: 1, max: 200 }), (s, max) => {
        const e = showText(s, max);
        assert.deepStrictEqual(bareSpecials(e), [], JSON.stringify(e));
      }),
      params(2000),
    );
  });

  it('webLink links only http(s) URLs, and its href cannot close the link early', () => {
    const urls = fc.oneof(
      attacks,
      fc.webUrl(),
      fc.constantFrom('command:workbench.action.terminal.new', 'javascript:alert(1)', 'file:///etc/passwd', 'https://x.example/a)(command:y', 'https://x.example/ a', 'HTTPS://X.EXAMPLE/'),
    );
    fc.assert(
      fc.property(urls, (u) => {
        const out = webLink(u);
        const m = /^\[(.*)\]\(([^]*)\)$/.exec(out);
        if (!m || bareSpecials(out).length === 0) return; // escaped text, not a link
        assert.match(m[2]!, /^https?:\/\/[^\s()]*$/i, out);
        assert.deepStrictEqual(bareSpecials(m[1]!), [], out);
      }),
      params(2000),
    );
  });
});

describe('fuzz: paths from sidecars cannot leave the export folder', () => {
  const segment = fc.oneof(
    fc.constantFrom('..', '.', '', 'news', 'أخبار', '...', '.. ', ' ..', '..\u200b', '%2e%2e', '\uff0e\uff0e', 'C:', 'c:', '~', '\\', '//', 'a\0b', 'file:', 'x:y'),
    fc.string({ maxLength: 6 }),
  );
  const paths = fc.tuple(fc.constantFrom('', '/', '\\', 'C:\\', '\\\\server\\share\\', 'file:///', './'), fc.array(segment, { maxLength: 6 }), fc.constantFrom('/', '\\')).map(([lead, segs, sep]) => lead + segs.join(sep));

  it('regression: a drive letter after ./ is refused (./x:y resolved to drive X: on Windows)', () => {
    for (const p of ['./x:y', './/C:/Windows/win.ini', '.\\d:evil.txt', './c:']) {
      assert.throws(() => safeRelativePath(p), UnsafePathError, p);
    }
  });

  it('whatever it accepts resolves inside the root on POSIX and on Windows', () => {
    fc.assert(
      fc.property(paths, (p) => {
        let r: string;
        try {
          r = safeRelativePath(p);
        } catch (e) {
          assert.ok(e instanceof UnsafePathError, `threw ${String(e)}`);
          return;
        }
        const posix = path.posix.resolve('/export/root', r);
        assert.ok(posix.startsWith('/export/root/'), `${JSON.stringify(p)} → ${posix}`);
        const win = path.win32.resolve('C:\\export\\root', r);
        assert.ok(win.toLowerCase().startsWith('c:\\export\\root\\'), `${JSON.stringify(p)} → ${win}`);
        assert.ok(!r.includes('\0'));
      }),
      params(3000),
    );
  });
});
