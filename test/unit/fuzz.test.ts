// Property tests over the core: whatever Unicode comes in (surrogate pairs, lone surrogates, combining
// marks, bidi and zero-width controls, mixed scripts, very long lines, nothing at all), nothing
// throws and every span is inside the text, on code-point boundaries, with text === slice(start, end).
import * as assert from 'assert';
import fc from 'fast-check';
import { arabicRatio, fold, sentenceSpans, stripBom, tokenize } from '../../src/core/arabic';
import { findClaims } from '../../src/core/claims/index';
import { decodeArticle } from '../../src/core/decode';
import { detect } from '../../src/core/detect';
import { findEntities } from '../../src/core/entities/findEntities';
import { findFigures } from '../../src/core/figures/index';
import { compareSpans, type Detection, type Span } from '../../src/core/types';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when offset i does not split a surrogate pair. */
function onCodePointBoundary(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || !(isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1)));
}

function checkSpan(text: string, s: Span & { text?: string }, what: string): void {
  const where = `${what} [${s.start}, ${s.end}) in ${JSON.stringify(text)}`;
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `non-integer offsets: ${where}`);
  assert.ok(s.start >= 0 && s.end <= text.length, `outside the text: ${where}`);
  assert.ok(s.start < s.end, `empty or reversed: ${where}`);
  assert.ok(onCodePointBoundary(text, s.start), `start splits a surrogate pair: ${where}`);
  assert.ok(onCodePointBoundary(text, s.end), `end splits a surrogate pair: ${where}`);
  if (s.text !== undefined) assert.strictEqual(s.text, text.slice(s.start, s.end), `text !== slice: ${where}`);
}

function checkDetections(text: string, found: readonly Detection[], what: string): void {
  for (const d of found) {
    checkSpan(text, d, `${what} ${d.kind}/${d.label}`);
    if (d.kind === 'claim' && d.claimant) checkSpan(text, d.claimant, `${what} claimant`);
    assert.ok(d.kind !== 'claim' || (d.checkWorthiness >= 0 && d.checkWorthiness <= 1), `checkWorthiness out of 0..1 in ${JSON.stringify(text)}`);
  }
}

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

/** Pieces of real news copy that drive the recognisers into their interesting paths. */
const NEWS = [
  'قال', 'وقال', 'أعلن', 'وأضاف', 'إن', 'أن', 'بأن', 'الرئيس', 'وزير الخارجية', 'محمد بن سلمان', 'عبد الله',
  'الرياض', 'جدة', 'المملكة العربية السعودية', 'الأمم المتحدة', 'وزارة الصحة', 'شركة أرامكو', 'رويترز',
  'في المئة', 'في المائة', 'بالمئة', '%', '٪', 'مليون', 'مليار', 'ألف', 'دولار', 'ريال', 'جنيه', 'كيلومتر', 'طن',
  'يوم الأحد', 'أمس', 'الأسبوع الماضي', 'العام المقبل', 'يناير', 'فبراير (شباط)', 'حزيران/يونيو', 'رمضان',
  '1436هـ', '2015م', '19/10/1436هـ', 'الموافق', '04/08/2015م', 'الساعة 10:30', 'صباحاً', 'منذ 25 عاماً',
  'أكثر من', 'نحو', 'حوالي', 'أقل من', 'الأول', 'الثالثة', 'العاشر', 'خمسة', 'عشرين', 'مئتي',
  '12', '3.5', '1,250', '٣٬٥٠٠', '٢٠١٥', '۱۲', '5.\u200f0', '55.\u200f14', '-7', '+3', '1/2', '10-12',
  '«', '»', '"', '“', '”', ':', '،', '؛', '؟', '.', '!', '(', ')', '-', '–', '/', '…',
  'Reuters', 'AFP', 'COVID-19', 'iPhone', 'UN',
];

const MARKS = ['\u064b', '\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u0670', '\u0640', '\u0654', '\u0655', '\u0301', '\u0300', '\u20dd'];
const BIDI = ['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\ufeff', '\u2060', '\u00ad'];
const SPACES = [' ', ' ', ' ', '\n', '\r\n', '\r', '\t', '\u00a0', '\u2028', '\u2029', '\u202f', '\u3000', '\v', '\f'];
const ASTRAL = ['😀', '🇸🇦', '👨‍👩‍👧', '👍🏽', '𝟙𝟚', '𐎀', '🕌', '\ud83d\ude00\u200d'];
const LONE = ['\ud800', '\udc00', '\udbff', '\udfff', '\ud83d'];

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...NEWS) },
  { weight: 6, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 4, arbitrary: fc.constantFrom(...range(0x0621, 0x064a)) },
  { weight: 2, arbitrary: fc.constantFrom(...range(0x0660, 0x0669), ...range(0x06f0, 0x06f9), ...range(0x30, 0x39)) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 2, arbitrary: fc.constantFrom(...BIDI) },
  { weight: 2, arbitrary: fc.constantFrom(...ZERO_WIDTH) },
  { weight: 2, arbitrary: fc.constantFrom(...ASTRAL) },
  { weight: 1, arbitrary: fc.constantFrom(...LONE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 6 }) },
);

/** News-like text with every kind of Unicode trouble mixed in. */
const messy = fc.array(fragment, { maxLength: 120 }).map((parts) => parts.join(''));

/** One fragment run repeated into a line of up to ~40K characters with no line break. */
const longLine = fc
  .tuple(fc.array(fragment.filter((f) => !/[\n\r\u2028\u2029]/.test(f)), { minLength: 1, maxLength: 12 }), fc.integer({ min: 200, max: 2000 }))
  .map(([parts, times]) => parts.join(' ').repeat(times).slice(0, 40000));

