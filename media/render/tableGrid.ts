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

/** A table's columns, header row, body, and the cells the highlighting reaches, by grid position. */
export interface TableGrid {
  /** One `<col>` for the row labels, then one (`col.cells`) per grid column, which sets its width (a spanning
   * `<col>`'s width would be shared among its columns). */
  colgroup: HTMLTableColElement;
  head: HTMLTableSectionElement;
  body: HTMLTableSectionElement;
  colHeads: HTMLTableCellElement[];
  rowHeads: HTMLTableCellElement[];
  /** One `<tr>` per grid row; its cells are made by `build`, stand-in cells span the columns not made yet. */
  rows: HTMLTableRowElement[];
  /** Row-major over the grid; a cell is absent until it is built. */
  cells: (HTMLTableCellElement | undefined)[];
  /** The value each built cell shows, so a refresh touches only the cells whose value changed. */
  shown: Float64Array;
  /** Makes grid row `gr`'s cells in columns `from` to `to` (exclusive) not there yet; returns their indices. */
  build(gr: number, from: number, to: number): number[];
}

/**
 * Builds the grid's header and one row per grid row with its label; cells come when `build` asks, as clones of one
 * prototype `<td>` stamped with `cellAttributes` (far fewer DOM calls than making each from scratch). The columns
 * not built yet in a row are empty stand-in cells spanning them (`td.unbuilt`, their row `tr.unbuilt`), which keep
 * a built row's height; the header cells and the `<col>` widths keep the columns where built cells will put them.
 * Built cells are inserted in place of stand-ins, never moved, so a focused cell keeps the focus. The cell at the
 * matrix's (0, 0) is the tab stop.
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

  const standIn = el('td', { class: 'unbuilt', 'aria-hidden': 'true' }, '\u00a0');
  const standInFor = (span: number) => {
    const td = standIn.cloneNode(true) as HTMLTableCellElement;
    td.colSpan = span;
    return td;
  };
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
    const tr = el('tr', { class: 'unbuilt' }, th, standInFor(gridCols));
    trs.push(tr);
    body.appendChild(tr);
  }

  const prototype = el('td', { role: 'gridcell', tabindex: -1 });
  const cells: (HTMLTableCellElement | undefined)[] = new Array(gridRows * gridCols);
  const shown = new Float64Array(gridRows * gridCols);
  const makeCells = (gr: number, from: number, to: number, made: number[]) => {
    const fragment = document.createDocumentFragment();
    for (let gc = from; gc < to; gc++) {
      const content = contentAt(gr - top, gc - left);
      const td = prototype.cloneNode(false) as HTMLTableCellElement;
      for (const [name, value] of cellAttributes(content)) td.setAttribute(name, value);
      td.textContent = content.text;
      if (gr === top && gc === left) td.tabIndex = 0;
      const i = gr * gridCols + gc;
      shown[i] = content.value;
      cells[i] = td;
      made.push(i);
      fragment.appendChild(td);
    }
    return fragment;
  };
  const build = (gr: number, from: number, to: number): number[] => {
    const made: number[] = [];
    const tr = trs[gr];
    if (!tr.classList.contains('unbuilt')) return made;
    // Walk the row's cells after its label, each built cell one column, each stand-in its span.
    let gc = 0;
    let standIns = 0;
    for (let td = tr.cells[1]; td;) {
      const next = td.nextElementSibling as HTMLTableCellElement | null;
      const end = gc + td.colSpan;
      if (td.classList.contains('unbuilt')) {
        const [a, b] = [Math.max(gc, from), Math.min(end, to)];
        if (a < b) {
          const fragment = document.createDocumentFragment();
          if (gc < a) fragment.appendChild(standInFor(a - gc));
          fragment.appendChild(makeCells(gr, a, b, made));
          if (b < end) fragment.appendChild(standInFor(end - b));
          standIns += Number(gc < a) + Number(b < end);
          td.replaceWith(fragment);
        } else standIns++;
      }
      gc = end;
      td = next!;
    }
    if (standIns === 0) tr.classList.remove('unbuilt');
    return made;
  };
  return {
    colgroup: el('colgroup', {}, el('col'), ...Array.from({ length: gridCols }, () => el('col', { class: 'cells' }))),
    head: el('thead', {}, headRow),
    body,
    colHeads,
    rowHeads,
    rows: trs,
    cells,
    shown,
    build,
  };
}
