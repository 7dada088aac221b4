/**
 * What the .vsix carries, as `vsce ls` lists it: the bundles the manifest names, every file the README links to or
 * shows, so the extension's details page in VS Code has no broken links or images, and the examples and walkthrough
 * pages that "Open an example" and "Get started with ConvLens" open.
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
      [...files].filter((f) => /^(src|test|out|bench|node_modules)\//.test(f) || f.endsWith('.ts')),
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

  it('carries every example and every page of the walkthrough', () => {
    const examples = fs
      .readdirSync(path.join(repoRoot, 'examples'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.posix.join(path.relative(repoRoot, entry.parentPath ?? entry.path), entry.name));
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { walkthroughs: { steps: { media: { markdown?: string } }[] }[] };
    };
    const pages = manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((step) => step.media.markdown ?? ''));
    assert.ok(
      examples.includes('examples/seed.json') && pages.length >= 4,
      `${examples.join(', ')}; ${pages.join(', ')}`,
    );
    assert.deepStrictEqual(
      [...examples, ...pages].filter((file) => !files.has(file)),
      [],
    );
  });
});
