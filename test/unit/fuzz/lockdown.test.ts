/**
 * What the built bundles can reach, read from the bundles themselves: the webview script has no eval, no HTML
 * injection, no network API and no remote address; the extension host reaches only the Node modules it needs
 * (no network, no child processes, no file system but its own .wasm files: the user's files go through
 * `vscode.workspace.fs`, so virtual workspaces work). Run after `npm run build`, like the CLI tests.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../../support/golden';

const bundle = (name: string): string => fs.readFileSync(path.join(repoRoot, 'dist', name), 'utf8');

/** Node modules the extension host may load, and why. */
const ALLOWED_MODULES: Record<string, string> = {
  vscode: 'the API',
  crypto: 'the CSP nonce',
  os: 'counting cores for the worker pool',
  worker_threads: "the workers that run the command and read Python, and the fast engine's pool",
  path: "locating the worker's script in dist/",
  // The extension's own files only; the user's files still go through vscode.workspace.fs.
  fs: "reading the Python parser's .wasm files (tree-sitter and its grammar) from dist/",
  url: "tree-sitter's loader finding the folder of its own script",
};

/** Addresses the extension host's bundles may contain, and why: comments in mathjs's and tree-sitter's source, never
 * loaded. */
const ALLOWED_ADDRESSES: Record<string, string> = {
  'https://github.com/josdejong/mathjs/issues/3253': 'a comment in mathjs (the output-size formulas)',
  'https://github.com/MikeMcl/decimal.js': "decimal.js's licence header (mathjs's BigNumber)",
  'https://github.com/emscripten-core/emscripten/issues/14130': "a comment in tree-sitter's loader (the Python parser)",
  'https://github.com/emscripten-core/emscripten/pull/16917': "a comment in tree-sitter's loader",
  'https://tree-sitter.github.io/tree-sitter/using-parsers/queries}': "a doc comment in tree-sitter's binding",
  'https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}':
    "a doc comment in tree-sitter's binding",
  'https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}':
    "a doc comment in tree-sitter's binding",
};

describe('fuzz: what the bundles can reach', () => {
  it('dist/webview.js: no eval, no HTML strings, no network, no remote address', () => {
    const script = bundle('webview.js');
    const forbidden: [string, RegExp][] = [
      ['eval', /\beval\s*\(/],
      ['new Function', /\bnew Function\b|\bFunction\s*\(\s*["'`]/],
      ['string timers', /set(Timeout|Interval)\s*\(\s*["'`]/],
      ['innerHTML / outerHTML', /\.(inner|outer)HTML\s*=/],
      ['insertAdjacentHTML', /insertAdjacentHTML/],
      ['document.write', /document\.write/],
      ['inline handler attributes', /setAttribute\(\s*["'`]on/],
      [
        'fetch / XMLHttpRequest / WebSocket / sendBeacon / EventSource / importScripts',
        /\bfetch\s*\(|XMLHttpRequest|\bWebSocket\b|sendBeacon|EventSource|importScripts/,
      ],
    ];
    for (const [what, pattern] of forbidden) assert.doesNotMatch(script, pattern, what);
    const addresses = (script.match(/(https?|wss?|ftp):\/\/[^\s"'`)]*/g) ?? []).filter(
      (url) => !url.startsWith('http://www.w3.org/'),
    );
    assert.deepStrictEqual(addresses, [], 'remote addresses (only XML namespace names are allowed)');
  });

  for (const name of ['extension.js', 'convolveWorker.js', 'pythonWorker.js']) {
    it(`dist/${name} loads only the Node modules it needs, and no remote address`, () => assertModules(bundle(name)));
  }
});

/** Every Node module the bundle can load (plain requires, and `process.getBuiltinModule` through `nodeBuiltin`) is
 * allowed. */
function assertModules(script: string): void {
  const loaded = new Set<string>();
  for (const m of script.matchAll(
    /\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)|nodeBuiltin\w*\(\s*["'`]([^"'`]+)["'`]|getBuiltinModule\w*\(\s*["'`]([^"'`]+)["'`]/g,
  )) {
    loaded.add((m[1] ?? m[2] ?? m[3]).replace(/^node:/, ''));
  }
  assert.ok(loaded.size > 0, 'no module loads found: has the bundle format changed?');
  for (const name of loaded) assert.ok(Object.hasOwn(ALLOWED_MODULES, name), `the extension host loads "${name}"`);
  const addresses = script.match(/(https?|wss?):\/\/(?!www\.w3\.org\/)[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*/gi) ?? [];
  for (const address of addresses)
    assert.ok(Object.hasOwn(ALLOWED_ADDRESSES, address), `a remote address in the extension host: ${address}`);
}
