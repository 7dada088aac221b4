/** Turns a validated problem into what the panel draws: the one place the host computes for the webview. */
import {
  compute,
  ConvProblem,
  ConvResult,
  CsrMatrix,
  kernelMatrix,
  kernelMatrixNonZeros,
  outputSizeFormulas,
} from '../engine';
import { ConvView, MAX_POSTED_KERNEL_MATRIX_NON_ZEROS, NumberFormat } from '../protocol/messages';

/** M as CSR when it is small enough to post; a larger one is neither built nor sent (the webview computes what it
 * shows). */
function postedKernelMatrix(problem: ConvProblem): CsrMatrix | undefined {
  return kernelMatrixNonZeros(problem) <= MAX_POSTED_KERNEL_MATRIX_NON_ZEROS ? kernelMatrix(problem) : undefined;
}

export function buildConvView(
  problem: ConvProblem,
  spec: Record<string, unknown>,
  source: string,
  format: NumberFormat,
  result: ConvResult = compute(problem),
): ConvView {
  return {
    source,
    spec,
    geometry: problem.geometry,
    formulas: outputSizeFormulas(problem.geometry),
    input: problem.input,
    weight: problem.weight,
    bias: problem.bias,
    output: result.output,
    reconstruction: result.reconstruction,
    kernelMatrix: postedKernelMatrix(problem),
    format,
  };
}
