import {
  KernelMatrixRows,
  LEAST_SQUARES_LIMIT,
  nonZeros,
  transposedViewsInSteps,
  shapeOf,
  weightShapeOf,
  type ConvGeometry,
  type Tensor,
} from '../../src/engine';
import { Child, el } from '../dom';
import { Linker } from '../highlight/linker';
import { tensorFocus } from '../highlight/tensorFocus';
import { type LeastSquaresView, leastSquaresView } from '../inspect/leastSquaresView';
import { stepper } from '../inspect/stepper';
import { transposedFaces } from '../inspect/transposedFaces';
import { shapeText } from '../../src/view/labels';
import { problemOf } from '../../src/view/problem';
import type { ShownView } from '../shownView';
import type { RenderContext } from './context';
import { groupBandsNote } from './groupBands';
import { header } from './header';
import { kernelMatrixView } from './kernelMatrixView';
import { kernelView } from './kernelView';
import { COPY_HOW, paddingBorder } from './paddingBorder';
import { samePaddingNote } from './samePaddingNote';
import { transposedSizesNote } from './transposedSizesNote';
import { builtWhenNear } from './nearView';
import { onDemandSection } from './onDemandSection';
import { overlapView } from '../views/overlapView';
import { backwardView } from '../views/backwardView';
import { im2colView } from '../views/im2colView';
import { TensorName, TensorView, tensorView, type TensorViewOptions } from './tensorView';
import { toolbar } from './toolbar';
import { block, operand } from './blocks';

export interface Page {
  readonly element: HTMLElement;
  /** Shows a short message by the toolbar (e.g. where an image was saved). */
  announce(text: string): void;
  dispose(): void;
}

function section(name: string, title: string, lead: Child, ...content: Child[]): HTMLElement {
  return el('section', { class: `stage stage-${name}`, 'aria-label': title }, el('h2', {}, title), lead, ...content);
}

/** What the drawn border around the input is: zeros, or copies of input cells (and how they are made). */
function paddingNote(g: ConvGeometry): string {
  const depth = g.rank === 3 && g.axes[0].padBefore + g.axes[0].padAfter > 0 ? ' (the depth padding is not drawn)' : '';
  if (g.paddingMode === 'zeros') return `; the dimmed border is the zero padding${depth}`;
  return `; the dashed border is the padding, each cell a ${COPY_HOW[g.paddingMode]} copy of the input cell it names (padding_mode "${g.paddingMode}")${depth}`;
}

/** Where the host sent no CSR, M is far beyond what a dense SVD can take: say so without building it. */
function leastSquaresOutOfReach(m: KernelMatrixRows): LeastSquaresView {
  const element = el(
    'div',
    { class: 'least-squares', 'data-role': 'least-squares' },
    el(
      'p',
      { class: 'hint' },
      `M is ${shapeText([m.rows, m.cols])}: the least-squares inverse (a dense SVD) is computed only up to ${LEAST_SQUARES_LIMIT.rows} × ${LEAST_SQUARES_LIMIT.cols}.`,
    ),
  );
  return { element, dispose() {} };
}

/**
 * The whole result: parameters, the convolution itself and a step-through of it, the kernel matrix that
 * performs it, the transposed map back to the input's shape beside the least-squares inverse, and the
 * transposed convolution three ways; every cell linked to the cells it depends on.
 */
