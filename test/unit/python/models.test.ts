// The order a model applies its layers is Python's: a Sequential's arguments in order, a forward's calls in
// evaluation order (arguments before the call). Expected orders are read off the code by hand.
import * as assert from 'assert';
import { stepShapes } from '../../../src/hover/modelShapes';
import { hintLines, hintTexts, spanOfText, stepNames } from '../../support/layers';
import { fixture, loadParser, read, textAt } from './helpers';

const HEADER = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';

describe('python: nn.Sequential models', () => {
  before(loadParser);

  it('nested Sequentials are flattened in order; each step is hinted at the end of its layer', () => {
    const text = `${HEADER}net = nn.Sequential(\n    nn.Conv2d(1, 4, 3),\n    nn.Sequential(nn.ReLU(), nn.Sequential(nn.MaxPool2d(2))),\n    nn.Flatten(),\n)\n`;
    const { models } = read(text);
    assert.strictEqual(models.length, 1);
    assert.strictEqual(models[0].name, 'net');
    assert.deepStrictEqual(stepNames(models[0]), ['Conv2d', 'ReLU', 'MaxPool2d', 'Flatten']);
    assert.deepStrictEqual(hintTexts(text, models[0], 4), ['4, 3)'.slice(1), 'LU()', 'd(2)', 'en()']);
    assert.deepStrictEqual(
      models[0].steps.map((s) => text.slice(s.call.span.start, s.hintAt)),
      ['nn.Conv2d(1, 4, 3)', 'nn.ReLU()', 'nn.MaxPool2d(2)', 'nn.Flatten()'],
    );
    assert.strictEqual(textAt(text, models[0].span)?.startsWith('nn.Sequential(\n    nn.Conv2d'), true);
  });

  it('an OrderedDict of named layers gives the names as attributes', () => {
    const text = `${HEADER}from collections import OrderedDict\nnet = nn.Sequential(OrderedDict([\n    ('conv', nn.Conv1d(1, 2, 3)),\n    ("act", nn.ReLU()),\n]))\n`;
    assert.deepStrictEqual(stepNames(read(text).models[0]), ['conv:Conv1d', 'act:ReLU']);
  });

  it('a module ConvLens does not know is a step it names, unresolved, so no shape is guessed past it', () => {
    const text = `${HEADER}net = nn.Sequential(nn.Conv2d(1, 4, 3), ResBlock(4), nn.ReLU())\n`;
    const [, block] = read(text).models[0].steps;
    assert.deepStrictEqual(block.call.layer, { unresolved: 'ResBlock', span: spanOfText(text, 'ResBlock(4)') });
  });

  it('a Sequential set on self or returned by a function is named after the attribute or the function', () => {
    const text = `${HEADER}class Holder:\n    def __init__(self):\n        self.body = nn.Sequential(nn.ReLU())\n\ndef make_head():\n    return nn.Sequential(nn.Linear(4, 2))\n`;
    assert.deepStrictEqual(
      read(text).models.map((m) => m.name),
      ['self.body', 'make_head'],
    );
  });

  it('the 1-D audio model and the small CNN read in full', () => {
    const audio = read(fixture('audio_1d.py')).models;
    assert.deepStrictEqual(stepNames(audio[0]), [
      'Conv1d',
      'BatchNorm1d',
      'ReLU',
      'MaxPool1d',
      'Conv1d',
      'ReLU',
      'AvgPool1d',
      'AdaptiveAvgPool1d',
      'Flatten',
      'Linear',
    ]);
    assert.ok(audio[0].steps.every((s) => !('unresolved' in s.call.layer)));
    assert.deepStrictEqual(audio[0].input?.shape, [8, 1, 16000]);
  });
});

