// The size a ConvTranspose is told to give back: output_size= in forward (PyTorch picks the output_padding, or
// refuses), and a `# convlens: output` comment ConvLens checks, with the fixes that reach it. The expected shapes and
// messages are PyTorch's, from golden-shapes.json's upsampler.py stacks (test/fixtures/golden_shapes.py runs them).
import * as assert from 'assert';
import { fixEdits } from '../../../src/hover/layerFixEdit';
import { layerHoverMarkdown } from '../../../src/hover/layerHover';
import { layerContext, readingProblems, stepShapes } from '../../../src/hover/modelShapes';
import type { Model } from '../../../src/python/layer';
import { loadGoldenShapes } from '../../support/golden';
import { fixture, loadParser, read, textAt } from './helpers';

const golden = loadGoldenShapes();
const stack = (name: string) => golden.stacks.find((s) => s.name.startsWith(name))!;

/** The steps' shapes, and the first refusal, as the golden stacks hold them. */
function walk(model: Model) {
  const steps = stepShapes(model, model.input!.shape);
  const failed = steps.findIndex((s) => !s.outcome.ok);
  const last = steps[failed];
  return {
    shapes: steps.flatMap((s) => (s.outcome.ok ? [[...s.outcome.shape]] : [])),
    failure: last && !last.outcome.ok ? { step: failed, error: last.outcome.message } : undefined,
  };
}

const decoder = (text: string) =>
  `from torch import nn\n\nclass Up(nn.Module):  # convlens: input 1x8x5x5\n    def __init__(self):\n        super().__init__()\n        self.up = nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1)\n        self.head = nn.ReLU()\n\n    def forward(self, x, skip):\n        ${text}\n        return self.head(x)\n`;

describe('python: a ConvTranspose told its output size', () => {
  before(loadParser);

  it('upsampler.py: output_size in forward is honoured (and refused) as PyTorch does it', () => {
    const [model] = read(fixture('upsampler.py')).models;
    const golden = stack('upsampler.py, output_size in forward');
    assert.deepStrictEqual(
      model.steps.map((s) => s.outputSize && { sizes: s.outputSize.sizes, form: s.outputSize.form }),
      golden.outputSizes!.map((r) => r ?? undefined),
    );
    assert.deepStrictEqual(walk(model), { shapes: golden.shapes, failure: golden.failure });
  });

  for (const [written, sizes, form] of [
    ['x = self.up(x, output_size=(10, 10))', [10, 10], 'tuple'],
    ['x = self.up(x, [1, 4, 10, 10])', [1, 4, 10, 10], 'list'],
    ['x = self.up(x, output_size=10)', [10], 'int'],
  ] as const) {
    it(`reads ${written}`, () => {
      const [model] = read(decoder(written)).models;
      assert.deepStrictEqual(model.steps[0].outputSize?.sizes, sizes);
      assert.strictEqual(model.steps[0].outputSize?.form, form);
    });
  }

  it('a size the code does not say (skip.shape) is unknown: nothing is shown from that step on', () => {
    const [model] = read(decoder('x = self.up(x, output_size=skip.shape)')).models;
    assert.strictEqual(model.steps[0].outputSize?.sizes, null);
    assert.deepStrictEqual(stepShapes(model, [1, 8, 5, 5]), []);
  });

  it("sized_decoder.py: output_size in forward wins over the layer's own output_padding, which PyTorch refuses alone", () => {
    const text = fixture('sized_decoder.py');
    const sized = stack('sized_decoder.py, output_size in forward');
    const reading = read(text);
    assert.deepStrictEqual(walk(reading.models[0]), { shapes: sized.shapes, failure: sized.failure });
    assert.deepStrictEqual(
      readingProblems(reading, (m) => m.input?.shape),
      [],
    );

    // The same layer called without output_size: PyTorch refuses its output_padding, and the layer is marked.
    const alone = stack('sized_decoder.py, no output_size');
    const unsized = read(text.replace('self.up(x, output_size=(10, 10))', 'self.up(x)'));
    assert.deepStrictEqual(walk(unsized.models[0]), { shapes: alone.shapes, failure: alone.failure });
    assert.deepStrictEqual(
      readingProblems(unsized, (m) => m.input?.shape).map((p) => [textAt(text, p.span), p.message]),
      [['nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=2)', alone.failure!.error]],
    );
  });

  it("sized_decoder.py: the ConvTranspose's hover gives PyTorch's refusal of its output_padding only without output_size", () => {
    const text = fixture('sized_decoder.py');
    const hoverOfUp = (source: string) => {
      const reading = read(source);
      const up = reading.layers.find((call) => call.torchName === 'ConvTranspose2d')!;
      return layerHoverMarkdown(
        up,
        layerContext(reading, (m) => m.input?.shape, up),
      );
    };
    const refusal = stack('sized_decoder.py, no output_size').failure!.error;
    const sized = hoverOfUp(text);
    assert.match(sized, /input 1×8×5×5 → output \*\*1×4×10×10\*\*/);
    assert.ok(!sized.includes('⚠ PyTorch'), sized);
    const unsized = hoverOfUp(text.replace('self.up(x, output_size=(10, 10))', 'self.up(x)'));
    const words = 'output padding must be smaller than either stride or dilation';
    assert.ok(refusal.startsWith(words), refusal);
    assert.ok(unsized.includes(`⚠ PyTorch: ${words}`), unsized);
  });

  it('a layer forward calls once with output_size and once without keeps its output_padding error', () => {
    const text = decoder('x = self.up(x, output_size=(10, 10))\n        x = self.up(x)').replace(
      'padding=1)',
      'padding=1, output_padding=2)',
    );
    const messages = readingProblems(read(text), () => undefined).map((p) => p.message);
    assert.strictEqual(messages.length, 1, messages.join('\n'));
    assert.match(messages[0], /^output padding must be smaller than either stride or dilation/);
  });

  it("output_size=None keeps the layer's own output_padding: (5 - 1)*2 - 2 + 3 = 9", () => {
    const [model] = read(decoder('x = self.up(x, output_size=None)')).models;
    assert.strictEqual(model.steps[0].outputSize, undefined);
    assert.deepStrictEqual(stepShapes(model, [1, 8, 5, 5])[0].outcome, { ok: true, shape: [1, 4, 9, 9] });
  });
});

