import type { KernelMatrixRows } from '../../src/engine';
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

/** A row-major block of a flat array: one channel of a tensor, one kernel of a weight. */
export function denseSource(data: Float64Array, offset: number, rows: number, cols: number): MatrixSource {
  return {
    rows,
    cols,
    entriesPerRow: cols,
    valueAt: (row, col) => data[offset + row * cols + col],
    visitRows(from, to, visit) {
      for (let row = from; row < to; row++) {
        const base = offset + row * cols;
        for (let col = 0; col < cols; col++) visit(row, col, data[base + col]);
      }
    },
    extent: () => extentOf(data, offset, offset + rows * cols),
  };
}

/** The kernel matrix straight from the geometry: no CSR, however large; each entry is worked out as it is read. */
export function kernelMatrixSource(m: KernelMatrixRows): MatrixSource {
  const extent = m.extent();
  return {
    rows: m.rows,
    cols: m.cols,
    entriesPerRow: m.rows === 0 ? 0 : m.nonZeros / m.rows,
    valueAt: (row, col) => m.entryAt(row, col),
    visitRows: (from, to, visit) => m.visitRows(from, to, visit),
    extent: () => extent,
  };
}
