/** Plain-text matrices for terminals and hovers. */

/** Numbers in one column width; integers stay integers, like numpy's printing of an integral array. */
export function formatCells(values: ArrayLike<number>, decimals: number): string[] {
  const all = Array.from(values);
  const integral = all.every(Number.isInteger);
  return all.map((v) => (integral ? String(v) : v.toFixed(decimals)).replace(/^-(0\.?0*)$/, '$1'));
}

/**
 * A bracketed, right-aligned matrix like numpy's repr: `[[ 1  2]\n [ 3  4]]`. Beyond `maxRows` x `maxCols`
 * only the top-left corner is shown, with `...` where rows or columns were left out.
 */
export function matrixText(
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  decimals: number,
  maxRows = Infinity,
  maxCols = Infinity,
): string {
  const shownRows = Math.min(rows, maxRows);
  const shownCols = Math.min(cols, maxCols);
  const corner: number[] = [];
  for (let r = 0; r < shownRows; r++) for (let c = 0; c < shownCols; c++) corner.push(values[r * cols + c]);
  const cells = formatCells(corner, decimals);
  const width = Math.max(...cells.map((c) => c.length));
  const lines: string[] = [];
  for (let r = 0; r < shownRows; r++) {
    const row =
      cells
        .slice(r * shownCols, (r + 1) * shownCols)
        .map((c) => c.padStart(width))
        .join(' ') + (shownCols < cols ? ' ...' : '');
    lines.push(`${r === 0 ? '[[' : ' ['}${row}]${r === rows - 1 ? ']' : ''}`);
  }
  if (shownRows < rows) lines.push(' ...]');
  return lines.join('\n');
}
