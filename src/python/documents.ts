/**
 * Python documents as the editor changes them: each document's last tree is kept, and a new version is parsed
 * incrementally from it (tree-sitter reuses every subtree the change did not touch), then read.
 */
import type { Edit, Parser, Point, Tree } from '@vscode/tree-sitter-wasm';
import type { PythonReading } from './layer';
import { PythonReader, readTree } from './reading';

interface Parsed {
  version: number;
  text: string;
  tree: Tree;
  reader: PythonReader;
  reading: PythonReading;
}

/** Reads a whole text once (the CLI, a notebook cell read once). */
export function readPython(parser: Parser, text: string): PythonReading {
  const tree = parse(parser, text);
  try {
    return readTree(tree.rootNode, text);
  } finally {
    tree.delete();
  }
}

function parse(parser: Parser, text: string, previous?: Tree): Tree {
  const tree = parser.parse(text, previous);
  if (!tree) throw new Error('tree-sitter returned no tree'); // only without a language, or when cancelled
  return tree;
}

/** The row and column of an offset (columns in UTF-16 code units, as tree-sitter's JavaScript binding counts). */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline >= 0 && newline < offset; newline = text.indexOf('\n', newline + 1)) {
    row++;
    lineStart = newline + 1;
  }
  return { row, column: offset - lineStart };
}

/** The one edit that turns `before` into `after`: what lies between their common start and their common end. */
export function editBetween(before: string, after: string): Edit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  const oldEndIndex = before.length - end;
  const newEndIndex = after.length - end;
  return {
    startIndex: start,
    oldEndIndex,
    newEndIndex,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEndIndex),
    newEndPosition: pointAt(after, newEndIndex),
  };
}

/** The open Python documents' trees and readings, keyed by URI; the least recently read are let go past `capacity`. */
export class PythonDocuments {
  private readonly parsed = new Map<string, Parsed>();

  constructor(
    private readonly parser: Parser,
    private readonly capacity = 32,
  ) {}

  /**
   * The reading of a document's version: the last one's for the same version or the same text (a save, an undo back
   * to it), else parsed incrementally from the last one.
   */
  read(uri: string, version: number, text: string): PythonReading {
    const last = this.parsed.get(uri);
    if (last && (last.version === version || last.text === text)) return this.keep(uri, { ...last, version }).reading;
    let tree: Tree;
    const reader = last?.reader ?? new PythonReader();
    if (last) {
      const old = last.tree.copy();
      old.edit(editBetween(last.text, text));
      tree = parse(this.parser, text, old);
      old.delete();
      last.tree.delete();
    } else {
      tree = parse(this.parser, text);
    }
    return this.keep(uri, { version, text, tree, reader, reading: reader.read(tree.rootNode, text) }).reading;
  }

  forget(uri: string): void {
    this.parsed.get(uri)?.tree.delete();
    this.parsed.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.parsed.keys()]) this.forget(uri);
  }

  private keep(uri: string, parsed: Parsed): Parsed {
    this.parsed.delete(uri); // re-inserted last: the Map's order is the order of use
    this.parsed.set(uri, parsed);
    for (const oldest of this.parsed.keys()) {
      if (this.parsed.size <= this.capacity) break;
      this.forget(oldest);
    }
    return parsed;
  }
}
