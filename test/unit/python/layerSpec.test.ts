import * as assert from 'assert';
import { normalizeSpec, ownAxes } from '../../../src/engine';
import type { ConvLayer } from '../../../src/python/layer';
import { layerSpec } from '../../../src/python/shapes';
import { loadGoldenShapes } from '../../support/golden';

const golden = loadGoldenShapes();
/** The golden convs PyTorch ran, with the spatial sizes of their input and output. */
const ran = golden.cases.flatMap((c) => {
  if (c.layer.kind !== 'conv' || c.output === undefined) return [];
  const rank = c.layer.rank;
  return [{ layer: c.layer, input: c.input.slice(-rank), output: c.output.slice(-rank), name: c.name }];
});

describe('a sample spec for "Open in ConvLens"', () => {
  it("every conv PyTorch ran in golden-shapes.json, on its input sizes: the spec passes and gives PyTorch's sizes", () => {
    assert.ok(ran.length > 100);
    for (const c of ran) {
      const problem = normalizeSpec(layerSpec(c.layer, c.input));
      assert.ok(problem.ok, `${c.name}: ${problem.ok ? '' : problem.error.message}`);
      const g = problem.value.geometry;
      assert.deepStrictEqual(
        ownAxes(g).map((a) => a.output),
        c.output,
        c.name,
      );
      assert.strictEqual(g.paddingMode, c.layer.paddingMode, c.name);
      assert.strictEqual(g.paddingKind, Array.isArray(c.layer.padding) ? 'explicit' : c.layer.padding, c.name);
    }
  });

  it('by default a sample input of a few cells that every golden conv takes, small integers throughout', () => {
    for (const c of ran) {
      const spec = layerSpec(c.layer);
      const problem = normalizeSpec(spec);
      assert.ok(problem.ok, `${c.name}: ${problem.ok ? '' : problem.error.message}`);
      const numbers = [spec.input, spec.weight, spec.bias ?? []].flat(5) as number[];
      assert.ok(
        numbers.every((n) => Number.isInteger(n) && Math.abs(n) <= 9),
        c.name,
      );
      assert.ok(
        ownAxes(problem.value.geometry).every((a) => a.output >= 2 && a.input <= 16),
        c.name,
      );
    }
  });

  it('keeps the exact geometry of Conv2d(64, 128, 3, stride=2, padding=1, groups=32) and says its channels are capped', () => {
    const layer: ConvLayer = {
      kind: 'conv',
      rank: 2,
      transposed: false,
      inChannels: 64,
      outChannels: 128,
      kernel: [3, 3],
      stride: [2, 2],
      padding: [1, 1],
      dilation: [1, 1],
      outputPadding: [0, 0],
      groups: 32,
      bias: true,
      paddingMode: 'zeros',
    };
    const spec = layerSpec(layer);
    assert.strictEqual(
      spec.name,
      'Conv2d(64, 128, kernel_size=3) on a 5 x 5 sample, shown with 4 input and 4 output channels in 2 groups',
    );
    assert.deepStrictEqual(
      [spec.op, spec.stride, spec.padding, spec.dilation, spec.groups],
      ['conv2d', [2, 2], [1, 1], [1, 1], 2],
    );
    assert.deepStrictEqual(spec.bias, [1, -1, 2, -2]);
    const problem = normalizeSpec(spec);
    assert.ok(problem.ok);
    assert.deepStrictEqual(problem.value.geometry.weightDims, [4, 2, 1, 3, 3]);
    assert.deepStrictEqual(problem.value.geometry.output, { channels: 4, depth: 1, height: 3, width: 3 });
  });
});
