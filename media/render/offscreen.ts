import { lookInside } from './cellsInView';
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
 * Boxes held back: the browser styles, lays out and paints nothing inside them (`content-visibility: hidden`),
 * not even near the view, where `auto` would still draw them. Each is let go (`auto`) once on screen, or after
 * the page's first frames, one a frame, so no frame draws more than the tables on screen or one more; then the
 * browser skips it while off screen, yet find (Ctrl+F) and screen readers reach it.
 */
const heldBack = new Set<HTMLElement>();
/** A box came on screen since the last frame: the next frame draws it, and no other. */
let letGoOnScreen = false;

function letGo(box: HTMLElement): void {
  if (box.dataset.heldBack === undefined) return;
  release(box);
  box.style.contentVisibility = 'auto';
  delete box.dataset.heldBack;
  lookInside(box);
}

function release(box: HTMLElement): void {
  heldBack.delete(box);
  onScreen.unobserve(box);
}

// The document as root: with the implicit root (the workbench's window, another origin) a webview is seen as a whole.
// It reports a box once it is on the page (a section built in steps adds its boxes last), then as it comes on screen.
const onScreen = new IntersectionObserver(
  (entries) =>
    entries.forEach((entry) => {
      if (!entry.isIntersecting) return letNextGo();
      letGo(entry.target as HTMLElement);
      letGoOnScreen = true;
    }),
  { root: document },
);

/** After each frame, the first box on the page still held back is let go, until none is left. */
let nextRequested = false;
function letNextGo(): void {
  if (nextRequested) return;
  nextRequested = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      nextRequested = false;
      let next: HTMLElement | undefined;
      for (const box of heldBack) if (box.isConnected) next ??= box;
      if (!next) return;
      if (!letGoOnScreen) letGo(next);
      letGoOnScreen = false;
      letNextGo();
    }),
  );
}

/**
 * Lets the browser skip style and layout of `box`, when it holds a table that fills it, while it is off screen;
 * it stands in with its full size, then with the last size it had on screen. The first frame draws only those on
 * screen. Returns what stops watching it, for when the view goes.
 */
export function skipWhileOffscreen(box: HTMLElement, view: MatrixView): () => void {
  if (!(view.element instanceof HTMLTableElement && fillsItsBox(view.rows, view.cols))) return () => {};
  box.style.contentVisibility = 'hidden';
  box.style.containIntrinsicSize = `auto ${CHANNEL_BOX.width}px auto ${CHANNEL_BOX.height}px`;
  box.dataset.heldBack = '';
  heldBack.add(box);
  onScreen.observe(box);
  return () => release(box);
}
