/** Names of cells and matrices as the page shows them and as screen readers read them. */
import type { Grid, Rank } from '../engine';

/** The matrices of the DOM contract: the value of `data-matrix`. */
export type MatrixName =
  | 'input'
  | 'kernel'
  | 'kernel_matrix'
  | 'output'
  | 'reconstruction'
  // The inspection sections: the step-through's running output, the least-squares inverse, the three transposed views.
  | 'step_output'
  | 'least_squares'
  | 'least_squares_difference'
  | 'scatter_source'
  | 'via_matrix'
  | 'via_scatter'
  | 'stretched'
  | 'flipped_kernel'
  | 'via_direct'
  // The views that answer common questions: overlap (checkerboard), backward pass, im2col.
  | 'overlap'
  | 'overlap_fix'
  | 'grad_output'
  | 'grad_input'
  | 'grad_weight'
  | 'grad_bias'
  | 'im2col'
  | 'im2col_weight'
  | 'im2col_output';

export const MATRIX_TITLES: Record<MatrixName, string> = {
  input: 'input',
  kernel: 'kernel',
  kernel_matrix: 'kernel matrix',
  output: 'output',
  reconstruction: 'reconstruction',
  step_output: 'running output',
  least_squares: 'least-squares inverse',
  least_squares_difference: 'least-squares inverse minus input',
  scatter_source: 'scattered grid',
  via_matrix: 'result with the kernel matrix',
  via_scatter: 'scatter canvas',
  stretched: 'stretched grid',
  flipped_kernel: 'flipped kernel',
  via_direct: 'result of the direct convolution',
  overlap: 'overlap count',
  overlap_fix: 'overlap count with the fix',
  grad_output: 'grad_output',
  grad_input: 'grad_input',
  grad_weight: 'grad_weight',
  grad_bias: 'grad_bias',
  im2col: 'im2col patches',
  im2col_weight: 'flattened weight',
  im2col_output: 'output, a row per channel',
};

/** `×5`: the weight a cell meets, as a short note on the cell. */
export const meetsText = (weight: string): string => `×${weight}`;

/**
 * `x[i,j]` for a one-channel 2-D tensor, `x[c,i,j]` otherwise; `x[j]` / `x[c,j]` in 1-D and `x[d,i,j]` /
 * `x[c,d,i,j]` in 3-D (0-based, as indexed in PyTorch).
 */
export function cellLabel(letter: 'x' | 'y', shape: Grid, flat: number, rank: Rank = 2): string {
  const plane = shape.height * shape.width;
  const volume = shape.depth * plane;
  const c = Math.floor(flat / volume);
  const d = Math.floor((flat % volume) / plane);
  const i = Math.floor((flat % plane) / shape.width);
  const j = flat % shape.width;
  const spatial = rank === 1 ? [j] : rank === 2 ? [i, j] : [d, i, j];
  return `${letter}[${(shape.channels === 1 ? spatial : [c, ...spatial]).join(',')}]`;
}

/**
 * "output row 1 column 2: 47": rows and columns counted from 1, as people say them; a strip (one row, `row`
 * undefined) by position alone: "output position 2: 47".
 */
export function cellAriaLabel(ariaName: string, row: number | undefined, col: number, valueText: string): string {
  return row === undefined
    ? `${ariaName} position ${col + 1}: ${valueText}`
    : `${ariaName} row ${row + 1} column ${col + 1}: ${valueText}`;
}

/** One value per axis: equal values read as one number, as PyTorch lets them be written; else `(1, 2)`. */
export function axesValuesText(values: readonly number[]): string {
  return values.every((v) => v === values[0]) ? String(values[0]) : `(${values.join(', ')})`;
}

export function shapeText(dims: readonly number[]): string {
  return dims.join(' × ');
}

/**
 * `w[i,j]` for a one-kernel 2-D weight, `w[a,b,i,j]` otherwise; `w[j]`/`w[a,b,j]` in 1-D and `w[d,i,j]`/`w[a,b,d,i,j]`
 * in 3-D (PyTorch's indexing of the weight tensor).
 */
export function weightLabel(dims: readonly number[], k: number, rank: Rank = 2): string {
  const [d0, d1, kd, kh, kw] = dims;
  const [j, i, d, b, a] = [
    k % kw,
    Math.floor(k / kw) % kh,
    Math.floor(k / (kw * kh)) % kd,
    Math.floor(k / (kw * kh * kd)) % d1,
    Math.floor(k / (kw * kh * kd * d1)),
  ];
  const spatial = rank === 1 ? [j] : rank === 2 ? [i, j] : [d, i, j];
  return `w[${(d0 * d1 === 1 ? spatial : [a, b, ...spatial]).join(',')}]`;
}

/** A big-grid position outside the tensor: `pad(-1,2)` (the zero padding conv2d reads, or a cropped cell). */
export function outsideLabel(channels: number, channel: number, y: number, x: number): string {
  return channels === 1 ? `pad(${y},${x})` : `pad(${channel},${y},${x})`;
}
