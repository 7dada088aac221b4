import { el } from '../dom';
import { cellAttributes, CellContent } from './tableCell';

/** Where a matrix sits in its table: `rows x cols` inside a grid of `gridRows x gridCols`, offset by its border. */
export interface GridShape {
  rows: number;
  cols: number;
  /** Border rows above and columns left of the matrix. */
  top: number;
  left: number;
  gridRows: number;
  gridCols: number;
}

/** A table's header row, body, and the cells the highlighting reaches, by grid position. */
export interface TableGrid {
  head: HTMLTableSectionElement;
  body: HTMLTableSectionElement;
  colHeads: HTMLTableCellElement[];
  rowHeads: HTMLTableCellElement[];
  /** Row-major over the grid. */
  cells: HTMLTableCellElement[];
  /** The value each cell shows, so a refresh touches only the cells whose value changed. */
  shown: Float64Array;
  /** The cell in the tab order at first: the matrix's (0, 0). */
  tabStop: HTMLTableCellElement | undefined;
}

/**
 * Builds the grid's cells as clones of one prototype `<td>` stamped with `cellAttributes`: far fewer DOM calls
 * than making each from scratch. The cell at the matrix's (0, 0) starts as the tab stop.
 */
export function buildGrid(
  shape: GridShape,
  contentAt: (row: number, col: number) => CellContent,
  label: { row: (row: number) => string; col: (col: number) => string },
): TableGrid {
  const { rows, cols, top, left, gridRows, gridCols } = shape;
  const colHeads: HTMLTableCellElement[] = [];
  const headRow = el('tr', {}, el('th', { class: 'corner', 'aria-hidden': 'true' }));
  for (let g = 0; g < gridCols; g++) {
    const col = g - left;
    const th = el(
      'th',
      { scope: 'col', class: col < 0 || col >= cols ? 'col-label border-label' : 'col-label' },
      el('span', {}, label.col(col)),
    );
    colHeads.push(th);
    headRow.append(th);
  }

  const prototype = el('td', { role: 'gridcell', tabindex: -1 });
  const rowHeads: HTMLTableCellElement[] = [];
  const cells: HTMLTableCellElement[] = [];
  const shown = new Float64Array(gridRows * gridCols);
  let tabStop: HTMLTableCellElement | undefined;
  const body = el('tbody');
  for (let gr = 0; gr < gridRows; gr++) {
    const row = gr - top;
    const th = el(
      'th',
      { scope: 'row', class: row < 0 || row >= rows ? 'row-label border-label' : 'row-label' },
      label.row(row),
    );
    rowHeads.push(th);
    const tr = el('tr', {}, th);
    for (let gc = 0; gc < gridCols; gc++) {
      const content = contentAt(row, gc - left);
      const td = prototype.cloneNode(false) as HTMLTableCellElement;
      for (const [name, value] of cellAttributes(content)) td.setAttribute(name, value);
      td.textContent = content.text;
      if (row === 0 && gc === left) {
        td.tabIndex = 0;
        tabStop = td;
      }
      shown[cells.length] = content.value;
      cells.push(td);
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  return { head: el('thead', {}, headRow), body, colHeads, rowHeads, cells, shown, tabStop };
}
