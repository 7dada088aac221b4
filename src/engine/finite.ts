import type { ConvResult } from './compute';
import { fail, ok, Result } from './result';
import { Tensor3 } from './tensor';

/** The `[c][i][j]` of the first cell that is not finite, or undefined when every cell is. */
function firstNonFinite(t: Tensor3): { at: string; value: number } | undefined {
  const { data, height, width } = t;
  for (let k = 0; k < data.length; k++) {
    if (Number.isFinite(data[k])) continue;
    const plane = height * width;
    const [c, i, j] = [Math.floor(k / plane), Math.floor((k % plane) / width), k % width];
    return { at: `[${c}][${i}][${j}]`, value: data[k] };
  }
  return undefined;
}

/**
 * Inputs are finite (the spec check refuses NaN and infinities), but sums of products of huge numbers (1e308)
 * overflow float64. Such a result must not be shown or printed as if it were a number, so it is refused here,
 * naming the first cell that overflowed.
 */
export function checkFinite(result: ConvResult): Result<null> {
  for (const [name, tensor] of [
    ['output', result.output],
    ['reconstruction', result.reconstruction],
  ] as const) {
    const bad = firstNonFinite(tensor);
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
