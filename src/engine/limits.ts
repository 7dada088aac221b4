import { fail, ok, Result } from './result';
import { cellsOf, ConvGeometry, Grid, shapeOf, sweptGrid, weightShapeOf } from './geometry';
import { ConvProblem } from './spec';
import { im2colShape } from './views/im2col';

/** Size limits checked before anything large is allocated (the extension maps them to settings). */
export interface Limits {
  /** Characters of selected text; checked before the text is parsed (up to ~250 bytes per character, for Python). */
  maxSelectionCharacters: number;
  /** Cells of the input tensor and of the weight, each. */
  maxInputCells: number;
  maxOutputCells: number;
  maxKernelMatrixNonZeros: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxSelectionCharacters: 2_000_000,
  maxInputCells: 4_000_000,
  maxOutputCells: 4_000_000,
  maxKernelMatrixNonZeros: 100_000_000,
};

/** A refusal that names the limit it hit, so callers can say how to raise it. */
export type LimitCheck = Result<null> & { limit?: keyof Limits };

/** Multiply-adds of the direct computation, which also bounds the kernel matrix's non-zeros from above. */
export function multiplyAdds(problem: ConvProblem): number {
  const { small, weightDims } = problem.geometry;
  return small.depth * small.height * small.width * weightDims.reduce((product, d) => product * d, 1);
}

/**
 * What computing a problem costs, in cells and multiply-adds: the multiply-adds plus every grid `compute` lays out
 * (input, output, and the swept grid the fast engine pads the data into). A caller with a fixed budget (a hover)
 * compares this, not the multiply-adds alone, which a long stride or a wide padding leaves small.
 */
export function computeCost(problem: ConvProblem): number {
  const g = problem.geometry;
  return multiplyAdds(problem) + cellsOf(g.input) + cellsOf(g.output) + cellsOf(sweptGrid(g));
}

const count = (n: number): string => n.toLocaleString('en-US');

const refuse = (message: string, limit: keyof Limits): LimitCheck => ({ ...fail(message), limit });

/** Whether text of `length` characters may be parsed at all; callers check before they even read the text. */
export function checkSelectionLength(length: number, limits: Limits, what = 'The selection'): LimitCheck {
  if (length <= limits.maxSelectionCharacters) return ok(null);
  return refuse(
    `${what} has ${count(length)} characters, more than the limit of ${count(limits.maxSelectionCharacters)}.`,
    'maxSelectionCharacters',
  );
}

/** `2 x 3 x 4 = 24`: a grid's shape as the op writes it and its cells. */
const cellsText = (g: ConvGeometry, grid: Grid): string =>
  `${shapeOf(g, grid).map(count).join(' x ')} = ${count(cellsOf(grid))}`;

export function checkLimits(problem: ConvProblem, limits: Limits): LimitCheck {
  const g = problem.geometry;
  const { weight } = problem;
  if (cellsOf(g.input) > limits.maxInputCells) {
    return refuse(
      `The input has ${cellsText(g, g.input)} cells, more than the limit of ${count(limits.maxInputCells)}.`,
      'maxInputCells',
    );
  }
  if (weight.data.length > limits.maxInputCells) {
    return refuse(
      `The weight has ${weightShapeOf(g).join(' x ')} = ${count(weight.data.length)} cells, more than the limit of ${count(limits.maxInputCells)}.`,
      'maxInputCells',
    );
  }
  if (cellsOf(g.output) > limits.maxOutputCells) {
    return refuse(
      `The output would have ${cellsText(g, g.output)} cells, more than the limit of ${count(limits.maxOutputCells)}.`,
      'maxOutputCells',
    );
  }
  const swept = sweptGrid(g);
  const sweptLimit = g.transposed ? 'maxOutputCells' : 'maxInputCells';
  if (cellsOf(swept) > limits[sweptLimit]) {
    return refuse(
      `${g.transposed ? 'The output before padding crops it' : 'The padded input'} would have ${cellsText(g, swept)} cells, more than the limit of ${count(limits[sweptLimit])}.`,
      sweptLimit,
    );
  }
  const work = multiplyAdds(problem);
  if (work > limits.maxKernelMatrixNonZeros) {
    return refuse(
      `The kernel matrix would have up to ${count(work)} non-zeros, more than the limit of ${count(limits.maxKernelMatrixNonZeros)}.`,
      'maxKernelMatrixNonZeros',
    );
  }
  return ok(null);
}

/**
 * Cells the im2col view lays out: the matrix, `Cin*prod(kernel)` by `prod(output)`, and W_flat, `Cout` by
 * `Cin*prod(kernel)`. Neither is bounded by the multiply-adds: a transposed conv's columns are its output cells,
 * and W_flat holds the zeros between the groups.
 */
export function im2colCells(problem: ConvProblem): number {
  const { rows, cols } = im2colShape(problem);
  return rows * cols + problem.geometry.output.channels * rows;
}

/** Whether the im2col view fits the kernel matrix's budget (it is the same kind of matrix, laid out densely). */
export function checkIm2colLimits(problem: ConvProblem, limits: Limits): LimitCheck {
  const cells = im2colCells(problem);
  if (cells <= limits.maxKernelMatrixNonZeros) return ok(null);
  const { rows, cols } = im2colShape(problem);
  return refuse(
    `im2col would have ${count(rows)} x ${count(cols)} cells (with W_flat, ${count(cells)}), more than the limit of ${count(limits.maxKernelMatrixNonZeros)}.`,
    'maxKernelMatrixNonZeros',
  );
}
