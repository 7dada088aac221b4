import type { Grid, KernelMatrixRows } from '../../src/engine';
import { cellLabel } from '../../src/view/labels';
import type { RenderContext } from './context';
import { drawMatrix } from './drawMatrix';
import { kernelMatrixSource } from './matrixSource';
import type { MatrixView } from './matrixView';

/** Column labels stand upright past this many columns, so a wide M stays a readable width. */
const UPRIGHT_AFTER_COLS = 8;

/**
 * The kernel matrix M of `vec(out) = vec(in) @ M`: row i is input cell i (`x[c,i,j]`), column j is output
 * cell j (`y[c,i,j]`). Drawn from the geometry, never from a stored matrix; a table only when small.
 */
export function kernelMatrixView(
  m: KernelMatrixRows,
  input: Grid,
  output: Grid,
  onPoint: (via: 'pointer' | 'keyboard', cell: { row: number; col: number } | undefined) => void,
  context: RenderContext,
): MatrixView {
  const { rank } = m.problem.geometry;
  const rowLabel = (row: number) => cellLabel('x', input, row, rank);
  const colLabel = (col: number) => cellLabel('y', output, col, rank);
  return drawMatrix(
    {
      name: 'kernel_matrix',
      ariaName: 'kernel matrix',
      source: kernelMatrixSource(m),
      rowLabel,
      colLabel,
      uprightColumnLabels: m.cols > UPRIGHT_AFTER_COLS,
      describe: (row, col) => `M: ${rowLabel(row)} → ${colLabel(col)}`,
      onPoint,
    },
    context,
  );
}

export function density(m: { rows: number; cols: number; nonZeros: number }): string {
  const cells = m.rows * m.cols;
  const share = cells === 0 ? 0 : (100 * m.nonZeros) / cells;
  return `${m.nonZeros.toLocaleString('en-US')} non-zeros (${share < 1 ? share.toPrecision(2) : Math.round(share)}%)`;
}
