import { CsrMatrix } from '../sparse';
import { ConvProblem } from '../spec';
import { Tensor, tensorOf } from '../tensor';
import { JacobiSvdRun, Svd } from './jacobiSvd';

/** Past this many rows or columns of M the dense SVD is not worth waiting for in an editor. */
export const LEAST_SQUARES_LIMIT = { rows: 400, cols: 400 } as const;

export function leastSquaresAffordable(m: CsrMatrix): boolean {
  return m.rows <= LEAST_SQUARES_LIMIT.rows && m.cols <= LEAST_SQUARES_LIMIT.cols;
}

export interface PseudoInverseSolution {
  /** `y @ pinv(M)`: the smallest x with x @ M as close to y as possible. */
  x: Float64Array;
  /** The number of singular values kept; below `min(rows, cols)` some inputs cannot be told apart from the output. */
  rank: number;
  singularValues: Float64Array;
}

/** M (or M^T, whichever has fewer columns) dense and column-major, ready for the SVD. */
function denseColumns(m: CsrMatrix): { columns: Float64Array; rows: number; cols: number; transposed: boolean } {
  const { rows: n, cols: k } = m;
  const transposed = k > n;
  const columns = new Float64Array(n * k);
  for (let r = 0; r < n; r++) {
    for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) {
      const c = m.indices[p];
      columns[transposed ? r * k + c : c * n + r] = m.data[p];
    }
  }
  return transposed ? { columns, rows: k, cols: n, transposed } : { columns, rows: n, cols: k, transposed };
}

/** `y @ pinv(M)` from the SVD of M (or of M^T): M = U S V^T gives pinv(M) = V S+ U^T, M^T = U S V^T gives U S+ V^T. */
function applyPseudoInverse(
  svd: Svd,
  transposed: boolean,
  n: number,
  k: number,
  y: ArrayLike<number>,
): PseudoInverseSolution {
  const largest = svd.s.reduce((a, b) => Math.max(a, b), 0);
  // numpy's and MATLAB's default cut-off: singular values this small are rounding, not signal.
  const tolerance = Math.max(n, k) * 2.220446049250313e-16 * largest;
  const [yBasis, yLength, xBasis, xLength] = transposed
    ? [svd.u, svd.rows, svd.v, svd.cols]
    : [svd.v, svd.cols, svd.u, svd.rows];
  const x = new Float64Array(n);
  let rank = 0;
  for (let i = 0; i < svd.cols; i++) {
    if (!(svd.s[i] > tolerance)) continue;
    rank++;
    let t = 0;
    for (let q = 0; q < yLength; q++) t += y[q] * yBasis[i * yLength + q];
    t /= svd.s[i];
    for (let r = 0; r < xLength; r++) x[r] += t * xBasis[i * xLength + r];
  }
  return { x, rank, singularValues: Float64Array.from(svd.s).sort().reverse() };
}

/**
 * `y @ pinv(M)` with the Moore-Penrose pseudo-inverse from a Jacobi SVD, as resumable work (a page runs it a
 * few milliseconds per frame). Not mathjs `pinv`: its rank factorisation takes the wrong columns when M is
 * column-rank-deficient (josdejong/mathjs#3373: it throws on such conv matrices) and it takes seconds here.
 */
export class PseudoInverseRun {
  private readonly svd: JacobiSvdRun;
  private readonly transposed: boolean;
  private solution: PseudoInverseSolution | undefined;

  constructor(
    private readonly m: CsrMatrix,
    private readonly y: ArrayLike<number>,
  ) {
    const dense = denseColumns(m);
    this.transposed = dense.transposed;
    this.svd = new JacobiSvdRun(dense.columns, dense.rows, dense.cols);
  }

  get sweeps(): number {
    return this.svd.sweeps;
  }

  advance(keepGoing: () => boolean = () => true): PseudoInverseSolution | undefined {
    if (this.solution) return this.solution;
    const svd = this.svd.advance(keepGoing);
    if (svd) this.solution = applyPseudoInverse(svd, this.transposed, this.m.rows, this.m.cols, this.y);
    return this.solution;
  }
}

export function timesPseudoInverse(m: CsrMatrix, y: ArrayLike<number>): PseudoInverseSolution {
  return new PseudoInverseRun(m, y).advance() as PseudoInverseSolution;
}

export interface LeastSquaresInverse {
  /** `(vec(out) - bias) @ pinv(M)` in the input's shape. */
  inverse: Tensor;
  /** `inverse - input`: zero wherever the output determines the input. */
  difference: Tensor;
  maxAbsDifference: number;
  rank: number;
  rows: number;
  cols: number;
}

/** `vec(out) - bias`: the bias is a shift, not part of M, so the inverse undoes it first. */
export function withoutBias(problem: ConvProblem, output: Tensor): Float64Array {
  const y = Float64Array.from(output.data);
  if (problem.bias) {
    const volume = y.length / output.channels;
    for (let i = 0; i < y.length; i++) y[i] -= problem.bias[Math.floor(i / volume)];
  }
  return y;
}

/** The pseudo-inverse solution set beside the input it tries to recover. */
export function compareWithInput(
  problem: ConvProblem,
  m: CsrMatrix,
  solution: PseudoInverseSolution,
): LeastSquaresInverse {
  const difference = new Float64Array(solution.x.length);
  let maxAbsDifference = 0;
  for (let i = 0; i < difference.length; i++) {
    difference[i] = solution.x[i] - problem.input.data[i];
    maxAbsDifference = Math.max(maxAbsDifference, Math.abs(difference[i]));
  }
  return {
    inverse: tensorOf(problem.input, solution.x),
    difference: tensorOf(problem.input, difference),
    maxAbsDifference,
    rank: solution.rank,
    rows: m.rows,
    cols: m.cols,
  };
}

/** The least-squares inverse of the forward map, to set beside the reconstruction `vec(out) @ M^T`. */
export function leastSquaresInverse(problem: ConvProblem, m: CsrMatrix, output: Tensor): LeastSquaresInverse {
  return compareWithInput(problem, m, timesPseudoInverse(m, withoutBias(problem, output)));
}
