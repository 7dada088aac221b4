import * as assert from 'assert';
import { outputShape, shapesThrough } from '../../../src/python/shapes';
import { loadGoldenShapes } from '../../support/golden';

// Every layer of test/fixtures/golden-shapes.json gives PyTorch's output shape, or PyTorch's message word for word.

const golden = loadGoldenShapes();
/** Where an output_size is written does not change what it does. */
const NOWHERE = { start: 0, end: 0 };

describe('layer shapes match PyTorch (golden-shapes.json)', () => {
  for (const kind of [...new Set(golden.cases.map((c) => c.layer.kind))]) {
    it(`${kind}: every case's shape or message`, () => {
      const cases = golden.cases.filter((c) => c.layer.kind === kind);
      const wrong = cases.flatMap((c) => {
        const outcome = outputShape(c.layer, c.input);
        const got = outcome.ok ? { output: [...outcome.shape] } : { error: outcome.message };
        const expected = c.error !== undefined ? { error: c.error } : { output: c.output };
        return JSON.stringify(got) === JSON.stringify(expected)
          ? []
          : [
              `${c.name} (${c.form}) ${JSON.stringify(c.layer)} on [${c.input}]:\n  got      ${JSON.stringify(got)}\n  expected ${JSON.stringify(expected)}`,
            ];
      });
      assert.ok(cases.length >= 8, `${kind}: only ${cases.length} cases`);
      assert.deepStrictEqual(wrong, []);
    });
  }

  it("a ConvTranspose's forward given output_size=: every case's shape or message", () => {
    const wrong = golden.requested.flatMap((c) => {
      const outcome = outputShape(c.layer, c.input, { ...c.outputSize, span: NOWHERE });
      const got = outcome.ok ? { output: [...outcome.shape] } : { error: outcome.message };
      const expected = c.error !== undefined ? { error: c.error } : { output: c.output };
      return JSON.stringify(got) === JSON.stringify(expected)
        ? []
        : [
            `${c.name} ${JSON.stringify(c.outputSize)} on [${c.input}]:\n  got      ${JSON.stringify(got)}\n  expected ${JSON.stringify(expected)}`,
          ];
    });
    const refused = golden.requested.filter((c) => c.error?.startsWith('requested an output size')).length;
    assert.ok(golden.requested.length >= 100 && refused >= 10, `${golden.requested.length} cases, ${refused} refused`);
    assert.deepStrictEqual(wrong, []);
  });

  for (const stack of golden.stacks) {
    it(`stack "${stack.name}": the shape after each step, and the step that fails`, () => {
      const requests = (stack.outputSizes ?? []).map((r) => r ?? undefined);
      const through = shapesThrough(
        stack.steps,
        stack.input,
        requests.map((r) => r && { ...r, span: NOWHERE }),
      );
      assert.deepStrictEqual(
        through.shapes.map((s) => [...s]),
        stack.shapes,
      );
      assert.deepStrictEqual(
        through.failure && { step: through.failure.step, error: through.failure.message },
        stack.failure,
      );
    });
  }
});
