/** Dense float64 tensors in row-major order: the engine's only data representation on the hot path. */

export interface Tensor3 {
  channels: number;
  height: number;
  width: number;
  data: Float64Array;
}

/** A conv weight `[dim0][dim1][kh][kw]`: `[Cout][Cin/groups]` for conv2d, `[Cin][Cout/groups]` for conv_transpose2d. */
export interface Weight {
  dims: readonly [number, number, number, number];
  data: Float64Array;
}

export type Nested = number | Nested[];

export function tensor3(channels: number, height: number, width: number, data?: Float64Array): Tensor3 {
  return { channels, height, width, data: data ?? new Float64Array(channels * height * width) };
}

export function cellCount(t: Tensor3): number {
  return t.channels * t.height * t.width;
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

export function tensor3ToNested(t: Tensor3): number[][][] {
  return toNested(t.data, [t.channels, t.height, t.width]) as number[][][];
}
