// Issue 15, "diffs stay small": an edit far from an annotation changes nothing in its record. The
// sidecar of N annotations is written, the article edited, the sidecar re-anchored and written
// again, and the two files compared record by record, as `git diff` would show them.
//
// The bound (docs/sidecar.md): the records whose quote, 32-character context or orphan state the
// edit really changed, plus at most ONE more per edited place — the first annotation after it that
// is not an orphan, whose `step` (distance from the previous non-orphan's start) took up the length
// change. No line outside the records changes (no hash, no article length).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { anchorFor } from '../../src/core/anchor/anchor';
import type { AnnotationRecord, SidecarData } from '../../src/core/annotationRecord';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { serializeSidecar } from '../../src/core/sidecar/serialize';
import { syncWithArticle } from '../../src/core/sidecar/sync';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

// Sentences written for this test; each paragraph carries its own number, so every context is unique.
const NAMES = ['سالم العتيبي', 'وزارة الصحة', 'مدينة جدة', 'هيئة الطيران', 'خالد المطيري'];
const VERBS = ['قال', 'أكد', 'أوضح', 'ذكر', 'أعلن'];
const WHAT = ['عدد المشاريع', 'حجم الاستثمار', 'عدد الزوار', 'عدد الطلاب', 'إنتاج المصنع', 'عدد الرحلات', 'عدد العاملين'];
const PLACES = ['في الرياض', 'في جدة', 'في الدمام', 'في مكة', 'في المدينة', 'في أبها', 'في تبوك', 'في حائل', 'في الطائف', 'في نجران', 'في جازان'];
function paragraph(i: number): string {
  const verb = VERBS[Math.floor(i / 5) % VERBS.length]!;
  return `و${verb} ${NAMES[i % NAMES.length]} ${verb === 'قال' ? 'إن' : 'أن'} ${WHAT[i % WHAT.length]} بلغ ${100 + i * 7} في العام الماضي. وأضاف أن العمل مستمر بحسب الخطة الموضوعة منذ بداية العام ${PLACES[i % PLACES.length]}.`;
}
function article(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join('\n\n') + '\n';
}

/** Two annotations per paragraph: the name and the number. */
function annotate(text: string, paragraphs: number): SidecarData {
  const annotations: AnnotationRecord[] = [];
  let from = 0;
  for (let i = 0; i < paragraphs; i++) {
    const p = text.indexOf(paragraph(i), from);
    const name = NAMES[i % NAMES.length]!;
    const ns = text.indexOf(name, p);
    annotations.push({ id: `e${2 * i + 1}`, kind: 'entity', label: 'PER', status: 'accepted', target: anchorFor(text, ns, ns + name.length) });
    const num = String(100 + i * 7);
    const fs_ = text.indexOf(num, p);
    annotations.push({ id: `f${2 * i + 2}`, kind: 'figure', label: 'NUMBER', status: 'accepted', target: anchorFor(text, fs_, fs_ + num.length), value: { number: 100 + i * 7 } });
    from = p + 1;
  }
  return { khabar: 2, document: { path: 'article.txt' }, lastId: 2 * paragraphs, annotations };
}

/** Record blocks by id, and the lines outside them. */
function blocks(yaml: string): { head: string; records: Map<string, string> } {
  const [head, ...rest] = yaml.split(/\n(?= {2}- id: )/);
  return { head: head!, records: new Map(rest.map((b) => [/^ {2}- id: (\S+)/.exec(b)![1]!, b])) };
}

function changedRecords(before: string, after: string): string[] {
  const a = blocks(before);
  const b = blocks(after);
  assert.strictEqual(b.head, a.head, 'nothing outside the records changes');
  return [...a.records.keys()].filter((id) => a.records.get(id) !== b.records.get(id));
}

/** The records whose quote, context or orphan state truly changed. */
function trulyChanged(before: SidecarData, after: SidecarData): string[] {
  const old = new Map(before.annotations.map((r) => [r.id, r]));
  return after.annotations
    .filter((r) => {
      const o = old.get(r.id)!;
      return o.target.exact !== r.target.exact || o.target.prefix !== r.target.prefix || o.target.suffix !== r.target.suffix || !!o.orphan !== !!r.orphan;
    })
    .map((r) => r.id);
}

/** The first record starting at or after `at` in the old text that is not an orphan now (orphans keep old offsets and are not measured from). */
function firstAfter(data: SidecarData, at: number, now: SidecarData): string | undefined {
  const orphans = new Set(now.annotations.filter((r) => r.orphan).map((r) => r.id));
  return data.annotations
    .slice()
    .sort((x, y) => x.target.start - y.target.start)
    .find((r) => r.target.start >= at && !orphans.has(r.id))?.id;
}

const N_PARAGRAPHS = 100; // 200 annotations

