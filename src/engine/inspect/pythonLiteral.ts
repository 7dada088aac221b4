import { Nested } from '../tensor';

/** Lines up to this long stay whole; longer lists put one element per line. */
const LINE = 88;

/** A float64 as Python reads it back exactly: JavaScript's shortest round-trip form is valid Python. */
export function pythonNumber(value: number): string {
  return Object.is(value, -0) ? '-0.0' : String(value);
}

/** Nested lists as a Python literal, broken over indented lines where one line would be too long. */
export function pythonLiteral(value: Nested, indent = ''): string {
  if (!Array.isArray(value)) return pythonNumber(value);
  // A single-element level (the batch, one channel) shares its brackets with the next: `[[[` rather than a staircase.
  if (value.length === 1 && Array.isArray(value[0])) return `[${pythonLiteral(value[0], indent)}]`;
  const flat = `[${value.map((v) => pythonLiteral(v, '')).join(', ')}]`;
  if (flat.length + indent.length <= LINE || !value.some(Array.isArray)) return flat;
  const inner = `${indent}    `;
  return `[\n${value.map((v) => inner + pythonLiteral(v, inner)).join(',\n')},\n${indent}]`;
}

/** One value per spatial axis as PyTorch takes it: `2` for one axis, `(1, 2)` or `(1, 2, 1)` for more. */
export const pythonAxes = (values: readonly number[]): string =>
  values.length === 1 ? String(values[0]) : `(${values.join(', ')})`;

/** A Python tuple of one value per spatial axis, as NumPy code indexes it: `(2,)`, `(1, 2)`, `(1, 2, 1)`. */
export const pythonTuple = (values: readonly number[]): string =>
  values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`;
