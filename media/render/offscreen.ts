import type { MatrixView } from './matrixView';

/**
 * Big tables cost the page's first paint most: thousands of cells to build, style and lay out. Those the user
 * cannot see yet are laid out only once on screen, and their cells built only as they come into view
 * (`buildCellsInView`).
 */

/** panel.css `.channel`: the scroll box a channel's table is drawn in is at most this big (CSS px). */
const CHANNEL_BOX = { width: 560, height: 440 };

/**
 * A table this big overflows its channel's scroll box both ways: its cells are at least 2.2em plus padding
 * wide and about 20 px tall. So the box's size is known before the table is built or laid out.
 */
export function fillsItsBox(rows: number, cols: number): boolean {
  return rows >= 24 && cols >= 12;
}

/**
 * Lets the browser skip style and layout of `box`, when it holds a table that fills it, while it is off screen;
 * it stands in with its full size, then with the last size it had on screen.
 */
export function skipWhileOffscreen(box: HTMLElement, view: MatrixView): void {
  if (!(view.element instanceof HTMLTableElement && fillsItsBox(view.rows, view.cols))) return;
  box.style.contentVisibility = 'auto';
  box.style.containIntrinsicSize = `auto ${CHANNEL_BOX.width}px auto ${CHANNEL_BOX.height}px`;
}
