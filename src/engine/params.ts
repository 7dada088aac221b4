import { describeValue } from './describe';
import { fail, ok, Result } from './result';

export type Op = 'conv2d' | 'conv_transpose2d';
export type Pair = readonly [number, number];

/** The hyper-parameters of one convolution, each per axis `[height, width]`. */
export interface ConvParams {
  op: Op;
  stride: Pair;
  /** Zeros added before each axis; differs from `padAfter` only for conv2d's asymmetric `padding: "same"`. */
  padBefore: Pair;
  padAfter: Pair;
  dilation: Pair;
  outputPadding: Pair;
  groups: number;
  /** How padding was written: explicit numbers, or PyTorch's string modes (conv2d only). */
  paddingMode: 'explicit' | 'same' | 'valid';
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Past 2^53 - 1 a number no longer holds every integer: sizes computed from it would be wrong, not just large. */
const LARGEST_EXACT = Number.MAX_SAFE_INTEGER;

/** Reads an `int` or `[h, w]` hyper-parameter the way PyTorch accepts it. */
export function readPair(value: unknown, name: string, fallback: number, minimum: number): Result<Pair> {
  if (value === undefined || value === null) return ok([fallback, fallback]);
  const pair = isInt(value)
    ? [value, value]
    : Array.isArray(value) && value.length === 2 && value.every(isInt)
      ? value
      : undefined;
  if (!pair) {
    return fail(
      `${name} must be an integer or a pair [height, width] of integers, but it is ${describeValue(value)}.`,
      [name],
    );
  }
  const path = (a: number) => (Array.isArray(value) ? [name, a] : [name]);
  const axis = (a: number) => (Array.isArray(value) ? ['height', 'width'][a] + ' ' : '');
  const bad = pair.findIndex((v) => v < minimum);
  if (bad >= 0) {
    return fail(
      `${name} ${axis(bad)}must be ${minimum === 0 ? 'non-negative' : `at least ${minimum}`}, but it is ${pair[bad]}.`,
      path(bad),
    );
  }
  const huge = pair.findIndex((v) => v > LARGEST_EXACT);
  if (huge >= 0) {
    return fail(
      `${name} ${axis(huge)}is ${pair[huge]}, more than ${LARGEST_EXACT.toLocaleString('en-US')}, the largest integer computed exactly.`,
      path(huge),
    );
  }
  return ok([pair[0], pair[1]]);
}

export function readOp(value: unknown): Result<Op> {
  if (value === undefined || value === null) return ok('conv2d');
  if (value === 'conv2d' || value === 'conv_transpose2d') return ok(value);
  return fail(`op must be "conv2d" or "conv_transpose2d", but it is ${describeValue(value)}.`, ['op']);
}

export function readGroups(value: unknown): Result<number> {
  if (value === undefined || value === null) return ok(1);
  if (!isInt(value) || value < 1)
    return fail(`groups must be a positive integer, but it is ${describeValue(value)}.`, ['groups']);
  return ok(value);
}

export interface Padding {
  padBefore: Pair;
  padAfter: Pair;
  paddingMode: ConvParams['paddingMode'];
}

/** PyTorch's padding: numbers for both ops; for conv2d also "valid" (none) and "same" (output size = input size, stride
 * 1). */
export function readPadding(value: unknown, op: Op, kernel: Pair, dilation: Pair, stride: Pair): Result<Padding> {
  if (value === 'valid' || value === 'same') {
    if (op !== 'conv2d')
      return fail(`padding "${value}" exists only for conv2d; conv_transpose2d takes numbers.`, ['padding']);
    if (value === 'valid') return ok({ padBefore: [0, 0], padAfter: [0, 0], paddingMode: 'valid' });
    if (stride[0] !== 1 || stride[1] !== 1) {
      return fail(
        `padding "same" is not supported for strided convolutions (stride is [${stride.join(', ')}]), as in PyTorch.`,
        ['padding'],
      );
    }
    // PyTorch puts the odd zero of an even total after the input.
    const total = [0, 1].map((a) => dilation[a] * (kernel[a] - 1));
    const before: Pair = [Math.floor(total[0] / 2), Math.floor(total[1] / 2)];
    return ok({ padBefore: before, padAfter: [total[0] - before[0], total[1] - before[1]], paddingMode: 'same' });
  }
  if (typeof value === 'string')
    return fail(`padding must be an integer, a pair, "valid" or "same", but it is ${describeValue(value)}.`, [
      'padding',
    ]);
  const pair = readPair(value, 'padding', 0, 0);
  return pair.ok ? ok({ padBefore: pair.value, padAfter: pair.value, paddingMode: 'explicit' }) : pair;
}
