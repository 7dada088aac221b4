import * as assert from 'assert';
import { forwardInputSizes, transposedChoices } from '../../src/engine';
import { loadGoldenShapes } from '../support/golden';

const golden = loadGoldenShapes().transposed;

/** ConvTranspose1d's output size as torch.nn.ConvTranspose1d's docs write it, in plain arithmetic. */
const transposedOutput = (k: number, s: number, p: number, d: number, op: number, n: number) =>
  (n - 1) * s - 2 * p + d * (k - 1) + op + 1;

describe('transposed sizes solved (golden-shapes.json, transposed)', () => {
  it('has cases where several forward sizes share one output', () => {
    assert.ok(golden.filter((c) => c.forwardInputs.length > 1).length >= 10);
  });

  for (const c of golden) {
    const axis = { kernel: c.kernel, stride: c.stride, dilation: c.dilation, input: c.input };
    const label = `k=${c.kernel} s=${c.stride} p=${c.padding} d=${c.dilation}, input ${c.input}`;

    it(`${label}: the forward sizes conv1d maps onto it, each given back by its output_padding`, () => {
      const found = forwardInputSizes(axis, c.padding);
      assert.deepStrictEqual(
        found.map((f) => f.size),
        c.forwardInputs,
      );
      const outputs = new Map(c.outputs);
      for (const { size, outputPadding } of found) assert.strictEqual(outputs.get(outputPadding), size);
    });

    it(`${label}: every (padding, output_padding) for each size PyTorch gives, and only those`, () => {
      for (const [outputPadding, size] of c.outputs) {
        const choices = transposedChoices(axis, size);
        assert.ok(
          choices.some((x) => x.padding === c.padding && x.outputPadding === outputPadding),
          `${size}: ${JSON.stringify(choices)}`,
        );
        for (const x of choices) {
          const reached = transposedOutput(c.kernel, c.stride, x.padding, c.dilation, x.outputPadding, c.input);
          assert.strictEqual(reached, size);
          assert.ok(x.outputPadding < c.stride || x.outputPadding < c.dilation);
        }
      }
    });
  }
});
