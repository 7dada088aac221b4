import { ConvProblem, CsrMatrix, forEachTap, nonZeros } from '../../src/engine';

/** Past this many non-zeros, "which weight made this entry" is not worked out (it costs a pass over all taps). */
const MAX_WEIGHT_LINKS = 4_000_000;

/**
 * Reads the kernel matrix both ways for linked highlighting: row i of M lists the output cells input cell i
 * feeds, column j the input cells output cell j reads (its receptive field). Column and weight lookups are
 * built on first use, in time proportional to the non-zeros.
 */
export class KernelMatrixIndex {
  private columns: { colptr: Int32Array; rows: Int32Array } | undefined;
  private weights: { ofEntry: Int32Array; byWeight: Int32Array; start: Int32Array } | null | undefined;

  constructor(
    readonly m: CsrMatrix,
    private readonly problem: ConvProblem,
  ) {}

  /** Output cells fed by input cell `row`. */
  outputsOf(row: number): Int32Array {
    return this.m.indices.subarray(this.m.indptr[row], this.m.indptr[row + 1]);
  }

  /** Input cells read by output cell `col`: its receptive field. */
  receptiveField(col: number): Int32Array {
    const { colptr, rows } = (this.columns ??= transpose(this.m));
    return rows.subarray(colptr[col], colptr[col + 1]);
  }

  /** The flat weight index behind entry (row, col), if it is stored. */
  weightAt(row: number, col: number): number | undefined {
    const weights = this.weightLinks();
    const p = this.position(row, col);
    return weights && p >= 0 ? weights.ofEntry[p] : undefined;
  }

  /** Every (row, col) of M holding weight `k`: weight sharing made visible. */
  entriesOfWeight(k: number, visit: (row: number, col: number) => void): void {
    const weights = this.weightLinks();
    if (!weights) return;
    for (let q = weights.start[k]; q < weights.start[k + 1]; q++) {
      const p = weights.byWeight[q];
      visit(this.rowOf(p), this.m.indices[p]);
    }
  }

  private position(row: number, col: number): number {
    let lo = this.m.indptr[row];
    let hi = this.m.indptr[row + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.m.indices[mid];
      if (c === col) return mid;
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private rowOf(p: number): number {
    let lo = 0;
    let hi = this.m.rows - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.m.indptr[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private weightLinks() {
    if (this.weights !== undefined) return this.weights;
    const count = nonZeros(this.m);
    if (count > MAX_WEIGHT_LINKS) return (this.weights = null);
    const ofEntry = new Int32Array(count).fill(-1);
    forEachTap(this.problem, (row, col, k) => {
      const p = this.position(row, col);
      if (p >= 0) ofEntry[p] = k;
    });
    // Group entry positions by weight (a counting sort), so hovering a weight lists its entries directly.
    const weightCount = this.problem.weight.data.length;
    const start = new Int32Array(weightCount + 1);
    for (const k of ofEntry) if (k >= 0) start[k + 1]++;
    for (let k = 0; k < weightCount; k++) start[k + 1] += start[k];
    const next = start.slice(0, weightCount);
    const byWeight = new Int32Array(start[weightCount]);
    ofEntry.forEach((k, p) => {
      if (k >= 0) byWeight[next[k]++] = p;
    });
    return (this.weights = { ofEntry, byWeight, start });
  }
}

/** CSR to its columns (a counting sort over the non-zeros). */
function transpose(m: CsrMatrix): { colptr: Int32Array; rows: Int32Array } {
  const colptr = new Int32Array(m.cols + 1);
  for (let p = 0; p < nonZeros(m); p++) colptr[m.indices[p] + 1]++;
  for (let c = 0; c < m.cols; c++) colptr[c + 1] += colptr[c];
  const next = colptr.slice(0, m.cols);
  const rows = new Int32Array(nonZeros(m));
  for (let r = 0; r < m.rows; r++) {
    for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) rows[next[m.indices[p]]++] = r;
  }
  return { colptr, rows };
}
