import type { MatrixView } from './matrixView';

/**
 * Big tables cost the page's first paint most: thousands of cells to build, style and lay out. Those the user
 * cannot see yet are laid out only once on screen, and built only when needed.
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

/** At the latest this long after the page is drawn, every deferred table is built, idle time or not. */
const IDLE_TIMEOUT_MS = 1000;

export interface DeferredBuild {
  /** Builds now, unless done already. */
  ensure(): void;
  cancel(): void;
}

interface Waiting {
  element: HTMLElement;
  run(): void;
}

const waiting = new Set<Waiting>();
let frameRequested = false;

/** Before the next frame: builds every waiting table that is on screen, all measured before any is built. */
function buildVisibleBeforeNextFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    const visible = [...waiting].filter(({ element }) => {
      const box = element.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    });
    visible.forEach((entry) => entry.run());
  });
}

/**
 * Runs `build` once, when first needed: before the next frame if `element` (a table that fills its box) is then
 * on screen, so nothing on screen is drawn empty; else when the page is idle, or when `ensure` is called.
 * Until then `element` holds the box's size, so the page around it is laid out as it will be.
 */
export function deferBuild(element: HTMLElement, build: () => void): DeferredBuild {
  let built = false;
  let idle = 0;
  const entry: Waiting = {
    element,
    run() {
      if (built) return;
      built = true;
      cancel();
      element.style.removeProperty('width');
      element.style.removeProperty('height');
      build();
    },
  };
  const cancel = () => {
    waiting.delete(entry);
    cancelIdleCallback(idle);
  };
  element.style.width = `${CHANNEL_BOX.width}px`;
  element.style.height = `${CHANNEL_BOX.height}px`;
  waiting.add(entry);
  idle = requestIdleCallback(entry.run, { timeout: IDLE_TIMEOUT_MS });
  buildVisibleBeforeNextFrame();
  return { ensure: entry.run, cancel };
}
