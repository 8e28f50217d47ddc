// The vocabulary is declared once (src/core/vocabulary.ts); every other table that names labels,
// claim types, verdicts, cues or commands must agree with it: the sidecar schema, package.json
// (verdict default, commands), the l10n bundle's Arabic, the Label Studio and brat configurations,
// the importers' label map. And the Arabic interface's hovers carry no English word.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LABEL_AR } from '../../src/core/labelNames';
import { bratAnnotationConf } from '../../src/core/export/brat';
import { mapLabel } from '../../src/core/import/common';
import type { Mark } from '../../src/core/editor/marks';
import { partsText } from '../../src/core/editor/markInfo';
import {
  BOUNDS,
  CLAIM_CUE_NAMES,
  CLAIM_TYPE_NAMES,
  CLAIM_TYPES,
  DEFAULT_VERDICTS,
  LABELS,
  MARK_NAMES,
  RECORD_KINDS,
  RECORD_LABELS,
  RECORD_STATUSES,
} from '../../src/core/vocabulary';
import type * as MarkInfoModule from '../../src/host/markInfo';
import type * as HoverModule from '../../src/host/hover';
import { makeVscodeStub } from '../fakes/vscode';
import { withVscode } from './withVscode';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (f: string): string => fs.readFileSync(path.join(ROOT, f), 'utf8');
const bundle = JSON.parse(read('l10n/bundle.l10n.ar.json')) as Record<string, string>;

describe('vocabulary: one source, every table agrees', () => {
  it('the sidecar schema lists the vocabulary’s kinds, labels, statuses, claim types, bounds and default verdicts', () => {
    const schema = JSON.parse(read('schemas/sidecar.schema.json')) as {
      properties: { annotations: { items: { properties: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[]; description?: string; properties?: Record<string, { enum?: string[] }> }> }> } } };
    };
    const p = schema.properties.annotations.items.properties;
    assert.deepStrictEqual(p['kind']!.enum, [...RECORD_KINDS]);
    assert.deepStrictEqual(p['label']!.enum, [...RECORD_LABELS]);
    assert.deepStrictEqual(p['status']!.enum, [...RECORD_STATUSES]);
    assert.deepStrictEqual(p['claim']!.properties!['type']!.enum, [...CLAIM_TYPES]);
    assert.deepStrictEqual(p['value']!.properties!['bound']!.enum, [...BOUNDS]);
    const described = /vocabulary: ([^(]+) \(configurable\)/.exec(p['claim']!.properties!['verdict']!.description ?? '')?.[1]?.split(', ');
    assert.deepStrictEqual(described, DEFAULT_VERDICTS.map((v) => v.key));
  });

  it('package.json’s default verdicts are the vocabulary’s', () => {
    const pkg = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
    assert.deepStrictEqual(pkg.contributes.configuration.properties['khabar.verdicts']!.default, DEFAULT_VERDICTS);
  });

  it('the Arabic l10n bundle translates each English name to the vocabulary’s Arabic name', () => {
    const tables: Record<string, Record<string, { ar: string; en: string }>> = { LABELS, CLAIM_TYPE_NAMES, CLAIM_CUE_NAMES, MARK_NAMES };
    const wrong: string[] = [];
    for (const [table, names] of Object.entries(tables)) {
      for (const [key, n] of Object.entries(names)) if (bundle[n.en] !== n.ar) wrong.push(`${table}.${key}: bundle says ${JSON.stringify(bundle[n.en])} for "${n.en}", the vocabulary ${n.ar}`);
    }
    assert.deepStrictEqual(wrong, []);
  });

  it('reports, Label Studio, brat and importers name the same labels', () => {
    for (const l of RECORD_LABELS) {
      assert.strictEqual(LABEL_AR[l], LABELS[l].ar, l);
      assert.deepStrictEqual(mapLabel(l), { kind: LABELS[l].kind, label: l }, l);
      assert.ok(read('schemas/labelstudio-config.xml').includes(`<Label value="${l}" hint="${LABELS[l].ar}"/>`), l);
    }
    const entities = /\[entities\]\n([\s\S]*?)\n\n/.exec(bratAnnotationConf())![1]!.split('\n');
    assert.deepStrictEqual(entities, [...RECORD_LABELS]);
  });

  it('every command of package.json is in the CommandId enum, and every CommandId in package.json', () => {
    const pkg = JSON.parse(read('package.json')) as { contributes: { commands: { command: string }[] } };
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    const declared = [...read('src/host/commandIds.ts').matchAll(/^\s+\w+ = '(khabar\.\w+)',$/gm)].map((m) => m[1]!).sort();
    assert.deepStrictEqual(declared, contributed);
    // No command id is spelled out elsewhere in the host: they come from the enum.
    const literal: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const f = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(f);
        else if (f.endsWith('.ts') && f !== 'src/host/commandIds.ts') {
          for (const id of contributed) if (read(f).includes(`'${id}'`)) literal.push(`${f}: ${id}`);
        }
      }
    };
    walk('src/host');
    assert.deepStrictEqual(literal, []);
  });
});

