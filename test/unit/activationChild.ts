// Run by activationBundle.test.ts in a child process (a fresh module cache): requires a build's
// extension.js with the stand-in vscode module (installed for the whole run, as the lazy parts
// require it later), activates it, then opens the file given and waits for its full detection to
// be drawn. Prints JSON: the build's files loaded after activation and after the file, the drawn
// spans per decoration key, the output channel's lines, the messages shown, and what a hover on
// the file, loading its annotations and *Export…* did (the last two only when asked).
// Usage: node out/test/unit/activationChild.js <dist/extension.js> <file> [<options JSON>]
//   options: { workspace?: string (a folder opened as the workspace), store?: true, export?: true }
import * as fs from 'fs';
import * as path from 'path';
import Module = require('module');
import { FakeTextDocument, FakeTextEditor, Range, Uri, makeVscodeStub } from '../fakes/vscode';

interface Api {
  updateNow(editor: unknown): number;
  drawn(editor: unknown): { partial: boolean; spans: Record<string, Array<{ text: string }>> } | undefined;
  store: { load(doc: unknown): Promise<{ records: unknown[] }> };
}

interface HoverProvider {
  provideHover(doc: unknown, pos: unknown, token: unknown): unknown;
}

function loaded(dir: string): string[] {
  return Object.keys(require.cache)
    .filter((f) => path.dirname(f) === dir)
    .map((f) => path.basename(f))
    .sort();
}

/** Answers every require('vscode') with the stand-in, for the rest of the process. */
function installVscode(stub: unknown): void {
  const internals = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
  const load = internals._load;
  internals._load = function (this: unknown, request: string, ...rest: unknown[]): unknown {
    return request === 'vscode' ? stub : load.call(this, request, ...rest);
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function main(): Promise<void> {
  const [bundle, file, optionsJson] = process.argv.slice(2) as [string, string, string | undefined];
  const options = JSON.parse(optionsJson ?? '{}') as { workspace?: string; store?: boolean; export?: boolean };
  const dir = path.dirname(path.resolve(bundle));
  const stub = makeVscodeStub({ registrations: 0 }) as ReturnType<typeof makeVscodeStub> & Record<string, Record<string, unknown>>;
  const output: string[] = [];
  stub.window!.createOutputChannel = () =>
    new Proxy({ appendLine: (t: string) => output.push(t), append: (t: string) => output.push(t) } as Record<string, unknown>, {
      get: (t, p) => (p in t ? t[p as string] : () => ({ dispose: () => undefined })),
    });
  const hovers: HoverProvider[] = [];
  const registerHover = stub.languages!.registerHoverProvider as (s: unknown, p: HoverProvider) => unknown;
  stub.languages!.registerHoverProvider = (selector: unknown, provider: HoverProvider) => {
    hovers.push(provider);
    return registerHover(selector, provider);
  };
  const commands: Record<string, (...a: unknown[]) => unknown> = {};
  const registerCommand = stub.commands!.registerCommand as (id: string, fn: (...a: unknown[]) => unknown) => unknown;
  stub.commands!.registerCommand = (id: string, fn: (...a: unknown[]) => unknown) => {
    commands[id] = fn;
    return registerCommand(id, fn);
  };
  if (options.workspace) stub.fake.workspaceFolders = [{ uri: Uri.file(options.workspace), name: 'ws', index: 0 }] as never;
  const context = (stub.makeContext as unknown as () => unknown)();
  const doc = new FakeTextDocument(Uri.file(file), 'plaintext', fs.readFileSync(file, 'utf8'));
  const editor = new FakeTextEditor(doc, [new Range(0, 0, doc.lineCount, 0)]);
  // The stand-in stays installed after activation: the parts load later and exporters.js requires vscode.
  installVscode(stub);
  const api = (require(path.resolve(bundle)) as { activate(c: unknown): Api }).activate(context);
  // The entity list is read asynchronously at activation: let that finish before looking.
  await stub.fake.settle();
  await new Promise((done) => setTimeout(done, 50));
  const atActivation = loaded(dir);
  return run(api, atActivation, { dir, stub, editor, doc, output, hovers, commands, options });
}

async function run(
  api: Api,
  atActivation: string[],
  o: {
    dir: string;
    stub: ReturnType<typeof makeVscodeStub>;
    editor: FakeTextEditor;
    doc: FakeTextDocument;
    output: string[];
    hovers: HoverProvider[];
    commands: Record<string, (...a: unknown[]) => unknown>;
    options: { store?: boolean; export?: boolean };
  },
): Promise<void> {
  const { dir, stub, editor, doc, output, hovers, commands, options } = o;
  stub.fake.visibleTextEditors.push(editor);
  let updateError: string | undefined;
  try {
    api.updateNow(editor);
  } catch (e) {
    updateError = message(e);
  }
  for (let i = 0; i < 20_000 && api.drawn(editor)?.partial !== false; i++) await new Promise((done) => setTimeout(done, 1));
  await stub.fake.settle();
  await new Promise((done) => setTimeout(done, 50));
  const drawn = api.drawn(editor);
  const spans: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(drawn?.spans ?? {})) if (v.length) spans[k] = v.map((s) => s.text);
  let hover: string;
  try {
    hover = (await hovers[0]!.provideHover(doc, doc.positionAt(2), { isCancellationRequested: false })) ? 'shown' : 'none';
  } catch (e) {
    hover = `threw: ${message(e)}`;
  }
  const afterArticle = loaded(dir);
  let store: string | undefined;
  if (options.store) {
    try {
      store = `loaded ${(await api.store.load(doc)).records.length} records`;
    } catch (e) {
      store = `threw: ${message(e)}`;
    }
  }
  let exported: string | undefined;
  if (options.export) {
    try {
      await commands['khabar.export']!();
      exported = 'ran';
    } catch (e) {
      exported = `threw: ${message(e)}`;
    }
  }
  const result = { atActivation, afterArticle, updateError, partial: drawn?.partial, spans, hover, store, exported, output, shown: stub.fake.log };
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
