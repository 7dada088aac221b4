import type { Grid, KernelMatrixRows } from '../../src/engine';
import { cellLabel, weightLabel } from '../../src/view/labels';
import type { RenderContext } from './context';
import { drawMatrix } from './drawMatrix';
import { kernelMatrixSource } from './matrixSource';
import { betweenGroups } from './groupBands';
import type { CellKind, MatrixView } from './matrixView';

const BETWEEN_GROUPS: CellKind = {
  kind: 'between-groups',
  description: 'between groups, always zero',
  tooltip: 'Between groups: always zero, a group never reads another group’s channels',
};

/** Column labels stand upright past this many columns, so a wide M stays a readable width. */
const UPRIGHT_AFTER_COLS = 8;

/**
 * The kernel matrix M of `vec(out) = vec(in) @ M`: row i is input cell i (`x[c,i,j]`), column j is output
 * cell j (`y[c,i,j]`). Drawn from the geometry, never from a stored matrix; a table only when small. An entry that
 * adds several weights (a padding mode's copies) says which, in its tooltip and spoken label; with groups, the
 * entries between the groups' blocks are set apart.
 */
export function kernelMatrixView(
  m: KernelMatrixRows,
  input: Grid,
  output: Grid,
  onPoint: (via: 'pointer' | 'keyboard', cell: { row: number; col: number } | undefined) => void,
  context: RenderContext,
): MatrixView {
  const { rank, paddingMode } = m.problem.geometry;
  const rowLabel = (row: number) => cellLabel('x', input, row, rank);
  const colLabel = (col: number) => cellLabel('y', output, col, rank);
  /** With a padding mode a cell is read again through its padded copies: its entry then adds several weights. */
  const sumAt = (row: number, col: number): CellKind | undefined => {
    if (paddingMode === 'zeros') return undefined;
    const weights = m.weightIndicesAt(row, col);
    if (weights.length < 2) return undefined;
    const sum = `sum of ${weights.map((k) => weightLabel(m.problem.geometry.weightDims, k, rank)).join(' + ')}`;
    return { kind: 'sum', description: sum, tooltip: sum };
  };
  const geometry = m.problem.geometry;
  const between = betweenGroups(geometry);
  /** Entries between groups' blocks are zero by construction, not by chance: they are set apart. */
  const kindOf = (row: number, col: number): CellKind | undefined =>
    sumAt(row, col) ?? (geometry.groups > 1 && between(row, col) ? BETWEEN_GROUPS : undefined);
  return drawMatrix(
    {
      name: 'kernel_matrix',
      ariaName: 'kernel matrix',
      source: kernelMatrixSource(m),
      rowLabel,
      colLabel,
      uprightColumnLabels: m.cols > UPRIGHT_AFTER_COLS,
      describe: (row, col) => {
        const sum = sumAt(row, col);
        return `M: ${rowLabel(row)} → ${colLabel(col)}${sum ? ` (${sum.description})` : ''}`;
      },
      kindOf,
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
