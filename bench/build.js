// Builds what `npm run bench` runs: the bench itself (bench/tmp/run.js) and a production build of
// the extension (bench/tmp/prod/extension.js and its lazy parts) whose size and activation are
// measured. A separate outdir keeps dist/ (the dev build others run) untouched.
const esbuild = require('esbuild');
const path = require('path');
const { extensionOptions } = require('../esbuild.js');

const root = path.resolve(__dirname, '..');

async function main() {
  await Promise.all([
    esbuild.build({
      absWorkingDir: root,
      entryPoints: ['bench/run.ts'],
      outfile: 'bench/tmp/run.js',
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcemap: true,
      logLevel: 'warning',
      // The extension bundle is loaded at run time through the stub; never bundle the real API.
      external: ['vscode'],
    }),
    // The editor's keystroke through the real DecorationManager (bench/keystroke.ts), required at
    // run time while the stand-in vscode module is installed.
    esbuild.build({
      absWorkingDir: root,
      entryPoints: ['bench/keystroke.ts'],
      outfile: 'bench/tmp/keystroke.js',
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
      external: ['vscode'],
    }),
    // One big file in a fresh process (bench/bigFile.ts): time and peak memory per size.
    esbuild.build({
      absWorkingDir: root,
      entryPoints: ['bench/bigFile.ts'],
      outfile: 'bench/tmp/bigfile.js',
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
    }),
    // One activation in a fresh process (bench/activation.ts), run several times on the bundle below.
    esbuild.build({
      absWorkingDir: root,
      entryPoints: ['bench/activation.ts'],
      outfile: 'bench/tmp/activation.js',
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
      external: ['vscode'],
    }),
    // What `node esbuild.js --production` builds (the same options), so the sizes are what ships.
    esbuild.build({ ...extensionOptions({ production: true, outdir: path.join(root, 'bench', 'tmp', 'prod') }), logLevel: 'warning' }),
  ]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