describe('sidecar diffs stay small (issue 15)', () => {
  const text = article(N_PARAGRAPHS);
  const data = annotate(text, N_PARAGRAPHS);
  const before = serializeSidecar(data);

  const EDITS: { name: string; at: (t: string) => number; edit: (t: string) => string }[] = [
    { name: 'a line inserted near the top', at: (t) => t.indexOf('\n\n') + 2, edit: (t) => t.replace('\n\n', '\n\nعاجل: خبر جديد في أول المقال.\n\n') },
    { name: 'a word typed in the middle, away from any annotation', at: (t) => t.indexOf('وأضاف', t.indexOf(paragraph(50))) + 5, edit: (t) => { const i = t.indexOf('وأضاف', t.indexOf(paragraph(50))) + 5; return t.slice(0, i) + ' أيضا' + t.slice(i); } },
    { name: 'a paragraph deleted', at: (t) => t.indexOf(paragraph(30)), edit: (t) => t.replace(paragraph(30) + '\n\n', '') },
    { name: 'a word typed next to an annotation (its context changes)', at: (t) => t.indexOf(paragraph(70)), edit: (t) => t.replace(paragraph(70), 'قبل ذلك ' + paragraph(70)) },
  ];

  for (const e of EDITS) {
    it(`${e.name}: only the records it touched, plus at most the next one`, () => {
      const edited = e.edit(text);
      assert.notStrictEqual(edited, text);
      const sync = syncWithArticle(data, edited);
      const after = serializeSidecar(sync.data, before);
      for (const r of sync.data.annotations) if (!r.orphan) assert.strictEqual(edited.slice(r.target.start, r.target.end), r.target.exact, r.id);
      const changed = changedRecords(before, after);
      const truly = new Set(trulyChanged(data, sync.data));
      const next = firstAfter(data, e.at(text), sync.data);
      const extra = changed.filter((id) => !truly.has(id));
      assert.ok(extra.length <= 1, `more than one record changed without reason: ${extra.join(', ')}`);
      if (extra.length === 1) assert.strictEqual(extra[0], next, 'the one extra record is the first after the edit');
      // The bound in numbers: 200 records, a handful rewritten (version 1 rewrote every record after the edit).
      assert.ok(changed.length <= truly.size + 1, `${changed.length} changed, ${truly.size} truly`);
      const movedAfter = sync.data.annotations.filter((r) => r.target.start !== data.annotations.find((o) => o.id === r.id)!.target.start).length;
      if (e.name.includes('top')) assert.ok(movedAfter > 150, 'the edit moved most offsets (the test would catch absolute offsets)');
      // Reading the new file gives the same absolute offsets back.
      const back = parseSidecar(after);
      assert.ok(back.ok);
      assert.deepStrictEqual(back.data.annotations, sync.data.annotations.slice().sort((x, y) => x.target.start - y.target.start || x.target.end - y.target.end));
    });
  }

  it('a git merge of two people editing different ends of the article gives offsets right for the merged article', () => {
    // Each side edits the article and saves; git merges the sidecars line by line without a conflict.
    const top = text.replace('\n\n', '\n\nعاجل: خبر جديد.\n\n');
    const i = text.indexOf(paragraph(90));
    const bottom = text.slice(0, i) + 'تحديث: ' + text.slice(i);
    const mergedText = top.slice(0, top.indexOf(paragraph(90))) + 'تحديث: ' + top.slice(top.indexOf(paragraph(90)));
    const ours = serializeSidecar(syncWithArticle(data, top).data, before);
    const theirs = serializeSidecar(syncWithArticle(data, bottom).data, before);
    const o = blocks(ours);
    const t = blocks(theirs);
    const base = blocks(before);
    const merged = [base.head, ...[...base.records.keys()].map((id) => {
      const ob = o.records.get(id)!;
      const tb = t.records.get(id)!;
      const bb = base.records.get(id)!;
      assert.ok(ob === bb || tb === bb || ob === tb, `both sides changed ${id}: a conflict`);
      return ob !== bb ? ob : tb;
    })].join('\n');
    const r = parseSidecar(merged);
    assert.ok(r.ok);
    for (const a of r.data.annotations) if (!a.orphan) assert.strictEqual(mergedText.slice(a.target.start, a.target.end), a.target.exact, a.id);
    assert.ok(r.data.annotations.filter((a) => !a.orphan).length > 190);
  });

  it('`check --fix` after a line inserted at the top rewrites one line of the sidecar (CLI)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-churn-'));
    try {
      // A sentence typed in the first paragraph, between two annotations' contexts.
      const at = text.indexOf('بحسب الخطة') + 'بحسب الخطة'.length;
      const added = '، وعاجل: خبر جديد في أول المقال،';
      fs.writeFileSync(path.join(dir, 'article.txt'), text.slice(0, at) + added + text.slice(at));
      fs.writeFileSync(path.join(dir, 'article.txt.annotations.yaml'), before);
      const r = spawnSync(process.execPath, [CLI, 'check', '--fix', 'article.txt'], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /200 annotations, 198 moved, 0 orphans; written/);
      const after = fs.readFileSync(path.join(dir, 'article.txt.annotations.yaml'), 'utf8').split('\n');
      const old = before.split('\n');
      assert.strictEqual(after.length, old.length);
      const diff = old.map((l, i) => (l === after[i] ? undefined : `${l} → ${after[i]}`)).filter((x) => x !== undefined);
      // One line: the step of the first annotation after the new sentence (version 1 rewrote 398 offsets, the hash and the length).
      assert.strictEqual(diff.length, 1, diff.join('\n'));
      const m = /^ {6}step: (\d+) → +step: (\d+)$/.exec(diff[0]!);
      assert.ok(m && Number(m[2]) - Number(m[1]) === added.length, diff[0]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
