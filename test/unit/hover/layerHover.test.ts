// The hover on a PyTorch layer and what a model does to its input, on layers built as PyTorch fills their
// arguments in. Expected sizes are worked out by hand from PyTorch's formulas (torch.nn.Conv2d / ConvTranspose2d
// docs), not by the code under test.
import * as assert from 'assert';
import { layerHoverMarkdown } from '../../../src/hover/layerHover';
import { shapeHint, stepFields, stepShapes } from '../../../src/hover/modelShapes';
import { conv2d, layerCall as call, modelOf as model, pool } from '../../support/layers';

const strided = conv2d(3, 16, 3, { stride: [2, 2], padding: [1, 1] });

describe('a PyTorch layer on hover', () => {
  it('a Conv2d alone: its arguments, the formula per axis in symbols and simplified, the weight and parameters', () => {
    const text = layerHoverMarkdown(call('Conv2d', strided));
    assert.ok(text.startsWith('**ConvLens** · `Conv2d`'), text);
    assert.ok(text.includes('in_channels=3, out_channels=16, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1)'), text);
    assert.ok(text.includes('`H_out = floor((H_in + 2*padding - dilation*(k - 1) - 1) / stride) + 1`'), text);
    // (H_in + 2*1 - 1*(3 - 1) - 1) / 2 = (H_in - 1) / 2
    assert.ok(text.includes('simplified: `H_out = floor((H_in - 1) / 2) + 1`'), text);
    assert.ok(text.includes('simplified: `W_out = floor((W_in - 1) / 2) + 1`'), text);
    // 16*3*3*3 = 432 weights and 16 biases.
    assert.ok(text.includes('weight 16×3×3×3 · **448 parameters**'), text);
    assert.ok(!text.includes('here:'), text);
  });

  it('in a model with a known input: the shape in and out and the formula with the numbers plugged in', () => {
    const net = model(['Conv2d', strided], ['ReLU', { kind: 'keep', torchName: 'ReLU' }]);
    const [first] = stepShapes(net, [1, 3, 32, 32]);
    const text = layerHoverMarkdown(first.step.call, {
      input: first.input,
      outcome: first.outcome,
      field: stepFields(net)[0],
    });
    // floor((32 + 2 - 2 - 1) / 2) + 1 = 16
    assert.ok(text.includes('input 1×3×32×32 → output **1×16×16×16**'), text);
    assert.ok(text.includes('here: `H_out = floor((32 + 2*1 - 1*(3 - 1) - 1) / 2) + 1 = 16`'), text);
    assert.ok(text.includes('receptive field **3×3** · jump 2×2'), text);
  });

  it("a ConvTranspose2d: the forward conv's input sizes that map to the same size, which output_padding picks", () => {
    const up = conv2d(16, 8, 3, { transposed: true, stride: [2, 2], padding: [1, 1] });
    const net = model(['ConvTranspose2d', up]);
    const [step] = stepShapes(net, [1, 16, 8, 8]);
    const text = layerHoverMarkdown(step.step.call, { input: step.input, outcome: step.outcome });
    // (8 - 1)*2 - 2*1 + 1*(3 - 1) + 0 + 1 = 15; a Conv2d k3 s2 p1 maps 15 and 16 to floor((n - 1) / 2) + 1 = 8.
    assert.ok(text.includes('output **1×8×15×15**'), text);
    assert.ok(text.includes('maps 15, 16 all to 8; `output_padding` 0 gives 15, 1 gives 16'), text);
    // weight [in, out/groups, kH, kW]
    assert.ok(text.includes('weight 16×8×3×3 · **1,160 parameters**'), text);
  });

  it("PyTorch's refusals, in its words", () => {
    const grouped = conv2d(3, 16, 3, { groups: 2 });
    const text = layerHoverMarkdown(call('Conv2d', grouped));
    assert.ok(text.includes('⚠ PyTorch: in\\_channels must be divisible by groups'), text);
    const net = model(['Conv2d', conv2d(3, 16, 3)]);
    const [step] = stepShapes(net, [1, 1, 28, 28]);
    const refused = layerHoverMarkdown(step.step.call, { input: step.input, outcome: step.outcome });
    assert.ok(refused.includes('input 1×1×28×28 → refused'), refused);
    assert.ok(refused.includes('to have 3 channels, but got 1 channels instead'), refused);
  });

  it('an argument that is not a literal says so, as text', () => {
    const text = layerHoverMarkdown({
      ...call('Conv2d', strided),
      layer: { unresolved: 'C_IN is not a number', span: { start: 0, end: 4 } },
    });
    assert.ok(text.includes('Not worked out: C\\_IN is not a number'), text);
  });
});

describe('a model met with its input shape', () => {
  it('the shape after each step, batch left out; the walk stops at the first step that refuses its input', () => {
    const net = model(
      ['Conv2d', strided],
      ['ReLU', { kind: 'keep', torchName: 'ReLU' }],
      ['Linear', { kind: 'linear', inFeatures: 10, outFeatures: 2, bias: true }],
      ['ReLU', { kind: 'keep', torchName: 'ReLU' }],
    );
    const steps = stepShapes(net, [1, 3, 32, 32]);
    assert.deepStrictEqual(
      steps.map((s) => (s.outcome.ok ? shapeHint(s.outcome.shape) : 'refused')),
      ['→ 16×16×16', '→ 16×16×16', 'refused'],
    );
    const last = steps[2].outcome;
    assert.ok(!last.ok && last.message.startsWith('mat1 and mat2 shapes cannot be multiplied (256x16 and 10x2)'));
  });

  it('the receptive field grows by (span - 1) jumps and the jump by the stride', () => {
    const dilated = conv2d(16, 16, 3, { dilation: [2, 2] });
    const net = model(['Conv2d', strided], ['MaxPool2d', pool(2)], ['Conv2d', dilated]);
    // 3 (jump 2); 3 + 1*2 = 5 (jump 4); span 5: 5 + 4*4 = 21 (jump 4)
    assert.deepStrictEqual(stepFields(net), [
      { size: [3, 3], jump: [2, 2] },
      { size: [5, 5], jump: [4, 4] },
      { size: [21, 21], jump: [4, 4] },
    ]);
  });
});
