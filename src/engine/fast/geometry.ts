import { ConvGeometry } from '../geometry';
import { ConvProblem } from '../spec';

/** A grid of planes: the fast kernels see channels of `height x width`. */
export interface PlaneGrid {
  channels: number;
  height: number;
  width: number;
}

/**
 * The convolution as the fast kernels see it: the engine's `ConvGeometry` on one plane (depth 1), a "small" grid
 * and a "big" one paired through `big = small*stride - padBefore + k*dilation`, with weight
 * `[smallChannel][bigChannel per group][kh][kw]`.
 */
export interface Geometry {
  small: PlaneGrid;
  big: PlaneGrid;
  groups: number;
  /** Small-grid channels per group (weight dim 0 / groups) and big-grid channels per group (weight dim 1). */
  smallPerGroup: number;
  bigPerGroup: number;
  kernel: readonly [number, number];
  stride: readonly [number, number];
  padBefore: readonly [number, number];
  dilation: readonly [number, number];
  weight: Float64Array;
}

/** Whether the fast kernels compute this geometry: one plane deep, with zeros padding. */
export const planar = (g: ConvGeometry): boolean =>
  g.axes[0].input === 1 && g.axes[0].kernel === 1 && g.axes[0].output === 1 && g.paddingMode === 'zeros';

export function geometryOf(problem: ConvProblem): Geometry {
  const g = problem.geometry;
  const [, y, x] = g.axes;
  const [d0, d1] = g.weightDims;
  const plane = (t: PlaneGrid): PlaneGrid => ({ channels: t.channels, height: t.height, width: t.width });
  const small = plane(g.small);
  // Along an axis where the small grid has one position the stride multiplies nothing: 1 there keeps the planners'
  // layouts from growing with a stride that changes no result.
  const stride: readonly [number, number] = [small.height > 1 ? y.stride : 1, small.width > 1 ? x.stride : 1];
  return {
    small,
    big: plane(g.big),
    groups: g.groups,
    smallPerGroup: d0 / g.groups,
    bigPerGroup: d1,
    kernel: [y.kernel, x.kernel],
    stride,
    padBefore: [y.padBefore, x.padBefore],
    dilation: [y.dilation, x.dilation],
    weight: problem.weight.data,
  };
}
