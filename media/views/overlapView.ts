import { overlapCounts, overlapSummary, type AxisOverlap, type ConvProblem } from '../../src/engine';
import { el } from '../dom';
import type { Linker } from '../highlight/linker';
import { tensorFocus } from '../highlight/tensorFocus';
import type { RenderContext } from '../render/context';
import type { SectionContent } from '../render/onDemandSection';
import { checkerboardFixView, opTitle } from './checkerboardFixView';
import { overlapMap } from './overlapMap';

const list = (values: readonly number[]) =>
  values.length > 6 ? `${values.slice(0, 6).join(', ')}, …` : values.join(', ');

/** `width: kernel 3, stride 2` for the axes whose kernel size the stride does not divide. */
const unevenAxes = (axes: AxisOverlap[]) =>
  axes
    .filter((a) => !a.even)
    .map((a) => `${a.name}: kernel ${a.kernel}, stride ${a.stride}${a.dilation > 1 ? `, dilation ${a.dilation}` : ''}`)
    .join('; ');

/** What the counts show, in a sentence or two: even or the checkerboard, the borders, the cells nothing meets. */
function overlapWords(problem: ConvProblem): HTMLElement {
  const g = problem.geometry;
  const summary = overlapSummary(g);
  const uncovered = summary.axes.filter((a) => a.uncovered.length > 0);
  const sentences: (string | HTMLElement)[] = [];
  if (summary.even)
    sentences.push(
      g.transposed
        ? 'Even: away from the borders every output cell gets the same number of stamps, since the stride divides the kernel size.'
        : 'Even: away from the borders every input cell is read equally often, since the stride divides the kernel size; cells near the borders fall in fewer windows, so they are read less.',
    );
  else
    sentences.push(
      el('strong', {}, 'Uneven: the checkerboard pattern. '),
      `The kernel size is not divisible by the stride (${unevenAxes(summary.axes)}), so neighbouring cells ${g.transposed ? 'get different numbers of stamps' : 'are read a different number of times'} (Odena, Dumoulin and Olah, 2016)${g.transposed ? '' : '; the gradient of this conv, a transposed conv, shows the same pattern'}.`,
    );
  if (uncovered.length > 0)
    sentences.push(
      ` ${g.transposed ? 'No stamp lands on' : 'No window reads'} ${uncovered.map((a) => `${a.name} position${a.uncovered.length > 1 ? 's' : ''} ${list(a.uncovered)}`).join(' or ')}: the stride jumps past the kernel's span${g.transposed ? ', so those cells hold only the bias' : ', so those inputs never reach the output'}.`,
    );
  return el('p', { class: 'why', 'data-role': 'overlap-why', 'data-even': String(summary.even) }, ...sentences);
}

/**
 * The overlap map of the op: how many (output, tap) pairs read each input cell, or how many (input, tap) pairs
 * land on each output cell of a transposed conv, linked to the page like the input it lies over.
 */
export function overlapView(problem: ConvProblem, linker: Linker, context: RenderContext): SectionContent {
  const g = problem.geometry;
  const map = overlapMap(g, overlapCounts(g), context, (via, cell) =>
    linker.point(
      via,
      tensorFocus('big', cell, () => map.view),
    ),
  );
  linker.big.push(map.view);
  // A transposed conv's checkerboard comes with its two fixes, each drawn beside the map on demand.
  const fixes = g.transposed && !overlapSummary(g).even ? checkerboardFixView(problem, context) : undefined;
  const element = el(
    'div',
    { class: 'overlap' },
    el(
      'p',
      { class: 'lead' },
      g.transposed
        ? 'Each cell of the output: how many (input cell, weight) pairs land on it. Hover a cell to see them.'
        : 'Each cell of the input: how many (output cell, weight) pairs read it. Hover a cell to see them.',
    ),
    overlapWords(problem),
    fixes ? fixes.actions : false,
    fixes
      ? el(
          'div',
          { class: 'flow overlap-compare' },
          el('div', { class: 'block' }, el('h3', {}, 'now', el('span', { class: 'detail' }, opTitle(g))), map.element),
          fixes.map,
        )
      : map.element,
    fixes ? fixes.changed : false,
  );
  return {
    element,
    dispose() {
      linker.big.splice(linker.big.indexOf(map.view), 1);
      map.dispose();
      fixes?.dispose();
    },
  };
}
