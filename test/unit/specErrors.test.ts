import * as assert from 'assert';
import fc from 'fast-check';
import { normalizeSpec, SpecPath } from '../../src/engine';
import { randomSpec } from '../support/arbitraries';
import { SEED_SPEC } from '../support/seed';

function errorOf(spec: unknown): { message: string; path: SpecPath } {
  const result = normalizeSpec(spec);
  assert.ok(!result.ok, 'expected an error');
  return result.error;
}

/** Every error path must name a place that exists in the spec (or its nearest ancestor). */
function pathExists(spec: unknown, path: SpecPath): boolean {
  let node: unknown = spec;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in (node as object))) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

describe('spec validation messages', () => {
  const cases: [string, unknown, RegExp, SpecPath][] = [
    ['not an object', [1, 2], /must be an object/, []],
    ['missing input', { kernel: [[1]] }, /needs an "input"/, []],
    ['missing kernel', { input: [[1]] }, /needs a "kernel"/, []],
    ['weight and kernel', { ...SEED_SPEC, weight: [[1]] }, /either "weight" or "kernel"/, ['kernel']],
    [
      'unknown op',
      { ...SEED_SPEC, op: 'conv4d' },
      /op must be one of "conv1d", "conv2d", "conv3d", "conv_transpose1d"/,
      ['op'],
    ],
    [
      'ragged row',
      { ...SEED_SPEC, input: [[1, 2], [3]] },
      /input\[1\] has 1 element, but input\[0\] has 2.*rectangular/,
      ['input', 1],
    ],
    [
      'string cell',
      { ...SEED_SPEC, input: [[1, 'a']] },
      /input\[0\]\[1\] must be a number, but it is the string "a"/,
      ['input', 0, 1],
    ],
    [
      'null cell',
      { ...SEED_SPEC, kernel: [[1, null]] },
      /kernel\[0\]\[1\] must be a number, but it is null/,
      ['kernel', 0, 1],
    ],
    [
      'boolean cell',
      { ...SEED_SPEC, kernel: [[true]] },
      /kernel\[0\]\[0\] must be a number, but it is boolean true/,
      ['kernel', 0, 0],
    ],
    ['empty matrix', { ...SEED_SPEC, input: [] }, /input is empty/, ['input']],
    ['empty rows', { ...SEED_SPEC, input: [[], []] }, /input is empty: its rows have no elements/, ['input', 0]],
    [
      '1-D input',
      { ...SEED_SPEC, input: [1, 2, 3] },
      /conv2d reads input as a matrix \[H\]\[W\] or channels \[C\]\[H\]\[W\], but it has 1 dimension \[3\]\./,
      ['input'],
    ],
    ['5-D input', { ...SEED_SPEC, input: [[[[[1]]]]] }, /but it has 5 dimensions/, ['input']],
    [
      '3-D kernel',
      { ...SEED_SPEC, kernel: [[[1]]] },
      /conv2d reads kernel as \[kh\]\[kw\] \(one channel in and out\) or \[out\]\[in\/groups\]\[kh\]\[kw\], but it has shape \[1, 1, 1\]\. For these shapes set "op": "conv1d"\./,
      ['kernel'],
    ],
    ['zero stride', { ...SEED_SPEC, stride: 0 }, /stride must be at least 1, but it is 0/, ['stride']],
    [
      'negative stride in a pair',
      { ...SEED_SPEC, stride: [1, -2] },
      /stride width must be at least 1, but it is -2/,
      ['stride', 1],
    ],
    [
      'fractional stride',
      { ...SEED_SPEC, stride: 1.5 },
      /stride must be an integer or a list \[height, width\] of 2 integers, but it is number 1\.5\./,
      ['stride'],
    ],
    ['zero dilation', { ...SEED_SPEC, dilation: [0, 1] }, /dilation height must be at least 1/, ['dilation', 0]],
    ['negative padding', { ...SEED_SPEC, padding: -1 }, /padding must be non-negative, but it is -1/, ['padding']],
    [
      'unknown padding mode',
      { ...SEED_SPEC, padding: 'full' },
      /padding must be an integer, one per axis, "valid" or "same"/,
      ['padding'],
    ],
    [
      'same with stride',
      { ...SEED_SPEC, padding: 'same', stride: 2 },
      /padding "same" is not supported for strided convolutions/,
      ['padding'],
    ],
    [
      'same for transposed',
      { ...SEED_SPEC, op: 'conv_transpose2d', padding: 'same' },
      /padding "same" exists only for conv1d\/2d\/3d; conv_transpose2d takes numbers/,
      ['padding'],
    ],
    [
      'groups not dividing input channels',
      { input: [[[1]], [[2]], [[3]]], weight: [[[[1]]]], groups: 2 },
      /groups = 2 must divide the input's 3 channels/,
      ['groups'],
    ],
    ['groups zero', { ...SEED_SPEC, groups: 0 }, /groups must be a positive integer/, ['groups']],
    [
      'weight channels mismatch',
      { input: [[[1]], [[2]]], weight: [[[[1]], [[1]], [[1]]]] },
      /expects 3 input channels, but the input has 2/,
      ['weight'],
    ],
    [
      'transposed weight channels mismatch',
      { op: 'conv_transpose2d', input: [[[1]], [[2]]], weight: [[[[1]]]] },
      /expects 1 input channel \(its dimension 0\), but the input has 2/,
      ['weight'],
    ],
    [
      'output_padding on conv2d',
      { ...SEED_SPEC, output_padding: 1 },
      /output_padding applies only to transposed convolutions; conv2d has none/,
      ['output_padding'],
    ],
    [
      'output_padding too large',
      { ...SEED_SPEC, op: 'conv_transpose2d', stride: 2, output_padding: 2 },
      /output_padding height \(2\) must be smaller than either stride \(2\) or dilation \(1\)/,
      ['output_padding'],
    ],
    [
      'kernel larger than padded input',
      { input: [[1, 2]], kernel: [[1, 2, 3]] },
      /kernel height spans 1 cells|kernel width spans 3 cells .* padded input width is only 2/,
      ['kernel'],
    ],
    [
      'negative transposed output size',
      { op: 'conv_transpose2d', input: [[1]], kernel: [[1]], padding: 1 },
      /output height would be -1: \(1 - 1\)\*1 - 2\*1 \+ 1\*\(1 - 1\) \+ 0 \+ 1 = -1/,
      ['padding'],
    ],
    [
      'bias length',
      { ...SEED_SPEC, bias: [1, 2] },
      /bias must be a list of 1 number \(one per output channel\), but it has shape \[2\]/,
      ['bias'],
    ],
    [
      'huge ragged claim',
      { ...SEED_SPEC, input: Array.from({ length: 10_000 }, (_, i) => (i === 0 ? new Array(10_000).fill(0) : [0])) },
      /more than 50,000,000 numbers/,
      ['input'],
    ],
  ];

  for (const [name, spec, message, path] of cases) {
    it(name, () => {
      const error = errorOf(spec);
      assert.match(error.message, message);
      assert.deepStrictEqual(error.path, path);
    });
  }

  it('NaN and Infinity are refused as non-finite', () => {
    assert.match(
      errorOf({ ...SEED_SPEC, input: [[1, NaN]] }).message,
      /input\[0\]\[1\] is NaN; only finite numbers are allowed/,
    );
    assert.match(errorOf({ ...SEED_SPEC, kernel: [[Infinity]] }).message, /kernel\[0\]\[0\] is Infinity/);
  });

  it('padding "same" pads like PyTorch: the odd zero goes after', () => {
    const result = normalizeSpec({ input: [[1, 2, 3, 4]], kernel: [[1, 1]], padding: 'same' });
    assert.ok(result.ok);
    assert.deepStrictEqual(
      [
        result.value.geometry.axes.slice(1).map((a) => a.padBefore),
        result.value.geometry.axes.slice(1).map((a) => a.padAfter),
      ],
      [
        [0, 0],
        [0, 1],
      ],
    );
    assert.deepStrictEqual([result.value.geometry.output.height, result.value.geometry.output.width], [1, 4]);
  });

  it('never throws on arbitrary JSON values, and every error path exists in the spec', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ input: fc.jsonValue(), kernel: fc.jsonValue(), stride: fc.jsonValue(), groups: fc.jsonValue() }),
        ),
        (spec) => {
          const result = normalizeSpec(spec);
          if (!result.ok)
            assert.ok(pathExists(spec, result.error.path), `path ${JSON.stringify(result.error.path)} not in spec`);
        },
      ),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('random hyper-parameters: impossible combinations are refused with a located message, possible ones give the formula size', () => {
    const wild = randomSpec().chain((spec) =>
      fc
        .record({
          stride: fc.integer({ min: -1, max: 4 }),
          output_padding: fc.integer({ min: 0, max: 4 }),
          padding: fc.integer({ min: -1, max: 6 }),
          groups: fc.integer({ min: 0, max: 4 }),
        })
        .map((p) => ({ ...spec, ...p })),
    );
    let refused = 0;
    fc.assert(
      fc.property(wild, (spec) => {
        const result = normalizeSpec(spec);
        if (!result.ok) {
          refused++;
          assert.ok(result.error.message.length > 20);
          assert.ok(pathExists(spec, result.error.path));
          return;
        }
        const { output, axes } = result.value.geometry;
        assert.ok(output.height >= 1 && output.width >= 1);
        assert.deepStrictEqual([output.height, output.width], [axes[1].output, axes[2].output]);
      }),
      { numRuns: 500, seed: 11 },
    );
    assert.ok(refused > 50, `only ${refused} refused: the generator no longer probes errors`);
  });
});
