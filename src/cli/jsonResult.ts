import { compute, ConvProblem, ConvResult, kernelMatrix, nonZeros, shapeOf, toDense, toNested } from '../engine';
import { CliOptions } from './args';

/** Dense kernel matrices above this many entries are given as CSR instead. */
export const DENSE_KERNEL_MATRIX_LIMIT = 1_000_000;

/**
 * The CLI's JSON for one solved spec: output and reconstruction channels first (`[C][L]`, `[C][H][W]` or
 * `[C][D][H][W]`, even for one channel), the kernel matrix as asked.
 */
export function jsonResult(
  problem: ConvProblem,
  mode: CliOptions['kernelMatrix'],
  result: ConvResult = compute(problem),
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    output: toNested(result.output.data, shapeOf(problem.geometry, result.output)),
    reconstruction: toNested(result.reconstruction.data, shapeOf(problem.geometry, result.reconstruction)),
  };
  if (mode === 'none') return json;
  const m = kernelMatrix(problem);
  if (mode === 'dense' && m.rows * m.cols <= DENSE_KERNEL_MATRIX_LIMIT) {
    json.kernel_matrix = toDense(m);
  } else {
    json.kernel_matrix = {
      rows: m.rows,
      cols: m.cols,
      nnz: nonZeros(m),
      indptr: Array.from(m.indptr),
      indices: Array.from(m.indices),
      data: Array.from(m.data),
    };
  }
  return json;
}
