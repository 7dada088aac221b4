// Bundles the entry points: the extension host (CommonJS, `vscode` external), its worker threads, the webview script
// and the CLI; copies tree-sitter's runtime and Python grammar (WebAssembly) beside them, where src/python/parser.ts
// looks.
import * as esbuild from 'esbuild';
import * as fs from 'fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD entry hides its requires from the bundler; its ESM entry bundles cleanly.
  mainFields: ['module', 'main'],
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/extension/worker/convolveWorker.ts'],
    outfile: 'dist/convolveWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/extension/worker/pythonWorker.ts'],
    outfile: 'dist/pythonWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['media/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
];

const TREE_SITTER = 'node_modules/@vscode/tree-sitter-wasm/wasm';
fs.mkdirSync('dist', { recursive: true });
for (const wasm of ['tree-sitter.wasm', 'tree-sitter-python.wasm'])
  fs.copyFileSync(`${TREE_SITTER}/${wasm}`, `dist/${wasm}`);

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
