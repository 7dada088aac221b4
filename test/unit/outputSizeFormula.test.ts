import * as assert from 'assert';
import fc from 'fast-check';
import { Op, outputSizeAxis, OutputSizeAxis, outputSizeExpression } from '../../src/engine';

const RUNS = { numRuns: 100, seed: 20261205 };

/** PyTorch's formulas (torch.nn.Conv2d / ConvTranspose2d docs), in plain arithmetic. */
function reference(op: Op, a: OutputSizeAxis, inputSize: number): number {
  return op === 'conv2d'
    ? Math.floor((inputSize + a.padBefore + a.padAfter - a.dilation * (a.kernelSize - 1) - 1) / a.stride) + 1
    : (inputSize - 1) * a.stride - 2 * a.padBefore + a.dilation * (a.kernelSize - 1) + a.outputPadding + 1;
}

/** Evaluates a formula's text as JavaScript, with `floor` and the input symbol bound: independent of mathjs. */
function evaluateText(text: string, inputSize: number): number {
  assert.match(text, /^[\w\s+\-*/().]+$/, text);
  return new Function('floor', 'H_in', 'W_in', `return ${text};`)(Math.floor, inputSize, inputSize) as number;
}

const axisCase = fc
  .record({
    op: fc.constantFrom<Op>('conv2d', 'conv_transpose2d'),
    axis: fc.constantFrom<OutputSizeAxis['axis']>('height', 'width'),
    inputSize: fc.integer({ min: 1, max: 300 }),
    kernelSize: fc.integer({ min: 1, max: 11 }),
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
      padAfter: rest.padBefore + (op === 'conv2d' ? padExtra : 0),
      // PyTorch: output_padding below stride or dilation; conv2d has none.
      outputPadding: op === 'conv2d' ? 0 : outputPadding % Math.max(rest.stride, rest.dilation),
    },
  }));

describe('output-size formulas as expressions', () => {
  it("evaluate to PyTorch's sizes, as does the engine's integer arithmetic", () => {
    fc.assert(
      fc.property(axisCase, ({ op, axis }) => {
        const expected = reference(op, axis, axis.inputSize);
        const expression = outputSizeExpression(op, axis);
        assert.strictEqual(expression.value, expected);
        assert.strictEqual(evaluateText(expression.pluggedIn, NaN), expected);
        assert.strictEqual(expression.simplified, String(expected));
        const terms = outputSizeAxis(
          {
            op,
            stride: [axis.stride, axis.stride],
            padBefore: [axis.padBefore, axis.padBefore],
            padAfter: [axis.padAfter, axis.padAfter],
            dilation: [axis.dilation, axis.dilation],
            outputPadding: [axis.outputPadding, axis.outputPadding],
            groups: 1,
            paddingMode: 'explicit',
          },
          axis.axis === 'height' ? 0 : 1,
          axis.inputSize,
          axis.kernelSize,
        );
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
        const { inputSize: _, ...layer } = axis;
        const expression = outputSizeExpression(op, layer);
        assert.strictEqual(expression.value, undefined);
        const symbol = axis.axis === 'height' ? 'H_in' : 'W_in';
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
    const layer = (kernelSize: number, stride: number, padding: number, more: Partial<OutputSizeAxis> = {}) => ({
      axis: 'height' as const,
      kernelSize,
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
    assert.strictEqual(simplified('conv2d', layer(5, 1, 0, { axis: 'width' })), 'W_in - 4');
    assert.strictEqual(simplified('conv2d', layer(7, 2, 3)), 'floor((H_in - 1) / 2) + 1');
    assert.strictEqual(simplified('conv2d', layer(3, 1, 2, { dilation: 2 })), 'H_in');
    assert.strictEqual(simplified('conv2d', layer(2, 1, 0, { padAfter: 1 })), 'H_in');
    assert.strictEqual(simplified('conv_transpose2d', layer(4, 2, 1)), '2*H_in');
    assert.strictEqual(simplified('conv_transpose2d', layer(3, 1, 0)), 'H_in + 2');
    assert.strictEqual(simplified('conv_transpose2d', layer(3, 2, 1, { outputPadding: 1 })), '2*H_in');

    const { symbolic, pluggedIn } = outputSizeExpression('conv2d', layer(3, 2, 1));
    assert.strictEqual(symbolic, 'floor((H_in + 2*padding - dilation*(k - 1) - 1) / stride) + 1');
    assert.strictEqual(pluggedIn, 'floor((H_in + 2*1 - 1*(3 - 1) - 1) / 2) + 1');
    assert.strictEqual(
      outputSizeExpression('conv_transpose2d', layer(4, 2, 1, { axis: 'width', inputSize: 16 })).pluggedIn,
      '(16 - 1)*2 - 2*1 + 1*(4 - 1) + 0 + 1',
    );
    assert.strictEqual(
      outputSizeExpression('conv_transpose2d', layer(4, 2, 1, { axis: 'width' })).symbolic,
      '(W_in - 1)*stride - 2*padding + dilation*(k - 1) + output_padding + 1',
    );
    // Large parameters keep every digit (mathjs's default would print 5e+7 and 1e+8).
    assert.strictEqual(
      outputSizeExpression('conv2d', layer(2, 1, 50_000_000, { dilation: 100_000_000, inputSize: 2 })).pluggedIn,
      'floor((2 + 2*50000000 - 100000000*(2 - 1) - 1) / 1) + 1',
    );
  });
});
