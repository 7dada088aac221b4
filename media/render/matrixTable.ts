import { el } from '../dom';
import { cellAriaLabel } from '../../src/view/labels';
import { nextCell } from './gridKeys';
import { CellKind, identify, MatrixIdentity, MatrixSource, MatrixView, PointHandler, TableBorder } from './matrixView';
import { fillsItsBox } from './offscreen';
import { buildCellsInView, CellsInView } from './cellsInView';
import { CellContent, valueClasses } from './tableCell';
import { buildGrid, GridShape, TableGrid } from './tableGrid';

export interface TableOptions extends MatrixIdentity {
  source: MatrixSource;
  format: (value: number) => string;
  /** Header texts; plain indices when absent. */
  rowLabel?: (row: number) => string;
  colLabel?: (col: number) => string;
  /** Long column labels stand upright so that wide matrices stay narrow. */
  uprightColumnLabels?: boolean;
  /** One row drawn as a strip (a 1-D tensor or kernel): no row label, cells spoken by position. */
  strip?: boolean;
  /** Padding (or cropped) cells drawn around the matrix. */
  border?: TableBorder;
  /** What a cell stands for, when more than its value. */
  kindOf?: (row: number, col: number) => CellKind | undefined;
  /** A background colour by value (a table drawn as a heatmap, e.g. the overlap counts); none when absent. */
  tint?: (value: number) => string | undefined;
  onPoint: PointHandler;
}

const NOT_YET = '·';

/**
 * A matrix as an ARIA grid: each value a focusable `<td>` carrying `data-row`, `data-col`, `data-value` (full
 * precision) and a spoken label; one cell is in the tab order at a time (roving tabindex), arrows move it.
 * Border cells (`data-padding="true"`) have outside coordinates, e.g. `data-row="-1"`, and no `data-value`.
 * Pointer, focus and keys are handled once for the whole table. A table too big for its box makes a cell only
 * once it scrolls into view or a highlight or the keyboard reaches it (see `buildCellsInView`); its columns are
 * all as wide as its widest text, built or not.
 */
