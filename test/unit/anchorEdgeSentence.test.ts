// A quote that ends its sentence, in the article's first sentence: its stored prefix reached the
// article's start. Its paragraph moved below another (a blank line between), that prefix agrees
// whole where it is now, though the article starts elsewhere: the quote's own sentence is there
// whole, so its suffix (the next sentence's words) still counts. The sentence-final rule
// (endsSentence) had made it an orphan, with `far` or without (an older Khabar's record, which
// Khabar 14f178e moved correctly).
import * as assert from 'assert';
import { anchorFor } from '../../src/core/anchor/anchor';
import type { SidecarData } from '../../src/core/annotationRecord';
import { syncWithArticle } from '../../src/core/sidecar/sync';

describe('a sentence-final quote whose prefix reached the article start, its paragraph moved down', () => {
  const A = 'وصرح سامي نور. كما قال خالد. وقال رئيس اللجنة الوطنية محمود سعيد إن الشركة ستبني مصنعا كبيرا في حلب.';
  const B = 'وقال الوزير إن العمل مستمر في حمص منذ عام 2019.';
  const quote = 'نور';
  for (const far of [false, true]) {
    it(`the paragraphs swapped: placed on its own words (${far ? 'with' : 'without'} far)`, () => {
      const old = A + '\n' + B + '\n';
      const edited = B + '\n\n' + A + '\n';
      const at = old.indexOf(quote);
      const target = anchorFor(old, at, at + quote.length);
      if (!far) delete target.far;
      const data: SidecarData = { khabar: 2, document: { path: 'a.txt' }, lastId: 9, annotations: [{ id: 'e1', kind: 'entity', label: 'PER', status: 'accepted', target }] };
      const out = syncWithArticle(data, edited);
      const e1 = out.data.annotations[0]!;
      // (Failed before: an orphan, «not found», its own place listed at 67 %.)
      assert.strictEqual(e1.orphan, undefined, JSON.stringify(out.candidates['e1']));
      assert.strictEqual(e1.target.start, edited.indexOf(quote));
    });
  }
});
