/** A compressed-sparse-row matrix; column indices are sorted within each row. */
export interface CsrMatrix {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float64Array;
}

export function nonZeros(m: CsrMatrix): number {
  return m.indptr[m.rows];
}

/** Row vector times matrix: `x @ M`, x of length `rows`. */
export function vecTimes(x: ArrayLike<number>, m: CsrMatrix): Float64Array {
  const out = new Float64Array(m.cols);
  for (let r = 0; r < m.rows; r++) {
    const xr = x[r];
    if (xr === 0) continue;
    for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) out[m.indices[p]] += xr * m.data[p];
  }
  return out;
}

/** Row vector times the transpose: `y @ M^T`, y of length `cols`. */
export function vecTimesTranspose(y: ArrayLike<number>, m: CsrMatrix): Float64Array {
  const out = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    let sum = 0;
    for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) sum += m.data[p] * y[m.indices[p]];
    out[r] = sum;
  }
  return out;
}

/** Dense nested rows; callers check the size against their limit first. */
export function toDense(m: CsrMatrix): number[][] {
  const dense: number[][] = [];
  for (let r = 0; r < m.rows; r++) {
    const row = new Array<number>(m.cols).fill(0);
    for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) row[m.indices[p]] = m.data[p];
    dense.push(row);
  }
  return dense;
}

/** The matrix's entry at (row, col), by binary search in the row. */
export function entryAt(m: CsrMatrix, row: number, col: number): number {
  let lo = m.indptr[row];
  let hi = m.indptr[row + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = m.indices[mid];
    if (c === col) return m.data[mid];
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
