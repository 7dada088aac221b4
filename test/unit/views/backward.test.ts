import * as assert from 'assert';
import {
  backwardPass,
  ConvProblem,
  forward,
  normalizeSpec,
  readGradOutput,
  Tensor,
  tensorOf,
  weightGradientPairs,
} from '../../../src/engine';
import { assertClose, flat } from '../../support/approx';
import { GoldenViewsCase, loadGoldenViewsCases } from '../../support/golden';
import { SEED_SPEC } from '../../support/seed';

function solve(spec: unknown): ConvProblem {
  const problem = normalizeSpec(spec);
  assert.ok(problem.ok, problem.ok ? '' : problem.error.message);
  return problem.value;
}

const gradOutputOf = (problem: ConvProblem, nested: unknown): Tensor =>
  tensorOf(problem.geometry.output, Float64Array.from(flat(nested)));

/**
 * The other op of the pair with the same weight and parameters, which takes an output-shaped tensor back to the
 * input's shape: PyTorch's grad_input is this op applied to grad_output (zeros padding only; undefined where the
 * pair cannot express it: "same" with an odd total, or an output_padding the conv's floor cannot undo).
 */
function transposedOpSpec(golden: GoldenViewsCase, gradOutput: unknown): Record<string, unknown> | undefined {
  const problem = solve(golden);
  const g = problem.geometry;
  const axes = g.axes.slice(3 - g.rank);
  if (axes.some((a) => a.padBefore !== a.padAfter)) return undefined;
  const rank = g.rank;
  const common = {
    input: gradOutput,
    weight: golden.weight,
    stride: axes.map((a) => a.stride),
    padding: axes.map((a) => a.padBefore),
    dilation: axes.map((a) => a.dilation),
    groups: g.groups,
  };
  if (g.transposed) {
    if (axes.some((a) => a.outputPadding >= a.stride)) return undefined;
    return { ...common, op: `conv${rank}d` };
  }
  // The cells the conv's stride left unread at the end come back as output_padding.
  const outputPadding = axes.map((a) => a.input - ((a.output - 1) * a.stride - 2 * a.padBefore + a.span));
  return { ...common, op: `conv_transpose${rank}d`, output_padding: outputPadding };
}

describe('backward pass against PyTorch autograd (golden-views.json)', () => {
  const cases = loadGoldenViewsCases();

  cases.forEach((golden, i) => {
    it(`#${i} ${golden.name}: grad_input, grad_weight, grad_bias for grad_output ones and random`, () => {
      const problem = solve(golden);
      golden.backward.forEach((expected, which) => {
        const what = which === 0 ? 'ones' : 'random';
        const pass = backwardPass(problem, gradOutputOf(problem, expected.grad_output));
        assertClose(pass.gradInput.data, flat(expected.grad_input), `${what}: grad_input`);
        assertClose(pass.gradWeight.data, flat(expected.grad_weight), `${what}: grad_weight`);
        assert.deepStrictEqual(pass.gradWeight.dims, problem.weight.dims, `${what}: the weight's dims`);
        if (expected.grad_bias === null) assert.strictEqual(pass.gradBias, undefined, 'no bias, no gradient');
        else assertClose(pass.gradBias!, expected.grad_bias, `${what}: grad_bias`);
      });
      const byDefault = backwardPass(problem);
      assert.deepStrictEqual(Array.from(byDefault.gradOutput.data), flat(golden.backward[0].grad_output), 'ones');
      assertClose(byDefault.gradWeight.data, flat(golden.backward[0].grad_weight), 'default: grad_weight');
    });

    it(`#${i} ${golden.name}: each weight's gradient sums its (input, output) pairs`, () => {
      const problem = solve(golden);
      const { grad_output, grad_weight } = golden.backward[1];
      const dy = flat(grad_output);
      const x = problem.input.data;
      const expected = flat(grad_weight);
      const sums = expected.map((_, k) =>
        weightGradientPairs(problem, k).reduce((sum, p) => sum + x[p.input] * dy[p.output], 0),
      );
      assertClose(sums, expected, 'sum over weightGradientPairs of input x grad_output');
    });
  });

  describe('identities', () => {
    const zeros = cases.filter((c) => c.padding_mode === 'zeros');

    it('grad_input is the other op of the pair applied to grad_output (zeros padding)', () => {
      let checked = 0;
      for (const golden of zeros) {
        const { grad_output } = golden.backward[1];
        const other = transposedOpSpec(golden, grad_output);
        if (!other) continue;
        const problem = solve(golden);
        const back = forward(solve(other));
        assertClose(backwardPass(problem, gradOutputOf(problem, grad_output)).gradInput.data, back.data, golden.name);
        checked++;
      }
      assert.ok(checked > 150, `${checked} cases`);
    });

    it('each bias gradient is its channel of grad_output summed', () => {
      for (const golden of cases.filter((c) => c.bias !== null)) {
        const problem = solve(golden);
        const dy = gradOutputOf(problem, golden.backward[1].grad_output);
        const volume = dy.data.length / dy.channels;
        const sums = Array.from({ length: dy.channels }, (_, c) =>
          dy.data.subarray(c * volume, (c + 1) * volume).reduce((a, b) => a + b, 0),
        );
        assert.deepStrictEqual(Array.from(backwardPass(problem, dy).gradBias!), sums, golden.name);
      }
    });
  });
});

describe('readGradOutput', () => {
  const spec = SEED_SPEC;
  const read = (gradOutput: unknown) => readGradOutput({ ...spec, grad_output: gradOutput }, solve(spec).geometry);

  it('is undefined when absent, and takes the output shape with or without its one channel', () => {
    assert.deepStrictEqual(readGradOutput(spec, solve(spec).geometry), { ok: true, value: undefined });
    for (const value of [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
    ]) {
      const r = read(value);
      assert.ok(r.ok && r.value);
      assert.deepStrictEqual(Array.from(r.value.data), [1, 2, 3, 4]);
    }
  });

  it('a wrong shape or a non-number is refused with a message pointing at grad_output', () => {
    const wrong = read([[1, 2, 3]]);
    assert.ok(!wrong.ok);
    assert.strictEqual(
      wrong.error.message,
      "grad_output must have the output's shape [1, 2, 2], but it has shape [1, 3].",
    );
    assert.deepStrictEqual(wrong.error.path, ['grad_output']);
    const text = read([
      [1, 'x'],
      [3, 4],
    ]);
    assert.ok(!text.ok);
    assert.deepStrictEqual(text.error.path.slice(0, 1), ['grad_output']);
  });
});
