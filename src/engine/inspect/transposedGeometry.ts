import { AxisName } from '../ops';
import { ConvProblem } from '../spec';

/**
 * One axis of the transposed map, which scatters the "small" grid into the "big" one along
 * `big = small*stride - padBefore + k*dilation` (the same contacts as `forEachTap`). The small grid is a conv's
 * output or a transposed conv's input; the big grid the conv's input or the transposed conv's output. Every rank has
 * three (depth, height, width); the axes a lower rank does not have are size-1 fillers that change nothing.
 */
export interface TransposedAxis {
  axis: AxisName;
  small: number;
  big: number;
  kernel: number;
  stride: number;
  dilation: number;
  padBefore: number;
  padAfter: number;
  /** The scatter writes into a canvas of this size; `cropBefore`/`cropAfter` of it fall outside the big grid. */
  scatter: { canvas: number; cropBefore: number; cropAfter: number };
  /**
   * The direct convolution reads a stretched grid: the small grid with `stride - 1` zeros inserted between
   * cells (`zeroInserted` long), `before` zeros in front and `after` behind. Either may be negative: then that
   * many zero-inserted cells are cropped instead. `size = big + span - 1`.
   */
  stretched: { zeroInserted: number; inserted: number; before: number; after: number; extra: number; size: number };
}

/** The plane's two axes (height, width), as the page draws the faces. */
export type TransposedGeometry = readonly [TransposedAxis, TransposedAxis];

/** All three axes: depth, height, width. */
export type TransposedAxes = readonly [TransposedAxis, TransposedAxis, TransposedAxis];

function axisOf(problem: ConvProblem, a: 0 | 1 | 2): TransposedAxis {
  const g = problem.geometry;
  const axis = g.axes[a];
  const small = g.transposed ? axis.input : axis.output;
  const big = g.transposed ? axis.output : axis.input;
  const { kernel, stride, dilation, padBefore, padAfter } = axis;
  const span = axis.span - 1;
  // Every stamp together reaches this far; a big grid longer than that (output_padding) ends in untouched cells.
  const reach = (small - 1) * stride + axis.span;
  const canvas = Math.max(reach, padBefore + big);
  const zeroInserted = (small - 1) * stride + 1;
  // Flipping the kernel turns "stamp at small*stride - padBefore" into "read from there": pad by span - padBefore.
  const before = span - padBefore;
  const after = big + span - zeroInserted - before;
  return {
    axis: axis.name,
    small,
    big,
    kernel,
    stride,
    dilation,
    padBefore,
    padAfter,
    scatter: { canvas, cropBefore: padBefore, cropAfter: canvas - padBefore - big },
    // `extra` is the transposed conv's output_padding, or the cells a conv's stride left unread at the end.
    stretched: {
      zeroInserted,
      inserted: stride - 1,
      before,
      after,
      extra: after - (span - padAfter),
      size: big + span,
    },
  };
}

export function transposedAxes(problem: ConvProblem): TransposedAxes {
  return [axisOf(problem, 0), axisOf(problem, 1), axisOf(problem, 2)];
}

/** The height and width axes: for a 1-D op a filler height and the length, for a 3-D op the plane of each depth. */
export function transposedGeometry(problem: ConvProblem): TransposedGeometry {
  return [axisOf(problem, 1), axisOf(problem, 2)];
}

/** What a cell of the stretched grid holds: a small-grid cell, an inserted zero, or padding. */
export type StretchedCell = { kind: 'source'; index: number } | { kind: 'inserted' } | { kind: 'padding' };

export function stretchedCell(axis: TransposedAxis, i: number): StretchedCell {
  const z = i - axis.stretched.before;
  if (z < 0 || z >= axis.stretched.zeroInserted) return { kind: 'padding' };
  if (z % axis.stride !== 0) return { kind: 'inserted' };
  return { kind: 'source', index: z / axis.stride };
}
