// A big table in the panel makes its rows as they scroll into view: a test that reads far cells scrolls there first.
import { Frame } from 'playwright-core';

/** What `scrollThroughTables` uses of the webview's DOM (this file compiles without the DOM library). */
interface Box {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  scrollIntoView(options: object): void;
  querySelector(selector: string): unknown;
  closest(selector: string): Box | null;
  getClientRects(): ArrayLike<unknown>;
}
interface Page {
  document: { querySelectorAll(selector: string): ArrayLike<Box> };
  requestAnimationFrame(callback: () => void): void;
}

/**
 * Scrolls each shown table matching `selector` that still has rows to build into view, then its box from top to bottom
 * a box's height at a time, as a user reading it would, until every row of it is built; then back to its top.
 */
export async function scrollThroughTables(frame: Frame, selector: string): Promise<void> {
  await frame.waitForFunction(
    async (selector) => {
      const page = globalThis as unknown as Page;
      // Two frames: the rows seen are reported once a frame is painted, and built before the next.
      const twoFrames = () =>
        new Promise<void>((resolve) => page.requestAnimationFrame(() => page.requestAnimationFrame(resolve)));
      // A table not shown (a depth slice not picked, a closed section) cannot be scrolled through.
      const shown = Array.from(page.document.querySelectorAll(selector)).filter((t) => t.getClientRects().length > 0);
      for (const table of shown) {
        const box = table.closest('.channel') ?? table;
        while (table.querySelector('tr.unbuilt')) {
          box.scrollIntoView({ block: 'nearest' });
          await twoFrames();
          if (!table.querySelector('tr.unbuilt')) break;
          if (box.scrollTop + box.clientHeight >= box.scrollHeight) return false;
          box.scrollTop += box.clientHeight;
        }
        box.scrollTop = 0;
      }
      return true;
    },
    selector,
    { timeout: 30_000 },
  );
}
