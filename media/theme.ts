/** Colours for canvas drawing, read from the VS Code theme so heatmaps follow light, dark and high contrast. */
import { mix } from '../src/picture/colors';
import type { Rgb } from '../src/protocol/messages';

export type { Rgb };

export interface Palette {
  background: Rgb;
  foreground: Rgb;
  /** Stored entries that happen to be zero: a faint trace of the sparsity pattern. */
  zero: Rgb;
  positive: Rgb;
  negative: Rgb;
  /** Linked highlights drawn over a heatmap. */
  mark: string;
}

let probe: CanvasRenderingContext2D | null | undefined;

/** Any CSS colour the theme uses (`#rgb`, `#rrggbbaa`, `rgb()`, names) to RGB, by letting a canvas parse it. */
function toRgb(color: string, fallback: Rgb): Rgb {
  if (!color) return fallback;
  probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) return fallback;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = '#000';
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

const cssVar = (style: CSSStyleDeclaration, name: string): string => style.getPropertyValue(name).trim();

export function readPalette(): Palette {
  const style = getComputedStyle(document.body);
  const background = toRgb(cssVar(style, '--vscode-editor-background'), [30, 30, 30]);
  const foreground = toRgb(
    cssVar(style, '--vscode-editor-foreground') || cssVar(style, '--vscode-foreground'),
    [204, 204, 204],
  );
  return {
    background,
    foreground,
    zero: mix(background, foreground, 0.12),
    positive: toRgb(cssVar(style, '--vscode-charts-blue'), [55, 148, 255]),
    negative: toRgb(cssVar(style, '--vscode-charts-red'), [241, 76, 76]),
    mark: cssVar(style, '--vscode-focusBorder') || '#007fd4',
  };
}

/** The colour of a value: its sign picks the hue, its size relative to the largest picks how far from the
 * background. */
export function valueColor(palette: Palette, value: number, maxAbs: number): Rgb {
  const rgb = new Uint8ClampedArray(3);
  valueColors(palette, maxAbs)(value, rgb, 0);
  return [rgb[0], rgb[1], rgb[2]];
}

/**
 * `valueColor` for many values against one largest, written as pixels to `into[at..at + 2]`: a heatmap colours
 * ~10^6 bins, so this makes no arrays.
 */
export function valueColors(
  palette: Palette,
  maxAbs: number,
): (value: number, into: Uint8ClampedArray, at: number) => void {
  const { zero, background: from, positive, negative } = palette;
  return (value, into, at) => {
    if (value === 0 || maxAbs === 0) {
      into[at] = zero[0];
      into[at + 1] = zero[1];
      into[at + 2] = zero[2];
      return;
    }
    // A floor keeps small non-zeros visible next to large ones.
    const t = 0.18 + 0.82 * Math.min(1, Math.abs(value) / maxAbs);
    const to = value > 0 ? positive : negative;
    // `mix`, unrolled.
    into[at] = Math.round(from[0] + (to[0] - from[0]) * t);
    into[at + 1] = Math.round(from[1] + (to[1] - from[1]) * t);
    into[at + 2] = Math.round(from[2] + (to[2] - from[2]) * t);
  };
}
