import {
  ConvGeometry,
  ConvProblem,
  ConvResult,
  kernelMatrix,
  KernelMatrixRows,
  outputSizeFormulas,
  ownAxes,
  planesOf,
  shapeOf,
  overlapSummary,
  Tensor,
  Weight,
  weightShapeOf,
} from '../engine';
import { ComputedViews } from './views';
import { matrixText } from '../format/matrixText';
import { NumberFormat } from '../protocol/messages';

/** Kernel matrices with more cells than this are summarised rather than printed. */
const PRINTABLE_KERNEL_MATRIX_CELLS = 10_000;

/** A tensor as one table per plane: `name[c]` per channel, `name[c][d]` per depth slice of a 3-D one. */
function tensorText(name: string, g: ConvGeometry, t: Tensor, format: NumberFormat): string {
  const size = g.rank === 1 ? `${t.width}` : `${t.height}x${t.width}`;
  return planesOf(t)
    .map(({ channel, depth, data }) => {
      const index = (t.channels === 1 ? '' : `[${channel}]`) + (g.rank === 3 ? `[${depth}]` : '');
      return `${name}${index} (${size})\n${matrixText(data, t.height, t.width, format)}`;
    })
    .join('\n');
}

function kernelMatrixText(problem: ConvProblem, format: NumberFormat): string {
  // Its size and non-zeros come from the geometry: a matrix too large to print is never built.
  const rows = new KernelMatrixRows(problem);
  const title = `kernel matrix M (${rows.rows}x${rows.cols}, ${rows.nonZeros} non-zeros), vec(out) = vec(in) @ M`;
  if (rows.rows * rows.cols > PRINTABLE_KERNEL_MATRIX_CELLS)
    return `${title}: too large to print; use --json --kernel-matrix csr`;
  const m = kernelMatrix(problem);
  const dense = new Float64Array(m.rows * m.cols);
  for (let r = 0; r < m.rows; r++)
    for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) dense[r * m.cols + m.indices[p]] = m.data[p];
  return `${title}\n${matrixText(dense, m.rows, m.cols, format)}`;
}

/** A weight as one tensor per kernel `[a][b]` (its planes the depth slices of a 3-D kernel). */
function weightText(name: string, g: ConvGeometry, weight: Weight, format: NumberFormat): string {
  const [d0, d1, kd, kh, kw] = weight.dims;
  const volume = kd * kh * kw;
  const kernels: string[] = [];
  for (let a = 0; a < d0; a++) {
    for (let b = 0; b < d1; b++) {
      const offset = (a * d1 + b) * volume;
      const kernel = {
        channels: 1,
        depth: kd,
        height: kh,
        width: kw,
        data: weight.data.subarray(offset, offset + volume),
      };
      kernels.push(tensorText(d0 * d1 === 1 ? name : `${name}[${a}][${b}]`, g, kernel, format));
    }
  }
  return kernels.join('\n');
}

/** One value per own axis: a single number when every axis has it. */
const axesText = (values: readonly number[]): string =>
  values.every((v) => v === values[0]) ? String(values[0]) : `[${values.join(', ')}]`;

/** The readable report of one computation: parameters, formula, input, kernel, M, output, reconstruction. */
export function resultText(result: ConvResult, format: NumberFormat): string {
  const { problem } = result;
  const { geometry: g, weight } = problem;
  const axes = ownAxes(g);
  const values = (field: 'stride' | 'padBefore' | 'dilation' | 'outputPadding') => axesText(axes.map((a) => a[field]));
  const padding = g.paddingKind === 'explicit' ? values('padBefore') : `"${g.paddingKind}"`;
  const shape = (grid: Tensor) => shapeOf(g, grid).join('x');
  const header = [
    `${g.op}: input ${shape(problem.input)}, weight ${weightShapeOf(g).join('x')}`,
    `stride ${values('stride')}, padding ${padding}` +
      (g.paddingMode === 'zeros' ? '' : ` (padding_mode "${g.paddingMode}")`) +
      `, dilation ${values('dilation')}` +
      (g.transposed ? `, output_padding ${values('outputPadding')}` : '') +
      `, groups ${g.groups}${problem.bias ? ', with bias' : ''}`,
    ...outputSizeFormulas(g).map((t) => `output ${t.name.padEnd(6)} = ${t.substituted}`),
  ].join('\n');
  return [
    header,
    tensorText('input', g, problem.input, format),
    weightText('kernel', g, weight, format),
    kernelMatrixText(problem, format),
    tensorText('output', g, result.output, format),
    tensorText('reconstruction vec(out) @ M^T (the transposed map, not the inverse)', g, result.reconstruction, format),
  ].join('\n\n');
}

/** What the overlap map shows, in one sentence: even, or which axes make a checkerboard, and cells nothing meets. */
function overlapSentence(g: ConvGeometry): string {
  const { axes } = overlapSummary(g);
  const uneven = axes.filter((a) => !a.even).map((a) => `${a.name} (kernel ${a.kernel}, stride ${a.stride})`);
  const missed = axes.filter((a) => a.uncovered.length > 0).map((a) => `${a.name} ${a.uncovered.join(', ')}`);
  return (
    (uneven.length === 0
      ? 'even: away from the borders every cell is met equally often'
      : `uneven along ${uneven.join(', ')}: the kernel size is not divisible by the stride, a checkerboard`) +
    (missed.length === 0 ? '' : `; met by nothing: ${missed.join('; ')}`)
  );
}

/** The readable form of the views asked with --views, after the result. */
export function viewsText(problem: ConvProblem, views: ComputedViews, format: NumberFormat): string {
  const g = problem.geometry;
  const blocks: string[] = [];
  if (views.overlap) {
    const where = g.transposed
      ? '(input cell, tap) pairs landing on each output cell'
      : '(output cell, tap) pairs reading each input cell';
    blocks.push(`overlap: ${where}; ${overlapSentence(g)}\n${tensorText('overlap', g, views.overlap, format)}`);
  }
  if (views.backward) {
    const { gradOutput, gradInput, gradWeight, gradBias } = views.backward;
    blocks.push(
      tensorText('grad_output', g, gradOutput, format),
      tensorText('grad_input = vec(grad_output) @ M^T', g, gradInput, format),
      weightText('grad_weight', g, gradWeight, format),
    );
    if (gradBias) blocks.push(`grad_bias\n${matrixText(gradBias, 1, gradBias.length, format)}`);
  }
  if (views.im2col) {
    const { rows, cols, data } = views.im2col;
    const title = `im2col (${rows}x${cols}: input channel and kernel position by output cell)`;
    blocks.push(
      rows * cols > PRINTABLE_KERNEL_MATRIX_CELLS
        ? `${title}: too large to print; use --json`
        : `${title}\n${matrixText(data, rows, cols, format)}`,
    );
  }
  return blocks.join('\n\n');
}
