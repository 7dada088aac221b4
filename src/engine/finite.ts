import type { ConvResult } from './compute';
import { readsPerInputCell, shapeOf } from './geometry';
import { fail, ok, Result } from './result';
import type { ConvProblem } from './spec';
import { Tensor } from './tensor';

/** The `[c][i][j]` (one index per dimension of `shape`) of the first cell that is not finite, if any. */
function firstNonFinite(t: Tensor, shape: readonly number[]): { at: string; value: number } | undefined {
  const { data } = t;
  for (let k = 0; k < data.length; k++) {
    if (Number.isFinite(data[k])) continue;
    const index: number[] = [];
    for (let d = shape.length - 1, rest = k; d >= 0; d--) {
      index.unshift(rest % shape[d]);
      rest = Math.floor(rest / shape[d]);
    }
    return { at: index.map((i) => `[${i}]`).join(''), value: data[k] };
  }
  return undefined;
}

/**
 * Inputs are finite (the spec check refuses NaN and infinities), but sums of products of huge numbers (1e308)
 * overflow float64. Such a result must not be shown or printed as if it were a number, so it is refused here,
 * naming the first cell that overflowed.
 */
export function checkFinite(result: ConvResult): Result<null> {
  const g = result.problem.geometry;
  for (const [name, tensor] of [
    ['output', result.output],
    ['reconstruction', result.reconstruction],
  ] as const) {
    const bad = firstNonFinite(tensor, shapeOf(g, tensor));
    if (!bad) continue;
    const became = Number.isNaN(bad.value) ? 'NaN (infinities of both signs met)' : String(bad.value);
    const why = name === 'output' ? 'the sum of products' : 'the transposed map of the output';
    return fail(
      `${name}${bad.at} overflowed to ${became}: ${why} exceeds float64's range (about ±1.8e308). Scale the input or the kernel down.`,
      [],
    );
  }
  return ok(null);
}

function largestMagnitude(data: Float64Array): number {
  let largest = 0;
  for (let k = 0; k < data.length; k++) largest = Math.max(largest, Math.abs(data[k]));
  return largest;
}

/**
 * Whether the results are finite for sure without computing them (a pass over the input and the weight). An output
 * cell sums at most one product per weight, plus its bias; a reconstruction cell at most one per weight and per copy
 * of its input cell the big grid reads (`readsPerInputCell`). A quarter of float64's range leaves rounding room to
 * spare; past it, only computing tells.
 */
export function surelyFinite(problem: ConvProblem): boolean {
  let weights = 0;
  for (let k = 0; k < problem.weight.data.length; k++) weights += Math.abs(problem.weight.data[k]);
  const output = largestMagnitude(problem.input.data) * weights + (problem.bias ? largestMagnitude(problem.bias) : 0);
  const reconstruction = output * weights * readsPerInputCell(problem.geometry);
  // Written so that NaN (0 times an infinite sum) is not sure either.
  return output <= Number.MAX_VALUE / 4 && reconstruction <= Number.MAX_VALUE / 4;
}