describe('python: nn.Module models (__init__ sets the layers, forward applies them)', () => {
  before(loadParser);

  it('LeNet: nested calls apply inside out, a module used twice is two steps, functional calls are steps', () => {
    const text = fixture('lenet.py');
    const [model] = read(text).models;
    assert.strictEqual(model.name, 'LeNet');
    assert.deepStrictEqual(stepNames(model), [
      'conv1:Conv2d',
      'bn1:BatchNorm2d',
      'relu',
      'pool:MaxPool2d',
      'conv2:Conv2d',
      'relu',
      'pool:MaxPool2d',
      'flatten',
      'fc1:Linear',
      'relu',
      'fc2:Linear',
      'relu',
      'fc3:Linear',
    ]);
    assert.strictEqual(model.steps[3].call, model.steps[6].call); // the same module, applied twice
    // fc3's out_features is num_classes, __init__'s parameter (default 10)
    assert.deepStrictEqual(model.steps[12].call.layer, { kind: 'linear', inFeatures: 84, outFeatures: 10, bias: true });
  });

  it('each step in forward is hinted at the end of its line', () => {
    const text = fixture('lenet.py');
    const [model] = read(text).models;
    assert.deepStrictEqual(
      [...new Set(hintLines(text, model))],
      [
        'x = self.pool(F.relu(self.bn1(self.conv1(x))))',
        'x = self.pool(F.relu(self.conv2(x)))',
        'x = torch.flatten(x, 1)',
        'x = F.relu(self.fc1(x))',
        'x = F.relu(self.fc2(x))',
        'return self.fc3(x)',
      ],
    );
    assert.ok(model.steps.every((s) => text[s.hintAt] === '\n'));
  });

  for (const [line, startDim] of [
    ['x = torch.flatten(x, 1)', 1],
    ['x = x.view(x.size(0), -1)', 1],
    ['x = x.reshape(x.shape[0], -1)', 1],
    ['x = x.flatten(1)', 1],
    ['x = x.flatten(start_dim=2)', 2],
    ['x = x.flatten()', 0],
    ['x = nn.Flatten()(x)', 1],
  ] as const) {
    it(`${line} is a flatten step from dimension ${startDim}`, () => {
      const text = `${HEADER}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(8, 2)\n\n    def forward(self, x):\n        ${line}\n        return self.fc(x)\n`;
      const [model] = read(text).models;
      assert.deepStrictEqual(
        model.steps.map((s) => s.call.layer),
        [
          { kind: 'flatten', startDim, endDim: -1 },
          { kind: 'linear', inFeatures: 8, outFeatures: 2, bias: true },
        ],
      );
    });
  }

  for (const [line, sizes] of [
    ['x = x.view(-1, 16 * 5 * 5)', [-1, 400]],
    ['x = x.reshape(-1, 400)', [-1, 400]],
    ['x = x.view((-1, 400))', [-1, 400]],
    ['x = x.view(2, -1)', [2, -1]],
  ] as const) {
    it(`${line} is a reshape step to ${JSON.stringify(sizes)}; torch makes 2x16x5x5 into 2x400`, () => {
      const text = `${HEADER}# convlens: input 2x16x5x5\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(400, 10)\n\n    def forward(self, x):\n        ${line}\n        return self.fc(x)\n`;
      const [model] = read(text).models;
      assert.deepStrictEqual(model.steps[0].call.layer, { kind: 'reshape', sizes });
      // torch: x.view(-1, 400) of a 2x16x5x5 tensor is 2x400, and the Linear gives 2x10.
      assert.deepStrictEqual(
        stepShapes(model, model.input!.shape).map((s) => s.outcome),
        [
          { ok: true, shape: [2, 400] },
          { ok: true, shape: [2, 10] },
        ],
      );
    });
  }

  it('a view or reshape whose sizes the code does not state is unknown: no shape is guessed past it', () => {
    const text = `${HEADER}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(400, 10)\n\n    def forward(self, x, n):\n        x = x.view(n, -1)\n        return self.fc(x)\n`;
    const [model] = read(text).models;
    assert.deepStrictEqual(model.steps[0].call.layer, {
      unresolved: '(n, -1)',
      span: { start: text.indexOf('(n, -1)'), end: text.indexOf('(n, -1)') + 7 },
    });
    assert.deepStrictEqual(stepShapes(model, [2, 16, 5, 5]), []);
  });

  it('x.flatten binds as Tensor.flatten(start_dim=0, end_dim=-1); an unknown dimension is named', () => {
    const text = `${HEADER}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n\n    def forward(self, x, d):\n        x = x.flatten(end_dim=2, start_dim=1)\n        return x.flatten(d)\n`;
    const [model] = read(text).models;
    assert.deepStrictEqual(
      model.steps.map((s) => s.call.layer),
      [
        { kind: 'flatten', startDim: 1, endDim: 2 },
        { unresolved: 'start_dim', span: { start: text.lastIndexOf('d)'), end: text.lastIndexOf('d)') + 1 } },
      ],
    );
  });

  it('a Sequential set in __init__ applies its layers where forward calls it, and is no model of its own', () => {
    const text = `${HEADER}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.features = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())\n        self.head = nn.Linear(8, 1)\n\n    def forward(self, x):\n        x = self.features(x)\n        x = F.adaptive_avg_pool2d(x, 1).flatten(1)\n        return self.head(x)\n`;
    const { models } = read(text);
    assert.deepStrictEqual(
      models.map((m) => m.name),
      ['Net'],
    );
    assert.deepStrictEqual(stepNames(models[0]), [
      'features:Conv2d',
      'features:ReLU',
      'adaptive_avg_pool2d',
      'flatten',
      'head:Linear',
    ]);
    // inside the Sequential each layer is hinted where it is written
    assert.strictEqual(text.slice(models[0].steps[0].call.span.start, models[0].steps[0].hintAt), 'nn.Conv2d(3, 8, 3)');
  });

  it('a module class without a forward (yet) still shows its Sequentials as models', () => {
    const text = `${HEADER}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.body = nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU())\n`;
    const { models } = read(text);
    assert.deepStrictEqual(
      models.map((m) => [m.name, stepNames(m)]),
      [['self.body', ['Conv2d', 'ReLU']]],
    );
  });

  it('calls that are not layers (x.size(0), torch.cat, a helper) are not steps; branches are read in order', () => {
    const text = `${HEADER}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.a = nn.ReLU()\n        self.b = nn.Tanh()\n\n    def forward(self, x):\n        n = x.size(0)\n        if n > 1:\n            x = self.a(x)\n        else:\n            x = self.b(x)\n        return torch.cat([x, x], 1)\n`;
    assert.deepStrictEqual(stepNames(read(text).models[0]), ['a:ReLU', 'b:Tanh']);
  });

  it('the U-Net decoder: transposed convolutions, "same" convolutions, Upsample', () => {
    const [model] = read(fixture('unet_decoder.py')).models;
    assert.deepStrictEqual(stepNames(model), [
      'up1:ConvTranspose2d',
      'conv1:Conv2d',
      'up2:ConvTranspose2d',
      'conv2:Conv2d',
      'up3:Upsample',
      'head:Conv2d',
    ]);
    const [up1, conv1] = model.steps.map((s) => s.call.layer);
    assert.deepStrictEqual(up1, {
      kind: 'conv',
      rank: 2,
      transposed: true,
      inChannels: 256, // channels=256, __init__'s default
      outChannels: 128, // channels // 2
      kernel: [2, 2],
      stride: [2, 2],
      padding: [0, 0],
      dilation: [1, 1],
      outputPadding: [0, 0],
      groups: 1,
      bias: true,
      paddingMode: 'zeros',
    });
    assert.ok(!('unresolved' in conv1) && conv1.kind === 'conv' && conv1.padding === 'same');
  });
});

