/**
 * The one place a convolution's grid sizes are computed (after tfjs-core's `computeConv2DInfo`): every axis's input,
 * output, kernel, stride, padding, dilation and span, the channels and groups, and which grid is the small and which
 * the big one. Everything downstream (taps, kernel matrix, limits, fast engine, views, the page) reads it.
 *
 * Every op is laid out on three spatial axes, depth, height and width: a 2-D op has depth 1, a 1-D op depth and
 * height 1, so one code path serves every rank and flat indices stay row-major over `[C][D][H][W]`, which is
 * `[C][H][W]` or `[C][L]` when the leading axes have size 1.
 */
import { AXIS_NAMES, AxisName, isTransposed, Op, PaddingKind, PaddingMode, Rank, rankOf } from './ops';

/** One spatial axis. Sizes are cells; `padBefore`/`padAfter` differ only for "same" with an odd total. */
export interface AxisGeometry {
  /** The axis's name in the op's own terms (`length` for 1-D); the filler axes of a lower rank are `depth`/`height`. */
  name: AxisName;
  input: number;
  output: number;
  kernel: number;
  stride: number;
  padBefore: number;
  padAfter: number;
  dilation: number;
  outputPadding: number;
  /** Cells one kernel placement covers: `dilation*(kernel - 1) + 1`. */
  span: number;
  /**
   * The grid the kernel sweeps, padding included: the padded input, or the transposed op's output before its padding
   * crops it (`(input - 1)*stride + span`, plus what output_padding adds past the crop).
   */
  swept: number;
}

/** A grid's channels and spatial sizes; flat indices are row-major over `[channels][depth][height][width]`. */
export interface Grid {
  channels: number;
  depth: number;
  height: number;
  width: number;
}

export type Axes = readonly [AxisGeometry, AxisGeometry, AxisGeometry];

export interface ConvGeometry {
  op: Op;
  rank: Rank;
  transposed: boolean;
  paddingMode: PaddingMode;
  paddingKind: PaddingKind;
  groups: number;
  /** Depth, height, width: the op's own axes are the last `rank`; the others have size 1 and no padding. */
  axes: Axes;
  input: Grid;
  output: Grid;
  /**
   * Both ops pair a small grid with a big one through `big = small*stride - padBefore + k*dilation`: a conv reads
   * the (padded) input, big, at each output position, small; a transposed conv scatters each input position,
   * small, into the output, big.
   */
  small: Grid;
  big: Grid;
  /** `[dim0][dim1][kd][kh][kw]`: `[Cout][Cin/groups]` for a conv, `[Cin][Cout/groups]` for a transposed one. */
  weightDims: readonly [number, number, number, number, number];
}

/** What the spec gives for each of the op's axes (the parameters as read, one entry per axis). */
export interface AxisParams {
  input: number[];
  kernel: number[];
  stride: number[];
  padBefore: number[];
  padAfter: number[];
  dilation: number[];
  outputPadding: number[];
}

/**
 * Where tap `tap` of the kernel placed at small-grid position `small` lands in the big grid, counted from the big
 * grid's first cell (negative or past the end: in the padding, or cropped): the one contact formula of every op.
 */
export const bigPosition = (
  axis: Pick<AxisGeometry, 'stride' | 'padBefore' | 'dilation'>,
  small: number,
  tap: number,
): number => small * axis.stride - axis.padBefore + tap * axis.dilation;

/** The small position that reaches big position `big` through `tap` (`bigPosition` solved), or -1 if none does. */
export function smallPosition(axis: AxisGeometry, smallSize: number, big: number, tap: number): number {
  const t = big + axis.padBefore - tap * axis.dilation;
  return t >= 0 && t % axis.stride === 0 && t / axis.stride < smallSize ? t / axis.stride : -1;
}

/** PyTorch's padding "same" along one axis: the span's extra cells split, the odd one after the input. */
export function samePadding(kernel: number, dilation: number): { before: number; after: number } {
  const total = dilation * (kernel - 1);
  return { before: Math.floor(total / 2), after: total - Math.floor(total / 2) };
}

