import type { ConvGeometry, Tensor } from '../../src/engine';
import { mix } from '../../src/picture/colors';
import { el } from '../dom';
import type { RenderContext } from '../render/context';
import type { CellKind } from '../render/matrixView';
import { TensorPoint, TensorView, tensorView } from '../render/tensorView';
import type { Rgb } from '../theme';

/** Past this many distinct counts the legend gives the range instead of one swatch each. */
const MAX_LEGEND_ENTRIES = 10;

const css = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`;

export interface OverlapMap {
  readonly element: HTMLElement;
  readonly view: TensorView;
  dispose(): void;
}

/**
 * What a map counts: (output cell, tap) pairs reading each input cell of a conv, (input cell, tap) pairs landing on
 * each output cell of a transposed conv, or the taps of each output cell's window reading the input (a conv's output
 * grid: what "resize, then convolve" gives each cell).
 */
export type OverlapCount = 'reads' | 'stamps' | 'taps';

const WORDS: Record<OverlapCount, { letter: 'x' | 'y'; legend: string; unread: CellKind }> = {
  reads: {
    letter: 'x',
    legend: '(output cell, tap) pairs reading the cell',
    unread: { kind: 'unread', description: 'read by no window', tooltip: 'No window reads this cell' },
  },
  stamps: {
    letter: 'y',
    legend: '(input cell, tap) pairs landing on the cell',
    unread: {
      kind: 'unread',
      description: 'no stamp lands here',
      tooltip: 'No stamp lands here: it holds only the bias',
    },
  },
  taps: {
    letter: 'y',
    legend: 'taps of the cell’s window reading the input',
    unread: { kind: 'unread', description: 'reads only padding', tooltip: 'Every tap of this window reads padding' },
  },
};

/** The count the overlap map of `g` shows. */
export const overlapCountOf = (g: ConvGeometry): OverlapCount => (g.transposed ? 'stamps' : 'reads');

/**
 * Overlap counts on their grid (by default the big one: a conv's input, a transposed conv's output), one colour per
 * count from the theme's background to its blue, with a legend of the counts; cells nothing meets are named as such.
 */
export function overlapMap(
  g: ConvGeometry,
  counts: Tensor,
  context: RenderContext,
  onPoint: (via: 'pointer' | 'keyboard', cell: TensorPoint | undefined) => void,
  { count = overlapCountOf(g), name = 'overlap' }: { count?: OverlapCount; name?: 'overlap' | 'overlap_fix' } = {},
): OverlapMap {
  const { palette } = context;
  let most = 0;
  const seen = new Set<number>();
  for (const n of counts.data) {
    most = Math.max(most, n);
    if (seen.size <= MAX_LEGEND_ENTRIES) seen.add(n);
  }
  const colorOf = (n: number) => mix(palette.background, palette.positive, n === 0 ? 0 : 0.15 + (0.6 * n) / most);
  const words = WORDS[count];
  const view = tensorView(
    {
      name,
      tensor: counts,
      rank: g.rank,
      letter: words.letter,
      kindOf: (c, row, col, d) =>
        counts.data[((c * counts.depth + d) * counts.height + row) * counts.width + col] === 0
          ? words.unread
          : undefined,
      tint: (n) => css(colorOf(n)),
      onPoint,
    },
    context,
  );
  const swatch = (n: number, text: string) => {
    const box = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    box.style.backgroundColor = css(colorOf(n));
    return el('span', { class: 'legend-entry' }, box, text);
  };
  const entries =
    seen.size > MAX_LEGEND_ENTRIES
      ? [swatch(0, '0'), swatch(most, String(most))]
      : [...seen].sort((a, b) => a - b).map((n) => swatch(n, String(n)));
  const legend = el(
    'div',
    { class: 'legend overlap-legend', 'data-role': 'overlap-legend' },
    ...entries,
    el('span', { class: 'legend-note' }, words.legend),
  );
  return { element: el('div', { class: 'overlap-map' }, view.element, legend), view, dispose: () => view.dispose() };
}
