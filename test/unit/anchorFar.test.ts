// A record in a passage the article repeats carries `target.far`, the words past its 32 characters
// of context; re-anchoring reads it so that the other repeat is not taken for it (issue 15), and
// the sidecar keeps it byte for byte without it changing on edits far from the annotation.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { anchorFor, FAR_LENGTH, reanchor } from '../../src/core/anchor/anchor';
import { farAgreement, farPrint, farRepeated, inRepeat } from '../../src/core/anchor/far';
import type { AnnotationRecord, SidecarData } from '../../src/core/annotationRecord';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { serializeSidecar } from '../../src/core/sidecar/serialize';
import { syncWithArticle } from '../../src/core/sidecar/sync';

// Two sentences that share a formula longer than the stored context ("وقال في كلمته أمام الحضور
// الكريم إن الثقافة والفنون"), each with its own words before and after it.
const S1 = 'افتتح أمير المنطقة معرض الكتاب في قاعة المؤتمرات الكبرى، وقال في كلمته أمام الحضور الكريم إن الثقافة والفنون ركيزة التنمية. ';
const S2 = 'وبعد جولة في أجنحة المعرض التقى الأمير بالناشرين والمؤلفين، وقال في كلمته أمام الحضور الكريم إن الثقافة والفنون تحتاج إلى دعم دائم. ';
const S3 = 'ويستمر المعرض عشرة أيام في العاصمة، ويشارك فيه أكثر من مئتي ناشر من داخل المملكة وخارجها.';
const QUOTE = 'الثقافة والفنون';

function record(text: string, id: string, at: number, length: number): AnnotationRecord {
  return { id, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, at, at + length) };
}

describe('re-anchoring in a passage the article repeats (target.far)', () => {
  const text = S1 + S2 + S3;
  const second = S1.length + S2.indexOf(QUOTE);

  it('marks repeated (a space between the sides) only the fingerprint of a quote whose words with their nearest context repeat', () => {
    assert.ok(inRepeat(text, second, second + QUOTE.length));
    assert.ok(farRepeated(anchorFor(text, second, second + QUOTE.length).far!));
    const own = text.indexOf('عشرة أيام');
    assert.strictEqual(inRepeat(text, own, own + 9), false);
    // (Every record made has one: a quote the article has once, with `/` between the sides.)
    assert.strictEqual(anchorFor(text, own, own + 9).far, farPrint(text, own, own + 9).replace(' ', '/'));
  });

  it('the stored context of the two repeats is the same, the fingerprint is not', () => {
    const first = text.indexOf(QUOTE);
    const a = anchorFor(text, first, first + QUOTE.length);
    const b = anchorFor(text, second, second + QUOTE.length);
    assert.strictEqual(a.prefix, b.prefix);
    assert.notStrictEqual(a.far!.split(' ')[0], b.far!.split(' ')[0]);
  });

  it('a deleted repeat is an orphan, not moved onto the other one whose 32 characters before it match', () => {
    const r = record(text, 'e1', second, QUOTE.length);
    const edited = S1 + S3;
    const out = reanchor(edited, [r]);
    assert.strictEqual(out.records[0]!.orphan, true, `placed at ${out.records[0]!.target.start} (the first sentence's repeat)`);
    assert.deepStrictEqual(out.orphans, ['e1']);
    // ...listed, for a person to re-attach if that is what they meant.
    assert.ok(out.candidates['e1']!.some((c) => c.start === edited.indexOf(QUOTE)));
  });

  it('the other repeat deleted, the tagged one is found on its own words', () => {
    const r = record(text, 'e1', second, QUOTE.length);
    const edited = S2 + S3;
    const out = reanchor(edited, [r]);
    assert.strictEqual(out.records[0]!.orphan, undefined);
    assert.strictEqual(out.records[0]!.target.start, S2.indexOf(QUOTE));
  });

  it('a sentence deleted right after the tagged repeat: found there, the words before it vouch for it', () => {
    const S2b = 'وبعد جولة في أجنحة المعرض التقى الأمير بالناشرين والمؤلفين، وقال في كلمته أمام الحضور الكريم إن الثقافة والفنون';
    const tail = ' تحتاج إلى دعم دائم. ';
    const t = S1 + S2b + tail + 'وأضاف أن الوزارة ستواصل دعم المبدعين. ' + S3;
    const at = S1.length + S2b.indexOf(QUOTE);
    const r = record(t, 'e1', at, QUOTE.length);
    assert.ok(r.target.far !== undefined);
    const edited = S1 + S2b + '. ' + S3;
    const out = reanchor(edited, [r]);
    assert.strictEqual(out.records[0]!.orphan, undefined);
    assert.strictEqual(out.records[0]!.target.start, at);
  });

  it('agreement counts the words in order, each side on its own', () => {
    const first = text.indexOf(QUOTE);
    const far = farPrint(text, second, second + QUOTE.length);
    assert.deepStrictEqual(farAgreement(far, text, second, second + QUOTE.length), { before: 1, after: 1 });
    const there = farAgreement(far, text, first, first + QUOTE.length);
    assert.ok(there.before! < 0.5, `before ${there.before}`);
  });
});

