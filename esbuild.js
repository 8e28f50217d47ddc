// Bundles the extension (dist/extension.js, `vscode` external, with the parts it loads on first use:
// dist/detection.js, dist/sidecar.js and dist/exporters.js, see src/host/lazy/load.ts), the CLI (dist/cli.js, a Node
// executable) and the reader's webview script (dist/reader.js, browser IIFE), and copies the
// reader's Arabic font into dist/fonts/. `--production` minifies; `--watch` rebuilds and prints
// the problem-matcher markers.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').Plugin} */
const problemMatcher = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  // The "[watch] build started/finished" markers are for the watch task's problem matcher only.
  plugins: watch ? [problemMatcher] : [],
  metafile: true,
};

/**
 * The extension's parts that activation does not load, each a bundle of its own beside
 * extension.js (the entry point's name is the file's): src/host/lazy/load.ts require()s them on first
 * use. In every bundle but its own, that require stays a run-time require of the file; so the
 * code of a part is in one file only and its module state has one copy.
 */
const LAZY_PARTS = {
  detection: 'src/host/lazy/detection.ts',
  sidecar: 'src/host/lazy/sidecar.ts',
  exporters: 'src/host/lazy/exporters.ts',
};

/** @type {import('esbuild').Plugin} */
const lazyParts = {
  name: 'khabar-lazy-parts',
  setup(build) {
    const loader = path.join('src', 'host', 'lazy', 'load.ts');
    const names = Object.keys(LAZY_PARTS).join('|');
    build.onResolve({ filter: new RegExp(`^\\./(${names})$`) }, (args) => {
      if (!args.importer.endsWith(loader)) return undefined;
      return { path: `${args.path}.js`, external: true };
    });
  },
};

/**
 * The extension's build (esbuild options): dist/extension.js and its lazy parts, into `outdir`.
 * bench/build.js and the activation bundle test build the production one through this too.
 * @param {{ production: boolean, outdir: string, watch?: boolean }} o
 * @returns {import('esbuild').BuildOptions}
 */
function extensionOptions({ production, outdir, watch: watching = false }) {
  return {
    ...common,
    absWorkingDir: __dirname,
    minify: production,
    sourcemap: !production,
    plugins: [lazyParts, ...(watching ? [problemMatcher] : [])],
    entryPoints: { extension: 'src/extension.ts', ...LAZY_PARTS },
    outdir,
    external: ['vscode'],
  };
}

/**
 * The reader's font (Noto Naskh Arabic, OFL-1.1, from @fontsource): the Arabic and Latin subsets at
 * 400 and 700, which media/reader/reader.css declares with URLs relative to itself.
 */
function copyFonts() {
  const from = 'node_modules/@fontsource/noto-naskh-arabic/files';
  fs.mkdirSync('dist/fonts', { recursive: true });
  for (const subset of ['arabic', 'latin']) {
    for (const weight of [400, 700]) {
      const name = `noto-naskh-arabic-${subset}-${weight}-normal.woff2`;
      fs.copyFileSync(`${from}/${name}`, `dist/fonts/${name}`);
    }
  }
  fs.copyFileSync('node_modules/@fontsource/noto-naskh-arabic/LICENSE', 'dist/fonts/LICENSE');
}

async function main() {
  copyFonts();
  const contexts = await Promise.all([
    esbuild.context(extensionOptions({ production, outdir: 'dist', watch })),
    esbuild.context({
      ...common,
      entryPoints: ['src/cli.ts'],
      outfile: 'dist/cli.js',
      banner: { js: '#!/usr/bin/env node' },
    }),
    esbuild.context({
      ...common,
      entryPoints: ['src/webview/reader.ts'],
      outfile: 'dist/reader.js',
      format: 'iife',
      platform: 'browser',
      target: 'chrome114',
    }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync('dist/cli.js', 0o755);
}

module.exports = { extensionOptions, LAZY_PARTS };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
