import { Palette, valueColor } from '../theme';
import type { MatrixSource } from './matrixView';
import type { ZoomWindow } from './zoomWindow';

/** Larger windows are binned: one canvas pixel then shows the largest-magnitude entry of a square block. */
const MAX_BINS = 640;
/** Time one chunk may take before yielding to the page, so hovering and scrolling stay smooth. */
const CHUNK_MS = 12;

export interface Binning {
  /** Matrix cells per canvas pixel along each axis. */
  factor: number;
  binRows: number;
  binCols: number;
}

export function binning(rows: number, cols: number): Binning {
  const factor = Math.max(1, Math.ceil(Math.max(rows, cols) / MAX_BINS));
  return { factor, binRows: Math.ceil(rows / factor), binCols: Math.ceil(cols / factor) };
}

/**
 * Resizes the canvas to the window's bins and fills it with what can be shown at once: the pixels it held
 * for window `shown`, stretched to the new window (a blurry zoom that the painting then sharpens), over the
 * background.
 */
function prepare(
  canvas: HTMLCanvasElement,
  context: CanvasRenderingContext2D,
  window: ZoomWindow,
  bins: Binning,
  palette: Palette,
  shown?: ZoomWindow,
): void {
  let previous: HTMLCanvasElement | undefined;
  if (shown && canvas.width > 0 && canvas.height > 0) {
    // Resizing clears the canvas: keep a copy of its pixels first.
    previous = document.createElement('canvas');
    previous.width = canvas.width;
    previous.height = canvas.height;
    previous.getContext('2d')?.drawImage(canvas, 0, 0);
  }
  canvas.width = bins.binCols;
  canvas.height = bins.binRows;
  context.fillStyle = `rgb(${palette.background.join(', ')})`;
  context.fillRect(0, 0, canvas.width, canvas.height);
  if (!previous || !shown) return;
  context.imageSmoothingEnabled = false;
  const x = (previous.width * (window.col - shown.col)) / shown.cols;
  const y = (previous.height * (window.row - shown.row)) / shown.rows;
  context.drawImage(
    previous,
    x,
    y,
    (previous.width * window.cols) / shown.cols,
    (previous.height * window.rows) / shown.rows,
    0,
    0,
    canvas.width,
    canvas.height,
  );
}

/**
 * Paints `window` of `source` into `canvas` (sized to the window's binning) a chunk of rows at a time, reading
 * only stored entries of the window's rows, so a sparse kernel matrix of millions of cells costs its non-zeros
 * and a zoomed-in window only its own rows. Returns a cancel function.
 */
export function paintProgressively(
  canvas: HTMLCanvasElement,
  source: MatrixSource,
  window: ZoomWindow,
  palette: Palette,
  maxAbs: number,
  done: () => void,
  shown?: ZoomWindow,
): () => void {
  const context = canvas.getContext('2d');
  if (!context) {
    done();
    return () => {};
  }
  const bins = binning(window.rows, window.cols);
  const { factor, binRows, binCols } = bins;
  prepare(canvas, context, window, bins, palette, shown);
  const strongest = new Float64Array(binRows * binCols).fill(Number.NaN);
  const image = context.createImageData(binCols, binRows);
  const [br, bg, bb] = palette.background;
  for (let p = 0; p < image.data.length; p += 4) {
    image.data[p] = br;
    image.data[p + 1] = bg;
    image.data[p + 2] = bb;
    image.data[p + 3] = 255;
  }

  const rowsPerCheck = Math.max(1, Math.floor(20_000 / Math.max(1, source.entriesPerRow)));
  const keep = (row: number, col: number, value: number) => {
    const c = col - window.col;
    if (c < 0 || c >= window.cols) return;
    const bin = Math.floor((row - window.row) / factor) * binCols + Math.floor(c / factor);
    const old = strongest[bin];
    if (Number.isNaN(old) || Math.abs(value) > Math.abs(old)) strongest[bin] = value;
  };
  const paintBinRows = (from: number, to: number) => {
    for (let bin = from * binCols; bin < to * binCols; bin++) {
      const value = strongest[bin];
      if (Number.isNaN(value)) continue;
      const [r, g, b] = valueColor(palette, value, maxAbs);
      image.data[bin * 4] = r;
      image.data[bin * 4 + 1] = g;
      image.data[bin * 4 + 2] = b;
    }
    context.putImageData(image, 0, 0, 0, from, binCols, to - from);
  };

  const end = window.row + window.rows;
  let nextRow = window.row;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    const started = performance.now();
    const firstBinRow = Math.floor((nextRow - window.row) / factor);
    while (nextRow < end && performance.now() - started < CHUNK_MS) {
      const to = Math.min(end, nextRow + rowsPerCheck);
      source.visitRows(nextRow, to, keep);
      nextRow = to;
    }
    paintBinRows(firstBinRow, Math.ceil((nextRow - window.row) / factor));
    if (nextRow < end) timer = setTimeout(step, 0);
    else done();
  };
  timer = setTimeout(step, 0);
  return () => clearTimeout(timer);
}
