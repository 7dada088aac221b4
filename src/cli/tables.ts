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
  Tensor,
  weightShapeOf,
} from '../engine';
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
  // Each kernel [a][b] is a tensor of its own: its planes are the depth slices of a 3-D kernel.
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
      kernels.push(tensorText(d0 * d1 === 1 ? 'kernel' : `kernel[${a}][${b}]`, g, kernel, format));
    }
  }
  return [
    header,
    tensorText('input', g, problem.input, format),
    kernels.join('\n'),
    kernelMatrixText(problem, format),
    tensorText('output', g, result.output, format),
    tensorText('reconstruction vec(out) @ M^T (the transposed map, not the inverse)', g, result.reconstruction, format),
  ].join('\n\n');
}
