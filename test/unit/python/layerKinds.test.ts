// One call of each layer ConvLens reads, with the layer PyTorch 1.13's documentation says it builds.
import * as assert from 'assert';
import type { Layer } from '../../../src/python/layer';
import { loadParser, onlyCall, onlyLayer } from './helpers';

const HEADER = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';

const CASES: [string, string, Layer][] = [
  [
    'nn.ConvTranspose1d(8, 4, 4, stride=2, padding=1, output_padding=1)',
    'ConvTranspose1d',
    {
      kind: 'conv',
      rank: 1,
      transposed: true,
      inChannels: 8,
      outChannels: 4,
      kernel: [4],
      stride: [2],
      padding: [1],
      dilation: [1],
      outputPadding: [1],
      groups: 1,
      bias: true,
      paddingMode: 'zeros',
    },
  ],
  [
    // weight [out, in / groups, k...]: 8 out, 2 x 2 groups = 4 in
    'F.conv2d(x, torch.randn(8, 2, 3, 5), stride=2, groups=2)',
    'conv2d',
    {
      kind: 'conv',
      rank: 2,
      transposed: false,
      inChannels: 4,
      outChannels: 8,
      kernel: [3, 5],
      stride: [2, 2],
      padding: [0, 0],
      dilation: [1, 1],
      outputPadding: [0, 0],
      groups: 2,
      bias: false,
      paddingMode: 'zeros',
    },
  ],
  [
    // weight [in, out / groups, k...]
    'F.conv_transpose3d(x, torch.zeros((4, 2, 1, 2, 3)), torch.zeros(2), 2)',
    'conv_transpose3d',
    {
      kind: 'conv',
      rank: 3,
      transposed: true,
      inChannels: 4,
      outChannels: 2,
      kernel: [1, 2, 3],
      stride: [2, 2, 2],
      padding: [0, 0, 0],
      dilation: [1, 1, 1],
      outputPadding: [0, 0, 0],
      groups: 1,
      bias: true,
      paddingMode: 'zeros',
    },
  ],
  [
    'nn.MaxPool3d(2)',
    'MaxPool3d',
    {
      kind: 'pool',
      reduction: 'max',
      rank: 3,
      kernel: [2, 2, 2],
      stride: [2, 2, 2],
      padding: [0, 0, 0],
      dilation: [1, 1, 1],
      ceilMode: false,
    },
  ],
  [
    'F.avg_pool1d(x, 3, stride=1, padding=1, ceil_mode=True)',
    'avg_pool1d',
    { kind: 'pool', reduction: 'avg', rank: 1, kernel: [3], stride: [1], padding: [1], dilation: [1], ceilMode: true },
  ],
  [
    'nn.AdaptiveAvgPool2d((7, None))',
    'AdaptiveAvgPool2d',
    { kind: 'adaptivePool', reduction: 'avg', rank: 2, outputSize: [7, null] },
  ],
  [
    'nn.AdaptiveMaxPool3d(1)',
    'AdaptiveMaxPool3d',
    { kind: 'adaptivePool', reduction: 'max', rank: 3, outputSize: [1, 1, 1] },
  ],
  [
    'F.adaptive_avg_pool1d(x, 5)',
    'adaptive_avg_pool1d',
    { kind: 'adaptivePool', reduction: 'avg', rank: 1, outputSize: [5] },
  ],
  ["nn.Upsample(scale_factor=2, mode='bilinear')", 'Upsample', { kind: 'upsample', scaleFactor: 2, mode: 'bilinear' }],
  ['nn.Upsample((32, 48))', 'Upsample', { kind: 'upsample', size: [32, 48], mode: 'nearest' }],
  ['F.interpolate(x, size=64)', 'interpolate', { kind: 'upsample', size: 64, mode: 'nearest' }],
  [
    "F.interpolate(x, None, (2.0, 1.5), 'bicubic')",
    'interpolate',
    { kind: 'upsample', scaleFactor: [2, 1.5], mode: 'bicubic' },
  ],
  ['nn.Flatten()', 'Flatten', { kind: 'flatten', startDim: 1, endDim: -1 }],
  ['torch.flatten(x)', 'flatten', { kind: 'flatten', startDim: 0, endDim: -1 }],
  ['torch.flatten(x, 1)', 'flatten', { kind: 'flatten', startDim: 1, endDim: -1 }],
  ['nn.Linear(512, 10)', 'Linear', { kind: 'linear', inFeatures: 512, outFeatures: 10, bias: true }],
  ['nn.BatchNorm1d(64)', 'BatchNorm1d', { kind: 'norm', torchName: 'BatchNorm1d', rank: 1, numFeatures: 64 }],
  [
    'nn.BatchNorm3d(num_features=8, eps=1e-3)',
    'BatchNorm3d',
    { kind: 'norm', torchName: 'BatchNorm3d', rank: 3, numFeatures: 8 },
  ],
  [
    'nn.InstanceNorm2d(16, affine=True)',
    'InstanceNorm2d',
    { kind: 'norm', torchName: 'InstanceNorm2d', rank: 2, numFeatures: 16 },
  ],
];

const KEEPERS = [
  'nn.ReLU(inplace=True)',
  'nn.LeakyReLU(0.2)',
  "nn.GELU(approximate='tanh')",
  'nn.SiLU()',
  'nn.Sigmoid()',
  'nn.Tanh()',
  'nn.ELU(alpha=0.5)',
  'nn.Softmax(dim=1)',
  'nn.Dropout(0.1)',
  'nn.Dropout2d(p=0.25)',
  'nn.Identity(54, unused_argument=0.1)',
  'F.relu(x)',
  'F.leaky_relu(x, 0.1)',
  'F.gelu(x)',
  'F.silu(x, inplace=True)',
  'F.softmax(x, dim=-1)',
  'F.dropout(x, p=0.2, training=self.training)',
  'torch.relu(x)',
  'torch.sigmoid(x)',
];

describe('python: each kind of layer', () => {
  before(loadParser);

  for (const [call, torchName, layer] of CASES) {
    it(`${call} -> ${layer.kind}`, () => {
      const read = onlyCall(`${HEADER}y = ${call}\n`);
      assert.strictEqual(read.torchName, torchName);
      assert.deepStrictEqual(read.layer, layer);
    });
  }

  for (const call of KEEPERS) {
    it(`${call} keeps the shape`, () => {
      const torchName = call.slice(call.indexOf('.') + 1, call.indexOf('('));
      assert.deepStrictEqual(onlyLayer(`${HEADER}y = ${call}\n`), { kind: 'keep', torchName });
    });
  }
});
