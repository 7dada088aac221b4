/**
 * The one tree-sitter Python parser, loaded on first use (nothing at activation): tree-sitter's runtime and its Python
 * grammar are WebAssembly files that the build copies next to the bundle (dist/), and that the unit tests find in
 * node_modules.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser } from '@vscode/tree-sitter-wasm';

const GRAMMAR = 'tree-sitter-python.wasm';

/** The folder holding both .wasm files: beside this code once bundled, else the package's own. */
function wasmFolder(): string {
  if (fs.existsSync(path.join(__dirname, GRAMMAR))) return __dirname;
  return path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
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
