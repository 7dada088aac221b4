import { Palette, valueColor } from '../theme';
import type { MatrixSource } from './matrixView';

/** Larger matrices are binned: one canvas pixel then shows the largest-magnitude entry of a square block. */
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
 * Paints `source` into `canvas` (sized to the binning) a chunk of rows at a time, reading only stored entries,
 * so a sparse kernel matrix of millions of cells costs its non-zeros. Returns a cancel function.
 */
export function paintProgressively(
  canvas: HTMLCanvasElement,
  source: MatrixSource,
  bins: Binning,
  palette: Palette,
  maxAbs: number,
  done: () => void,
): () => void {
  const context = canvas.getContext('2d');
  if (!context) {
    done();
    return () => {};
  }
  const { factor, binRows, binCols } = bins;
  const strongest = new Float64Array(binRows * binCols).fill(Number.NaN);
  const image = context.createImageData(binCols, binRows);
  const [br, bg, bb] = palette.background;
  for (let p = 0; p < image.data.length; p += 4) {
    image.data[p] = br;
    image.data[p + 1] = bg;
    image.data[p + 2] = bb;
    image.data[p + 3] = 255;
  }
  context.putImageData(image, 0, 0);

  const rowsPerCheck = Math.max(1, Math.floor(20_000 / Math.max(1, source.entriesPerRow)));
  const keep = (row: number, col: number, value: number) => {
    const bin = Math.floor(row / factor) * binCols + Math.floor(col / factor);
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

  let nextRow = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    const started = performance.now();
    const firstBinRow = Math.floor(nextRow / factor);
    while (nextRow < source.rows && performance.now() - started < CHUNK_MS) {
      const to = Math.min(source.rows, nextRow + rowsPerCheck);
      source.visitRows(nextRow, to, keep);
      nextRow = to;
    }
    paintBinRows(firstBinRow, Math.ceil(nextRow / factor));
    if (nextRow < source.rows) timer = setTimeout(step, 0);
    else done();
  };
  timer = setTimeout(step, 0);
  return () => clearTimeout(timer);
}
