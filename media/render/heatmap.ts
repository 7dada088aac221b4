import { el } from '../dom';
import type { Palette } from '../theme';
import { listenToHeatmap } from './heatmapInput';
import { HeatmapMarks } from './heatmapMarks';
import { binning, paintProgressively } from './heatmapPaint';
import { heatmapLegend } from './legend';
import { identify, MatrixIdentity, MatrixSource, MatrixView, PointHandler } from './matrixView';
import type { Tooltip } from './tooltip';
import { zoomControls } from './zoomControls';
import { Cell, follow, fractionOfCell, panBy, wholeMatrix, ZOOM_STEP, zoomAround, ZoomWindow } from './zoomWindow';

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

const centre = (w: ZoomWindow): Cell => ({ row: w.row + Math.floor(w.rows / 2), col: w.col + Math.floor(w.cols / 2) });
const sameWindow = (a: ZoomWindow, b: ZoomWindow) =>
  a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;

/**
 * A matrix too large for a table, as a `<canvas data-matrix data-rows data-cols data-window>`: colour by
 * value, painted progressively; zoomable (Ctrl+wheel, + / −, the buttons) into a window that is repainted
 * alone, at one pixel a cell once it is small enough; a tooltip with value and indices under the pointer (or
 * the keyboard cursor); linked highlights on an overlay canvas. `data-drawn` is set once a window is painted.
 */
export function heatmap(options: HeatmapOptions): MatrixView {
  const { source, tooltip, onPoint, palette } = options;
  const { rows, cols } = source;
  const full = { rows, cols };
  const bins = binning(rows, cols);
  const scale = Math.max(1, Math.min(24, Math.floor(TARGET_PX / Math.max(bins.binRows, bins.binCols))));

  const canvas = el('canvas', {
    class: 'heatmap-canvas',
    tabindex: 0,
    role: 'img',
    'data-rows': rows,
    'data-cols': cols,
    'aria-label': `${options.ariaName}: heatmap of ${rows} by ${cols}; arrow keys read values, + and − zoom around the cursor, 0 resets`,
    'aria-describedby': tooltip.id,
  });
  identify(canvas, options);
  // The box keeps its size and shape whatever window it shows, so zooming never moves the page; no taller than
  // panel.css's --cl-heatmap-height, so the zoom bar and legend under it stay in view.
  // A strip (a long 1-D tensor) is drawn at least 1/32 as thick as it is long, so it is not a hairline.
  const [shownCols, shownRows] = [Math.max(bins.binCols, bins.binRows / 32), Math.max(bins.binRows, bins.binCols / 32)];
  canvas.style.width = `min(${shownCols * scale}px, calc(var(--cl-heatmap-height) * ${shownCols / shownRows}))`;
  canvas.style.aspectRatio = `${shownCols} / ${shownRows}`;
  const overlay = el('canvas', { class: 'heatmap-overlay', 'aria-hidden': 'true' });
  const frame = el('div', { class: 'heatmap' }, canvas, overlay);
  // A dense source reads every value for it: once, and again only when the values change (`refresh`).
  let extent = source.extent();
  const maxAbs = () => Math.max(-extent.min, extent.max);

  let view = wholeMatrix(rows, cols);
  // The legend names the binning, which depends on the window.
  const legend = () => heatmapLegend(palette, extent, binning(view.rows, view.cols), options.format);
  let cursor: Cell = { row: 0, col: 0 };
  let hovered: Cell | undefined;
  let stopPainting = () => {};
  let shownLegend = legend();
  const marks = new HeatmapMarks(canvas, overlay, view, palette);
  const controls = zoomControls(full, {
    zoomIn: () => showWindow(zoomAround(view, full, centre(view), ZOOM_STEP)),
    zoomOut: () => showWindow(zoomAround(view, full, centre(view), 1 / ZOOM_STEP)),
    reset: () => showWindow(wholeMatrix(rows, cols)),
  });

  /** Paints the current window; `shown` is what the canvas holds now, stretched in as a preview meanwhile. */
  const paint = (shown?: ZoomWindow) => {
    stopPainting();
    delete canvas.dataset.drawn;
    frame.setAttribute('aria-busy', 'true');
    canvas.dataset.window = `${view.row},${view.col},${view.rows},${view.cols}`;
    stopPainting = paintProgressively(
      canvas,
      source,
      view,
      palette,
      maxAbs(),
      () => {
        canvas.dataset.drawn = 'true';
        frame.removeAttribute('aria-busy');
      },
      shown,
    );
  };
  const showWindow = (next: ZoomWindow) => {
    if (sameWindow(next, view)) return;
    const shown = view;
    view = next;
    paint(shown);
    marks.show(view);
    controls.show(view);
    const replacement = legend();
    shownLegend.replaceWith(replacement);
    shownLegend = replacement;
  };
  paint();
  controls.show(view);

  const label = (cell: Cell) =>
    `${options.describe(cell.row, cell.col)}  (row ${cell.row}, col ${cell.col}) = ${options.format(source.valueAt(cell.row, cell.col))}`;
  const showCursor = () => {
    const box = canvas.getBoundingClientRect();
    const at = fractionOfCell(view, cursor);
    tooltip.show(label(cursor), box.left + at.x * box.width, box.top + at.y * box.height);
    onPoint('keyboard', cursor);
  };
  listenToHeatmap(canvas, full, () => view, {
    hover(cell, x, y) {
      if (cell) tooltip.show(label(cell), x, y);
      else tooltip.hide();
      // The link highlights change only when the cell does.
      if (cell?.row !== hovered?.row || cell?.col !== hovered?.col) onPoint('pointer', cell);
      hovered = cell;
    },
    zoom: (at, factor) => showWindow(zoomAround(view, full, at, factor)),
    pan: (from, rows, cols) => showWindow(panBy(from, full, rows, cols)),
    reset: () => showWindow(wholeMatrix(rows, cols)),
    cursor: () => cursor,
    moveCursor(cell) {
      cursor = cell;
      showWindow(follow(view, cursor));
      showCursor();
    },
    blur() {
      tooltip.hide();
      onPoint('keyboard', undefined);
    },
  });

  const element = el('div', { class: 'heatmap-figure' }, frame, controls.element, shownLegend);
  return {
    element,
    rows,
    cols,
    // Border cells and gaps have no pixels of their own on a heatmap; annotations would not be legible.
    mark: (row, col, origin) => {
      if (row >= 0 && row < rows && col >= 0 && col < cols) marks.add('cell', row, col, origin);
    },
    markGap() {},
    markCopied: (row, col) => marks.add('cell', row, col),
    annotate() {},
    markRow: (row) => marks.add('row', row, 0),
    markCol: (col) => marks.add('col', 0, col),
    markLabels() {},
    clearMarks: () => marks.clear(),
    refresh() {
      extent = source.extent();
      paint(view);
    },
    dispose: () => stopPainting(),
  };
}
