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
 * The overlap counts on the big grid (a conv's input, a transposed conv's output), one colour per count from the
 * theme's background to its blue, with a legend of the counts; cells nothing meets are named as such.
 */
export function overlapMap(
  g: ConvGeometry,
  counts: Tensor,
  context: RenderContext,
  onPoint: (via: 'pointer' | 'keyboard', cell: TensorPoint | undefined) => void,
): OverlapMap {
  const { palette } = context;
  let most = 0;
  const seen = new Set<number>();
  for (const n of counts.data) {
    most = Math.max(most, n);
    if (seen.size <= MAX_LEGEND_ENTRIES) seen.add(n);
  }
  const colorOf = (n: number) => mix(palette.background, palette.positive, n === 0 ? 0 : 0.15 + (0.6 * n) / most);
  const unread: CellKind = g.transposed
    ? { kind: 'unread', description: 'no stamp lands here', tooltip: 'No stamp lands here: it holds only the bias' }
    : { kind: 'unread', description: 'read by no window', tooltip: 'No window reads this cell' };
  const view = tensorView(
    {
      name: 'overlap',
      tensor: counts,
      rank: g.rank,
      letter: g.transposed ? 'y' : 'x',
      kindOf: (c, row, col, d) =>
        counts.data[((c * counts.depth + d) * counts.height + row) * counts.width + col] === 0 ? unread : undefined,
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
  const pairs = g.transposed
    ? '(input cell, tap) pairs landing on the cell'
    : '(output cell, tap) pairs reading the cell';
  const entries =
    seen.size > MAX_LEGEND_ENTRIES
      ? [swatch(0, '0'), swatch(most, String(most))]
      : [...seen].sort((a, b) => a - b).map((n) => swatch(n, String(n)));
  const legend = el(
    'div',
    { class: 'legend overlap-legend', 'data-role': 'overlap-legend' },
    ...entries,
    el('span', { class: 'legend-note' }, pairs),
  );
  return { element: el('div', { class: 'overlap-map' }, view.element, legend), view, dispose: () => view.dispose() };
}
