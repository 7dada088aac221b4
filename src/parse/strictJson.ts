import { parseTree } from 'jsonc-parser';
import { SPEC_FIELDS } from '../engine';
import { Locator, nodeLocator } from './locate';
import { MAX_NESTING } from './messages';
import { scanned } from './scanWork';
import type { SelectionContent, TextRange } from './types';
import { INTEGER_PARAMETERS, isUnsafeInteger } from './vocabulary';

/**
 * True when every number under `value` is finite, no object sits inside an array (a matrix holds numbers) and
 * nothing nests deeper than the full parser allows.
 */
function plainNumbers(value: unknown, depth: number): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    if (depth >= MAX_NESTING) return false;
    // A number is checked in place: a call per cell would dominate reading a large matrix.
    for (const item of value)
      if (typeof item === 'number' ? !Number.isFinite(item) : !plainNumbers(item, depth + 1)) return false;
    return true;
  }
  return depth === 0 || typeof value !== 'object' || value === null;
}

/** Where the value at a path sits, parsing the text into a tree only when somebody first asks (an error). */
function lazyLocator(text: string): Locator {
  let locate: Locator | undefined;
  return (path) => {
    locate ??= nodeLocator(parseTree(text, [], { allowTrailingComma: true })!, text.length);
    return locate(path);
  };
}

/**
 * The fast path for the common case, strict JSON: `JSON.parse` is an order of magnitude faster than building a
 * position tree for every number of a large matrix, and positions are only needed when something is wrong.
 * Returns undefined for anything else (JSONC, Python, two matrices, non-finite numbers, scalars), which the
 * full parser handles with its precise messages.
 */
export function readStrictJson(text: string): SelectionContent | undefined {
  const first = text.search(/\S/);
  const last = text.trimEnd().length;
  const opener = text[first];
  if (opener !== '{' && opener !== '[') return undefined;
  let value: unknown;
  scanned.characters += text.length;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const range: TextRange = { offset: first, length: last - first };
  const locate = lazyLocator(text);
  const at = (path: (string | number)[]) => (path.length === 0 ? range : locate(path));
  if (Array.isArray(value)) {
    return plainNumbers(value, 0) ? { kind: 'single', matrix: { value, range, locate: at } } : undefined;
  }
  const spec = value as Record<string, unknown>;
  for (const field of SPEC_FIELDS) if (Object.hasOwn(spec, field) && !plainNumbers(spec[field], 1)) return undefined;
  // An integer parameter past 2^53 - 1 was rounded: the full parser says where.
  for (const field of INTEGER_PARAMETERS) {
    const value = Object.hasOwn(spec, field) ? spec[field] : undefined;
    if (isUnsafeInteger(value) || (Array.isArray(value) && value.some(isUnsafeInteger))) return undefined;
  }
  return { kind: 'spec', spec: { spec, range, locate: at } };
}
