import * as assert from 'assert';
import { convolveSpec } from '../../../src/convolve';
import { DEFAULT_LIMITS, normalizeSpec, ownAxes } from '../../../src/engine';
import { parseFromWebview } from '../../../src/protocol/guards';
import type { ConvLayer } from '../../../src/python/layer';
import { layerSpec } from '../../../src/python/shapes';
import { LARGEST_SAMPLE, resizedSample, sampleSizesProblem } from '../../../src/python/shapes/layerSpec';
import { loadGoldenShapes } from '../../support/golden';

const golden = loadGoldenShapes();
/** The golden convs PyTorch refused for their input's size alone (its output would be empty), on samples' sizes. */
const tooSmall = golden.cases.flatMap((c) => {
  if (c.layer.kind !== 'conv' || !/Output size is too small|Kernel size can't be greater/.test(c.error ?? ''))
    return [];
  const spatial = c.input.slice(-c.layer.rank);
  return spatial.every((n) => n <= LARGEST_SAMPLE) ? [{ layer: c.layer, spatial, name: c.name }] : [];
});
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

  it('the sample input: cells 1 to 9, no row the same as any of the 8 before it, in every width a sample takes', () => {
    const layer = ran.find((c) => c.layer.rank === 2 && !c.layer.transposed)!.layer;
    for (let width = 1; width <= LARGEST_SAMPLE; width++) {
      const input = layerSpec(layer, [9, width]).input as number[][][];
      for (const plane of input) {
        assert.ok(
          plane.flat().every((n) => Number.isInteger(n) && n >= 1 && n <= 9),
          `width ${width}: ${JSON.stringify(plane)}`,
        );
        assert.strictEqual(new Set(plane.map((row) => row.join())).size, 9, `width ${width}: ${JSON.stringify(plane)}`);
      }
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

describe('resizing a layer\'s sample ("Sample size" in the panel)', () => {
  /** The layer's sample resized to `spatial`, as the panel asks for it. */
  const resized = (layer: ConvLayer, spatial: number[]) => {
    const spec = layerSpec(layer);
    const sample = normalizeSpec(spec);
    assert.ok(sample.ok);
    return resizedSample(spec, sample.value.geometry.input.channels, spatial);
  };

  it("every conv PyTorch ran on an input of sample size: the resized sample gives PyTorch's output sizes", () => {
    const sampled = ran.filter((c) => c.input.every((n) => n <= LARGEST_SAMPLE));
    assert.ok(sampled.length > 100);
    for (const c of sampled) {
      const spec = resized(c.layer, c.input);
      assert.strictEqual(sampleSizesProblem(c.input, c.layer.rank), undefined, c.name);
      const problem = normalizeSpec(spec);
      assert.ok(problem.ok, `${c.name}: ${problem.ok ? '' : problem.error.message}`);
      assert.deepStrictEqual(
        ownAxes(problem.value.geometry).map((a) => [a.input, a.output]),
        c.input.map((n, a) => [n, c.output[a]]),
        c.name,
      );
      const numbers = [spec.input].flat(5) as number[];
      assert.ok(
        numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= 9),
        c.name,
      );
      assert.ok(String(spec.name).includes(` on a ${c.input.join(' x ')} sample`), String(spec.name));
    }
  });

  it('sizes PyTorch refuses for the layer (an empty output) are refused with the axis named, before any work', () => {
    assert.ok(tooSmall.length > 5, `${tooSmall.length} cases`);
    for (const c of tooSmall) {
      const solved = convolveSpec(resized(c.layer, c.spatial), DEFAULT_LIMITS);
      assert.ok(!solved.ok, c.name);
      assert.match(solved.error.message, /^The (output|kernel) (length|depth|height|width) /, c.name);
    }
  });

  it('sizes the limits refuse: ConvTranspose2d(1, 1, 3, stride=100) on 64 x 64 would give 6,303 x 6,303 cells', () => {
    const layer: ConvLayer = {
      kind: 'conv',
      rank: 2,
      transposed: true,
      inChannels: 1,
      outChannels: 1,
      kernel: [3, 3],
      stride: [100, 100],
      padding: [0, 0],
      dilation: [1, 1],
      outputPadding: [0, 0],
      groups: 1,
      bias: false,
      paddingMode: 'zeros',
    };
    // (64 - 1) * 100 + 3 = 6,303 per axis: 39,727,809 cells, above the 4,000,000 of the default limit.
    const solved = convolveSpec(resized(layer, [64, 64]), DEFAULT_LIMITS);
    assert.ok(!solved.ok);
    assert.strictEqual(solved.error.limit, 'maxOutputCells');
    assert.match(
      solved.error.message,
      /6,303 x 6,303 = 39,727,809 cells, more than the limit of 4,000,000\. Raise convlens\.limits\.maxOutputCells/,
    );
  });

  it('sizes that are not whole numbers from 1 to 64, one per axis, are refused in words, and never sent', () => {
    assert.strictEqual(sampleSizesProblem([5, 7], 2), undefined);
    assert.strictEqual(sampleSizesProblem([1, LARGEST_SAMPLE], 2), undefined);
    for (const [sizes, said] of [
      [[2.5, 3], 'not 2.5'],
      [[0, 3], 'not 0'],
      [[3, 65], 'not 65'],
      [[-1, 3], 'not -1'],
      [[NaN, 3], 'not empty'],
    ] as const) {
      const problem = sampleSizesProblem(sizes, 2);
      assert.ok(problem?.startsWith('Sample sizes are whole numbers from 1 to 64'), String(problem));
      assert.ok(problem?.endsWith(`${said}.`), problem);
      assert.strictEqual(parseFromWebview({ type: 'resizeSample', sizes }), undefined, String(sizes));
    }
    assert.strictEqual(sampleSizesProblem([3], 2), 'The sample needs 2 sizes, one per axis.');
    assert.deepStrictEqual(parseFromWebview({ type: 'resizeSample', sizes: [5, 7] }), {
      type: 'resizeSample',
      sizes: [5, 7],
    });
  });
});
