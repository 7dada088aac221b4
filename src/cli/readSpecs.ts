import { findNodeAtLocation, getNodeValue, Node, parseTree, ParseError, printParseErrorCode } from 'jsonc-parser';
import { SpecPath } from '../engine';

/** One spec of the input file, with a way to say where a path inside it is written. */
export interface SpecEntry {
  value: unknown;
  where(path: SpecPath): string;
}

export type ReadSpecs = { ok: true; specs: SpecEntry[] } | { ok: false; message: string };

/** `line L, column C` (1-based) of an offset. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** The node at `path`, or its nearest ancestor that exists. */
function nearestNode(root: Node, path: SpecPath): Node {
  for (let n = path.length; n > 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) return node;
  }
  return root;
}

/**
 * Reads one spec object, an array of them, or an object with a `cases` array (the golden file's layout).
 * JSON with comments and trailing commas is accepted.
 */
export function readSpecs(text: string): ReadSpecs {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    return {
      ok: false,
      message: first
        ? `${printParseErrorCode(first.error)} at ${lineColumn(text, first.offset)}`
        : 'the file holds no JSON',
    };
  }
  const cases = root.type === 'object' ? findNodeAtLocation(root, ['cases']) : undefined;
  const nodes =
    root.type === 'array' ? (root.children ?? []) : cases?.type === 'array' ? (cases.children ?? []) : [root];
  return {
    ok: true,
    specs: nodes.map((node) => ({
      value: getNodeValue(node),
      where: (path: SpecPath) => lineColumn(text, nearestNode(node, path).offset),
    })),
  };
}
