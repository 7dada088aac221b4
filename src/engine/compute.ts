import { adjoint, forward } from './convolve';
import { ConvProblem } from './spec';
import { Tensor3 } from './tensor';

export interface ConvResult {
  problem: ConvProblem;
  output: Tensor3;
  /** `vec(out) @ M^T` in the input's shape, from the output as computed (bias included). Not the inverse. */
  reconstruction: Tensor3;
}

export function compute(problem: ConvProblem): ConvResult {
  const output = forward(problem);
  return { problem, output, reconstruction: adjoint(problem, output) };
}
