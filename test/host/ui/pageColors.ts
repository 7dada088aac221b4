// Colours as the webview's browser computes them: what a theme variable resolves to, and what an element is painted
// with, for checks that the panel draws in the theme's colours.
import { Frame, Locator } from 'playwright-core';

export type Rgb = [number, number, number];

/** What these checks use of the page's globals (this file compiles without the DOM library). */
interface PageStyle {
  getComputedStyle(element: unknown): { backgroundColor: string };
}

/**
 * The colour the theme variable `name` resolves to in the webview (as `rgb(…)` or `rgba(…)`), read from an element
 * of its own rather than through any of the panel's styles.
 */
export function themeColor(frame: Frame, name: string): Promise<string> {
  return frame.evaluate((variable) => {
    const page = globalThis as unknown as {
      document: {
        createElement(tag: string): { style: { backgroundColor: string }; remove(): void };
        body: { append(e: unknown): void };
      };
    } & PageStyle;
    const probe = page.document.createElement('span');
    probe.style.backgroundColor = `var(${variable})`;
    page.document.body.append(probe);
    const color = page.getComputedStyle(probe).backgroundColor;
    probe.remove();
    return color;
  }, name);
}

/** The background colour an element is drawn with. */
export function backgroundOf(element: Locator): Promise<string> {
  return element.evaluate((e) => (globalThis as unknown as PageStyle).getComputedStyle(e).backgroundColor);
}

/** The red, green and blue of a computed `rgb(…)` or `rgba(…)` colour. */
export function rgbOf(color: string): Rgb {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
}
