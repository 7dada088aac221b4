import type { KernelMatrixRows } from '../../src/engine';

/** Past this many non-zeros the column index (8 bytes an entry) is not built: a column's band is still drawn. */
export const MAX_COLUMN_INDEX_NON_ZEROS = 4_000_000;

/**
 * The entries of one row or column of M, as (row, col), for every rank and padding mode (a padded copy's entries are
 * already folded onto the row of the cell it copies). A row comes straight from the geometry; columns from an index
 * of M by column, built on the first column asked for (two passes over M), so every later pointer move costs only
 * that column's entries.
 */
export class KernelMatrixLines {
  private columns: { start: Int32Array; rows: Int32Array } | undefined;

  constructor(private readonly m: KernelMatrixRows) {}

  visit(line: 'row' | 'col', index: number, visit: (row: number, col: number) => void): void {
    if (line === 'row') {
      this.m.visitRows(index, index + 1, (row, col) => visit(row, col));
      return;
    }
    const columns = this.columnIndex();
    if (!columns || index < 0 || index >= this.m.cols) return;
    for (let e = columns.start[index]; e < columns.start[index + 1]; e++) visit(columns.rows[e], index);
  }

  private columnIndex(): { start: Int32Array; rows: Int32Array } | undefined {
    if (this.columns || this.m.nonZeros > MAX_COLUMN_INDEX_NON_ZEROS) return this.columns;
    const { rows, cols } = this.m;
    const start = new Int32Array(cols + 1);
    this.m.visitRows(0, rows, (_, col) => start[col + 1]++);
    for (let c = 0; c < cols; c++) start[c + 1] += start[c];
    const next = start.slice(0, cols);
    const byColumn = new Int32Array(start[cols]);
    this.m.visitRows(0, rows, (row, col) => (byColumn[next[col]++] = row));
    this.columns = { start, rows: byColumn };
    return this.columns;
  }
}
