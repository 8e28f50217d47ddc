// decodeArticle: what bytes count as an article, and the reason given for each one that does not.
import * as assert from 'assert';
import { decodeArticle, formatBytes, tooLargeReason } from '../../src/core/decode';

const ARABIC = 'أعلنت وزارة الصحة تسجيل 12 حالة جديدة.';

function utf8(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'utf8'));
}

function utf16le(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'utf16le'));
}

function utf16be(s: string): Uint8Array {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return new Uint8Array(be);
}

function concat(...parts: Array<Uint8Array | number[]>): Uint8Array {
  return new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));
}

describe('decodeArticle', () => {
  const ok: Array<{ name: string; bytes: Uint8Array; text: string; encoding: string; hadBom: boolean }> = [
    { name: 'plain UTF-8', bytes: utf8(ARABIC), text: ARABIC, encoding: 'utf-8', hadBom: false },
    { name: 'UTF-8 with BOM (BOM removed, offsets after it)', bytes: concat([0xef, 0xbb, 0xbf], utf8(ARABIC)), text: ARABIC, encoding: 'utf-8', hadBom: true },
    { name: 'UTF-8 BOM + CRLF + emoji kept as is', bytes: concat([0xef, 0xbb, 0xbf], utf8('سطر أول 😀\r\nسطر ثان')), text: 'سطر أول 😀\r\nسطر ثان', encoding: 'utf-8', hadBom: true },
    { name: 'UTF-16LE with BOM', bytes: concat([0xff, 0xfe], utf16le(ARABIC)), text: ARABIC, encoding: 'utf-16le', hadBom: true },
    { name: 'UTF-16BE with BOM', bytes: concat([0xfe, 0xff], utf16be(ARABIC)), text: ARABIC, encoding: 'utf-16be', hadBom: true },
    { name: 'UTF-16LE with BOM and an emoji', bytes: concat([0xff, 0xfe], utf16le('خبر 🇸🇦')), text: 'خبر 🇸🇦', encoding: 'utf-16le', hadBom: true },
    { name: 'empty file', bytes: new Uint8Array(0), text: '', encoding: 'utf-8', hadBom: false },
    { name: 'only a BOM', bytes: new Uint8Array([0xef, 0xbb, 0xbf]), text: '', encoding: 'utf-8', hadBom: true },
    { name: 'a second BOM after the first is text (U+FEFF kept)', bytes: concat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], utf8('نص')), text: '\ufeffنص', encoding: 'utf-8', hadBom: true },
    { name: 'tab, form feed and ESC are not binary', bytes: utf8('عنوان\t\f\x1b[0m نص'), text: 'عنوان\t\f\x1b[0m نص', encoding: 'utf-8', hadBom: false },
  ];
  for (const c of ok) {
    it(`decodes ${c.name}`, () => {
      const r = decodeArticle(c.bytes);
      assert.ok(r.ok, r.ok ? '' : r.reason);
      assert.strictEqual(r.text, c.text);
      assert.strictEqual(r.encoding, c.encoding);
      assert.strictEqual(r.hadBom, c.hadBom);
    });
  }

  const refused: Array<{ name: string; bytes: Uint8Array; reason: RegExp }> = [
    { name: 'a NUL byte (binary)', bytes: concat(utf8('نص'), [0], utf8('نص')), reason: /^binary file/ },
    { name: 'a PNG header', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), reason: /^binary file/ },
    { name: 'many control bytes', bytes: new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), reason: /^binary file/ },
    { name: 'UTF-16LE without a BOM (NULs in ASCII)', bytes: utf16le('Reuters: 12 dead'), reason: /^binary file/ },
    { name: 'a lone continuation byte', bytes: concat(utf8('خبر'), [0x80]), reason: /^not valid UTF-8 \(first bad byte at offset 6\)$/ },
    { name: 'a truncated two-byte sequence', bytes: concat(utf8('ab'), [0xd8]), reason: /^not valid UTF-8 \(first bad byte at offset 2\)$/ },
    { name: 'Latin-1 text (é as 0xE9)', bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e]), reason: /^not valid UTF-8 \(first bad byte at offset 3\)$/ },
    { name: 'an overlong encoding of /', bytes: new Uint8Array([0x61, 0xc0, 0xaf]), reason: /^not valid UTF-8 \(first bad byte at offset 1\)$/ },
    { name: 'an overlong three-byte sequence', bytes: new Uint8Array([0x61, 0xe0, 0x80, 0xaf]), reason: /^not valid UTF-8 \(first bad byte at offset 1\)$/ },
    { name: 'an encoded UTF-16 surrogate (CESU-8)', bytes: new Uint8Array([0x61, 0x62, 0xed, 0xa0, 0x80]), reason: /^not valid UTF-8 \(first bad byte at offset 2\)$/ },
    { name: 'a code point above U+10FFFF', bytes: new Uint8Array([0x61, 0xf4, 0x90, 0x80, 0x80]), reason: /^not valid UTF-8 \(first bad byte at offset 1\)$/ },
    { name: 'invalid bytes after a UTF-8 BOM (offset counted in the file)', bytes: concat([0xef, 0xbb, 0xbf], utf8('ab'), [0xff]), reason: /^not valid UTF-8 \(first bad byte at offset 5\)$/ },
    { name: 'UTF-16LE with BOM and an odd byte count', bytes: concat([0xff, 0xfe], utf16le('نص'), [0x41]), reason: /^not valid UTF-16LE/ },
    { name: 'UTF-16LE with BOM and a lone high surrogate', bytes: concat([0xff, 0xfe], utf16le('نص'), [0x3d, 0xd8]), reason: /^not valid UTF-16LE/ },
  ];
  for (const c of refused) {
    it(`refuses ${c.name}`, () => {
      const r = decodeArticle(c.bytes);
      assert.strictEqual(r.ok, false);
      assert.match(r.ok ? '' : r.reason, c.reason);
    });
  }

  it('refuses a file over the limit before looking at its bytes, naming both sizes and the setting', () => {
    const r = decodeArticle(new Uint8Array(2048), 1024);
    assert.strictEqual(r.ok, false);
    assert.strictEqual(r.ok ? '' : r.reason, 'too large (2.0 KB; the limit is 1.0 KB, see --max-size / khabar.maxFileSize)');
    assert.ok(decodeArticle(new Uint8Array(1024).fill(0x41), 1024).ok, 'exactly the limit is allowed');
  });

  it('tooLargeReason works from a size alone, so a huge file is never allocated (regression: 8 GB threw)', () => {
    assert.strictEqual(tooLargeReason(100, 100), undefined);
    assert.match(tooLargeReason(2048, 2047) ?? '', /^too large \(2048 bytes; the limit is 2047 bytes,/, 'never "2.0 KB; the limit is 2.0 KB"');
    assert.match(tooLargeReason(8 * 1024 ** 3, 10 * 1024 ** 2) ?? '', /^too large \(8\.0 GB; the limit is 10\.0 MB/);
  });

  it('formats sizes in the unit a person reads', () => {
    assert.deepStrictEqual([0, 1023, 1024, 1536, 1024 ** 2, 50 * 1024 ** 2, 3 * 1024 ** 3].map(formatBytes), [
      '0 B',
      '1023 B',
      '1.0 KB',
      '1.5 KB',
      '1.0 MB',
      '50.0 MB',
      '3.0 GB',
    ]);
  });
});
