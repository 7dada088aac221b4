// Expected layers are written from PyTorch 1.13's signatures, e.g. Conv2d(in_channels, out_channels, kernel_size,
// stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros') and ConvTranspose2d(in_channels,
// out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True, dilation=1,
// padding_mode='zeros'), where the fifth to ninth positional arguments mean different things.
import * as assert from 'assert';
import { conv2d, pool } from '../../support/layers';
import { loadParser, onlyCall, onlyLayer, read, textAt } from './helpers';

const NN = 'import torch.nn as nn\nimport torch.nn.functional as F\n';

const conv = { kind: 'conv', groups: 1, bias: true, paddingMode: 'zeros' } as const;
/** stride 2, padding 1, dilation 2 on both axes. */
const strided = { stride: [2, 2], padding: [1, 1], dilation: [2, 2] };

/** Each layer written with positional arguments and with keywords in another order: both bind to `layer`. */
const BINDINGS = [
  {
    name: 'Conv2d: all nine, in its order',
    positional: `nn.Conv2d(4, 8, 3, 2, 1, 2, 4, False, 'reflect')`,
    keywords: `nn.Conv2d(padding_mode='reflect', bias=False, groups=4, dilation=2, padding=1, stride=2, kernel_size=3, out_channels=8, in_channels=4)`,
    layer: conv2d(4, 8, 3, { ...strided, groups: 4, bias: false, paddingMode: 'reflect' }),
  },
  {
    name: 'ConvTranspose2d: the same positions mean output_padding, groups, bias, dilation, padding_mode',
    positional: `nn.ConvTranspose2d(4, 8, 3, 2, 1, 1, 4, False, 2, 'zeros')`,
    keywords: `nn.ConvTranspose2d(dilation=2, output_padding=1, groups=4, in_channels=4, out_channels=8, kernel_size=3, stride=2, padding=1, bias=False, padding_mode='zeros')`,
    layer: conv2d(4, 8, 3, { ...strided, transposed: true, outputPadding: [1, 1], groups: 4, bias: false }),
  },
  {
    name: 'Conv1d: the ones left out take the defaults',
    positional: 'nn.Conv1d(2, 6, 5, 1, 0, 3)',
    keywords: 'nn.Conv1d(dilation=3, kernel_size=5, out_channels=6, in_channels=2)',
    layer: {
      ...conv,
      rank: 1,
      transposed: false,
      inChannels: 2,
      outChannels: 6,
      kernel: [5],
      stride: [1],
      padding: [0],
      dilation: [3],
      outputPadding: [0],
    },
  },
  {
    name: 'MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)',
    positional: 'nn.MaxPool2d(3, 2, 1, 2, False, True)',
    keywords: 'nn.MaxPool2d(ceil_mode=True, return_indices=False, dilation=2, padding=1, stride=2, kernel_size=3)',
    layer: pool(3, { ...strided, ceilMode: true }),
  },
  {
    name: 'AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override)',
    positional: 'nn.AvgPool2d((2, 3), None, (1, 0), True)',
    keywords: 'nn.AvgPool2d(ceil_mode=True, padding=(1, 0), stride=None, kernel_size=(2, 3))',
    // stride=None is the kernel size
    layer: pool(2, { reduction: 'avg', kernel: [2, 3], stride: [2, 3], padding: [1, 0], ceilMode: true }),
  },
  {
    name: 'Linear(in_features, out_features, bias=True)',
    positional: 'nn.Linear(10, 5, False)',
    keywords: 'nn.Linear(bias=False, out_features=5, in_features=10)',
    layer: { kind: 'linear', inFeatures: 10, outFeatures: 5, bias: false },
  },
] as const;

describe('python: arguments bind as PyTorch binds them', () => {
  before(loadParser);

  for (const binding of BINDINGS)
    for (const form of ['positional', 'keywords'] as const)
      it(`${binding.name} (${form})`, () => {
        assert.deepStrictEqual(onlyLayer(`${NN}layer = ${binding[form]}`), binding.layer);
      });

  it('MaxPool2d(3): stride=None is the kernel size', () => {
    assert.deepStrictEqual(onlyLayer(`${NN}p = nn.MaxPool2d(3)`), pool(3));
  });

  it('F.max_pool2d takes ceil_mode before return_indices, unlike the module', () => {
    const layer = onlyLayer(`${NN}y = F.max_pool2d(x, 3, 2, 1, 1, True)`);
    assert.ok(layer.kind === 'pool' && layer.ceilMode === true);
  });

  it('AvgPool1d takes no divisor_override: one argument too many is named', () => {
    const avg1d = `${NN}p = nn.AvgPool1d(2, 2, 0, False, True, 1)`;
    assert.deepStrictEqual(onlyCall(avg1d).layer, { unresolved: '1', span: spanOfText(avg1d, '1)', 1) });
  });

  it('ints expand to one per axis; tuples and lists are read per axis; padding strings are kept', () => {
    const conv3d = onlyLayer(`${NN}c = nn.Conv3d(1, 1, (1, 3, 5), stride=[1, 2, 2], padding=(0, 1, 2))`);
    assert.ok(conv3d.kind === 'conv');
    assert.deepStrictEqual(
      [conv3d.kernel, conv3d.stride, conv3d.padding, conv3d.dilation],
      [
        [1, 3, 5],
        [1, 2, 2],
        [0, 1, 2],
        [1, 1, 1],
      ],
    );
    const same = onlyLayer(`${NN}c = nn.Conv2d(1, 1, 3, padding="same")`);
    assert.ok(same.kind === 'conv' && same.padding === 'same');
    const valid = onlyLayer(`${NN}c = nn.Conv2d(1, 1, 3, padding='valid')`);
    assert.ok(valid.kind === 'conv' && valid.padding === 'valid');
  });

  it('negative numbers are literals', () => {
    const flatten = onlyLayer(`${NN}f = nn.Flatten(start_dim=-3, end_dim=-1)`);
    assert.deepStrictEqual(flatten, { kind: 'flatten', startDim: -3, endDim: -1 });
  });

  it('args holds each argument the call writes, by parameter name, with its text and span', () => {
    const text = `${NN}c = nn.ConvTranspose2d(16, 8, kernel_size=(2, 2), stride=2)`;
    const { args } = onlyCall(text);
    assert.deepStrictEqual(Object.keys(args).sort(), ['in_channels', 'kernel_size', 'out_channels', 'stride']);
    for (const [name, expected] of [
      ['in_channels', '16'],
      ['out_channels', '8'],
      ['kernel_size', '(2, 2)'],
      ['stride', '2'],
    ] as const) {
      assert.strictEqual(args[name].text, expected);
      assert.strictEqual(textAt(text, args[name].span), expected);
    }
    assert.strictEqual(args.padding, undefined);
  });
});

