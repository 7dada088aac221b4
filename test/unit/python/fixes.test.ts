import * as assert from 'assert';
import type { ConvLayer } from '../../../src/python/layer';
import { applyFix, outputShape, transposedSizeFixes } from '../../../src/python/shapes';
import { loadGoldenShapes } from '../../support/golden';
import { conv2d } from '../../support/layers';

const golden = loadGoldenShapes();

describe('quick fixes', () => {
  it('every fix offered for a golden case clears its error (the layer then runs, or stops at a later check)', () => {
    const fixed = new Map<string, number>();
    for (const c of golden.cases) {
      const outcome = outputShape(c.layer, c.input);
      if (outcome.ok || !outcome.fix) continue;
      const after = outputShape(applyFix(c.layer, outcome.fix), c.input);
      assert.ok(after.ok || after.message !== outcome.message, `${c.name}: ${outcome.fix.title}`);
      if (after.ok) fixed.set(outcome.fix.parameter, (fixed.get(outcome.fix.parameter) ?? 0) + 1);
    }
    for (const parameter of ['in_channels', 'in_features', 'num_features'])
      assert.ok((fixed.get(parameter) ?? 0) >= 2, `${parameter}: ${fixed.get(parameter)}`);
  });

  it('Linear after Flatten: in_features becomes the flattened size', () => {
    const stack = golden.stacks.find((s) => s.name === 'MNIST CNN, in_features for 32x32 inputs')!;
    const linear = stack.steps[stack.failure!.step];
    const outcome = outputShape(linear, stack.shapes[stack.shapes.length - 1]);
    assert.ok(!outcome.ok);
    assert.deepStrictEqual(outcome.fix, {
      parameter: 'in_features',
      value: 3136,
      title: "Set in_features to 3136 (the input's last dimension)",
    });
  });

  describe('a ConvTranspose2d(8, 4, 3, stride=2, padding=1) on 5 x 5, which gives 9 x 9', () => {
    const layer = conv2d(8, 4, 3, { transposed: true, stride: [2, 2], padding: [1, 1] });
    const input = [1, 8, 5, 5];
    const reach = (target: number[]) => {
      let fixed = layer as ConvLayer;
      for (const fix of transposedSizeFixes(layer, [5, 5], target)) fixed = applyFix(fixed, fix) as ConvLayer;
      return { fixes: transposedSizeFixes(layer, [5, 5], target), outcome: outputShape(fixed, input) };
    };

    it('reaches 10 x 10 (the forward conv of 10 gives 5) with output_padding 1 alone', () => {
      const { fixes, outcome } = reach([10, 10]);
      assert.deepStrictEqual(
        fixes.map((f) => [f.parameter, f.value]),
        [['output_padding', [1, 1]]],
      );
      assert.deepStrictEqual(outcome, { ok: true, shape: [1, 4, 10, 10] });
    });

    it('reaches 12 x 11 by changing the padding too: (5 - 1)*2 - 2*0 + 3 + 1 = 12, - 2*0 + 0 = 11', () => {
      const { fixes, outcome } = reach([12, 11]);
      assert.deepStrictEqual(
        fixes.map((f) => [f.parameter, f.value, f.also]),
        [['padding', [0, 0], [{ parameter: 'output_padding', value: [1, 0] }]]],
      );
      assert.deepStrictEqual(outcome, { ok: true, shape: [1, 4, 12, 11] });
    });

    it('offers nothing for a size no padding reaches', () => {
      assert.deepStrictEqual(transposedSizeFixes(layer, [5, 5], [20, 20]), []);
    });
  });
});
