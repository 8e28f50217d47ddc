// Format version 3: a record whose `far` has `/` between its sides (made where the article had its
// words once) is something a Khabar that reads only version 2 refuses, one line at a time, asking
// the person to delete it. A sidecar that holds one is written as version 3, so such a Khabar says
// instead that a newer Khabar wrote it; one without stays version 2, readable by older Khabars, and
// an unchanged article's sidecar keeps its bytes through `check --fix`.
import * as assert from 'assert';
import { anchorFor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord, SidecarData } from '../../src/core/annotationRecord';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { serializeSidecar } from '../../src/core/sidecar/serialize';
import { syncWithArticle } from '../../src/core/sidecar/sync';
import { checkVersion } from '../../src/core/sidecar/validate';

const TEXT = 'قال وزير الصحة إن المستشفى الجديد في مدينة جدة سيفتح أبوابه مطلع العام المقبل بعد اكتمال التجهيزات.\nوأضاف أن عدد الأسرة فيه يبلغ ثلاثمئة سرير.\n';

function record(id: string, quote: string, far: 'made' | 'space' | 'none'): AnnotationRecord {
  const at = TEXT.indexOf(quote);
  const target = anchorFor(TEXT, at, at + quote.length);
  if (far === 'none') delete target.far;
  else if (far === 'space') target.far = target.far!.replace('/', ' ');
  return { id, kind: 'entity', label: 'LOC', status: 'accepted', target };
}

const data = (records: AnnotationRecord[]): SidecarData => ({ khabar: 2, document: { path: 'a.txt' }, lastId: 9, annotations: records });

describe('sidecar format version 3 (a `/` far)', () => {
  it('a record made here carries a `/` far: the sidecar is written as version 3, and read back as it was', () => {
    const r = record('e1', 'مدينة جدة', 'made');
    assert.ok(r.target.far!.includes('/'), r.target.far);
    const yaml = serializeSidecar(data([r]));
    // (Failed before: `khabar: 2`, which Khabar 14f178e refuses record by record.)
    assert.match(yaml, /^khabar: 3\n/);
    const back = parseSidecar(yaml);
    assert.ok(back.ok, JSON.stringify(!back.ok && back.errors));
    assert.strictEqual(back.data.khabar, 3);
    assert.deepStrictEqual(back.data.annotations[0]!.target, r.target);
  });

  it('without a `/` far (none, or a space between its sides) it stays version 2', () => {
    for (const far of ['none', 'space'] as const) assert.match(serializeSidecar(data([record('e1', 'مدينة جدة', far)])), /^khabar: 2\n/, far);
  });

  it('version 3 is read; 4 is a newer Khabar', () => {
    assert.deepStrictEqual(checkVersion({ khabar: 3 }), { ok: true, version: 3 });
    const four = checkVersion({ khabar: 4 });
    assert.ok(!four.ok && four.newer && /newer Khabar.*1 to 3/.test(four.message), JSON.stringify(four));
  });

  it('an unchanged article: check --fix keeps the version-3 file byte for byte', () => {
    const first = serializeSidecar(data([record('e1', 'مدينة جدة', 'made'), record('e2', 'عدد الأسرة', 'none')]));
    const read = parseSidecar(first);
    assert.ok(read.ok);
    const synced = syncWithArticle(read.data, TEXT);
    assert.strictEqual(serializeSidecar(synced.data, first), first);
  });
});
