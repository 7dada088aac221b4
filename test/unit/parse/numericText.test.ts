import * as assert from 'assert';
import { isNumeric } from '../../../src/parse/numericText';

const numeric = (text: string, firstArgument = false): boolean => isNumeric(text, 0, text.length, firstArgument);

describe('parse: isNumeric (what findLiteralAt takes for a matrix)', () => {
  it('plain numbers, signs, commas, brackets and blanks', () => {
    assert.strictEqual(numeric('[0.125, -0.25, +3], [4, .5, 6.]'), true);
    assert.strictEqual(numeric('(1, 2),\n\t(3, 4)'), true);
  });

  it('exponents, but not a name that starts with e', () => {
    assert.strictEqual(numeric('[1e-07, 2.5E+03, -3.75e2, 4.e1]'), true);
    assert.strictEqual(numeric('[1, e, 2]'), false);
    assert.strictEqual(numeric('[1, -e]'), false);
    assert.strictEqual(numeric('[1, 2], [ex]'), false);
  });

  it('names of NaN and infinity, float() of a string, comments', () => {
    assert.strictEqual(numeric("[nan, np.inf, -math.inf, float('inf'), 1_000, 5j]"), true);
    assert.strictEqual(numeric('[1, 2] # a [ comment\n, [3] /* ] */'), true);
    assert.strictEqual(numeric("[1, 'inf']"), false);
    assert.strictEqual(numeric('[1, {2}]'), false);
    assert.strictEqual(numeric('[1, x]'), false);
  });

  it('with firstArgument, only up to the first comma outside brackets, strings and comments', () => {
    assert.strictEqual(numeric('[[1, 2], [3, 4]], dtype=np.float64', true), true);
    assert.strictEqual(numeric("[float('1,5'), 2] # x, y\n, requires_grad=True", true), true);
    assert.strictEqual(numeric('x + [1, 2], dtype=float', true), false);
    assert.strictEqual(numeric('[1, 2]', true), true);
    assert.strictEqual(numeric('[1, 2)], dtype=x', true), false); // the stray ) leaves `, dtype` inside
  });
});
