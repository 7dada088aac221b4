import { nextCell } from './gridKeys';
import { Cell, cellAtFraction, contains, isWhole, ZOOM_STEP, ZoomWindow } from './zoomWindow';

/** What the pointer and the keyboard ask a heatmap to do. */
export interface HeatmapGestures {
  /** The pointer is over `cell` at client coordinates (x, y); `undefined` once it has left. */
  hover(cell: Cell | undefined, x: number, y: number): void;
  /** Zoom in `factor` times (out for factor < 1), keeping `at` where it is on screen. */
  zoom(at: Cell, factor: number): void;
  /** Shows window `from` (where a drag began) moved by whole cells. */
  pan(from: ZoomWindow, rows: number, cols: number): void;
  reset(): void;
  cursor(): Cell;
  /** Puts the keyboard cursor on `cell` (the window follows it) and announces it. */
  moveCursor(cell: Cell): void;
  blur(): void;
}

/** Wheel distance for one zoom step (Chrome reports a mouse wheel notch as 100 pixels; a pinch as a few). */
const WHEEL_PER_STEP = 100;
/** Small pinch deltas are summed until they make a visible zoom. */
const WHEEL_MIN = 25;

/**
 * The pointer (hover, drag to pan, Ctrl+wheel or pinch to zoom) and the keyboard (arrows move a cursor,
 * + and − zoom around it, 0 resets) on a heatmap showing `window()` of a `full`-sized matrix.
 */
export function listenToHeatmap(
  canvas: HTMLCanvasElement,
  full: { rows: number; cols: number },
  window: () => ZoomWindow,
  on: HeatmapGestures,
): void {
  const cellAt = (event: MouseEvent) => {
    const box = canvas.getBoundingClientRect();
    return cellAtFraction(window(), (event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
  };

  let drag: { x: number; y: number; from: ZoomWindow } | undefined;
  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || isWhole(window(), full.rows, full.cols)) return;
    drag = { x: event.clientX, y: event.clientY, from: window() };
    canvas.setPointerCapture(event.pointerId);
    canvas.classList.add('dragging');
  });
  const endDrag = () => {
    drag = undefined;
    canvas.classList.remove('dragging');
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  canvas.addEventListener('pointermove', (event) => {
    if (!drag) {
      on.hover(cellAt(event), event.clientX, event.clientY);
      return;
    }
    const box = canvas.getBoundingClientRect();
    // The matrix follows the pointer: dragging right brings columns on the left into view.
    const rows = -Math.round(((event.clientY - drag.y) / box.height) * drag.from.rows);
    const cols = -Math.round(((event.clientX - drag.x) / box.width) * drag.from.cols);
    on.pan(drag.from, rows, cols);
  });
  canvas.addEventListener('pointerleave', () => on.hover(undefined, 0, 0));

  let wheel = 0;
  canvas.addEventListener(
    'wheel',
    (event) => {
      // A plain wheel scrolls the page past the heatmap; Ctrl (or a pinch, which Chrome reports with it) zooms.
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      wheel += event.deltaY;
      if (Math.abs(wheel) < WHEEL_MIN) return;
      const steps = Math.max(-1, Math.min(1, -wheel / WHEEL_PER_STEP));
      wheel = 0;
      on.zoom(cellAt(event), ZOOM_STEP ** steps);
    },
    { passive: false },
  );

  canvas.addEventListener('focus', () => {
    const w = window();
    on.moveCursor(contains(w, on.cursor()) ? on.cursor() : { row: w.row, col: w.col });
  });
  canvas.addEventListener('blur', () => on.blur());
  canvas.addEventListener('keydown', (event) => {
    // With Ctrl, Alt or ⌘ these keys belong to VS Code (its own zoom).
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    const factor = !plain
      ? undefined
      : event.key === '+' || event.key === '='
        ? ZOOM_STEP
        : event.key === '-'
          ? 1 / ZOOM_STEP
          : undefined;
    if (factor !== undefined || (plain && event.key === '0')) {
      event.preventDefault();
      if (factor === undefined) on.reset();
      else on.zoom(on.cursor(), factor);
      on.moveCursor(on.cursor());
      return;
    }
    const next = nextCell(event, on.cursor(), full.rows, full.cols);
    if (!next) return;
    event.preventDefault();
    on.moveCursor(next);
  });
}
