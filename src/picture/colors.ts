/** The theme's colours as plain numbers, so they can cross from the page to the host and be checked there. */

export type Rgb = readonly [number, number, number];

/** The four theme colours a picture of the matrices is drawn in; the page reads them, the host checks them. */
export interface PictureColors {
  background: Rgb;
  foreground: Rgb;
  positive: Rgb;
  negative: Rgb;
}

export const PICTURE_COLOR_NAMES: readonly (keyof PictureColors)[] = [
  'background',
  'foreground',
  'positive',
  'negative',
];

export const mix = (a: Rgb, b: Rgb, t: number): Rgb =>
  [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * t)) as unknown as Rgb;

export const cssRgb = (c: Rgb): string => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
