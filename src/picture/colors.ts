/** Arithmetic on theme colours, for the saved picture and the page's heatmap. */
import type { Rgb } from '../protocol/messages';

export const mix = (a: Rgb, b: Rgb, t: number): Rgb =>
  [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * t)) as unknown as Rgb;

export const cssRgb = (c: Rgb): string => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
