import { cellsOf, ConvGeometry, foldPosition, sweptGrid } from '../geometry';

/** Per axis (depth, height, width), the input cell each padded position copies: `foldPosition` along the axis. */
function sourcesAlongAxes(g: ConvGeometry): Int32Array[] {
  return g.axes.map((a) =>
    Int32Array.from({ length: a.swept }, (_, q) => foldPosition(g.paddingMode, a.input, q - a.padBefore)),
  );
}

/**
 * Visits every padded cell with the flat index of the input cell it copies, in the padded grid's row-major order.
 * Reflect, replicate and circular padding copy input cells, so the index is never -1.
 */
function forEachPaddedCell(g: ConvGeometry, visit: (padded: number, input: number) => void): void {
  const [depths, rows, columns] = sourcesAlongAxes(g);
  const { channels, depth, height, width } = g.input;
  let padded = 0;
  for (let c = 0; c < channels; c++) {
    for (const d of depths) {
      for (const r of rows) {
        const row = ((c * depth + d) * height + r) * width;
        for (const column of columns) visit(padded++, row + column);
      }
    }
  }
}

/** The input padded in the op's padding mode (a gather): the grid the kernel sweeps, with padding 0. */
export function padExplicitly(g: ConvGeometry, input: Float64Array): Float64Array {
  const padded = new Float64Array(cellsOf(sweptGrid(g)));
  forEachPaddedCell(g, (p, i) => (padded[p] = input[i]));
  return padded;
}

/** The adjoint of `padExplicitly` (a scatter-add): each padded cell's value added onto the input cell it copies. */
export function foldPadding(g: ConvGeometry, padded: Float64Array): Float64Array {
  const input = new Float64Array(cellsOf(g.input));
  forEachPaddedCell(g, (p, i) => (input[i] += padded[p]));
  return input;
}