// A fixed seed keeps `npm test` reproducible; KHABAR_FUZZ_SEED / KHABAR_FUZZ_SCALE explore further
// (e.g. KHABAR_FUZZ_SEED=$RANDOM KHABAR_FUZZ_SCALE=20 for a long hunt). A failure prints its seed and path.
const SEED = Number(process.env.KHABAR_FUZZ_SEED ?? 20261129);
const SCALE = Number(process.env.KHABAR_FUZZ_SCALE ?? 1);
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns: Math.max(1, Math.round(numRuns * SCALE)), seed: SEED });

describe('fuzz: core never throws and its spans always hold', function () {
  this.timeout(60000);

  it('tokenize: ordered, disjoint, non-empty tokens without spaces, on code-point boundaries', () => {
    fc.assert(
      fc.property(messy, (text) => {
        let last = 0;
        for (const t of tokenize(text)) {
          checkSpan(text, t, 'token');
          assert.ok(t.start >= last, 'tokens overlap or go backwards');
          assert.ok(!/^\s+$/u.test(t.text), 'a whitespace-only token');
          last = t.end;
        }
      }),
      params(1500),
    );
  });

  it('fold: never throws, never grows the text, is idempotent', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const f = fold(text);
        assert.ok(f.length <= text.length);
        assert.strictEqual(fold(f), f);
      }),
      params(1500),
    );
  });

  it('sentenceSpans: ordered, disjoint spans inside the text', () => {
    fc.assert(
      fc.property(messy, (text) => {
        let last = 0;
        for (const s of sentenceSpans(text)) {
          assert.ok(s.start >= last && s.start < s.end && s.end <= text.length, `bad sentence span in ${JSON.stringify(text)}`);
          last = s.end;
        }
      }),
      params(1000),
    );
  });

  it('arabicRatio: a number in 0..1', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const r = arabicRatio(text);
        assert.ok(r >= 0 && r <= 1);
      }),
      params(500),
    );
  });

  it('findFigures: spans hold, with and without an article date', () => {
    fc.assert(
      fc.property(messy, fc.constantFrom(undefined, '2015-08-04', '2024-02-29'), (text, articleDate) => {
        checkDetections(text, findFigures(text, articleDate ? { articleDate } : {}), 'figure');
      }),
      params(600),
    );
  });

  it('findEntities: spans hold', () => {
    fc.assert(
      fc.property(messy, (text) => checkDetections(text, findEntities(text), 'entity')),
      params(300),
    );
  });

  it('findClaims: spans and claimants hold, given the real figures and entities', () => {
    fc.assert(
      fc.property(messy, (text) => {
        checkDetections(text, findClaims(text, { figures: findFigures(text), entities: findEntities(text) }), 'claim');
      }),
      params(300),
    );
  });

  it('detect: spans hold and come sorted, for every subset of kinds', () => {
    const kindSets = fc.subarray(['entity', 'figure', 'claim'] as const).map((k) => new Set(k));
    fc.assert(
      fc.property(messy, kindSets, (text, kinds) => {
        const found = detect(text, { kinds });
        checkDetections(text, found, 'detect');
        for (const d of found) assert.ok(kinds.has(d.kind), `detect returned an unasked-for ${d.kind}`);
        for (let i = 1; i < found.length; i++) assert.ok(compareSpans(found[i - 1]!, found[i]!) <= 0, 'detect output not sorted');
      }),
      params(300),
    );
  });

  it('detect on very long lines (up to 40K characters, no line break)', () => {
    fc.assert(
      fc.property(longLine, (text) => checkDetections(text, detect(text), 'detect')),
      params(4),
    );
  });

  it('detect on the empty text and on whitespace or marks alone finds nothing', () => {
    for (const text of ['', ' ', '\n\n', '\r\n', '\ufeff', '\u200f', '\u2066\u2069', '\t\u00a0\u3000']) {
      assert.deepStrictEqual(detect(text), [], JSON.stringify(text));
      assert.deepStrictEqual(tokenize(text), [], JSON.stringify(text));
    }
    // Stray harakat form a (meaningless) token, but nothing is detected in them.
    assert.deepStrictEqual(detect('\u064e\u064e \u0651'), []);
  });

  it('decodeArticle never throws on random bytes, and decoded text round-trips to UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = decodeArticle(bytes);
        if (r.ok && r.encoding === 'utf-8') {
          const body = r.hadBom ? bytes.subarray(3) : bytes;
          assert.deepStrictEqual(new Uint8Array(Buffer.from(r.text, 'utf8')), body);
        }
        if (!r.ok) assert.ok(r.reason.length > 0);
      }),
      params(2000),
    );
  });

  it('offsets found after decoding a BOM file are offsets into the text without the BOM', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const clean = text.replace(/[\ud800-\udfff]/g, (c, i: number) => {
          // Lone surrogates cannot be written as UTF-8; keep only well-formed pairs.
          const code = c.charCodeAt(0);
          const ok = isHigh(code) ? isLow(text.charCodeAt(i + 1)) : isHigh(text.charCodeAt(i - 1));
          return ok ? c : '';
        });
        const r = decodeArticle(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(clean, 'utf8')])));
        if (!r.ok) return; // control characters can make it binary; that is decode's decision, tested elsewhere
        assert.strictEqual(r.text, stripBom('\ufeff' + clean));
        checkDetections(r.text, detect(r.text, { kinds: new Set(['figure']) }), 'figure after BOM');
      }),
      params(300),
    );
  });
});
