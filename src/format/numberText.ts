/** How numbers read wherever ConvLens shows them: panel cells, hovers, the CLI's tables. */
import type { NumberFormat } from '../protocol';

export const DEFAULT_FORMAT: NumberFormat = { decimals: 4, exactFractions: false };

/** Drops the zeros `toFixed` pads with: "2.5000" -> "2.5", "3.0000" -> "3". */
function trimZeros(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

/** `p/q` when `value` is (to float precision) a fraction with a small denominator, by continued fractions. */
export function asFraction(value: number, maxDenominator = 1000): string | undefined {
  const sign = value < 0 ? -1 : 1;
  let x = Math.abs(value);
  let [p0, q0, p1, q1] = [0, 1, 1, 0];
  for (let step = 0; step < 32; step++) {
    const a = Math.floor(x);
    [p0, q0, p1, q1] = [p1, q1, a * p1 + p0, a * q1 + q0];
    if (q1 > maxDenominator) return undefined;
    if (Math.abs(Math.abs(value) - p1 / q1) <= 1e-12 * Math.max(1, Math.abs(value)))
      return q1 === 1 ? String(sign * p1) : `${sign * p1}/${q1}`;
    const rest = x - a;
    if (rest < 1e-15) return undefined;
    x = 1 / rest;
  }
  return undefined;
}

/**
 * How a value reads: integers as integers, others rounded to `decimals` places without trailing zeros, optionally
 * as an exact small fraction. Full precision stays elsewhere (a panel cell's `data-value`, the CLI's `--json`).
 */
export function formatNumber(value: number, format: NumberFormat): string {
  if (value === 0) return '0'; // also turns -0 into 0
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  if (format.exactFractions) {
    const fraction = asFraction(value);
    if (fraction) return fraction;
  }
  // Up to 17, as the CLI's --decimals allows.
  const decimals = Math.min(17, Math.max(0, Math.round(format.decimals)));
  const fixed = trimZeros(value.toFixed(decimals));
  // Floating-point dust such as -1.1e-16 rounds to a plain 0.
  return fixed === '-0' ? '0' : fixed;
}