describe('python: module constants and simple arithmetic resolve', () => {
  before(loadParser);

  it('K = 3, CH = (16, 32), CH[0], CH[-1], 2 * C, C // 2, (K, K)', () => {
    const layer = onlyLayer(
      `${NN}K = 3\nC = 8\nCH = (16, 32)\nc = nn.Conv2d(CH[0], CH[-1] + 2 * C, (K, K - 2), padding=C // 4 - 1)\n`,
    );
    assert.ok(layer.kind === 'conv');
    assert.deepStrictEqual(
      [layer.inChannels, layer.outChannels, layer.kernel, layer.padding],
      [16, 48, [3, 1], [1, 1]],
    );
  });

  it('a name takes the value of its last binding before the call', () => {
    const layer = onlyLayer(`${NN}K = 3\nK = 5\nc = nn.Conv1d(1, 1, K)\nK = 7\n`);
    assert.ok(layer.kind === 'conv');
    assert.deepStrictEqual(layer.kernel, [5]);
  });

  it("a function's parameter default and its locals resolve inside it; a parameter without a default does not", () => {
    const text = `${NN}class Net(nn.Module):\n    def __init__(self, c=3, k=None):\n        width = 4 * c\n        self.a = nn.Conv2d(c, width, 3)\n        self.b = nn.Conv2d(width, 2, k)\n`;
    const [a, b] = onlyLayers(text);
    assert.ok(a.layer && !('unresolved' in a.layer) && a.layer.kind === 'conv');
    assert.deepStrictEqual([a.layer.inChannels, a.layer.outChannels], [3, 12]);
    assert.deepStrictEqual(b.layer, { unresolved: 'kernel_size', span: spanOfText(text, 'k)', 1) });
    const unbound = `${NN}def make(k):\n    return nn.Conv2d(1, 1, k)\nk = 3\n`;
    assert.deepStrictEqual(onlyCall(unbound).layer, { unresolved: 'kernel_size', span: spanOfText(unbound, 'k)', 1) });
  });
});

describe('python: an argument without a value the code states is named, where it is written', () => {
  before(loadParser);

  for (const [call, argument, written] of [
    ['nn.Conv2d(3, out, 3)', 'out_channels', 'out'],
    ['nn.Conv2d(3, 16, kernel_size=cfg.k)', 'kernel_size', 'cfg.k'],
    ['nn.Conv2d(3, 16, 3, padding=pad())', 'padding', 'pad()'],
    ['nn.MaxPool2d(k, stride=2)', 'kernel_size', 'k'],
    ['nn.Linear(n, 10)', 'in_features', 'n'],
    ['nn.Conv2d(3, 16, 3, padding=f"{p}")', 'padding', 'f"{p}"'],
    ['nn.Conv2d(3, 16, 3, padding_mode="mirror")', 'padding_mode', '"mirror"'],
    ['nn.Conv2d(*sizes)', '*sizes', '*sizes'],
    ['nn.Conv2d(3, 16, 3, stride=1, kernal_size=2)', 'kernal_size', 'kernal_size=2'],
    ['F.conv2d(x, weight)', 'weight', 'weight'],
  ] as const) {
    it(`${call}: ${argument}`, () => {
      const text = `${NN}layer = ${call}\n`;
      assert.deepStrictEqual(onlyCall(text).layer, { unresolved: argument, span: spanOfText(text, written) });
    });
  }

  it('a required argument left out is named at the call (nn.Conv2d(3, 16): kernel_size)', () => {
    const text = `${NN}layer = nn.Conv2d(3, 16)\n`;
    assert.deepStrictEqual(onlyCall(text).layer, {
      unresolved: 'kernel_size',
      span: spanOfText(text, 'nn.Conv2d(3, 16)'),
    });
  });
});

function spanOfText(text: string, written: string, lengthOrAll?: number): { start: number; end: number } {
  const start = text.lastIndexOf(written);
  assert.ok(start >= 0, `${written} is not in the text`);
  return { start, end: start + (lengthOrAll ?? written.length) };
}

function onlyLayers(text: string): ReturnType<typeof onlyCall>[] {
  return read(text).layers;
}
