/** Plain-text matrices for terminals and hovers. */
import type { NumberFormat } from '../protocol/messages';
import { formatNumber } from './numberText';

/**
 * A bracketed, right-aligned matrix like numpy's repr, `[[ 1  2]\n [ 3  4]]`, its numbers as the panel shows
 * them. Beyond `maxRows` x `maxCols` only the top-left corner is shown, with `...` where rows or columns were left
 * out.
 */
export function matrixText(
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  format: NumberFormat,
  maxRows = Infinity,
  maxCols = Infinity,
): string {
  const shownRows = Math.min(rows, maxRows);
  const shownCols = Math.min(cols, maxCols);
  const corner: number[] = [];
  for (let r = 0; r < shownRows; r++) for (let c = 0; c < shownCols; c++) corner.push(values[r * cols + c]);
  const cells = corner.map((v) => formatNumber(v, format));
  // A loop, not Math.max(...cells): spread arguments overflow the stack past ~125,000 cells.
  const width = cells.reduce((w, c) => Math.max(w, c.length), 0);
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

/** A list as numpy prints a 1-D array, `[ 3 -1  4]`: a one-row matrix without its outer brackets. */
export const listText = (values: ArrayLike<number>, format: NumberFormat, maxCols = Infinity): string =>
  matrixText(values, 1, values.length, format, 1, maxCols).slice(1, -1);
