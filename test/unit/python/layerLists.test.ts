// Models whose layers are built in lists (nn.Sequential(*layers), nn.ModuleList): the fixtures' shapes are torch's,
// from test/fixtures/golden_shapes.py building each fixture model and recording every module's output.
import * as assert from 'assert';
import { layerHoverMarkdown } from '../../../src/hover/layerHover';
import { layerContext, stepShapes } from '../../../src/hover/modelShapes';
import type { Model } from '../../../src/python/layer';
import { PythonDocuments } from '../../../src/python';
import { loadGoldenShapes } from '../../support/golden';
import { hintLines } from '../../support/layers';
import { fixture, loadParser, read, theParser } from './helpers';

const HEADER = 'import torch.nn as nn\n';

const modelNamed = (text: string, name: string): Model => {
  const model = read(text).models.find((m) => m.name === name);
  assert.ok(model, `no model ${name}`);
  return model;
};

describe('python: layers built in lists', () => {
  before(loadParser);

  for (const golden of loadGoldenShapes().models) {
    it(`${golden.file}: ${golden.model}'s shapes after each layer are torch's`, () => {
      const model = modelNamed(fixture(golden.file), golden.model);
      assert.deepStrictEqual(model.input?.shape, golden.input);
      assert.deepStrictEqual(
        stepShapes(model, golden.input).map((s) => (s.outcome.ok ? [...s.outcome.shape] : s.outcome.message)),
        golden.shapes,
      );
    });
  }

  it("each layer is hinted on the line where it is written, a loop's once per pass", () => {
    const text = fixture('sequential_list_loop.py');
    const model = modelNamed(text, 'make_encoder');
    const loopLine = 'layers += [nn.Conv1d(in_channels, width, 5, stride=2, padding=2), nn.ReLU()]';
    assert.deepStrictEqual(hintLines(text, model), [
      ...[1, 2, 3].flatMap(() => [loopLine, loopLine]),
      'layers.append(nn.AdaptiveMaxPool1d(4))',
      'layers.append(nn.Flatten())',
    ]);
    // each pass reads the conv with that pass's names: in_channels 1, 8, 16 -> widths 8, 16, 32
    assert.deepStrictEqual(
      model.steps.flatMap((s) =>
        'unresolved' in s.call.layer || s.call.layer.kind !== 'conv'
          ? []
          : [[s.call.layer.inChannels, s.call.layer.outChannels]],
      ),
      [
        [1, 8],
        [8, 16],
        [16, 32],
      ],
    );
  });

  /**
   * The hover of a fixture model's first layer, with torch's shapes; `inOut(word, ins, outs)` the lines it should
   * list, each application's input and output given as indices into those shapes (-1: the model's input).
   */
  function firstLayerHover(file: string) {
    const reading = read(fixture(file));
    const golden = loadGoldenShapes().models.find((m) => m.file === file)!;
    const conv = reading.models[0].steps[0].call;
    const hover = layerHoverMarkdown(
      conv,
      layerContext(reading, () => golden.input, conv),
    );
    const size = (i: number) => (i < 0 ? golden.input : golden.shapes[i]).join('×');
    const inOut = (word: string, ins: number[], outs: number[]) =>
      ins.map((_, p) => `- ${word} ${p + 1}: input ${size(ins[p])} → output **${size(outs[p])}**`);
    return { hover, inOut };
  }

  it("a layer built in a loop: its hover counts the passes and gives each pass's shape in and out", () => {
    const { hover, inOut } = firstLayerHover('sequential_loop.py');
    // torch's modules in order: conv, bn, relu, pool per pass: pass p's conv reads what pass p - 1's pool gave.
    const passes = inOut('pass', [-1, 3, 7], [0, 4, 8]);
    assert.ok(hover.startsWith(['**ConvLens** · `Conv2d` · **3 passes** of a loop', ...passes].join('\n')), hover);
    // Then the first pass's arguments and formulas: CHANNELS[0] -> CHANNELS[1] on 64 x 64.
    assert.ok(hover.includes('Conv2d(in_channels=3, out_channels=16, kernel_size=(3, 3)'), hover);
    assert.ok(hover.includes('here: `H_out = floor((64 + 2*1 - 1*(3 - 1) - 1) / 1) + 1 = 64`'), hover);
  });

  it('a module forward calls three times, twice on one line: its hover counts the calls, not passes of a loop', () => {
    const { hover, inOut } = firstLayerHover('applied_twice.py');
    // torch's modules in order: conv, conv, pool, conv.
    const calls = inOut('call', [-1, 0, 2], [0, 1, 3]);
    const head = ['**ConvLens** · `Conv2d` · **3 calls** in forward', ...calls, '', 'The first call:'];
    assert.ok(hover.startsWith(head.join('\n')), hover);
  });

  it('a ModuleList applied by a loop in forward: its modules in order, hinted where written', () => {
    const text = fixture('module_list.py');
    const model = modelNamed(text, 'ListNet');
    assert.deepStrictEqual(
      model.steps.map((s) => `${s.attribute}:${s.call.torchName}`),
      [
        'stem:Conv2d',
        'blocks:Conv2d',
        'blocks:BatchNorm2d',
        'blocks:ReLU',
        'blocks:Conv2d',
        'blocks:Conv2d',
        'head:Flatten',
      ],
    );
    assert.deepStrictEqual(hintLines(text, model).slice(4, 6), [
      'self.blocks.append(nn.Conv2d(8, 8, 3, stride=2, padding=1))',
      'self.blocks.append(nn.Conv2d(8, 8, 3, stride=2, padding=1))',
    ]);
  });

  it('nn.ModuleList(layers) takes a list built before it in __init__, each pass with its own sizes', () => {
    const text = `${HEADER}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        layers = []\n        for c in (4, 8):\n            layers.append(nn.Conv1d(c, 2 * c, 3))\n        self.blocks = nn.ModuleList(layers)\n\n    def forward(self, x):\n        for block in self.blocks:\n            x = block(x)\n        return x\n`;
    const model = modelNamed(text, 'Net');
    assert.deepStrictEqual(
      model.steps.map((s) => ('unresolved' in s.call.layer ? s.call.layer : [s.attribute, s.call.layer.kind])),
      [
        ['blocks', 'conv'],
        ['blocks', 'conv'],
      ],
    );
    // torch: Conv1d(4, 8, 3) then Conv1d(8, 16, 3) on 1x4x10 give 1x8x8, then 1x16x6
    assert.deepStrictEqual(
      stepShapes(model, [1, 4, 10]).map((s) => s.outcome),
      [
        { ok: true, shape: [1, 8, 8] },
        { ok: true, shape: [1, 16, 6] },
      ],
    );
  });

  for (const [what, building, why] of [
    [
      'an if',
      'layers = [nn.ReLU()]\nif DEEP:\n    layers.append(nn.ReLU())\n',
      '`layers` is changed by `if DEEP:` (line 3), which ConvLens does not follow',
    ],
    [
      'a loop over zip(...)',
      'layers = []\nfor a, b in zip(A, B):\n    layers.append(nn.Conv2d(a, b, 3))\n',
      '`layers` is built by a loop (line 3) over `zip(A, B)`: ConvLens reads a `for` over `range(n)` or a list of values',
    ],
    [
      'a comprehension',
      'layers = [nn.Conv2d(c, c, 3) for c in (8, 16)]\n',
      '`layers` is changed by `layers = [nn.Conv2d(c, c, 3) for c in (8, 16)]` (line 2), which ConvLens does not follow',
    ],
    [
      'a list passed in',
      'def make(layers):\n    return nn.Sequential(*layers)\n',
      'ConvLens does not see where `layers` is built',
    ],
    [
      'insert',
      'layers = [nn.ReLU()]\nlayers.insert(0, nn.Tanh())\n',
      '`layers` is changed by `layers.insert(0, nn.Tanh())` (line 3), which ConvLens does not follow',
    ],
  ] as const) {
    it(`a list built with ${what} is named as unread, with where: no shape is guessed`, () => {
      const model = building.startsWith('def') ? '' : 'net = nn.Sequential(nn.Conv2d(3, 8, 3), *layers, nn.ReLU())\n';
      const text = `${HEADER}${building}${model}`;
      const [net] = read(text).models;
      const unread = net.steps.find((s) => 'unresolved' in s.call.layer);
      assert.ok(unread && 'unresolved' in unread.call.layer, JSON.stringify(net.steps.map((s) => s.call.layer)));
      assert.strictEqual(unread.call.layer.unresolved, why);
      const shown = stepShapes(net, [1, 3, 16, 16]);
      assert.ok(shown.length <= 1, `${shown.length} shapes shown`);
    });
  }

  it('editing the top-level statements that build a list changes the model that unpacks it', () => {
    const documents = new PythonDocuments(theParser());
    const before = `${HEADER}layers = [nn.Conv2d(3, 8, 3)]\nlayers.append(nn.ReLU())\n\nK = 3\nnet = nn.Sequential(*layers)\n`;
    const after = before.replace('nn.ReLU()', 'nn.MaxPool2d(2)');
    assert.deepStrictEqual(
      [before, after].map((text, version) =>
        documents.read('file:///net.py', version, text).models[0].steps.map((s) => s.call.torchName),
      ),
      [
        ['Conv2d', 'ReLU'],
        ['Conv2d', 'MaxPool2d'],
      ],
    );
    documents.dispose();
  });
});
