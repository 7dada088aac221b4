import * as assert from 'assert';
import fc from 'fast-check';
import {
  isTransposed,
  Op,
  OPS,
  outputLength,
  OutputSizeAxis,
  outputSizeExpression,
  outputSizeTerms,
} from '../../src/engine';

const RUNS = { numRuns: 100, seed: 20261205 };

/** PyTorch's formulas (torch.nn.Conv2d / ConvTranspose2d docs), in plain arithmetic. */
function reference(op: Op, a: OutputSizeAxis, inputSize: number): number {
  return !isTransposed(op)
    ? Math.floor((inputSize + a.padBefore + a.padAfter - a.dilation * (a.kernel - 1) - 1) / a.stride) + 1
    : (inputSize - 1) * a.stride - 2 * a.padBefore + a.dilation * (a.kernel - 1) + a.outputPadding + 1;
}

/** Evaluates a formula's text as JavaScript, with `floor` and the input symbol bound: independent of mathjs. */
function evaluateText(text: string, inputSize: number): number {
  assert.match(text, /^[\w\s+\-*/().]+$/, text);
  const symbols = ['L_in', 'D_in', 'H_in', 'W_in'];
  return new Function('floor', ...symbols, `return ${text};`)(Math.floor, ...symbols.map(() => inputSize)) as number;
}

const axisCase = fc
  .record({
    op: fc.constantFrom<Op>(...OPS),
    name: fc.constantFrom<OutputSizeAxis['name']>('length', 'depth', 'height', 'width'),
    input: fc.integer({ min: 1, max: 300 }),
    kernel: fc.integer({ min: 1, max: 11 }),
    stride: fc.integer({ min: 1, max: 5 }),
    padBefore: fc.integer({ min: 0, max: 6 }),
    // conv2d's padding "same" pads one more after than before when the kernel's reach is odd.
    padExtra: fc.integer({ min: 0, max: 1 }),
    dilation: fc.integer({ min: 1, max: 4 }),
    outputPadding: fc.nat(),
  })
  .map(({ op, padExtra, outputPadding, ...rest }) => ({
    op,
    axis: {
      ...rest,
      padAfter: rest.padBefore + (isTransposed(op) ? 0 : padExtra),
      // PyTorch: output_padding below stride or dilation; a conv has none.
      outputPadding: isTransposed(op) ? outputPadding % Math.max(rest.stride, rest.dilation) : 0,
    },
  }));

describe('output-size formulas as expressions', () => {
  it("evaluate to PyTorch's sizes, as does the engine's integer arithmetic", () => {
    fc.assert(
      fc.property(axisCase, ({ op, axis }) => {
        const expected = reference(op, axis, axis.input);
        const expression = outputSizeExpression(op, axis);
        assert.strictEqual(expression.value, expected);
        assert.strictEqual(evaluateText(expression.pluggedIn, NaN), expected);
        assert.strictEqual(expression.simplified, String(expected));
        assert.strictEqual(outputLength(isTransposed(op), axis), expected);
        const terms = outputSizeTerms(op, axis, expected);
        assert.strictEqual(terms.size, expected);
        assert.strictEqual(terms.substituted, `${expression.pluggedIn} = ${expected}`);
        assert.strictEqual(terms.formula, expression.symbolic);
      }),
      RUNS,
    );
  });

  it('simplify to an expression in the input size that agrees with PyTorch for every input size', () => {
    fc.assert(
      fc.property(axisCase, ({ op, axis }) => {
        const { input: _, ...layer } = axis;
        const expression = outputSizeExpression(op, layer);
        assert.strictEqual(expression.value, undefined);
        const symbol = { length: 'L_in', depth: 'D_in', height: 'H_in', width: 'W_in' }[axis.name];
        // It reads from the input size: `H_in - 1`, `2*H_in`, `floor((H_in - 1) / 2) + 1`, never `-1 + H_in`.
        assert.match(
          expression.simplified,
          new RegExp(`^(floor\\(\\(?|\\d+\\*\\(?)?${symbol}\\b`),
          expression.simplified,
        );
        for (let n = 1; n <= 40; n++) {
          const expected = reference(op, axis, n);
          assert.strictEqual(evaluateText(expression.simplified, n), expected, `${expression.simplified} at ${n}`);
          assert.strictEqual(evaluateText(expression.pluggedIn, n), expected, `${expression.pluggedIn} at ${n}`);
        }
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  it('read as a person would write them, for hand-checked layers', () => {
    const layer = (kernel: number, stride: number, padding: number, more: Partial<OutputSizeAxis> = {}) => ({
      name: 'height' as const,
      kernel,
      stride,
      padBefore: padding,
      padAfter: padding,
      dilation: 1,
      outputPadding: 0,
      ...more,
    });
    const simplified = (op: Op, axis: OutputSizeAxis) => outputSizeExpression(op, axis).simplified;
    // floor((H_in + 2·1 − 1·(3 − 1) − 1) / 2) + 1
    assert.strictEqual(simplified('conv2d', layer(3, 2, 1)), 'floor((H_in - 1) / 2) + 1');
    assert.strictEqual(simplified('conv2d', layer(3, 1, 1)), 'H_in');
    assert.strictEqual(simplified('conv2d', layer(3, 1, 0)), 'H_in - 2');
    assert.strictEqual(simplified('conv2d', layer(5, 1, 0, { name: 'width' })), 'W_in - 4');
    assert.strictEqual(simplified('conv2d', layer(7, 2, 3)), 'floor((H_in - 1) / 2) + 1');
    assert.strictEqual(simplified('conv2d', layer(3, 1, 2, { dilation: 2 })), 'H_in');
    assert.strictEqual(simplified('conv2d', layer(2, 1, 0, { padAfter: 1 })), 'H_in');
    assert.strictEqual(simplified('conv_transpose2d', layer(4, 2, 1)), '2*H_in');
    assert.strictEqual(simplified('conv_transpose2d', layer(3, 1, 0)), 'H_in + 2');
    assert.strictEqual(simplified('conv_transpose2d', layer(3, 2, 1, { outputPadding: 1 })), '2*H_in');
    assert.strictEqual(simplified('conv1d', layer(9, 1, 4, { name: 'length' })), 'L_in');
    assert.strictEqual(simplified('conv3d', layer(3, 2, 0, { name: 'depth' })), 'floor((D_in - 3) / 2) + 1');

    const { symbolic, pluggedIn } = outputSizeExpression('conv2d', layer(3, 2, 1));
    assert.strictEqual(symbolic, 'floor((H_in + 2*padding - dilation*(k - 1) - 1) / stride) + 1');
    assert.strictEqual(pluggedIn, 'floor((H_in + 2*1 - 1*(3 - 1) - 1) / 2) + 1');
    assert.strictEqual(
      outputSizeExpression('conv_transpose2d', layer(4, 2, 1, { name: 'width', input: 16 })).pluggedIn,
      '(16 - 1)*2 - 2*1 + 1*(4 - 1) + 0 + 1',
    );
    assert.strictEqual(
      outputSizeExpression('conv_transpose2d', layer(4, 2, 1, { name: 'width' })).symbolic,
      '(W_in - 1)*stride - 2*padding + dilation*(k - 1) + output_padding + 1',
    );
    // Large parameters keep every digit (mathjs's default would print 5e+7 and 1e+8).
    assert.strictEqual(
      outputSizeExpression('conv2d', layer(2, 1, 50_000_000, { dilation: 100_000_000, input: 2 })).pluggedIn,
      'floor((2 + 2*50000000 - 100000000*(2 - 1) - 1) / 1) + 1',
    );
  });
});