describe('hovers in the Arabic interface', () => {
  // The host's markInfo on the shared fake, in Arabic: l10n.t answers from the Arabic bundle, as VS
  // Code does in Arabic, and a message the bundle lacks shows as MISSING (VS Code would show English).
  const fake = makeVscodeStub({ registrations: 0 });
  fake['l10n'] = { t: (m: string, ...a: unknown[]) => (bundle[m] ?? `MISSING:${m}`).replace(/\{(\d+)\}/g, (_x, i: string) => String(a[Number(i)])) };
  (fake['env'] as Record<string, unknown>)['language'] = 'ar';
  const { M, H } = withVscode(fake, () => ({
    M: require('../../src/host/markInfo') as typeof MarkInfoModule,
    H: require('../../src/host/hover') as typeof HoverModule,
  }));
  const span = { start: 0, end: 4 };
  const marks: Array<[string, Mark]> = [
    ['a person', { key: 'PER', ...span, detection: { kind: 'entity', label: 'PER', text: 'أحمد', source: 'model', ...span } }],
    ['another name', { key: 'MISC', ...span, detection: { kind: 'entity', label: 'MISC', text: 'أحمد', ...span } }],
    ['a percentage', { key: 'figure', ...span, detection: { kind: 'figure', label: 'PERCENT', text: '٥٪', value: { number: 5 }, ...span } }],
    ['an ordinal', { key: 'figure', ...span, detection: { kind: 'figure', label: 'ORDINAL', text: 'الثالث', value: { number: 3 }, ...span } }],
    ['a headline claim suggestion', { key: 'claimSuggestion', ...span, detection: { kind: 'claim', label: 'CLAIM', text: 'عنوان', claimant: null, cue: 'headline', checkWorthiness: 0.7, ...span } }],
    [
      'a tagged claim with a type and verdict',
      {
        key: 'claimTagged',
        ...span,
        record: { id: 'c1', kind: 'claim', label: 'CLAIM', status: 'accepted', target: { ...span, exact: 'نص', prefix: '', suffix: '' }, claim: { type: 'prediction', verdict: 'false' } },
      },
    ],
    [
      'an accepted percentage',
      { key: 'figure', ...span, record: { id: 'f1', kind: 'figure', label: 'PERCENT', status: 'accepted', target: { ...span, exact: '٥٪', prefix: '', suffix: '' }, value: { number: 5, bound: 'about' } } },
    ],
  ];
  for (const [what, m] of marks) {
    it(`${what}: no English word (label keys aside), and every link is a trusted command`, () => {
      const info = M.markInfo(m, DEFAULT_VERDICTS);
      const texts = [
        partsText(info.title),
        ...info.lead.map(partsText),
        ...info.rows.flatMap((r) => [r.name, partsText(r.value)]),
        ...info.warnings,
        ...info.actions.map((a) => a.title),
      ];
      const english = texts.filter((t) => /MISSING:|[a-z]{2,}/.test(t));
      assert.deepStrictEqual(english, [], JSON.stringify(info));
      for (const a of M.markActionMenu(m)) assert.ok(H.HOVER_COMMANDS.includes(a.command), a.command);
    });
  }

  it('names MISC «أخرى» and ORDINAL «عدد ترتيبي» in hovers, as in reports', () => {
    assert.strictEqual(partsText(M.markInfo(marks[1]![1], DEFAULT_VERDICTS).title).split(' (')[0]!.replace(/[\u2066-\u2069]/g, ''), 'أخرى');
    assert.ok(partsText(M.markInfo(marks[3]![1], DEFAULT_VERDICTS).title).includes('عدد ترتيبي'));
  });
});
