import { compute, ConvProblem, ConvResult, kernelMatrix, nonZeros, tensor3ToNested, toDense } from '../engine';
import { CliOptions } from './args';

/** Dense kernel matrices above this many entries are given as CSR instead. */
export const DENSE_KERNEL_MATRIX_LIMIT = 1_000_000;

/** The CLI's JSON for one solved spec: output and reconstruction as `[C][H][W]`, the kernel matrix as asked. */
export function jsonResult(
  problem: ConvProblem,
  mode: CliOptions['kernelMatrix'],
  result: ConvResult = compute(problem),
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    output: tensor3ToNested(result.output),
    reconstruction: tensor3ToNested(result.reconstruction),
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
