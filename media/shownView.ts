/**
 * What the page draws: the posted view and everything that follows from it, computed here by the engine the host
 * uses (the same code gives the same doubles), since that costs less than carrying it in the message.
 */
import { compute, kernelMatrix, kernelMatrixNonZeros, type CsrMatrix, type Tensor } from '../src/engine';
import type { PostedView } from '../src/protocol/messages';
import { problemOf } from '../src/view/problem';

/**
 * The largest M the page builds as CSR, for the least-squares inverse and the transposed faces: 200,000 non-zeros
 * are 2.4 MB (512 x 512, k5: 77 MB). A larger one is drawn from the geometry (`KernelMatrixRows`) alone.
 */
export const MAX_CSR_KERNEL_MATRIX_NON_ZEROS = 200_000;

export interface ShownView extends PostedView {
  output: Tensor;
  reconstruction: Tensor;
  /** `vec(out) = vec(in) @ kernelMatrix` as CSR, while it has at most `MAX_CSR_KERNEL_MATRIX_NON_ZEROS` non-zeros. */
  kernelMatrix?: CsrMatrix;
}

export function shownView(posted: PostedView): ShownView {
  const problem = problemOf(posted);
  const { output, reconstruction } = compute(problem);
  const small = kernelMatrixNonZeros(problem) <= MAX_CSR_KERNEL_MATRIX_NON_ZEROS;
  return { ...posted, output, reconstruction, kernelMatrix: small ? kernelMatrix(problem) : undefined };
}
