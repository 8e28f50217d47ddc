// The walk of an article's text from opening to decorations (issue #19, docs/architecture.md): the
// real DecorationManager, AnnotationIndex and DetectionService under the shared stand-in vscode, with
// the host's rooms counted: how often the settings are asked for, whether a document is an article
// decided, the text read, and the detector run. Each room is visited once per pass.
import * as assert from 'assert';
import * as path from 'path';
import { makeVscodeStub, withStubbedVscode, FakeTextDocument, FakeTextEditor } from '../fakes/vscode';
import type * as Annotations from '../../src/host/annotations';
import type * as Decorations from '../../src/host/decorations';
import type * as Detections from '../../src/host/detections';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function forgetHostModules(): void {
  const host = path.join(ROOT, 'out', 'src', 'host') + path.sep;
  for (const k of Object.keys(require.cache)) if (k.startsWith(host)) delete require.cache[k];
}

/** Replaces a module export by a counting wrapper (the compiled modules call exports through the module object). */
function count(mod: Record<string, unknown>, name: string, counts: Record<string, number>, as = name): () => void {
  const original = mod[name] as (...a: unknown[]) => unknown;
  mod[name] = (...a: unknown[]) => {
    counts[as] = (counts[as] ?? 0) + 1;
    return original(...a);
  };
  return () => (mod[name] = original);
}

// Written for this test: a short article (one pass over the whole text) with a name, a figure and a claim.
const ARTICLE = [
  'الرياض - قال وزير الصحة يوم الثلاثاء إن عدد المستشفيات الجديدة بلغ 42 مستشفى.',
  '',
  'وأضاف الوزير أن البرنامج يكلف 3.5 مليار ريال خلال خمس سنوات.',
  '',
].join('\n');

describe('the data walk: an article from opening to decorations (real host classes, stand-in vscode)', function () {
  this.timeout(60000);
  before(forgetHostModules);
  after(forgetHostModules);

  it('opening a short article: settings read once per version, the text once per pass, detection once per pass', async () => {
    const stub = makeVscodeStub({ registrations: 0 });
    const counts: Record<string, number> = {};
    await withStubbedVscode(stub, async () => {
      const vscode = require('vscode') as typeof import('vscode');
      const config = require('../../src/host/config') as Record<string, unknown>;
      const articles = require('../../src/host/articles') as Record<string, unknown>;
      const core = require('../../src/core/detect') as Record<string, unknown>;
      const restore = [count(config, 'readConfig', counts), count(articles, 'isArticle', counts), count(core, 'detect', counts)];
      const { DecorationManager } = require('../../src/host/decorations') as typeof Decorations;
      const { AnnotationIndex } = require('../../src/host/annotations') as typeof Annotations;
      const { DetectionService } = require('../../src/host/detections') as typeof Detections;
      const doc = new FakeTextDocument(vscode.Uri.file(path.join(ROOT, 'article.news')) as never, 'arabic-news', ARTICLE);
      const getText = doc.getText.bind(doc);
      doc.getText = (range?: never) => {
        counts[range ? 'getText(range)' : 'getText()'] = (counts[range ? 'getText(range)' : 'getText()'] ?? 0) + 1;
        return getText(range);
      };
      const editor = new FakeTextEditor(doc, [new vscode.Range(0, 0, 3, 0) as never]);
      const emitter = new vscode.EventEmitter<unknown>();
      const state = { article: doc.uri, sidecar: doc.uri, records: [], orphans: [], readOnlyReason: undefined, dirty: false };
      let loaded = false;
      const store = {
        onDidChange: emitter.event,
        peek: () => (loaded ? state : undefined),
        load: () => {
          counts['store.load'] = (counts['store.load'] ?? 0) + 1;
          loaded = true;
          return Promise.resolve(state);
        },
      };
      const detections = new DetectionService();
      const index = new AnnotationIndex(detections, store as never);
      const manager = new DecorationManager(index, vscode.Uri.file(ROOT), { orphan: 'o', unverified: 'u', quote: 'q' });
      const ed = editor as unknown as import('vscode').TextEditor;
      const passes: Array<Record<string, number>> = [];
      const pass = (name: 'visible' | 'full'): void => {
        for (const k of Object.keys(counts)) delete counts[k];
        manager.update(ed, name);
        passes.push({ ...counts });
      };
      try {
        pass('visible');
        await Promise.resolve();
        pass('full');
        // eslint-disable-next-line no-console
        console.log(`      rooms visited per pass: ${JSON.stringify(passes)}`);
        const drawn = manager.drawn(ed)!;
        assert.ok([...drawn.ranges.values()].flat().length >= 3, 'the name, figures and claim are drawn');
        const [first, full] = passes as [Record<string, number>, Record<string, number>];
        const total = (k: string): number => (first[k] ?? 0) + (full[k] ?? 0);
        // Before the walk was straightened: 12 settings reads (7 + 5), 3 article tests, 6 text samples.
        assert.strictEqual(total('readConfig'), 1, `settings asked for ${total('readConfig')} times for one document version`);
        assert.ok(total('isArticle') <= 1, `article test made ${total('isArticle')} times`);
        // First paint: the report marker (article test), the dateline, the figures of the visible lines.
        assert.ok((first['getText(range)'] ?? 0) <= 3, `first paint: ${first['getText(range)']} text samples`);
        assert.strictEqual(first['getText()'] ?? 0, 0, 'the first paint does not read the whole text');
        assert.strictEqual(full['getText(range)'] ?? 0, 0, `full pass: ${full['getText(range)']} text samples`);
        assert.strictEqual(full['getText()'], 1, 'the full pass reads the whole text once');
        assert.strictEqual(first['detect'], 1, 'the first paint runs the figures once');
        assert.strictEqual(full['detect'], 1, 'the full pass detects once');
        assert.strictEqual(total('store.load'), 1, 'the sidecar is loaded once');
      } finally {
        manager.dispose();
        index.dispose();
        detections.dispose();
        for (const r of restore) r();
      }
    });
  });

  it('the facts are decided again when the language changes in place, or the settings change', () => {
    forgetHostModules();
    const stub = makeVscodeStub({ registrations: 0 });
    withStubbedVscode(stub, () => {
      const vscode = require('vscode') as typeof import('vscode');
      const config = require('../../src/host/config') as typeof import('../../src/host/config');
      const { isArticle } = require('../../src/host/articles') as typeof import('../../src/host/articles');
      const doc = new FakeTextDocument(vscode.Uri.file(path.join(ROOT, 'article.txt')) as never, 'typescript', ARTICLE);
      const d = doc as unknown as import('vscode').TextDocument;
      assert.strictEqual(isArticle(d), false);
      // VS Code sets a document's language in place (same object, same version).
      (doc as unknown as { languageId: string }).languageId = 'plaintext';
      assert.strictEqual(isArticle(d), true, 'mostly Arabic plain text is an article');
      const watch = config.watchConfig();
      let enable = 'auto';
      const workspace = stub['workspace'] as Record<string, unknown>;
      workspace['getConfiguration'] = () => ({ get: (k: string, fallback?: unknown) => (k === 'enable' ? enable : fallback), has: () => false, inspect: () => undefined, update: () => Promise.resolve() });
      assert.strictEqual(isArticle(d), true);
      enable = 'never';
      assert.strictEqual(isArticle(d), true, 'cached while the settings have not changed');
      watch.dispose(); // what a settings change does: the cache is dropped
      assert.strictEqual(isArticle(d), false, 'khabar.enable = never is seen after the change');
    });
  });
});