describe('target.far in the sidecar', () => {
  const text = S1 + S2 + S3;
  const second = S1.length + S2.indexOf(QUOTE);
  const data = (records: AnnotationRecord[]): SidecarData => ({ khabar: 2, document: { path: 'a.txt' }, lastId: 9, annotations: records });

  it('is written after suffix, read back the same, and a file without it still reads', () => {
    const r = record(text, 'e1', second, QUOTE.length);
    const yaml = serializeSidecar(data([r]));
    assert.match(yaml, /\n {6}suffix: "[^\n]*"\n {6}far: "[A-Za-z0-9_.\- ]+"\n/);
    const back = parseSidecar(yaml);
    assert.ok(back.ok, JSON.stringify(back));
    assert.strictEqual(back.data.annotations[0]!.target.far, r.target.far);
    assert.strictEqual(serializeSidecar(back.data), yaml);
    const without = yaml.replace(/\n {6}far: "[^\n]*"/, '');
    const plain = parseSidecar(without);
    assert.ok(plain.ok, JSON.stringify(plain));
    assert.strictEqual(plain.data.annotations[0]!.target.far, undefined);
  });

  it('a malformed far is an error naming the field, with what to do', () => {
    const r = record(text, 'e1', second, QUOTE.length);
    const yaml = serializeSidecar(data([r])).replace(/far: "[^\n]*"/, 'far: "not: a fingerprint"');
    const back = parseSidecar(yaml);
    assert.ok(!back.ok);
    assert.strictEqual(back.errors.length, 1);
    assert.match(back.errors[0]!.message, /`far` is written by Khabar/);
  });

  it('the JSON schema accepts the far values the validator accepts, and no others', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'sidecar.schema.json'), 'utf8'));
    const far = schema.properties.annotations.items.properties.target.properties.far as { pattern: string; maxLength: number };
    const r = record(text, 'e1', second, QUOTE.length);
    const yaml = serializeSidecar(data([r]));
    for (const v of [r.target.far!, ' ', '/', 'ab./', '/Kx_-9.', 'ab/cd', 'a/b c', 'a//b', 'ab. ', ' Kx_-9.', 'AB CD', 'a b c', 'a:b x', '.a b', 'x'.repeat(far.maxLength) + ' ', 'ab cd\u0000']) {
      const bySchema = new RegExp(far.pattern).test(v) && v.length <= far.maxLength;
      const byValidator = parseSidecar(yaml.replace(/far: "[^\n]*"/, `far: ${JSON.stringify(v)}`)).ok;
      assert.strictEqual(bySchema, byValidator, JSON.stringify(v));
    }
  });

  it('does not change on an edit farther than the context and the fingerprint reach', () => {
    const r = record(text, 'e1', second, QUOTE.length);
    const other = record(text, 'e2', text.indexOf('عشرة أيام'), 9);
    // A sentence typed at the start, more than 32 + FAR_LENGTH characters before the quote.
    assert.ok(second > 32 + FAR_LENGTH);
    const edited = 'وفي خبر آخر أعلنت الهيئة جدول الفعاليات. ' + text;
    const out = syncWithArticle(data([r, other]), edited);
    const moved = out.data.annotations.find((a) => a.id === 'e1')!;
    assert.strictEqual(moved.target.far, r.target.far);
    assert.strictEqual(moved.target.start, second + edited.length - text.length);
    // Written, the record differs from the one before in its step only if it is the first after the edit.
    const before = serializeSidecar(data([r, other]));
    const after = serializeSidecar(out.data);
    const far = (y: string): string[] => y.split('\n').filter((l) => l.includes('far:'));
    assert.deepStrictEqual(far(after), far(before));
  });

  it('does not change on an edit within the words it covers either, only with the context', () => {
    const r = record(text, 'e1', second, QUOTE.length);
    // A word typed into the first sentence, 32 to 128 characters before the quote.
    const at = S1.indexOf('ركيزة');
    assert.ok(second - at > 32 && second - at < 32 + FAR_LENGTH);
    const edited = text.slice(0, at) + 'أيضا ' + text.slice(at);
    const out = reanchor(edited, [r]);
    assert.strictEqual(out.records[0]!.target.start, second + 5);
    assert.strictEqual(out.records[0]!.target.far, r.target.far);
    assert.notStrictEqual(anchorFor(edited, second + 5, second + 5 + QUOTE.length).far, r.target.far);
  });

  it('is written again when the context changed, from the text there now', () => {
    const r = record(text, 'e1', second, QUOTE.length);
    // A colon typed right before the quote, inside its context; the first sentence rewritten.
    const edited = S1.replace('وقال في كلمته أمام الحضور الكريم إن الثقافة والفنون', 'وأشار إلى أن الأدب') + S2.replace('الكريم إن', 'الكريم: إن') + S3;
    const out = reanchor(edited, [r]);
    const at = edited.indexOf(QUOTE);
    assert.strictEqual(out.records[0]!.orphan, undefined);
    assert.strictEqual(out.records[0]!.target.start, at);
    assert.strictEqual(out.records[0]!.target.far, farPrint(edited, at, at + QUOTE.length));
    assert.notStrictEqual(out.records[0]!.target.far, r.target.far);
    // (A record made now would not be marked repeated: its words no longer repeat. The record keeps
    // the mark it was made with.)
    assert.strictEqual(farRepeated(anchorFor(edited, at, at + QUOTE.length).far!), false);
  });
});
