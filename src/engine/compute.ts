import { adjoint, forward } from './convolve';
import { fastAdjoint, fastForward } from './fast';
import { ConvProblem } from './spec';
import { Tensor } from './tensor';

export interface ConvResult {
  problem: ConvProblem;
  output: Tensor;
  /** `vec(out) @ M^T` in the input's shape, from the output as computed (bias included). Not the inverse. */
  reconstruction: Tensor;
}

/** Both passes on the fast engine (WebAssembly SIMD), or on the reference `forward`/`adjoint` where it cannot run. */
export function compute(problem: ConvProblem): ConvResult {
  const output = fastForward(problem) ?? forward(problem);
  return { problem, output, reconstruction: fastAdjoint(problem, output) ?? adjoint(problem, output) };
}
