import { AxisTaps } from './axisTaps';
import { KernelMatrixRows, RunSink, runEntry } from './kernelMatrixRows';
import { CsrMatrix } from './sparse';
import { ConvProblem } from './spec';

/** The number of non-zeros the kernel matrix will hold, in closed form from the per-axis taps, before allocating it. */
export function kernelMatrixNonZeros(problem: ConvProblem): number {
  return new KernelMatrixRows(problem).nonZeros;
}

/** Writes runs, in order, into the CSR; `indptr[row + 1]` ends up at its row's end, 0 for rows without entries. */
class CsrFill implements RunSink {
  private p = 0;

  constructor(
    private readonly xs: AxisTaps,
    private readonly weight: Float64Array,
    readonly indptr: Int32Array,
    readonly indices: Int32Array,
    readonly data: Float64Array,
  ) {}

  run(row: number, colBase: number, bases: Int32Array, baseCount: number, x: number): void {
    const { xs, weight, indices, data } = this;
    let p = this.p;
    for (let b = xs.start[x]; b < xs.start[x + 1]; b++) {
      indices[p] = colBase + xs.outputIndex[b];
      data[p++] = runEntry(xs, weight, bases, baseCount, b);
    }
    this.indptr[row + 1] = this.p = p;
  }
}

/**
 * The unrolled kernel matrix M with `vec(out) = vec(in) @ M`: one row per input cell (`Cin*D*H*W`), one
 * column per output cell (`Cout*oD*oH*oW`). Its rows come in column order from `KernelMatrixRows`, so time and memory
 * are proportional to the non-zeros, never to rows*cols, and nothing needs sorting.
 */
export function kernelMatrix(problem: ConvProblem): CsrMatrix {
  const m = new KernelMatrixRows(problem);
  const indptr = new Int32Array(m.rows + 1);
  const fill = new CsrFill(m.xs, problem.weight.data, indptr, new Int32Array(m.nonZeros), new Float64Array(m.nonZeros));
  m.visitRuns(0, m.rows, fill);
  // A row without entries ends where the one before it does.
  for (let row = 0; row < m.rows; row++) indptr[row + 1] = Math.max(indptr[row + 1], indptr[row]);
  return { rows: m.rows, cols: m.cols, indptr, indices: fill.indices, data: fill.data };
}
