import { el } from '../dom';
import { cellAriaLabel } from '../labels';
import { nextCell } from './gridKeys';
import { CellKind, identify, MatrixIdentity, MatrixSource, MatrixView, PointHandler, TableBorder } from './matrixView';

export interface TableOptions extends MatrixIdentity {
  source: MatrixSource;
  format: (value: number) => string;
  /** Header texts; plain indices when absent. */
  rowLabel?: (row: number) => string;
  colLabel?: (col: number) => string;
  /** Long column labels stand upright so that wide matrices stay narrow. */
  uprightColumnLabels?: boolean;
  /** Padding (or cropped) cells drawn around the matrix. */
  border?: TableBorder;
  /** What a cell stands for, when more than its value. */
  kindOf?: (row: number, col: number) => CellKind | undefined;
  onPoint: PointHandler;
}

const NOT_YET = '·';

/**
 * A matrix as an ARIA grid: each value a focusable `<td>` carrying `data-row`, `data-col`, `data-value` (full
 * precision) and a spoken label; one cell is in the tab order at a time (roving tabindex), arrows move it.
 * Border cells (`data-padding="true"`) have outside coordinates, e.g. `data-row="-1"`, and no `data-value`.
 */
export function matrixTable(options: TableOptions): MatrixView {
  const { source, format, onPoint, border } = options;
  const { rows, cols } = source;
  const [top, left] = border?.before ?? [0, 0];
  const gridRows = top + rows + (border?.after[0] ?? 0);
  const gridCols = left + cols + (border?.after[1] ?? 0);
  const inside = (row: number, col: number) => row >= 0 && row < rows && col >= 0 && col < cols;
  const borderWord = border?.kind === 'cropped' ? 'cropped' : 'padding';
  const table = el('table', { class: 'matrix-table', role: 'grid', 'aria-label': `${options.ariaName}, ${rows} by ${cols}${border ? `, with its ${borderWord} around it` : ''}` });
  identify(table, options);
  if (options.uprightColumnLabels) table.classList.add('upright-labels');

  const colHeads: HTMLTableCellElement[] = [];
  const headRow = el('tr', {}, el('th', { class: 'corner', 'aria-hidden': 'true' }));
  for (let g = 0; g < gridCols; g++) {
    const col = g - left;
    const outside = col < 0 || col >= cols;
    const th = el('th', { scope: 'col', class: outside ? 'col-label border-label' : 'col-label' }, el('span', {}, options.colLabel?.(col) ?? String(col)));
    colHeads.push(th);
    headRow.append(th);
  }

  const rowHeads: HTMLTableCellElement[] = [];
  const cells: HTMLTableCellElement[] = [];
  const valueOf = (row: number, col: number) => (inside(row, col) ? source.valueAt(row, col) : (border?.valueAt?.(row, col) ?? 0));
  const body = el('tbody');
  for (let gr = 0; gr < gridRows; gr++) {
    const row = gr - top;
    const th = el('th', { scope: 'row', class: row < 0 || row >= rows ? 'row-label border-label' : 'row-label' }, options.rowLabel?.(row) ?? String(row));
    rowHeads.push(th);
    const tr = el('tr', {}, th);
    for (let gc = 0; gc < gridCols; gc++) {
      const col = gc - left;
      const isBorder = !inside(row, col);
      const kind = isBorder ? undefined : options.kindOf?.(row, col);
      const td = el('td', {
        role: 'gridcell',
        tabindex: gr === top && gc === left ? 0 : -1,
        'data-row': row,
        'data-col': col,
        'data-padding': isBorder || kind?.padding ? 'true' : undefined,
        'data-cropped': isBorder && border?.kind === 'cropped' ? 'true' : undefined,
        'data-kind': kind?.kind,
        class: isBorder ? `border border-${border?.kind}` : kind ? `kind-${kind.kind}` : undefined,
      });
      fill(td, row, col, isBorder, kind);
      cells.push(td);
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(el('thead', {}, headRow), body);

  /** Value, text and spoken label of one cell, from the source (or the border's values). */
  function fill(td: HTMLTableCellElement, row: number, col: number, isBorder: boolean, kind: CellKind | undefined): void {
    const value = valueOf(row, col);
    const text = Number.isNaN(value) ? NOT_YET : format(value);
    td.textContent = text;
    if (!isBorder) td.dataset.value = String(value);
    td.classList.toggle('zero', value === 0);
    td.classList.toggle('not-yet', Number.isNaN(value));
    const spoken = Number.isNaN(value) ? 'not computed yet' : text;
    const what = isBorder ? `${options.ariaName} ${borderWord}` : options.ariaName;
    td.setAttribute('aria-label', cellAriaLabel(what, row, col, kind ? `${spoken} (${kind.description})` : spoken));
  }

  const cellAt = (row: number, col: number): HTMLTableCellElement | undefined => {
    const gr = row + top;
    const gc = col + left;
    return gr >= 0 && gr < gridRows && gc >= 0 && gc < gridCols ? cells[gr * gridCols + gc] : undefined;
  };
  const at = (cell: HTMLElement) => ({ row: Number(cell.dataset.row), col: Number(cell.dataset.col) });
  const cellOf = (target: EventTarget | null) => (target instanceof HTMLElement ? target.closest<HTMLTableCellElement>('td[data-row]') : null);
  let tabStop = cellAt(0, 0) ?? cells[0];

  table.addEventListener('pointerover', (event) => {
    const cell = cellOf(event.target);
    if (cell) onPoint('pointer', at(cell));
  });
  table.addEventListener('pointerleave', () => onPoint('pointer', undefined));
  table.addEventListener('focusin', (event) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    tabStop.tabIndex = -1;
    cell.tabIndex = 0;
    tabStop = cell;
    onPoint('keyboard', at(cell));
  });
  table.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && table.contains(event.relatedTarget))) onPoint('keyboard', undefined);
  });
  table.addEventListener('keydown', (event) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    const here = at(cell);
    const next = nextCell(event, { row: here.row + top, col: here.col + left }, gridRows, gridCols);
    if (!next) return;
    event.preventDefault();
    cells[next.row * gridCols + next.col].focus();
  });

  const marked = new Set<Element>();
  const add = (element: Element | undefined, ...classes: string[]) => {
    if (!element) return;
    element.classList.add('highlight', ...classes);
    marked.add(element);
  };

  return {
    element: table,
    rows,
    cols,
    mark(row, col, origin) {
      const cell = cellAt(row, col);
      cell?.classList.remove('band', 'gap');
      add(cell, ...(origin ? ['origin'] : []));
    },
    markGap(row, col) {
      const cell = cellAt(row, col);
      if (!cell || marked.has(cell)) return;
      cell.classList.add('gap');
      marked.add(cell);
    },
    annotate(row, col, text) {
      const cell = cellAt(row, col);
      if (!cell) return;
      cell.dataset.meets = text;
      marked.add(cell);
    },
    markRow(row) {
      add(rowHeads[row + top], 'label');
      for (let col = 0; col < cols; col++) {
        const cell = cellAt(row, col);
        if (cell && !marked.has(cell)) add(cell, 'band');
      }
    },
    markCol(col) {
      add(colHeads[col + left], 'label');
      for (let row = 0; row < rows; row++) {
        const cell = cellAt(row, col);
        if (cell && !marked.has(cell)) add(cell, 'band');
      }
    },
    markLabels(row, col) {
      add(rowHeads[row + top], 'label');
      add(colHeads[col + left], 'label');
    },
    clearMarks() {
      for (const element of marked) {
        element.classList.remove('highlight', 'origin', 'band', 'label', 'gap');
        if (element instanceof HTMLElement) delete element.dataset.meets;
      }
      marked.clear();
    },
    refresh() {
      for (const td of cells) {
        const { row, col } = at(td);
        const isBorder = !inside(row, col);
        fill(td, row, col, isBorder, isBorder ? undefined : options.kindOf?.(row, col));
      }
    },
    dispose() {},
  };
}