/** Cells one kernel placement covers along an axis, its dilation included. */
export const kernelSpan = (kernel: number, dilation: number): number => dilation * (kernel - 1) + 1;

/** PyTorch's output size along one axis (torch.nn.Conv*d and ConvTranspose*d docs). */
export function outputLength(
  transposed: boolean,
  a: Pick<AxisGeometry, 'input' | 'kernel' | 'stride' | 'padBefore' | 'padAfter' | 'dilation' | 'outputPadding'>,
): number {
  const span = kernelSpan(a.kernel, a.dilation);
  return transposed
    ? (a.input - 1) * a.stride - a.padBefore - a.padAfter + span + a.outputPadding
    : Math.floor((a.input + a.padBefore + a.padAfter - span) / a.stride) + 1;
}

/** One axis of a pooling window (`nn.MaxPool*d`, `nn.AvgPool*d`): padding is the same on both sides. */
export interface PoolAxis {
  input: number;
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
}

/**
 * PyTorch's pooling output size along one axis (`pooling_output_shape`): the conv's, rounded up with `ceilMode`, but
 * then the last window must still start inside the input or its left padding, else it is dropped.
 */
export function poolOutputLength(a: PoolAxis, ceilMode: boolean): number {
  const output = poolFormulaLength(a, ceilMode);
  return ceilMode && (output - 1) * a.stride >= a.input + a.padding ? output - 1 : output;
}

/** The pooling docs' formula alone: the conv's, rounded up with `ceilMode` (`poolOutputLength` adds PyTorch's rule). */
export function poolFormulaLength(a: PoolAxis, ceilMode: boolean): number {
  const reach = a.input + 2 * a.padding - kernelSpan(a.kernel, a.dilation) + (ceilMode ? a.stride - 1 : 0);
  return Math.floor(reach / a.stride) + 1;
}

/** `F.interpolate`'s output size for a scale factor: the scaled size rounded down, in double precision. */
export const scaledLength = (input: number, scale: number): number => Math.floor(input * scale);

function axisOf(transposed: boolean, name: AxisName, p: AxisParams, i: number): AxisGeometry {
  const axis = {
    name,
    input: p.input[i],
    kernel: p.kernel[i],
    stride: p.stride[i],
    padBefore: p.padBefore[i],
    padAfter: p.padAfter[i],
    dilation: p.dilation[i],
    outputPadding: p.outputPadding[i],
  };
  const span = kernelSpan(axis.kernel, axis.dilation);
  const swept = transposed
    ? (axis.input - 1) * axis.stride + span + Math.max(0, axis.outputPadding - axis.padBefore)
    : axis.input + axis.padBefore + axis.padAfter;
  return { ...axis, output: outputLength(transposed, axis), span, swept };
}

const FILLER: AxisName[] = ['depth', 'height'];

/** The geometry of `op` from its per-axis parameters (one entry per spatial axis of the op) and channel counts. */
export function convGeometry(
  op: Op,
  params: AxisParams,
  channels: { input: number; output: number; groups: number },
  weightLeading: readonly [number, number],
  padding: { mode: PaddingMode; kind: PaddingKind },
): ConvGeometry {
  const rank = rankOf(op);
  const transposed = isTransposed(op);
  const filler: AxisParams = {
    input: [1],
    kernel: [1],
    stride: [1],
    padBefore: [0],
    padAfter: [0],
    dilation: [1],
    outputPadding: [0],
  };
  const own = AXIS_NAMES[rank];
  const axes = [0, 1, 2].map((a) => {
    const i = a - (3 - rank);
    return i < 0 ? axisOf(transposed, FILLER[a], filler, 0) : axisOf(transposed, own[i], params, i);
  }) as unknown as Axes;
  const grid = (c: number, size: (a: AxisGeometry) => number): Grid => ({
    channels: c,
    depth: size(axes[0]),
    height: size(axes[1]),
    width: size(axes[2]),
  });
  const input = grid(channels.input, (a) => a.input);
  const output = grid(channels.output, (a) => a.output);
  return {
    op,
    rank,
    transposed,
    paddingMode: padding.mode,
    paddingKind: padding.kind,
    groups: channels.groups,
    axes,
    input,
    output,
    small: transposed ? input : output,
    big: transposed ? output : input,
    weightDims: [weightLeading[0], weightLeading[1], axes[0].kernel, axes[1].kernel, axes[2].kernel],
  };
}

