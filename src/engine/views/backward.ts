import { adjoint } from '../convolve';
import { fastAdjoint } from '../fast';
import { cellsOf } from '../geometry';
import { KernelMatrixRows } from '../kernelMatrixRows';
import { ConvProblem } from '../spec';
import { forEachTap } from '../taps';
import { Tensor, tensorOf, Weight } from '../tensor';

/** The gradients of a loss with respect to everything the op reads, given the loss's gradient at the output. */
export interface BackwardPass {
  /** dL/d(out): the one given, or all ones (the gradient of `out.sum()`). */
  gradOutput: Tensor;
  /** dL/d(in) = vec(gradOutput) @ Mᵀ in the input's shape: the transposed op applied to the gradient. */
  gradInput: Tensor;
  /** dL/d(weight), the weight's dims: over every contact, the input cell times the output cell's gradient. */
  gradWeight: Weight;
  /** dL/d(bias), one per output channel: each channel's gradient summed; undefined without a bias. */
  gradBias: Float64Array | undefined;
}

/**
 * The backward pass of any op, rank and padding mode, as PyTorch's autograd computes it: a padded copy's contacts
 * are M's (folded onto the cell copied), so the gradients of every padding mode come out of the same contacts.
 */
export function backwardPass(problem: ConvProblem, gradOutput?: Tensor): BackwardPass {
  const g = problem.geometry;
  const gradient = gradOutput ?? tensorOf(g.output, new Float64Array(cellsOf(g.output)).fill(1));
  const gradWeight = new Float64Array(problem.weight.data.length);
  const x = problem.input.data;
  const dy = gradient.data;
  forEachTap(problem, (row, col, k) => {
    gradWeight[k] += x[row] * dy[col];
  });
  let gradBias: Float64Array | undefined;
  if (problem.bias) {
    const volume = cellsOf(g.output) / g.output.channels;
    gradBias = new Float64Array(g.output.channels);
    for (let c = 0; c < gradBias.length; c++) for (let i = 0; i < volume; i++) gradBias[c] += dy[c * volume + i];
  }
  return {
    gradOutput: gradient,
    gradInput: fastAdjoint(problem, gradient) ?? adjoint(problem, gradient),
    gradWeight: { dims: problem.weight.dims, data: gradWeight },
    gradBias,
  };
}

/** An (input cell, output cell) pair, flat indices row-major `[C][D][H][W]`. */
export interface CellPair {
  input: number;
  output: number;
}

/**
 * The (input cell, output cell) pairs weight element `weightIndex` joins: its gradient sums input cell times output
 * gradient over them. Ordered by output cell, then input cell.
 */
export function weightGradientPairs(problem: ConvProblem, weightIndex: number): CellPair[] {
  const pairs: CellPair[] = [];
  new KernelMatrixRows(problem).entriesOfWeight(weightIndex, (input, output) => pairs.push({ input, output }));
  return pairs.sort((a, b) => a.output - b.output || a.input - b.input);
}
