/**
 * A notebook's Python cells read as one program, in order, so imports and constants of earlier cells count in later
 * ones; offsets in that text map back to each cell. Pure (no vscode), so it is unit-tested in plain Node.
 */

export interface NotebookText {
  /** The cells' texts, each followed by a line break. */
  text: string;
  /** Where each cell starts in `text`. */
  starts: number[];
}

/**
 * IPython's own lines (`%matplotlib inline`, `!pip install torch`) are not Python: they become spaces, so every offset
 * stays where it was and the reader sees a blank line.
 */
const blankMagics = (cell: string): string => cell.replace(/^[ \t]*[%!].*$/gm, (line) => ' '.repeat(line.length));

export function joinCells(cells: readonly string[]): NotebookText {
  const starts: number[] = [];
  let text = '';
  for (const cell of cells) {
    starts.push(text.length);
    text += `${blankMagics(cell)}\n`;
  }
  return { text, starts };
}

/** The cell holding `offset` of the joined text (the last to start at or before it), and the offset within it. */
export function cellAt(joined: NotebookText, offset: number): { cell: number; offset: number } {
  let cell = 0;
  while (cell + 1 < joined.starts.length && joined.starts[cell + 1] <= offset) cell++;
  return { cell, offset: offset - joined.starts[cell] };
}
