// Expected layers are written from PyTorch 1.13's documented signatures (torch.nn.Conv2d and the others).
import * as assert from 'assert';
import { hintTexts } from '../../support/layers';
import { fixture, loadParser, read, textAt } from './helpers';

describe('python: an nn.Sequential is a model whose layers apply in the order written', () => {
  before(loadParser);

  it('the small CNN: its nine layers, each with every argument PyTorch fills in', () => {
    const text = fixture('small_cnn.py');
    const [model] = read(text).models;
    assert.strictEqual(model.name, 'model');
    assert.deepStrictEqual(
      model.steps.map((s) => s.call.torchName),
      ['Conv2d', 'BatchNorm2d', 'ReLU', 'MaxPool2d', 'Conv2d', 'ReLU', 'AdaptiveAvgPool2d', 'Flatten', 'Linear'],
    );
    assert.deepStrictEqual(model.steps[0].call.layer, {
      kind: 'conv',
      rank: 2,
      transposed: false,
      inChannels: 3,
      outChannels: 16,
      kernel: [3, 3],
      stride: [1, 1],
      padding: [1, 1],
      dilation: [1, 1],
      outputPadding: [0, 0],
      groups: 1,
      bias: true,
      paddingMode: 'zeros',
    });
    assert.deepStrictEqual(model.steps[8].call.layer, { kind: 'linear', inFeatures: 512, outFeatures: 10, bias: true });
    assert.deepStrictEqual(hintTexts(text, model, 'MaxPool2d(2)'.length).slice(3, 4), ['MaxPool2d(2)']);
    assert.strictEqual(textAt(text, model.steps[0].call.span), 'nn.Conv2d(3, CHANNELS[0], kernel_size=K, padding=1)');
  });
});
