import * as assert from 'assert';
import { compute, kernelMatrix, normalizeSpec, toDense } from '../../src/engine';
import { assertClose, flat } from '../support/approx';
import { loadGoldenCases } from '../support/golden';
import { SEED_KERNEL_MATRIX, SEED_OUTPUT, SEED_RECONSTRUCTION, SEED_SPEC } from '../support/seed';

describe('engine against PyTorch golden cases', () => {
  const cases = loadGoldenCases();

  it('has all 116 cases', () => assert.strictEqual(cases.length, 116));

  it("the seed example the tests share is PyTorch's seed-example case", () => {
    const seed = cases.find((c) => c.name === 'seed-example')!;
    assert.deepStrictEqual([seed.input, seed.weight], [[SEED_SPEC.input], [[SEED_SPEC.kernel]]]);
    assert.deepStrictEqual(
      [seed.expected, seed.reconstruction, seed.kernel_matrix],
      [[SEED_OUTPUT], SEED_RECONSTRUCTION, SEED_KERNEL_MATRIX],
    );
  });

  cases.forEach((golden, i) => {
    it(`#${i} ${golden.name}: output${golden.kernel_matrix ? ', kernel matrix, reconstruction' : ''}`, () => {
      const problem = normalizeSpec(golden);
      assert.ok(problem.ok, problem.ok ? '' : problem.error.message);
      const result = compute(problem.value);
      const e = golden.expected;
      assert.deepStrictEqual(
        [result.output.channels, result.output.height, result.output.width],
        [e.length, e[0].length, e[0][0].length],
      );
      assertClose(result.output.data, flat(e), 'output');
      if (golden.kernel_matrix) assert.deepStrictEqual(toDense(kernelMatrix(problem.value)), golden.kernel_matrix);
      if (golden.reconstruction) assertClose(result.reconstruction.data, flat(golden.reconstruction), 'reconstruction');
    });
  });
});
