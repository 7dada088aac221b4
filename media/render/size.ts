/** When a matrix stops being readable as a table of numbers and becomes a heatmap. */
export const TABLE_LIMITS = { rows: 64, cols: 64, cells: 4096 } as const;

/** All channels of one tensor together: past this many cells every channel is drawn as a heatmap. */
export const TENSOR_TABLE_BUDGET = 16_384;

/** Kernels beyond this many (out, in) pairs are summarised instead of drawn one by one. */
export const MAX_KERNEL_VIEWS = 256;

export function fitsTable(rows: number, cols: number): boolean {
  return rows <= TABLE_LIMITS.rows && cols <= TABLE_LIMITS.cols && rows * cols <= TABLE_LIMITS.cells;
}
