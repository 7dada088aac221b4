/** Reading Python text in the unit tests: the real tree-sitter parser (loaded once, from node_modules). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Parser } from '@vscode/tree-sitter-wasm';
import { pythonParser, readPython } from '../../../src/python';
import type { Layer, LayerCall, PythonReading, TextSpan } from '../../../src/python/layer';
import { repoRoot } from '../../support/golden';

let parser: Parser | undefined;

/** A mocha `before` hook: loads the parser the suite's tests share. */
export async function loadParser(): Promise<void> {
  parser = await pythonParser();
}

export function theParser(): Parser {
  if (!parser) throw new Error('call loadParser() in a before() hook first');
  return parser;
}

export const read = (text: string): PythonReading => readPython(theParser(), text);

export const fixture = (name: string): string =>
  fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'models', name), 'utf8');

export const textAt = (text: string, span: TextSpan | undefined): string | undefined =>
  span && text.slice(span.start, span.end);

/** The one layer call of a snippet. */
export function onlyCall(text: string): LayerCall {
  const { layers } = read(text);
  assert.strictEqual(layers.length, 1, `expected one layer in ${text}, read ${layers.map((l) => l.torchName)}`);
  return layers[0];
}

/** The resolved layer of a snippet's one call. */
export function onlyLayer(text: string): Layer {
  const { layer } = onlyCall(text);
  assert.ok(!('unresolved' in layer), `${text}: unresolved ${JSON.stringify(layer)}`);
  return layer;
}
