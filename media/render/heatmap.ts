import { el } from '../dom';
import type { Palette } from '../theme';
import { nextCell } from './gridKeys';
import { HeatmapMarks } from './heatmapMarks';
import { binning, paintProgressively } from './heatmapPaint';
import { heatmapLegend } from './legend';
import { identify, MatrixIdentity, MatrixSource, MatrixView, PointHandler } from './matrixView';
import type { Tooltip } from './tooltip';

/** On-screen size the heatmap aims for; small matrices get whole-pixel cells up to this. */
const TARGET_PX = 560;

export interface HeatmapOptions extends MatrixIdentity {
  source: MatrixSource;
  format: (value: number) => string;
  /** What a cell is, for the tooltip, e.g. "x[0,3,4] → y[0,2,3]". */
  describe: (row: number, col: number) => string;
  palette: Palette;
  tooltip: Tooltip;
  onPoint: PointHandler;
}

/**
 * A matrix too large for a table, as a `<canvas data-matrix data-rows data-cols>`: colour by value, a tooltip
 * with value and indices under the pointer (or the keyboard cursor), linked highlights on an overlay canvas.
 */
export function heatmap(options: HeatmapOptions): MatrixView {
  const { source, tooltip, onPoint } = options;
  const { rows, cols } = source;
  const bins = binning(rows, cols);
  const scale = Math.max(1, Math.min(24, Math.floor(TARGET_PX / Math.max(bins.binRows, bins.binCols))));

  const canvas = el('canvas', {
    class: 'heatmap-canvas',
    tabindex: 0,
    role: 'img',
    'data-rows': rows,
    'data-cols': cols,
    'aria-label': `${options.ariaName}: heatmap of ${rows} by ${cols}; arrow keys read values`,
    'aria-describedby': tooltip.id,
  });
  identify(canvas, options);
  canvas.width = bins.binCols;
  canvas.height = bins.binRows;
  canvas.style.width = `${bins.binCols * scale}px`;
  const overlay = el('canvas', { class: 'heatmap-overlay', 'aria-hidden': 'true' });
  const frame = el('div', { class: 'heatmap', 'aria-busy': 'true' }, canvas, overlay);
  const extent = source.extent();
  const maxAbs = () => {
    const { min, max } = source.extent();
    return Math.max(-min, max);
  };
  let stopPainting = paintProgressively(canvas, source, bins, options.palette, Math.max(-extent.min, extent.max), () => {
    canvas.dataset.drawn = 'true';
    frame.removeAttribute('aria-busy');
  });
  const element = el('div', { class: 'heatmap-figure' }, frame, heatmapLegend(options.palette, extent, bins, options.format));

  const label = (row: number, col: number) =>
    `${options.describe(row, col)}  (row ${row}, col ${col}) = ${options.format(source.valueAt(row, col))}`;

  // Pointer: the cell under it, from the canvas's on-screen box (CSS may shrink it to fit).
  let last = -1;
  const cellAt = (event: MouseEvent) => {
    const box = canvas.getBoundingClientRect();
    const col = Math.min(cols - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * cols)));
    const row = Math.min(rows - 1, Math.max(0, Math.floor(((event.clientY - box.top) / box.height) * rows)));
    return { row, col };
  };
  canvas.addEventListener('pointermove', (event) => {
    const cell = cellAt(event);
    tooltip.show(label(cell.row, cell.col), event.clientX, event.clientY);
    if (cell.row * cols + cell.col !== last) {
      last = cell.row * cols + cell.col;
      onPoint('pointer', cell);
    }
  });
  canvas.addEventListener('pointerleave', () => {
    last = -1;
    tooltip.hide();
    onPoint('pointer', undefined);
  });

  // Keyboard: a cursor cell, announced through the tooltip the canvas is described by.
  let cursor = { row: 0, col: 0 };
  const showCursor = () => {
    const box = canvas.getBoundingClientRect();
    tooltip.show(label(cursor.row, cursor.col), box.left + ((cursor.col + 0.5) / cols) * box.width, box.top + ((cursor.row + 0.5) / rows) * box.height);
    onPoint('keyboard', cursor);
  };
  canvas.addEventListener('focus', showCursor);
  canvas.addEventListener('blur', () => {
    tooltip.hide();
    onPoint('keyboard', undefined);
  });
  canvas.addEventListener('keydown', (event) => {
    const next = nextCell(event, cursor, rows, cols);
    if (!next) return;
    event.preventDefault();
    cursor = next;
    showCursor();
  });

  const marks = new HeatmapMarks(canvas, overlay, rows, cols, options.palette);

  return {
    element,
    rows,
    cols,
    // Border cells and gaps have no pixels of their own on a heatmap; annotations would not be legible.
    mark: (row, col, origin) => {
      if (row >= 0 && row < rows && col >= 0 && col < cols) marks.add('cell', row, col, origin);
    },
    markGap() {},
    annotate() {},
    markRow: (row) => marks.add('row', row, 0),
    markCol: (col) => marks.add('col', 0, col),
    markLabels() {},
    clearMarks: () => marks.clear(),
    refresh() {
      stopPainting();
      stopPainting = paintProgressively(canvas, source, bins, options.palette, maxAbs(), () => undefined);
    },
    dispose: () => stopPainting(),
  };
}
