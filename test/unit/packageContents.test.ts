/**
 * What the .vsix carries, as `vsce ls` lists it: the bundles the manifest names, and every file the README links
 * to or shows, so the extension's details page in VS Code has no broken links or images.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../support/golden';

const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
const packaged = (): Set<string> =>
  new Set(
    execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );

/** Targets of the README's Markdown links and images that are files of this repository (not URLs or anchors). */
function readmeFileLinks(): string[] {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].split('#')[0]);
  return [...new Set(targets.filter((t) => t !== '' && !/^[a-z]+:/i.test(t)))];
}

describe('the packaged extension', function () {
  this.timeout(30_000);
  let files: Set<string>;
  before(() => {
    files = packaged();
  });

  it('carries the manifest, the four bundles, tree-sitter and its Python grammar, the icon, and no sources or tests', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      main: string;
      icon: string;
    };
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      manifest.main.replace(/^\.\//, ''),
      'dist/webview.js',
      'dist/convolveWorker.js',
      'dist/pythonWorker.js',
      'dist/tree-sitter.wasm',
      'dist/tree-sitter-python.wasm',
      manifest.icon,
    ]) {
      assert.ok(files.has(file), `${file} is not in the package`);
    }
    assert.deepStrictEqual(
      [...files].filter((f) => /^(src|test|out|bench|examples|node_modules)\//.test(f) || f.endsWith('.ts')),
      [],
    );
  });

  it('carries every file the README links to or shows', () => {
    const links = readmeFileLinks();
    assert.ok(links.length >= 3, `expected the README's doc links and screenshots, found ${links.join(', ')}`);
    assert.deepStrictEqual(
      links.filter((link) => !files.has(path.posix.normalize(link))),
      [],
    );
  });
});
