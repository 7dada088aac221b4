import { CsrMatrix } from './sparse';
import { ConvProblem } from './spec';
import { forEachTap } from './taps';

/** The number of non-zeros the kernel matrix will hold, so callers can refuse before allocating. */
export function kernelMatrixNonZeros(problem: ConvProblem): number {
  let count = 0;
  forEachTap(problem, () => {
    count++;
  });
  return count;
}

/**
 * The unrolled kernel matrix M with `vec(out) = vec(in) @ M`: one row per input cell (`Cin*H*W`), one column
 * per output cell (`Cout*oH*oW`). Built in two passes over the taps (count, then fill): time and memory
 * proportional to the non-zeros, never to rows*cols.
 */
export function kernelMatrix(problem: ConvProblem): CsrMatrix {
  const { input, output, weight } = problem;
  const rows = input.channels * input.height * input.width;
  const cols = output.channels * output.height * output.width;
  const indptr = new Int32Array(rows + 1);
  forEachTap(problem, (row) => {
    indptr[row + 1]++;
  });
  for (let r = 0; r < rows; r++) indptr[r + 1] += indptr[r];
  const indices = new Int32Array(indptr[rows]);
  const data = new Float64Array(indptr[rows]);
  const next = indptr.slice(0, rows);
  forEachTap(problem, (row, col, k) => {
    const p = next[row]++;
    indices[p] = col;
    data[p] = weight.data[k];
  });
  sortRows(indptr, indices, data);
  return { rows, cols, indptr, indices, data };
}

/** Insertion sort per row: rows are short (at most Cout*kh*kw entries) and the taps arrive nearly sorted. */
function sortRows(indptr: Int32Array, indices: Int32Array, data: Float64Array): void {
  for (let r = 0; r + 1 < indptr.length; r++) {
    for (let i = indptr[r] + 1; i < indptr[r + 1]; i++) {
      const col = indices[i];
      const value = data[i];
      let j = i - 1;
      for (; j >= indptr[r] && indices[j] > col; j--) {
        indices[j + 1] = indices[j];
        data[j + 1] = data[j];
      }
      indices[j + 1] = col;
      data[j + 1] = value;
    }
  }
}
