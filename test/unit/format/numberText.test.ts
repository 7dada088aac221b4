import * as assert from 'assert';
import fc from 'fast-check';
import { asFraction, formatNumber } from '../../../src/format/numberText';

const plain = { decimals: 4, exactFractions: false };
const RUNS = { numRuns: 500, seed: 20261205 };

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

/** `p/q` in lowest terms, sign on the numerator, written out independently of the code under test. */
function lowestTerms(p: number, q: number): string {
  const g = gcd(p, q);
  return q / g === 1 ? String(p / g) : `${p / g}/${q / g}`;
}

describe('number format', () => {
  it('shows integers as integers', () => {
    assert.strictEqual(formatNumber(47, plain), '47');
    assert.strictEqual(formatNumber(-3, plain), '-3');
    assert.strictEqual(formatNumber(-0, plain), '0');
  });

  it('rounds other numbers to the decimals and trims trailing zeros', () => {
    assert.strictEqual(formatNumber(2.5, plain), '2.5');
    assert.strictEqual(formatNumber(1 / 3, plain), '0.3333');
    assert.strictEqual(formatNumber(-2 / 3, plain), '-0.6667');
    assert.strictEqual(formatNumber(0.99999, plain), '1');
    assert.strictEqual(formatNumber(1 / 3, { decimals: 2, exactFractions: false }), '0.33');
  });

  it('turns floating-point dust into a plain 0, never -0', () => {
    assert.strictEqual(formatNumber(5.55e-17, plain), '0');
    assert.strictEqual(formatNumber(-1.1e-16, plain), '0');
  });

  it('shows small exact fractions when asked', () => {
    const exact = { decimals: 4, exactFractions: true };
    assert.strictEqual(formatNumber(1 / 3, exact), '1/3');
    assert.strictEqual(formatNumber(-0.125, exact), '-1/8');
    assert.strictEqual(formatNumber(Math.PI, exact), '3.1416');
    assert.strictEqual(asFraction(0.1 + 0.2), '3/10');
  });

  it('finds every fraction with a denominator up to 1000, in lowest terms, through float rounding', () => {
    const fraction = fc.record({ p: fc.integer({ min: -100000, max: 100000 }), q: fc.integer({ min: 1, max: 1000 }) });
    fc.assert(
      fc.property(fraction, fc.integer({ min: -4, max: 4 }), ({ p, q }, ulps) => {
        // A few units in the last place away, as a sum of products lands.
        const value = (p / q) * (1 + ulps * Number.EPSILON);
        assert.strictEqual(asFraction(value), lowestTerms(p, q));
      }),
      RUNS,
    );
  });

  it('leaves values that are no such fraction as decimals', () => {
    // A reduced p/q with q > 1000 is at least 1/(1000 q) from any fraction with a smaller denominator.
    const coprime = fc
      .record({ p: fc.integer({ min: -100000, max: 100000 }), q: fc.integer({ min: 1001, max: 100000 }) })
      .filter(({ p, q }) => gcd(p, q) === 1);
    fc.assert(
      fc.property(coprime, ({ p, q }) => assert.strictEqual(asFraction(p / q), undefined)),
      RUNS,
    );
    for (const value of [Math.PI, Math.SQRT2, 1e-9, 0.1234567, 1 / 1001, 1 / 3 + 1e-9])
      assert.strictEqual(asFraction(value), undefined, String(value));
  });

  it('keeps the tolerance relative to the value, as 1e-12 of it', () => {
    assert.strictEqual(asFraction(1 / 3 + 1e-13), '1/3');
    assert.strictEqual(asFraction(1e-13), '0');
    assert.strictEqual(asFraction(-700000 / 9), '-700000/9');
    assert.strictEqual(asFraction(1000003 / 7), '1000003/7');
    assert.strictEqual(asFraction(2 ** 51 + 0.5), '2251799813685248');
    assert.strictEqual(asFraction(Number.MIN_VALUE), '0');
    assert.strictEqual(asFraction(Infinity), undefined);
    assert.strictEqual(asFraction(NaN), undefined);
  });
});
