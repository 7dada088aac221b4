import type { Tensor3 } from '../../src/engine';
import type { ConvView } from '../../src/protocol';
import { Child, el } from '../dom';
import { KernelMatrixIndex } from '../highlight/kernelMatrixIndex';
import { Linker } from '../highlight/linker';
import { shapeText } from '../labels';
import { problemOf } from '../problem';
import type { RenderContext } from './context';
import { header } from './header';
import { kernelMatrixView } from './kernelMatrixView';
import { kernelView } from './kernelView';
import { TensorName, tensorView } from './tensorView';
import { toolbar } from './toolbar';

export interface Page {
  readonly element: HTMLElement;
  dispose(): void;
}

const dims = (t: Tensor3) => shapeText([t.channels, t.height, t.width]);

function block(title: string, detail: string, content: HTMLElement): HTMLElement {
  return el('div', { class: 'block' }, el('h3', {}, title, el('span', { class: 'detail' }, detail)), content);
}

/** An operand with the operator before it, kept together so a wrapping row never strands an operator. */
const operand = (symbol: string, label: string, content: HTMLElement) =>
  el('div', { class: 'operand' }, el('div', { class: 'operator', 'aria-label': label }, symbol), content);

function section(name: string, title: string, lead: Child, ...content: Child[]): HTMLElement {
  return el('section', { class: `stage stage-${name}`, 'aria-label': title }, el('h2', {}, title), lead, ...content);
}

/**
 * The whole result: parameters, the convolution itself, the kernel matrix that performs it, and the
 * transposed map back to the input's shape, every cell linked to the cells it depends on.
 */
export function renderPage(view: ConvView, context: RenderContext): Page {
  const linker = new Linker(new KernelMatrixIndex(view.kernelMatrix, problemOf(view)));
  const tensor = (name: TensorName, t: Tensor3, compare = false) =>
    tensorView(
      { name, tensor: t, letter: name === 'output' ? 'y' : 'x', compare, onPoint: (via, flat) => linker.point(via, flat === undefined ? undefined : { on: name, index: flat }) },
      context,
    );
  const input = tensor('input', view.input);
  const output = tensor('output', view.output);
  const inputAgain = tensor('input', view.input, true);
  const reconstruction = tensor('reconstruction', view.reconstruction);
  const kernel = kernelView(view.weight, view.params, (via, k) => linker.point(via, k === undefined ? undefined : { on: 'kernel', index: k }), context);
  const kernelMatrix = kernelMatrixView(view.kernelMatrix, view.input, view.output, (via, cell) => linker.point(via, cell && { on: 'kernel_matrix', ...cell }), context);
  Object.assign(linker, { input: [input, inputAgain], output: [output], reconstruction: [reconstruction], kernel, kernelMatrix });

  const [d0, d1, kh, kw] = view.weight.dims;
  const element = el(
    'div',
    { class: 'page' },
    el('div', { class: 'top' }, header(view, context.format), toolbar(view)),
    section(
      'forward',
      'Convolution',
      el('p', { class: 'lead' }, el('code', {}, 'vec(out) = vec(in) @ M'), ' — hover or focus any cell to see the cells it is linked to.'),
      el(
        'div',
        { class: 'flow' },
        block('input', dims(view.input), input.element),
        operand(view.params.op === 'conv2d' ? '⋆' : '⋆ᵀ', view.params.op, block('kernel', shapeText([d0, d1, kh, kw]), kernel.element)),
        operand('=', 'equals', block('output', dims(view.output), output.element)),
      ),
    ),
    section(
      'kernel-matrix',
      'Kernel matrix M',
      el(
        'p',
        { class: 'lead' },
        'Row ',
        el('code', {}, 'x[…]'),
        ' is an input cell, column ',
        el('code', {}, 'y[…]'),
        ' an output cell: a column holds the weights of one output’s receptive field. Zeros are dimmed.',
      ),
      el('div', { class: 'scroll' }, kernelMatrix.element),
    ),
    section(
      'transposed',
      'Transposed: vec(out) @ Mᵀ',
      el('p', { class: 'note', role: 'note' }, el('strong', {}, 'Note'), " — transposed convolution: maps back to the input's shape, but is not the inverse."),
      el(
        'div',
        { class: 'flow' },
        block('input', dims(view.input), inputAgain.element),
        operand('vs', 'compared with', block('reconstruction', `vec(out) @ Mᵀ · ${dims(view.reconstruction)}`, reconstruction.element)),
      ),
    ),
  );
  return {
    element,
    dispose() {
      for (const part of [input, output, inputAgain, reconstruction, kernel, kernelMatrix]) part.dispose();
    },
  };
}
