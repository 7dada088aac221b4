import type { ConvProblem, StepDetail, StepTerm } from '../../src/engine';
import { el } from '../dom';
import { cellLabel, outsideLabel, weightLabel } from '../../src/view/labels';

/** Names of the cells a step touches, in the page's `x[..]` / `y[..]` / `w[..]` notation. */
export interface StepNames {
  small: (flat: number) => string;
  big: (term: StepTerm) => string;
  weight: (k: number) => string;
}

export function stepNames(problem: ConvProblem): StepNames {
  const { transposed, small: smallShape, big: bigShape, rank } = problem.geometry;
  const [smallLetter, bigLetter] = transposed ? (['x', 'y'] as const) : (['y', 'x'] as const);
  return {
    small: (flat) => cellLabel(smallLetter, smallShape, flat, rank),
    big: ({ contact: c }) =>
      c.inside
        ? cellLabel(bigLetter, bigShape, (c.channel * bigShape.height + c.y) * bigShape.width + c.x, rank)
        : outsideLabel(bigShape.channels, c.channel, c.y, c.x),
    weight: (k) => weightLabel(problem.weight.dims, k, rank),
  };
}

const cell = (text: string, className?: string) => el('td', { class: className }, text);
const head = (...titles: string[]) =>
  el('thead', {}, el('tr', {}, ...titles.map((t) => el('th', { scope: 'col' }, t))));

/**
 * The sliding window's running sum for one output cell: the bias, then one row per kernel weight with the
 * input value it meets (0 in the padding), the product and the partial sum so far.
 */
export function windowSumTable(
  step: StepDetail,
  names: StepNames,
  format: (v: number) => string,
  hasBias: boolean,
): HTMLElement {
  const body = el('tbody');
  body.append(
    el(
      'tr',
      { 'data-term': 'start' },
      cell(hasBias ? 'bias' : 'start'),
      cell(''),
      cell(''),
      cell(''),
      cell(format(step.start), 'sum'),
    ),
  );
  step.terms.forEach((term, i) => {
    body.append(
      el(
        'tr',
        { 'data-term': i, class: term.contact.inside ? undefined : 'padding-term' },
        cell(names.big(term)),
        cell(term.contact.inside ? format(term.value) : '0 (padding)'),
        cell(`× ${names.weight(term.contact.weightIndex)} = ${format(term.weight)}`),
        cell(format(term.product)),
        cell(format(term.sum ?? Number.NaN), 'sum'),
      ),
    );
  });
  const total = step.terms.length === 0 ? step.start : (step.terms[step.terms.length - 1].sum ?? step.start);
  return el(
    'table',
    { class: 'running-sum', 'data-role': 'running-sum', 'aria-label': `running sum of ${names.small(step.small)}` },
    el('caption', {}, `${names.small(step.small)} = ${format(total)}`),
    head('reads', 'value', 'weight', 'product', 'running sum'),
    body,
  );
}

/**
 * The scatter of one input cell: every output cell its scaled kernel lands on, with that cell's partial sum
 * after this stamp; stamps the padding crops away are listed, dimmed, without one.
 */
export function scatterTable(step: StepDetail, names: StepNames, format: (v: number) => string): HTMLElement {
  const body = el('tbody');
  step.terms.forEach((term, i) => {
    body.append(
      el(
        'tr',
        { 'data-term': i, class: term.contact.inside ? undefined : 'padding-term' },
        cell(names.big(term)),
        cell(
          `${format(step.start)} × ${names.weight(term.contact.weightIndex)} = ${format(step.start)} × ${format(term.weight)}`,
        ),
        cell(format(term.product)),
        cell(term.sum === undefined ? 'cropped by padding' : format(term.sum), 'sum'),
      ),
    );
  });
  return el(
    'table',
    { class: 'running-sum', 'data-role': 'running-sum', 'aria-label': `stamp of ${names.small(step.small)}` },
    el('caption', {}, `${names.small(step.small)} = ${format(step.start)} stamps the kernel, scaled`),
    head('lands on', 'value × weight', 'adds', 'partial sum'),
    body,
  );
}
