import { AxisTaps, axisTaps } from './axisTaps';
import { CsrMatrix } from './sparse';
import { ConvProblem } from './spec';

/** How the input channel `c` meets its group's output channels in the weight's flat layout. */
interface ChannelLinks {
  /** Output channels of the group, ascending. */
  firstOutput: number;
  outputs: number;
  /** Flat index of weight[.][.][0][0] for the n-th of those output channels. */
  weightBase(n: number): number;
}

function channelLinks(problem: ConvProblem, c: number): ChannelLinks {
  const [d0, d1, kh, kw] = problem.weight.dims;
  const plane = kh * kw;
  if (problem.params.op === 'conv2d') {
    // weight [Cout][Cin/groups]: input channel c is column (c mod Cin/groups) of its group's rows.
    const group = Math.floor(c / d1);
    const outputs = d0 / problem.params.groups;
    return { firstOutput: group * outputs, outputs, weightBase: (n) => ((group * outputs + n) * d1 + (c - group * d1)) * plane };
  }
  // weight [Cin][Cout/groups]: input channel c owns row c, one entry per output channel of its group.
  const group = Math.floor(c / (d0 / problem.params.groups));
  return { firstOutput: group * d1, outputs: d1, weightBase: (n) => (c * d1 + n) * plane };
}

const count = (taps: AxisTaps, i: number): number => taps.start[i + 1] - taps.start[i];

/** The number of non-zeros the kernel matrix will hold, in time linear in its rows, before allocating it. */
export function kernelMatrixNonZeros(problem: ConvProblem): number {
  const ys = axisTaps(problem, 0);
  const xs = axisTaps(problem, 1);
  let perPlane = 0;
  for (let y = 0; y < problem.input.height; y++) for (let x = 0; x < problem.input.width; x++) perPlane += count(ys, y) * count(xs, x);
  let total = 0;
  for (let c = 0; c < problem.input.channels; c++) total += perPlane * channelLinks(problem, c).outputs;
  return total;
}

/**
 * The unrolled kernel matrix M with `vec(out) = vec(in) @ M`: one row per input cell (`Cin*H*W`), one column
 * per output cell (`Cout*oH*oW`). Each row is the product of the per-axis tap lists, emitted in column order,
 * so time and memory are proportional to the non-zeros, never to rows*cols, and nothing needs sorting.
 */
export function kernelMatrix(problem: ConvProblem): CsrMatrix {
  const { input, output } = problem;
  const [, , , kw] = problem.weight.dims;
  const w = problem.weight.data;
  const ys = axisTaps(problem, 0);
  const xs = axisTaps(problem, 1);
  const rows = input.channels * input.height * input.width;
  const cols = output.channels * output.height * output.width;
  const outPlane = output.height * output.width;

  const indptr = new Int32Array(rows + 1);
  const links = Array.from({ length: input.channels }, (_, c) => channelLinks(problem, c));
  let row = 0;
  for (let c = 0; c < input.channels; c++) {
    for (let y = 0; y < input.height; y++) {
      for (let x = 0; x < input.width; x++, row++) indptr[row + 1] = indptr[row] + links[c].outputs * count(ys, y) * count(xs, x);
    }
  }

  const indices = new Int32Array(indptr[rows]);
  const data = new Float64Array(indptr[rows]);
  let p = 0;
  for (let c = 0; c < input.channels; c++) {
    const link = links[c];
    for (let y = 0; y < input.height; y++) {
      for (let x = 0; x < input.width; x++) {
        for (let n = 0; n < link.outputs; n++) {
          const colBase = (link.firstOutput + n) * outPlane;
          const weightBase = link.weightBase(n);
          for (let a = ys.start[y]; a < ys.start[y + 1]; a++) {
            const rowBase = colBase + ys.outputIndex[a] * output.width;
            const weightRow = weightBase + ys.kernelIndex[a] * kw;
            for (let b = xs.start[x]; b < xs.start[x + 1]; b++) {
              indices[p] = rowBase + xs.outputIndex[b];
              data[p++] = w[weightRow + xs.kernelIndex[b]];
            }
          }
        }
      }
    }
  }
  return { rows, cols, indptr, indices, data };
}
