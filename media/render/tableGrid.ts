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
  /** One `<tr>` per grid row, its cells made by `buildRow` (until then it holds one empty stand-in cell). */
  rows: HTMLTableRowElement[];
  /** Row-major over the grid; a row's cells are absent until it is built. */
  cells: (HTMLTableCellElement | undefined)[];
  /** The value each built cell shows, so a refresh touches only the cells whose value changed. */
  shown: Float64Array;
  /** Makes grid row `gr`'s cells (once); true if it made them now. */
  buildRow(gr: number): boolean;
  isBuilt(gr: number): boolean;
}

/**
 * Builds the grid's header and one row per grid row with its label; each row's cells come when `buildRow` asks,
 * as clones of one prototype `<td>` stamped with `cellAttributes` (far fewer DOM calls than making each from
 * scratch). A row not built yet holds one empty cell across the grid, which gives it a built row's height. The
 * cell at the matrix's (0, 0) is the tab stop.
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

  const standIn = el('td', { class: 'unbuilt', colspan: gridCols, 'aria-hidden': 'true' }, '\u00a0');
  const rowHeads: HTMLTableCellElement[] = [];
  const trs: HTMLTableRowElement[] = [];
  const body = el('tbody');
  for (let gr = 0; gr < gridRows; gr++) {
    const row = gr - top;
    const th = el(
      'th',
      { scope: 'row', class: row < 0 || row >= rows ? 'row-label border-label' : 'row-label' },
      label.row(row),
    );
    rowHeads.push(th);
    const tr = el('tr', { class: 'unbuilt' }, th, standIn.cloneNode(true));
    trs.push(tr);
    body.appendChild(tr);
  }

  const prototype = el('td', { role: 'gridcell', tabindex: -1 });
  const cells: (HTMLTableCellElement | undefined)[] = new Array(gridRows * gridCols);
  const shown = new Float64Array(gridRows * gridCols);
  const built = new Uint8Array(gridRows);
  const buildRow = (gr: number): boolean => {
    if (built[gr]) return false;
    built[gr] = 1;
    const tr = trs[gr];
    const made = document.createDocumentFragment();
    for (let gc = 0; gc < gridCols; gc++) {
      const content = contentAt(gr - top, gc - left);
      const td = prototype.cloneNode(false) as HTMLTableCellElement;
      for (const [name, value] of cellAttributes(content)) td.setAttribute(name, value);
      td.textContent = content.text;
      if (gr === top && gc === left) td.tabIndex = 0;
      shown[gr * gridCols + gc] = content.value;
      cells[gr * gridCols + gc] = td;
      made.appendChild(td);
    }
    tr.lastChild!.remove();
    tr.appendChild(made);
    tr.classList.remove('unbuilt');
    return true;
  };
  return {
    head: el('thead', {}, headRow),
    body,
    colHeads,
    rowHeads,
    rows: trs,
    cells,
    shown,
    buildRow,
    isBuilt: (gr) => built[gr] === 1,
  };
}
