/** How numbers read wherever ConvLens shows them: panel cells, hovers, the CLI's tables. */
// mathjs's Fraction is fraction.js itself: ~8 KB in the webview, where create({ fractionDependencies }) adds ~130 KB.
import { Fraction } from 'mathjs';
import type { NumberFormat } from '../protocol/messages';

export const DEFAULT_FORMAT: NumberFormat = { decimals: 4, exactFractions: false };

/** Drops the zeros `toFixed` pads with: "2.5000" -> "2.5", "3.0000" -> "3". */
function trimZeros(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * `value` exactly: every finite double is an integer over a power of two. (Fraction's own number parser
 * approximates by a Farey walk that takes tens of milliseconds next to a simple fraction, as for 0.1 + 0.2.)
 */
function exactFraction(value: number): Fraction {
  let scaled = value;
  let bits = 0n;
  for (; !Number.isInteger(scaled); bits++) scaled *= 2; // exact: doubling only moves the exponent
  return new Fraction(BigInt(scaled), 1n << bits);
}

/**
 * `p/q` when `value` is (to float precision) a fraction whose denominator is at most `maxDenominator`: the first of
 * the value's continued-fraction convergents within the tolerance (Fraction's `simplify`).
 */
export function asFraction(value: number, maxDenominator = 1000): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const nearest = exactFraction(value).simplify(1e-12 * Math.max(1, Math.abs(value)));
  return nearest.d <= BigInt(maxDenominator) ? nearest.toFraction() : undefined;
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
