import { fail, ok, Result } from './result';
import { ConvProblem } from './spec';

/** Size limits checked before anything large is allocated (the extension maps them to settings). */
export interface Limits {
  maxOutputCells: number;
  maxKernelMatrixNonZeros: number;
}

export const DEFAULT_LIMITS: Limits = { maxOutputCells: 4_000_000, maxKernelMatrixNonZeros: 10_000_000 };

/** Multiply-adds of the direct computation, which also bounds the kernel matrix's non-zeros from above. */
export function multiplyAdds(problem: ConvProblem): number {
  const [d0, d1, kh, kw] = problem.weight.dims;
  const small = problem.params.op === 'conv2d' ? problem.output : problem.input;
  return small.height * small.width * d0 * d1 * kh * kw;
}

const count = (n: number): string => n.toLocaleString('en-US');

export function checkLimits(problem: ConvProblem, limits: Limits): Result<null> & { limit?: keyof Limits } {
  const { channels, height, width } = problem.output;
  const cells = channels * height * width;
  if (cells > limits.maxOutputCells) {
    return { ...fail(`The output would have ${channels} x ${height} x ${width} = ${count(cells)} cells, more than the limit of ${count(limits.maxOutputCells)}.`), limit: 'maxOutputCells' };
  }
  const work = multiplyAdds(problem);
  if (work > limits.maxKernelMatrixNonZeros) {
    return {
      ...fail(`The kernel matrix would have up to ${count(work)} non-zeros, more than the limit of ${count(limits.maxKernelMatrixNonZeros)}.`),
      limit: 'maxKernelMatrixNonZeros',
    };
  }
  return ok(null);
}
