import { ConvProblem } from '../spec';

export interface Grid {
  channels: number;
  height: number;
  width: number;
}

/**
 * The convolution's geometry as `forEachTap` sees it: a "small" grid and a "big" one paired through
 * `big = small*stride - padBefore + k*dilation`, with weight `[smallChannel][bigChannel per group][kh][kw]`.
 * conv2d reads big (input) into small (output); conv_transpose2d scatters small (input) into big (output).
 */
export interface Geometry {
  small: Grid;
  big: Grid;
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

export function geometryOf(problem: ConvProblem): Geometry {
  const { params, input, output, weight } = problem;
  const transposed = params.op === 'conv_transpose2d';
  const shape = (t: Grid): Grid => ({ channels: t.channels, height: t.height, width: t.width });
  const [d0, d1, kh, kw] = weight.dims;
  const small = shape(transposed ? input : output);
  // Along an axis where the small grid has one position the stride multiplies nothing: 1 there keeps the planners'
  // layouts from growing with a stride that changes no result.
  const stride: readonly [number, number] = [
    small.height > 1 ? params.stride[0] : 1,
    small.width > 1 ? params.stride[1] : 1,
  ];
  return {
    small,
    big: shape(transposed ? output : input),
    groups: params.groups,
    smallPerGroup: d0 / params.groups,
    bigPerGroup: d1,
    kernel: [kh, kw],
    stride,
    padBefore: params.padBefore,
    dilation: params.dilation,
    weight: weight.data,
  };
}
