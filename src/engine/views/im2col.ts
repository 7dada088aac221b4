import { bigPositions } from '../axisTaps';
import { bigPosition, cellsOf } from '../geometry';
import { stretchedCell, transposedAxes } from '../inspect/transposedGeometry';
import { ConvProblem } from '../spec';

/** A dense matrix, row-major. */
export interface DenseMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/**
 * Along each axis (depth, height, width), the input position that output position `o` reads through tap `t` of the
 * kernel im2col lays out, at `[o * kernel + t]`, or -1 for a zero. A conv reads its padded input (a padded copy
 * reads the cell it copies); a transposed conv is read as its equivalent direct convolution, stride 1 over the
 * input with `stride - 1` zeros inserted between cells and padded by `dilation*(k - 1) - padding` (cropped where
 * that is negative), `output_padding` more at the end, with the kernel flipped.
 */
function readPositions(problem: ConvProblem): Int32Array[] {
  const g = problem.geometry;
  if (!g.transposed) return g.axes.map((axis) => bigPositions(g, axis));
  return transposedAxes(problem).map((axis, a) => {
    const { output, kernel } = g.axes[a];
    const read = new Int32Array(output * kernel);
    const stride1 = { stride: 1, padBefore: 0, dilation: axis.dilation };
    for (let o = 0; o < output; o++) {
      for (let t = 0; t < kernel; t++) {
        const cell = stretchedCell(axis, bigPosition(stride1, o, t));
        read[o * kernel + t] = cell.kind === 'source' ? cell.index : -1;
      }
    }
    return read;
  });
}

/** Rows and columns of the im2col matrix: `Cin * prod(kernel)` by `prod(output)`. */
export function im2colShape(problem: ConvProblem): { rows: number; cols: number } {
  const g = problem.geometry;
  const [, , kd, kh, kw] = g.weightDims;
  return { rows: g.input.channels * kd * kh * kw, cols: cellsOf(g.output) / g.output.channels };
}

/**
 * The flat input cell (`[C][D][H][W]`) each row of column `col` reads, or -1 for a zero, into `patch`: row
 * `(c, kz, ky, kx)`, channel first, then kernel positions row-major.
 */
function readColumn(problem: ConvProblem, positions: Int32Array[], col: number, patch: Int32Array): void {
  const { input, output, weightDims } = problem.geometry;
  const [, , kd, kh, kw] = weightDims;
  const [zs, ys, xs] = positions;
  const ox = col % output.width;
  const oy = Math.floor(col / output.width) % output.height;
  const oz = Math.floor(col / (output.width * output.height));
  const inVolume = input.depth * input.height * input.width;
  let row = 0;
  for (let c = 0; c < input.channels; c++) {
    for (let kz = 0; kz < kd; kz++) {
      const z = zs[oz * kd + kz];
      for (let ky = 0; ky < kh; ky++) {
        const y = ys[oy * kh + ky];
        for (let kx = 0; kx < kw; kx++, row++) {
          const x = xs[ox * kw + kx];
          patch[row] = z >= 0 && y >= 0 && x >= 0 ? c * inVolume + (z * input.height + y) * input.width + x : -1;
        }
      }
    }
  }
}

/**
 * PyTorch's `F.unfold` of the input, padded as the op pads it (a padding mode as `F.pad` pads), with its dilation and
 * stride: one row per input channel and kernel position (channel first, then the kernel row-major), one column per
 * output cell, for every rank. With groups the rows are all input channels, and `im2colWeight` is block-diagonal.
 * A transposed conv's is the im2col of its equivalent direct convolution (zero-inserted, padded input, stride 1).
 */
export function im2col(problem: ConvProblem): DenseMatrix {
  const { rows, cols } = im2colShape(problem);
  const data = new Float64Array(rows * cols);
  const x = problem.input.data;
  const positions = readPositions(problem);
  const patch = new Int32Array(rows);
  for (let col = 0; col < cols; col++) {
    readColumn(problem, positions, col, patch);
    for (let row = 0; row < rows; row++) if (patch[row] >= 0) data[row * cols + col] = x[patch[row]];
  }
  return { rows, cols, data };
}

/**
 * W_flat, `Cout` by `Cin * prod(kernel)`, so that `W_flat @ im2col (+ bias)` is the output: each output channel's
 * kernels laid along its group's input channels, zero across the other groups (block-diagonal). A transposed conv's
 * is its equivalent direct convolution's: the kernels flipped, the weight's two channel axes swapped.
 */
export function im2colWeight(problem: ConvProblem): DenseMatrix {
  const g = problem.geometry;
  const [d0, d1, kd, kh, kw] = g.weightDims;
  const volume = kd * kh * kw;
  const rows = g.output.channels;
  const cols = g.input.channels * volume;
  const data = new Float64Array(rows * cols);
  const w = problem.weight.data;
  // Weight dim 0 is the output channel for a conv, the input channel for a transposed one; dim 1 the other, per group.
  const perGroup0 = d0 / g.groups;
  for (let c0 = 0; c0 < d0; c0++) {
    const group = Math.floor(c0 / perGroup0);
    for (let c1g = 0; c1g < d1; c1g++) {
      const c1 = group * d1 + c1g;
      const [out, inp] = g.transposed ? [c1, c0] : [c0, c1];
      const base = (c0 * d1 + c1g) * volume;
      for (let t = 0; t < volume; t++)
        data[out * cols + inp * volume + t] = w[base + (g.transposed ? volume - 1 - t : t)];
    }
  }
  return { rows, cols, data };
}

/** The input cell each row of column `col` reads (flat, `[C][D][H][W]`), or -1 for a zero (padding, inserted). */
export function patchOfColumn(problem: ConvProblem, col: number): Int32Array {
  const patch = new Int32Array(im2colShape(problem).rows);
  readColumn(problem, readPositions(problem), col, patch);
  return patch;
}

/** The column of im2col output cell `cell` (flat, any channel) is made from: its spatial position. */
export function columnOfOutputCell(problem: ConvProblem, cell: number): number {
  return cell % im2colShape(problem).cols;
}

/**
 * Every entry `[row, col]` of im2col that holds input cell `cell` (flat, `[C][D][H][W]`): an input cell lies in the
 * window of every output cell that reads it, once per tap that reaches it.
 */
export function entriesOfInputCell(problem: ConvProblem, cell: number): [number, number][] {
  const { rows, cols } = im2colShape(problem);
  const positions = readPositions(problem);
  const patch = new Int32Array(rows);
  const entries: [number, number][] = [];
  for (let col = 0; col < cols; col++) {
    readColumn(problem, positions, col, patch);
    for (let row = 0; row < rows; row++) if (patch[row] === cell) entries.push([row, col]);
  }
  return entries;
}
