// The `khabar` command line: the same core as the extension, for pipelines.
// Exit codes: 0 ok, 1 some file failed, 2 usage error, 3 export with nothing in it.

import { CHECK_HELP, runCheck } from './cli/check';
import { DETECT_HELP, runDetect } from './cli/detect';
import { EXPORT_HELP, runExport } from './cli/export';
import { IMPORT_HELP, runImport } from './cli/import';
import { UsageError } from './cli/io';
import { VERSION } from './core/version';
import { installNodePlatform } from './platform/node/install';
import { isMainThread } from 'worker_threads';

type Command = (argv: string[], out: (s: string) => void, err: (s: string) => void) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string; summary: string }> = {
  detect: { run: runDetect, help: DETECT_HELP, summary: 'find entities, figures and claims in articles' },
  export: { run: runExport, help: EXPORT_HELP, summary: 'export annotations (JSON, JSONL, CSV, W3C, brat, CoNLL, ClaimReview, reports)' },
  import: { run: runImport, help: IMPORT_HELP, summary: 'import brat, doccano, Label Studio or W3C annotations as sidecars' },
  check: { run: runCheck, help: CHECK_HELP, summary: 'validate annotation sidecars against their articles (--fix re-anchors)' },
};

function mainHelp(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `khabar ${VERSION} — Arabic news annotation from the terminal

Usage: khabar COMMAND [options] FILE...

Commands:
${rows.join('\n')}

Run \`khabar COMMAND --help\` for a command's options.
Exit codes: 0 ok, 1 some file failed (reason on stderr), 2 usage error,
3 export wrote no annotation (a warning on stderr says why).
`;
}

export async function main(argv: string[]): Promise<number> {
  installNodePlatform();
  const out = (s: string): void => void process.stdout.write(s.endsWith('\n') ? s : s + '\n');
  const err = (s: string): void => void process.stderr.write(s.endsWith('\n') ? s : s + '\n');
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    out(VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`khabar: unknown command ${name}\n\n${mainHelp()}`);
    return 2;
  }
  try {
    return await command.run(rest, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`khabar ${name}: ${e.message}\n\n${command.help}`);
      return 2;
    }
    err(`khabar ${name}: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}

// Not in a worker thread: `khabar detect` starts this bundle again as its workers (cli/detectPool.ts).
if (require.main === module && isMainThread) {
  // Exit only once stdout has drained, so piped JSON is never truncated.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`khabar: ${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
