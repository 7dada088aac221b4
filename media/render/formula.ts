import type { AxisName, OutputSizeTerms } from '../../src/engine';

import { el } from '../dom';

const AXIS_LETTER: Readonly<Record<AxisName, string>> = { length: 'L', depth: 'D', height: 'H', width: 'W' };

/** One axis of the output-size formula, the numbers plugged in (`substituted`) with the symbolic form beneath. */
function formulaRow(terms: OutputSizeTerms): HTMLElement {
  const cut = terms.substituted.lastIndexOf(' = ');
  const expression = cut >= 0 ? terms.substituted.slice(0, cut) : terms.substituted;
  return el(
    'div',
    { class: 'formula', 'data-axis': terms.name },
    el('span', { class: 'formula-axis' }, AXIS_LETTER[terms.name], el('sub', {}, 'out')),
    el('span', { class: 'formula-equals' }, '='),
    el(
      'span',
      { class: 'formula-body' },
      el('code', { class: 'substituted' }, expression, ' = ', el('strong', {}, String(terms.size))),
      el('code', { class: 'symbolic' }, terms.formula),
    ),
  );
}

export function outputSizeFormulas(formulas: readonly OutputSizeTerms[]): HTMLElement {
  return el('div', { class: 'formulas', role: 'group', 'aria-label': 'output size' }, ...formulas.map(formulaRow));
}
