import {
  convGeometry,
  ConvGeometry,
  divisibleKernel,
  ownAxes,
  samePadding,
  shapeOf,
  upsampledLength,
  weightShapeOf,
} from '../geometry';
import { Op } from '../ops';
import { ConvProblem } from '../spec';
import { toNested } from '../tensor';

/**
 * The two fixes for a transposed conv's checkerboard (Odena, Dumoulin and Olah 2016), as specs the page can compute
 * and draw side by side with their overlap maps.
 */
export interface CheckerboardFixes {
  /**
   * The same op with, along each axis, the nearest kernel size divisible by the stride, and the padding and
   * output_padding that keep the output's size; the weight resampled to it by nearest neighbour. Even along every
   * axis unless a dilation shares a factor with the stride (then no kernel size is).
   */
  kernelDivisible: Record<string, unknown>;
  /**
   * "Resize, then convolve": the input upsampled by the stride (nearest neighbour), then a stride-1 conv with padding
   * "same" and the equivalent direct conv's weight (kernels flipped, channel axes swapped): every cell is met equally
   * often. Its output is stride x input cells along each axis, which the transposed conv's padding may crop.
   */
  resizeConvolve: Record<string, unknown>;
}

/** The weight with its kernels resized to `kernel` (depth, height, width) by nearest neighbour. */
function resampledWeight(problem: ConvProblem, kernel: readonly [number, number, number]): Float64Array {
  const [d0, d1, kd, kh, kw] = problem.weight.dims;
  const [nd, nh, nw] = kernel;
  const w = problem.weight.data;
  const data = new Float64Array(d0 * d1 * nd * nh * nw);
  let i = 0;
  for (let p = 0; p < d0 * d1; p++)
    for (let z = 0; z < nd; z++)
      for (let y = 0; y < nh; y++)
        for (let x = 0; x < nw; x++) {
          const from = (Math.floor((z * kd) / nd) * kh + Math.floor((y * kh) / nh)) * kw + Math.floor((x * kw) / nw);
          data[i++] = w[p * kd * kh * kw + from];
        }
  return data;
}

/** The input repeated `stride` times along each axis. */
function upsampledInput(problem: ConvProblem): { data: Float64Array; shape: number[] } {
  const g = problem.geometry;
  const { channels, depth, height, width } = problem.input;
  const [sd, sh, sw] = g.axes.map((a) => a.stride);
  const [ud, uh, uw] = [upsampledLength(depth, sd), upsampledLength(height, sh), upsampledLength(width, sw)];
  const data = new Float64Array(channels * ud * uh * uw);
  let i = 0;
  for (let c = 0; c < channels; c++)
    for (let z = 0; z < ud; z++)
      for (let y = 0; y < uh; y++)
        for (let x = 0; x < uw; x++)
          data[i++] =
            problem.input.data[
              ((c * depth + Math.floor(z / sd)) * height + Math.floor(y / sh)) * width + Math.floor(x / sw)
            ];
  const grid = { channels, depth: ud, height: uh, width: uw };
  return { data, shape: shapeOf(g, grid) };
}

/** The equivalent direct conv's weight `[Cout][Cin/groups][k...]`: kernels flipped, channel axes swapped per group. */
function directWeight(problem: ConvProblem): Float64Array {
  const g = problem.geometry;
  const [d0, d1, kd, kh, kw] = problem.weight.dims;
  const volume = kd * kh * kw;
  const inPerGroup = d0 / g.groups;
  const data = new Float64Array(problem.weight.data.length);
  for (let cin = 0; cin < d0; cin++) {
    const group = Math.floor(cin / inPerGroup);
    for (let j = 0; j < d1; j++) {
      const out = group * d1 + j;
      const from = (cin * d1 + j) * volume;
      const to = (out * inPerGroup + (cin - group * inPerGroup)) * volume;
      for (let t = 0; t < volume; t++) data[to + t] = problem.weight.data[from + volume - 1 - t];
    }
  }
  return data;
}

/** The two fixes of a transposed conv's uneven overlap; undefined for a conv, which has no such fix to offer. */
export function checkerboardFixes(problem: ConvProblem): CheckerboardFixes | undefined {
  const g = problem.geometry;
  if (!g.transposed) return undefined;
  const axes = ownAxes(g);
  const fixed = axes.map(divisibleKernel);
  const kernel = [...Array<number>(3 - g.rank).fill(1), ...fixed.map((f) => f.kernel)] as [number, number, number];
  const [d0, d1] = problem.weight.dims;
  const common = {
    bias: problem.bias ? Array.from(problem.bias) : null,
    dilation: axes.map((a) => a.dilation),
    groups: g.groups,
  };
  const input = toNested(problem.input.data, shapeOf(g, problem.input));
  const upsampled = upsampledInput(problem);
  const directDims = [g.output.channels, d0 / g.groups, ...weightShapeOf(g).slice(2)];
  return {
    kernelDivisible: {
      ...common,
      op: g.op,
      input,
      weight: toNested(resampledWeight(problem, kernel), [d0, d1, ...kernel.slice(3 - g.rank)]),
      stride: axes.map((a) => a.stride),
      padding: fixed.map((f) => f.padding),
      output_padding: fixed.map((f) => f.outputPadding),
    },
    resizeConvolve: {
      ...common,
      op: `conv${g.rank}d`,
      input: toNested(upsampled.data, upsampled.shape),
      weight: toNested(directWeight(problem), directDims),
      padding: 'same',
    },
  };
}

/**
 * The geometries of the two fixes, as `normalizeSpec` of their specs has them, without building the specs' numbers
 * (the page draws the fixes' overlap maps from these alone).
 */
export function checkerboardFixGeometries(
  problem: ConvProblem,
): { kernelDivisible: ConvGeometry; resizeConvolve: ConvGeometry } | undefined {
  const g = problem.geometry;
  if (!g.transposed) return undefined;
  const axes = ownAxes(g);
  const fixed = axes.map(divisibleKernel);
  const [d0, d1] = problem.weight.dims;
  const channels = { input: g.input.channels, output: g.output.channels, groups: g.groups };
  const same = axes.map((a) => samePadding(a.kernel, a.dilation));
  return {
    kernelDivisible: convGeometry(
      g.op,
      {
        input: axes.map((a) => a.input),
        kernel: fixed.map((f) => f.kernel),
        stride: axes.map((a) => a.stride),
        padBefore: fixed.map((f) => f.padding),
        padAfter: fixed.map((f) => f.padding),
        dilation: axes.map((a) => a.dilation),
        outputPadding: fixed.map((f) => f.outputPadding),
      },
      channels,
      [d0, d1],
      { mode: 'zeros', kind: g.paddingKind },
    ),
    resizeConvolve: convGeometry(
      `conv${g.rank}d` as Op,
      {
        input: axes.map((a) => upsampledLength(a.input, a.stride)),
        kernel: axes.map((a) => a.kernel),
        stride: axes.map(() => 1),
        padBefore: same.map((p) => p.before),
        padAfter: same.map((p) => p.after),
        dilation: axes.map((a) => a.dilation),
        outputPadding: axes.map(() => 0),
      },
      channels,
      [g.output.channels, d0 / g.groups],
      { mode: 'zeros', kind: 'same' },
    ),
  };
}
