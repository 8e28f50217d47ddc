// A stretch of followed text that runs across a copied sentence's edge into the same words (issue 15):
// a sentence that ends like the one before it, told twice in a row, brings the earlier sentence's
// old next words after its own last words, and the text followed back from the records after the
// copy reads those words as the earlier sentence's. The quote's whole window, still standing at its
// own place (harakat aside), outweighs that reading.
import * as assert from 'assert';
import { anchorFor, reanchor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord } from '../../src/core/annotationRecord';

function at(text: string, id: string, quote: string, from = 0): AnnotationRecord {
  const start = text.indexOf(quote, from);
  assert.ok(start >= 0, `${id}: no «${quote}»`);
  return { id, kind: 'entity', label: 'MISC', status: 'accepted', target: anchorFor(text, start, start + quote.length) };
}

describe('re-anchoring: a stretch across a copied sentence\'s edge (issue 15)', () => {
  // Two sentences ending in the same 20 characters, «تجاه شبكات التواصل الاجتماعي.»; the first one's
  // last word tagged.
  const a = 'ويتناول المحور الرابع دور المدرسة في التوعية الأسرية تجاه شبكات التواصل الاجتماعي. ';
  const b = 'والمحور الخامس: دور الأسرة ومؤسسات المجتمع في التوعية، ودور الجهات الرقابية والتقنية تجاه شبكات التواصل الاجتماعي. ';
  const c = 'والمحور السادس: دور الأنظمة والتشريعات والمؤسسات القضائية في ضبط استخدام هذه الشبكات.\n';
  const text = a + b + c;
  const records = (): AnnotationRecord[] => [
    at(text, 'e1', 'الاجتماعي'),
    at(text, 'e2', 'الأسرة', a.length),
    at(text, 'e3', 'المجتمع'),
    at(text, 'e4', 'الرقابية'),
    at(text, 'e5', 'الأنظمة'),
    at(text, 'e6', 'القضائية'),
  ];

  it('a sentence-final word is not made certain on the next sentence that ends alike when that sentence is told twice', () => {
    // Harakat on the first sentence; the second told twice. The text followed back from the records
    // after the copy runs through the copy and on into the second sentence's own «… تجاه شبكات
    // التواصل الاجتماعي.», which now stands before «والمحور الخامس» as e1 did: before this rule e1
    // was placed there for certain (offset 189). Its own place still has its whole window.
    const marked = a.replace('الأسرية', 'الأسريَّة');
    const after = marked + b + b + c;
    const own = marked.indexOf('الاجتماعي');
    const lookAlike = marked.length + b.lastIndexOf('الاجتماعي');
    const r = reanchor(after, records(), { oldLength: text.length });
    const e1 = r.records[0]!;
    // The article had e1's last words twice (its far says so), so the whole window does not decide
    // alone: an orphan, both places listed.
    assert.ok(e1.orphan, `e1 placed at ${e1.target.start} (its own «الاجتماعي» is at ${own}, the second sentence's at ${lookAlike})`);
    const listed = (r.candidates.e1 ?? []).map((x) => x.start);
    assert.ok(listed.includes(own) && listed.includes(lookAlike), `candidates ${JSON.stringify(listed)}`);
    const again = reanchor(after, r.records, { oldLength: after.length });
    assert.deepStrictEqual(again.records, r.records);
  });

  it('a word the article had once goes to its own whole window, not to the look-alike the stretch reached', () => {
    // The same shape with 16 shared characters before a 7-letter word: the article had the word with
    // its nearest context once (far's '/'), so its one whole window is its own place (offset 68;
    // before this rule it was placed for certain on the second sentence's «الشبكات», 180).
    const a1 = 'ويتناول المحور الرابع دور المدرسة في تحذير الطلاب من مخاطر استخدام الشبكات. ';
    const b1 = 'والمحور الخامس: دور الأسرة ومؤسسات المجتمع في التوعية، ودور الجهات الرقابية في الحديث عن مخاطر استخدام الشبكات. ';
    const text1 = a1 + b1 + c;
    const recs = [at(text1, 'e1', 'الشبكات'), at(text1, 'e2', 'الأسرة', a1.length), at(text1, 'e3', 'المجتمع'), at(text1, 'e4', 'الرقابية'), at(text1, 'e5', 'الأنظمة'), at(text1, 'e6', 'القضائية')];
    assert.ok(recs[0]!.target.far?.includes('/'), `far ${recs[0]!.target.far}`);
    const marked = a1.replace('الطلاب', 'الطلابَ');
    const after = marked + b1 + b1 + c;
    const own = marked.indexOf('الشبكات');
    const r = reanchor(after, recs, { oldLength: text1.length });
    const e1 = r.records[0]!;
    assert.ok(!e1.orphan, `e1 orphaned (candidates ${JSON.stringify(r.candidates.e1)})`);
    assert.strictEqual(e1.target.start, own, `e1 at ${e1.target.start}, not on its own «الشبكات» (${own}); the second sentence's is at ${marked.length + b1.lastIndexOf('الشبكات')}`);
    const again = reanchor(after, r.records, { oldLength: after.length });
    assert.deepStrictEqual(again.records, r.records);
  });

  it('nor when a sentence typed after it changed its own next words: each place has one side, an orphan', () => {
    // A sentence inserted right after e1's: its own place keeps its whole prefix, the second
    // sentence's end (where the stretch across the copy's edge reaches) its whole suffix. Before
    // this rule e1 was placed there for certain (offset 239).
    const after = a + 'وقال مصدر مطلع إن الاجتماع سيعقد في الأسبوع المقبل. ' + b + b + c;
    const own = a.indexOf('الاجتماعي');
    const r = reanchor(after, records(), { oldLength: text.length });
    const e1 = r.records[0]!;
    assert.ok(e1.orphan, `e1 placed at ${e1.target.start} (its own «الاجتماعي» is at ${own})`);
    const listed = (r.candidates.e1 ?? []).map((x) => x.start);
    assert.ok(listed.includes(own), `candidates ${JSON.stringify(listed)}`);
    const again = reanchor(after, r.records, { oldLength: after.length });
    assert.deepStrictEqual(again.records, r.records);
  });
});
