/**
 * The thin singular value decomposition `A = U diag(s) V^T` of a dense `rows x cols` matrix (rows >= cols
 * works best) by one-sided Jacobi rotations: cols^2 * rows work per sweep, but simple and accurate, also for
 * the rank-deficient matrices convolutions often give.
 * Not mathjs's pinv: it threw "determinant is zero" on rank-deficient conv matrices and took seconds at 400 x 400.
 */
export interface Svd {
  rows: number;
  cols: number;
  /** Column-major: column i of U is `u[i*rows .. (i+1)*rows)`; zero where `s[i]` is zero. */
  u: Float64Array;
  s: Float64Array;
  /** Column-major: column i of V is `v[i*cols .. (i+1)*cols)`. */
  v: Float64Array;
  /** Whether the sweeps converged (they practically always do within the limit). */
  converged: boolean;
}

const MAX_SWEEPS = 60;
const EPS = 2.220446049250313e-16;

/**
 * The decomposition as resumable work, so a page can spread it over frames: call `advance` until it returns
 * the result. `columns` holds A column-major (`columns[c*rows + r] = A[r][c]`) and is overwritten.
 */
export class JacobiSvdRun {
  private readonly v: Float64Array;
  private readonly norms: Float64Array;
  private sweep = 0;
  private i = 0;
  private rotatedThisSweep = false;
  private result: Svd | undefined;

  constructor(
    private readonly a: Float64Array,
    readonly rows: number,
    readonly cols: number,
  ) {
    this.v = new Float64Array(cols * cols);
    for (let i = 0; i < cols; i++) this.v[i * cols + i] = 1;
    this.norms = new Float64Array(cols);
    this.refreshNorms();
  }

  /** Completed sweeps so far, for progress. */
  get sweeps(): number {
    return this.sweep;
  }

  /** Works through rows of column pairs while `keepGoing()` says so; the SVD once it has converged. */
  advance(keepGoing: () => boolean = () => true): Svd | undefined {
    while (!this.result && keepGoing()) {
      if (this.i < this.cols - 1) this.orthogonalizeAgainst(this.i++);
      else this.endSweep();
    }
    return this.result;
  }

  private orthogonalizeAgainst(i: number): void {
    const { a, v, norms, rows, cols } = this;
    for (let j = i + 1; j < cols; j++) {
      const alpha = norms[i];
      const beta = norms[j];
      if (alpha === 0 || beta === 0) continue;
      const gamma = dot(a, i * rows, j * rows, rows);
      if (Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
      this.rotatedThisSweep = true;
      // The rotation that makes columns i and j orthogonal (Hestenes).
      const zeta = (beta - alpha) / (2 * gamma);
      const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
      const c = 1 / Math.sqrt(1 + t * t);
      const s = c * t;
      rotate(a, i * rows, j * rows, rows, c, s);
      rotate(v, i * cols, j * cols, cols, c, s);
      norms[i] = alpha - t * gamma;
      norms[j] = beta + t * gamma;
    }
  }

  private endSweep(): void {
    // Exact norms once a sweep, so rounding in the updates cannot build up.
    this.refreshNorms();
    this.sweep++;
    this.i = 0;
    const converged = !this.rotatedThisSweep;
    this.rotatedThisSweep = false;
    if (converged || this.sweep >= MAX_SWEEPS) this.result = this.finish(converged);
  }

  private refreshNorms(): void {
    for (let i = 0; i < this.cols; i++) this.norms[i] = dot(this.a, i * this.rows, i * this.rows, this.rows);
  }

  private finish(converged: boolean): Svd {
    const { a, rows, cols } = this;
    const s = new Float64Array(cols);
    for (let i = 0; i < cols; i++) {
      s[i] = Math.sqrt(this.norms[i]);
      const scale = s[i] === 0 ? 0 : 1 / s[i];
      for (let r = 0; r < rows; r++) a[i * rows + r] *= scale;
    }
    return { rows, cols, u: a, s, v: this.v, converged };
  }
}

/** The whole decomposition at once. */
export function jacobiSvd(columns: Float64Array, rows: number, cols: number): Svd {
  return new JacobiSvdRun(columns, rows, cols).advance() as Svd;
}

function dot(m: Float64Array, x: number, y: number, n: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += m[x + k] * m[y + k];
  return sum;
}

function rotate(m: Float64Array, i: number, j: number, n: number, c: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const p = m[i + k];
    const q = m[j + k];
    m[i + k] = c * p - s * q;
    m[j + k] = s * p + c * q;
  }
}
