/** Small readings of tree-sitter's Python syntax tree shared by the reader's parts. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { TextSpan } from './layer';

export type { Node };

export const spanOf = (node: Node): TextSpan => ({ start: node.startIndex, end: node.endIndex });

/** The node's children that are not `null` (tree-sitter's typings allow holes). */
export const namedChildrenOf = (node: Node): Node[] => node.namedChildren.filter((child): child is Node => !!child);

/** `a`, `a.b.c` as written, or undefined for anything else (a call, a subscript, ...). */
export function dottedName(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type !== 'attribute') return undefined;
  const object = node.childForFieldName('object');
  const attribute = node.childForFieldName('attribute');
  const head = object && dottedName(object);
  return head && attribute ? `${head}.${attribute.text}` : undefined;
}

/** The innermost enclosing node of one of the types, if any. */
export function enclosing(node: Node, types: readonly string[]): Node | undefined {
  for (let up = node.parent; up; up = up.parent) if (types.includes(up.type)) return up;
  return undefined;
}