export function matrixTable(options: TableOptions): MatrixView {
  const { source, format, onPoint, border } = options;
  const { rows, cols } = source;
  const [top, left] = border?.before ?? [0, 0];
  const shape: GridShape = {
    rows,
    cols,
    top,
    left,
    gridRows: top + rows + (border?.after[0] ?? 0),
    gridCols: left + cols + (border?.after[1] ?? 0),
  };
  const inside = (row: number, col: number) => row >= 0 && row < rows && col >= 0 && col < cols;
  const borderWord = border?.kind === 'cropped' ? 'cropped' : 'padding';
  const table = el('table', {
    class: 'matrix-table',
    role: 'grid',
    'aria-label': `${options.ariaName}, ${rows} by ${cols}${border ? `, with its ${borderWord} around it` : ''}`,
  });
  identify(table, options);
  if (options.uprightColumnLabels) table.classList.add('upright-labels');
  if (options.strip) table.classList.add('strip');

  const valueAt = (row: number, col: number) =>
    inside(row, col) ? source.valueAt(row, col) : (border?.valueAt?.(row, col) ?? 0);
  /** Value, text, spoken label and kind of the cell at (row, col), from the source (or the border's values). */
  const contentAt = (row: number, col: number): CellContent => {
    const isBorder = !inside(row, col);
    const value = valueAt(row, col);
    const kind = isBorder ? undefined : options.kindOf?.(row, col);
    const copy = isBorder ? border?.copyAt?.(row, col) : undefined;
    const text = Number.isNaN(value) ? NOT_YET : format(value);
    const spoken = Number.isNaN(value) ? 'not computed yet' : text;
    const note = kind ? kind.description : copy && `${copy.how} copy of ${copy.label}`;
    const ariaLabel = cellAriaLabel(
      isBorder ? `${options.ariaName} ${borderWord}` : options.ariaName,
      options.strip ? undefined : row,
      col,
      note ? `${spoken} (${note})` : spoken,
    );
    return { row, col, value, text, ariaLabel, border: isBorder ? border?.kind : undefined, kind, copy };
  };

  /** The tint is a custom property, so the highlight's classes still win over it. */
  const paintTint = (td: HTMLTableCellElement, value: number) => {
    const color = td.dataset.padding === 'true' ? undefined : options.tint?.(value);
    if (color) td.style.setProperty('--cl-tint', color);
    else td.style.removeProperty('--cl-tint');
    td.classList.toggle('tinted', color !== undefined);
  };
  const labels = border?.labels;
  const grid: TableGrid = buildGrid(shape, contentAt, {
    row: (row) => (labels && (row < 0 || row >= rows) ? labels.row(row) : options.rowLabel?.(row)) ?? String(row),
    col: (col) => (labels && (col < 0 || col >= cols) ? labels.col(col) : options.colLabel?.(col)) ?? String(col),
  });
  table.append(grid.head, grid.body);
  let lazy: CellsInView | undefined;
  /** Makes grid row `gr`'s cells in columns `from` to `to` (exclusive) that are not there yet (tinted). */
  const build = (gr: number, from: number, to: number) => {
    const made = grid.build(gr, from, to);
    if (made.length === 0) return;
    lazy?.built(gr);
    if (options.tint) for (const i of made) paintTint(grid.cells[i]!, grid.shown[i]);
  };
  if (fillsItsBox(rows, cols)) {
    table.prepend(grid.colgroup);
    widenColumns();
    lazy = buildCellsInView(grid.rows, grid.colHeads, build);
    // The matrix's first cell is the tab stop, so the table is always in the tab order.
    if (top < shape.gridRows && left < shape.gridCols) build(top, left, left + 1);
  } else for (let gr = 0; gr < shape.gridRows; gr++) build(gr, 0, shape.gridCols);
  let tabStop = grid.cells[top * shape.gridCols + left];
  /** The cell at grid position (gr, gc), built now if it was not (highlighting reaches cells off screen). */
  const gridCell = (gr: number, gc: number): HTMLTableCellElement => {
    build(gr, gc, gc + 1);
    return grid.cells[gr * shape.gridCols + gc]!;
  };
  /** Every column as wide as the widest text the table shows (panel.css `col.cells`). */
  function widenColumns() {
    let widest = 0;
    for (let row = -top; row < shape.gridRows - top; row++)
      for (let col = -left; col < shape.gridCols - left; col++) {
        const value = valueAt(row, col);
        widest = Math.max(widest, Number.isNaN(value) ? NOT_YET.length : format(value).length);
      }
    table.style.setProperty('--cl-widest-text', String(widest));
  }
  const cellAt = (row: number, col: number): HTMLTableCellElement | undefined => {
    const [gr, gc] = [row + top, col + left];
    return gr >= 0 && gr < shape.gridRows && gc >= 0 && gc < shape.gridCols ? gridCell(gr, gc) : undefined;
  };

  const at = (cell: HTMLElement) => ({ row: Number(cell.dataset.row), col: Number(cell.dataset.col) });
  const cellOf = (target: EventTarget | null) =>
    target instanceof HTMLElement ? target.closest<HTMLTableCellElement>('td[data-row]') : null;

  table.addEventListener('pointerover', (event) => {
    const cell = cellOf(event.target);
    if (cell) onPoint('pointer', at(cell));
  });
  table.addEventListener('pointerleave', () => onPoint('pointer', undefined));
  table.addEventListener('focusin', (event) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    if (tabStop) tabStop.tabIndex = -1;
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
    const next = nextCell(event, { row: here.row + top, col: here.col + left }, shape.gridRows, shape.gridCols);
    if (!next) return;
    event.preventDefault();
    gridCell(next.row, next.col).focus();
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
    markCopied(row, col) {
      add(cellAt(row, col), 'copied');
    },
    annotate(row, col, text) {
      const cell = cellAt(row, col);
      if (!cell) return;
      cell.dataset.meets = text;
      marked.add(cell);
    },
    markRow(row) {
      add(grid.rowHeads[row + top], 'label');
      // The whole row in one go rather than a cell at a time.
      if (row + top >= 0 && row + top < shape.gridRows) build(row + top, 0, shape.gridCols);
      for (let col = 0; col < cols; col++) {
        const cell = cellAt(row, col);
        if (cell && !marked.has(cell)) add(cell, 'band');
      }
    },
    markCol(col) {
      add(grid.colHeads[col + left], 'label');
      for (let row = 0; row < rows; row++) {
        const cell = cellAt(row, col);
        if (cell && !marked.has(cell)) add(cell, 'band');
      }
    },
    markLabels(row, col) {
      add(grid.rowHeads[row + top], 'label');
      add(grid.colHeads[col + left], 'label');
    },
    clearMarks() {
      for (const element of marked) {
        element.classList.remove('highlight', 'origin', 'band', 'label', 'gap', 'copied');
        if (element instanceof HTMLElement) delete element.dataset.meets;
      }
      marked.clear();
    },
    // A row not built yet reads its values when it is.
    refresh() {
      const { cells, shown } = grid;
      cells.forEach((td, i) => {
        if (!td) return;
        const [row, col] = [Math.floor(i / shape.gridCols) - top, (i % shape.gridCols) - left];
        if (Object.is(valueAt(row, col), shown[i])) return;
        const content = contentAt(row, col);
        shown[i] = content.value;
        td.textContent = content.text;
        if (!content.border) td.dataset.value = String(content.value);
        td.setAttribute('aria-label', content.ariaLabel);
        // Only the value's classes change: the marks stay.
        td.classList.remove('zero', 'not-yet');
        td.classList.add(...valueClasses(content.value));
        if (options.tint) paintTint(td, content.value);
      });
      if (lazy) widenColumns();
    },
    dispose() {
      lazy?.stop();
    },
  };
}
