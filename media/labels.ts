/** Names of cells and matrices as the page shows them and as screen readers read them. */

export interface Shape3 {
  channels: number;
  height: number;
  width: number;
}

/** The matrices of the DOM contract: the value of `data-matrix`. */
export type MatrixName = 'input' | 'kernel' | 'kernel_matrix' | 'output' | 'reconstruction';

export const MATRIX_TITLES: Record<MatrixName, string> = {
  input: 'input',
  kernel: 'kernel',
  kernel_matrix: 'kernel matrix',
  output: 'output',
  reconstruction: 'reconstruction',
};

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
