// Run by activationBundle.test.ts in a child process (a fresh module cache): requires a build's
// extension.js with the stand-in vscode module, activates it, then opens the article file given
// and waits for its full detection to be drawn. Prints JSON: the build's files loaded after
// activation and after the article, and the drawn spans per decoration key.
// Usage: node out/test/unit/activationChild.js <dist/extension.js> <article.txt>
import * as fs from 'fs';
import * as path from 'path';
import { FakeTextDocument, FakeTextEditor, Range, Uri, makeVscodeStub, withStubbedVscode } from '../fakes/vscode';

interface Api {
  updateNow(editor: unknown): number;
  drawn(editor: unknown): { partial: boolean; spans: Record<string, Array<{ text: string }>> } | undefined;
}

function loaded(dir: string): string[] {
  return Object.keys(require.cache)
    .filter((f) => path.dirname(f) === dir)
    .map((f) => path.basename(f))
    .sort();
}

async function main(): Promise<void> {
  const [bundle, article] = process.argv.slice(2) as [string, string];
  const dir = path.dirname(path.resolve(bundle));
  const stub = makeVscodeStub({ registrations: 0 });
  const context = (stub.makeContext as () => unknown)();
  const doc = new FakeTextDocument(Uri.file(article), 'plaintext', fs.readFileSync(article, 'utf8'));
  const editor = new FakeTextEditor(doc, [new Range(0, 0, doc.lineCount, 0)]);
  const { api, atActivation } = withStubbedVscode(stub, () => {
    const api = (require(path.resolve(bundle)) as { activate(c: unknown): Api }).activate(context);
    const atActivation = loaded(dir);
    stub.fake.visibleTextEditors.push(editor);
    api.updateNow(editor);
    return { api, atActivation };
  });
  for (let i = 0; i < 20_000 && api.drawn(editor)?.partial !== false; i++) await new Promise((done) => setTimeout(done, 1));
  const drawn = api.drawn(editor);
  const spans: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(drawn?.spans ?? {})) if (v.length) spans[k] = v.map((s) => s.text);
  process.stdout.write(JSON.stringify({ atActivation, afterArticle: loaded(dir), partial: drawn?.partial, spans }) + '\n');
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
