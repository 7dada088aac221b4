import {
  columnOfOutputCell,
  entriesOfInputCell,
  im2col,
  im2colCells,
  im2colShape,
  im2colWeight,
  type ConvProblem,
  type DenseMatrix,
  type Tensor,
} from '../../src/engine';
import { cellLabel, shapeText } from '../../src/view/labels';
import { el } from '../dom';
import type { Focus, Follower, Linker } from '../highlight/linker';
import { block, operand } from '../render/blocks';
import type { RenderContext } from '../render/context';
import { drawMatrix } from '../render/drawMatrix';
import { denseSource } from '../render/matrixSource';
import type { MatrixView } from '../render/matrixView';
import type { SectionContent } from '../render/onDemandSection';

/** Past this many cells (im2col and W_flat) the patches are not laid out in the page: a dense copy of every window. */
const MAX_IM2COL_CELLS = 4_000_000;

/** Column labels stand upright past this many columns, as M's do. */
const UPRIGHT_AFTER_COLS = 8;

/**
 * `out = W_flat @ im2col(x)`: every output cell's window copied into a column, then one matrix product with the
 * flattened weight: how libraries compute a convolution, beside M, the operator itself. Hovering a column lights its
 * output cell, its column of M and its window on the input (through the page's linker).
 */
export function im2colView(
  problem: ConvProblem,
  output: Tensor,
  linker: Linker,
  context: RenderContext,
): SectionContent {
  const g = problem.geometry;
  const shape = im2colShape(problem);
  const lead = el(
    'p',
    { class: 'lead' },
    'Libraries compute a convolution this way: each output cell’s window is copied into one column (im2col), then one matrix product with the flattened weight, a GEMM that fast BLAS kernels run, does every multiply-add at once. M is the operator itself, ',
    el('code', {}, 'vec(out) = vec(in) @ M'),
    ': its column for an output cell holds the weights, where the same column of im2col holds the inputs they meet.',
  );
  const cells = im2colCells(problem);
  if (cells > MAX_IM2COL_CELLS) {
    const why = `im2col and W_flat would be ${cells.toLocaleString('en-US')} cells (im2col ${shapeText([shape.rows, shape.cols])}): too many to lay out here.`;
    return { element: el('div', { class: 'im2col' }, lead, el('p', { class: 'hint' }, why)), dispose() {} };
  }
  const patches = im2col(problem);
  const weights = im2colWeight(problem);
  const [, , kd, kh, kw] = g.weightDims;
  const taps = kd * kh * kw;
  // One output channel's cells: the columns of im2col.
  const outCells = { ...g.output, channels: 1 };
  const colLabel = (col: number) => cellLabel('y', outCells, col, g.rank);
  /** `x₀ (1,2)`: input channel and kernel position of a row of im2col (a column of W_flat). */
  const tapLabel = (row: number) => {
    const t = row % taps;
    const position = [Math.floor(t / (kh * kw)), Math.floor(t / kw) % kh, t % kw].slice(3 - g.rank);
    return `c${Math.floor(row / taps)} (${position.join(',')})`;
  };
  /** Output cell `col` of channel `channel` as the page's linker focuses it: the small grid of a conv, the big one of a
   * transposed conv. */
  const focusOf = (channel: number, col: number): Focus => {
    const flat = channel * shape.cols + col;
    if (!g.transposed) return { on: 'small', index: flat };
    const { height, width } = g.output;
    const [depth, y, x] = [Math.floor(col / (height * width)), Math.floor(col / width) % height, col % width];
    return { on: 'big', channel, depth, y, x, flat };
  };
  type Labels = { rowLabel: (row: number) => string; colLabel: (col: number) => string };
  /** `linked`: hovering a cell focuses the output cell of its column (its row's channel for the output itself). */
  const draw = (name: 'im2col' | 'im2col_weight' | 'im2col_output', m: DenseMatrix, labels: Labels, linked = false) =>
    drawMatrix(
      {
        name,
        ariaName: name.replace('_', ' '),
        source: denseSource(m.data, 0, m.rows, m.cols),
        uprightColumnLabels: m.cols > UPRIGHT_AFTER_COLS,
        ...labels,
        onPoint: (via, cell) => {
          if (!linked) return;
          linker.point(via, cell && focusOf(name === 'im2col_output' ? cell.row : 0, cell.col));
        },
      },
      context,
    );
  const patchView: MatrixView = draw('im2col', patches, { rowLabel: tapLabel, colLabel }, true);
  const weightView = draw('im2col_weight', weights, { rowLabel: (c: number) => `out ${c}`, colLabel: tapLabel });
  const outputView = draw(
    'im2col_output',
    { rows: g.output.channels, cols: shape.cols, data: output.data },
    { rowLabel: (c: number) => `out ${c}`, colLabel },
    true,
  );
  /** The flat output cell a focus is on: a conv's small grid, a transposed conv's big one, M's column. */
  const outputCellOf = (focus: Focus): number | undefined => {
    if (focus.on === 'kernel_matrix') return focus.col;
    if (focus.on === 'small') return g.transposed ? undefined : focus.index;
    if (focus.on === 'big') return g.transposed ? focus.flat : undefined;
    return undefined;
  };
  /** The flat input cell a focus is on: a conv's big grid (inside it), a transposed conv's small one, M's row. */
  const inputCellOf = (focus: Focus): number | undefined => {
    if (focus.on === 'kernel_matrix') return focus.row;
    if (focus.on === 'small') return g.transposed ? focus.index : undefined;
    if (focus.on === 'big') return g.transposed ? undefined : focus.flat;
    return undefined;
  };
  // Whatever the page focuses lights what im2col holds of it: an output cell its column (and its cell of the output),
  // an input cell every entry that copies it, an entry of M those entries in its column.
  const follower: Follower = {
    clearMarks() {
      patchView.clearMarks();
      outputView.clearMarks();
    },
    follow(focus) {
      const out = outputCellOf(focus);
      const col = out === undefined ? undefined : columnOfOutputCell(problem, out);
      if (out !== undefined && col !== undefined) {
        patchView.markCol(col);
        outputView.mark(Math.floor(out / shape.cols), col);
      }
      const cell = inputCellOf(focus);
      if (cell === undefined) return;
      for (const [row, c] of entriesOfInputCell(problem, cell))
        if (col === undefined || c === col) patchView.mark(row, c);
    },
  };
  linker.followers.push(follower);
  const element = el(
    'div',
    { class: 'im2col' },
    lead,
    el(
      'div',
      { class: 'flow' },
      operand(
        '',
        '',
        block('W_flat', `${shapeText([weights.rows, weights.cols])}: a row per output channel`, weightView.element),
      ),
      operand(
        '@',
        'times',
        block(
          'im2col(x)',
          `${shapeText([shape.rows, shape.cols])}: a column per output cell, its window; hover one`,
          patchView.element,
        ),
      ),
      operand(
        '=',
        'equals',
        block(
          'output',
          `${shapeText([g.output.channels, shape.cols])}${problem.bias ? ', plus the bias' : ''}`,
          outputView.element,
        ),
      ),
    ),
  );
  return {
    element,
    dispose() {
      linker.followers.splice(linker.followers.indexOf(follower), 1);
      for (const view of [patchView, weightView, outputView]) view.dispose();
    },
  };
}
