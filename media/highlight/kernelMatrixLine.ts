import type { KernelMatrixRows } from '../../src/engine';

/**
 * Past this many non-zeros, finding a column's entries (a pass over all of M) is too slow for every pointer move:
 * the column's band is still drawn, its entries are not.
 */
export const MAX_COLUMN_SCAN_NON_ZEROS = 4_000_000;

/**
 * The entries of one row or column of M, as (row, col): a row straight from the geometry, a column by a pass over
 * M's rows (none past `MAX_COLUMN_SCAN_NON_ZEROS`). Every rank and padding mode: a padded copy's entries are already
 * folded onto the row of the cell it copies.
 */
export function entriesOfLine(
  m: KernelMatrixRows,
  line: 'row' | 'col',
  index: number,
  visit: (row: number, col: number) => void,
): void {
  if (line === 'row') {
    m.visitRows(index, index + 1, (row, col) => visit(row, col));
  } else if (m.nonZeros <= MAX_COLUMN_SCAN_NON_ZEROS) {
    m.visitRows(0, m.rows, (row, col) => {
      if (col === index) visit(row, col);
    });
  }
}
