// Runs the NER scripts (TypeScript) without a separate compile step: esbuild bundles
// scripts/ner/main.ts into out/ner/main.js, which then runs with the remaining arguments.
const esbuild = require('esbuild');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..', '..');
const outfile = path.join(root, 'out', 'ner', 'main.js');
esbuild.buildSync({
  entryPoints: [path.join(__dirname, 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: true,
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(r.status === null ? 1 : r.status);
