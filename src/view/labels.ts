/** Names of cells and matrices as the page shows them and as screen readers read them. */

export interface Shape3 {
  channels: number;
  height: number;
  width: number;
}

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
  | 'via_direct';

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
};

/** `×5`: the weight a cell meets, as a short note on the cell. */
export const meetsText = (weight: string): string => `×${weight}`;

/** `x[i,j]` for a one-channel tensor, `x[c,i,j]` otherwise (0-based, as indexed in PyTorch). */
export function cellLabel(letter: 'x' | 'y', shape: Shape3, flat: number): string {
  const plane = shape.height * shape.width;
  const c = Math.floor(flat / plane);
  const i = Math.floor((flat % plane) / shape.width);
  const j = flat % shape.width;
  return shape.channels === 1 ? `${letter}[${i},${j}]` : `${letter}[${c},${i},${j}]`;
}

/** "output row 1 column 2: 47": rows and columns counted from 1, as people say them. */
export function cellAriaLabel(ariaName: string, row: number, col: number, valueText: string): string {
  return `${ariaName} row ${row + 1} column ${col + 1}: ${valueText}`;
}

/** `[a, b]` pairs that are equal read as one number, as PyTorch lets them be written. */
export function pairText(pair: readonly [number, number]): string {
  return pair[0] === pair[1] ? String(pair[0]) : `(${pair[0]}, ${pair[1]})`;
}

export function shapeText(dims: readonly number[]): string {
  return dims.join(' × ');
}

/** `w[i,j]` for a one-kernel weight, `w[a,b,i,j]` otherwise (PyTorch's indexing of the weight tensor). */
export function weightLabel(dims: readonly [number, number, number, number], k: number): string {
  const [d0, d1, kh, kw] = dims;
  const [j, i, b, a] = [
    k % kw,
    Math.floor(k / kw) % kh,
    Math.floor(k / (kw * kh)) % d1,
    Math.floor(k / (kw * kh * d1)),
  ];
  return d0 * d1 === 1 ? `w[${i},${j}]` : `w[${a},${b},${i},${j}]`;
}

/** A big-grid position outside the tensor: `pad(-1,2)` (the zero padding conv2d reads, or a cropped cell). */
export function outsideLabel(channels: number, channel: number, y: number, x: number): string {
  return channels === 1 ? `pad(${y},${x})` : `pad(${channel},${y},${x})`;
}
