import { describeValue } from './describe';
import { samePadding } from './geometry';
import { AXIS_NAMES, isTransposed, Op, OPS, PADDING_MODES, PaddingKind, PaddingMode, Rank, rankOf } from './ops';
import { fail, ok, Result } from './result';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Past 2^53 - 1 a number no longer holds every integer: sizes computed from it would be wrong, not just large. */
const LARGEST_EXACT = Number.MAX_SAFE_INTEGER;

const listOf = (names: readonly string[]): string => (names.length === 1 ? names[0] : `[${names.join(', ')}]`);

/** Reads an `int` or one integer per spatial axis, the way PyTorch accepts a hyper-parameter. */
export function readAxes(
  value: unknown,
  name: string,
  rank: Rank,
  fallback: number,
  minimum: number,
): Result<number[]> {
  if (value === undefined || value === null) return ok(Array<number>(rank).fill(fallback));
  const names = AXIS_NAMES[rank];
  const list = isInt(value)
    ? Array<number>(rank).fill(value)
    : Array.isArray(value) && value.length === rank && value.every(isInt)
      ? (value as number[])
      : undefined;
  if (!list) {
    const shape = rank === 1 ? 'an integer' : `an integer or a list ${listOf(names)} of ${rank} integers`;
    return fail(`${name} must be ${shape}, but it is ${describeValue(value)}.`, [name]);
  }
  const path = (a: number) => (Array.isArray(value) ? [name, a] : [name]);
  const axis = (a: number) => (Array.isArray(value) && rank > 1 ? names[a] + ' ' : '');
  const bad = list.findIndex((v) => v < minimum);
  if (bad >= 0) {
    return fail(
      `${name} ${axis(bad)}must be ${minimum === 0 ? 'non-negative' : `at least ${minimum}`}, but it is ${list[bad]}.`,
      path(bad),
    );
  }
  const huge = list.findIndex((v) => v > LARGEST_EXACT);
  if (huge >= 0) {
    return fail(
      `${name} ${axis(huge)}is ${list[huge]}, more than ${LARGEST_EXACT.toLocaleString('en-US')}, the largest integer computed exactly.`,
      path(huge),
    );
  }
  return ok([...list]);
}

export function readOp(value: unknown): Result<Op | undefined> {
  if (value === undefined || value === null) return ok(undefined);
  if ((OPS as readonly unknown[]).includes(value)) return ok(value as Op);
  return fail(`op must be one of ${OPS.map((o) => `"${o}"`).join(', ')}, but it is ${describeValue(value)}.`, ['op']);
}

/**
 * The op whose shapes an input and a weight of these ranks are: conv2d wherever it can read them, else conv1d or
 * conv3d, else conv2d (whose message then says what it reads). A selected pair of arrays has no op of its own.
 */
export function opForRanks(inputRank: number, weightRank: number): Op {
  const reads = (spatial: Rank) =>
    (inputRank === spatial || inputRank === spatial + 1) && (weightRank === spatial || weightRank === spatial + 2);
  if (reads(2)) return 'conv2d';
  if (reads(1)) return 'conv1d';
  if (reads(3)) return 'conv3d';
  return 'conv2d';
}

export function readGroups(value: unknown): Result<number> {
  if (value === undefined || value === null) return ok(1);
  if (!isInt(value) || value < 1)
    return fail(`groups must be a positive integer, but it is ${describeValue(value)}.`, ['groups']);
  return ok(value);
}

export function readPaddingMode(value: unknown, op: Op): Result<PaddingMode> {
  if (value === undefined || value === null) return ok('zeros');
  if (!(PADDING_MODES as readonly unknown[]).includes(value)) {
    return fail(
      `padding_mode must be one of ${PADDING_MODES.map((m) => `"${m}"`).join(', ')}, but it is ${describeValue(value)}.`,
      ['padding_mode'],
    );
  }
  if (value !== 'zeros' && isTransposed(op))
    return fail(`Only "zeros" padding mode is supported for ${op}, as in PyTorch.`, ['padding_mode']);
  return ok(value as PaddingMode);
}

export interface Padding {
  before: number[];
  after: number[];
  kind: PaddingKind;
}

/**
 * PyTorch's padding: numbers for every op; for the non-transposed ones also "valid" (none) and "same" (output size =
 * input size, stride 1), which puts the odd cell of an odd total after the input.
 */
export function readPadding(
  value: unknown,
  op: Op,
  kernel: number[],
  dilation: number[],
  stride: number[],
): Result<Padding> {
  const rank = rankOf(op);
  if (value === 'valid' || value === 'same') {
    if (isTransposed(op))
      return fail(`padding "${value}" exists only for conv1d/2d/3d; ${op} takes numbers.`, ['padding']);
    const zeros = Array<number>(rank).fill(0);
    if (value === 'valid') return ok({ before: zeros, after: zeros, kind: 'valid' });
    if (stride.some((s) => s !== 1)) {
      return fail(
        `padding "same" is not supported for strided convolutions (stride is ${rank === 1 ? stride[0] : `[${stride.join(', ')}]`}), as in PyTorch.`,
        ['padding'],
      );
    }
    const split = kernel.map((k, a) => samePadding(k, dilation[a]));
    return ok({ before: split.map((s) => s.before), after: split.map((s) => s.after), kind: 'same' });
  }
  if (typeof value === 'string') {
    return fail(
      `padding must be an integer, ${rank === 1 ? '' : 'one per axis, '}"valid" or "same", but it is ${describeValue(value)}.`,
      ['padding'],
    );
  }
  const list = readAxes(value, 'padding', rank, 0, 0);
  return list.ok ? ok({ before: list.value, after: list.value, kind: 'explicit' }) : list;
}
