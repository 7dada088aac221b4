import { ownAxes, shapeOf, weightShapeOf, type AxisGeometry, type KernelMatrixRows } from '../../src/engine';
import type { ConvView } from '../../src/protocol/messages';
import { el } from '../dom';
import { axesValuesText, shapeText } from '../../src/view/labels';
import { outputSizeFormulas } from './formula';
import { density } from './kernelMatrixView';
import { sampleSizeControl } from './sampleSize';

/** One value per own axis: `1` when all are equal, `(1, 2)` otherwise, as PyTorch lets them be written. */
function axesText(view: ConvView, field: Exclude<keyof AxisGeometry, 'name'>): string {
  return axesValuesText(ownAxes(view.geometry).map((a) => a[field]));
}

function paddingText(view: ConvView): string {
  const { paddingKind } = view.geometry;
  if (paddingKind === 'valid') return '"valid" (none)';
  const axes = ownAxes(view.geometry);
  const amount = axes.every((a) => a.padBefore === a.padAfter)
    ? axesText(view, 'padBefore')
    : `${axesText(view, 'padBefore')} before, ${axesText(view, 'padAfter')} after`;
  return paddingKind === 'same' ? `"same" → ${amount}` : amount;
}

function biasText(view: ConvView, format: (value: number) => string): string {
  if (!view.bias) return 'no';
  const values = Array.from(view.bias.slice(0, 8), format).join(', ');
  return `yes (${values}${view.bias.length > 8 ? ', …' : ''})`;
}

function parameter(name: string, value: string): HTMLElement {
  return el('div', { class: 'param' }, el('dt', {}, name), el('dd', {}, value));
}

/** The op, where it came from, its hyper-parameters, the shapes and the output-size formulas with numbers in. */
export function header(view: ConvView, m: KernelMatrixRows, format: (value: number) => string): HTMLElement {
  const { geometry: g, input } = view;
  return el(
    'header',
    { class: 'summary' },
    el(
      'div',
      { class: 'title-row' },
      el('h1', { class: 'op' }, g.op),
      el('span', { class: 'source', title: 'Computed from' }, view.source),
    ),
    el(
      'dl',
      { class: 'params' },
      parameter('stride', axesText(view, 'stride')),
      parameter('padding', paddingText(view)),
      g.paddingMode !== 'zeros' && parameter('padding_mode', `"${g.paddingMode}"`),
      parameter('dilation', axesText(view, 'dilation')),
      g.transposed && parameter('output_padding', axesText(view, 'outputPadding')),
      parameter('groups', String(g.groups)),
      parameter('bias', biasText(view, format)),
    ),
    el(
      'p',
      { class: 'shapes' },
      `input ${shapeText(shapeOf(g, input))} → output ${shapeText(shapeOf(g, g.output))}`,
      ` · weight ${shapeText(weightShapeOf(g))}`,
      ` · M ${shapeText([m.rows, m.cols])}, ${density(m)}`,
    ),
    view.layerSample && sampleSizeControl(view),
    outputSizeFormulas(view.formulas),
  );
}
