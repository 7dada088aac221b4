import { el } from '../dom';
import { Palette, Rgb, valueColor } from '../theme';
import type { Binning } from './heatmapPaint';

function swatch(color: Rgb): HTMLElement {
  const box = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  box.style.backgroundColor = `rgb(${color.join(', ')})`;
  return box;
}

/** What the heatmap's colours mean, and how many matrix cells one pixel stands for. */
export function heatmapLegend(
  palette: Palette,
  extent: { min: number; max: number },
  bins: Binning,
  format: (value: number) => string,
): HTMLElement {
  const maxAbs = Math.max(-extent.min, extent.max);
  const entry = (color: Rgb, text: string) => el('span', { class: 'legend-entry' }, swatch(color), text);
  return el(
    'div',
    { class: 'legend' },
    extent.min < 0 && entry(valueColor(palette, -maxAbs, maxAbs), format(-maxAbs)),
    entry(palette.zero, '0'),
    extent.max > 0 && entry(valueColor(palette, maxAbs, maxAbs), format(maxAbs)),
    bins.factor > 1 &&
      el(
        'span',
        { class: 'legend-note' },
        `one pixel = ${bins.factor} × ${bins.factor} cells, showing the largest magnitude`,
      ),
  );
}
