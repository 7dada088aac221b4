import * as assert from 'assert';
import { asFraction, formatNumber } from '../../../src/format/numberText';

const plain = { decimals: 4, exactFractions: false };

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
});
