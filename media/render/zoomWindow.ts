/**
 * The part of a matrix a heatmap shows, and how zooming and panning move it. Pure arithmetic on cell indices,
 * so it is tested without a DOM; on screen the window always fills the heatmap's box.
 */

/** Rows `[row, row + rows)` and columns `[col, col + cols)`. */
export interface ZoomWindow {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface Cell {
  row: number;
  col: number;
}

/** Zoomed in all the way, a window still spans this many cells along each axis (or all of a shorter axis). */
export const MIN_WINDOW_CELLS = 16;

/** One press of + or − (or a button) halves or doubles the window's sides. */
export const ZOOM_STEP = 2;

export function wholeMatrix(rows: number, cols: number): ZoomWindow {
  return { row: 0, col: 0, rows, cols };
}

export function isWhole(window: ZoomWindow, rows: number, cols: number): boolean {
  return window.rows === rows && window.cols === cols;
}

/** A side `factor` times shorter (longer for factor < 1), kept between the minimum and the whole axis. */
function side(size: number, full: number, factor: number): number {
  return Math.min(full, Math.max(Math.min(full, MIN_WINDOW_CELLS), Math.round(size / factor)));
}

/** A window start that keeps a window of `size` inside an axis of `full` cells. */
const clampStart = (start: number, size: number, full: number): number =>
  Math.min(full - size, Math.max(0, Math.round(start)));

/**
 * The window `factor` times smaller along each side (`factor` < 1 zooms out), with cell `at` staying where it
 * was on screen as far as the matrix's edges allow: zooming around the pointer or the keyboard cursor.
 */
export function zoomAround(
  window: ZoomWindow,
  full: { rows: number; cols: number },
  at: Cell,
  factor: number,
): ZoomWindow {
  const rows = side(window.rows, full.rows, factor);
  const cols = side(window.cols, full.cols, factor);
  // The cell's centre keeps its fraction of the window.
  const row = at.row + 0.5 - ((at.row + 0.5 - window.row) * rows) / window.rows;
  const col = at.col + 0.5 - ((at.col + 0.5 - window.col) * cols) / window.cols;
  return { row: clampStart(row, rows, full.rows), col: clampStart(col, cols, full.cols), rows, cols };
}

/** The window moved by whole cells (a drag), kept inside the matrix. */
export function panBy(
  window: ZoomWindow,
  full: { rows: number; cols: number },
  rows: number,
  cols: number,
): ZoomWindow {
  return {
    ...window,
    row: clampStart(window.row + rows, window.rows, full.rows),
    col: clampStart(window.col + cols, window.cols, full.cols),
  };
}

/** The window moved just enough to show `cell` (the keyboard cursor walking off its edge). */
export function follow(window: ZoomWindow, cell: Cell): ZoomWindow {
  const along = (start: number, size: number, at: number) =>
    at < start ? at : at >= start + size ? at - size + 1 : start;
  return { ...window, row: along(window.row, window.rows, cell.row), col: along(window.col, window.cols, cell.col) };
}

export function contains(window: ZoomWindow, cell: Cell): boolean {
  return (
    cell.row >= window.row &&
    cell.row < window.row + window.rows &&
    cell.col >= window.col &&
    cell.col < window.col + window.cols
  );
}

/** The cell at fractions `x`, `y` (0..1, left to right and top to bottom) of the window's on-screen box. */
export function cellAtFraction(window: ZoomWindow, x: number, y: number): Cell {
  const pick = (start: number, size: number, f: number) =>
    start + Math.min(size - 1, Math.max(0, Math.floor(f * size)));
  return { row: pick(window.row, window.rows, y), col: pick(window.col, window.cols, x) };
}

/** Where the centre of `cell` sits, as fractions of the window's on-screen box. */
export function fractionOfCell(window: ZoomWindow, cell: Cell): { x: number; y: number } {
  return { x: (cell.col - window.col + 0.5) / window.cols, y: (cell.row - window.row + 0.5) / window.rows };
}

const count = (n: number) => n.toLocaleString('en-US');

/** What the window shows, e.g. "rows 1,024–1,279 of 262,144 · columns 0–255 of 258,064". */
export function windowText(window: ZoomWindow, full: { rows: number; cols: number }): string {
  const range = (start: number, size: number) => `${count(start)}–${count(start + size - 1)}`;
  return `rows ${range(window.row, window.rows)} of ${count(full.rows)} · columns ${range(window.col, window.cols)} of ${count(full.cols)}`;
}
