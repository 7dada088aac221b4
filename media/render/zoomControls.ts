import { el } from '../dom';
import { isWhole, MIN_WINDOW_CELLS, windowText, type ZoomWindow } from './zoomWindow';

export interface ZoomControls {
  readonly element: HTMLElement;
  /** Says which part of the matrix is on screen, and which buttons can do anything there. */
  show(window: ZoomWindow): void;
}

export interface ZoomActions {
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
}

/** The buttons under a heatmap that zoom it (around the window's centre), and the range it shows. */
export function zoomControls(full: { rows: number; cols: number }, actions: ZoomActions): ZoomControls {
  const button = (action: string, label: string, text: string, run: () => void) => {
    const b = el(
      'button',
      { type: 'button', class: 'action zoom-button', 'data-action': action, 'aria-label': label, title: label },
      text,
    );
    b.addEventListener('click', run);
    return b;
  };
  const zoomOut = button('zoom-out', 'Zoom out', '−', actions.zoomOut);
  const zoomIn = button('zoom-in', 'Zoom in', '+', actions.zoomIn);
  const reset = button('zoom-reset', 'Reset zoom', 'Reset zoom', actions.reset);
  const range = el('span', {
    class: 'zoom-range',
    'data-role': 'heatmap-window',
    role: 'status',
    'aria-live': 'polite',
  });
  const element = el(
    'div',
    { class: 'zoom-bar', role: 'group', 'aria-label': 'Zoom' },
    zoomOut,
    zoomIn,
    reset,
    range,
    el('span', { class: 'zoom-hint' }, 'Ctrl+wheel or + / − to zoom, drag or arrow keys to move, 0 to reset'),
  );
  return {
    element,
    show(window) {
      const whole = isWhole(window, full.rows, full.cols);
      zoomOut.disabled = reset.disabled = whole;
      zoomIn.disabled =
        window.rows <= Math.min(full.rows, MIN_WINDOW_CELLS) && window.cols <= Math.min(full.cols, MIN_WINDOW_CELLS);
      range.textContent = windowText(window, full);
    },
  };
}
