import { ConvProblem, ConvResult, kernelMatrix, KernelMatrixRows, Tensor3 } from '../engine';
import { matrixText } from '../format/matrixText';
import { NumberFormat } from '../protocol';

/** Kernel matrices with more cells than this are summarised rather than printed. */
const PRINTABLE_KERNEL_MATRIX_CELLS = 10_000;

function tensorText(name: string, t: Tensor3, format: NumberFormat): string {
  const plane = t.height * t.width;
  const blocks: string[] = [];
  for (let c = 0; c < t.channels; c++) {
    const title = t.channels === 1 ? `${name} (${t.height}x${t.width})` : `${name}[${c}] (${t.height}x${t.width})`;
    blocks.push(`${title}\n${matrixText(t.data.subarray(c * plane, (c + 1) * plane), t.height, t.width, format)}`);
  }
  return blocks.join('\n');
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

const pairText = (p: readonly [number, number]): string => (p[0] === p[1] ? String(p[0]) : `[${p[0]}, ${p[1]}]`);

/** The readable report of one computation: parameters, formula, input, kernel, M, output, reconstruction. */
export function resultText(result: ConvResult, format: NumberFormat): string {
  const { problem } = result;
  const { params, weight } = problem;
  const padding = params.paddingMode === 'explicit' ? pairText(params.padBefore) : `"${params.paddingMode}"`;
  const header = [
    `${params.op}: input ${problem.input.channels}x${problem.input.height}x${problem.input.width}, weight ${weight.dims.join('x')}`,
    `stride ${pairText(params.stride)}, padding ${padding}, dilation ${pairText(params.dilation)}` +
      (params.op === 'conv_transpose2d' ? `, output_padding ${pairText(params.outputPadding)}` : '') +
      `, groups ${params.groups}${problem.bias ? ', with bias' : ''}`,
    ...problem.outputSize.map((t) => `output ${t.axis.padEnd(6)} = ${t.substituted}`),
  ].join('\n');
  const [d0, d1, kh, kw] = weight.dims;
  const kernels: string[] = [];
  for (let a = 0; a < d0; a++) {
    for (let b = 0; b < d1; b++) {
      const offset = (a * d1 + b) * kh * kw;
      const title = d0 * d1 === 1 ? `kernel (${kh}x${kw})` : `kernel[${a}][${b}] (${kh}x${kw})`;
      kernels.push(`${title}\n${matrixText(weight.data.subarray(offset, offset + kh * kw), kh, kw, format)}`);
    }
  }
  return [
    header,
    tensorText('input', problem.input, format),
    kernels.join('\n'),
    kernelMatrixText(problem, format),
    tensorText('output', result.output, format),
    tensorText('reconstruction vec(out) @ M^T (the transposed map, not the inverse)', result.reconstruction, format),
  ].join('\n\n');
}