/** The op's own axes, in the order its shapes list them. */
export const ownAxes = (g: ConvGeometry): AxisGeometry[] => g.axes.slice(3 - g.rank);

export const cellsOf = (grid: Grid): number => grid.channels * grid.depth * grid.height * grid.width;

/** A grid's shape as the op writes it, channels first: `[C][L]`, `[C][H][W]` or `[C][D][H][W]`. */
export const shapeOf = (g: ConvGeometry, grid: Grid): number[] =>
  [grid.channels, grid.depth, grid.height, grid.width].filter((_, i) => i === 0 || i > 3 - g.rank);

/** The weight's shape as the op writes it: `[d0][d1]` and one kernel size per own axis. */
export const weightShapeOf = (g: ConvGeometry): number[] => [
  g.weightDims[0],
  g.weightDims[1],
  ...g.weightDims.slice(5 - g.rank),
];

/** The grid the kernel sweeps: the padded input (conv), or the output before padding crops it (transposed). */
export const sweptGrid = (g: ConvGeometry): Grid => ({
  channels: g.big.channels,
  depth: g.axes[0].swept,
  height: g.axes[1].swept,
  width: g.axes[2].swept,
});

/**
 * Where position `q` of the big grid along an axis (counted from the big grid's first cell, so padding before it is
 * negative) reads from: the cell itself, the cell a padded copy copies (reflect, replicate, circular), or -1 for a
 * zero. PyTorch's rules keep reflect's padding below the size and circular's at most the size, so one fold suffices.
 */
export function foldPosition(mode: PaddingMode, size: number, q: number): number {
  if (q >= 0 && q < size) return q;
  switch (mode) {
    case 'zeros':
      return -1;
    case 'reflect':
      return q < 0 ? -q : 2 * (size - 1) - q;
    case 'replicate':
      return q < 0 ? 0 : size - 1;
    case 'circular':
      return q < 0 ? q + size : q - size;
  }
}

/**
 * The most positions of the big grid that read one input cell: the cell itself and, with a padding mode other than
 * zeros, each of its padded copies (at most one per padded position along an axis).
 */
export function readsPerInputCell(g: ConvGeometry): number {
  if (g.paddingMode === 'zeros') return 1;
  return g.axes.reduce((reads, a) => reads * (a.padBefore + a.padAfter + 1), 1);
}

/**
 * The nearest kernel size divisible by a transposed conv's stride along one axis, and the padding and output_padding
 * that keep its output size (`outputLength`): the first of the two fixes for the checkerboard of Odena, Dumoulin
 * and Olah (2016). The larger candidate always fits (its extra span goes to padding); the smaller one only where
 * output_padding, below `max(stride, dilation)`, can make up the span it loses. Ties go to the larger.
 */
export function divisibleKernel(
  a: Pick<AxisGeometry, 'kernel' | 'stride' | 'dilation' | 'padBefore' | 'outputPadding'>,
): { kernel: number; padding: number; outputPadding: number } {
  const fit = (kernel: number) => {
    // Cells the padding must take off (output_padding adds them back): the old total plus the change in span.
    const crop = 2 * a.padBefore - a.outputPadding + a.dilation * (kernel - a.kernel);
    const padding = Math.max(0, Math.ceil(crop / 2));
    const outputPadding = 2 * padding - crop;
    return outputPadding < Math.max(a.stride, a.dilation) ? { kernel, padding, outputPadding } : undefined;
  };
  if (a.kernel % a.stride === 0) return { kernel: a.kernel, padding: a.padBefore, outputPadding: a.outputPadding };
  const below = Math.floor(a.kernel / a.stride) * a.stride;
  const above = below + a.stride;
  const smaller = below > 0 && a.kernel - below < above - a.kernel ? fit(below) : undefined;
  return smaller ?? fit(above)!;
}

/** An axis nearest-neighbour upsampled by `factor`: each cell repeated `factor` times. */
export const upsampledLength = (length: number, factor: number): number => length * factor;
