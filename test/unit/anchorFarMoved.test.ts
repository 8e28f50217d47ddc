// A record whose far says the article repeated its words (a space between its sides) weighs the
// words past its context against each place. Those words that differ count against a place only
// where the place has words to differ, within its own sentence: a sentence moved elsewhere has new
// neighbours past its end, and text deleted before it leaves its side short at the article's
// start. Before, the far words marked the record's own place down and a look-alike won instead.
import * as assert from 'assert';
import { anchorFor } from '../../src/core/anchor/anchor';
import { farRepeated } from '../../src/core/anchor/far';
import type { SidecarData } from '../../src/core/annotationRecord';
import { syncWithArticle } from '../../src/core/sidecar/sync';

function check(old: string, edited: string, quote: string, oldAt: number, right: number, wrong: number): void {
  assert.strictEqual(old.slice(oldAt, oldAt + quote.length), quote);
  assert.strictEqual(edited.slice(right, right + quote.length), quote);
  assert.strictEqual(edited.slice(wrong, wrong + quote.length), quote);
  const target = anchorFor(old, oldAt, oldAt + quote.length);
  assert.ok(target.far !== undefined && farRepeated(target.far), `far ${target.far}`);
  const data: SidecarData = { khabar: 2, document: { path: 'a.txt' }, lastId: 9, annotations: [{ id: 'e1', kind: 'entity', label: 'PER', status: 'accepted', target }] };
  const e1 = syncWithArticle(data, edited).data.annotations[0]!;
  if (e1.orphan) return;
  assert.strictEqual(e1.target.start, right, `placed at ${e1.target.start}, the look-alike is at ${wrong}`);
}

describe('far words that differ past a sentence moved or cut short (a space-far record)', () => {
  const homs = 'وقال رئيس اللجنة الوطنية سامي نور إن الشركة ستبني مصنعا كبيرا في حمص.';
  const daraa = 'وأكد سامي نور إن الشركة ستبني مصنعا كبيرا في درعا.';

  it('its sentence moved before the look-alike one: not kept on the look-alike at its old offsets', () => {
    const head = 'وصل الوفد إلى المطار صباح اليوم.\nوزار سمير مدينة حلب مع الوزير. ';
    const tail = '\nوأضاف نور. وقال الوزير إن سمير زار مدينة حماة يوم الاثنين.\n';
    // (A space before the Daraa sentence: the Homs sentence's «سامي نور» comes to its old offsets.)
    const old = head + homs + '\n ' + daraa + tail;
    const edited = head + daraa + '\n' + homs + tail;
    const oldAt = (head + homs + '\n ').length + 'وأكد '.length;
    // (Wrong before: kept at the Homs sentence's «سامي نور», the far words past the Daraa
    // sentence's end, now its new neighbours, having marked its own place down.)
    check(old, edited, 'سامي نور', oldAt, head.length + 'وأكد '.length, edited.indexOf('سامي نور', head.length + daraa.length));
  });

  it('the text before its sentence deleted: not moved onto a copy of another sentence pasted after it', () => {
    const s1 = 'وفي عام 2019 قال إن سمير زار مدينة حلب يوم الاثنين.';
    const s2 = 'وقال الوزير إن سامي زار حمص يوم الاثنين.';
    const rest = ' وزار سمير مدينة درعا مع الوزير. وفي عام 2019 خالد عمر إن الشركة ستبني مصنعا كبيرا في حمص.\n';
    const old = s1 + ' ' + s2 + '\n' + s1 + rest;
    const edited = s2 + '\n' + s1 + ' ' + s2 + rest;
    const q = 'الاثنين';
    const oldAt = (s1 + ' ' + s2 + '\n' + s1).indexOf(q, (s1 + ' ' + s2 + '\n').length);
    const right = (s2 + '\n').length + s1.indexOf(q);
    // (Wrong before: moved onto the pasted copy's «الاثنين», its suffix and the words past it
    // as stored, its own place's prefix words counted as differing for want of words before it.)
    check(old, edited, q, oldAt, right, (s2 + '\n' + s1 + ' ').length + s2.indexOf(q));
  });
});
