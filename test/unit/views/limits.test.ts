import * as assert from 'assert';
import { checkIm2colLimits, checkLimits, DEFAULT_LIMITS, im2colCells, normalizeSpec } from '../../../src/engine';
import { SEED_SPEC } from '../../support/seed';

function solve(spec: unknown) {
  const problem = normalizeSpec(spec);
  assert.ok(problem.ok, problem.ok ? '' : problem.error.message);
  return problem.value;
}

describe('im2col is counted before it is built', () => {
  const seed = solve(SEED_SPEC);

  it('counts the matrix and W_flat: the seed has 4 kernel positions x 4 output cells, and a 1 x 4 W_flat', () => {
    assert.strictEqual(im2colCells(seed), 4 * 4 + 4);
    const limits = { ...DEFAULT_LIMITS, maxKernelMatrixNonZeros: 20 };
    assert.deepStrictEqual(checkIm2colLimits(seed, limits), { ok: true, value: null });
  });

  it('a refusal says what it counted and names the limit', () => {
    const refused = checkIm2colLimits(seed, { ...DEFAULT_LIMITS, maxKernelMatrixNonZeros: 19 });
    assert.ok(!refused.ok);
    assert.strictEqual(refused.limit, 'maxKernelMatrixNonZeros');
    assert.strictEqual(
      refused.error.message,
      'im2col would have 4 x 4 cells (with W_flat, 20), more than the limit of 19.',
    );
  });

  it('a long-strided transposed conv: 2 multiply-adds, but 1,001 columns', () => {
    const problem = solve({ op: 'conv_transpose1d', input: [1, 2], kernel: [3], stride: 1000 });
    const limits = { ...DEFAULT_LIMITS, maxKernelMatrixNonZeros: 1000 };
    assert.ok(checkLimits(problem, limits).ok, 'the op itself fits');
    assert.strictEqual(im2colCells(problem), 1001 + 1);
    assert.strictEqual(checkIm2colLimits(problem, limits).limit, 'maxKernelMatrixNonZeros');
  });
});
