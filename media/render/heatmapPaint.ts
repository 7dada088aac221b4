import { Palette, valueColors } from '../theme';
import type { MatrixSource } from './matrixView';
import type { ZoomWindow } from './zoomWindow';

/** Larger windows are binned: one canvas pixel then shows the largest-magnitude entry of a square block. */
const MAX_BINS = 640;
/** Time one chunk may take before yielding to the page, so hovering and scrolling stay smooth. */
const CHUNK_MS = 12;
/**
 * Bin rows painted into a heatmap's pixel block before it is put on the canvas: a block, not a whole window's
 * pixels (megabytes, whose allocation alone made the garbage collector hold up a frame).
 */
const BLOCK_ROWS = 32;

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

/** A heatmap still painting: one chunk at a time, those on screen first. */
interface Painting {
  canvas: HTMLCanvasElement;
  /** Paints bin rows until `until` (at least one); false once the window is all painted. */
  step(until: number): boolean;
}

const paintings: Painting[] = [];
/** Every painting's bins, one bin row at a time (chunks never overlap): one allocation, grown as windows need. */
let scratch = new Float64Array(0);
const scratchFor = (bins: number): Float64Array => {
  if (scratch.length < bins) scratch = new Float64Array(bins);
  return scratch;
};
const onScreen = new Set<Element>();
let seen: IntersectionObserver | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/** One task of at most `CHUNK_MS`: chunks of the heatmaps on screen, then of the others, in the order they came. */
function paintChunks(): void {
  timer = undefined;
  const until = performance.now() + CHUNK_MS;
  while (paintings.length > 0 && performance.now() < until) {
    const painting = paintings.find((p) => onScreen.has(p.canvas)) ?? paintings[0];
    if (!painting.step(until)) stopPainting(painting);
  }
  if (paintings.length > 0) timer = setTimeout(paintChunks, 0);
}

function startPainting(painting: Painting): void {
  seen ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) onScreen.add(entry.target);
      else onScreen.delete(entry.target);
    }
  });
  seen.observe(painting.canvas);
  paintings.push(painting);
  timer ??= setTimeout(paintChunks, 0);
}

function stopPainting(painting: Painting): void {
  const at = paintings.indexOf(painting);
  if (at < 0) return;
  paintings.splice(at, 1);
  seen?.unobserve(painting.canvas);
  onScreen.delete(painting.canvas);
}

/**
 * Paints `window` of `source` into `canvas` (sized to the window's binning) a chunk of bin rows at a time, after the
 * page's own work and those on screen first, each bin from `source.binStrongest`: a kernel matrix of millions of
 * entries costs its bins, and a zoomed-in window only its own. Returns a cancel function.
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
  const bins = binning(window.rows, window.cols);
  const { factor, binRows, binCols } = bins;
  if (binRows === 0 || binCols === 0) {
    done();
    return () => {};
  }
  // Made by the first chunk, not by whoever asked for the painting (the page's render, which makes several
  // heatmaps: a canvas's first context alone takes milliseconds).
  let context: CanvasRenderingContext2D | null = null;
  let block: ImageData | undefined;
  const [r, g, b] = palette.background;
  // One opaque background pixel as the (little-endian) 32-bit word the canvas stores.
  const backgroundWord = ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
  const colorOf = valueColors(palette, maxAbs);
  /** Bin row `binRow` into row `at` of the block. */
  const paintBinRow = (binRow: number, at: number) => {
    const strongest = scratchFor(binRows * binCols);
    const [from, to] = [binRow * binCols, (binRow + 1) * binCols];
    strongest.fill(Number.NaN, from, to);
    source.binStrongest(window, factor, binRow, binRow + 1, strongest);
    const pixels = block!.data;
    new Uint32Array(pixels.buffer, at * binCols * 4, binCols).fill(backgroundWord);
    for (let bin = from; bin < to; bin++) {
      const value = strongest[bin];
      if (!Number.isNaN(value)) colorOf(value, pixels, (bin - from + at * binCols) * 4);
    }
  };

  let nextBinRow = 0;
  const painting: Painting = {
    canvas,
    step(until) {
      if (!context || !block) {
        // The set-up (the canvas resized and filled) is a chunk of its own.
        context = canvas.getContext('2d');
        if (!context) {
          done();
          return false;
        }
        prepare(canvas, context, window, bins, palette, shown);
        block = context.createImageData(binCols, Math.min(binRows, BLOCK_ROWS));
        return true;
      }
      do {
        const first = nextBinRow;
        const last = Math.min(binRows, first + BLOCK_ROWS);
        do {
          paintBinRow(nextBinRow, nextBinRow - first);
          nextBinRow++;
        } while (nextBinRow < last && performance.now() < until);
        context.putImageData(block, 0, first, 0, 0, binCols, nextBinRow - first);
      } while (nextBinRow < binRows && performance.now() < until);
      if (nextBinRow < binRows) return true;
      done();
      return false;
    },
  };
  startPainting(painting);
  return () => stopPainting(painting);
}
