import * as assert from 'assert';
import { anchorFor, anchorHolds } from '../../src/core/anchor/anchor';
import { shiftAnchors } from '../../src/core/anchor/shift';
import type { SidecarData } from '../../src/core/annotationRecord';
import { addRecord, applyOps, nextId, reattachRecord, removeRecord, updateRecord } from '../../src/core/sidecar/edit';
import { emptySidecar } from '../../src/core/sidecar/format';
import { syncWithArticle } from '../../src/core/sidecar/sync';

const TEXT = 'أعلنت وزارة الصحة أن عدد المستشفيات ارتفع إلى 42 مستشفى في المحافظة.';
const span = (q: string): [number, number] => {
  const s = TEXT.indexOf(q);
  return [s, s + q.length];
};

function withTwo(): SidecarData {
  let d = emptySidecar(TEXT, 'article.txt');
  d = addRecord(d, { kind: 'entity', label: 'ORG', status: 'accepted', target: anchorFor(TEXT, ...span('وزارة الصحة')) }).data;
  d = addRecord(d, { kind: 'figure', label: 'NUMBER', status: 'accepted', target: anchorFor(TEXT, ...span('42 مستشفى')) }).data;
  return d;
}

describe('sidecar edits and undo', () => {
  it('hands out ids by kind, never reusing a number even after a deletion', () => {
    let d = withTwo();
    assert.deepStrictEqual(d.annotations.map((a) => a.id), ['e1', 'f2']);
    d = removeRecord(d, 'f2')!.data;
    assert.strictEqual(nextId(d, 'claim').id, 'c3');
    assert.strictEqual(nextId({ ...d, lastId: undefined }, 'note').id, 'n2', 'without lastId the highest id present counts');
  });

  it('update merges the patch, and an undefined field in the patch removes it', () => {
    const d = withTwo();
    const u = updateRecord(d, 'e1', { note: 'تحقق' })!;
    assert.strictEqual(u.record.note, 'تحقق');
    const v = updateRecord(u.data, 'e1', { note: undefined })!;
    assert.ok(!('note' in v.record));
    assert.strictEqual(updateRecord(d, 'nope', { note: 'x' }), undefined);
  });

  it('undo and redo of add, update and remove', () => {
    const d0 = withTwo();
    const a = addRecord(d0, { kind: 'entity', label: 'LOC', status: 'accepted', target: anchorFor(TEXT, ...span('المحافظة')) });
    assert.deepStrictEqual(applyOps(a.data, a.ops, 'before', TEXT).annotations, d0.annotations);
    assert.deepStrictEqual(applyOps(applyOps(a.data, a.ops, 'before', TEXT), a.ops, 'after', TEXT).annotations, a.data.annotations);
    const u = updateRecord(d0, 'f2', { status: 'rejected' })!;
    assert.strictEqual(applyOps(u.data, u.ops, 'before', TEXT).annotations[1]!.status, 'accepted');
    const r = removeRecord(d0, 'e1')!;
    const back = applyOps(r.data, r.ops, 'before', TEXT);
    assert.deepStrictEqual(back.annotations.map((x) => x.id).sort(), ['e1', 'f2']);
  });

  it('undoing a note change keeps the anchor where typing has moved it since', () => {
    const d0 = withTwo();
    const u = updateRecord(d0, 'f2', { note: 'مصدر؟' })!;
    const typed = 'عاجل: ' + TEXT;
    const shifted = { ...u.data, annotations: shiftAnchors(u.data.annotations, [{ rangeOffset: 0, rangeLength: 0, text: 'عاجل: ' }]).records };
    const undone = applyOps(shifted, u.ops, 'before', typed);
    const f2 = undone.annotations.find((a) => a.id === 'f2')!;
    assert.strictEqual(f2.note, undefined);
    assert.ok(anchorHolds(typed, f2.target), JSON.stringify(f2.target));
  });

  it('undoing a removal after the text moved re-anchors the restored record', () => {
    const d0 = withTwo();
    const r = removeRecord(d0, 'e1')!;
    const typed = 'بيان: ' + TEXT;
    const undone = applyOps(r.data, r.ops, 'before', typed);
    const e1 = undone.annotations.find((a) => a.id === 'e1')!;
    assert.ok(!e1.orphan);
    assert.strictEqual(typed.slice(e1.target.start, e1.target.end), 'وزارة الصحة');
  });

  it('re-attach places an orphan on the given range; undo makes it an orphan again', () => {
    const d0 = withTwo();
    const orphaned: SidecarData = { ...d0, annotations: d0.annotations.map((a) => (a.id === 'f2' ? { ...a, orphan: true } : a)) };
    const [s, e] = span('42');
    const r = reattachRecord(orphaned, 'f2', TEXT, s, e)!;
    const f2 = r.data.annotations.find((a) => a.id === 'f2')!;
    assert.strictEqual(f2.orphan, undefined);
    assert.strictEqual(f2.target.exact, '42');
    assert.strictEqual(applyOps(r.data, r.ops, 'before', TEXT).annotations.find((a) => a.id === 'f2')!.orphan, true);
    assert.strictEqual(reattachRecord(orphaned, 'f2', TEXT, 5, 5), undefined, 'an empty range is refused');
  });

  it('sync leaves an up-to-date sidecar alone and re-anchors a stale one', () => {
    const d = withTwo();
    const same = syncWithArticle(d, TEXT);
    assert.strictEqual(same.changed, false);
    assert.strictEqual(same.data, d);
    const changed = syncWithArticle(d, 'عاجل: ' + TEXT);
    assert.strictEqual(changed.changed, true);
    assert.deepStrictEqual(changed.moved.sort(), ['e1', 'f2']);
    for (const a of changed.data.annotations) assert.strictEqual(('عاجل: ' + TEXT).slice(a.target.start, a.target.end), a.target.exact);
  });
});
