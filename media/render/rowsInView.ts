/**
 * A table too big for its box builds only the rows that come into view, as a virtualised list does: the cells
 * nobody scrolls to are never made. Rows not built stand in at a built row's height, so the scroll box is as tall
 * as the whole table from the start.
 */

/** Rows built beyond each one seen on either side, so scrolling a little never shows an empty row. */
const AHEAD = 6;

export interface RowsInView {
  stop(): void;
}

/**
 * Calls `build(i)` for each row of `rows` on screen (inside its scroll box and the page's view) and the `AHEAD`
 * rows around it: before the next frame for the rows on screen now, then as they scroll in. `build` makes a row
 * once (a highlight may have made it already).
 */
export function buildRowsInView(rows: HTMLTableRowElement[], build: (index: number) => void): RowsInView {
  const index = new Map(rows.map((row, i) => [row as Element, i]));
  const waiting = new Set<Element>(rows);
  const buildAround = (i: number) => {
    for (let j = Math.max(0, i - AHEAD); j <= Math.min(rows.length - 1, i + AHEAD); j++) {
      build(j);
      if (waiting.delete(rows[j])) observer.unobserve(rows[j]);
    }
    if (waiting.size === 0) stop();
  };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) buildAround(index.get(entry.target)!);
  });
  for (const row of rows) observer.observe(row);
  // The observer first reports once a frame is painted: the rows on screen now are built before that frame.
  const first: FirstLook = {
    rows,
    buildSeen: (seen) => seen.forEach((visible, i) => visible && buildAround(i)),
  };
  lookBeforeNextFrame(first);
  const stop = () => {
    firstLooks.delete(first);
    observer.disconnect();
  };
  return { stop };
}

interface FirstLook {
  rows: HTMLTableRowElement[];
  buildSeen(seen: boolean[]): void;
}

const firstLooks = new Set<FirstLook>();
let frameRequested = false;

/** Before the next frame: which rows of every new table are on screen, all measured before any is built (building
 * between two measures would lay the page out again for each table). */
function lookBeforeNextFrame(look: FirstLook): void {
  firstLooks.add(look);
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    const looks = [...firstLooks];
    firstLooks.clear();
    const seen = looks.map(({ rows }) => {
      const view = rows.length > 0 ? visibleArea(rows[0].parentElement!) : undefined;
      if (!view) return [];
      return rows.map((row) => {
        const box = row.getBoundingClientRect();
        return box.bottom > view.top && box.top < view.bottom && box.right > view.left && box.left < view.right;
      });
    });
    looks.forEach((look, i) => look.buildSeen(seen[i]));
  });
}

/**
 * The part of the page's view that `element`'s content can show in: what every box around it lets through;
 * undefined when that is nothing. Measured from the outside in, and no further once nothing shows: a box the
 * browser skips while off screen (`skipWhileOffscreen`) would be laid out just to be measured.
 */
function visibleArea(element: Element): { top: number; bottom: number; left: number; right: number } | undefined {
  const area = { top: 0, bottom: innerHeight, left: 0, right: innerWidth };
  const boxes: Element[] = [];
  for (let box: Element | null = element; box; box = box.parentElement) boxes.push(box);
  for (const box of boxes.reverse()) {
    if (getComputedStyle(box).overflow === 'visible') continue;
    const clip = box.getBoundingClientRect();
    area.top = Math.max(area.top, clip.top);
    area.bottom = Math.min(area.bottom, clip.bottom);
    area.left = Math.max(area.left, clip.left);
    area.right = Math.min(area.right, clip.right);
    if (area.top >= area.bottom || area.left >= area.right) return undefined;
  }
  return area;
}
