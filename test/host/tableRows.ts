// A big table in the panel makes its cells as they scroll into view: a test that reads far cells scrolls there first.
import { Frame } from 'playwright-core';

/** What `scrollThroughTables` uses of the webview's DOM (this file compiles without the DOM library). */
interface Node {
  isConnected: boolean;
  dataset: Record<string, string | undefined>;
  querySelectorAll(selector: string): ArrayLike<Node>;
  closest(selector: string): Node | null;
  scrollIntoView(options: object): void;
  querySelector(selector: string): Node | null;
  getClientRects(): ArrayLike<unknown>;
}
interface Page {
  document: { querySelectorAll(selector: string): ArrayLike<Node> };
  requestAnimationFrame(callback: () => void): void;
}

/**
 * Scrolls each shown table matching `selector` to its first cells not built yet (a stand-in, `td.unbuilt`, down
 * or sideways), as a user reading on would, until every cell of it is built. Done only when at least one table is
 * shown and all of them are still on the page then (a redraw draws new tables, which it scrolls through again; a
 * table not laid out yet is waited for, not taken as scrolled through). Returns the cells (`td[data-row]`) of every
 * table matching `selector` by their `data-*` attributes, read in the same task as that check: a redraw after it
 * cannot leave the caller reading tables it did not scroll through. Each pass is one `evaluate`, repeated until done:
 * `waitForFunction` does not await an async predicate (it would take the first pass's promise as the answer).
 */
export async function scrollThroughTables(
  frame: Frame,
  selector: string,
): Promise<Record<string, string | undefined>[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const cells = await scrollThroughOnce(frame, selector);
    if (cells) return cells;
    if (Date.now() > deadline) throw new Error(`${selector}: not every cell of the tables shown was built in 30 s`);
    await frame.waitForTimeout(100);
  }
}

/** One pass of `scrollThroughTables`: the cells when done, else null. */
function scrollThroughOnce(frame: Frame, selector: string): Promise<Record<string, string | undefined>[] | null> {
  return frame.evaluate(async (selector) => {
    const page = globalThis as unknown as Page;
    // Two frames: the cells seen are reported once a frame is painted, and built before the next.
    const twoFrames = () =>
      new Promise<void>((resolve) => page.requestAnimationFrame(() => page.requestAnimationFrame(resolve)));
    // A table not shown (a depth slice not picked, a closed section) cannot be scrolled through; one in a box held
    // back until on screen (`data-held-back`) is shown once scrolled to.
    const heldBack = (t: Node) => t.closest('[data-held-back]');
    const shown = Array.from(page.document.querySelectorAll(selector)).filter(
      (t) => t.getClientRects().length > 0 || (heldBack(t)?.getClientRects().length ?? 0) > 0,
    );
    for (const table of shown) {
      for (let step = 0; step < 100 && heldBack(table); step++) {
        heldBack(table)!.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        await twoFrames();
      }
      // Each step builds at least the cells scrolled to; a bound, so cells that never build end in a failure.
      for (let step = 0; step < 1000 && table.isConnected; step++) {
        const standIn = table.querySelector('td.unbuilt');
        if (!standIn) break;
        standIn.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        await twoFrames();
      }
    }
    const done = shown.length > 0 && shown.every((table) => table.isConnected && !table.querySelector('td.unbuilt'));
    if (!done) return null;
    return Array.from(page.document.querySelectorAll(`${selector} td[data-row]`)).map((cell) => ({
      ...cell.dataset,
    }));
  }, selector);
}
