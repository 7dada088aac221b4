import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../support/golden';

// src/engine/geometry.ts is the one place grid sizes and positions are computed (span, output size, where a tap
// lands). Code elsewhere reads them from the geometry; this suite holds the line for the engine (its fast/ part aside,
// which plans its own kernels), the inspection modules, the CLI, the view helpers and the shapes of PyTorch layers.

const ROOTS = ['src/engine', 'src/cli', 'src/cli.ts', 'src/view', 'src/python'];
const EXEMPT = ['src/engine/geometry.ts', 'src/engine/fast'];

/** Grid arithmetic: a dilation multiplied by something (`dilation * (k - 1)`, `t * axis.dilation`). */
const DILATION_ARITHMETIC = /\bdilation[\w.]*(\[[^\]]*\])?\s*\*|\*\s*[\w.]*\bdilation\b/;

function sourceFiles(entry: string): string[] {
  const full = path.join(repoRoot, entry);
  if (EXEMPT.includes(entry)) return [];
  if (fs.statSync(full).isFile()) return entry.endsWith('.ts') ? [entry] : [];
  return fs.readdirSync(full).flatMap((name) => sourceFiles(path.posix.join(entry, name)));
}

/** The code of a file without its comments and string literals (messages and generated scripts may name formulas). */
function codeOf(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

describe('geometry.ts owns the grid arithmetic', () => {
  const files = ROOTS.flatMap(sourceFiles);

  it('covers the engine, the inspection modules, the CLI, the view helpers and the layer shapes', () => {
    for (const file of ['src/engine/spec.ts', 'src/engine/inspect/contacts.ts', 'src/cli/jsonResult.ts'])
      assert.ok(files.includes(file), file);
    assert.ok(files.includes('src/view/problem.ts') && files.includes('src/python/shapes/conv.ts'));
    assert.ok(!files.some((f) => f.startsWith('src/engine/fast/')) && !files.includes('src/engine/geometry.ts'));
  });

  it('no file outside geometry.ts multiplies by a dilation', () => {
    const found = files.flatMap((file) =>
      codeOf(fs.readFileSync(path.join(repoRoot, file), 'utf8'))
        .split('\n')
        .filter((line) => DILATION_ARITHMETIC.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    assert.deepStrictEqual(found, []);
  });
});
