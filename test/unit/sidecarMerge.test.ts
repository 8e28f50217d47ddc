import * as assert from 'assert';
import { anchorFor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord, SidecarData } from '../../src/core/annotationRecord';
import { documentInfo } from '../../src/core/sidecar/format';
import { mergeSidecars, resolveConflicts } from '../../src/core/sidecar/merge';

const TEXT = 'قال المتحدث باسم الوزارة أحمد السالم إن الحكومة خصصت 250 مليون دينار لتطوير أقسام الطوارئ.';

function rec(id: string, quote: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  const s = TEXT.indexOf(quote);
  return { id, kind: 'entity', label: 'PER', status: 'accepted', target: anchorFor(TEXT, s, s + quote.length), ...extra };
}

function side(...annotations: AnnotationRecord[]): SidecarData {
  return { khabar: 1, document: documentInfo(TEXT, 'article.txt'), annotations };
}

const E1 = rec('e1', 'أحمد السالم');
const F2 = rec('f2', '250 مليون دينار', { kind: 'figure', label: 'MONEY' });
const BASE = side(E1, F2);

describe('mergeSidecars', () => {
  const table: {
    name: string;
    ours: SidecarData;
    theirs: SidecarData;
    expect: AnnotationRecord[];
    conflicts?: { id: string; kind: string; field?: string }[];
    renamed?: { from: string; to: string }[];
  }[] = [
    { name: 'nothing changed', ours: BASE, theirs: BASE, expect: [E1, F2] },
    { name: 'theirs added one', ours: BASE, theirs: side(E1, F2, rec('e3', 'الوزارة', { label: 'ORG' })), expect: [rec('e3', 'الوزارة', { label: 'ORG' }), E1, F2] },
    { name: 'ours added one', ours: side(E1, rec('e3', 'الحكومة', { label: 'ORG' }), F2), theirs: BASE, expect: [E1, rec('e3', 'الحكومة', { label: 'ORG' }), F2] },
    { name: 'theirs deleted one we did not touch', ours: BASE, theirs: side(E1), expect: [E1] },
    { name: 'both deleted the same', ours: side(F2), theirs: side(F2), expect: [F2] },
    {
      name: 'different fields changed on each side are both kept',
      ours: side({ ...E1, note: 'تحقق من الاسم' }, F2),
      theirs: side({ ...E1, status: 'rejected' }, F2),
      expect: [{ ...E1, note: 'تحقق من الاسم', status: 'rejected' }, F2],
    },
    {
      name: 'the same field changed the same way is no conflict',
      ours: side({ ...E1, label: 'ORG' }, F2),
      theirs: side({ ...E1, label: 'ORG' }, F2),
      expect: [{ ...E1, label: 'ORG' }, F2],
    },
    {
      name: 'the same field changed differently is a conflict, ours kept meanwhile',
      ours: side({ ...E1, note: 'أ' }, F2),
      theirs: side({ ...E1, note: 'ب' }, F2),
      expect: [{ ...E1, note: 'أ' }, F2],
      conflicts: [{ id: 'e1', kind: 'both-changed', field: 'note' }],
    },
    {
      name: 'we changed what they deleted: kept and reported',
      ours: side({ ...E1, note: 'مهم' }, F2),
      theirs: side(F2),
      expect: [{ ...E1, note: 'مهم' }, F2],
      conflicts: [{ id: 'e1', kind: 'changed-deleted' }],
    },
    {
      name: 'they changed what we deleted: kept and reported',
      ours: side(F2),
      theirs: side({ ...E1, note: 'مهم' }, F2),
      expect: [{ ...E1, note: 'مهم' }, F2],
      conflicts: [{ id: 'e1', kind: 'deleted-changed' }],
    },
    {
      name: 'both created the same id for different annotations: theirs renamed, both kept',
      ours: side(E1, F2, rec('e3', 'الوزارة', { label: 'ORG' })),
      theirs: side(E1, F2, rec('e3', 'الحكومة', { label: 'ORG' })),
      expect: [rec('e3', 'الوزارة', { label: 'ORG' }), E1, rec('e4', 'الحكومة', { label: 'ORG' }), F2],
      renamed: [{ from: 'e3', to: 'e4' }],
    },
    {
      name: 'both moved an anchor: the one that fits the current text wins without a conflict',
      ours: side({ ...E1, target: { ...E1.target } }, F2),
      theirs: side({ ...E1, target: { ...E1.target, start: 3, end: 14 } }, F2),
      expect: [E1, F2],
    },
    {
      name: 'the same place with a different stored context is no conflict',
      ours: side({ ...E1, target: { ...E1.target, prefix: 'قديم ' } }, F2),
      theirs: side(E1, F2),
      expect: [E1, F2],
    },
  ];
  for (const c of table) {
    it(c.name, () => {
      // For the anchor case the base must differ from both sides.
      const base = c.name.startsWith('both moved') || c.name.startsWith('the same place') ? side({ ...E1, target: { ...E1.target, start: 1, end: 12 } }, F2) : BASE;
      const r = mergeSidecars(base, c.ours, c.theirs, { text: TEXT });
      assert.deepStrictEqual(r.data.annotations, c.expect);
      assert.deepStrictEqual(
        r.conflicts.map((x) => ({ id: x.id, kind: x.kind, ...(x.field ? { field: x.field } : {}) })),
        c.conflicts ?? [],
      );
      assert.deepStrictEqual(r.renamed, c.renamed ?? []);
    });
  }

  it('taking theirs resolves every conflict their way', () => {
    const r = mergeSidecars(BASE, side({ ...E1, note: 'أ' }, { ...F2, note: 'x' }), side({ ...E1, note: 'ب' }));
    assert.deepStrictEqual(r.conflicts.map((c) => c.kind).sort(), ['both-changed', 'changed-deleted']);
    const theirs = resolveConflicts(r, 'theirs');
    assert.deepStrictEqual(theirs.annotations, [{ ...E1, note: 'ب' }]);
    assert.deepStrictEqual(resolveConflicts(r, 'ours').annotations, [{ ...E1, note: 'أ' }, { ...F2, note: 'x' }]);
  });

  it('without a base, only identical records are taken as one and nothing is dropped', () => {
    const r = mergeSidecars(undefined, side(E1, F2), side({ ...E1, note: 'ن' }));
    assert.deepStrictEqual(r.data.annotations.map((a) => a.id), ['e1', 'e3', 'f2']);
    assert.deepStrictEqual(r.renamed, [{ from: 'e1', to: 'e3' }]);
  });

  it('keeps lastId at the highest id ever used', () => {
    const ours = { ...side(E1, F2), lastId: 7 };
    const theirs = { ...side(E1, F2), lastId: 9 };
    assert.strictEqual(mergeSidecars(BASE, ours, theirs).data.lastId, 9);
  });
});