export function renderPage(view: ShownView, context: RenderContext): Page {
  const problem = problemOf(view);
  const transposed = view.geometry.transposed;
  const dims = (t: Tensor) => shapeText(shapeOf(view.geometry, t));
  // M from the geometry at any size; its CSR is built only while small (for the least squares and the three faces).
  const m = new KernelMatrixRows(problem);
  const linker = new Linker(m, problem, context.format);
  // Input-shaped tensors are the big grid of conv2d and the small grid of conv_transpose2d; output-shaped the other.
  const inputGrid = transposed ? 'small' : 'big';
  const outputGrid = transposed ? 'big' : 'small';
  const tensor = (name: TensorName, t: Tensor, options: Pick<TensorViewOptions, 'compare' | 'border'> = {}) => {
    const grid = name === 'output' ? outputGrid : inputGrid;
    const drawn: TensorView = tensorView(
      {
        name,
        tensor: t,
        rank: view.geometry.rank,
        letter: name === 'output' ? 'y' : 'x',
        ...options,
        onPoint: (via, cell) =>
          linker.point(
            via,
            tensorFocus(grid, cell, () => drawn),
          ),
      },
      context,
    );
    linker[grid].push(drawn);
    return drawn;
  };
  const border = paddingBorder(view.geometry, view.input);
  const input = tensor('input', view.input, { border });
  const output = tensor('output', view.output);
  const inputAgain = tensor('input', view.input, { compare: true });
  const reconstruction = tensor('reconstruction', view.reconstruction);
  const kernel = kernelView(
    view.weight,
    view.geometry,
    (via, k) => linker.point(via, k === undefined ? undefined : { on: 'kernel', index: k }),
    context,
  );
  const kernelMatrix = kernelMatrixView(
    m,
    view.input,
    view.output,
    (via, cell) => linker.point(via, cell && { on: 'kernel_matrix', ...cell }),
    context,
  );
  Object.assign(linker, { kernel, kernelMatrix });
  const leastSquares = view.kernelMatrix
    ? leastSquaresView(problem, view.kernelMatrix, view.output, context, (name, t) => tensor(name, t))
    : leastSquaresOutOfReach(m);
  const steps = stepper(problem, linker, context);
  const faces = builtWhenNear(() =>
    transposedFaces(
      problem,
      () => transposedViewsInSteps(problem, transposed ? view.input : view.output, view.kernelMatrix),
      context,
    ),
  );
  const overlap = onDemandSection('overlap', 'Overlap: how often each cell is met', () =>
    overlapView(problem, linker, context),
  );
  const backward = onDemandSection('backward', 'Backward pass: the gradients', () =>
    backwardView(problem, view.output, linker, context),
  );
  const patches = onDemandSection('im2col', 'im2col: how libraries compute it', () =>
    im2colView(problem, view.output, linker, context),
  );
  const tools = toolbar(view, context.palette);

  const element = el(
    'div',
    { class: 'page' },
    el('div', { class: 'top' }, header(view, m, context.format), tools.element),
    section(
      'forward',
      'Convolution',
      el(
        'p',
        { class: 'lead' },
        el('code', {}, 'vec(out) = vec(in) @ M'),
        ' — hover or focus any cell to see the cells it is linked to',
        border ? paddingNote(view.geometry) : '',
        '.',
      ),
      samePaddingNote(view.geometry),
      transposedSizesNote(view.geometry),
      el(
        'div',
        { class: 'flow' },
        block('input', dims(view.input), input.element),
        operand(
          transposed ? '⋆ᵀ' : '⋆',
          view.geometry.op,
          block('kernel', shapeText(weightShapeOf(view.geometry)), kernel.element),
        ),
        operand('=', 'equals', block('output', dims(view.output), output.element)),
      ),
    ),
    steps.element,
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
      groupBandsNote(view.geometry),
      // How much of M the page holds as CSR (0: none, drawn from the geometry alone), for the tests that check it.
      el(
        'div',
        { class: 'scroll', 'data-csr-non-zeros': view.kernelMatrix ? nonZeros(view.kernelMatrix) : 0 },
        kernelMatrix.element,
      ),
    ),
    patches.element,
    section(
      'transposed',
      'Transposed: vec(out) @ Mᵀ',
      el(
        'p',
        { class: 'note', role: 'note' },
        el('strong', {}, 'Note'),
        " — transposed convolution: maps back to the input's shape, but is not the inverse.",
      ),
      el(
        'div',
        { class: 'flow' },
        block('input', dims(view.input), inputAgain.element),
        operand(
          'vs',
          'compared with',
          block('reconstruction', `vec(out) @ Mᵀ · ${dims(view.reconstruction)}`, reconstruction.element),
        ),
      ),
      el('h3', { class: 'subhead' }, 'Not the inverse: least squares'),
      leastSquares.element,
    ),
    faces.element,
    overlap.element,
    backward.element,
  );
  return {
    element,
    announce: tools.announce,
    dispose() {
      for (const part of [
        input,
        output,
        inputAgain,
        reconstruction,
        kernel,
        kernelMatrix,
        leastSquares,
        steps,
        faces,
        overlap,
        backward,
        patches,
      ])
        part.dispose();
    },
  };
}
