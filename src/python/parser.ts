/**
 * The one tree-sitter Python parser, loaded on first use (nothing at activation): tree-sitter's runtime and its Python
 * grammar are WebAssembly files that the build copies next to the bundle (dist/), and that the unit tests find in
 * node_modules.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser } from '@vscode/tree-sitter-wasm';

export const GRAMMAR = 'tree-sitter-python.wasm';

const PACKAGE = path.join('node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');

/** The folder holding both .wasm files: beside this code once bundled (dist/), else the package's in node_modules. */
export function wasmFolder(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    for (const candidate of [folder, path.join(folder, PACKAGE)])
      if (fs.existsSync(path.join(candidate, GRAMMAR))) return candidate;
    if (path.dirname(folder) === folder)
      throw new Error(`${GRAMMAR} is neither beside ${__dirname} nor in node_modules`);
  }
}

let loading: Promise<Parser> | undefined;

/** The Python parser, loaded once; later calls share it. A failed load is retried on the next call. */
export function pythonParser(): Promise<Parser> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<Parser> {
  const folder = wasmFolder();
  await Parser.init({ locateFile: (file) => path.join(folder, file) });
  const python = await Language.load(path.join(folder, GRAMMAR));
  return new Parser().setLanguage(python);
}
