import { Axes, AxisGeometry, ConvGeometry, Grid, sweptGrid } from '../geometry';
import { ConvProblem } from '../spec';

/**
 * The convolution as the fast kernels see it: a "small" grid and a "big" one paired along each axis through
 * `big = small*stride - padBefore + k*dilation`, with weight `[smallChannel][bigChannel per group][kd][kh][kw]`.
 * Kernels sweep the height x width planes; depth is a sum over planes (see the planners).
 */
export interface Geometry {
  small: Grid;
  big: Grid;
  /** Depth, height, width, as the engine's geometry has them, but read as the planners must (see `geometryOf`). */
  axes: Axes;
  groups: number;
  /** Small-grid channels per group (weight dim 0 / groups) and big-grid channels per group (weight dim 1). */
  smallPerGroup: number;
  bigPerGroup: number;
}

/**
 * Whether the big grid is padded explicitly: a padding mode other than zeros makes padded cells copies of input
 * cells, so the fast engine convolves a padded copy of the input (`explicitPadding.ts`) with no padding at all.
 */
export const padsExplicitly = (g: ConvGeometry): boolean => g.paddingMode !== 'zeros';

export function geometryOf(problem: ConvProblem): Geometry {
  const g = problem.geometry;
  const explicit = padsExplicitly(g);
  const sizes = [g.small.depth, g.small.height, g.small.width];
  const axes = g.axes.map((a, i): AxisGeometry => ({
    ...a,
    ...(explicit && { input: a.swept, padBefore: 0, padAfter: 0 }),
    // Along an axis where the small grid has one position the stride multiplies nothing: 1 there keeps the
    // planners' layouts from growing with a stride that changes no result.
    stride: sizes[i] > 1 ? a.stride : 1,
  })) as unknown as Axes;
  const [d0, d1] = g.weightDims;
  return {
    small: g.small,
    big: explicit ? sweptGrid(g) : g.big,
    axes,
    groups: g.groups,
    smallPerGroup: d0 / g.groups,
    bigPerGroup: d1,
  };
}
