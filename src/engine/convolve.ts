import { ConvProblem } from './spec';
import { forEachTap } from './taps';
import { Tensor, tensorOf } from './tensor';

/** The forward pass `vec(out) = vec(in) @ M` (+ bias), for every op. */
export function forward(problem: ConvProblem): Tensor {
  const out = tensorOf(problem.geometry.output);
  if (problem.bias) {
    const volume = out.data.length / out.channels;
    for (let c = 0; c < out.channels; c++) out.data.fill(problem.bias[c], c * volume, (c + 1) * volume);
  }
  const x = problem.input.data;
  const w = problem.weight.data;
  const y = out.data;
  forEachTap(problem, (row, col, k) => {
    y[col] += x[row] * w[k];
  });
  return out;
}

/**
 * The transposed map `vec(out) @ M^T`: sends an output-shaped tensor back to the input's shape.
 * It is the adjoint of the forward map, not its inverse.
 */
export function adjoint(problem: ConvProblem, outputLike: Tensor): Tensor {
  const back = tensorOf(problem.geometry.input);
  const y = outputLike.data;
  const w = problem.weight.data;
  const r = back.data;
  forEachTap(problem, (row, col, k) => {
    r[row] += y[col] * w[k];
  });
  return back;
}
