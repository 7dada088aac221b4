/**
 * What reading PyTorch code costs on a large file: loading the parser (tree-sitter's runtime, then the Python
 * grammar), the first parse and reading of a generated 3000-line model file, then one keystroke's edit read
 * incrementally (`PythonDocuments`), parse and reading apart. Each cold step also reports the longest stretch it held
 * the event loop (the extension host's thread, when it ran there).
 *
 *   npm run bench:python
 */
import * as path from 'path';
import { Language, Parser } from '@vscode/tree-sitter-wasm';
import { PythonDocuments, readPython } from '../src/python';
import { GRAMMAR, wasmFolder } from '../src/python/parser';
import { readTree } from '../src/python/reading';
import { pythonModelFile } from '../test/support/pythonModelFile';
import { formatTable, ms } from './table';
import { measure } from './timing';

const text = pythonModelFile();
const lines = text.split('\n').length;

interface Cold<T> {
  result: T;
  wallMs: number;
  /** The longest the event loop waited between two turns while the step ran. */
  blockMs: number;
}

/** Runs one step, timing it, while a probe turning the event loop notes the longest wait between its turns. */
async function cold<T>(run: () => T | Promise<T>): Promise<Cold<T>> {
  let longest = 0;
  let last = performance.now();
  let probing = true;
  const probe = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (probing) setImmediate(probe);
  };
  setImmediate(probe);
  const started = performance.now();
  const result = await run();
  const wallMs = performance.now() - started;
  await new Promise((resolve) => setImmediate(resolve)); // the probe's turn after the step
  probing = false;
  return { result, wallMs, blockMs: Math.max(longest, performance.now() - last) };
}

async function main(): Promise<void> {
  const folder = wasmFolder();
  const runtime = await cold(() => Parser.init({ locateFile: (file: string) => path.join(folder, file) }));
  const grammar = await cold(() => Language.load(path.join(folder, GRAMMAR)));
  const parser = new Parser().setLanguage(grammar.result);
  const firstParse = await cold(() => parser.parse(text));
  const firstTree = firstParse.result;
  if (!firstTree) throw new Error('no tree');
  const firstRead = await cold(() => readTree(firstTree.rootNode, text));
  firstTree.delete();
  const second = await cold(() => readPython(parser, text));
  const reading = second.result;

  // A keystroke in the middle of the file: a kernel size 3 -> 5, and back, alternately.
  const at = text.indexOf('kernel_size=K', text.length >> 1);
  const edited = text.slice(0, at) + 'kernel_size=5' + text.slice(at + 'kernel_size=K'.length);
  const documents = new PythonDocuments(parser);
  documents.read('model.py', 0, text);
  let version = 0;
  const edit = measure(() => documents.read('model.py', ++version, version % 2 ? edited : text), { minMs: 1000 });

  const tree = parser.parse(text);
  if (!tree) throw new Error('no tree');
  const readOnly = measure(() => readTree(tree.rootNode, text), { minMs: 1000 });
  const parseFull = measure(() => parser.parse(text)?.delete(), { minMs: 1000 });
  tree.delete();

  const steps = reading.models.reduce((sum, model) => sum + model.steps.length, 0);
  console.log(
    `Node ${process.version}; a ${lines}-line file (${(text.length / 1e3).toFixed(0)}k chars): ` +
      `${reading.layers.length} layer calls, ${reading.models.length} models, ${steps} steps`,
  );
  const coldRow = (step: string, { wallMs, blockMs }: Cold<unknown>) => [step, ms(wallMs), ms(blockMs)];
  const warmRow = (step: string, median: number) => [step, ms(median), ''];
  console.log(
    formatTable(
      ['step', 'ms', 'longest block ms'],
      [
        coldRow("load tree-sitter's runtime (once)", runtime),
        coldRow('load the Python grammar (once)', grammar),
        coldRow('first parse (cold wasm)', firstParse),
        coldRow('first read (cold JavaScript)', firstRead),
        coldRow('second parse + read', second),
        warmRow('parse from scratch (median)', parseFull.median),
        warmRow('read a parsed tree (median)', readOnly.median),
        warmRow('an edit: incremental parse + read (median)', edit.median),
      ],
    ),
  );
}

void main();
