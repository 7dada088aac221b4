import { el } from '../dom';
import { cellAriaLabel } from '../labels';
import { nextCell } from './gridKeys';
import { identify, MatrixIdentity, MatrixSource, MatrixView, PointHandler } from './matrixView';

export interface TableOptions extends MatrixIdentity {
  source: MatrixSource;
  format: (value: number) => string;
  /** Header texts; plain indices when absent. */
  rowLabel?: (row: number) => string;
  colLabel?: (col: number) => string;
  /** Long column labels stand upright so that wide matrices stay narrow. */
  uprightColumnLabels?: boolean;
  onPoint: PointHandler;
}

/**
 * A matrix as an ARIA grid: each value a focusable `<td>` carrying `data-row`, `data-col`, `data-value` (full
 * precision) and a spoken label; one cell is in the tab order at a time (roving tabindex), arrows move it.
 */
export function matrixTable(options: TableOptions): MatrixView {
  const { source, format, onPoint } = options;
  const { rows, cols } = source;
  const table = el('table', { class: 'matrix-table', role: 'grid', 'aria-label': `${options.ariaName}, ${rows} by ${cols}` });
  identify(table, options);
  if (options.uprightColumnLabels) table.classList.add('upright-labels');

  const colHeads: HTMLTableCellElement[] = [];
  const headRow = el('tr', {}, el('th', { class: 'corner', 'aria-hidden': 'true' }));
  for (let col = 0; col < cols; col++) {
    const th = el('th', { scope: 'col', class: 'col-label' }, el('span', {}, options.colLabel?.(col) ?? String(col)));
    colHeads.push(th);
    headRow.append(th);
  }

  const rowHeads: HTMLTableCellElement[] = [];
  const cells: HTMLTableCellElement[] = [];
  const body = el('tbody');
  for (let row = 0; row < rows; row++) {
    const th = el('th', { scope: 'row', class: 'row-label' }, options.rowLabel?.(row) ?? String(row));
    rowHeads.push(th);
    const tr = el('tr', {}, th);
    for (let col = 0; col < cols; col++) {
      const value = source.valueAt(row, col);
      const text = format(value);
      const td = el(
        'td',
        {
          role: 'gridcell',
          tabindex: row === 0 && col === 0 ? 0 : -1,
          'data-row': row,
          'data-col': col,
          'data-value': String(value),
          'aria-label': cellAriaLabel(options.ariaName, row, col, text),
          class: value === 0 ? 'zero' : undefined,
        },
        text,
      );
      cells.push(td);
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(el('thead', {}, headRow), body);

  const at = (cell: HTMLElement) => ({ row: Number(cell.dataset.row), col: Number(cell.dataset.col) });
  const cellOf = (target: EventTarget | null) => (target instanceof HTMLElement ? target.closest<HTMLTableCellElement>('td[data-row]') : null);
  let tabStop = cells[0];

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
    const next = cell && nextCell(event, at(cell), rows, cols);
    if (!next) return;
    event.preventDefault();
    cells[next.row * cols + next.col].focus();
  });

  const marked = new Set<Element>();
  const add = (element: Element, ...classes: string[]) => {
    element.classList.add('highlight', ...classes);
    marked.add(element);
  };

  return {
    element: table,
    rows,
    cols,
    mark(row, col, origin) {
      const cell = cells[row * cols + col];
      cell.classList.remove('band');
      add(cell, ...(origin ? ['origin'] : []));
    },
    markRow(row) {
      add(rowHeads[row], 'label');
      for (let col = 0; col < cols; col++) if (!marked.has(cells[row * cols + col])) add(cells[row * cols + col], 'band');
    },
    markCol(col) {
      add(colHeads[col], 'label');
      for (let row = 0; row < rows; row++) if (!marked.has(cells[row * cols + col])) add(cells[row * cols + col], 'band');
    },
    markLabels(row, col) {
      add(rowHeads[row], 'label');
      add(colHeads[col], 'label');
    },
    clearMarks() {
      for (const element of marked) element.classList.remove('highlight', 'origin', 'band', 'label');
      marked.clear();
    },
    dispose() {},
  };
}