describe('python: a `# convlens: output` comment on a layer', () => {
  before(loadParser);

  it('upsampler.py: up2 misses its 64x64; the fix sets output_padding, and then PyTorch runs every step', () => {
    const text = fixture('upsampler.py');
    const reading = read(text);
    const up2 = reading.models[0].steps[1].call;
    assert.strictEqual(textAt(text, up2.target?.span), '64x64');
    const problems = readingProblems(reading, (m) => m.input?.shape);
    assert.deepStrictEqual(
      problems.map((p) => [textAt(text, p.span), p.message, p.fixes.map((f) => f.title)]),
      [
        [
          'nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1)',
          'ConvTranspose2d turns 32×32 into 63×63, but its comment asks for 64×64',
          // (32 - 1)*2 - 2*1 + 3 = 63, and 64 with output_padding 1; no padding alone reaches 64 (65 - 2*padding)
          ['Set output_padding to 1 (output 64×64)'],
        ],
        // PyTorch refuses up3's size where forward asks for it
        ['[1, 8, 128, 128]', stack('upsampler.py, output_size in forward').failure!.error, []],
      ],
    );
    const edited = fixEdits(text, problems[0].call, problems[0].fixes[0])
      .sort((a, b) => b.span.start - a.span.start)
      .reduce((t, edit) => t.slice(0, edit.span.start) + edit.text + t.slice(edit.span.end), text);
    assert.ok(edited.includes('nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1)'));
    const fixed = read(edited);
    assert.deepStrictEqual(
      readingProblems(fixed, (m) => m.input?.shape),
      [],
    );
    const after = stack('upsampler.py, up2 with output_padding=1');
    assert.deepStrictEqual(walk(fixed.models[0]), { shapes: after.shapes, failure: after.failure });
  });

  it('the hover lists every padding and output_padding that reach the target', () => {
    const [model] = read(fixture('upsampler.py')).models;
    const up2 = stepShapes(model, model.input!.shape)[1];
    const text = layerHoverMarkdown(up2.step.call, { input: up2.input, outcome: up2.outcome });
    // (32 - 1)*2 - 2*padding + 3 + output_padding = 64 only with padding 1 and output_padding 1 (below stride 2)
    assert.ok(text.includes('**Target 64×64** (its comment):'), text);
    assert.ok(text.includes('- H: 32 → 64 with `padding=1, output_padding=1`'), text);
    assert.ok(text.includes('- W: 32 → 64 with `padding=1, output_padding=1`'), text);
  });

  it('reaches a size by padding alone, or by padding and output_padding together, smallest change first', () => {
    // ConvTranspose2d(8, 4, 3, stride=2, padding=1) on 5x5 gives (5 - 1)*2 - 2 + 3 = 9.
    const titles = (target: string) => {
      const text = decoder('x = self.up(x)').replace('padding=1)', `padding=1)  # convlens: output ${target}`);
      return readingProblems(read(text), (m) => m.input?.shape).map((p) => p.fixes.map((f) => f.title));
    };
    // 11 = 9 + 2: padding 0 (output_padding 0 kept); output_padding alone stops at 10.
    assert.deepStrictEqual(titles('11x11'), [['Set padding to 0 (output 11×11)']]);
    // 12 = 11 + 1: padding 0 and output_padding 1.
    assert.deepStrictEqual(titles('12x12'), [['Set padding to 0 and output_padding to 1 (output 12×12)']]);
    // 7 = 9 - 2: padding 2; 10: output_padding 1; 9: no problem.
    assert.deepStrictEqual(titles('7x7'), [['Set padding to 2 (output 7×7)']]);
    assert.deepStrictEqual(titles('10x10'), [['Set output_padding to 1 (output 10×10)']]);
    assert.deepStrictEqual(titles('1x4x9x9'), []);
  });
});
