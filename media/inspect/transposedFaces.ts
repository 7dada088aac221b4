import {
  ConvProblem,
  multiplyAdds,
  stretchedCell,
  Tensor,
  TransposedAxis,
  TransposedViews,
  transposedViewsCost,
} from '../../src/engine';
import { el } from '../dom';
import { axesValuesText, shapeText } from '../../src/view/labels';
import { block } from '../render/blocks';
import type { RenderContext } from '../render/context';
import { kernelView } from '../render/kernelView';
import type { CellKind } from '../render/matrixView';
import { TensorName, TensorView, tensorView } from '../render/tensorView';
import { FaceFocus, FacesLinker } from './facesLinker';
import { whyNotDrawn } from './planarOnly';

/** Past this much work the three views (each a full pass) are not worth redoing on every redraw of the page. */
const MAX_MULTIPLY_ADDS = 2_000_000;
/** Past this many cells and multiply-adds the views' own grids (canvas, stretched grid) are not worth drawing. */
const MAX_VIEWS_COST = 8_000_000;

const KINDS: Record<'source' | 'inserted' | 'padding', CellKind | undefined> = {
  source: undefined,
  inserted: { kind: 'inserted', description: 'inserted zero' },
  padding: { kind: 'padding', description: 'padding', padding: true },
};

/** A stretched-grid cell is padding if either axis says so, a source cell only if both do. */
function stretchedKind(gh: TransposedAxis, gw: TransposedAxis, i: number, j: number): CellKind | undefined {
  const [row, col] = [stretchedCell(gh, i).kind, stretchedCell(gw, j).kind];
  if (row === 'padding' || col === 'padding') return KINDS.padding;
  return row === 'source' && col === 'source' ? KINDS.source : KINDS.inserted;
}

/** "-1 (crops 1)" for a negative pad: the direct convolution then starts inside the zero-inserted grid. */
const padText = (value: number) => (value < 0 ? `${value} (crops ${-value})` : String(value));
const pairOf = (g: readonly [TransposedAxis, TransposedAxis], pick: (a: TransposedAxis) => number) =>
  pick(g[0]) === pick(g[1]) ? padText(pick(g[0])) : `(${padText(pick(g[0]))}, ${padText(pick(g[1]))})`;

export interface TransposedFaces {
  readonly element: HTMLElement;
  dispose(): void;
}

/**
 * The transposed convolution three ways, cell for cell: (a) the kernel matrix product, (b) the scatter of
 * stamps onto a canvas the padding then crops, (c) the flipped kernel slid over the zero-inserted, padded
 * grid. Each was computed on its own (src/engine/inspect/transposedViews.ts); the section says how far
 * apart they are. Built in steps, each view computed in its own (`compute` yields between them), the section
 * drawn in the last.
 */
