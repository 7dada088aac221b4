import { Pass } from './plan';

/** Outputs per row when a single row is cut up: a multiple of every tile width, and enough work per row. */
export const ROW_OUTPUTS = 256;

/**
 * A pass of one output row (a 1-D op, or a plane one row high) as several rows of ROW_OUTPUTS outputs, plus one
 * pass for what is left: threads share a pass by rows, so a single long row would run on one thread. Both planners
 * step one input element per output along a row, so row i starts `i * ROW_OUTPUTS` elements in, and its outputs go
 * `i * ROW_OUTPUTS` destination columns on.
 */
export function splitLongRow(pass: Pass): Pass[] {
  const d = pass.destination;
  const rows = Math.floor(d.columns / ROW_OUTPUTS);
  if (pass.rows !== 1 || rows < 2) return [pass];
  const tileWidth = 2 * pass.vectors;
  const split = rows * ROW_OUTPUTS;
  const body: Pass = {
    ...pass,
    rows,
    rowStep: ROW_OUTPUTS,
    tiles: ROW_OUTPUTS / tileWidth,
    destination: {
      ...d,
      width: ROW_OUTPUTS * d.columnStride,
      rowOffset: 0,
      rowStride: 1,
      columnOffset: d.rowOffset * d.width + d.columnOffset,
      columns: ROW_OUTPUTS,
    },
  };
  if (split === d.columns) return [body];
  const rest: Pass = {
    ...pass,
    inputOffset: pass.inputOffset + split,
    tiles: pass.tiles - split / tileWidth,
    destination: { ...d, columnOffset: d.columnOffset + split * d.columnStride, columns: d.columns - split },
  };
  return [body, rest];
}