describe('python: the input comment', () => {
  before(loadParser);

  for (const [where, text, shape, written] of [
    [
      'above a Sequential',
      '# convlens: input 1x3x224x224\nm = nn.Sequential(nn.ReLU())\n',
      [1, 3, 224, 224],
      '1x3x224x224',
    ],
    [
      'after a Sequential line',
      'm = nn.Sequential(  # convlens: input (8, 16)\n    nn.ReLU(),\n)\n',
      [8, 16],
      '(8, 16)',
    ],
    [
      'after a class line',
      'class Net(nn.Module):  # ConvLens: input 2×1×28×28\n    def __init__(self):\n        self.a = nn.ReLU()\n\n    def forward(self, x):\n        return self.a(x)\n',
      [2, 1, 28, 28],
      '2×1×28×28',
    ],
    [
      'above a decorated class',
      '# convlens: input 4x10\n@register\nclass Net(nn.Module):\n    def __init__(self):\n        self.a = nn.ReLU()\n\n    def forward(self, x):\n        return self.a(x)\n',
      [4, 10],
      '4x10',
    ],
  ] as const) {
    it(`${where}: ${written}`, () => {
      const [model] = read(text).models;
      assert.deepStrictEqual(model.input?.shape, shape);
      assert.strictEqual(textAt(text, model.input?.span), written);
    });
  }

  it('no comment, another comment, or one two lines above: no input', () => {
    for (const text of [
      'm = nn.Sequential(nn.ReLU())\n',
      '# input 1x3x8x8\nm = nn.Sequential(nn.ReLU())\n',
      '# convlens: input 1x3x8x8\n\nm = nn.Sequential(nn.ReLU())\n',
    ])
      assert.strictEqual(read(text).models[0].input, undefined, text);
  });
});
