import { ConvProblem } from './spec';
import { forEachTap } from './taps';
import { Tensor3, tensor3 } from './tensor';

/** The forward pass `vec(out) = vec(in) @ M` (+ bias), for conv2d and conv_transpose2d alike. */
export function forward(problem: ConvProblem): Tensor3 {
  const { channels, height, width } = problem.output;
  const out = tensor3(channels, height, width);
  if (problem.bias) {
    const plane = height * width;
    for (let c = 0; c < channels; c++) out.data.fill(problem.bias[c], c * plane, (c + 1) * plane);
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
export function adjoint(problem: ConvProblem, outputLike: Tensor3): Tensor3 {
  const { channels, height, width } = problem.input;
  const back = tensor3(channels, height, width);
  const y = outputLike.data;
  const w = problem.weight.data;
  const r = back.data;
  forEachTap(problem, (row, col, k) => {
    r[row] += y[col] * w[k];
  });
  return back;
}
