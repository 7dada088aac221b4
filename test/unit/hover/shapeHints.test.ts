// The inlay hints of a model: one per line, a line that applies several layers naming them in the order they apply.
// The shapes are torch's, forward's steps applied one by one to LeNet on 1x1x32x32 (lenet.hints.json), and every
// module's output of the fixture models built in loops (golden_shapes.py).
import * as assert from 'assert';
import { shapeHints, stepShapes } from '../../../src/hover/modelShapes';
import { loadGoldenShapes, loadLenetHints } from '../../support/golden';
import { fixture, loadParser, read } from '../python/helpers';

describe('shape hints, one per line', () => {
  before(loadParser);

  it('LeNet: a line applying conv1, bn1, relu and pool gets one hint naming them, each shape in its tooltip', () => {
    const text = fixture('lenet.py');
    const [model] = read(text).models;
    const hints = shapeHints(stepShapes(model, model.input!.shape));
    const lineOf = (at: number) => text.slice(text.lastIndexOf('\n', at - 1) + 1, at).trim();
    const expected = loadLenetHints();
    assert.deepStrictEqual(
      hints.map((h) => [lineOf(h.at), h.label]),
      expected.hints,
    );
    assert.strictEqual(hints[0].tooltip, expected.firstTooltip);
    assert.strictEqual(hints[2].tooltip, 'Shape after flatten, batch first: 1×400');
  });

  it('a Sequential keeps a hint per layer, and the hints stop at the first step that refuses its input', () => {
    const [model] = read(fixture('small_cnn.py')).models;
    const labels = shapeHints(stepShapes(model, [1, 3, 32, 32])).map((h) => h.label);
    // torch, step by step on 1x3x32x32
    assert.deepStrictEqual(labels, [
      '→ 16×32×32',
      '→ 16×32×32',
      '→ 16×32×32',
      '→ 16×16×16',
      '→ 32×16×16',
      '→ 32×16×16',
      '→ 32×4×4',
      '→ 512',
      '→ 10',
    ]);
    // 1 channel reaches a Conv2d(3, ...): no hint at all
    assert.deepStrictEqual(shapeHints(stepShapes(model, [1, 1, 32, 32])), []);
  });

  /** The fixture model's hints as [text of the line up to the hint, label], and torch's shapes after each module. */
  function loopHints(file: string) {
    const text = fixture(file);
    const [model] = read(text).models;
    const golden = loadGoldenShapes().models.find((m) => m.file === file)!;
    const hints = shapeHints(stepShapes(model, golden.input));
    const lineOf = (at: number) => text.slice(text.lastIndexOf('\n', at - 1) + 1, text.indexOf('\n', at)).trim();
    const sizes = (i: number) => golden.shapes[i].slice(1).join('×');
    return { hints, lines: hints.map((h) => [lineOf(h.at), h.label]), sizes };
  }

  it("a layer built in a loop: one hint that counts the passes and gives each pass's shape, each in its tooltip", () => {
    const { hints, lines, sizes } = loopHints('sequential_loop.py');
    // torch's modules in order: conv, bn, relu, pool per pass (3 passes), then pool, flatten, head.
    const passes = (l: number) => `3 passes → ${[0, 1, 2].map((pass) => sizes(pass * 4 + l)).join(', ')}`;
    assert.deepStrictEqual(lines, [
      ['layers.append(nn.Conv2d(CHANNELS[i], CHANNELS[i + 1], kernel_size=3, padding=1))', passes(0)],
      ['layers.append(nn.BatchNorm2d(CHANNELS[i + 1]))', passes(1)],
      ['layers.append(nn.ReLU(inplace=True))', passes(2)],
      ['layers.append(nn.MaxPool2d(2))', passes(3)],
      ['x = self.pool(x)', `→ ${sizes(12)}`],
      ['x = self.flatten(x)', `→ ${sizes(13)}`],
      ['return self.head(x)', `→ ${sizes(14)}`],
    ]);
    assert.strictEqual(
      hints[0].tooltip,
      `Shape after each pass of the loop, batch first:\npass 1: 2×${sizes(0)}\npass 2: 2×${sizes(4)}\npass 3: 2×${sizes(8)}`,
    );
  });

  it('a loop writing two layers on one line: a hint each, with its passes', () => {
    const { lines, sizes } = loopHints('sequential_list_loop.py');
    const loopLine = 'layers += [nn.Conv1d(in_channels, width, 5, stride=2, padding=2), nn.ReLU()]';
    // torch's modules in order: conv, relu per pass (3 passes), then the adaptive pool and flatten.
    const passes = (l: number) => `3 passes → ${[0, 1, 2].map((pass) => sizes(pass * 2 + l)).join(', ')}`;
    assert.deepStrictEqual(lines, [
      [loopLine, passes(0)],
      [loopLine, passes(1)],
      ['layers.append(nn.AdaptiveMaxPool1d(4))', `→ ${sizes(6)}`],
      ['layers.append(nn.Flatten())', `→ ${sizes(7)}`],
    ]);
  });

  it('a module applied twice on one line: one hint naming it twice, not two passes of a loop', () => {
    const { hints, lines, sizes } = loopHints('applied_twice.py');
    // torch's modules in order: conv, conv, pool on the first line, conv again on the second.
    assert.deepStrictEqual(lines, [
      ['x = self.pool(self.conv(self.conv(x)))', `conv · conv · pool → ${sizes(2)}`],
      ['return self.conv(x)', `→ ${sizes(3)}`],
    ]);
    assert.strictEqual(
      hints[0].tooltip,
      `Shape after each step, batch first:\nconv: 1×${sizes(0)}\nconv: 1×${sizes(1)}\npool: 1×${sizes(2)}`,
    );
  });

  it('past 4 passes the first two, … and the last; a pass PyTorch refuses ends the hint, as it ends the model', () => {
    const text =
      'import torch.nn as nn\n\nlayers = []\nfor i in range(6):\n    layers.append(nn.MaxPool2d(2))\n# convlens: input 1x2x64x48\nnet = nn.Sequential(*layers)\n';
    const [model] = read(text).models;
    const [hint, ...more] = shapeHints(stepShapes(model, model.input!.shape));
    // torch on 1x2x64x48: 2×32×24, 2×16×12, 2×8×6, 2×4×3, 2×2×1, then "Output size is too small" on the sixth pass
    assert.strictEqual(hint.label, '5 passes → 2×32×24, 2×16×12, …, 2×2×1');
    assert.strictEqual(
      hint.tooltip,
      'Shape after each pass of the loop, batch first:\npass 1: 1×2×32×24\npass 2: 1×2×16×12\npass 3: 1×2×8×6\npass 4: 1×2×4×3\npass 5: 1×2×2×1',
    );
    assert.deepStrictEqual(more, []);
  });
});
