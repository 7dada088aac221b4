/**
 * A table too big for its box builds only the cells that come into view, as a virtualised list does: the cells
 * nobody scrolls to are never made. Rows and columns not built stand in at their built size, so the scroll box is
 * as big as the whole table from the start.
 */

/** Rows built beyond each one seen on either side, so scrolling a little never shows an empty row. */
const ROWS_AHEAD = 6;
/** Columns built beyond those seen on either side, so scrolling a little sideways never shows an empty column. */
const COLUMNS_AHEAD = 4;

export interface CellsInView {
  /** Row `row` got cells (from anywhere: a highlight, a key): its stand-ins changed. */
  built(row: number): void;
  stop(): void;
}

/** Columns `from` to `to` (exclusive). */
type Columns = [from: number, to: number];

/**
 * Calls `build(row, from, to)` for the cells of `rows` on screen (inside their scroll box and the page's view) and
 * those `ROWS_AHEAD` rows and `COLUMNS_AHEAD` columns around them: before the next frame for the cells on screen
 * now, then as they scroll in, which the stand-in cells (`td.unbuilt`) of each row tell. `build` makes a cell once
 * (a highlight may have made it already) and calls `built` when it made any. The header cells `colHeads` give the
 * columns' positions.
 */
export function buildCellsInView(
  rows: HTMLTableRowElement[],
  colHeads: HTMLTableCellElement[],
  build: (row: number, from: number, to: number) => void,
): CellsInView {
  const index = new Map(rows.map((row, i) => [row as Element, i]));
  /** Each row's stand-ins being watched; a row leaves once it has none. */
  const watched = new Map<number, Set<Element>>();
  const watch = (i: number) => {
    const before = watched.get(i) ?? new Set<Element>();
    const now = new Set<Element>(rows[i].querySelectorAll(':scope > td.unbuilt'));
    for (const standIn of before) if (!now.has(standIn)) observer.unobserve(standIn);
    for (const standIn of now) if (!before.has(standIn)) observer.observe(standIn);
    if (now.size > 0) watched.set(i, now);
    else watched.delete(i);
    if (watched.size === 0) stop();
  };
  const buildAround = (i: number, [from, to]: Columns) => {
    const columns: Columns = [Math.max(0, from - COLUMNS_AHEAD), Math.min(colHeads.length, to + COLUMNS_AHEAD)];
    for (let j = Math.max(0, i - ROWS_AHEAD); j <= Math.min(rows.length - 1, i + ROWS_AHEAD); j++) build(j, ...columns);
  };
  const observer = new IntersectionObserver((entries) => {
    // A stand-in replaced since it was seen is gone: its row is watched through its new stand-ins.
    const seen = entries.filter((entry) => entry.isIntersecting && entry.target.isConnected);
    // Every column's place measured once, before any cell is built (building lays the table out again).
    const places = seen.length > 0 ? columnPlaces(colHeads) : [];
    for (const entry of seen) {
      const { left, right } = entry.intersectionRect;
      buildAround(index.get(entry.target.parentElement!)!, columnsBetween(places, left, right));
    }
  });
  rows.forEach((_, i) => watch(i));
  // The observer first reports once a frame is painted: the cells on screen now are built before that frame.
  const first: FirstLook = {
    rows,
    colHeads,
    buildSeen: (seen, columns) => seen.forEach((visible, i) => visible && buildAround(i, columns)),
  };
  lookBeforeNextFrame(first);
  function stop() {
    firstLooks.delete(first);
    heldLooks.delete(first);
    observer.disconnect();
  }
  return { built: watch, stop };
}

/** Each column's left and right edge on screen, from its header cell. */
function columnPlaces(colHeads: HTMLTableCellElement[]): { left: number; right: number }[] {
  return colHeads.map((th) => th.getBoundingClientRect());
}

/** The columns that meet the span from `left` to `right` (edges included: a span of no width still finds one). */
function columnsBetween(places: { left: number; right: number }[], left: number, right: number): Columns {
  let from = places.findIndex((place) => place.right >= left);
  if (from < 0) from = places.length;
  let to = from;
  while (to < places.length && places[to].left <= right) to++;
  return [from, to];
}

interface FirstLook {
  rows: HTMLTableRowElement[];
  colHeads: HTMLTableCellElement[];
  buildSeen(seen: boolean[], columns: Columns): void;
}

const firstLooks = new Set<FirstLook>();
/** Looks at tables in a box held back (`data-held-back`, see `skipWhileOffscreen`): taken once it is let go. */
const heldLooks = new Set<FirstLook>();
let frameRequested = false;

/** Before the next frame: which rows and columns of every new table are on screen, all measured before any is
 * built (building between two measures would lay the page out again for each table). A table in a box held back
 * waits, unmeasured, for `lookInside` that box. */
function lookBeforeNextFrame(look: FirstLook): void {
  firstLooks.add(look);
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    const looks: FirstLook[] = [];
    for (const look of firstLooks) {
      if (look.rows.length > 0 && look.rows[0].closest('[data-held-back]')) heldLooks.add(look);
      else looks.push(look);
    }
    firstLooks.clear();
    const seen = looks.map(({ rows, colHeads }) => {
      const view = rows.length > 0 ? visibleArea(rows[0].parentElement!) : undefined;
      if (!view) return { rows: [], columns: [0, 0] as Columns };
      return {
        rows: rows.map((row) => {
          const box = row.getBoundingClientRect();
          return box.bottom > view.top && box.top < view.bottom && box.right > view.left && box.left < view.right;
        }),
        columns: columnsBetween(columnPlaces(colHeads), view.left, view.right),
      };
    });
    looks.forEach((look, i) => look.buildSeen(seen[i].rows, seen[i].columns));
  });
}

/** `box` is no longer held back: its tables' cells on screen are built before the next frame. */
export function lookInside(box: Element): void {
  for (const look of heldLooks) {
    if (!box.contains(look.rows[0])) continue;
    heldLooks.delete(look);
    lookBeforeNextFrame(look);
  }
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
