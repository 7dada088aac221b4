import { describeValue } from './describe';
import { fail, ok, Result, SpecPath } from './result';

/** Arrays larger than this are refused before anything is allocated for them. */
export const MAX_ARRAY_CELLS = 50_000_000;

/** Deeper than any spec field (a weight has 4); a deeper value is refused before it is walked. */
export const MAX_ARRAY_DIMENSIONS = 32;

/** A rectangular array of finite numbers read from plain JSON-like values. */
export interface NumericArray {
  shape: number[];
  data: Float64Array;
}

const indexText = (indices: number[]): string => indices.map((i) => `[${i}]`).join('');

/**
 * Reads nested arrays into a flat Float64Array, checking that every level is rectangular and every leaf is a
 * finite number. `name` is the field's name in messages; `path` is where the value sits in the spec.
 */
export function readNumericArray(value: unknown, name: string, path: SpecPath): Result<NumericArray> {
  if (!Array.isArray(value)) {
    return fail(`${name} must be an array of numbers, but it is ${describeValue(value)}.`, path);
  }
  const shape: number[] = [];
  for (let level: unknown = value; Array.isArray(level); level = level[0]) {
    if (level.length === 0) {
      return fail(`${name} is empty: ${shape.length === 0 ? 'it has' : 'its rows have'} no elements.`, [...path, ...shape.map(() => 0)]);
    }
    // A value from a command argument or the webview may nest without end; the walks below recurse per level.
    if (shape.length === MAX_ARRAY_DIMENSIONS) return fail(`${name} is nested more than ${MAX_ARRAY_DIMENSIONS} levels deep: it is not a matrix.`, path);
    shape.push(level.length);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  // The shape comes from the first element of each level; a ragged array could claim far more than it holds.
  if (size > MAX_ARRAY_CELLS) {
    return fail(`${name} has shape [${shape.join(', ')}], more than ${MAX_ARRAY_CELLS.toLocaleString('en-US')} numbers.`, path);
  }
  const indices: number[] = [];

  // Checked whole before anything is allocated, so a ragged array that claims a huge shape costs nothing.
  const check = (node: unknown, depth: number): Result<null> => {
    const where = (): SpecPath => [...path, ...indices]; // built only for the one failure, not per cell
    if (depth === shape.length) {
      if (typeof node !== 'number') {
        return fail(`${name}${indexText(indices)} must be a number, but it is ${describeValue(node)}.`, where());
      }
      if (!Number.isFinite(node)) return fail(`${name}${indexText(indices)} is ${node}; only finite numbers are allowed.`, where());
      return ok(null);
    }
    if (!Array.isArray(node)) {
      return fail(`${name}${indexText(indices)} must be an array of length ${shape[depth]} (${name} has ${shape.length} dimensions), but it is ${describeValue(node)}.`, where());
    }
    if (node.length !== shape[depth]) {
      return fail(
        `${name}${indexText(indices)} has ${node.length} element${node.length === 1 ? '' : 's'}, but ${name}${indexText(indices.map(() => 0))} has ${shape[depth]}: ${name} must be rectangular (no ragged rows).`,
        where(),
      );
    }
    for (let i = 0; i < node.length; i++) {
      indices.push(i);
      const r = check(node[i], depth + 1);
      indices.pop();
      if (!r.ok) return r;
    }
    return ok(null);
  };
  const checked = check(value, 0);
  if (!checked.ok) return checked;
  const data = new Float64Array(size);
  let offset = 0;
  const fill = (node: unknown, depth: number): void => {
    if (depth === shape.length) data[offset++] = node as number;
    else for (const child of node as unknown[]) fill(child, depth + 1);
  };
  fill(value, 0);
  return ok({ shape, data });
}
