/** Dense float64 tensors in row-major order: the engine's only data representation on the hot path. */
import { Grid } from './geometry';

/** A tensor `[channels][depth][height][width]`; a 2-D op's have depth 1, a 1-D op's depth and height 1. */
export interface Tensor extends Grid {
  data: Float64Array;
}

/** A conv weight `[dim0][dim1][kd][kh][kw]`: `[Cout][Cin/groups]` for a conv, `[Cin][Cout/groups]` transposed. */
export interface Weight {
  dims: readonly [number, number, number, number, number];
  data: Float64Array;
}

export type Nested = number | Nested[];

/** A zero tensor of `grid`'s shape, or one around `data`. */
export function tensorOf(grid: Grid, data?: Float64Array): Tensor {
  const { channels, depth, height, width } = grid;
  return { channels, depth, height, width, data: data ?? new Float64Array(channels * depth * height * width) };
}

/** Row-major nested arrays of the given shape, for JSON at the edges. */
export function toNested(data: ArrayLike<number>, shape: readonly number[]): Nested[] {
  let offset = 0;
  const build = (depth: number): Nested[] => {
    const out: Nested[] = [];
    for (let i = 0; i < shape[depth]; i++) out.push(depth === shape.length - 1 ? data[offset++] : build(depth + 1));
    return out;
  };
  return build(0);
}

/** One `height x width` plane of a tensor: channel `channel`, depth slice `depth`. */
export interface Plane {
  channel: number;
  depth: number;
  data: Float64Array;
}

/** A tensor's planes in row-major order: how a table, a hover or the page shows a tensor of any rank. */
export function planesOf(t: Tensor): Plane[] {
  const size = t.height * t.width;
  const planes: Plane[] = [];
  for (let c = 0; c < t.channels; c++) {
    for (let d = 0; d < t.depth; d++) {
      const start = (c * t.depth + d) * size;
      planes.push({ channel: c, depth: d, data: t.data.subarray(start, start + size) });
    }
  }
  return planes;
}
