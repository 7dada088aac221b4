import type { KernelMatrixRows } from '../../src/engine';
import type { ConvView } from '../../src/protocol';
import { el } from '../dom';
import { pairText, shapeText } from '../../src/view/labels';
import { outputSizeFormulas } from './formula';
import { density } from './kernelMatrixView';

function paddingText(view: ConvView): string {
  const { paddingMode, padBefore, padAfter } = view.params;
  if (paddingMode === 'valid') return '"valid" (none)';
  const amount =
    padBefore[0] === padAfter[0] && padBefore[1] === padAfter[1]
      ? pairText(padBefore)
      : `${pairText(padBefore)} before, ${pairText(padAfter)} after`;
  return paddingMode === 'same' ? `"same" → ${amount}` : amount;
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
  const { params, input, output, weight } = view;
  return el(
    'header',
    { class: 'summary' },
    el(
      'div',
      { class: 'title-row' },
      el('h1', { class: 'op' }, params.op),
      el('span', { class: 'source', title: 'Computed from' }, view.source),
    ),
    el(
      'dl',
      { class: 'params' },
      parameter('stride', pairText(params.stride)),
      parameter('padding', paddingText(view)),
      parameter('dilation', pairText(params.dilation)),
      params.op === 'conv_transpose2d' && parameter('output_padding', pairText(params.outputPadding)),
      parameter('groups', String(params.groups)),
      parameter('bias', biasText(view, format)),
    ),
    el(
      'p',
      { class: 'shapes' },
      `input ${shapeText([input.channels, input.height, input.width])} → output ${shapeText([output.channels, output.height, output.width])}`,
      ` · weight ${shapeText(weight.dims)}`,
      ` · M ${shapeText([m.rows, m.cols])}, ${density(m)}`,
    ),
    outputSizeFormulas(view.outputSize),
  );
}
