import * as assert from 'assert';
import type { Layer, PoolLayer } from '../../../src/python/layer';
import {
  layerConstraints,
  layerParameters,
  outputShape,
  outputSizeFormulas,
  receptiveFields,
} from '../../../src/python/shapes';
import { loadGoldenShapes } from '../../support/golden';
import { conv2d, pool } from '../../support/layers';

describe('what a hover says about a layer', () => {
  const strided = conv2d(3, 16, 3, { stride: [2, 2], padding: [1, 1] });

  it('the output-size formula in symbols, plugged in and simplified when the input size is unknown', () => {
    assert.deepStrictEqual(
      outputSizeFormulas(strided).map((f) => f.text),
      [
        'H_out = floor((H_in + 2*1 - 1*(3 - 1) - 1) / 2) + 1 = floor((H_in - 1) / 2) + 1',
        'W_out = floor((W_in + 2*1 - 1*(3 - 1) - 1) / 2) + 1 = floor((W_in - 1) / 2) + 1',
      ],
    );
    assert.strictEqual(
      outputSizeFormulas(strided)[0].symbolic,
      'floor((H_in + 2*padding - dilation*(k - 1) - 1) / stride) + 1',
    );
  });

  it('the sizes when the input is known, batched or not', () => {
    assert.deepStrictEqual(
      outputSizeFormulas(strided, [1, 3, 32, 17]).map((f) => f.text),
      [
        'H_out = floor((32 + 2*1 - 1*(3 - 1) - 1) / 2) + 1 = 16',
        'W_out = floor((17 + 2*1 - 1*(3 - 1) - 1) / 2) + 1 = 9',
      ],
    );
    assert.deepStrictEqual(
      outputSizeFormulas(strided, [3, 32, 17]).map((f) => f.value),
      [16, 9],
    );
  });

  it('a pool with ceil_mode rounds up, and says when PyTorch drops a last window that starts in the padding', () => {
    // torch: nn.MaxPool1d(2, 2, 1, ceil_mode=True) on 5 cells gives 3, on 4 cells 3.
    const ceil: PoolLayer = { ...pool(2, { padding: [1, 1], ceilMode: true }), rank: 1, kernel: [2], stride: [2] };
    const oneAxis = { ...ceil, padding: [1], dilation: [1] };
    assert.deepStrictEqual(
      outputSizeFormulas(oneAxis, [1, 1, 5]).map((f) => f.text),
      [
        'L_out = ceil((5 + 2*1 - 1*(2 - 1) - 1) / 2) + 1 = 4, less the last window, which would start in the padding after the input: 3',
      ],
    );
    assert.deepStrictEqual(
      outputSizeFormulas(oneAxis, [1, 1, 4]).map((f) => f.text),
      ['L_out = ceil((4 + 2*1 - 1*(2 - 1) - 1) / 2) + 1 = 3'],
    );
    assert.deepStrictEqual(
      outputSizeFormulas(oneAxis).map((f) => f.simplified),
      ['ceil(L_in / 2) + 1'],
    );
  });

  it('the weight shape and the parameter count', () => {
    assert.deepStrictEqual(layerParameters(conv2d(3, 16, 3)), { weight: [16, 3, 3, 3], count: 16 * 27 + 16 });
    assert.deepStrictEqual(layerParameters(conv2d(8, 8, 3, { groups: 4, bias: false })), {
      weight: [8, 2, 3, 3],
      count: 144,
    });
    const transposed = conv2d(8, 4, 2, { transposed: true, groups: 2 });
    assert.deepStrictEqual(layerParameters(transposed), { weight: [8, 2, 2, 2], count: 64 + 4 });
    assert.deepStrictEqual(layerParameters({ kind: 'linear', inFeatures: 3136, outFeatures: 10, bias: true }), {
      weight: [10, 3136],
      count: 31370,
    });
    assert.deepStrictEqual(layerParameters({ kind: 'norm', torchName: 'BatchNorm2d', rank: 2, numFeatures: 32 }), {
      weight: [32],
      count: 64,
    });
  });

  it("the layer's own constraints in PyTorch's words, as golden-shapes.json has them", () => {
    const { cases } = loadGoldenShapes();
    // Constructor rules come first; output_padding's is checked on the first call, after the input's channels.
    const broken = cases.filter((c) => c.error !== undefined && layerConstraints(c.layer).includes(c.error));
    const messages = broken.map((c) => c.error!);
    for (const expected of [
      'in_channels must be divisible by groups',
      'out_channels must be divisible by groups',
      "padding='same' is not supported for strided convolutions",
      'output padding must be smaller than either stride or dilation, but got output_padding_height',
      'pad should be at most half of kernel size, but got pad',
    ])
      assert.ok(
        messages.some((m) => m.startsWith(expected)),
        expected,
      );
    for (const c of broken.filter((c) => !c.error!.startsWith('output padding')))
      assert.strictEqual(layerConstraints(c.layer)[0], c.error, c.name);
    // A layer whose constraints hold makes no such complaint on any input.
    for (const c of cases.filter((c) => layerConstraints(c.layer).length === 0 && c.error !== undefined)) {
      const outcome = outputShape(c.layer, c.input);
      assert.ok(!outcome.ok && !/divisible by groups|not supported for strided/.test(outcome.message), c.name);
    }
  });
});

describe('receptive field and jump of a stack', () => {
  const relu: Layer = { kind: 'keep', torchName: 'ReLU' };

  it('a VGG-style stack of 3x3 convs grows 3, 5, 7; a 2x2 pool adds 1 and doubles the jump; the next conv adds 4', () => {
    const fields = receptiveFields([conv2d(3, 8, 3), relu, conv2d(8, 8, 3), conv2d(8, 8, 3), pool(2), conv2d(8, 8, 3)]);
    assert.deepStrictEqual(
      fields.map((f) => f && [f.size[0], f.jump[0]]),
      [
        [3, 1],
        [3, 1],
        [5, 1],
        [7, 1],
        [8, 2],
        [12, 2],
      ],
    );
  });

  it("ResNet's stem: a 7x7 conv of stride 2 and a 3x3 max pool of stride 2 see 11 x 11 cells, 4 apart", () => {
    const stem = [conv2d(3, 64, 7, { stride: [2, 2], padding: [3, 3] }), pool(3, { stride: [2, 2], padding: [1, 1] })];
    assert.deepStrictEqual(receptiveFields(stem)[1], { size: [11, 11], jump: [4, 4] });
  });

  it('dilation widens the kernel: a 3x3 conv of dilation 2 sees 5 cells', () => {
    assert.deepStrictEqual(receptiveFields([conv2d(1, 1, 3, { dilation: [2, 1] })])[0], {
      size: [5, 3],
      jump: [1, 1],
    });
  });

  it('a transposed conv of stride 2 halves the jump before it adds its kernel', () => {
    const up = conv2d(8, 8, 4, { transposed: true, stride: [2, 2] });
    const fields = receptiveFields([conv2d(3, 8, 3, { stride: [2, 2] }), up]);
    // 3, jump 2; then the jump halves to 1 and the 4-wide kernel adds 3.
    assert.deepStrictEqual(fields[1], { size: [6, 6], jump: [1, 1] });
  });

  it('stops at Flatten', () => {
    const fields = receptiveFields([conv2d(1, 1, 3), { kind: 'flatten', startDim: 1, endDim: -1 }, conv2d(1, 1, 3)]);
    assert.deepStrictEqual(fields.slice(1), [undefined, undefined]);
  });
});
