import type { RenderContext } from './context';
import { heatmap } from './heatmap';
import { matrixTable } from './matrixTable';
import type { CellKind, MatrixIdentity, MatrixSource, MatrixView, PointHandler, TableBorder } from './matrixView';
import { fitsTable } from './size';

export interface DrawOptions extends MatrixIdentity {
  source: MatrixSource;
  rowLabel?: (row: number) => string;
  colLabel?: (col: number) => string;
  uprightColumnLabels?: boolean;
  /** Tables only: one row drawn as a strip, without a row label (a 1-D tensor or kernel). */
  strip?: boolean;
  /** The heatmap tooltip's name for a cell; defaults to the matrix's name. */
  describe?: (row: number, col: number) => string;
  /** Heatmap even if it would fit a table (a tensor whose channels together are too many cells). */
  forceHeatmap?: boolean;
  /** Tables only: padding (or cropped) cells around the matrix, and what special cells stand for. */
  border?: TableBorder;
  kindOf?: (row: number, col: number) => CellKind | undefined;
  /** Tables only: a background colour by value (a heatmap paints every cell anyway). */
  tint?: (value: number) => string | undefined;
  onPoint: PointHandler;
}

/** A table while the numbers stay readable, a heatmap beyond. */
export function drawMatrix(options: DrawOptions, context: RenderContext): MatrixView {
  if (!options.forceHeatmap && fitsTable(options.source.rows, options.source.cols)) {
    return matrixTable({ ...options, format: context.format });
  }
  return heatmap({
    ...options,
    format: context.format,
    palette: context.palette,
    tooltip: context.tooltip,
    describe: options.describe ?? (() => options.ariaName),
  });
}
