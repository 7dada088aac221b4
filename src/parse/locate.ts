import type { Node } from 'jsonc-parser';
import { clampRange } from './position';
import type { TextRange } from './types';

export type Locator = (path: (string | number)[]) => TextRange;

/** The node at one path step: a property's value (the last one if a key repeats, as values are read) or an element. */
function child(node: Node, segment: string | number): Node | undefined {
  const children = node.children ?? [];
  if (node.type === 'array') return typeof segment === 'number' ? children[segment] : undefined;
  if (node.type !== 'object') return undefined;
  for (let i = children.length - 1; i >= 0; i--) {
    const [key, value] = children[i].children ?? [];
    if (key?.value === segment) return value;
  }
  return undefined;
}

/**
 * Where the value at a JSON path sits under `root`. Engine errors may name a path that is not in the text (a
 * missing field, an index past a short row), so the nearest existing ancestor stands in for it.
 */
export function nodeLocator(root: Node, textLength: number): Locator {
  return (path) => {
    let node = root;
    for (const segment of path) {
      const next = child(node, segment);
      if (!next) break;
      node = next;
    }
    return clampRange({ offset: node.offset, length: node.length }, textLength);
  };
}

/**
 * The plain value of a node. Unlike jsonc-parser's getNodeValue, objects get the ordinary prototype (so they
 * compare and print normally) and a `"__proto__"` key stays a plain key.
 */
export function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'array':
      return (node.children ?? []).map(nodeValue);
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value)
          Object.defineProperty(object, String(key.value), {
            value: nodeValue(value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return object;
    }
    default:
      return node.value;
  }
}
