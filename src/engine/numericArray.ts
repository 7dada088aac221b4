import { describeValue } from './describe';
import { fail, ok, Result, SpecError, SpecPath } from './result';

/** Arrays larger than this are refused before anything is allocated for them. */
export const MAX_ARRAY_CELLS = 50_000_000;

/** Deeper than any spec field (a weight has 4); a deeper value is refused before it is walked. */
export const MAX_ARRAY_DIMENSIONS = 32;

/** A rectangular array of finite numbers read from plain JSON-like values. */
export interface NumericArray {
  shape: number[];
  data: Float64Array;
}

/** What the check walks with: the field's name and place for messages, the shape every level must have, and where it is
 * now. */
interface Walk {
  name: string;
  path: SpecPath;
  shape: number[];
  indices: number[];
}

const indexText = (indices: number[]): string => indices.map((i) => `[${i}]`).join('');

/** The error about the element the walk stands on; its path is built only for this one failure, never per cell. */
const problem = (walk: Walk, message: string): SpecError => ({ message, path: [...walk.path, ...walk.indices] });

/**
 * The first element (row-major) that is not where the shape says or not a finite number; undefined when there is
 * none. Allocates nothing per cell: numbers in a row are checked in a loop, and only a failure builds its message.
 */
function firstProblem(walk: Walk, node: unknown, depth: number): SpecError | undefined {
  const { name, shape, indices } = walk;
  if (depth === shape.length) {
    if (typeof node !== 'number')
      return problem(walk, `${name}${indexText(indices)} must be a number, but it is ${describeValue(node)}.`);
    if (!Number.isFinite(node))
      return problem(walk, `${name}${indexText(indices)} is ${node}; only finite numbers are allowed.`);
    return undefined;
  }
  if (!Array.isArray(node)) {
    return problem(
      walk,
      `${name}${indexText(indices)} must be an array of length ${shape[depth]} (${name} has ${shape.length} dimensions), but it is ${describeValue(node)}.`,
    );
  }
  if (node.length !== shape[depth]) {
    return problem(
      walk,
      `${name}${indexText(indices)} has ${node.length} element${node.length === 1 ? '' : 's'}, but ${name}${indexText(indices.map(() => 0))} has ${shape[depth]}: ${name} must be rectangular (no ragged rows).`,
    );
  }
  const leaves = depth + 1 === shape.length;
  for (let i = 0; i < node.length; i++) {
    const child: unknown = node[i];
    if (leaves && typeof child === 'number' && Number.isFinite(child)) continue;
    // The same row as the one before (zeros built to a shape share theirs) passed already.
    if (i > 0 && child === node[i - 1]) continue;
    indices.push(i);
    const found = firstProblem(walk, child, depth + 1);
    indices.pop();
    if (found) return found;
  }
  return undefined;
}

/** Copies a checked array's numbers into `data` from `offset`, a row at a time; returns the offset after them. */
function copyRows(node: unknown[], depth: number, rowDepth: number, data: Float64Array, offset: number): number {
  if (depth === rowDepth) {
    data.set(node as number[], offset);
    return offset + node.length;
  }
  for (const child of node) offset = copyRows(child as unknown[], depth + 1, rowDepth, data, offset);
  return offset;
}

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
      return fail(`${name} is empty: ${shape.length === 0 ? 'it has' : 'its rows have'} no elements.`, [
        ...path,
        ...shape.map(() => 0),
      ]);
    }
    // A value from a command argument or the webview may nest without end; the walks below recurse per level.
    if (shape.length === MAX_ARRAY_DIMENSIONS)
      return fail(`${name} is nested more than ${MAX_ARRAY_DIMENSIONS} levels deep: it is not a matrix.`, path);
    shape.push(level.length);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  // The shape comes from the first element of each level; a ragged array could claim far more than it holds.
  if (size > MAX_ARRAY_CELLS) {
    return fail(
      `${name} has shape [${shape.join(', ')}], more than ${MAX_ARRAY_CELLS.toLocaleString('en-US')} numbers.`,
      path,
    );
  }
  // Checked whole before anything is allocated, so a ragged array that claims a huge shape costs nothing.
  const found = firstProblem({ name, path, shape, indices: [] }, value, 0);
  if (found) return { ok: false, error: found };
  const data = new Float64Array(size);
  copyRows(value, 0, shape.length - 1, data, 0);
  return ok({ shape, data });
}
