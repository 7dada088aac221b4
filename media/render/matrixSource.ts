import { KernelMatrixBins, stronger, type KernelMatrixRows } from '../../src/engine';
import type { MatrixSource } from './matrixView';

function extentOf(values: ArrayLike<number>, from = 0, to = values.length): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (let i = from; i < to; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  return { min, max };
}

/** A row-major block of a flat array: one channel of a tensor, one kernel of a weight. Every cell is read. */
export function denseSource(data: Float64Array, offset: number, rows: number, cols: number): MatrixSource {
  return {
    rows,
    cols,
    valueAt: (row, col) => data[offset + row * cols + col],
    binStrongest(window, factor, fromBinRow, toBinRow, strongest) {
      const binCols = Math.ceil(window.cols / factor);
      const last = Math.min(window.row + window.rows, window.row + toBinRow * factor);
      for (let row = window.row + fromBinRow * factor; row < last; row++) {
        const binRow = Math.floor((row - window.row) / factor) * binCols;
        const base = offset + row * cols;
        for (let col = window.col; col < window.col + window.cols; col++) {
          const value = data[base + col];
          const bin = binRow + Math.floor((col - window.col) / factor);
          if (stronger(value, strongest[bin])) strongest[bin] = value;
        }
      }
    },
    extent: () => extentOf(data, offset, offset + rows * cols),
  };
}

/**
 * The kernel matrix straight from the geometry: no CSR, however large; an entry is worked out as it is read, a
 * heatmap's bins from the geometry and the kernel (`KernelMatrixBins`), at a cost of bins, not non-zeros.
 */
export function kernelMatrixSource(m: KernelMatrixRows): MatrixSource {
  const extent = m.extent();
  const bins = new KernelMatrixBins(m);
  return {
    rows: m.rows,
    cols: m.cols,
    valueAt: (row, col) => m.entryAt(row, col),
    binStrongest: (window, factor, fromBinRow, toBinRow, strongest) =>
      bins.fill(window, factor, fromBinRow, toBinRow, strongest),
    extent: () => extent,
  };
}