export function* transposedFaces(
  problem: ConvProblem,
  compute: () => Generator<void, TransposedViews, void>,
  context: RenderContext,
): Generator<void, TransposedFaces, void> {
  const transposed = problem.geometry.transposed;
  const title = transposed ? `${problem.geometry.op} three ways` : 'The reconstruction three ways';
  const unsupported = whyNotDrawn(problem.geometry, 'Seeing it three ways');
  const work = unsupported ? 0 : multiplyAdds(problem);
  const viewsCost = unsupported || work > MAX_MULTIPLY_ADDS ? 0 : transposedViewsCost(problem);
  const why =
    unsupported ??
    (work > MAX_MULTIPLY_ADDS
      ? `${work.toLocaleString('en-US')} multiply-adds: too many to compute and draw three ways here.`
      : viewsCost > MAX_VIEWS_COST
        ? `${viewsCost.toLocaleString('en-US')} cells and multiply-adds for the canvas and the stretched grid: too many to compute and draw three ways here.`
        : undefined);
  if (why) {
    const element = el(
      'section',
      { class: 'stage stage-faces', 'aria-label': title },
      el('h2', {}, title),
      el('p', { class: 'hint' }, why),
    );
    return { element, dispose() {} };
  }
  const views = yield* compute();
  const [gh, gw] = views.geometry;
  const linker = new FacesLinker(problem, views, context.format);
  // Drawn a face a step; whatever was drawn stops if the page goes before the last (`builtWhenNear`'s dispose).
  const made: { dispose(): void }[] = [];
  let drawn = false;
  try {
    const draw = (
      name: TensorName,
      t: Tensor,
      letter: 'x' | 'y',
      focus: (
        cell: { channel: number; y: number; x: number; flat: number | undefined },
        view: TensorView,
      ) => FaceFocus | undefined,
      extra: Partial<Parameters<typeof tensorView>[0]> = {},
    ) => {
      const view: TensorView = tensorView(
        {
          name,
          tensor: t,
          rank: problem.geometry.rank,
          letter,
          ...extra,
          onPoint: (via, cell) => linker.point(via, cell && focus(cell, view)),
        },
        context,
      );
      made.push(view);
      return view;
    };
    const resultFocus = (cell: { channel: number; y: number; x: number }, view: TensorView): FaceFocus => ({
      on: 'result',
      ...cell,
      view,
    });
    const [small, big] = transposed ? (['x', 'y'] as const) : (['y', 'x'] as const);

    const source = draw('scatter_source', views.source, small, (cell, view) =>
      cell.flat === undefined ? undefined : { on: 'source', index: cell.flat, view },
    );
    yield;
    const viaMatrix = draw('via_matrix', views.matrix, big, resultFocus);
    yield;
    const canvas = views.scatter.canvas;
    const viaScatter = draw('via_scatter', views.scatter.result, big, resultFocus, {
      border: {
        kind: 'cropped',
        before: [gh.scatter.cropBefore, gw.scatter.cropBefore],
        after: [gh.scatter.cropAfter, gw.scatter.cropAfter],
        valueAt: (c, row, col) =>
          canvas.data[(c * canvas.height + row + gh.scatter.cropBefore) * canvas.width + col + gw.scatter.cropBefore],
      },
    });
    yield;
    const stretched = draw(
      'stretched',
      views.direct.stretched,
      small,
      (cell, view) => ({ on: 'stretched', channel: cell.channel, y: cell.y, x: cell.x, view }),
      {
        kindOf: (_c, i, j) => stretchedKind(gh, gw, i, j),
      },
    );
    const flipped = kernelView(
      views.direct.flippedKernel,
      problem.geometry,
      (via, k) => linker.point(via, k === undefined ? undefined : { on: 'flipped', index: k }),
      context,
      {
        name: 'flipped_kernel',
        title: 'flipped kernel',
      },
    );
    made.push(flipped);
    yield;
    const viaDirect = draw('via_direct', views.direct.result, big, resultFocus);
    Object.assign(linker, { source, results: [viaMatrix, viaDirect], canvas: viaScatter, stretched, flipped });

    const dims = (t: { channels: number; height: number; width: number }) => shapeText([t.channels, t.height, t.width]);
    const sourceName = transposed ? 'the input x' : 'the output y';
    const product = transposed ? 'vec(x) @ M' : 'vec(y) @ Mᵀ';
    const agreement =
      views.maxAbsDifference === 0
        ? 'identical, cell for cell'
        : `max |difference| = ${views.maxAbsDifference.toExponential(2)}`;
    const element = el(
      'section',
      { class: 'stage stage-faces', 'aria-label': 'The transposed convolution three ways' },
      el('h2', {}, title),
      el(
        'p',
        { class: 'lead' },
        transposed
          ? 'The same numbers from the kernel matrix, from scattering stamps, and from an ordinary convolution with the flipped kernel. Hover any cell.'
          : `vec(out) @ Mᵀ is ${problem.geometry.op.replace('conv', 'conv_transpose')} of the output with the same weight: the same numbers from the kernel matrix, from scattering stamps, and from an ordinary convolution with the flipped kernel. Hover any cell.`,
      ),
      el(
        'p',
        { class: 'agreement', 'data-role': 'faces-agreement', role: 'note' },
        el('strong', {}, 'The three agree: '),
        agreement,
        '.',
      ),
      el('div', { class: 'flow' }, block('(a) kernel matrix', `${product} · ${dims(views.matrix)}`, viaMatrix.element)),
      el(
        'div',
        { class: 'flow' },
        block('(b) scatter', `each cell of ${sourceName} · ${dims(views.source)}`, source.element),
        block(
          'stamps, summed',
          `canvas ${shapeText([canvas.channels, canvas.height, canvas.width])}; the padding crops the dimmed cells${transposed && problem.bias ? ', then the bias is added' : ''}`,
          viaScatter.element,
        ),
      ),
      el(
        'dl',
        { class: 'params stretch-params', 'data-role': 'stretch-params' },
        param('zeros between cells', `stride − 1 = ${axesValuesText([gh.stretched.inserted, gw.stretched.inserted])}`),
        param('pad before', `dilation·(k − 1) − padding = ${pairOf(views.geometry, (a) => a.stretched.before)}`),
        param(
          'pad after',
          `dilation·(k − 1) − padding ${transposed ? '+ output_padding' : '+ unread rows'} = ${pairOf(views.geometry, (a) => a.stretched.after)}`,
        ),
      ),
      el(
        'div',
        { class: 'flow' },
        block(
          '(c) stretched grid',
          `${sourceName}, zero-inserted and padded · ${dims(views.direct.stretched)}`,
          stretched.element,
          cellLegend(),
        ),
        el(
          'div',
          { class: 'operand' },
          el('div', { class: 'operator', 'aria-label': 'convolved with' }, '⋆'),
          block('flipped kernel', 'stride 1, same dilation', flipped.element),
        ),
        el(
          'div',
          { class: 'operand' },
          el('div', { class: 'operator', 'aria-label': 'equals' }, '='),
          block('result', dims(views.direct.result), viaDirect.element),
        ),
      ),
    );
    drawn = true;
    return {
      element,
      dispose: () => made.forEach((view) => view.dispose()),
    };
  } finally {
    if (!drawn) made.forEach((view) => view.dispose());
  }
}

/** What the stretched grid's three kinds of cell look like. */
function cellLegend(): HTMLElement {
  const entry = (kind: string, text: string) =>
    el('span', {}, el('span', { class: `sample kind-${kind}`, 'aria-hidden': 'true' }), text);
  return el(
    'p',
    { class: 'cell-legend' },
    entry('source', 'a cell of the grid'),
    entry('inserted', 'inserted zero (stride − 1 between cells)'),
    entry('padding', 'padding'),
  );
}

function param(name: string, value: string): HTMLElement {
  return el('div', { class: 'param' }, el('dt', {}, name), el('dd', {}, value));
}
